from generator.read.sidecar import read_sidecar, sidecar_path


def _write(tmp_path, text, name="2020-performance"):
    (tmp_path / f"{name}.txt").write_text("x", encoding="utf-8")
    (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return tmp_path / f"{name}.txt"


def test_sidecar_path_is_beside_the_input(tmp_path):
    assert sidecar_path(tmp_path / "2020-performance.txt") == tmp_path / "2020-performance.toml"


def test_absent_sidecar_is_empty_without_problems(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert read_sidecar(tmp_path / "a.txt") == ({}, [])


def test_valid_keys_are_normalised(tmp_path):
    path = _write(
        tmp_path,
        'department = "秦皇岛市北戴河区医疗保障局"\nregion_code = "130304"\nyear = 2020\n'
        'kind = "performance"\nsource_url = "http://example.org/a.doc"\n'
        'published = 2020-05-20\npopulation = 85000\ntitle = "2020年部门预算绩效信息"\n',
    )
    data, problems = read_sidecar(path)
    assert problems == []
    assert data == {
        "department": "秦皇岛市北戴河区医疗保障局",
        "region_code": "130304",
        "year": 2020,
        "kind": "performance",
        "source_url": "http://example.org/a.doc",
        "published": "2020-05-20",
        "population": 85000,
        "title": "2020年部门预算绩效信息",
    }


def test_published_as_string_is_accepted(tmp_path):
    data, problems = read_sidecar(_write(tmp_path, 'published = "2021-04-07"\n'))
    assert data == {"published": "2021-04-07"} and problems == []


def test_unknown_key_and_wrong_types_are_named(tmp_path):
    path = _write(
        tmp_path, 'departement = "x"\nyear = "2020"\nkind = "annual"\npublished = "April"\n'
    )
    data, problems = read_sidecar(path)
    assert data == {}
    messages = " | ".join(p.message for p in problems)
    for key in ("departement", "year", "kind", "published"):
        assert f"'{key}'" in messages
    assert all(p.file.endswith("2020-performance.toml") for p in problems)
    assert len(problems) == 4


def test_population_zero_is_refused(tmp_path):
    data, problems = read_sidecar(_write(tmp_path, "population = 0\n"))
    assert data == {} and "'population'" in problems[0].message


def test_broken_toml_is_a_problem_not_an_exception(tmp_path):
    data, problems = read_sidecar(_write(tmp_path, "year = = 2020\n"))
    assert data == {} and len(problems) == 1 and "TOML" in problems[0].message
