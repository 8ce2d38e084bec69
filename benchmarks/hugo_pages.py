"""Hugo on pages equivalent to a department-year's: the yardstick of ``scale.py --hugo``.

Each page is Markdown with a title, a paragraph and a 60-row table of budget lines (code,
item, three amounts), which Hugo renders to about 7.4 KB of HTML with a minimal layout; the
site is built once, cold, by Debian's ``hugo`` in a subprocess.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from pathlib import Path

ITEMS = [
    "工资福利支出—基本工资",
    "商品和服务支出—办公费",
    "对个人和家庭的补助—退休费",
    "资本性支出—办公设备购置",
    "商品和服务支出—公务接待费",
]
LAYOUT = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
    "<title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>"
    "{{ .Content }}</main></body></html>\n"
)
LIST = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
    '</head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
    "</li>{{ end }}</ul></body></html>\n"
)


def page(i: int, rnd: random.Random) -> str:
    rows = [
        f"| {301 + k:03d}{k % 10:02d} | {ITEMS[k % len(ITEMS)]} | {rnd.randint(1, 10**6) / 100:.2f}"
        f" | {rnd.randint(1, 10**6) / 100:.2f} | {rnd.randint(1, 10**5) / 100:.2f} |"
        for k in range(60)
    ]
    return (
        f'---\ntitle: "第 {i} 号部门 {2018 + i % 8} 年部门预算"\n---\n\n'
        "本页列出该部门本年度按经济分类的支出。\n\n"
        "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )


def make_site(root: Path, pages: int) -> None:
    rnd = random.Random(7)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "layouts" / "_default" / "single.html").write_text(LAYOUT, encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (root / "hugo.toml").write_text(
        'baseURL = "http://example.org/"\nlanguageCode = "zh-CN"\ntitle = "scale"\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n',
        encoding="utf-8",
    )
    for i in range(pages):
        folder = root / "content" / "d" / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"p{i:05d}.md").write_text(page(i, rnd), encoding="utf-8")


def time_hugo(root: Path, pages: int) -> dict | None:
    """Wall, CPU and peak memory of one cold ``hugo`` build; None when hugo is missing."""
    exe = shutil.which("hugo")
    if exe is None:
        return None
    shutil.rmtree(root, ignore_errors=True)
    make_site(root, pages)
    version = subprocess.run([exe, "version"], capture_output=True, text=True).stdout.split()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [exe, "--quiet", "--destination", "public"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"hugo failed: {proc.stderr.read().decode(errors='replace')[-2000:]}")
    proc.stderr.close()
    html = sorted((root / "public" / "d").rglob("p*/index.html"))
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "html_kb": html[0].stat().st_size / 1024 if html else 0.0,
        "version": version[1] if len(version) > 1 else "hugo",
    }
