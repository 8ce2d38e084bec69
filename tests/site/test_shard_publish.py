"""Publishing a sharded site (generator/shard_publish.py): each shard becomes the gh-pages
branch of its own repository, the national index is what the workflow uploads, and an
unchanged shard makes the same commit (nothing is sent, Pages does not deploy it again).

The repositories here are local bare ones: a push to one is a push as to GitHub."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build_command import run_build
from generator.build_uptodate import rendered_settings
from generator.clean import MARKER
from generator.config import ConfigError, parse_config
from generator.shard_publish import TOKEN_ENV, run_publish_shards, served_at
from tests.site.helpers import ROOT

SHARDS = ("130000", "410000", "640000")  # the seeds' provinces: 河北, 河南, 宁夏


def _config(tmp: Path, remote: str | None, shard_by: str = "province", base: str = "/") -> Path:
    lines = [
        f'base_path = "{base}"',
        'base_url = "https://example.org"',
        f'cache_dir = "{(tmp / ".cache").as_posix()}"',
        "[publish]",
        f'shard_by = "{shard_by}"',
    ]
    if remote is not None:
        lines.append(f'shard_remote = "{remote}"')
    path = tmp / "site.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The five seeds built as one site per province."""
    tmp = tmp_path_factory.mktemp("publish")
    shutil.copytree(ROOT / "content", tmp / "content")
    assert run_build(str(_config(tmp, None)), quiet=True) == 0
    return tmp


@pytest.fixture
def remotes(tmp_path):
    """An empty bare repository for every shard, as made on GitHub before the first run."""
    for name in SHARDS:
        subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / f"{name}.git")], check=True)
    return tmp_path


def _published(remote: Path) -> dict[str, bytes]:
    git = ["git", "--git-dir", str(remote)]
    names = subprocess.run(
        [*git, "ls-tree", "-r", "-z", "--name-only", "gh-pages"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    return {
        n: subprocess.run([*git, "show", f"gh-pages:{n}"], capture_output=True, check=True).stdout
        for n in names.split("\0")
        if n
    }


def _head(remote: Path) -> str:
    out = subprocess.run(
        ["git", "--git-dir", str(remote), "rev-parse", "gh-pages"], capture_output=True, text=True
    )
    return out.stdout.strip()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != MARKER
    }


def _run(built: Path, capsys, index_to: Path | None = None) -> tuple[int, str, str]:
    code = run_publish_shards(str(built / "site.toml"), str(index_to) if index_to else None)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_each_shard_is_the_gh_pages_branch_of_its_repository(built, remotes, capsys, tmp_path):
    _config(built, (remotes / "{shard}.git").as_posix())
    code, out, err = _run(built, capsys, tmp_path / "national")
    assert code == 0, err
    for name in SHARDS:
        published = _published(remotes / f"{name}.git")
        assert published.pop(".nojekyll") == b""  # Pages serves the files as they are
        assert published == _files(built / "_site" / name)
        assert f"shard {name}: " in err
    # the national index alone is the project's own site
    assert out == f"artifact={tmp_path / 'national'}\n"
    assert sorted(p.name for p in (tmp_path / "national").iterdir()) == ["index.html"]
    assert (tmp_path / "national" / "index.html").read_bytes() == (
        built / "_site" / "index.html"
    ).read_bytes()


def test_an_unchanged_shard_makes_the_same_commit(built, remotes, capsys):
    _config(built, (remotes / "{shard}.git").as_posix())
    assert _run(built, capsys)[0] == 0
    first = {name: _head(remotes / f"{name}.git") for name in SHARDS}
    shutil.rmtree(built / ".cache" / "shard-publish")  # also from a new machine
    assert _run(built, capsys)[0] == 0
    assert {name: _head(remotes / f"{name}.git") for name in SHARDS} == first


def test_a_missing_repository_is_named_and_the_others_are_pushed(built, remotes, capsys):
    shutil.rmtree(remotes / "410000.git")
    _config(built, (remotes / "{shard}.git").as_posix())
    code, _, err = _run(built, capsys)
    assert code == 1
    assert f"error: shard 410000 to {(remotes / '410000.git').as_posix()}" in err
    assert _head(remotes / "130000.git") and _head(remotes / "640000.git")


def test_the_token_travels_as_a_header_and_is_never_shown(built, capsys, monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, "secret-token-1234")
    _config(built, "https://127.0.0.1:9/{shard}.git")  # nothing listens: the push fails
    code, out, err = _run(built, capsys)
    assert code == 1 and "error: shard 130000 to https://127.0.0.1:9/130000.git" in err
    assert "secret-token-1234" not in out + err


def test_a_shard_whose_repository_pages_serve_elsewhere_is_not_pushed(built, capsys):
    """A project site is served at /NAME/: a shard's links expect <base_path><shard>/."""
    _config(built, "https://github.com/owner/budget-{shard}.git")
    code, _, err = _run(built, capsys)
    assert code == 1
    assert "shard 130000: https://github.com/owner/budget-130000.git is served at " in err
    assert "/budget-130000/, but the shard's pages link under /130000/" in err
    assert served_at("https://github.com/owner/130000.git") == "/130000/"
    assert served_at("git@github.com:owner/owner.github.io.git") == "/"
    assert served_at("/srv/git/130000.git") is None


def test_a_sharded_site_without_a_remote_says_where_to_set_it(built, capsys):
    _config(built, None)
    code, out, err = _run(built, capsys)
    assert code == 1 and "[publish] shard_remote is not set" in err
    assert out == f"artifact={built / '_site'}\n"


def test_a_whole_site_is_uploaded_as_it_is(tmp_path, capsys):
    config = tmp_path / "site.toml"
    config.write_text('base_url = "https://example.org"\n', encoding="utf-8")
    assert run_publish_shards(str(config), str(tmp_path / "national")) == 0
    assert capsys.readouterr().out == f"artifact={tmp_path / '_site'}\n"
    assert not (tmp_path / "national").exists()


def test_shard_remote_must_name_the_shard_and_renders_nothing(tmp_path):
    with pytest.raises(ConfigError, match="shard_remote"):
        parse_config('[publish]\nshard_remote = "https://github.com/o/site.git"\n', tmp_path)
    with pytest.raises(ConfigError, match="shard_remote"):
        parse_config('[publish]\nshard_remote = "--upload-pack={shard}"\n', tmp_path)
    one = parse_config('[publish]\nshard_remote = "https://github.com/o/{shard}.git"\n', tmp_path)
    other = parse_config('[publish]\nshard_remote = "/srv/{shard}.git"\n', tmp_path)
    assert rendered_settings(one) == rendered_settings(other)  # no page shows it


def test_files_a_shard_no_longer_holds_leave_the_publishing_cache(built, remotes, capsys):
    _config(built, (remotes / "{shard}.git").as_posix())
    page = built / "_site" / "130000" / "extra.html"
    page.write_bytes(b"<p>once</p>" * 1000)
    try:
        assert _run(built, capsys)[0] == 0
        assert "extra.html" in _published(remotes / "130000.git")
    finally:
        page.unlink()
    assert _run(built, capsys)[0] == 0
    assert "extra.html" not in _published(remotes / "130000.git")
    work = built / ".cache" / "shard-publish" / "130000.git"
    blob = (
        subprocess.run(
            ["git", "hash-object", "--stdin"], input=b"<p>once</p>" * 1000, capture_output=True
        )
        .stdout.decode()
        .strip()
    )
    assert not (work / "objects" / blob[:2] / blob[2:]).exists()
