"""A collection over the size of one published site: the warning, and one site per province
(generator/shard.py) with a national index linking them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build_command import run_build
from generator.config import ConfigError, parse_config
from generator.shard import province_of
from generator.site_size import size_warning
from tests.site.helpers import BASE_PATH, ROOT, broken_links

HUAXIAN = "disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"


def _config_text(tmp: Path, **publish: str) -> str:
    lines = [
        f'base_path = "{BASE_PATH}"',
        'base_url = "https://example.org"',
        'output_dir = "_site"',
        'content_dir = "content"',
        f'cache_dir = "{(ROOT / ".cache").as_posix()}"',
        "[publish]",
        *(f"{k} = {v}" for k, v in publish.items()),
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    """The five seeds (河北 ×2, 河南 ×2, 宁夏), a disclosure of no known region, a stray
    file; built with shard_by = "province" and a limit every shard is over."""
    tmp = tmp_path_factory.mktemp("shards")
    shutil.copytree(ROOT / "content" / "disclosures", tmp / "content" / "disclosures")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    nowhere = tmp / "content" / "disclosures" / "某处" / "无名医疗保障局" / "2024-budget.txt"
    nowhere.parent.mkdir(parents=True)
    text = (ROOT / "content" / HUAXIAN).read_text(encoding="utf-8")
    nowhere.write_text(text.replace("滑县", "无名"), encoding="utf-8")
    (tmp / "content" / "disclosures" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    config = tmp / "site.toml"
    config.write_text(_config_text(tmp))  # first one whole site, as before sharding
    assert run_build(str(config), quiet=True) == 0 and (tmp / "_site" / "d").is_dir()
    config.write_text(_config_text(tmp, shard_by='"province"', max_site_bytes="1000"))
    return tmp / "_site", run_build(str(config), quiet=True)


def test_province_is_the_first_two_digits_of_the_region_code():
    assert province_of("410526") == "410000"
    assert province_of(None) == province_of("") == province_of("41") == "unknown"


def test_one_site_per_province_and_one_for_unknown_regions(sharded):
    site, status = sharded
    assert status == 0
    shards = sorted(p.name for p in site.iterdir() if p.is_dir())
    assert shards == ["130000", "410000", "640000", "unknown"]
    assert (site / "410000" / "d" / "410526-ybj" / "2024" / "index.html").is_file()
    assert not (site / "130000" / "d" / "410526-ybj").exists()
    # the whole site built before sharding is gone from the top
    assert sorted(p.name for p in site.iterdir() if not p.is_dir()) == [
        ".made-by-generator",
        "index.html",
    ]
    for shard in shards:
        assert (site / shard / "index.html").is_file()
        assert (site / shard / "report.json").is_file()
    # the stray file is listed in the report of the unknown shard only
    assert "notes.csv" in (site / "unknown" / "report.json").read_text(encoding="utf-8")
    assert "notes.csv" not in (site / "410000" / "report.json").read_text(encoding="utf-8")


def test_every_shard_is_a_complete_site_with_no_broken_link(sharded):
    site, _ = sharded
    for shard in ("130000", "410000", "640000", "unknown"):
        assert broken_links(site / shard, base_path=f"{BASE_PATH}{shard}/") == [], shard


def test_national_index_links_every_shard(sharded):
    site, _ = sharded
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html
    for shard, name in [("130000", "河北省"), ("410000", "河南省"), ("640000", "宁夏回族自治区")]:
        assert f'href="{BASE_PATH}{shard}/">{name}</a>' in html
    assert f'href="{BASE_PATH}unknown/">地区未知</a>' in html
    assert "2 份" in html  # 河北 has two disclosures


def test_shards_over_the_limit_are_named_with_their_size(sharded, capsys, tmp_path):
    # the fixture's build printed before capsys; a second run over the same output is quick
    site, _ = sharded
    status = run_build(str(site.parent / "site.toml"), quiet=True)
    err = capsys.readouterr().err
    assert status == 0
    assert "warning: shard 410000 (河南省) is" in err and "max_site_bytes" in err


def test_one_site_over_the_limit_says_so_and_how_to_shard(tmp_path):
    cfg = parse_config(_config_text(tmp_path, max_site_bytes="1000"), tmp_path)
    (tmp_path / "_site").mkdir()
    (tmp_path / "_site" / "index.html").write_bytes(b"x" * 2500)
    warning = size_warning(cfg)
    assert "0.00 GB (2,500 bytes), over the 0.00 GB (1,000 bytes)" in warning
    assert 'shard_by = "province"' in warning
    assert size_warning(parse_config(_config_text(tmp_path), tmp_path)) == ""


def test_bad_publish_settings_are_errors(tmp_path):
    with pytest.raises(ConfigError, match="shard_by"):
        parse_config(_config_text(tmp_path, shard_by='"county"'), tmp_path)
    parse_config(_config_text(tmp_path, shard_by='"city"'), tmp_path)  # a valid choice
    with pytest.raises(ConfigError, match="max_site_bytes"):
        parse_config(_config_text(tmp_path, max_site_bytes="0"), tmp_path)


def test_city_of_a_code_and_its_name():
    from generator.shard import city_code, city_name

    assert city_code("130607") == "130600"  # 满城区 in 保定市, as the table says
    assert city_code("130600") == "130600"  # a city is its own
    assert city_code("130000") == "130000"  # a province's own departments
    assert city_code("419001") == "419000"  # 济源: the province governs it directly
    assert city_code("990101") == "990100"  # not in the table: its first four digits
    assert city_code(None) is None and city_code("x") is None
    assert city_name("130600") == "河北省保定市"
    assert city_name("130000") == "河北省本级部门"
    assert city_name("419000") == "河南省省直辖县级行政区划"
    assert city_name("130900") == "河北省 1309 开头的地区"
    assert city_name("990100") == "99 开头的地区 9901 开头的地区"
    assert city_name("unknown") == "地区未知"


@pytest.fixture(scope="module")
def city_sharded(tmp_path_factory):
    """The five seeds, one with a sidecar, built with shard_by = "city": five cities (济源,
    which its province governs directly, under 省直辖县级行政区划), no unknown shard."""
    tmp = tmp_path_factory.mktemp("city-shards")
    shutil.copytree(ROOT / "content" / "disclosures", tmp / "content" / "disclosures")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    sidecar = tmp / "content" / Path(HUAXIAN).with_suffix(".toml")
    sidecar.write_text('source_url = "https://www.example.gov.cn/ybj/2024.html"\n')
    config = tmp / "site.toml"
    config.write_text(_config_text(tmp, shard_by='"city"'))
    return tmp / "_site", run_build(str(config), quiet=True)


def test_one_site_per_city_each_complete_and_linked_from_the_index(city_sharded):
    site, status = city_sharded
    assert status == 0
    shards = sorted(p.name for p in site.iterdir() if p.is_dir())
    # the site's own pages are in every shard (and its report), not a shard of their own
    assert shards == ["130300", "130600", "410500", "419000", "640400"]
    for shard in shards:
        assert "pages/about.md" in (site / shard / "report.json").read_text(encoding="utf-8")
    # a sidecar goes with its disclosure, and says what it says there
    assert "2024-budget.toml" in (site / "410500" / "report.json").read_text(encoding="utf-8")
    page = site / "410500" / "d" / "410526-ybj" / "2024" / "index.html"
    assert "https://www.example.gov.cn/ybj/2024.html" in page.read_text(encoding="utf-8")
    assert (site / "130600" / "d" / "130607-ybj" / "2021" / "index.html").is_file()
    for shard in shards:
        assert broken_links(site / shard, base_path=f"{BASE_PATH}{shard}/") == [], shard
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "按地级市分为 5 个子站" in html and '<th scope="col">地区</th>' in html
    for shard, name in [("130600", "河北省保定市"), ("419000", "河南省省直辖县级行政区划")]:
        assert f'href="{BASE_PATH}{shard}/">{name}</a>' in html


def test_a_province_shard_over_the_limit_suggests_cities(tmp_path):
    cfg = parse_config(
        _config_text(tmp_path, shard_by='"province"', max_site_bytes="1000"), tmp_path
    )
    (tmp_path / "_site").mkdir()
    (tmp_path / "_site" / "index.html").write_bytes(b"x" * 2500)
    assert 'shard_by = "city"' in size_warning(cfg, label="shard 130000 (河北省)")


def test_a_collection_of_no_disclosure_still_makes_one_site_of_its_pages(tmp_path):
    shutil.copytree(ROOT / "content" / "pages", tmp_path / "content" / "pages")
    (tmp_path / "content" / "disclosures").mkdir()
    config = tmp_path / "site.toml"
    config.write_text(_config_text(tmp_path, shard_by='"city"'))
    assert run_build(str(config), quiet=True) == 0
    site = tmp_path / "_site"
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["unknown"]
    assert "pages/about.md" in (site / "unknown" / "report.json").read_text(encoding="utf-8")
