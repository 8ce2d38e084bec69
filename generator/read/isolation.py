"""Read one disclosure in a worker process that is stopped when it takes too long or too much.

The reader is linear and capped, but it stands on pdfminer, and a PDF can be built to make a
layout engine run for minutes and fill gigabytes (a 30 KB file with 400,000 text operators
did both). Reading each file in a child process with a wall-clock limit and an address-space
limit (``resource.setrlimit``) turns any such file into a Problem on that file, and the build
or ``parse`` goes on with the next one.

The child is forked (it shares the parent's imported modules, so starting it costs a few
milliseconds) and sends the finished ``Document`` back through a pipe. Where ``fork`` or
``resource`` is missing (Windows), the file is read in-process: the caps still hold, the time
and memory limits do not.
"""

from __future__ import annotations

import faulthandler
import hashlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from generator.model import Document, Metadata, Problem
from generator.read.limits import DEFAULT_LIMITS, MB, ReadLimits
from generator.read.reader import read_file

try:
    import multiprocessing
    import resource

    _CONTEXT = multiprocessing.get_context("fork")
except (ImportError, ValueError):  # pragma: no cover - not on Linux
    _CONTEXT = None


def isolation_available() -> bool:
    return _CONTEXT is not None


@dataclass
class Reading:
    """A document and what reading it cost: wall-clock seconds, and the worker's peak
    resident memory beyond what it started with (None when read in-process)."""

    document: Document
    seconds: float
    peak_mb: float | None


def read_isolated(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """``read_file`` in a worker process under ``limits``; never raises, never hangs longer
    than ``read_timeout_seconds`` (plus a second to collect the worker)."""
    return read_measured(path, limits).document


def read_measured(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> Reading:
    """``read_isolated`` with the cost of the reading (for the fuzz run and benchmarks)."""
    started = time.monotonic()
    if _CONTEXT is None:
        return Reading(read_file(path, limits), time.monotonic() - started, None)
    _warm()
    source = str(path)
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    worker = _CONTEXT.Process(target=_work, args=(sender, source, limits), daemon=True)
    worker.start()
    sender.close()
    document: Document | None = None
    peak_mb: float | None = None
    timed_out = False
    try:
        if receiver.poll(limits.read_timeout_seconds):
            document, peak_mb = receiver.recv()
        else:
            timed_out = True
    except (EOFError, OSError, MemoryError):
        document = None  # the worker died before it could answer
    finally:
        receiver.close()
    worker.join(timeout=1 if document is not None else 0.1)
    if worker.is_alive():
        worker.kill()
        worker.join()
    if document is not None:
        return Reading(document, time.monotonic() - started, peak_mb)
    if timed_out or worker.exitcode == -signal.SIGXCPU:
        problem = _timeout_problem(source, limits)
    elif worker.exitcode == -signal.SIGKILL:  # the system's out-of-memory killer
        problem = _memory_problem(source, limits)
    else:
        code = worker.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"status {code}"
        problem = Problem(
            "error",
            f"the reader crashed while reading the file ({how}), most often because the file "
            f"needs more than the {limits.read_memory_mb:,} MB allowed (site.toml [limits] "
            "read_memory_mb); the file was not read",
            source,
            message_zh=f"读取该文件时读取程序意外停止（{how}），通常是因为所需内存超过允许的 "
            f"{limits.read_memory_mb:,} MB（site.toml [limits] read_memory_mb），文件未读取",
        )
    document = Document(
        source=source,
        format="pdf" if source.lower().endswith(".pdf") else "text",
        sha256=_sha256(source, limits),
        metadata=Metadata(),
        problems=[problem],
    )
    return Reading(document, time.monotonic() - started, None)


def _warm() -> None:
    """Import the reader before forking: every worker then starts with it loaded, and the
    memory limit measures reading, not the loading of libraries."""
    import generator.read.document  # noqa: F401
    import generator.read.layout  # noqa: F401

    try:
        import generator.read.pdf  # noqa: F401
        import generator.read.pdf_health  # noqa: F401
    except ImportError:  # pragma: no cover - PDFs are then reported as unreadable
        pass


def _work(sender, source: str, limits: ReadLimits) -> None:
    """The worker: limit itself, read, answer. Anything it cannot answer, the parent words
    (so a crash dump inherited from the parent, e.g. pytest's faulthandler, is switched off)."""
    faulthandler.disable()
    _limit_self(limits)
    start_kb = _resident_kb()
    try:
        document = read_file(source, limits)
    except MemoryError:  # read_file catches it; the guard is for its own bookkeeping
        document = _memory_document(source, limits)
    peak_mb = max(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start_kb) / 1024
    try:
        sender.send((document, peak_mb))
    except MemoryError:
        sender.send((_memory_document(source, limits), peak_mb))
    sender.close()


def _resident_kb() -> int:
    """Resident memory now, in KB (the peak counter of a forked worker starts from it)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError):
        return 0


def _limit_self(limits: ReadLimits) -> None:
    allowance = limits.read_memory_mb * MB
    try:
        with open("/proc/self/statm") as handle:  # the address space inherited from the parent
            current = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        current = 0
    try:
        resource.setrlimit(resource.RLIMIT_AS, (current + allowance, current + allowance))
    except (ValueError, OSError):  # a hard limit already lower, or not supported
        pass
    cpu = int(limits.read_timeout_seconds) + 5  # a backstop should the parent be gone
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    except (ValueError, OSError):
        pass


def _memory_document(source: str, limits: ReadLimits) -> Document:
    return Document(
        source=source,
        format="pdf" if source.lower().endswith(".pdf") else "text",
        sha256=_sha256(source, limits),
        metadata=Metadata(),
        problems=[_memory_problem(source, limits)],
    )


def _memory_problem(source: str, limits: ReadLimits) -> Problem:
    return Problem(
        "error",
        f"reading the file needed more than {limits.read_memory_mb:,} MB of memory "
        "(site.toml [limits] read_memory_mb); it was not read",
        source,
        message_zh=f"读取该文件所需内存超过 {limits.read_memory_mb:,} MB"
        "（site.toml [limits] read_memory_mb），未读取",
    )


def _timeout_problem(source: str, limits: ReadLimits) -> Problem:
    seconds = f"{limits.read_timeout_seconds:g}"
    return Problem(
        "error",
        f"reading the file took longer than {seconds} s (site.toml [limits] "
        "read_timeout_seconds) and was stopped; no disclosure needs that long, so the file "
        "may be damaged or built to stall the reader",
        source,
        message_zh=f"读取该文件超过 {seconds} 秒（site.toml [limits] read_timeout_seconds），"
        "已停止；正常的公开文件不需要这么久，文件可能已损坏",
    )


def _sha256(source: str, limits: ReadLimits) -> str:
    """The file's digest for a Document the worker could not return (bounded by the caps)."""
    digest = hashlib.sha256()
    budget = max(limits.max_pdf_bytes, limits.max_text_bytes)
    try:
        with open(source, "rb") as handle:
            while budget > 0 and (chunk := handle.read(min(MB, budget))):
                digest.update(chunk)
                budget -= len(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
