"""``audit --dask ADDRESS``: the audit's rows read on an existing ``dask.distributed`` cluster.

A row is small, so a worker reads the disclosure and sends back only its row. The audit's
paths are the user's (absolute, or relative to where the command runs), and a worker cannot
recreate an absolute path in its temporary folder: each folder of a disclosure becomes a
placeholder there, and every name in the row is given back its real folder before the row
leaves the worker. The reader never looks at folder names, so the row is the local one.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.read.audit import AuditRow, audit_file, row_of
from generator.read.cluster import Shipment, connect, pack, reader_version, stream, work_folder
from generator.read.extract import failed_document

PLACEHOLDER = "_dask_folder"


def audit_on_cluster(
    address: str, groups: list[list[str]], shared: bool = False
) -> Iterator[AuditRow]:
    """Rows as disclosures finish on the cluster at ``address`` (the caller sorts), as
    ``audit.audit`` gives them from local processes. Raises ``ClusterError``."""
    with connect(address) as client:
        for out in stream(client, _audit_task, _shipments(groups, shared)):
            group = groups[out.tag]
            if out.local:
                yield audit_file(group)
            elif out.failure is not None:
                yield _failed(group, out.failure)
            else:
                yield out.value


def _shipments(groups: list[list[str]], shared: bool) -> Iterator[tuple[int, Shipment | None]]:
    for i, group in enumerate(groups):
        if shared:  # the same paths, from the same working folder, on every worker
            yield i, Shipment(list(group), shared_base=os.getcwd())
            continue
        folders: dict[str, str] = {}  # the client's folder -> its placeholder
        names = []
        for path in group:
            folder, name = os.path.split(path)
            if folder:
                folder = folders.setdefault(folder, f"{PLACEHOLDER}{len(folders)}")
            names.append(posixpath.join(folder, name))
        shipment = pack([(n, Path(p)) for n, p in zip(names, group, strict=True)])
        if shipment is not None:
            shipment.renames = {v: k for k, v in folders.items()}
        yield i, shipment


def _audit_task(shipment: Shipment) -> tuple[str, AuditRow]:
    """On a worker: the row of the shipped disclosure, under the client's names."""
    with work_folder(shipment):
        row = audit_file(shipment.names)
    return reader_version(), renamed(row, shipment.renames or {})


def renamed(row: AuditRow, folders: dict[str, str]) -> AuditRow:
    """The row with every placeholder folder in its names and messages given back."""
    if not folders:
        return row
    pattern = re.compile("|".join(re.escape(f + "/") for f in sorted(folders, key=len)[::-1]))

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            return pattern.sub(lambda m: os.path.join(folders[m.group(0)[:-1]], ""), value)
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        return value

    return dataclasses.replace(
        row, **{f.name: fix(getattr(row, f.name)) for f in dataclasses.fields(row)}
    )


def _failed(group: list[str], reason: str) -> AuditRow:
    """The row of a disclosure whose task failed: a failed row, as the reader's own."""
    what = "file" if len(group) == 1 else "disclosure"
    doc = failed_document(
        group[0],
        "",
        f"the {what} could not be read ({reason})",
        f"文件未能读取（技术原因：{reason}）",
    )
    return row_of(doc)
