"""What is wrong with a PDF the page reader cannot or should not read, said per file or page.

Three faults get past ``pdf.read_pdf``'s own checks: a stream that inflates to gigabytes (a
30 KB file can hold one), a file with no pages or no page tree (a broken ``/Root``), and a page
whose description is so broken that pdfplumber fails while listing the pages — and again when
it closes the file, so the error that escapes is a bare ``TypeError`` naming nothing. Here the
first is found before any page is read, and the last is retraced page by page so the problem
names the page.
"""

from __future__ import annotations

import zlib

from generator.model import Problem
from generator.read.limits import ReadLimits

_CHUNK = 1 << 20


def oversized_stream(path: str, limits: ReadLimits) -> Problem | None:
    """A problem when one Flate stream of the file inflates past ``max_pdf_stream_mb``.

    Only objects stored directly in the file are opened (an object stream is itself such an
    object, so it is measured before anything inside it is unpacked); each stream is inflated
    in bounded chunks and never kept. Files the parser cannot open pass: ``read_pdf`` words
    that problem better.
    """
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream
    except ImportError:  # pragma: no cover - pdfplumber brings pdfminer
        return None
    cap = limits.max_pdf_stream_bytes
    try:
        with open(path, "rb") as handle:
            doc = PDFDocument(PDFParser(handle))
            seen: set[int] = set()
            for xref in doc.xrefs:
                for objid in xref.get_objids():
                    if objid in seen:
                        continue
                    seen.add(objid)
                    try:
                        if xref.get_pos(objid)[0] is not None:
                            continue  # inside an object stream, measured as a whole
                        obj = doc.getobj(objid)
                    except Exception:  # noqa: BLE001 - a broken object is read_pdf's to report
                        continue
                    if not isinstance(obj, PDFStream):
                        continue
                    filters = obj.get_filters()
                    if len(filters) != 1 or filters[0][0] not in LITERALS_FLATE_DECODE:
                        continue
                    size = _inflated_size(obj.rawdata or b"", cap)
                    if size > cap:
                        return _too_big(path, objid, limits)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - unreadable structure: read_pdf reports it
        return None
    return None


def _inflated_size(raw: bytes, cap: int) -> int:
    """Bytes the data inflates to, counting no further than just past ``cap``."""
    inflater = zlib.decompressobj()
    size = 0
    data = raw
    try:
        while data and size <= cap:
            out = inflater.decompress(data, _CHUNK)
            size += len(out)
            data = inflater.unconsumed_tail
    except zlib.error:
        return size  # a damaged stream: pdfminer reads what it can, within the memory limit
    return size


def _too_big(path: str, objid: int, limits: ReadLimits) -> Problem:
    mb = limits.max_pdf_stream_mb
    return Problem(
        "error",
        f"object {objid} of the PDF inflates to more than {mb:g} MB (site.toml [limits] "
        "max_pdf_stream_mb): no page of a disclosure needs that much, so the file was not read",
        path,
        message_zh=f"该 PDF 的第 {objid} 号对象解压后超过 {mb:g} MB（site.toml [limits] "
        "max_pdf_stream_mb），正常的公开文件不需要这么大，文件未读取",
    )


def no_pages(path: str) -> Problem:
    return Problem(
        "error",
        "the PDF has no pages (its page tree is empty or its /Root is broken): there is "
        "nothing to read",
        path,
        message_zh="该 PDF 没有任何页面（页面目录为空或 /Root 已损坏），没有可读取的内容",
    )


def diagnose(path: str, err: Exception) -> Problem:
    """The problem for an exception that escaped ``read_pdf``: the first page that cannot be
    set up names the fault; otherwise the file as a whole is said to be damaged."""
    reason = _reason(err)
    page = _first_broken_page(path)
    if page is not None:
        number, page_reason = page
        return Problem(
            "error",
            f"page {number} of the PDF is damaged and cannot be read ({page_reason}); "
            "the file was not read",
            path,
            page=number,
            message_zh=f"该 PDF 第 {number} 页已损坏，无法读取（技术原因：{page_reason}），"
            "文件未读取",
        )
    return Problem(
        "error",
        f"the PDF is damaged and cannot be read ({reason})",
        path,
        message_zh=f"PDF 文件已损坏，无法读取（技术原因：{reason}）",
    )


def _first_broken_page(path: str) -> tuple[int, str] | None:
    try:
        import pdfplumber
        from pdfminer.pdfpage import PDFPage
        from pdfplumber.page import Page
    except ImportError:  # pragma: no cover
        return None
    try:
        pdf = pdfplumber.open(path)
    except Exception:  # noqa: BLE001
        return None
    number = 0
    try:
        pages = PDFPage.create_pages(pdf.doc)
        while True:
            number += 1
            try:
                page = next(pages)
                Page(pdf, page, page_number=number, initial_doctop=0)
            except StopIteration:
                return None
            except MemoryError:
                raise
            except Exception as exc:  # noqa: BLE001 - this is the fault being looked for
                return number, _reason(exc)
    finally:
        pdf.stream.close()  # not pdf.close(): that would list the pages, and fail, again


def out_of_memory(err: BaseException) -> bool:
    """The exception is, or wraps, a MemoryError (pdfplumber wraps pdfminer's exceptions)."""
    seen: set[int] = set()
    todo: list[BaseException] = [err]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, MemoryError):
            return True
        todo.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))
        todo.extend(x for x in (e.__cause__, e.__context__) if x is not None)
    return False


def _reason(err: BaseException) -> str:
    inner = err
    while getattr(inner, "args", None) and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]  # pdfplumber wraps pdfminer's exception
    detail = str(inner).strip()
    return f"{type(inner).__name__}: {detail}" if detail else type(inner).__name__
