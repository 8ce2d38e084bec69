"""Findings kept packed while the build holds a whole collection.

A national collection has hundreds of thousands of findings, each a message, its evidence
and their source references: as Python objects about 3 KB each, the largest part of what the
build keeps in memory per document. Findings are read whole only where one department-year
is rendered, or where a page or a download goes through them one department at a time. So
the build keeps each document's findings as one compressed pickle (about a tenth of the
size) and unpacks them where they are read; the unpacked lists are equal, in the same
order, to what the checks gave.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator import unpickle
from generator.checks.model import Finding


@dataclass(frozen=True, slots=True)
class Tally:
    """What a summary counts of some findings, kept beside their packed bytes: the quality
    page adds these up over a whole collection without unpacking a finding."""

    counts: tuple[tuple[str, int], ...] = ()  # checked findings by severity, sorted
    not_checked: int = 0
    rules: tuple[str, ...] = ()  # the rules of the checked findings, sorted
    all_rules: tuple[str, ...] = ()  # the rules of every finding, sorted
    contradictions: int = 0  # severity "error", not a rounding difference

    def __add__(self, other: Tally) -> Tally:
        counts = dict(self.counts)
        for severity, n in other.counts:
            counts[severity] = counts.get(severity, 0) + n
        return Tally(
            tuple(sorted(counts.items())),
            self.not_checked + other.not_checked,
            tuple(sorted({*self.rules, *other.rules})),
            tuple(sorted({*self.all_rules, *other.all_rules})),
            self.contradictions + other.contradictions,
        )


def contradiction(f: Finding) -> bool:
    """A finding of severity "error" that is not a rounding difference: what the quality
    page lists first."""
    return f.severity == "error" and f.status != "rounding"


def failed_evidence(findings: Iterable[Finding]) -> Iterator[tuple[str, int, str]]:
    """(file, line, rule) of each failed finding's evidence that names a line, in order."""
    for f in findings:
        if f.status == "failed":
            for ev in f.evidence:
                if ev.source is not None:
                    yield ev.source.file, ev.source.line, f.rule


def tally(findings: Iterable[Finding]) -> Tally:
    counts: dict[str, int] = {}
    not_checked = contradictions = 0
    rules: set[str] = set()
    every: set[str] = set()
    for f in findings:
        every.add(f.rule)
        if contradiction(f):
            contradictions += 1
        if f.status == "not_checked":
            not_checked += 1
            continue
        counts[f.severity] = counts.get(f.severity, 0) + 1
        rules.add(f.rule)
    return Tally(
        tuple(sorted(counts.items())),
        not_checked,
        tuple(sorted(rules)),
        tuple(sorted(every)),
        contradictions,
    )


class PackedFindings(Sequence):
    """An ordered, read-only list of findings, unpacked on each reading."""

    __slots__ = ("_blob", "_n", "_parts", "_failed", "_tally", "_files")

    def __init__(self, findings: Iterable[Finding] = ()):
        items = list(findings)
        self._n = len(items)
        self._blob = (
            zlib.compress(pickle.dumps(items, pickle.HIGHEST_PROTOCOL), 1) if items else b""
        )
        self._parts: tuple[PackedFindings, ...] = ()
        self._failed = _failed_lines(items)
        self._tally = tally(items)
        self._files = tuple(sorted(_files_named(items)))

    @classmethod
    def chain(cls, parts: Iterable[PackedFindings | None]) -> PackedFindings:
        """The parts one after the other, without unpacking them (a department-year's
        findings are its documents'): at 20,000 documents, unpacking and packing them
        again cost a minute of every build."""
        kept = tuple(p for p in parts if p)
        if len(kept) == 1:
            return kept[0]
        out = cls()
        out._parts, out._n = kept, sum(len(p) for p in kept)
        return out

    def tally(self) -> Tally:
        if self._parts:
            return sum((part.tally() for part in self._parts), Tally())
        return self._tally

    def failed_lines(self) -> Iterator[tuple[str, int, str]]:
        """``failed_evidence`` of these findings, without unpacking them: the metrics mark every figure a failed finding points at, over the
        whole collection on every build."""
        if self._parts:
            for part in self._parts:
                yield from part.failed_lines()
            return
        if self._failed:
            for file, lines in unpickle.loads(zlib.decompress(self._failed)):
                for line, rule in lines:
                    yield file, line, rule

    def files(self) -> set[str]:
        """Every file these findings name (their documents' and their evidence's), without
        unpacking them: what a download of them depends on beside their digest."""
        if self._parts:
            return set().union(*(part.files() for part in self._parts))
        return set(self._files)

    def unpacked(self) -> list[Finding]:
        if self._parts:
            return [f for part in self._parts for f in part.unpacked()]
        return unpickle.loads(zlib.decompress(self._blob)) if self._n else []

    def digest(self) -> str:
        """A hash of the findings, from their packed bytes (pages depend on it): equal
        findings packed the same way give the same hash, and different findings never do."""
        if self._parts:
            joined = "\n".join(part.digest() for part in self._parts)
            return hashlib.sha256(joined.encode()).hexdigest()[:16]
        return hashlib.sha256(self._blob).hexdigest()[:16]

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.unpacked())

    def __getitem__(self, index):  # type: ignore[override]
        return self.unpacked()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedFindings):
            return self._n == other._n and self.unpacked() == other.unpacked()
        if isinstance(other, list):
            return self.unpacked() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __repr__(self) -> str:
        return f"PackedFindings({self._n} findings)"

    def __getstate__(self) -> tuple:
        return self._blob, self._n, self._parts, self._failed, self._tally, self._files

    def __setstate__(self, state: tuple) -> None:
        self._blob, self._n, self._parts, self._failed, self._tally, self._files = state


def _files_named(findings: list[Finding]) -> set[str]:
    files = {f.document for f in findings}
    files.update(e.source.file for f in findings for e in f.evidence if e.source is not None)
    return files


def _failed_lines(findings: list[Finding]) -> bytes:
    """The evidence lines of the failed findings, grouped by runs of one file (nearly all of
    a document's evidence is in its own file), packed as the findings are: a national
    collection has about half a million, 80 bytes each as tuples, two or three packed."""
    runs: list[tuple[str, list[tuple[int, str]]]] = []
    for file, line, rule in failed_evidence(findings):
        if not runs or runs[-1][0] != file:
            runs.append((file, []))
        runs[-1][1].append((line, rule))
    if not runs:
        return b""
    return zlib.compress(pickle.dumps(runs, pickle.HIGHEST_PROTOCOL), 1)


def packed(findings: Iterable[Finding] | None) -> PackedFindings | None:
    return None if findings is None else PackedFindings(findings)


class FindingsByDocument(Sequence):
    """The findings of a whole site in the checks' order (``merge_findings``: by document
    first), kept packed per document: iterating it unpacks one document at a time."""

    __slots__ = ("_by_document", "_n")

    def __init__(self, by_document: Mapping[str, PackedFindings]):
        self._by_document = {d: by_document[d] for d in sorted(by_document) if by_document[d]}
        self._n = sum(len(p) for p in self._by_document.values())

    def of(self, document: str) -> PackedFindings | None:
        return self._by_document.get(document)

    def failed_lines(self) -> Iterator[tuple[str, int, str]]:
        for part in self._by_document.values():
            yield from part.failed_lines()

    def digest(self) -> str:
        """A hash of every finding of the site, from the packed bytes of each document's."""
        h = hashlib.sha256()
        for document, part in self._by_document.items():
            h.update(f"{document}\0{part.digest()}\n".encode())
        return h.hexdigest()[:16]

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Finding]:
        for part in self._by_document.values():
            yield from part

    def __getitem__(self, index):  # type: ignore[override]
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FindingsByDocument({len(self._by_document)} documents, {self._n} findings)"
