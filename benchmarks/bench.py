"""Site build numbers: pages built, build time (cold and warm), bytes per page.

Run: python benchmarks/bench.py [--fixtures]   (--fixtures: the hand-built test Documents)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import Builder  # noqa: E402
from generator.config import parse_config  # noqa: E402


def main() -> None:
    reader = None
    if "--fixtures" in sys.argv:
        from tests.site.helpers import fixture_reader

        reader = fixture_reader
    with tempfile.TemporaryDirectory() as tmp:
        cfg = parse_config(
            f'output_dir = "out"\ncontent_dir = "{(ROOT / "content").as_posix()}"\n'
            f'cache_dir = "{(ROOT / ".cache").as_posix()}"\n',
            Path(tmp),
        )
        builder = Builder(cfg, quiet=True, reader=reader)
        t = time.perf_counter()
        cold = builder.build()
        cold_s = time.perf_counter() - t
        t = time.perf_counter()
        warm = builder.build()
        warm_s = time.perf_counter() - t
        html = [p.stat().st_size for p in cfg.output_path.rglob("*.html")]
        dy = [p.stat().st_size for p in cfg.output_path.glob("d/*/*/index.html")]
        vega = (cfg.output_path / "static/vega.js").stat().st_size
        print(f"inputs: {cold.inputs}, pages: {cold.pages} ({len(html)} HTML)")
        print(f"cold build: {cold_s:.2f} s  stages: {cold.timings}")
        print(
            f"warm rebuild (nothing changed): {warm_s:.3f} s, rendered {warm.rendered}, written {warm.written}"
        )
        print(f"HTML bytes/page: median {statistics.median(html):,.0f}, max {max(html):,}")
        if dy:
            print(f"department-year pages: median {statistics.median(dy):,.0f} bytes")
        print(f"shared chart bundle static/vega.js: {vega:,} bytes (cached by the browser once)")
    from benchmarks_charts import main as charts  # type: ignore[import-not-found]

    charts()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import importlib

    sys.modules["benchmarks_charts"] = importlib.import_module("bench_charts")
    main()
