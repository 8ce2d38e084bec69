"""The publishing workflows keep what the project promises: tests on every push and pull
request, and a Pages deploy with the official actions on content, template or code changes."""

from pathlib import Path

import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def _load(name):
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def _uses(workflow):
    return [s.get("uses", "") for job in workflow["jobs"].values() for s in job.get("steps", [])]


def test_tests_run_on_push_and_pull_request_through_the_ci_entry_point():
    wf = _load("test.yml")
    assert "push" in wf["on"] and "pull_request" in wf["on"]
    runs = [s.get("run", "") for job in wf["jobs"].values() for s in job["steps"]]
    assert any("chromium" in r for r in runs)
    assert any(".ci/run" in r or "make test" in r for r in runs)


def test_pages_deploys_with_the_official_actions():
    wf = _load("pages.yml")
    uses = " ".join(_uses(wf))
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses
    assert wf["permissions"]["pages"] == "write"
    assert wf["permissions"]["id-token"] == "write"
    assert wf["concurrency"]["group"] == "pages"
    assert "workflow_dispatch" in wf["on"]
    paths = wf["on"]["push"]["paths"]
    assert wf["on"]["push"]["branches"] == ["main"]
    build = wf["jobs"]["build"]
    env = next(s["env"] for s in build["steps"] if "env" in s and "SITE_BASE_URL" in s["env"])
    assert env["SITE_BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    checkout = next(s for s in build["steps"] if "actions/checkout" in s.get("uses", ""))
    assert checkout["with"]["fetch-depth"] == 0  # first-commit dates for the feed
    for wanted in ("content/**", "templates/**", "generator/**", "site.toml"):
        assert wanted in paths
    build = " ".join(s.get("run", "") for s in wf["jobs"]["build"]["steps"])
    assert "make site" in build


def test_pages_keeps_the_last_build_for_the_next_push():
    """Restored before the build and saved after it, under the folders site.toml names: a
    push then reads only what changed. A new key per run, found again by its prefix, since
    a cache entry can never be overwritten."""
    from generator.config import load_config

    cfg = load_config(WORKFLOWS.parent.parent / "site.toml")
    steps = _load("pages.yml")["jobs"]["build"]["steps"]
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in steps]
    restore = steps[names.index("actions/cache/restore")]
    save = steps[names.index("actions/cache/save")]
    build = next(i for i, s in enumerate(steps) if "make site" in s.get("run", ""))
    assert names.index("actions/cache/restore") < build < names.index("actions/cache/save")
    wanted = {cfg.cache_dir, cfg.output_dir}
    for step in (restore, save):
        assert set(step["with"]["path"].split()) == wanted
    key = restore["with"]["key"]
    assert save["with"]["key"] == key and "github.run_id" in key
    assert key.startswith(restore["with"]["restore-keys"])
    assert save["if"] == "${{ !cancelled() }}"  # a failed build's readings are kept too


def test_pages_pushes_the_shards_and_uploads_what_the_command_names():
    """A sharded site's shards go to their repositories; the artifact is the folder the
    command prints (the national index, or the whole output when not sharded)."""
    steps = _load("pages.yml")["jobs"]["build"]["steps"]
    publish = next(s for s in steps if "publish-shards" in s.get("run", ""))
    assert publish["id"] == "publish"
    assert publish["env"]["SHARD_PUSH_TOKEN"] == "${{ secrets.SHARD_PUSH_TOKEN }}"
    assert '>> "$GITHUB_OUTPUT"' in publish["run"]
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "${{ steps.publish.outputs.artifact }}"
    build = next(i for i, s in enumerate(steps) if "make site" in s.get("run", ""))
    assert build < steps.index(publish) < steps.index(upload)


def test_a_build_too_long_for_one_job_stops_in_time_to_keep_its_readings():
    """The build step's limit leaves the job time to save the cache, whose save runs after a
    failed (timed-out) step, so the next run goes on from there."""
    job = _load("pages.yml")["jobs"]["build"]
    build = next(s for s in job["steps"] if "make site" in s.get("run", ""))
    save = next(s for s in job["steps"] if "actions/cache/save" in s.get("uses", ""))
    assert build["timeout-minutes"] <= job["timeout-minutes"] - 30
    assert job["timeout-minutes"] <= 360  # GitHub's limit for one job
    assert "!cancelled()" in save["if"]
