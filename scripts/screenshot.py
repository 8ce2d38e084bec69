"""Take the README screenshots (docs/): the home page and a department-year page, each at a
phone's width (390 px) and a desktop's (1280 px).

Builds nothing: run `make site` first. Serves _site/ on loopback, opens each page in Debian's
headless Chromium through Playwright (Chinese text needs Debian's fonts-noto-cjk), and writes
a PNG of the top of the page, so the pictures always show what the current code builds.

    .venv/bin/python scripts/screenshot.py
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
SHOTS = (  # (page, name, width, height)
    ("", "home", 390, 1600),
    ("", "home", 1280, 1100),
    ("d/410526-ybj/2024/", "department-year", 390, 1800),
    ("d/410526-ybj/2024/", "department-year", 1280, 1240),
)


def main() -> int:
    site = ROOT / "_site"
    if not (site / "index.html").is_file():
        print(f"{site} not built: run `make site` first", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for page, name, width, height in SHOTS:
                tab = browser.new_page(viewport={"width": width, "height": height})
                tab.goto(f"http://127.0.0.1:{server.server_port}/{page}", wait_until="load")
                if tab.locator("figure.chart").count():
                    tab.wait_for_selector("figure.chart svg", timeout=10_000)
                tab.wait_for_timeout(300)
                out = ROOT / "docs" / f"{name}-{width}.png"
                tab.screenshot(path=str(out))
                tab.close()
                print(f"wrote {out.relative_to(ROOT)}")
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
