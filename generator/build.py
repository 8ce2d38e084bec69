"""``python -m generator build``: the named stages, in order, each with one job.

    read     every disclosure -> Document (bad input gives Problems, never stops the build)
    check    generator.checks: findings (a rule that breaks becomes a finding; if the stage
             itself fails, the site says the checks did not run)
    metrics  generator.metrics.compute(...) (if it fails, the site shows no metrics)
    site     redact personal data, place documents, run every page provider
             (generator.site.providers.PROVIDERS, in order)
    render   render pages whose inputs changed (phase 2)
    write    write files whose bytes changed, remove files no page produces any more
    search   Pagefind indexes the written pages (generator.search.pagefind)

With ``dask_address`` (``build --dask tcp://host:8786``) the read stage runs on an existing
``dask.distributed`` cluster (generator/build_dask.py): each reading lands in the read cache
as it arrives, so the site is the one a local build makes, and a later plain build (or a
rerun after an interruption) reads only what the cluster did not.

A ``Builder`` keeps its caches between builds, so ``serve`` re-reads only the disclosure
that changed and re-renders only the pages that were built from it.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator import checks, render
from generator.build_cache import (
    Caches,
    Job,
    ReadCache,
    index_and_store,
    input_paths,
    process_in_workers,
    read_or_cached,
)
from generator.build_clock import Progress, StageClock
from generator.build_dask import read_on_cluster
from generator.build_fork import forked_map
from generator.build_index import (
    Indexed,
    index_document,
    prepare,
    share_strings,
    slim_findings,
)
from generator.build_inputs import input_key
from generator.build_readers import Reader, default_reader, read_group
from generator.build_render import Fingerprints, render_and_write
from generator.build_report import not_disclosure, outcomes
from generator.build_result import BuildResult, from_remembered
from generator.build_store import DocumentStore
from generator.build_uptodate import (
    Survey,
    code_hash,
    forget,
    manifest_name,
    remember,
    rendered_settings,
    survey,
)
from generator.checks import Finding
from generator.checks import packed_per_document as _per_document
from generator.checks.packed import FindingsByDocument, PackedFindings
from generator.code_version import READING_LIBRARIES
from generator.config import SiteConfig
from generator.content import Input
from generator.inventory import FAULTS, unread_rows
from generator.metrics import Metrics, compute
from generator.model import Document
from generator.read.regions import load_regions
from generator.search import pagefind
from generator.site.deps import digest
from generator.site.model import Placed, Site, build_site
from generator.site.page_images import PageImages
from generator.site.printed import printed_pdfs
from generator.site.providers import register_pages
from generator.site.registry import Registry
from generator.site_size import site_bytes

STAGES = ("read", "check", "metrics", "site", "render", "write", "search")


class Builder:
    def __init__(
        self,
        config: SiteConfig,
        quiet: bool = True,
        reader: Reader | None = None,
        disclosures: Path | None = None,
        workers: int | None = None,
        dask_address: str | None = None,
        dask_shared: bool = False,
        keep: Callable[[str], bool] | None = None,
    ):
        if dask_address is not None and reader is not None:
            raise ValueError("a Dask cluster runs the default reader only")
        self.config = config
        # processes that read and render (1: all in this one); default: every core
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.dask_address = dask_address  # read on this Dask scheduler's workers
        self.dask_shared = dask_shared  # the workers see the content at the same path
        # a shard (generator/shard.py) builds the files whose content-relative path it keeps
        self.keep = keep
        self.progress = Progress(quiet)
        self.reader = reader or default_reader()
        # where disclosures are found (``build --content PATH``); the Markdown pages stay
        # in the configured content folder
        self.source_dir = (disclosures or config.content_path).resolve()
        # read Documents on disk by content hash: only for the real reader
        self._custom = reader is not None
        self._disk = ReadCache(config.cache_path) if reader is None else None
        self._stores: dict[str, DocumentStore] = {}  # by privacy settings
        self._index: dict[str, Indexed] = {}  # the last build's entries, by store name
        self._names: dict[str, str] = {}  # content-relative path -> store name
        self._raw: dict[str, Document] = {}  # custom reader: the documents as checked
        self.errors: list[str] = []  # pages that could not be rendered (template bugs)
        self._checked_key: tuple[Any, ...] | None = None
        self._metrics_key: tuple[Any, ...] | None = None
        self._findings: FindingsByDocument | None = None
        self._metrics: Metrics | None = None
        self._env: Any = None  # the Jinja environment and its template hashes, kept
        self._template_hashes: render.TemplateHashes | None = None
        self._code: tuple[str, str] | None = None

    @property
    def store(self) -> DocumentStore:
        """Where indexed documents are kept: on disk for the real reader, else in memory."""
        privacy = repr(self.config.privacy)
        if privacy not in self._stores:
            folder = None if self._custom else self.config.cache_path / "documents"
            self._stores[privacy] = DocumentStore(folder, self._code_hash(index=True), privacy)
            self._stores[privacy].prune()
        return self._stores[privacy]

    @property
    def manifest_path(self) -> Path:
        """What the last build wrote, by page: one per output folder."""
        return self.config.cache_path / manifest_name(self.config)

    @property
    def _caches(self) -> Caches:
        return Caches(
            read=self.config.cache_path,
            store=self.config.cache_path / "documents",
            code=self._code_hash(index=True),
            privacy=self.config.privacy,
        )

    def _code_hash(self, index: bool = False) -> str:
        """``index``: the store's, without the libraries that only write pages (a Jinja
        upgrade renders every page again but indexes nothing again)."""
        if self._code is None:  # the running code cannot change while this process runs
            self._code = (code_hash(), code_hash(READING_LIBRARIES))
        return self._code[index]

    # -- stages -----------------------------------------------------------------------------
    def read(self, inputs: list[Input]) -> list[tuple[Input, Indexed]]:
        """Each disclosure's index entry: kept from the last build, else from the store on
        disk, else read and indexed (in worker processes when there are several)."""
        keys = [input_key(inp) for inp in inputs]
        names = [self.store.name(k) for k in keys]
        scope = manifest_name(self.config)
        if not self._index:  # a new process: the last build's entries, from their buckets
            self._index = self.store.bucketed(scope, names)
            gc.freeze()  # as the build does after this stage (see ``build``)
        entries: dict[int, Indexed] = {}
        todo = []
        for i, name in enumerate(names):
            entry = self._index.get(name)
            if entry is None and (entry := self.store.indexed(name)) is not None:
                share_strings(entry)
            if entry is None:
                todo.append(i)
            else:
                entries[i] = entry
        jobs = [Job(inputs[i], keys[i], names[i]) for i in todo]

        def done(j: int, entry: Indexed) -> None:
            entries[todo[j]] = share_strings(entry)
            self.progress.stage("read", len(entries), len(inputs))

        def arrived(j: int, doc: Document, keep: bool = True) -> None:
            """A reading from the cluster: indexed here; not kept when the cluster failed
            to read it (the next build reads it again)."""
            job = jobs[j]
            if self._disk is not None and keep:
                self._disk.put(job.read_key, doc)
            done(j, index_and_store(job, doc, self.config.privacy, self.store if keep else None))

        if self._custom:
            for j, job in enumerate(jobs):
                doc = read_group(self.reader, self.source_dir, input_paths(job.input))
                self._raw[job.name] = doc
                done(j, index_and_store(job, doc, self.config.privacy, self.store))
            self.store.drop_except(set(names))
            self._raw = {k: v for k, v in self._raw.items() if k in set(names)}
        elif self.dask_address is not None and jobs:
            paths = [input_paths(job.input) for job in jobs]
            read_on_cluster(self.dask_address, self.source_dir, paths, arrived, self.dask_shared)
        else:
            process_in_workers(self.source_dir, jobs, self._caches, done, self.workers)
        self.progress.stage("read", len(inputs), len(inputs))
        self._index = {names[i]: entries[i] for i in range(len(inputs))}
        self._names = {inp.rel: names[i] for i, inp in enumerate(inputs)}
        self.store.put_buckets(scope, self._index)
        return [(inp, entries[i]) for i, inp in enumerate(inputs)]

    def check(self, items: list[tuple[Input, Indexed]]) -> FindingsByDocument | None:
        """The per-document rules ran when each document was indexed; the rules comparing
        documents run per department (they never look beyond one), on full documents only
        where a department has several. Findings are merged one department at a time and
        kept packed per document (generator/checks/packed.py)."""
        try:
            if any(e.findings is None or e.alone is None for _, e in items):
                raise RuntimeError("a rule broke while the documents were indexed")
            groups: dict[Any, list[tuple[Input, Indexed]]] = defaultdict(list)
            for n, (inp, e) in enumerate(items):
                key = checks.department_key(e.light)
                groups[key if key is not None else n].append((inp, e))
            merged: list[dict[str, PackedFindings] | None] = []  # per department, in order
            todo: list[list[Input]] = []  # departments whose documents were not checked together
            todo_at: list[int] = []
            for n, group in enumerate(groups.values()):
                names = [self._names[inp.rel] for inp, _ in group]  # in the build's order
                merged.append(self.store.group_findings(names))
                if merged[n] is None and len(group) > 1:
                    todo.append([inp for inp, _ in group])
                    todo_at.append(n)
            workers = 1 if self._custom else self.workers
            computed = forked_map(self._group_findings, todo, workers)
            across: dict[int, Sequence[Finding]] = dict(zip(todo_at, computed, strict=True))
            for n, group in enumerate(groups.values()):
                if merged[n] is not None:
                    continue
                found = [f for _, e in group for f in e.findings or []]
                found += list(across[n] if len(group) > 1 else group[0][1].alone or [])
                merged[n] = mine = _per_document(found)
                self.store.put_group([self._names[inp.rel] for inp, _ in group], mine)
            by_document: dict[str, PackedFindings] = {}
            for mine in merged:
                for document, packed in (mine or {}).items():
                    if document in by_document:  # never met: a document is in one department
                        both = [*by_document[document], *packed]
                        packed = PackedFindings(checks.merge_findings(both))
                    by_document[document] = packed
            return FindingsByDocument(by_document)
        except Exception as exc:  # noqa: BLE001
            print(
                f"warning: checks failed ({type(exc).__name__}: {exc}); the site says so",
                file=sys.stderr,
            )
            return None

    def _group_findings(self, inputs: list[Input]) -> PackedFindings:
        found = checks.corpus_findings([self._unredacted(inp) for inp in inputs])
        return PackedFindings(slim_findings(found))

    def _unredacted(self, inp: Input) -> Document:
        """A document as the checks saw it when it was indexed: read again from the read
        cache (or read again), its path's facts filled in."""
        name = self._names[inp.rel]
        if name in self._raw:
            return self._raw[name]
        key = input_key(inp)
        doc = read_or_cached(self.source_dir, inp, key, self._disk, self.reader, keep=False)
        return prepare(inp, doc)

    def _full(self, inp: Input) -> Document:
        """The redacted Document of a disclosure, for its own pages."""
        name = self._names[inp.rel]
        doc = self.store.document(name)
        if doc is None:  # the store could not be written: index it again
            _, doc = index_document(inp, self._unredacted(inp), self.config.privacy)
        return doc

    def metrics(
        self, documents: list[Document], findings: Sequence[Finding] | None
    ) -> Metrics | None:
        try:
            return compute(documents, findings or [], load_regions(), self.config)
        except Exception as exc:  # noqa: BLE001
            print(f"warning: metrics failed ({type(exc).__name__}: {exc})", file=sys.stderr)
            return None

    # -- the whole build ----------------------------------------------------------------------
    def build(self, found: Survey | None = None) -> BuildResult:
        """``found``: the survey the command already made of this build's inputs (its time
        counts in the build's), else the build makes it."""
        self.errors = []
        gc.unfreeze()  # what the last build froze may be garbage now
        t0 = time.perf_counter() - (found.seconds if found else 0.0)
        res, cfg, clock = BuildResult(), self.config, StageClock()
        if found is None:
            code = None if self._custom else self._code_hash()
            found = survey(cfg, self.source_dir, code, self.keep, render.TEMPLATES, render.STATIC)
        inputs, pages_md, whole = found.inputs, found.pages, found.whole
        if found.kept is not None:
            return from_remembered(found.kept, t0, clock)
        if whole is not None:
            forget(self.manifest_path)
        items = self.read(inputs)
        # the index entries live as long as the build (and the metrics and site model made
        # next): frozen, the collector's full passes no longer walk millions of objects
        gc.freeze()
        clock.lap("read")
        refused = [(inp, e) for inp, e in items if e.refused]
        items = [(inp, e) for inp, e in items if not e.refused]
        documents = [e.light for _, e in items]
        key = tuple(self._names[i.rel] for i, _ in items)
        if key != self._checked_key:  # unchanged documents: the findings still hold
            self._findings = self.check(items)
            clock.lap("check")
            self._checked_key, self._metrics_key = key, None
        settings = rendered_settings(self.config)
        if (key, settings) != self._metrics_key:  # metrics also read site.toml
            self._metrics = self.metrics(documents, self._findings)
            clock.lap("metrics")
            gc.freeze()
            self._metrics_key = (key, settings)
        findings, metrics = self._findings, self._metrics
        placed = [
            Placed(inp, e.light, e.cited, lambda inp=inp: self._full(inp)) for inp, e in items
        ]
        site = build_site(cfg, placed, pages_md, findings, metrics)
        site.rows_cache = self.store.rows_folder(manifest_name(cfg))
        rows = [row for inp, e in items for row in outcomes(inp, e.light, site)]
        rows += [not_disclosure(inp, e.light) for inp, e in refused]
        unread = [
            o for o in unread_rows(self.source_dir, rows) if not self.keep or self.keep(o["file"])
        ]
        site.outcomes = sorted(rows + unread, key=lambda o: o["file"])
        images = PageImages(cfg.cache_path)  # printed pages not drawn yet: in the workers
        list(forked_map(images.draw_pdf, images.missing(printed_pdfs(site)), self.workers, 2))
        gc.freeze()
        registry = register_pages(site)
        clock.lap("site")
        res.rendered, res.written, res.removed, pages = self.render_and_write(site, registry)
        clock.lap("render+write")
        self.search(res.written + res.removed > 0, pages)
        clock.lap("search")
        # the site's own pages (about, guide) are listed in the report but are not inputs read
        res.inputs = sum(o["status"] != "page" for o in site.outcomes)
        res.refused = len(refused)
        res.failed = sum(o["status"] == "failed" for o in site.outcomes)
        res.faults = sum(o["status"] in FAULTS for o in site.outcomes)
        res.with_problems = sum(o["status"] == "problems" for o in site.outcomes)
        res.pages = len(registry)
        res.findings = None if findings is None else len(findings)
        res.site_bytes = site_bytes(cfg.output_path)
        res.seconds = time.perf_counter() - t0
        res.timings = clock.walls()
        res.stages = clock.stages
        if whole is not None and not self.errors:
            index = pagefind.entry_file(cfg.output_path)
            search = index.relative_to(cfg.output_path).as_posix() if index.is_file() else None
            remember(self.manifest_path, whole, res.remembered(), search)
        return res

    def search(self, changed: bool, pages: dict[str, str]) -> None:
        """Re-index only when a page was written or removed (or the index is missing), and
        then only the bundles whose pages changed."""
        out = self.config.output_path
        if changed or not pagefind.entry_file(out).is_file():
            pagefind.update(out, self.config.cache_path, pages, self.workers)

    def render_and_write(
        self, site: Site, registry: Registry
    ) -> tuple[int, int, int, dict[str, str]]:
        env, template_hash = self._environment(site)
        fingerprints = Fingerprints(
            settings=digest(rendered_settings(self.config)),
            code=self._code_hash(),
            template=template_hash,
        )
        done = render_and_write(
            list(registry),
            env,
            fingerprints,
            self.config.output_path,
            self.manifest_path,
            self.workers,
            lambda n, total: self.progress.stage("render", n, total),
        )
        self.errors += done.errors
        return done.rendered, done.written, done.removed, done.contents

    def _environment(self, site: Site) -> tuple[Any, render.TemplateHashes]:
        """One Jinja environment for the builder's life: templates compile once, and again
        only when their bytes change."""
        if self._env is None or self._env.loader.searchpath != [str(render.TEMPLATES)]:
            self._env = render.new_environment()
            self._template_hashes = render.TemplateHashes(self._env)
        assert self._template_hashes is not None
        self._template_hashes.refresh()
        return render.environment(site, self._env), self._template_hashes
