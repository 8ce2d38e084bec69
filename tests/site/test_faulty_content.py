"""A content folder holding every kind of fault builds every good document's pages, lists
every file under content/ in the report, and exits as README documents (0; 1 with --strict)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import generator.file_hashes as hashes_mod
import generator.inventory as inventory_mod
from generator.build_command import run_build

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "a/2021-budget.txt": "disclosures/130607-满城区/保定市满城区医疗保障局/2021-budget.txt",
    "b/2020-performance.txt": "disclosures/130304-北戴河区/秦皇岛市北戴河区医疗保障局/2020-performance.txt",
}


def _absurd(text: str) -> str:
    """The seed with one amount of 30 digits (decimal.InvalidOperation in formatting)."""
    return text.replace("7119.13万元", "123456789012345678901234567890.13万元", 1)


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faulty")
    project, outside = tmp / "project", tmp / "outside"
    d = project / "content" / "disclosures"
    for rel, src in GOOD.items():
        (d / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "content" / src, d / rel)
    seed = (ROOT / "content" / GOOD["a/2021-budget.txt"]).read_text(encoding="utf-8")
    (d / "c").mkdir()
    (d / "c" / "2021-budget.txt").write_text(_absurd(seed), encoding="utf-8")
    outside.mkdir()
    (outside / "secret.txt").write_text(seed, encoding="utf-8")
    (d / "c" / "linked-out.txt").symlink_to(outside / "secret.txt")
    (d / "c" / "dangling.pdf").symlink_to(tmp / "nowhere.pdf")
    (d / "c" / "folder-out").symlink_to(outside, target_is_directory=True)
    (d / "c" / "unreadable-2021-budget.txt").write_text(seed, encoding="utf-8")
    (d / "a" / "2021-budget.toml").write_text('source_url = "https://hx.gov.cn/a"\n', "utf-8")
    (d / "a" / "orphan.toml").write_text('title = "x"\n', encoding="utf-8")
    (d / "a" / "report.docx").write_bytes(b"PK\x03\x04")
    (d / "a" / "NOEXT").write_bytes(b"x")
    (d / "README.md").write_text("# notes\n", encoding="utf-8")
    (project / "site.toml").write_text(
        f'base_url = "https://example.org"\ncache_dir = "{(tmp / "cache").as_posix()}"\n',
        encoding="utf-8",
    )
    unreadable = (d / "c" / "unreadable-2021-budget.txt").resolve()
    os.chmod(unreadable, 0)
    real_sha, real_readable = hashes_mod.sha256_file, inventory_mod._readable

    def sha(path):  # root reads a mode-000 file anyway: make it fail as it does for users
        if Path(path).resolve() == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return real_sha(path)

    def readable(path):
        if Path(path).resolve() == unreadable:
            return PermissionError(13, "Permission denied")
        return real_readable(path)

    mp = pytest.MonkeyPatch()
    mp.setattr(hashes_mod, "sha256_file", sha)
    mp.setattr(inventory_mod, "_readable", readable)
    mp.delenv("SITE_BASE_URL", raising=False)
    mp.delenv("SITE_BASE_PATH", raising=False)
    try:
        code = run_build(str(project / "site.toml"), quiet=True)
        strict = run_build(str(project / "site.toml"), quiet=True, strict=True)
    finally:
        mp.undo()
        os.chmod(unreadable, 0o644)
    report = json.loads((project / "_site" / "report.json").read_text(encoding="utf-8"))
    yield project, code, strict, {o["file"]: o for o in report["inputs"]}


def test_exit_status_is_as_documented(faulty):
    _, code, strict, _ = faulty
    assert (code, strict) == (0, 1)


def test_every_file_under_content_is_in_the_report(faulty):
    project, _, _, rows = faulty
    content = project / "content"
    on_disk = set()
    for top, dirs, files in os.walk(content):
        for name in files + [x for x in dirs if (Path(top) / x).is_symlink()]:
            on_disk.add((Path(top) / name).relative_to(content).as_posix())
    assert on_disk - set(rows) == set()
    status = {k: v["status"] for k, v in rows.items()}
    assert status["disclosures/c/linked-out.txt"] == "outside_link"
    assert status["disclosures/c/folder-out"] == "outside_link"
    assert status["disclosures/c/dangling.pdf"] == "dangling_link"
    assert status["disclosures/c/unreadable-2021-budget.txt"] == "unreadable"
    assert status["disclosures/a/orphan.toml"] == "orphan_sidecar"
    assert status["disclosures/a/2021-budget.toml"] == "sidecar"
    assert status["disclosures/a/report.docx"] == "unsupported"
    assert status["disclosures/a/NOEXT"] == "unsupported"
    assert status["disclosures/README.md"] == "ignored"
    for rel in ("disclosures/c/linked-out.txt", "disclosures/c/unreadable-2021-budget.txt"):
        assert rows[rel]["problems"] and rows[rel]["problems"][0]["severity"] == "error"


def test_every_good_document_has_its_pages(faulty):
    project, _, _, rows = faulty
    for rel in ("disclosures/a/2021-budget.txt", "disclosures/b/2020-performance.txt"):
        assert rows[rel]["status"] in ("ok", "problems") and rows[rel]["page"]
        assert (project / "_site" / rows[rel]["page"] / "index.html").is_file()


def test_an_absurd_amount_is_a_problem_not_a_crash(faulty):
    project, _, _, rows = faulty
    row = rows["disclosures/c/2021-budget.txt"]
    assert row["page"] and (project / "_site" / row["page"] / "index.html").is_file()
    assert any(
        "123456789012345678901234567890" in p["message"]
        or "magnitude" in p["message"]
        or "absurd" in p["message"]
        for p in row["problems"]
    ), row["problems"]


def test_nothing_outside_content_was_read(faulty):
    project, *_ = faulty
    site = project / "_site"
    assert not any("secret" in p.name for p in site.rglob("*"))


def test_a_folder_replaced_by_a_link_out_is_not_read_by_the_next_build(tmp_path):
    """Folders are resolved once per build (speed), never remembered across builds (serve)."""
    from generator.content import find_disclosures

    content, outside = tmp_path / "content", tmp_path / "outside"
    (content / "甲").mkdir(parents=True)
    outside.mkdir()
    (content / "甲" / "2024-budget.txt").write_text("甲 2024 年部门预算", encoding="utf-8")
    (outside / "2024-budget.txt").write_text("外面的文件", encoding="utf-8")
    assert [i.rel for i in find_disclosures(content)] == ["甲/2024-budget.txt"]
    shutil.rmtree(content / "甲")
    (content / "甲").symlink_to(outside, target_is_directory=True)
    assert find_disclosures(content) == []


def test_the_report_does_not_open_again_what_the_build_read(tmp_path, monkeypatch):
    (tmp_path / "disclosures").mkdir()
    for name in ("2024-budget.txt", "notes.docx", "2024-budget.toml"):
        (tmp_path / "disclosures" / name).write_text("x", encoding="utf-8")
    opened: list[str] = []
    real = inventory_mod._readable
    monkeypatch.setattr(inventory_mod, "_readable", lambda p: opened.append(p.name) or real(p))
    rows = inventory_mod.unread_rows(tmp_path, [{"file": "disclosures/2024-budget.txt"}])
    assert sorted(opened) == ["2024-budget.toml", "notes.docx"]
    assert {r["file"]: r["status"] for r in rows} == {
        "disclosures/2024-budget.toml": inventory_mod.SIDECAR,
        "disclosures/notes.docx": inventory_mod.UNSUPPORTED,
    }
