"""``python -m generator publish-shards``: each shard of a sharded site to a Pages site of its
own, and the national index to the workflow's artifact.

GitHub Pages serves one site per repository, of at most 1 GB, so a collection built with
``[publish] shard_by`` (generator/shard.py) is published as one repository per shard: the
shard's folder becomes the ``gh-pages`` branch of ``shard_remote`` with ``{shard}`` replaced
(``https://github.com/OWNER/130000.git``), and the national index (the output's top-level
files) is what the workflow uploads for the project's own Pages site.

Each push is one commit holding exactly the shard's files (and ``.nojekyll``, so Pages
serves them as they are), with no parent and a fixed author and date: a shard that did not
change makes the same commit, the push sends nothing and Pages does not deploy it again.
The commits are made in ``<cache_dir>/shard-publish/``, a bare repository per shard, kept
between runs (the Pages workflow keeps the cache), so only changed files are stored again;
what no shard holds any more is pruned.

A token for an https remote comes from ``SHARD_PUSH_TOKEN`` and travels as an HTTP header,
never in a URL, so no message can show it. A shard that cannot be pushed is an error naming
it and its remote; the others are still pushed, and the command then exits 1.
"""

from __future__ import annotations

import base64
import html
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.clean import MARKER
from generator.config import ConfigError, SiteConfig, load_config

BRANCH = "gh-pages"
TOKEN_ENV = "SHARD_PUSH_TOKEN"
# an unchanged shard must make the same commit: nothing in it may depend on the day or host
IDENTITY = {
    "GIT_AUTHOR_NAME": "budget-site",
    "GIT_AUTHOR_EMAIL": "budget-site@users.noreply.github.com",
    "GIT_AUTHOR_DATE": "1970-01-01T00:00:00+0000",
    "GIT_COMMITTER_NAME": "budget-site",
    "GIT_COMMITTER_EMAIL": "budget-site@users.noreply.github.com",
    "GIT_COMMITTER_DATE": "1970-01-01T00:00:00+0000",
}
_SHARD_NAME = re.compile(r"\d{6}|unknown")


class PublishError(Exception):
    """One shard could not be committed or pushed; the message names it."""


@dataclass
class Pushed:
    shard: str
    remote: str
    commit: str


def shard_folders(out: Path) -> list[Path]:
    """The shards a sharded build wrote: ``<output_dir>/<code or unknown>/`` with a home
    page. Nothing else at the top of the output folder is a shard."""
    if not out.is_dir():
        return []
    return sorted(
        p
        for p in out.iterdir()
        if p.is_dir() and _SHARD_NAME.fullmatch(p.name) and (p / "index.html").is_file()
    )


def stage_index(out: Path, shards: set[str], dest: Path) -> Path:
    """The national index alone (the output's top level without its ``shards``), for the
    workflow to upload as the project's own site."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for item in sorted(out.iterdir()):
        if item.name in shards or item.name == MARKER:
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name)
        else:
            shutil.copy2(item, dest / item.name)
    return dest


def _git(args: list[str], env: dict[str, str], what: str) -> str:
    done = subprocess.run(
        ["git", *args], env=env, input="", capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines() or [f"exit {done.returncode}"]
        first = next((line for line in said if line.startswith(("fatal:", "error:"))), said[-1])
        raise PublishError(f"{what}: git {args[0]} failed: {first}")
    return done.stdout.strip()


def _auth(remote: str) -> list[str]:
    """The token as git's ``http.extraHeader``, for an https remote only."""
    token = os.environ.get(TOKEN_ENV, "")
    if not token or not remote.startswith("https://"):
        return []
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    return ["-c", f"http.extraHeader=AUTHORIZATION: basic {basic}"]


def commit_shard(folder: Path, work: Path, title: str) -> str:
    """One commit of exactly the files under ``folder`` (plus ``.nojekyll``), made in the
    bare repository ``work``; returns its hash."""
    what = f"shard {folder.name}"
    env = {**os.environ, **IDENTITY, "GIT_DIR": str(work), "GIT_WORK_TREE": str(folder)}
    env["GIT_INDEX_FILE"] = str(work / "index")
    for key in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM"):  # no hook or filter of the host
        env[key] = os.devnull
    if not (work / "HEAD").is_file():
        work.mkdir(parents=True, exist_ok=True)
        bare = {k: v for k, v in env.items() if k not in ("GIT_DIR", "GIT_WORK_TREE")}
        _git(["init", "--quiet", "--bare", str(work)], bare, what)
    (work / "info").mkdir(exist_ok=True)
    (work / "info" / "exclude").write_text(f"/{MARKER}\n", encoding="utf-8")
    _git(["add", "--all", "."], env, what)
    empty = _git(["hash-object", "-w", "--stdin"], env, what)
    _git(["update-index", "--add", "--cacheinfo", f"100644,{empty},.nojekyll"], env, what)
    tree = _git(["write-tree"], env, what)
    message = f"Site of shard {folder.name}" + (f": {title}" if title else "")
    commit = _git(["commit-tree", tree, "-m", message], env, what)
    _git(["update-ref", f"refs/heads/{BRANCH}", commit], env, what)
    # the files of earlier runs that no shard holds any more: the cache must not grow
    _git(["prune", "--expire=now"], env, what)
    return commit


_GITHUB = re.compile(r"(?:https://github\.com/|git@github\.com:)([^/]+)/([^/]+?)(?:\.git)?/?")


def served_at(remote: str) -> str | None:
    """Where GitHub Pages serves a repository's site (``/NAME/``, or ``/`` for the owner's
    ``OWNER.github.io``), when ``remote`` is a GitHub repository; else None (not known)."""
    found = _GITHUB.fullmatch(remote)
    if found is None:
        return None
    owner, name = found.groups()
    return "/" if name.lower() == f"{owner}.github.io".lower() else f"/{name}/"


def push_shard(
    folder: Path, remote_pattern: str, cache: Path, title: str = "", base_path: str = "/"
) -> Pushed:
    remote = remote_pattern.replace("{shard}", folder.name)
    expected, served = f"{base_path}{folder.name}/", served_at(remote)
    if served is not None and served != expected:
        raise PublishError(
            f"shard {folder.name}: {remote} is served at {served}, but the shard's pages "
            f"link under {expected} (base_path {base_path!r}); publish the national index "
            "from OWNER.github.io with base_path '/' and name each shard's repository as "
            "its folder"
        )
    work = cache / "shard-publish" / f"{folder.name}.git"
    commit = commit_shard(folder, work, title)
    env = {**os.environ, "GIT_DIR": str(work), "GIT_TERMINAL_PROMPT": "0"}
    args = [*_auth(remote), "push", "--quiet", "--force", remote, f"{commit}:refs/heads/{BRANCH}"]
    try:
        _git(args, env, f"shard {folder.name} to {remote}")
    except PublishError as exc:
        raise PublishError(f"{exc} (does the repository exist, and may the token push?)") from exc
    return Pushed(folder.name, remote, commit)


def _title(folder: Path) -> str:
    """A shard's name as its home page's title says it (for the commit message)."""
    head = (folder / "index.html").read_text(encoding="utf-8", errors="replace")[:4000]
    found = re.search(r"<title>([^<]*)</title>", head)
    return html.unescape(found.group(1)).strip() if found else ""


def publish(cfg: SiteConfig, index_to: Path | None) -> tuple[list[Pushed], list[str], Path]:
    """Push every shard; returns what was pushed, the errors, and the folder to upload as
    the project's own site (the national index, or the whole output when not sharded)."""
    out = cfg.output_path
    if not cfg.publish.shard_by:
        return [], [], out
    folders = shard_folders(out)
    if not folders:
        return [], [f"{out}: no shard to publish (build the site first)"], out
    if not cfg.publish.shard_remote:
        return [], ["site.toml: [publish] shard_remote is not set: where should shards go?"], out
    pushed, errors = [], []
    for folder in folders:
        try:
            pushed.append(
                push_shard(
                    folder,
                    cfg.publish.shard_remote,
                    cfg.cache_path,
                    _title(folder),
                    cfg.base_path,
                )
            )
        except (PublishError, OSError) as exc:
            errors.append(str(exc))
    shards = {folder.name for folder in folders}
    site = stage_index(out, shards, index_to) if index_to is not None else out
    return pushed, errors, site


def run_publish_shards(config: str, index_to: str | None) -> int:
    """Prints ``artifact=<folder>`` on stdout (for ``$GITHUB_OUTPUT``), the rest on stderr."""
    try:
        cfg = load_config(config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    pushed, errors, site = publish(cfg, Path(index_to) if index_to else None)
    for p in pushed:
        print(f"shard {p.shard}: {p.remote} {BRANCH} at {p.commit[:12]}", file=sys.stderr)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"artifact={site}")
    return 1 if errors else 0
