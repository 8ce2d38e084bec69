from decimal import Decimal

from generator.config import PrivacyConfig
from generator.ids import department_id, department_type_of
from generator.links import Links, output_file
from generator.privacy import redact
from generator.site.registry import Page, Registry
from tests.site.fixtures.documents import guyuan_2020, huaxian_2024


def test_fixture_figures_sit_on_the_cited_lines():
    for doc in (huaxian_2024(), guyuan_2020()):
        for r in doc.readings:
            printed = r.source.text.replace(",", "").replace(" ", "")
            assert (
                r.raw.replace(",", "").replace(" ", "").replace("万元", "").replace("元", "")
                in printed
            )
        for e in doc.glossary:
            assert e.term in e.source.text


def test_department_ids_are_stable_ascii():
    assert department_id("410526", "医疗保障局", "滑县医疗保障局", "滑县") == "410526-ybj"
    assert department_type_of("秦皇岛市北戴河区医疗保障局") == "医疗保障局"
    unknown = department_id("410526", None, "滑县某某中心")
    assert unknown == department_id("410526", None, "滑县某某中心")
    assert unknown.isascii() and unknown.startswith("410526-d")
    assert department_id(None, "医疗保障局", "x").startswith("x-")


def test_same_department_in_two_cities_never_shares_an_id():
    gz = department_id("440100", "交通运输局", "广州市交通运输局", "广州市")
    sz = department_id("320500", "交通运输局", "苏州市交通运输局", "苏州市")
    assert gz == "440100-jtysj" and sz == "320500-jtysj"
    # no region: the full name keeps them apart
    a = department_id(None, "信访局", "无锡市信访局")
    b = department_id(None, "信访局", "长沙市信访局")
    assert a != b and a.startswith("x-xfj-")
    # a district bureau whose district is not in the region table is not its city's bureau
    assert department_id("440100", "教育局", "广州市天河区教育局", "广州市") != department_id(
        "440100", "教育局", "广州市教育局", "广州市"
    )
    # the data-driven list: an alias ending gives the same type and slug
    assert department_type_of("杭州市政府办公厅") == "人民政府办公厅"
    assert department_type_of("广州市城市管理和综合执法局") == "城市管理和综合执法局"


def test_links_respect_base_path():
    assert Links("/budget-site/").url("d/a/2024/") == "/budget-site/d/a/2024/"
    assert Links("/").url("") == "/"
    assert output_file("d/a/") == "d/a/index.html" and output_file("feed.xml") == "feed.xml"


def test_registry_refuses_duplicate_paths():
    reg = Registry()
    reg.add(Page("a/"))
    try:
        reg.add(Page("a/"))
    except ValueError as exc:
        assert "a/" in str(exc)
    else:
        raise AssertionError("duplicate page accepted")


def test_contacts_and_phones_hidden_by_default():
    doc = huaxian_2024()
    doc.projects[0].contacts = ["项目负责人：牛亚楠", "联系电话：03916636556"]
    doc.lines[0].text = "项目负责人\t牛亚楠\t联系人\t牛亚楠"
    doc.lines[1].text = "联系电话\t6639889"
    hidden = redact(doc, PrivacyConfig())
    text = "\n".join(ln.text for ln in hidden.lines[:2]) + "".join(hidden.projects[0].contacts)
    assert "牛亚楠" not in text and "03916636556" not in text and "6639889" not in text
    assert doc.projects[0].contacts[0] == "项目负责人：牛亚楠"  # the original is untouched
    shown = redact(doc, PrivacyConfig(show_contact_names=True, show_phone_numbers=True))
    assert "牛亚楠" in shown.projects[0].contacts[0]


def test_redaction_copies_only_what_it_changes():
    from generator.model import Cell, Row, Table

    doc = huaxian_2024()
    doc.lines[1].text = "联系电话\t6639889"
    phone_row = Row(cells=[Cell("联系电话"), Cell("6639889", Decimal("6639889"))], line=2)
    doc.tables.append(Table(id="contacts", title="联系", line=2, rows=[phone_row]))
    hidden = redact(doc, PrivacyConfig())
    # the changed line and the masked cell are copies; the original keeps its text and value
    assert hidden.lines[1] is not doc.lines[1] and "6639889" not in hidden.lines[1].text
    assert doc.lines[1].text == "联系电话\t6639889"
    masked = hidden.tables[-1].rows[0].cells[1]
    assert (masked.text, masked.value) == ("〔电话已隐藏〕", None)
    assert (phone_row.cells[1].text, phone_row.cells[1].value) == ("6639889", Decimal("6639889"))
    # what redaction did not change is the original's object, not a copy of it
    assert hidden.lines[0] is doc.lines[0] and hidden.tables[0] is doc.tables[0]
    assert hidden.indicators["income_total"] is doc.indicators["income_total"]
    assert hidden.metadata is doc.metadata


def test_redaction_keeps_amounts():
    doc = guyuan_2020()
    hidden = redact(doc, PrivacyConfig())
    assert hidden.lines[135].text == doc.lines[135].text  # 4300085.06 is money, not a phone
    assert hidden.indicators["income_total"].value == Decimal("430.714456")


def test_functional_chart_sums_items_only_when_nothing_prints_a_class_total():
    from decimal import Decimal

    from generator.model import Cell, Code, Document, Metadata, Row, Table
    from generator.site.figures import functional_chart

    def row(line, code, value):
        c = Code(raw=code, scheme="functional", class_=code[:3], section=code[3:5], item=code[5:])
        return Row(cells=[Cell(code), Cell(value, Decimal(value))], line=line, code=c)

    table = Table(
        id="expenditure",
        title="支出表",
        line=1,
        unit="万元",
        columns=["科目编码", "合计"],
        rows=[row(2, "2101101", "1.10"), row(3, "2101199", "2.20")],
    )
    doc = Document(source="x.txt", format="text", sha256="0", metadata=Metadata(), tables=[table])

    class FakeSite:
        def source_url(self, ref):
            return f"#L{ref.line}"

    class FakeDoc:
        document = doc
        rel = "x.txt"

    chart = functional_chart(FakeSite(), FakeDoc())
    assert [(r.label, r.value) for r in chart.rows] == [("210 卫生健康支出", Decimal("3.30"))]
    assert "按项级科目相加" in chart.note
