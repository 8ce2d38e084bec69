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

A ``Builder`` keeps its caches between builds, so ``serve`` re-reads only the disclosure
that changed and re-renders only the pages that were built from it.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import checks, render
from generator.build_cache import ReadCache, read_in_workers
from generator.build_clock import StageClock, StageTime, table
from generator.build_guard import drop_absurd_readings
from generator.build_inputs import fill_from_path, input_key, join_parts, refusal
from generator.build_readers import Reader, default_reader, read_group
from generator.build_report import not_disclosure, outcomes
from generator.checks import Finding
from generator.clean import mark_created
from generator.config import ConfigError, SiteConfig, load_config
from generator.content import Input, find_disclosures, find_pages
from generator.inventory import FAULTS, unread_rows
from generator.links import Links, output_file
from generator.metrics import Metrics, compute
from generator.model import Document
from generator.privacy import redact
from generator.read.regions import load_regions
from generator.search import pagefind
from generator.site.deps import digest
from generator.site.model import Site, build_site
from generator.site.providers import register_pages
from generator.site.registry import Page, Registry
from generator.site_size import size_warning

STAGES = ("read", "check", "metrics", "site", "render", "write", "search")
# Where files are read and written: no byte of any page depends on these settings.
LOCATION_KEYS = ("output_dir", "content_dir", "cache_dir", "root")


@dataclass
class BuildResult:
    inputs: int = 0
    failed: int = 0
    refused: int = 0  # files that are not budget disclosures: listed, no page
    faults: int = 0  # unreadable files, links out of content or to nothing, orphan sidecars
    with_problems: int = 0
    pages: int = 0
    rendered: int = 0
    written: int = 0
    removed: int = 0
    findings: int | None = None
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # wall seconds per stage
    stages: dict[str, StageTime] = field(default_factory=dict)  # wall, CPU, peak memory


class Progress:
    """A plain-text progress bar on stderr; silent with --quiet."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.tty = sys.stderr.isatty()

    def stage(self, name: str, done: int, total: int) -> None:
        if self.quiet or not self.tty and done not in (total,):
            return
        width = 30
        filled = width * done // max(total, 1)
        end = "\n" if done >= total else ""
        sys.stderr.write(
            f"\r{name:<8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}"
        )
        sys.stderr.flush()


class Builder:
    def __init__(
        self,
        config: SiteConfig,
        quiet: bool = True,
        reader: Reader | None = None,
        disclosures: Path | None = None,
        keep: Callable[[str], bool] | None = None,
    ):
        self.config = config
        # a shard (generator/shard.py) builds the files whose content-relative path it keeps
        self.keep = keep
        self.progress = Progress(quiet)
        self.reader = reader or default_reader()
        # where disclosures are found (``build --content PATH``); the Markdown pages stay
        # in the configured content folder
        self.source_dir = (disclosures or config.content_path).resolve()
        # read Documents on disk by content hash: only for the real reader
        self._disk = ReadCache(config.cache_path) if reader is None else None
        self._read_cache: dict[tuple[str, str, str | None], Document] = {}
        self._redacted: dict[tuple[Any, ...], Document] = {}
        self.errors: list[str] = []  # pages that could not be rendered (template bugs)
        self._checked_key: tuple[Any, ...] | None = None
        self._metrics_key: tuple[Any, ...] | None = None
        self._doc_findings: dict[tuple[str, str, str | None], list[Finding]] = {}
        self._findings: list[Finding] | None = None
        self._metrics: Metrics | None = None
        self._env: Any = None  # the Jinja environment and its template hashes, kept
        self._template_hashes: render.TemplateHashes | None = None
        self._code: str | None = None

    # -- stages -----------------------------------------------------------------------------
    def read(self, inputs: list[Input]) -> list[tuple[Input, Document]]:
        """Each disclosure once: kept from the last build, else from the disk cache (the
        default reader only), else read, in worker processes when there are several."""
        keys = [input_key(inp) for inp in inputs]
        docs: dict[int, Document] = {}
        todo = []
        for i, key in enumerate(keys):
            doc = self._read_cache.get(key)
            if doc is None and self._disk is not None:
                doc = self._disk.get(key)
            if doc is None:
                todo.append(i)
            else:
                docs[i] = doc
        jobs = [[inputs[i].path, *(p.path for p in inputs[i].parts)] for i in todo]

        def done(j: int, doc: Document) -> None:
            docs[todo[j]] = doc
            if self._disk is not None:
                self._disk.put(keys[todo[j]], doc)
            self.progress.stage("read", len(docs), len(inputs))

        if self._disk is not None:
            read_in_workers(self.source_dir, jobs, done)
        else:
            for j, paths in enumerate(jobs):
                done(j, read_group(self.reader, self.source_dir, paths))
        self.progress.stage("read", len(inputs), len(inputs))
        kept = {k[0] for k in keys}
        self._read_cache = {k: v for k, v in self._read_cache.items() if k[0] not in kept}
        out = []
        for i, inp in enumerate(inputs):
            self._read_cache[keys[i]] = docs[i]
            out.append((inp, docs[i]))
        return out

    def check(self, items: list[tuple[Input, Document]]) -> list[Finding] | None:
        """Per-document rules run only for documents not seen before (their findings depend
        on that document alone); the rules comparing documents run on all of them."""
        try:
            kept: dict[tuple[str, str, str | None], list[Finding]] = {}
            for inp, doc in items:
                key = input_key(inp)
                found = self._doc_findings.get(key)
                kept[key] = checks.document_findings(doc) if found is None else found
            self._doc_findings = kept
            per_document = [f for found in kept.values() for f in found]
            corpus = checks.corpus_findings([d for _, d in items])
            return checks.merge_findings(per_document + corpus)
        except Exception as exc:  # noqa: BLE001
            print(
                f"warning: checks failed ({type(exc).__name__}: {exc}); the site says so",
                file=sys.stderr,
            )
            return None

    def metrics(self, documents: list[Document], findings: list[Finding] | None) -> Metrics | None:
        try:
            return compute(documents, findings or [], load_regions(), self.config)
        except Exception as exc:  # noqa: BLE001
            print(f"warning: metrics failed ({type(exc).__name__}: {exc})", file=sys.stderr)
            return None

    # -- the whole build ----------------------------------------------------------------------
    def build(self) -> BuildResult:
        self.errors = []
        t0 = time.perf_counter()
        res, cfg, clock = BuildResult(), self.config, StageClock()
        inputs = join_parts(find_disclosures(self.source_dir))
        if self.keep is not None:
            inputs = [inp for inp in inputs if self.keep(inp.rel)]
        items = self.read(inputs)
        clock.lap("read")
        refused = [(inp, doc) for inp, doc in items if refusal(doc) is not None]
        items = [(inp, doc) for inp, doc in items if refusal(doc) is None]
        for inp, doc in items:
            fill_from_path(inp, doc)
            drop_absurd_readings(doc)
        documents = [d for _, d in items]
        key = tuple(input_key(i) for i, _ in items)
        if key != self._checked_key:  # unchanged documents: the findings still hold
            self._findings = self.check(items)
            clock.lap("check")
            self._checked_key, self._metrics_key = key, None
        settings = rendered_settings(self.config)
        if (key, settings) != self._metrics_key:  # metrics also read site.toml
            self._metrics = self.metrics(documents, self._findings)
            clock.lap("metrics")
            self._metrics_key = (key, settings)
        findings, metrics = self._findings, self._metrics
        redacted = [(inp, self._redact(inp, doc)) for inp, doc in items]
        site = build_site(cfg, redacted, find_pages(cfg.content_path), findings, metrics)
        rows = [row for inp, doc in items for row in outcomes(inp, doc, site)]
        rows += [not_disclosure(inp, doc) for inp, doc in refused]
        unread = [
            o for o in unread_rows(self.source_dir, rows) if not self.keep or self.keep(o["file"])
        ]
        site.outcomes = sorted(rows + unread, key=lambda o: o["file"])
        registry = register_pages(site)
        clock.lap("site")
        res.rendered, res.written, res.removed = self.render_and_write(site, registry)
        clock.lap("render+write")
        self.search(res.written + res.removed > 0)
        clock.lap("search")
        # the site's own pages (about, guide) are listed in the report but are not inputs read
        res.inputs = sum(o["status"] != "page" for o in site.outcomes)
        res.refused = len(refused)
        res.failed = sum(o["status"] == "failed" for o in site.outcomes)
        res.faults = sum(o["status"] in FAULTS for o in site.outcomes)
        res.with_problems = sum(o["status"] == "problems" for o in site.outcomes)
        res.pages = len(registry)
        res.findings = None if findings is None else len(findings)
        res.seconds = time.perf_counter() - t0
        res.timings = clock.walls()
        res.stages = clock.stages
        return res

    def search(self, changed: bool) -> None:
        """Re-index only when a page was written or removed (or the index is missing)."""
        out = self.config.output_path
        if not changed and (out / pagefind.FOLDER / "pagefind.js").is_file():
            return
        try:
            pagefind.index_site(out, self.config.cache_path)
        except pagefind.SearchIndexError as exc:
            print(
                f"warning: no search index: {exc}; the site works without search", file=sys.stderr
            )

    def _redact(self, inp: Input, doc: Document) -> Document:
        key = (*input_key(inp), repr(self.config.privacy))
        if key not in self._redacted:
            self._redacted = {k: v for k, v in self._redacted.items() if k[0] != inp.rel}
            self._redacted[key] = redact(doc, self.config.privacy)
        return self._redacted[key]

    def render_and_write(self, site: Site, registry: Registry) -> tuple[int, int, int]:
        out = self.config.output_path
        mark_created(out)
        manifest_path = self.config.cache_path / _manifest_name(self.config)
        old = _load_json(manifest_path) if (out / output_file(Links.HOME)).exists() else {}
        # the generator's own code is an input too: a new version re-renders everything
        if self._code is None:  # the running code cannot change while this process runs
            self._code = _code_hash()
        glob = {"config": digest(rendered_settings(self.config)), "code": self._code}
        plain = {"code": self._code}  # static/ files: their own bytes, never site.toml
        env, template_hash = self._environment(site)
        new: dict[str, Any] = {}
        rendered = written = 0
        pages = list(registry)
        for n, page in enumerate(pages, start=1):
            common = plain if page.path.startswith(Links.STATIC) else glob
            fp = digest(common, page.deps, template_hash(page.template), self._static_hash(page))
            new[page.path] = {"fingerprint": fp, "inputs": sorted(page.deps)}
            target = out / output_file(page.path)
            if old.get(page.path, {}).get("fingerprint") != fp or not target.exists():
                try:
                    data = render.render(env, page)
                except Exception as exc:  # a template bug: report the page, build the others
                    self.errors.append(f"{page.path}: {type(exc).__name__}: {exc}")
                    new.pop(page.path)
                    continue
                rendered += 1
                written += render.write_if_changed(out, page.path, data)
            self.progress.stage("render", n, len(pages))
        removed = 0
        for path in sorted(set(old) - set(new)):
            stale = out / output_file(path)
            if stale.is_file():
                stale.unlink()
                removed += 1
        mark_created(manifest_path.parent)
        manifest_path.write_text(json.dumps(new, indent=0, sort_keys=True), encoding="utf-8")
        return rendered, written, removed

    def _environment(self, site: Site) -> tuple[Any, render.TemplateHashes]:
        """One Jinja environment for the builder's life: templates compile once, and again
        only when their bytes change."""
        if self._env is None or self._env.loader.searchpath != [str(render.TEMPLATES)]:
            self._env = render.new_environment()
            self._template_hashes = render.TemplateHashes(self._env)
        assert self._template_hashes is not None
        self._template_hashes.refresh()
        return render.environment(site, self._env), self._template_hashes

    @staticmethod
    def _static_hash(page: Page) -> str:
        """A copied static file depends on its own bytes."""
        if page.template is None and page.path.startswith(Links.STATIC):
            source = render.STATIC / page.path[len(Links.STATIC) :]
            if source.is_file():
                return hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        return ""


def rendered_settings(cfg: SiteConfig) -> str:
    """The settings pages can depend on: all but where files are read and written, so moving
    the content or the output folder re-renders nothing."""
    return repr({k: v for k, v in vars(cfg).items() if k not in LOCATION_KEYS})


def _manifest_name(cfg: SiteConfig) -> str:
    """One manifest per output folder: the shards of a collection share one cache folder."""
    if cfg.publish.shard_by:
        return f"manifest-{cfg.output_path.name}.json"
    return "manifest.json"


def _code_hash() -> str:
    return render.tree_hash(Path(__file__).resolve().parent)


def _load_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def summary(res: BuildResult) -> str:
    checks = "未运行" if res.findings is None else f"{res.findings} 条发现"
    return (
        f"inputs read: {res.inputs} ({res.failed} failed, {res.with_problems} with problems, "
        f"{res.refused} not a disclosure, {res.faults} unreadable or misplaced) · "
        f"pages: {res.pages} ({res.rendered} rendered, {res.written} written, {res.removed} removed) · "
        f"checks: {checks} · time: {res.seconds:.2f}s"
    )


def run_build(
    config_path: str,
    quiet: bool = False,
    content: str | None = None,
    strict: bool = False,
    timings: bool = False,
) -> int:
    """0 when every page rendered (and, with ``strict``, every input was read); 1 otherwise.
    Failed inputs are counted on stderr either way."""
    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if content is not None and not Path(content).is_dir():
        print(f"error: --content {content}: no such folder", file=sys.stderr)
        return 2
    builder = Builder(cfg, quiet=quiet, disclosures=Path(content) if content else None)
    res = builder.build()
    too_big = size_warning(cfg)
    if too_big:
        print(too_big, file=sys.stderr)
    if timings:
        print(table(res.stages), file=sys.stderr)
    for error in builder.errors:
        print(f"error: page not rendered: {error}", file=sys.stderr)
    bad = res.failed + res.faults
    if bad:
        print(
            f"{'error' if strict else 'warning'}: {bad} input file(s) could not be read "
            f"({res.failed} failed, {res.faults} unreadable or misplaced); see the report",
            file=sys.stderr,
        )
    if not quiet:
        print(summary(res), file=sys.stderr)
        print(
            f"site written to {cfg.output_path}; report: {cfg.output_path / output_file(Links.REPORT)}",
            file=sys.stderr,
        )
    return 1 if builder.errors or (strict and bad) else 0
