"""Chart cost per page: Altair construction + validation every time, vs one template + data.

Run: python benchmarks/bench_charts.py   (prints a small table; numbers go in the report)
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import altair as alt  # noqa: E402
import pandas as pd  # noqa: E402

from generator.site.charts import templates  # noqa: E402

ROWS = [
    {"label": "210 卫生健康支出", "value": 22517.59, "text": "22,517.59", "series": ""},
    {"label": "208 社会保障和就业支出", "value": 701.87, "text": "701.87", "series": ""},
    {"label": "221 住房保障支出", "value": 58.65, "text": "58.65", "series": ""},
]


def altair_each_time(rows):
    df = pd.DataFrame(rows)
    bars = alt.Chart(df).encode(
        y=alt.Y("label:N", sort=None, title=None),
        x=alt.X("value:Q", title="万元"),
        tooltip=["label:N", "text:N"],
    )
    chart = alt.layer(bars.mark_bar(), bars.mark_text(align="left", dx=4).encode(text="text:N"))
    return json.dumps(chart.properties(width="container").to_dict())  # to_dict validates


def template_fill(rows):
    templates()  # built once per process (cached)
    return json.dumps(rows, ensure_ascii=False)


def measure(fn, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn(ROWS)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, sum(times) * 1000


def main():
    t = time.perf_counter()
    templates.cache_clear()
    templates()
    once = (time.perf_counter() - t) * 1000
    altair_each_time(ROWS)  # warm imports
    a_med, a_sum = measure(altair_each_time, 200)
    f_med, f_sum = measure(template_fill, 2000)
    print(f"templates built once (all kinds):   {once:8.1f} ms")
    print(f"Altair build+validate per chart:    {a_med:8.3f} ms (median of 200)")
    print(f"template + page data per chart:     {f_med:8.4f} ms (median of 2000)")
    print(f"speed-up per chart:                 {a_med / f_med:8.0f}x")
    print(
        f"for 10,000 pages x 6 charts: Altair {a_med * 60000 / 1000:.0f} s vs template {f_med * 60000 / 1000:.2f} s"
    )


if __name__ == "__main__":
    main()
