"""What ``serve`` costs per edit: the incremental rebuild after typical edits.

Run: python benchmarks/bench_serve.py [--repeat N] [--profile CASE]

Builds once into a temporary copy of the project (content, templates, static, site.toml),
then times the rebuild function ``serve`` calls after each kind of edit, N times:

    a  append a harmless line to one disclosure (滑县 2024 budget)
    b  change one figure in that disclosure (a table cell)
    c  edit a template used by one page kind (the source-document page)
    d  edit site.toml's description (shown on every page)

Wall time and CPU time (this process, all threads) are reported as median and max, with
the pages rendered and written. The machine may be busy with other work: CPU time says
how much of the wall time was ours. Each repetition is a real edit (a new text each time).
The reload itself (livereload telling the browser) is not measured.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import render  # noqa: E402
from generator.build import Builder  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.serve import _local, make_rebuild  # noqa: E402

DISCLOSURE = "content/disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"
FIGURE_LINE = "八、社会保障和就业\t701.87"  # a cell of 部门收支总体情况表
TEMPLATE = "source.html"
CONTENT_END = "{% endblock %}\n{% block scripts %}"  # end of the page's content block
HOST, PORT = "127.0.0.1", 8123


def copy_project(tmp: Path) -> Path:
    """The parts of the project a build reads, so edits never touch the real tree."""
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copy(ROOT / "site.toml", tmp / "site.toml")
    for bundle in (ROOT / ".cache").glob("vega-bundle-*.js"):  # generated once, slow to make
        (tmp / ".cache").mkdir(exist_ok=True)
        shutil.copy(bundle, tmp / ".cache" / bundle.name)
    render.TEMPLATES = tmp / "templates"
    render.STATIC = tmp / "static"
    return tmp / "site.toml"


def edits(tmp: Path) -> dict[str, tuple[str, Callable[[int], None]]]:
    doc = tmp / DISCLOSURE
    original = doc.read_text(encoding="utf-8")
    template = tmp / "templates" / TEMPLATE
    template_text = template.read_text(encoding="utf-8")
    toml = tmp / "site.toml"
    toml_text = toml.read_text(encoding="utf-8")
    description = next(line for line in toml_text.splitlines() if line.startswith("description"))
    assert FIGURE_LINE in original, "the benchmark's figure is no longer in the disclosure"
    assert CONTENT_END in template_text, f"{TEMPLATE} no longer ends its content block as expected"

    def append_line(i: int) -> None:
        doc.write_text(original + f"\n补充说明（第{i}次修改）\n", encoding="utf-8")

    def change_figure(i: int) -> None:
        value = f"701.{87 + 1 + i % 10:02d}"
        doc.write_text(original.replace(FIGURE_LINE, f"八、社会保障和就业\t{value}"), "utf-8")

    def touch_template(i: int) -> None:
        marked = f"<!-- revision {i} -->\n" + CONTENT_END
        template.write_text(template_text.replace(CONTENT_END, marked), encoding="utf-8")

    def edit_description(i: int) -> None:
        new = description[:-1] + f"（第{i}版）" + description[-1]
        toml.write_text(toml_text.replace(description, new), encoding="utf-8")

    def restore() -> None:
        doc.write_text(original, encoding="utf-8")
        template.write_text(template_text, encoding="utf-8")
        toml.write_text(toml_text, encoding="utf-8")

    return {
        "a": ("append a line to one disclosure", append_line),
        "b": ("change a figure in one disclosure", change_figure),
        "c": (f"edit a template ({TEMPLATE})", touch_template),
        "d": ("edit site.toml description", edit_description),
        "restore": ("", lambda _i: restore()),
    }


def timed(rebuild: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stderr(io.StringIO()):
        result = rebuild()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def stats(values: list[float]) -> str:
    return f"median {statistics.median(values):6.3f} s  max {max(values):6.3f} s"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--profile", choices=("a", "b", "c", "d"), help="cProfile one edit, once")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        config_path = str(copy_project(tmp))
        builder = Builder(_local(load_config(config_path), HOST, PORT), quiet=True)
        rebuild = make_rebuild(builder, config_path, HOST, PORT)
        wall, cpu, first = timed(rebuild)
        print(
            f"first build: {wall:.2f} s wall, {cpu:.2f} s CPU, {first.pages} pages"
            f" ({first.inputs} inputs)"
        )
        wall, cpu, same = timed(rebuild)
        print(
            f"nothing changed: {wall:.3f} s wall, {cpu:.3f} s CPU,"
            f" {same.rendered} rendered, {same.written} written"
        )
        cases = edits(tmp)
        restore = cases.pop("restore")[1]
        if args.profile:
            import cProfile
            import pstats

            cases[args.profile][1](1)
            profiler = cProfile.Profile()
            profiler.enable()
            timed(rebuild)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
            return
        for key, (label, edit) in cases.items():
            walls, cpus, counts, stages = [], [], set(), {}
            for i in range(args.repeat):
                edit(i)
                wall, cpu, result = timed(rebuild)
                walls.append(wall)
                cpus.append(cpu)
                counts.add((result.rendered, result.written))
                for stage, seconds in result.timings.items():
                    stages.setdefault(stage, []).append(seconds)
            restore(0)
            timed(rebuild)
            shown = ", ".join(f"{r} rendered / {w} written" for r, w in sorted(counts))
            print(f"({key}) {label}: {shown}")
            print(f"    wall {stats(walls)}")
            print(f"    CPU  {stats(cpus)}")
            parts = (f"{k} {statistics.median(v):.3f}" for k, v in stages.items())
            print(f"    stages (median wall s): {', '.join(parts)}")


if __name__ == "__main__":
    main()
