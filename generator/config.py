"""Typed ``site.toml``: one dataclass, every key documented, a bad key reported by name and line.

A misspelt key silently ignored is a setting the user believes is on (think
``show_phone_number = true``); so unknown keys and wrong types are errors, not warnings.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config_limits import ReadLimits
from generator.config_publish import PublishConfig, parse_publish
from generator.safe_output import web_url, why_not_web_url

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


class ConfigError(Exception):
    """A site.toml problem, said in plain words with the key (and line when known)."""


def _doc(text: str, **kw: Any) -> Any:
    return field(metadata={"doc": text}, **kw)


@dataclass
class PrivacyConfig:
    show_contact_names: bool = _doc(
        "Show officials' names found in project tables (项目负责人/联系人). Off by default: "
        "the names are personal data and add nothing to the budget figures.",
        default=False,
    )
    show_phone_numbers: bool = _doc(
        "Show phone numbers found in project tables and document text. Off by default.",
        default=False,
    )


@dataclass
class SiteConfig:
    title: str = _doc(
        "Site name shown in every page header and in the feed.", default="预算公开数据"
    )
    description: str = _doc(
        "One sentence under the title on the home page and in the feed.",
        default="读懂政府部门的预算、决算和绩效目标：每个数字都链接到原文所在的行。",
    )
    base_url: str = _doc(
        "Absolute origin of the published site, used for sitemap and feed links "
        "(overridden by the SITE_BASE_URL environment variable).",
        default="http://127.0.0.1:8000",
    )
    base_path: str = _doc(
        "Path the site is served under: '/' or a GitHub Pages project path such as "
        "'/budget-site/' (overridden by SITE_BASE_PATH). Every internal link goes through it.",
        default="/",
    )
    output_dir: str = _doc("Folder the site is written to, relative to site.toml.", default="_site")
    content_dir: str = _doc(
        "Folder holding disclosures/ and pages/, relative to site.toml.", default="content"
    )
    cache_dir: str = _doc(
        "Folder for build caches (the chart library bundle, the dependency manifest).",
        default=".cache",
    )
    language: str = _doc(
        "Value of <html lang>; the interface is written in Chinese.", default="zh-CN"
    )
    sitemap_chunk_size: int = _doc(
        "URLs per sitemap file under the sitemap index (the protocol allows at most 50,000).",
        default=50000,
    )
    feed_entries: int = _doc(
        "How many disclosures the Atom feed lists, newest first (0 to 100,000).", default=50
    )
    privacy: PrivacyConfig = _doc(
        "[privacy] table: switches for personal data printed in disclosures.",
        default_factory=PrivacyConfig,
    )
    limits: ReadLimits = _doc(
        "[limits] table: caps on one input file's size and shape, and the time and memory its "
        "reading may take; a file over a cap is reported and not read (defaults sit far above "
        "any real disclosure).",
        default_factory=ReadLimits,
    )
    publish: PublishConfig = _doc(
        "[publish] table: the size limit of one published site and sharding by province or city.",
        default_factory=PublishConfig,
    )
    populations: dict[str, int] = _doc(
        "[populations] table: region code (6 digits) = resident population; overrides the "
        "shipped census figures for per-person amounts.",
        default_factory=dict,
    )
    root: Path = field(default=Path("."), metadata={"internal": True})

    @property
    def output_path(self) -> Path:
        return (self.root / self.output_dir).resolve()

    @property
    def content_path(self) -> Path:
        return (self.root / self.content_dir).resolve()

    @property
    def cache_path(self) -> Path:
        return (self.root / self.cache_dir).resolve()


def documented_keys() -> dict[str, str]:
    """Every settable key (dotted for tables) with its documentation; README and tests use it."""
    out: dict[str, str] = {}
    for f in dataclasses.fields(SiteConfig):
        if f.metadata.get("internal"):
            continue
        out[f.name] = f.metadata.get("doc", "")
        if f.name == "privacy":
            for g in dataclasses.fields(PrivacyConfig):
                out[f"privacy.{g.name}"] = g.metadata.get("doc", "")
        if f.name == "publish":
            for g in dataclasses.fields(PublishConfig):
                out[f"publish.{g.name}"] = f"{g.metadata['doc']} Default {g.default!r}."
        if f.name == "limits":
            for g in dataclasses.fields(ReadLimits):
                low, high = g.metadata["min"], g.metadata["max"]
                out[f"limits.{g.name}"] = (
                    f"{g.metadata['doc']} Default {_num(g.default)}; "
                    f"allowed {_num(low)} to {_num(high)}."
                )
    return out


def _num(x: float) -> str:
    return f"{x:,}" if float(x).is_integer() else f"{x:g}"


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(
        rf"^\s*(\"{re.escape(key)}\"|'{re.escape(key)}'|{re.escape(key)})\s*=", re.M
    )
    m = pattern.search(text)
    if m is None:
        m = re.compile(rf"^\s*\[{re.escape(key)}\]", re.M).search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _where(text: str, key: str) -> str:
    line = _line_of(text, key.split(".")[-1])
    return f"'{key}'" + (f" (line {line})" if line else "")


def _check_type(value: Any, expected: type, key: str, text: str) -> Any:
    ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if not ok:
        raise ConfigError(
            f"site.toml: {_where(text, key)} must be {expected.__name__}, "
            f"got {type(value).__name__} {value!r}"
        )
    return value


def _privacy(raw: Any, text: str) -> PrivacyConfig:
    if not isinstance(raw, dict):
        raise ConfigError(f"site.toml: {_where(text, 'privacy')} must be a table [privacy]")
    known = {f.name: f for f in dataclasses.fields(PrivacyConfig)}
    kwargs = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(
                f"site.toml: unknown key {_where(text, 'privacy.' + key)} in [privacy]"
            )
        kwargs[key] = _check_type(value, bool, f"privacy.{key}", text)
    return PrivacyConfig(**kwargs)


def _limits(raw: Any, text: str) -> ReadLimits:
    if not isinstance(raw, dict):
        raise ConfigError(f"site.toml: {_where(text, 'limits')} must be a table [limits]")
    known = {f.name: f for f in dataclasses.fields(ReadLimits)}
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(f"site.toml: unknown key {_where(text, 'limits.' + key)} in [limits]")
        f = known[key]
        wanted = (int, float) if f.type in (float, "float") else int
        if isinstance(value, bool) or not isinstance(value, wanted):
            kind = "a whole number" if wanted is int else "a number"
            raise ConfigError(
                f"site.toml: {_where(text, 'limits.' + key)} must be {kind}, got {value!r}"
            )
        low, high = f.metadata["min"], f.metadata["max"]
        if not low <= value <= high:
            raise ConfigError(
                f"site.toml: {_where(text, 'limits.' + key)} must be between {_num(low)} and "
                f"{_num(high)}, got {value!r}"
            )
        kwargs[key] = value
    return ReadLimits(**kwargs)


def _populations(raw: Any, text: str) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise ConfigError(f"site.toml: {_where(text, 'populations')} must be a table [populations]")
    out = {}
    for code, value in raw.items():
        if not re.fullmatch(r"\d{6}", code):
            raise ConfigError(
                f"site.toml: {_where(text, code)} in [populations] is not a 6-digit region code"
            )
        _check_type(value, int, f"populations.{code}", text)
        if value <= 0:
            raise ConfigError(f"site.toml: {_where(text, code)} population must be positive")
        out[code] = value
    return out


def parse_config(text: str, root: Path) -> SiteConfig:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"site.toml is not valid TOML: {exc}") from None
    fields = {f.name: f for f in dataclasses.fields(SiteConfig) if not f.metadata.get("internal")}
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            hint = [k for k in fields if k.replace("_", "") == key.replace("_", "").lower()]
            extra = f"; did you mean '{hint[0]}'?" if hint else ""
            raise ConfigError(f"site.toml: unknown key {_where(text, key)}{extra}")
        if key == "privacy":
            kwargs[key] = _privacy(value, text)
        elif key == "populations":
            kwargs[key] = _populations(value, text)
        elif key == "limits":
            kwargs[key] = _limits(value, text)
        elif key == "publish":
            kwargs[key] = parse_publish(value, lambda k: _where(text, k), ConfigError)
        else:
            kwargs[key] = _check_type(value, type(fields[key].default), key, text)
    cfg = SiteConfig(root=root, **kwargs)
    cfg.base_url = _base_url(os.environ.get("SITE_BASE_URL") or None, cfg.base_url, text)
    cfg.base_path = _base_path(os.environ.get("SITE_BASE_PATH") or None, cfg.base_path, text)
    cfg.base_url = site_origin(cfg.base_url, cfg.base_path)
    for key, (low, high) in RANGES.items():
        value = getattr(cfg, key)
        if not low <= value <= high:
            raise ConfigError(
                f"site.toml: {_where(text, key)} must be between {low:,} and {high:,}, "
                f"got {value!r}"
            )
    for key in ("output_dir", "content_dir", "cache_dir"):
        _check_folder(getattr(cfg, key), key, text)
    _check_layout(cfg, text)
    return cfg


def _check_layout(cfg: SiteConfig, text: str) -> None:
    """The build writes into output_dir and cache_dir and ``clean`` may remove them, so
    neither may be the project folder itself or overlap the content folder."""
    content, project = cfg.content_path, cfg.root.resolve()
    for key, path in (("output_dir", cfg.output_path), ("cache_dir", cfg.cache_path)):
        if path == project:
            raise ConfigError(f"site.toml: {_where(text, key)} may not be the project folder")
        if path == content or content in path.parents or path in content.parents:
            raise ConfigError(
                f"site.toml: {_where(text, key)} may not be, hold or lie inside content_dir "
                f"({cfg.content_dir!r})"
            )
    if cfg.output_path == cfg.cache_path:
        raise ConfigError(f"site.toml: {_where(text, 'cache_dir')} may not be output_dir")


# Whole-number keys and the values they may take (a sitemap file holds at most 50,000 URLs).
RANGES = {"sitemap_chunk_size": (1, 50000), "feed_entries": (0, 100000)}


def _base_url(env: str | None, value: str, text: str) -> str:
    """Only an http(s) origin: the value is written into the feed, sitemaps and robots.txt."""
    where = (
        "the SITE_BASE_URL environment variable"
        if env is not None
        else (f"site.toml: {_where(text, 'base_url')}")
    )
    raw = value if env is None else env
    url = web_url(raw)
    if url is None or not re.match(r"https?://", url, re.I) or re.search(r"[?#]", url):
        raise ConfigError(
            f"{where} must be an http:// or https:// address without query or fragment "
            f"(such as https://example.org); got {raw!r}: {why_not_web_url(raw)}"
        )
    return url.rstrip("/")


def _base_path(env: str | None, value: str, text: str) -> str:
    """A clean absolute path: '/' or '/name/.../', no '.', '..', '//' or odd characters,
    since every internal link starts with it (missing outer slashes are added)."""
    raw = value if env is None else env
    where = (
        "the SITE_BASE_PATH environment variable"
        if env is not None
        else (f"site.toml: {_where(text, 'base_path')}")
    )
    parts = raw.strip("/").split("/") if raw.strip("/") else []
    if "//" in raw or any(
        p in (".", "..") or not re.fullmatch(r"[A-Za-z0-9._~-]+", p) for p in parts
    ):
        raise ConfigError(
            f"{where} must be a clean absolute path such as '/' or '/budget-site/' "
            f"(letters, digits, '.', '_', '~', '-' between single slashes; no '..'); got {raw!r}"
        )
    return _normalise_base_path(raw)


def _check_folder(value: str, key: str, text: str) -> None:
    if not value.strip() or ".." in re.split(r"[\\/]", value) or "\x00" in value:
        raise ConfigError(
            f"site.toml: {_where(text, key)} must be a folder path without '..' "
            f"(relative to site.toml, or absolute); got {value!r}"
        )


def site_origin(base_url: str, base_path: str) -> str:
    """GitHub Pages' ``configure-pages`` gives the site's full address as ``base_url``
    ("https://owner.github.io/budget-site"); absolute links add ``base_path`` themselves,
    so a base_url that already ends with it is cut back to the origin."""
    tail = base_path.rstrip("/")
    if tail and base_url.endswith(tail):
        return base_url[: -len(tail)]
    return base_url


def _normalise_base_path(value: str) -> str:  # "/x" -> "/x/", "" -> "/"
    value = "/" + value.strip("/") + "/"
    return "/" if value == "//" else value


def load_config(path: str | Path) -> SiteConfig:
    """Read site.toml; a missing file gives the defaults (a fresh checkout still builds)."""
    path = Path(path)
    data = path.read_bytes() if path.exists() else b""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ConfigError(
            f"{path.name} is not UTF-8 text (line {line}, byte {err.start}): save it as UTF-8"
        ) from None
    return parse_config(text, path.resolve().parent)
