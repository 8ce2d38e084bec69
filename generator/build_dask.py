"""``build --dask ADDRESS``: the read stage on an existing ``dask.distributed`` cluster.

At national scale (millions of PDFs, tens of CPU-days of reading) one machine cannot read
the collection, but it can still build the site from what was read: each Document lands in
the build's read cache (generator/build_cache.py) as it arrives, and the site stages run here
as always. An interrupted run loses nothing it finished, and a later plain ``build`` finds
every reading in the cache. Shipping the files and the bounded stream of tasks are
generator/read/cluster.py; this module only says what one task reads and what a failed one
becomes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from generator.build_readers import read_group, reader_failed
from generator.model import Document
from generator.read.cluster import (
    ClusterError,
    Shipment,
    connect,
    pack,
    reader_version,
    stream,
    work_folder,
)
from generator.read.extract import failed_document

# done(index, document, keep): keep is False for a reading the cluster failed to make, which
# must not be cached (the next build reads it again)
Done = Callable[..., None]


def read_on_cluster(
    address: str, base: Path, jobs: list[list[Path]], done: Done, shared: bool = False
) -> None:
    """Read each job (the files of one disclosure, under ``base``) on the cluster at
    ``address``, as ``build_cache.process_in_workers`` reads in local processes. With
    ``shared`` the workers read the files at the same paths (a shared file system) instead
    of being sent their bytes. Raises ``ClusterError`` when the cluster cannot be used."""
    with connect(address) as client:
        try:
            for out in stream(client, _read_task, _shipments(base, jobs, shared)):
                paths = jobs[out.tag]
                if out.local:
                    done(out.tag, read_group(None, base, paths))
                elif out.failure is not None:
                    done(out.tag, _failed(base, paths, out.failure), False)
                else:
                    done(out.tag, out.value)
        except ClusterError as exc:
            raise ClusterError(
                f"{exc}; what was read is in the cache: build again to go on"
            ) from exc


def _shipments(
    base: Path, jobs: list[list[Path]], shared: bool
) -> Iterator[tuple[int, Shipment | None]]:
    """Each job as a task carries it; its files are read only when it is about to be sent."""
    for i, paths in enumerate(jobs):
        names = [p.relative_to(base).as_posix() for p in paths]
        if shared:
            yield i, Shipment(names, shared_base=str(base))
        else:
            yield i, pack(list(zip(names, paths, strict=True)))


def _read_task(shipment: Shipment) -> tuple[str, Document]:
    """On a worker: the disclosure read where its names mean what they mean to the client."""
    with work_folder(shipment) as root:
        doc = read_group(None, root, [root / name for name in shipment.names])
    return reader_version(), doc


def _failed(base: Path, paths: list[Path], reason: str) -> Document:
    """What the local read stage makes of a reader that failed (build_readers.read_group)."""
    if len(paths) == 1:
        return reader_failed(base, paths[0], reason)
    rel = paths[0].relative_to(base).as_posix()
    return failed_document(
        rel,
        "",
        f"the disclosure could not be read ({reason})",
        f"文件未能读取（技术原因：{reason}）",
    )
