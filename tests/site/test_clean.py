"""``clean`` removes only what the build created inside the project, never content."""

from pathlib import Path

import pytest

from generator.clean import MARKER, mark_created, run_clean
from generator.config import ConfigError, parse_config


def _project(tmp_path: Path, toml: str) -> Path:
    project = tmp_path / "project"
    (project / "content" / "disclosures").mkdir(parents=True)
    (project / "content" / "disclosures" / "a.txt").write_text("x", encoding="utf-8")
    (project / "site.toml").write_text(toml, encoding="utf-8")
    return project


def test_clean_removes_the_folders_the_build_made(tmp_path, capsys):
    project = _project(tmp_path, 'output_dir = "out"\ncache_dir = "cache"\n')
    for name in ("out", "cache"):
        assert mark_created(project / name)
        (project / name / "index.html").write_text("x", encoding="utf-8")
    assert run_clean(str(project / "site.toml")) == 0
    assert not (project / "out").exists() and not (project / "cache").exists()
    assert (project / "content" / "disclosures" / "a.txt").exists()


def test_a_folder_that_held_other_files_is_used_but_never_removed(tmp_path, capsys):
    project = _project(tmp_path, 'output_dir = "docs"\ncache_dir = "cache"\n')
    (project / "docs").mkdir()
    (project / "docs" / "notes.md").write_text("mine", encoding="utf-8")
    assert not mark_created(project / "docs")
    assert run_clean(str(project / "site.toml")) == 0
    assert (project / "docs" / "notes.md").exists()
    assert "no .made-by-generator file" in capsys.readouterr().err


def test_a_marked_folder_outside_the_project_is_kept(tmp_path, capsys):
    victim = tmp_path / "victim"
    mark_created(victim)
    (victim / "precious").write_text("x", encoding="utf-8")
    project = _project(tmp_path, f'output_dir = "{victim.as_posix()}"\n')
    assert run_clean(str(project / "site.toml")) == 0
    assert (victim / "precious").exists()
    assert "not inside the project" in capsys.readouterr().err


def test_a_symlinked_output_folder_is_kept(tmp_path):
    victim = tmp_path / "victim"
    mark_created(victim)
    project = _project(tmp_path, 'output_dir = "out"\n')
    (project / "out").symlink_to(victim, target_is_directory=True)
    run_clean(str(project / "site.toml"))
    assert (victim / MARKER).exists()


@pytest.mark.parametrize(
    "toml, key",
    [
        ('output_dir = "../victim"\n', "output_dir"),
        ('cache_dir = "content"\n', "cache_dir"),
        ('output_dir = "content/site"\n', "output_dir"),
        ('output_dir = "."\n', "output_dir"),
        ('content_dir = "_site/c"\n', "output_dir"),
        ('output_dir = "x"\ncache_dir = "x"\n', "cache_dir"),
    ],
)
def test_dangerous_folders_are_refused_before_anything_runs(tmp_path, toml, key, capsys):
    project = _project(tmp_path, toml)
    with pytest.raises(ConfigError, match=f"'{key}'"):
        parse_config(toml, project)
    assert run_clean(str(project / "site.toml")) == 2
    assert (project / "content" / "disclosures" / "a.txt").exists()
    assert "error: site.toml" in capsys.readouterr().err
