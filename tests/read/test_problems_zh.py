"""Every problem the reader reports is also said in Chinese, with the same figures.

The site shows ``Problem.message_zh`` to citizens on zh-CN pages. Each input below is a way a
real file goes wrong (empty, binary, a PDF cut short or locked, a seed cut short, a GBK copy,
a bad sidecar, a unit printed as “单位：万”); the checks are that the Chinese message exists,
is Chinese, and carries every number of the English one (line, page, byte offset, code).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import seed_path

from generator.build_readers import text_only_reader
from generator.read import document as document_mod
from generator.read.pdf import read_pdf
from generator.read.reader import read_file

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _seed_lines(key: str) -> list[str]:
    return Path(seed_path(key)).read_text(encoding="utf-8").split("\n")


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _text_inputs(tmp: Path) -> dict[str, Path]:
    seed004 = Path(seed_path("004")).read_bytes()
    half = seed004[: len(seed004) // 2]
    while half.decode("utf-8", errors="ignore").encode() == half:
        half = half[:-1]  # end inside a multi-byte character
    text001 = Path(seed_path("001")).read_text(encoding="utf-8")
    gbk_half = text001[: len(text001) // 2]
    gbk_half = gbk_half[: max(m.end() for m in CJK.finditer(gbk_half))]  # ends in a 汉字
    gbk_cut = gbk_half[:-1].encode("gb18030") + gbk_half[-1].encode("gb18030")[:1]
    no_unit = _seed_lines("001")
    assert no_unit[310] == "单位：万"  # line 311 of seed 001, the unit cut short
    no_unit[310] = ""
    seed001 = Path(seed_path("001")).read_bytes()
    return {
        "empty": _write(tmp / "empty.txt", b""),
        "random": _write(tmp / "random.txt", bytes((i * 131 + 17) % 256 for i in range(4096))),
        "binary": _write(tmp / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 99),
        "pdf-named-txt": _write(tmp / "pdf.txt", b"%PDF-1.4\n"),
        "not-gbk": _write(tmp / "odd.txt", "预算".encode() + b"\x80\x80" + b"x" * 100),
        "not-text": _write(tmp / "ctrl.txt", bytes(range(1, 9)) * 200),
        "bad-utf8-bom": _write(
            tmp / "bom.txt", b"\xef\xbb\xbf" + seed001[:100] + b"\xff" + seed001[100:]
        ),
        "notes": _write(tmp / "notes.txt", "shopping list\neggs\nmilk\n"),
        "seed-half": _write(tmp / "half.txt", half),
        "seed-cut-371": _write(tmp / "cut.txt", "\n".join(_seed_lines("004")[:371])),
        "gbk-seed": _write(tmp / "gbk.txt", text001.encode("gb18030")),
        "gbk-cut": _write(tmp / "gbkcut.txt", gbk_cut),
        "seed-001": Path(seed_path("001")),
        "unit-removed": _write(tmp / "nounit.txt", "\n".join(no_unit)),
        "missing": tmp / "absent.txt",
    }


def _sidecar_inputs(tmp: Path) -> dict[str, Path]:
    body = Path(seed_path("003")).read_bytes()
    sidecars = {
        "sidecar-toml": 'year = 2020\nkind = "performance\n',
        "sidecar-keys": 'departement = "x"\nyear = "2020"\nkind = "annual"\npopulation = 0\n',
        "sidecar-region": 'region_code = "999999"\n',
        "sidecar-ambiguous": 'department = "普陀区医疗保障局"\n',
    }
    out: dict[str, Path] = {}
    for key, toml in sidecars.items():
        folder = tmp / key
        folder.mkdir()
        (folder / "2020-performance.toml").write_text(toml, encoding="utf-8")
        out[key] = _write(folder / "2020-performance.txt", body)
    folder = tmp / "sidecar-gbk"
    folder.mkdir()
    (folder / "2020-performance.toml").write_bytes('department = "医疗保障局"\n'.encode("gbk"))
    out["sidecar-gbk"] = _write(folder / "2020-performance.txt", body)
    return out


def _pdf_inputs(tmp: Path) -> dict[str, Path]:
    pytest.importorskip("reportlab")
    from test_pdf import canvas, make_budget, make_locked, make_rotated

    budget = tmp / "budget.pdf"
    make_budget(budget)
    data = budget.read_bytes()
    locked = tmp / "locked.pdf"
    make_locked(locked)
    odd = tmp / "odd.pdf"
    make_rotated(odd, blank_pages=1)  # page 2 has no text layer
    blank = tmp / "blank.pdf"
    c = canvas.Canvas(str(blank))
    c.showPage()
    c.save()
    return {
        "pdf-empty": _write(tmp / "empty.pdf", b""),
        "pdf-not-pdf": _write(tmp / "random.pdf", bytes((i * 97 + 13) % 256 for i in range(999))),
        "pdf-garbage": _write(tmp / "garbage.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8),
        "pdf-truncated": _write(tmp / "truncated.pdf", data[: len(data) * 2 // 3]),
        "pdf-locked": locked,
        "pdf-rotated-and-blank-page": odd,
        "pdf-scanned": blank,
        "pdf-missing": tmp / "absent.pdf",
    }


@pytest.fixture(scope="module")
def problems(tmp_path_factory) -> list[tuple[str, object]]:
    tmp = tmp_path_factory.mktemp("zh")
    inputs = {**_text_inputs(tmp), **_sidecar_inputs(tmp), **_pdf_inputs(tmp)}
    found = [(key, p) for key, path in inputs.items() for p in read_file(path).problems]
    found += [("text-only", p) for p in text_only_reader(str(seed_path("000"))).problems]
    found += [("pdf-reader-missing", p) for p in read_pdf(tmp / "absent.pdf")[3]]
    return found


@pytest.fixture(scope="module")
def failing_parts(tmp_path_factory) -> list[object]:
    """A part of the reader that raises, and the whole reader raising: both are reported."""
    mp = pytest.MonkeyPatch()

    def boom(*_args, **_kwargs):
        raise ValueError("boom at 42")

    try:
        mp.setattr(document_mod.glossary_mod, "read_glossary", boom)
        part = read_file(seed_path("004")).problems
        mp.setattr("generator.read.reader._read", boom)
        whole = read_file(seed_path("004")).problems
    finally:
        mp.undo()
    return part + whole


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


def _check(key: str, p) -> None:
    assert p.message_zh, (key, p.message)
    assert CJK.search(p.message_zh), (key, p.message_zh)
    missing = _numbers(p.message) - _numbers(p.message_zh)
    assert not missing, (key, p.message, p.message_zh, missing)


def test_every_problem_of_a_bad_input_is_said_in_chinese(problems):
    assert len(problems) >= 30
    for key, p in problems:
        _check(key, p)


def test_the_bad_inputs_give_the_problems_a_citizen_should_read(problems):
    by_key: dict[str, str] = {}
    for key, p in problems:
        by_key[key] = by_key.get(key, "") + " | " + p.message_zh
    expected = {
        "empty": "文件为空",
        "binary": "二进制",
        "missing": "文件无法读取",
        "notes": "不是预算公开文件",
        "seed-half": "似乎不完整",
        "seed-cut-371": "目录（第 50 行）列出了第四部分 名词解释、第五部分 附件",
        "gbk-cut": "似乎不完整",
        "seed-001": "表格《2024年一般公共预算支出情况表》的单位印作“单位：万”（不完整），按万元读取",
        "unit-removed": "表格《2024年一般公共预算支出情况表》没有注明金额单位",
        "gbk-seed": "只印了“单位：”，没有写明单位",
        "bad-utf8-bom": "不是有效的 UTF-8",
        "not-gbk": "既不是 UTF-8 也不是 GBK/GB18030",
        "not-text": "看起来不是文本",
        "sidecar-toml": "不是有效的 TOML 格式",
        "sidecar-keys": "未知的键“departement”",
        "sidecar-region": "地区代码 999999 不在地区代码表中",
        "sidecar-ambiguous": "对应多个地区",
        "sidecar-gbk": "不是 UTF-8 编码的文本",
        "pdf-empty": "文件为空",
        "pdf-not-pdf": "文件不是 PDF",
        "pdf-garbage": "PDF 文件",
        "pdf-truncated": "不完整",
        "pdf-locked": "该 PDF 有密码保护，无法读取",
        "pdf-rotated-and-blank-page": "第 2 页没有文字层",
        "pdf-scanned": "需要先做文字识别",
        "pdf-missing": "文件无法读取",
        "pdf-reader-missing": "文件无法打开",
        "text-only": "只显示原文文本",
    }
    for key, words in expected.items():
        assert words in by_key.get(key, ""), (key, by_key.get(key))
    assert "正文在第 371 行就结束了" in by_key["seed-cut-371"]
    assert "第 1 页有 4 个字符侧向" in by_key["pdf-rotated-and-blank-page"]


def test_the_unit_cut_short_keeps_its_line(problems):
    cut = [p for key, p in problems if key == "seed-001" and "单位：万" in p.message_zh]
    assert [p.line for p in cut] == [311]


def test_a_failing_part_and_a_failing_reader_are_said_in_chinese(failing_parts):
    assert len(failing_parts) >= 2
    for p in failing_parts:
        _check("failing", p)
    zh = " | ".join(p.message_zh for p in failing_parts)
    assert "名词解释部分未能读取" in zh and "文件未能读取" in zh and "boom at 42" in zh


def test_every_problem_the_code_creates_passes_a_chinese_message():
    # A new Problem(...) without message_zh would show English on a Chinese page.
    missing = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
                if not any(k.arg == "message_zh" for k in node.keywords):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not missing, missing
