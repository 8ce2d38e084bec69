"""Mutated disclosures for the fuzz test (tests/read/test_fuzz.py) and benchmarks/fuzz.py.

Every case is a seeded mutation of a real input — the seed disclosures and, where ../shared is
present, excerpts of the shared PDFs — cut, flipped, re-encoded, inflated, or carrying script
and formula payloads; plus hand-made PDFs that stall a layout engine or inflate to gigabytes.
The same seed always gives the same bytes, so a failing case is reproduced by its number.

Each case is read the way ``parse`` and the build read files (``isolation.read_measured``)
and judged on what the issue asks: no traceback (no exception reaching a catch-all), time and
memory within the bounds, and a problem for every input that did not read.
"""

from __future__ import annotations

import functools
import random
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.read.isolation import read_measured
from generator.read.limits import ReadLimits

ROOT = Path(__file__).resolve().parent.parent
SHARED_PDF = ROOT.parent / "shared" / "pdf"

# What only a last-resort catch-all writes: an exception no part of the reader handled. (A
# page-named "page 3 could not be read (…)" is the PDF reader's designed handling of one page.)
CRASH = re.compile(
    r"^the file could not be read \(|^the \w+ could not be read \(|reader failed|reader crashed"
)

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}{{ config }}{% endraw %}",
    '=HYPERLINK("http://x","y")',
    "@SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\u202e\u200b\ufeff",
]


@dataclass
class Case:
    number: int
    kind: str  # the mutation, e.g. "text:flip" or "pdf:cut"
    suffix: str  # ".txt" or ".pdf"
    data: bytes


@dataclass
class Outcome:
    case: Case
    seconds: float
    peak_mb: float | None
    failed: bool
    lines: int
    errors: list[str] = field(default_factory=list)
    crash: str | None = None  # the problem a catch-all wrote
    silent: bool = False  # nothing read and no error said so
    unlocated: bool = False  # an error naming neither line nor page where one applies
    stopped: bool = False  # the time or memory limit stopped it


def text_seeds(lines: int | None = None) -> list[bytes]:
    """The seed disclosures (their first ``lines`` lines: 目录 and first tables, when given)."""
    out = [p.read_bytes() for p in sorted((ROOT / "content" / "disclosures").rglob("*.txt"))]
    return [b"\n".join(d.split(b"\n")[:lines]) for d in out] if lines else out


def pdf_seeds(workdir: Path, pages: int = 2) -> list[bytes]:
    """Excerpts of the shared PDFs (a few pages each, so that a case reads in well under a
    second), plus small hand-made ones when ../shared or pypdfium2 is missing."""
    from pdfs import one_page_pdf

    out = [one_page_pdf(b"BT /F1 12 Tf 72 720 Td (2021 budget) Tj ET")]
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return out
    for path in sorted(SHARED_PDF.glob("*.pdf")) if SHARED_PDF.is_dir() else []:
        source = pdfium.PdfDocument(str(path))
        for first in (0, len(source) // 2):
            excerpt = pdfium.PdfDocument.new()
            excerpt.import_pages(source, list(range(first, min(first + pages, len(source)))))
            target = workdir / f"{path.stem}-{first}.pdf"
            excerpt.save(str(target))
            excerpt.close()
            out.append(target.read_bytes())
        source.close()
    return out


# ---- text mutations -------------------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def t_cut(r: random.Random, d: bytes) -> bytes:
    return d[: r.randrange(len(d))]


def t_cut_lines(r: random.Random, d: bytes) -> bytes:
    lines = _lines(d)
    return b"\n".join(lines[: r.randrange(1, len(lines))])


def t_flip(r: random.Random, d: bytes) -> bytes:
    b = bytearray(d)
    for _ in range(r.choice((1, 1, 3, 20, 200))):
        b[r.randrange(len(b))] = r.randrange(256)
    return bytes(b)


def t_insert(r: random.Random, d: bytes) -> bytes:
    at = r.randrange(len(d))
    junk = bytes(r.randrange(256) for _ in range(r.choice((1, 4, 64, 1024))))
    return d[:at] + junk + d[at:]


def t_reencode(r: random.Random, d: bytes) -> bytes:
    text = d.decode("utf-8", errors="replace")
    how = r.choice(("gbk", "gb18030", "utf-16", "utf-32", "utf-16-le", "utf-8-sig", "bom+gbk",
                    "mixed", "latin1-mojibake", "fffd"))  # fmt: skip
    if how == "bom+gbk":
        return b"\xef\xbb\xbf" + text.encode("gbk", errors="replace")
    if how == "mixed":
        lines = text.split("\n")
        return b"\n".join(
            ln.encode("gbk", errors="replace") if r.random() < 0.1 else ln.encode() for ln in lines
        )
    if how == "latin1-mojibake":
        return d.decode("latin-1").encode("utf-8")
    if how == "fffd":
        return "".join(
            "\ufffd" if r.random() < 0.3 and ch > "\u4e00" else ch for ch in text
        ).encode()
    return text.encode(how, errors="replace")


def t_long_line(r: random.Random, d: bytes) -> bytes:
    lines = _lines(d)
    k = r.randrange(len(lines))
    unit = r.choice((b" ", b"\t", "收入".encode(), b"1", b"(", "，增加1万元".encode()))
    lines[k] = lines[k] + unit * r.choice((1000, 5000, 19000, 30000))
    return b"\n".join(lines)


def t_wide_row(r: random.Random, d: bytes) -> bytes:
    lines = _lines(d)
    k = r.randrange(len(lines))
    lines[k] = "项目名称\t".encode() + b"\t".join([b"1"] * r.choice((100, 900, 2000)))
    return b"\n".join(lines)


def t_many_rows(r: random.Random, d: bytes, choices=(100, 500, 2000, 20000)) -> bytes:
    lines = _lines(d)
    rows = [ln for ln in lines if b"\t" in ln] or lines
    k = r.randrange(len(lines))
    return b"\n".join(lines[:k] + [r.choice(rows)] * r.choice(choices) + lines[k:])


def t_many_rows_light(r: random.Random, d: bytes) -> bytes:
    return t_many_rows(r, d, (100, 500))


def t_number(r: random.Random, d: bytes) -> bytes:
    digits = b"9" * r.choice((16, 20, 28, 40, 400, 4300)) + r.choice((b"", b".25"))
    found = list(re.finditer(rb"\d[\d,]*\.\d\d", d))
    if not found:
        return d + b"\n" + digits
    m = r.choice(found)
    return d[: m.start()] + digits + d[m.end() :]


def t_payload(r: random.Random, d: bytes) -> bytes:
    lines = _lines(d)
    for _ in range(r.randint(1, 8)):
        k = r.randrange(len(lines))
        p = r.choice(PAYLOADS).encode()
        lines[k] = r.choice((p + lines[k], lines[k] + p, p + b"\t" + lines[k]))
    return b"\n".join(lines)


def t_shuffle(r: random.Random, d: bytes) -> bytes:
    lines = _lines(d)
    how = r.choice(("shuffle", "delete", "duplicate", "reverse"))
    if how == "shuffle":
        r.shuffle(lines)
    elif how == "delete":
        lines = [ln for ln in lines if r.random() > 0.3]
    elif how == "duplicate":
        lines = lines * r.choice((2, 10))
    else:
        lines.reverse()
    return b"\n".join(lines)


def t_controls(r: random.Random, d: bytes) -> bytes:
    b = bytearray(d)
    for _ in range(r.choice((1, 10, 100))):
        at = r.randrange(len(b))
        b[at:at] = r.choice(("\u2028", "\x0b", "\x0c", "\x85", "\r", "\u200b", "\x1b[31m")).encode()
    return bytes(b)


TEXT_MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "cut": t_cut,
    "cut-lines": t_cut_lines,
    "flip": t_flip,
    "insert": t_insert,
    "reencode": t_reencode,
    "long-line": t_long_line,
    "wide-row": t_wide_row,
    "many-rows": t_many_rows,
    "number": t_number,
    "payload": t_payload,
    "shuffle": t_shuffle,
    "controls": t_controls,
}

# ---- PDF mutations --------------------------------------------------------------------------

_KEYWORDS = [b"/Root", b"/Pages", b"/Kids", b"/Count", b"/MediaBox", b"/Length", b"/Filter",
             b"/FlateDecode", b"/Contents", b"/Resources", b"/Font", b"xref", b"startxref",
             b"endstream", b"endobj", b"trailer", b"/Parent", b"/Type"]  # fmt: skip
_REPLACEMENTS = [b"null", b"0", b"-1", b"99999999", b"[]", b"<<>>", b"()", b"/X", b"1 0 R",
                 b"[0 0]", b"(abc)", b"9999 0 R"]  # fmt: skip


def p_cut(r: random.Random, d: bytes) -> bytes:
    return d[: r.randrange(len(d))]


def p_flip(r: random.Random, d: bytes) -> bytes:
    return t_flip(r, d)


def p_zero(r: random.Random, d: bytes) -> bytes:
    at = r.randrange(len(d))
    n = r.choice((1, 16, 256, 4096))
    return d[:at] + b"\x00" * n + d[at + n :]


def p_keyword(r: random.Random, d: bytes) -> bytes:
    """Break the structure: a keyword misspelt, or the value after it replaced."""
    key = r.choice(_KEYWORDS)
    found = [m.start() for m in re.finditer(re.escape(key), d)]
    if not found:
        return t_flip(r, d)
    at = r.choice(found)
    if r.random() < 0.4:
        return d[:at] + key[:-1] + b"X" + d[at + len(key) :]
    end = at + len(key)
    m = re.compile(rb"\s*(\[[^\]]*\]|\d+ \d+ R|/\w+|\d+|\([^)]*\)|<<)").match(d, end)
    stop = m.end() if m else end
    return d[:end] + b" " + r.choice(_REPLACEMENTS) + d[stop:]


def p_splice(r: random.Random, d: bytes) -> bytes:
    """A piece of the file repeated or moved (a broken download resumed at the wrong place)."""
    a = r.randrange(len(d))
    b = min(len(d), a + r.choice((64, 1024, 16384)))
    at = r.randrange(len(d))
    return d[:at] + d[a:b] * r.choice((1, 2, 20)) + d[at:]


def p_text_payload(r: random.Random, d: bytes) -> bytes:
    from pdfs import one_page_pdf

    text = r.choice(PAYLOADS).replace("(", "").replace(")", "").encode("latin-1", "replace")
    return one_page_pdf(b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET")


def p_inflated(r: random.Random, d: bytes) -> bytes:
    """Hand-made: many text operators (slow to lay out) or a stream that inflates hugely."""
    if r.random() < 0.5:
        return _inflated("operators", r.choice((1000, 1000, 20000, 20000, 100000, 400000)))
    return _inflated("blanks", r.choice((1 << 20, 64 << 20, 300 << 20)))


def p_inflated_light(r: random.Random, d: bytes) -> bytes:
    """The same kinds of file, small enough for the test suite (the limits are tested in
    tests/read/test_limits.py; the long run takes the heavy ones)."""
    if r.random() < 0.5:
        return _inflated("operators", r.choice((200, 2000)))
    return _inflated("blanks", 1 << 20)


@functools.cache
def _inflated(kind: str, n: int) -> bytes:
    from pdfs import one_page_pdf, text_operators

    return one_page_pdf(text_operators(n) if kind == "operators" else b" " * n)


PDF_MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "cut": p_cut,
    "flip": p_flip,
    "zero": p_zero,
    "keyword": p_keyword,
    "splice": p_splice,
    "payload": p_text_payload,
    "inflated": p_inflated,
}


def cases(count: int, seed: int, workdir: Path, light: bool = False) -> Iterator[Case]:
    """``count`` mutations of text and PDF seeds (one in two a PDF; one in four when
    ``light``); case n depends only on (seed, n). ``light`` (the test suite): the seeds' first
    lines, one-page PDF excerpts, and no input built to stall the reader."""
    texts, pdfs = text_seeds(250 if light else None), pdf_seeds(workdir, pages=1 if light else 2)
    text_mutations = (
        dict(TEXT_MUTATIONS, **{"many-rows": t_many_rows_light}) if light else TEXT_MUTATIONS
    )
    pdf_mutations = dict(PDF_MUTATIONS, inflated=p_inflated_light) if light else PDF_MUTATIONS
    for n in range(count):
        r = random.Random(f"{seed}:{n}")
        if n % (4 if light else 2):
            name, mutate = r.choice(sorted(text_mutations.items()))
            data = r.choice(texts)
            for _ in range(r.choice((1, 1, 1, 2))):
                data = mutate(r, data) or b""
            yield Case(n, f"text:{name}", ".txt", data)
        else:
            name, mutate = r.choice(sorted(pdf_mutations.items()))
            yield Case(n, f"pdf:{name}", ".pdf", mutate(r, r.choice(pdfs)) or b"")


def run_case(case: Case, limits: ReadLimits, workdir: Path) -> Outcome:
    path = workdir / f"case-{case.number}{case.suffix}"
    path.write_bytes(case.data)
    try:
        reading = read_measured(path, limits)
    finally:
        path.unlink()
    doc = reading.document
    errors = [p for p in doc.problems if p.severity == "error"]
    crash = next((p.message for p in doc.problems if CRASH.search(p.message)), None)
    stopped = any(
        "read_timeout_seconds" in p.message or "read_memory_mb" in p.message for p in errors
    )
    located = [p for p in errors if p.line or p.page]
    needs_place = [p for p in errors if re.search(r"\bline \d|\bpage \d", p.message)]
    return Outcome(
        case=case,
        seconds=reading.seconds,
        peak_mb=reading.peak_mb,
        failed=doc.failed,
        lines=len(doc.lines),
        errors=[p.message for p in errors],
        crash=crash,
        silent=not doc.lines and not errors,
        unlocated=bool(needs_place) and not located,
        stopped=stopped,
    )


def workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="budget-fuzz-")
