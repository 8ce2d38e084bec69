"""Reading on a ``dask.distributed`` cluster: connecting, shipping a disclosure's files to a
worker, and a bounded stream of reading tasks (``build --dask`` and ``audit --dask``).

Cluster workers need not share the client's file system, so by default a task carries the
bytes of the files it reads (the disclosure, its parts, their sidecars): the worker writes
them into a temporary folder under the names the reader must see and reads them there, so a
Document read on a worker is the one read locally. With ``shared=True`` (``--dask-shared``)
every worker sees the same files at the same paths (NFS, one big machine) and only the
names travel.

``distributed`` is imported only here and only when a cluster is asked for: a normal build
does not pay its import time.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.code_version import READING_LIBRARIES, library_versions, tree_hash
from generator.read import ocr
from generator.read.limits import DEFAULT_LIMITS
from generator.read.sidecar import read_sidecar, sidecar_path

CONNECT_TIMEOUT = "10s"  # how long to try reaching the scheduler
WORKER_WAIT = 60  # seconds to wait for a first worker to join the scheduler
TASKS_PER_THREAD = 4  # tasks in flight per worker thread: enough to keep every worker busy
REFRESH_CAP_EVERY = 256  # finished tasks between two looks at how many worker threads there are
MAX_BYTES_IN_FLIGHT = 512 * 1024 * 1024  # shipped file bytes held by the client at once
# A file above the reader's own cap is refused without being read: that is done here, at once.
MAX_SHIPPED_FILE = max(DEFAULT_LIMITS.max_pdf_bytes, DEFAULT_LIMITS.max_text_bytes)
READER_CODE = Path(__file__).resolve().parent
MODEL_CODE = READER_CODE.parent / "model.py"

# os.chdir is process-wide: a worker running several threads reads one disclosure at a time
_CWD_LOCK = threading.Lock()
_VERSION: list[str] = []


class ClusterError(Exception):
    """The cluster cannot be used at all (unreachable, no workers, another reader version);
    the message is one line for the command to print."""


@dataclass
class Shipment:
    """One disclosure as a task carries it: the names the reader reads (relative to the
    work folder, POSIX), and the bytes of every file it may open, or ``None`` when the
    workers read ``names`` under ``shared_base`` on a shared file system."""

    names: list[str]
    files: dict[str, bytes] | None = None
    shared_base: str | None = None
    # worker folder -> the client's, for the names a task's result shows (audit rows)
    renames: dict[str, str] | None = None

    @property
    def size(self) -> int:
        return sum(map(len, (self.files or {}).values()))


def reader_version() -> str:
    """The reader's files and the model it fills (whose field order is in every pickled
    Document, generator/pickle_layout.py), compiled files left out, with the versions of the
    PDF libraries it reads through and whether OCR is installed. A worker whose reader
    differs from the client's would fill the cache with another reader's output, and the
    build's read cache is kept under it (build_cache)."""
    if not _VERSION:
        model = hashlib.sha256(MODEL_CODE.read_bytes()).hexdigest()[:16]
        libraries = library_versions(READING_LIBRARIES) + ("-ocr" if ocr.available() else "")
        _VERSION.append(f"{tree_hash(READER_CODE)}-{model}-{libraries}")
    return _VERSION[0]


# -- client side ------------------------------------------------------------------------------
def pack(files: list[tuple[str, Path]]) -> Shipment | None:
    """A disclosure's files (worker name, client path; the first names the disclosure) with
    their sidecars and the parts the first one's sidecar names. ``None`` when a file is
    missing, unreadable or over the reader's cap here: reading it here is as quick as
    finding that out, and gives the same answer."""
    names = [name for name, _ in files]
    wanted = list(files)
    head_name, head = files[0]
    if sidecar_path(head).is_file():
        for part in read_sidecar(head)[0].get("parts") or []:
            wanted.append((posixpath.join(posixpath.dirname(head_name), part), head.parent / part))
    wanted += [(posixpath.splitext(n)[0] + ".toml", sidecar_path(p)) for n, p in list(wanted)]
    shipped: dict[str, bytes] = {}
    for name, path in wanted:
        if name in shipped:
            continue
        try:
            if path.stat().st_size > MAX_SHIPPED_FILE:
                return None
            shipped[name] = path.read_bytes()
        except FileNotFoundError:
            if name in names:
                return None
            # a sidecar or named part that is not there is not there on the worker either
        except OSError:
            return None  # a folder, a file without permission: the reader says so here
    return Shipment(names, shipped)


@contextmanager
def connect(address: str) -> Iterator[Any]:
    """A ``distributed.Client`` on ``address`` whose workers run this reader, closed after."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise ClusterError(f"--dask needs the 'distributed' package ({exc})") from exc
    try:
        _check_address(address)
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - refused, timed out, bad address: all one answer
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({_reason(exc)})"
        ) from exc
    try:
        _check_workers(client, address)
        yield client
    finally:
        client.close()


def _check_address(address: str) -> None:
    """A malformed address fails here, before a Client is half made (and then complains
    again while it is garbage-collected)."""
    from distributed.comm.addressing import get_address_host_port, parse_address
    from distributed.comm.registry import get_backend

    scheme = parse_address(address)[0]
    get_backend(scheme)
    if scheme in ("tcp", "tls", "ws", "wss"):
        get_address_host_port(address)  # "tcp://" or "tcp://host:" fail here


def _check_workers(client: Any, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except Exception as exc:  # noqa: BLE001 - a timeout
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers after {WORKER_WAIT} s "
            f"(start some: dask worker {address} --nthreads 1)"
        ) from exc
    try:
        versions = client.run(reader_version)
    except Exception as exc:  # noqa: BLE001 - the workers cannot import this package
        raise ClusterError(
            f"the Dask workers at {address} cannot run this reader ({_reason(exc)}); "
            "install this project on every worker"
        ) from exc
    other = sorted(w for w, v in versions.items() if v != reader_version())
    if other:
        raise ClusterError(
            f"{len(other)} Dask worker(s) at {address} run another version of the reader "
            f"(first: {other[0]}); install this version of the project on every worker"
        )


@dataclass
class Outcome:
    """What became of one job: the task's ``value``, or the ``failure`` that stopped it, or
    ``local`` when it was not shipped (``pack`` gave None) and is to be read here."""

    tag: Any
    value: Any = None
    failure: str | None = None
    local: bool = False


def stream(
    client: Any,
    task: Callable[[Shipment], tuple[str, Any]],
    jobs: Iterable[tuple[Any, Shipment | None]],
) -> Iterator[Outcome]:
    """Run ``task(shipment)`` for each job on the cluster, yielding each outcome as it
    finishes (a task that raised, whose worker died or runs another reader is a failure).
    At most a few tasks per worker thread (and ``MAX_BYTES_IN_FLIGHT`` of shipped bytes)
    are pending at once, so the client's memory does not grow with the collection."""
    from distributed import as_completed

    cap = _cap(client)
    pending = iter(jobs)
    tags: dict[str, tuple[Any, int]] = {}
    queue = as_completed(loop=client.loop)
    in_flight = finished = 0

    def top_up() -> Iterator[Outcome]:
        nonlocal in_flight
        while len(tags) < cap and (not tags or in_flight < MAX_BYTES_IN_FLIGHT):
            job = next(pending, None)
            if job is None:
                return
            tag, shipment = job
            if shipment is None:
                yield Outcome(tag, local=True)
                continue
            with warnings.catch_warnings():  # a large PDF is a large task: that is the point
                warnings.filterwarnings("ignore", message=".*[Ll]arge.*")
                try:
                    future = client.submit(task, shipment, pure=False)
                except Exception as exc:  # noqa: BLE001 - the client closed: the scheduler is gone
                    raise _lost(exc) from exc
            tags[future.key] = (tag, shipment.size)
            in_flight += shipment.size
            queue.add(future)

    yield from top_up()
    for future in queue:
        tag, size = tags.pop(future.key)
        in_flight -= size
        try:
            version, value = future.result()
        except Exception as exc:  # noqa: BLE001 - a reader bug, a killed worker: that job fails
            if client.status != "running":
                raise _lost(exc) from exc
            yield Outcome(tag, failure=_reason(exc))
        else:
            if version == reader_version():
                yield Outcome(tag, value)
            else:
                reason = f"the Dask worker runs another version of the reader ({version})"
                yield Outcome(tag, failure=reason)
        future.release()
        finished += 1
        if finished % REFRESH_CAP_EVERY == 0:  # workers come and go (adaptive clusters)
            cap = _cap(client)
        yield from top_up()


def _cap(client: Any) -> int:
    return TASKS_PER_THREAD * max(sum(client.nthreads().values()), 1)


def _lost(exc: BaseException) -> ClusterError:
    return ClusterError(f"the connection to the Dask scheduler was lost ({_reason(exc)})")


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# -- worker side ------------------------------------------------------------------------------
@contextmanager
def work_folder(shipment: Shipment) -> Iterator[Path]:
    """The folder the shipment's names are read in, made the current directory for this task
    alone (the reader opens names relative to it): a temporary folder holding the shipped
    bytes, or the shared folder."""
    with _CWD_LOCK, tempfile.TemporaryDirectory(prefix="budget-read-") as tmp:
        root = Path(tmp).resolve()
        if shipment.files is None:
            root = Path(shipment.shared_base or ".").resolve()
        for name, data in (shipment.files or {}).items():
            target = (root / name).resolve()
            if root not in target.parents:
                raise ValueError(f"a shipped file name leaves the work folder: {name!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        old = os.getcwd()
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(old)
