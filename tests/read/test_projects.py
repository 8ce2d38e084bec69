from decimal import Decimal

from seedlines import seed_blocks

from generator.model import Line
from generator.read.blocks import Grid, GridCell, GridRow
from generator.read.projects import read_projects
from generator.read.tables import read_tables


def _projects(key):
    blocks = seed_blocks(key)
    return read_projects(f"seed{key}", blocks, read_tables(f"seed{key}", blocks))


def _grid(rows, start=10):
    grid_rows = []
    for i, cells in enumerate(rows):
        n = start + i
        grid_rows.append(GridRow([GridCell(c, n) for c in cells], n))
    return Grid(grid_rows, "tabs", start, start + len(rows) - 1)


def _by_name(projects, name):
    hits = [p for p in projects if p.name == name]
    assert len(hits) == 1, [p.name for p in projects]
    return hits[0]


def test_key_value_sheet_with_inherited_levels():
    grid = _grid(
        [
            ["450001某某县医疗保障局本级", "单位：万元"],
            ["项目编码", "X1", "项目名称", "网络专线费用"],
            ["预算规模及资金用途", "预算数", "5.00", "其中：财政资金", "5.00"],
            ["绩效目标", "1.确保网络安全运行"],
            ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
            ["产出指标", "数量指标", "网络数量", "网络数量", "≥3条", "工作需要"],
            ["", "质量指标", "畅通率", "完成率", "≥95%", "工作需要"],
            ["效益指标", "社会效益指标", "使用率", "使用率", "≥90%", "工作需要"],
        ]
    )
    (p,) = read_projects("x", [Line(9, "3.网络专线费用绩效目标表"), grid], [])
    assert (p.code, p.name, p.amount, p.amount_raw) == (
        "X1",
        "网络专线费用",
        Decimal("5.00"),
        "5.00",
    )
    assert p.unit_org == "某某县医疗保障局本级" and p.goal == "1.确保网络安全运行"
    levels = [(i.level1, i.level2, i.level3, i.raw) for i in p.indicators]
    assert levels == [
        ("产出指标", "数量指标", "网络数量", "≥3条"),
        ("产出指标", "质量指标", "畅通率", "≥95%"),
        ("效益指标", "社会效益指标", "使用率", "≥90%"),
    ]
    first = p.indicators[0]
    assert (first.operator, first.number, first.unit) == ("≥", Decimal("3"), "条")
    assert first.description == "网络数量" and first.source.line == 15


def test_seed_000_projects_exactly_as_printed():
    ps = _projects("000")
    assert [p.amount_raw for p in ps] == ["1.26", "100.00", "5.00", "6458.88"]
    assert [p.code for p in ps] == [
        "130621213ROAM0VEDGN2W",
        "13062121GIIW92V7IICE0",
        "13062121KH88IOWA4OE6Z",
        "13062121UKTTEBDO62B9T",
    ]
    p = ps[0]
    assert p.name == "社保专网切换建立医保专网经费" and p.source.line == 162  # the name's cell
    assert len(p.indicators) == 7
    cost = p.indicators[3]
    assert (cost.level1, cost.level2, cost.level3, cost.raw) == (
        "产出指标",
        "成本指标",
        "成本",
        "≥1.26万元",
    )
    assert cost.source.line == 223
    deadline = p.indicators[2]
    assert deadline.raw == "2月份之前完成" and deadline.number is None


def test_seed_003_header_only_department_and_values():
    ps = _projects("003")
    assert [p.name for p in ps] == [
        "财务外聘人员工作经费",
        "城乡居民医疗保险专项业务费",
        "计划生育特殊家庭人员医疗医保救助",
        "劳务派遣人员经费",
        "人事代理经费",
    ]
    assert [p.amount for p in ps] == [
        Decimal(x) for x in ("3.50", "6.00", "10.00", "4.10", "10.28")
    ]
    assert ps[0].code == "450-0101-JBN-GZ2I" and ps[0].source.line == 37
    assert ps[0].unit_org == "秦皇岛市北戴河区医疗保障局"
    ind = ps[0].indicators[0]
    assert (ind.level1, ind.level2, ind.level3) == ("产出指标", "质量指标", "优良率")
    assert (ind.operator, ind.number, ind.unit) == ("≥", Decimal("90"), "百分比")


def test_seed_001_list_and_summary_are_merged():
    ps = _projects("001")
    assert len(ps) == 12
    p = _by_name(ps, "2024年城乡医疗救助资助困难群众参保费")
    assert p.code == "410526240000000006007"  # printed "4105 2624 0000 0000 0600 7"
    assert p.amount == Decimal("693.85") and p.category == "特定目标类"
    assert p.unit_org == "滑县医疗保障局" and p.source.line == 446
    cost = p.indicators[0]
    assert (cost.level1, cost.level3, cost.raw) == ("成本指标", "项目总成本", "≤6938460元")
    # row 533 is one column left of the header; its pairs still land in their groups
    groups = {(i.level1, i.level3) for i in p.indicators}
    assert ("产出指标", "资助参保人数") in groups
    assert ("效益指标", "困难群众救助覆盖率") in groups
    assert ("满意度指标", "医疗救助对象对医疗救助工作的满意度") in groups
    assert ("产出指标", "预算执行进度") in groups  # continuation row 538
    big = _by_name(ps, "2024年国家公务员医疗补助")
    assert big.amount == Decimal("6500.00") and big.code == "41052624000000006005"


def test_seed_001_wrapped_indicator_name():
    p = _by_name(_projects("001"), "2024年中央和省级财政医疗救助补助资金城乡医疗救助资金")
    assert any(i.level3 == "住院医疗救助费用救助比例" and i.raw == "≥65%" for i in p.indicators)
    assert len(p.indicators) == 17


def test_seed_002_contacts_category_and_shifted_rows():
    ps = _projects("002")
    assert len(ps) == 20
    first = ps[0]
    assert first.name == "医疗服务能力提升专项-DRG付费方式改革"
    assert first.amount == Decimal("100.00") and first.category == "业务类"
    assert first.contacts == ["项目负责人：牛亚楠", "联系人：牛亚楠", "联系电话：03916636556"]
    assert first.unit_org == "济源产城融合示范区医疗保障局"
    video = _by_name(ps, "电子政务专项-定点药店视频监控系统")
    assert video.unit_org == "济源市社会医疗保险中心（参照）"
    levels = {(i.level1, i.level2, i.level3, i.raw) for i in video.indicators}
    # row 516 is one column right of its header
    assert ("投入与目标管理", "项目管理", "合同管理完备性", "完备") in levels
    # "影响力目标" is printed outside the grid (line 529), its rows are short
    assert ("影响力目标", "人力资源", "培训定点药店数量", "≥200家") in levels
    assert ("影响力目标", "配套设施", "配套设施完备性", "完备") in levels
    last = ps[-1]  # title cut short ("…支出项目绩效目"): read from the sheet itself
    assert last.name == "综合救助专项-城乡医疗救助" and last.amount == Decimal("585.30")
    assert not any("<" in (p.goal or "") for p in ps)


def test_seed_004_self_evaluations():
    ps = _projects("004")
    assert [p.amount_raw for p in ps] == ["250", "8.5", "5", "2", "3.5", "10"]
    assert [p.executed for p in ps] == [Decimal(x) for x in ("250", "8.5", "5", "2", "3.5", "10")]
    p = ps[0]
    assert p.name == "医疗服务与保障能力提升补助资金（医疗保障服务能力提升部分）"
    assert p.unit_org == "固原市医疗保障局"
    assert p.contacts == ["负责人及电话：刘克虎 2665208"]
    assert p.goal.startswith("提升医保信息化水平")
    cost = next(i for i in p.indicators if i.level3 == "项目资金成本控制")
    assert (cost.level1, cost.level2, cost.raw, cost.actual) == (
        "产出指标",
        "成本指标",
        "250 万元",
        "250 万元",
    )
    sat = p.indicators[-1]
    assert (sat.level1, sat.level2, sat.raw, sat.actual) == (
        "满意度指标",
        "服务对象满意度指标",
        "≥90%",
        "≥90%",
    )
    timing = next(i for i in p.indicators if i.level2 == "时效指标")
    assert (timing.raw, timing.actual) == ("12 月底前", "12 月底")
    third = ps[2]
    sustain = next(i for i in third.indicators if i.level3 == "基金安全意识明显提升")
    assert (sustain.level1, sustain.level2) == ("效益指标", "可持续影响指标")


def test_tables_that_are_not_project_tables_give_no_projects():
    grid = _grid([["项目名称", "2020年度预算", "2021年度预算"], ["公务接待费支出", "0", "0.57"]])
    assert read_projects("x", [grid], []) == []


def test_bad_grids_never_raise():
    grid = _grid([["项目名称"], ["一级指标", "三级指标"], ["", "", "", "", "", "", "≥"]])
    assert isinstance(read_projects("x", [grid, Line(1, "")], []), list)


def test_project_described_in_numbered_paragraphs():
    lines = [
        Line(364, "科技创新专项经费情况说明", 23),
        Line(365, "一、项目概述", 23),
        Line(366, "加快推动本区企业创新驱动发展。", 23),
        Line(370, "三、实施主体", 23),
        Line(371, "上海市普陀区商务委员会", 23),
        Line(377, "六、年度预算安排", 23),
        Line(378, "2025年度项目总预算1720.00万，其中各级企业技术中心认定1720.00万。", 23),
        Line(379, "七、绩效目标", 23),
        Line(380, "详见单位的项目绩效目标表", 23),
        Line(381, "一、2025年“三公”经费预算情况说明", 24),
        Line(382, "2025年“三公”经费预算数为1.00万元。", 24),
    ]
    (p,) = read_projects("x.pdf", lines, [])
    assert (p.name, p.amount, p.amount_raw) == ("科技创新专项经费", Decimal("1720.00"), "1720.00万")
    assert p.unit_org == "上海市普陀区商务委员会" and p.goal == "加快推动本区企业创新驱动发展。"
    assert (p.source.line, p.source.page) == (364, 23)
