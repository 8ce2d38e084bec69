"""The audit of ../shared/corpus, computed once per code version and kept in .cache/.

Reading the 87 corpus files takes minutes; the rows depend only on the reader's code and
data and on the files, so they are cached under a key made of both. Any change to
generator/ reads the corpus again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from generator.read import ocr
from generator.read.audit import AuditRow, audit, find_inputs
from generator.read.parts import group_inputs

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "corpus-audit"


def _key(inputs: list[str]) -> str:
    h = hashlib.sha256()
    for path in sorted((ROOT / "generator").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".csv", ".json"):
            h.update(str(path.relative_to(ROOT)).encode())
            h.update(path.read_bytes())
    h.update(b"ocr" if ocr.available() else b"no ocr")  # scanned files read differently
    for p in inputs:
        h.update(p.encode())
        h.update(hashlib.sha256(Path(p).read_bytes()).digest())
    return h.hexdigest()[:24]


def corpus_rows(corpus: Path, workers: int = 2) -> list[AuditRow]:
    inputs = find_inputs([str(corpus)])
    cached = CACHE / f"{_key(inputs)}.json"
    if cached.is_file():
        return [AuditRow(**d) for d in json.loads(cached.read_text(encoding="utf-8"))]
    rows = sorted(audit(group_inputs(inputs), workers), key=lambda r: r.path)
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("*.json"):
        old.unlink()
    cached.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False), encoding="utf-8")
    return rows
