"""Take the README screenshot (docs/screenshot.png) of a department-year page.

Builds nothing: run `make site` first. Serves _site/ on loopback, opens the page in Debian's
headless Chromium through Playwright, and writes a PNG of the top of the page, so the picture
in the README always shows what the current code builds.

    .venv/bin/python scripts/screenshot.py [page path] [output png]
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(page: str = "d/410526-ybj/2024/", out: str = "docs/screenshot.png") -> int:
    site = ROOT / "_site"
    if not (site / page / "index.html").is_file():
        print(f"{site / page} not found: run `make site` first", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            tab = browser.new_page(viewport={"width": 1280, "height": 1240})
            tab.goto(f"http://127.0.0.1:{server.server_port}/{page}")
            tab.wait_for_selector("figure.chart svg", timeout=10_000)
            tab.wait_for_timeout(500)
            tab.screenshot(path=str(ROOT / out))
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
