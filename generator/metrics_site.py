"""Files the metrics stage contributes to ``_site``: compare.json, compare.js, its own pages.

``files()`` returns every file as bytes keyed by its site-root path, so the site's writer can
place them (and write only what changed); ``write_preview`` writes them with a minimal page
shell, for the tests and for looking at the pages without the full site.
"""

from __future__ import annotations

import json
from pathlib import Path
from posixpath import relpath

from markupsafe import Markup, escape

from generator.metrics import compare_data
from generator.metrics_pages import (
    COMPARE_JS,
    COMPARE_JSON,
    COMPARE_PATH,
    Links,
    compare_body,
    department_section,
    department_year_section,
    methodology_section,
    ranking_pages,
)
from generator.metrics_types import Metrics

STATIC = Path(__file__).resolve().parent.parent / "static"


def compare_json(metrics: Metrics, links: Links | None = None) -> bytes:
    """compare.json, deterministic; ``url`` of each item relative to the compare page."""
    url = (lambda dy: links.department_year(dy)) if links else None
    data = compare_data(metrics, url_for=url)
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def compare_script() -> bytes:
    return (STATIC / "compare.js").read_bytes()


def _shell(title: str, body: Markup, depth_prefix: str) -> bytes:
    html = (
        '<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>\n'
        f'<body><p><a href="{depth_prefix}index.html">首页</a></p>\n{body}\n</body>\n</html>\n'
    )
    return html.encode("utf-8")


def _links_from(page: str) -> Links:
    """Preview links: relative from ``page`` to the preview's own paths."""
    base = str(Path(page).parent)

    def rel(target: str) -> str:
        return relpath(target, base)

    def dy_path(dy) -> str:
        return f"dy/{dy.key}/index.html"

    return Links(
        department_year=lambda dy: rel(dy_path(dy)),
        department=lambda did: rel(f"department/{did}/index.html"),
        source=lambda ref: "",
        ranking=lambda m, y, k: rel(f"rankings/{m}/{y}-{k}/index.html"),
        asset=rel,
    )


def files(metrics: Metrics) -> dict[str, bytes]:
    """Every preview file: site-root path -> bytes."""
    out: dict[str, bytes] = {}
    compare_links = _links_from(COMPARE_PATH)
    out[COMPARE_JSON] = compare_json(metrics, compare_links)
    out[COMPARE_JS] = compare_script()
    out[COMPARE_PATH] = _shell("对比部门年度", compare_body(compare_links), "../")
    for path, title, body in ranking_pages(metrics, _links_from("rankings/x/y/index.html")):
        out[path] = _shell(title, body, "../../../")
    for key, dy in metrics.department_years.items():
        path = f"dy/{key}/index.html"
        section = department_year_section(dy, metrics, _links_from(path))
        out[path] = _shell(f"{dy.department} {dy.year}", section, "../../")
    for did in sorted(metrics.series):
        path = f"department/{did}/index.html"
        out[path] = _shell(did, department_section(did, metrics, _links_from(path)), "../../")
    out["methodology/index.html"] = _shell("方法说明", methodology_section(), "../")
    return out


def write_preview(metrics: Metrics, out_dir: Path) -> list[Path]:
    written = []
    for rel_path, data in sorted(files(metrics).items()):
        target = out_dir / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
