from pathlib import Path

import pytest

from generator.config import ConfigError, SiteConfig, documented_keys, load_config, parse_config

ROOT = Path(__file__).resolve().parents[2]


def test_repository_site_toml_loads():
    cfg = load_config(ROOT / "site.toml")
    assert cfg.privacy.show_contact_names is False
    assert cfg.privacy.show_phone_numbers is False
    assert cfg.base_path.startswith("/") and cfg.base_path.endswith("/")


def test_unknown_key_is_named_with_its_line():
    with pytest.raises(ConfigError) as err:
        parse_config('title = "x"\nbase_pth = "/a/"\n', Path("."))
    assert "'base_pth'" in str(err.value) and "line 2" in str(err.value)


def test_misspelt_privacy_switch_is_an_error():
    with pytest.raises(ConfigError, match="privacy.show_phone_number"):
        parse_config("[privacy]\nshow_phone_number = true\n", Path("."))


def test_wrong_type_is_an_error():
    with pytest.raises(ConfigError, match="'sitemap_chunk_size'.*int"):
        parse_config('sitemap_chunk_size = "10"\n', Path("."))
    with pytest.raises(ConfigError, match="show_contact_names"):
        parse_config('[privacy]\nshow_contact_names = "yes"\n', Path("."))


def test_populations_need_region_codes():
    cfg = parse_config("[populations]\n410526 = 1330000\n", Path("."))
    assert cfg.populations == {"410526": 1330000}
    with pytest.raises(ConfigError, match="6-digit"):
        parse_config('[populations]\n"滑县" = 1\n', Path("."))


def test_base_path_is_normalised_and_env_overrides(monkeypatch):
    assert parse_config('base_path = "budget-site"\n', Path(".")).base_path == "/budget-site/"
    monkeypatch.setenv("SITE_BASE_PATH", "/repo")
    assert parse_config("", Path(".")).base_path == "/repo/"


def test_every_key_is_documented_in_code_and_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    keys = documented_keys()
    assert set(keys) >= {
        "title",
        "base_url",
        "base_path",
        "output_dir",
        "language",
        "privacy.show_contact_names",
        "privacy.show_phone_numbers",
        "populations",
    }
    for key, doc in keys.items():
        assert len(doc) > 20, f"{key} lacks documentation"
        assert f"`{key}`" in readme, f"README.md does not document site.toml key {key}"


def test_defaults_are_safe():
    cfg = SiteConfig()
    assert cfg.language == "zh-CN" and cfg.sitemap_chunk_size <= 50000


def test_limits_are_checked_by_type_and_range_with_key_and_line():
    cfg = parse_config("[limits]\nmax_text_mb = 2.5\nread_timeout_seconds = 30\n", Path("."))
    assert cfg.limits.max_text_mb == 2.5 and cfg.limits.read_timeout_seconds == 30
    with pytest.raises(ConfigError, match=r"'limits.max_line_chars' \(line 3\).*between"):
        parse_config('title = "x"\n[limits]\nmax_line_chars = -1\n', Path("."))
    with pytest.raises(ConfigError, match="limits.read_memory_mb.*whole number"):
        parse_config("[limits]\nread_memory_mb = 1.5\n", Path("."))
    with pytest.raises(ConfigError, match="unknown key 'limits.max_lines'"):
        parse_config("[limits]\nmax_lines = 5\n", Path("."))


def test_a_site_toml_that_is_not_utf8_is_an_error_naming_the_line(tmp_path):
    p = tmp_path / "site.toml"
    p.write_bytes(b'title = "ok"\n' + 'description = "预算"\n'.encode("gbk"))
    with pytest.raises(ConfigError, match="not UTF-8 text.*line 2"):
        load_config(p)


def test_the_readme_rows_of_the_limits_are_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key, doc in documented_keys().items():
        if key.startswith("limits."):
            assert f"| `{key}` | {doc} |" in readme, f"README.md row of {key} is out of date"


def test_pages_base_url_is_cut_back_to_the_origin():
    from generator.config import site_origin

    assert site_origin("https://o.github.io/budget-site", "/budget-site/") == "https://o.github.io"
    assert site_origin("https://o.github.io", "/") == "https://o.github.io"
    assert site_origin("https://example.org", "/budget-site/") == "https://example.org"


@pytest.mark.parametrize(
    "line, key",
    [
        ('base_url = "javascript:alert(1)"', "base_url"),
        ('base_url = " JAVASCRIPT:alert(1)"', "base_url"),
        ('base_url = "data:text/html,x"', "base_url"),
        ('base_url = "https://e.org/?q=1"', "base_url"),
        ('base_path = "/../../etc/"', "base_path"),
        ('base_path = "/a//b/"', "base_path"),
        ('base_path = "/a b/"', "base_path"),
        ('base_path = "/x/\\"><script>/"', "base_path"),
        ('output_dir = "../victim"', "output_dir"),
        ('cache_dir = "a/../../b"', "cache_dir"),
        ('content_dir = "..\\\\x"', "content_dir"),
        ("feed_entries = -1", "feed_entries"),
        ("sitemap_chunk_size = 0", "sitemap_chunk_size"),
        ("sitemap_chunk_size = 50001", "sitemap_chunk_size"),
    ],
)
def test_unsafe_or_out_of_range_values_name_key_and_line(line, key, monkeypatch):
    monkeypatch.delenv("SITE_BASE_URL", raising=False)
    monkeypatch.delenv("SITE_BASE_PATH", raising=False)
    with pytest.raises(ConfigError, match=rf"'{key}' \(line 2\)"):
        parse_config(f'title = "x"\n{line}\n', Path("."))


def test_unsafe_environment_addresses_are_refused(monkeypatch):
    monkeypatch.setenv("SITE_BASE_URL", "javascript:alert(1)")
    with pytest.raises(ConfigError, match="SITE_BASE_URL"):
        parse_config("", Path("."))
    monkeypatch.setenv("SITE_BASE_URL", "https://o.github.io/repo")
    monkeypatch.setenv("SITE_BASE_PATH", "/../etc/")
    with pytest.raises(ConfigError, match="SITE_BASE_PATH"):
        parse_config("", Path("."))
    monkeypatch.setenv("SITE_BASE_PATH", "/repo/")
    assert parse_config("", Path(".")).base_url == "https://o.github.io"


def test_edge_values_in_range_are_accepted(monkeypatch):
    monkeypatch.delenv("SITE_BASE_URL", raising=False)
    monkeypatch.delenv("SITE_BASE_PATH", raising=False)
    cfg = parse_config(
        'feed_entries = 0\nsitemap_chunk_size = 50000\nbase_path = "budget-site"\n'
        'output_dir = "/tmp/out"\n',
        Path("."),
    )
    assert cfg.feed_entries == 0 and cfg.base_path == "/budget-site/"
