"""`branchcheck rubrics` and `rubrics show`."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest
from conftest import TEST_FILES


def test_list_names_every_builtin(run_line) -> None:
    run = run_line("branchcheck rubrics --format json")
    assert run.code == 0
    listed = {row["id"]: row for row in json.loads(run.out)}
    assert set(listed) == {"lanzhou-6543", "five-star", "quality-branch"}
    lanzhou = listed["lanzhou-6543"]
    assert (lanzhou["standards"], lanzhou["norms"]) == (27, 41)  # 27 work norms, 41 items
    assert lanzhou["total"] == 100  # numbers are numbers


def test_list_table(run_line) -> None:
    run = run_line("branchcheck rubrics")
    assert run.code == 0
    assert "lanzhou-6543" in run.out and "规范数" in run.out


def test_show_markdown_has_every_norm_once(run_line) -> None:
    run = run_line("branchcheck rubrics show lanzhou-6543 --format markdown")
    assert run.code == 0
    rows = [line for line in run.out.splitlines() if line.startswith("| ") and "| N" in line]
    # Listed by dimension and work norm, so not in id order; each of N01-N41 once, and each
    # of the 27 work norms named beside its items.
    assert sorted(row.split(" | ")[2] for row in rows) == [f"N{i:02d}" for i in range(1, 42)]
    standards = {(row.split(" | ")[1].split() or [""])[0] for row in rows}
    assert standards == {f"G{i:02d}" for i in range(1, 28)} | {""}  # "": the bonus items
    assert "一票否决" in run.out and "加分项" in run.out
    assert (
        "| 维度 | 工作规范 | 编号 | 规范 | 要求 | 分值 | 考核内容 | 计分方式 | 台账记录 | 标记 | 依据 |"
        in run.out
    )
    assert "共性任务得分率80%以上（只计各项规范，不含个性任务和加分）" in run.out


def test_show_a_path_keeps_text_as_written(run_line) -> None:
    run = run_line(
        f"branchcheck rubrics show {TEST_FILES / 'rubrics/good/mini.yaml'} --format json"
    )
    assert run.code == 0
    data = json.loads(run.out)
    assert data["version"] == "1.10"  # not 1.1: the schema, not YAML 1.1, decides types
    assert data["dimensions"][0]["norms"][0]["scoring"] == {"deduct": 1.5}


def test_show_table(run_line) -> None:
    run = run_line("branchcheck rubrics show five-star")
    assert run.code == 0
    assert "计分方式" in run.out


def test_show_unknown(run_line) -> None:
    run = run_line("branchcheck rubrics show nope")
    assert run.code == 2
    assert run.err_lines[0].startswith('branchcheck: error: rubrics show: 未知的考评标准 "nope"')


# --- the complete 对照表 (issue 10, item 4) ------------------------------------------------


def show(run_line, ref: str, *options: str) -> str:
    run = run_line(f"branchcheck rubrics show {ref} " + " ".join(options))
    assert run.code == 0, run.err
    return run.out


def test_show_says_each_check_its_scoring_and_its_records(run_line) -> None:
    text = show(run_line, "lanzhou-6543", "-f markdown")
    assert (
        "| 维度 | 工作规范 | 编号 | 规范 | 要求 | 分值 | 考核内容 | 计分方式 | 台账记录 | 标记 | 依据 |"
        in text
    )
    rows = {r[2]: r for r in (line.split(" | ") for line in text.splitlines()) if len(r) == 11}
    expected = {  # id: (考核内容, 计分方式, 台账记录)
        "N08": (
            "每月至少召开1次支委会",
            "每缺1个月扣0.5分，扣完为止",
            "会议活动（events）：支委会",
        ),
        "N09": (
            "每季度至少召开1次党员大会",
            "每缺1个季度扣0.5分，扣完为止",
            "会议活动（events）：党员大会",
        ),
        "N20": (
            "每次党员大会到会率80%以上（按规定免于参加的不计入应到）",
            "按到会率达标的次数比例得分",
            "会议活动（events）：党员大会的到会人员；党员名册（members）；免于参加（excused）",
        ),
        "N16": (
            "每名党员每年32学时以上学习培训",
            "按学时达标的人数比例得分",
            "学习培训（training）",
        ),
        "N17": (
            "每名党员按月足额交纳党费（应交金额按党费基数和2008年党费规定的比例核定；"
            "减免的月份不计应交，代交、补交的计已交）",
            "每有1人1个月未交纳或未足额交纳扣0.5分，扣完为止",
            "党费交纳（dues）：月份和金额；党费减免、缓交、代交、补交（dues\\_exceptions）；"
            "党员名册（members）：党费基数（dues\\_base）、类别（dues\\_category）",
        ),
        "N07": ("“党务公开”为“是”", "达到要求得满分，否则不得分", "情况记录（facts）：党务公开"),
        "N03": (
            "由考核人评定等次：好100%、较好80%、一般60%、差0",
            "按评定等次得分（得分值×等次比例）",
            "考核评定（ratings）：N03",
        ),
        "N02": ("每月至少开展1次理论学习", "按达标月份比例得分", "会议活动（events）：理论学习"),
        "N05": (
            "支部委员会（不设支委会的为书记）任期3年，考核期末仍在任期内（经上级批准延期的，按批准的期限）",
            "达到要求得满分，否则不得分",
            "支部委员会（committee）：选举时间、批准延期；支部类型（branch.type）",
        ),
        "N39": (
            "无“党费代缴扣缴挪用”情况（台账仅在发生时记“党费代缴扣缴挪用：是”）",
            "不计分，只作否决：未达到要求即为否决项未达标",
            "情况记录（facts）：党费代缴扣缴挪用",
        ),
    }
    for norm, (check, scoring, records) in expected.items():
        row = rows[norm]
        assert (row[6], row[7]) == (check, scoring), norm
        assert row[8].startswith(records), (norm, row[8])
    assert "正式党员7名以上的支部适用" in rows["N08"][9]
    assert "一票否决" in rows["N05"][9] and "加分项" in rows["N26"][9]
    assert rows["N26"][7] == "达到要求加3分，否则不加分"
    # Every norm once, the 个性任务 line last with its points and its rule.
    assert sorted(i for i in rows if i.startswith("N")) == [f"N{i:02d}" for i in range(1, 42)]
    task = next(
        r
        for r in (line.split(" | ") for line in text.splitlines())
        if r[0] == "| 个性任务" and len(r) == 11
    )
    assert task[5] == "40" and task[7].startswith(
        "已完成：分值×等次比例；部分完成：分值×等次比例×50%"
    )


def test_show_says_the_rules_and_the_tiers(run_line) -> None:
    text = show(run_line, "lanzhou-6543", "-f markdown")
    for said in (
        "- **总分**：满分100分：共性任务（各项规范）60分，个性任务40分；另有加分项2项，加分合计不超过5分",
        "（适用项得分+个性任务得分）×100÷（适用项满分+40）",
        "N26（党建品牌或创新项目获认定）、N27（受到上级表彰）：达到要求的加分，加分合计不超过5分",
        "未全部达到要求的，不得评为标准化党支部、示范性党支部",
        "- **评定等次**：好100%、较好80%、一般60%、差0",
        "- **一般党支部**：未达到以上等级的，均为本等级",
        "- **标准化党支部**：总分80分以上（含加分）；无否决项未达标；共性任务得分率80%以上",
        "N02（集中理论学习）、N04（组织设置规范）、N09（支部党员大会）、N12（主题党日）全部达标",
        "| 组织生活标准化 | 6 | 12 | 18 |",  # 分值构成
    ):
        assert said in text, said
    five = show(run_line, "five-star", "-f markdown")
    assert "未全部达到要求的，不得评为五星级党支部；" in five  # only star5 is veto_free
    assert "个性任务" not in five  # no split
    assert "不适用项**：不计入满分，基础分按适用项折算：适用项得分×100÷适用项满分" in five


def test_every_check_kind_is_said_in_words() -> None:
    """A new check kind must be given its words, scoring unit and records."""
    from branchcheck.formats import rubric_words as words
    from branchcheck.models.checks import CHECK_MODELS
    from branchcheck.models.rubric import Norm, Rubric

    minimal = {
        "frequency": {"event": "支委会", "per": "month"},
        "count": {"event": "党课", "min": 4},
        "attendance": {"event": "党员大会", "min_rate": 0.8},
        "talks": {},
        "dues": {},
        "training": {"hours": 32},
        "term": {},
        "structure": {},
        "fact": {"key": "党务公开"},
        "rating": {},
        "gap": {"event": "主题党日"},
        "groups": {},
        "dues_gap": {},
    }
    assert set(minimal) == set(CHECK_MODELS)
    rubric = Rubric.model_validate(
        {
            "format": "branchcheck.rubric/1",
            "id": "x",
            "name": "x",
            "version": "1",
            "total": 1,
            "tiers": [{"id": "t", "name": "t"}],
            "dimensions": [
                {
                    "id": "d",
                    "name": "d",
                    "norms": [
                        {
                            "id": "A",
                            "name": "a",
                            "requirement": "r",
                            "points": 1,
                            "check": {"kind": "dues"},
                        }
                    ],
                }
            ],
        }
    )
    for kind, fields in minimal.items():
        for scoring in ("proportional", "all_or_nothing", {"deduct": 0.5}):
            norm = Norm.model_validate(
                {
                    "id": "A",
                    "name": "a",
                    "points": 1,
                    "check": {"kind": kind, **fields},
                    "scoring": scoring,
                }
            )
            assert words.check_text(norm, rubric) and words.record_text(norm)
            said = words.scoring_text(norm, rubric)
            assert said and "{" not in said, (kind, scoring, said)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "terminal"])
def test_list_formats_come_from_its_registry(run_line, fmt: str) -> None:
    run = run_line(f"branchcheck rubrics -f {fmt}")
    assert run.code == 2
    assert run.out == ""
    assert run.err_lines[0].startswith("branchcheck: error: Invalid value for '--format'")


def test_show_formats_come_from_its_registry(run_line) -> None:
    import typer

    from branchcheck.cli import app
    from branchcheck.formats.registry import CATALOGUE_FORMATS, RUBRIC_FORMATS

    def choices(command) -> list[str]:
        (fmt,) = (p for p in command.params if p.name == "fmt")
        return [choice.value for choice in fmt.type_descriptor.annotation]

    group = typer.main.get_command(app).commands["rubrics"]  # type: ignore[attr-defined]
    assert choices(group) == list(CATALOGUE_FORMATS) == ["table", "markdown", "json"]
    assert choices(group.commands["show"]) == list(RUBRIC_FORMATS)
    assert list(RUBRIC_FORMATS) == ["table", "markdown", "json", "xlsx", "html"]
    run = run_line("branchcheck rubrics show five-star -f csv")
    assert run.code == 2 and run.out == ""


@pytest.mark.parametrize("fmt", ["xlsx", "html"])
def test_show_file_formats_need_an_output(run_line, fmt: str) -> None:
    run = run_line(f"branchcheck rubrics show five-star -f {fmt}")
    assert run.code == 2
    assert run.err_lines == [
        f"branchcheck: error: --format: {fmt} writes a file: add --output FILE"
    ]


def test_show_xlsx_prints_as_one_page_wide(run_line, tmp_path) -> None:
    out = tmp_path / "lz.xlsx"
    run = run_line(f"branchcheck rubrics show lanzhou-6543 -f xlsx -o {out}")
    assert run.code == 0 and run.out == ""
    ws = openpyxl.load_workbook(out)["对照表"]
    assert ws["A1"].value.startswith("兰州市直机关党支部标准化规范化建设台账验收规范")
    header = [c.value for c in ws[3]]
    assert header == [
        "工作规范",
        "编号",
        "规范",
        "要求",
        "分值",
        "考核内容",
        "计分方式",
        "台账记录",
        "标记",
        "依据",
    ]
    ids = [ws.cell(r, 2).value for r in range(4, ws.max_row + 1)]
    assert sorted(i for i in ids if isinstance(i, str) and re.fullmatch(r"N\d\d", i)) == [
        f"N{i:02d}" for i in range(1, 42)
    ]
    assert ws["A4"].value == "政治建设标准化（8分）"  # a band per dimension
    n01 = ids.index("N01") + 4
    assert ws.cell(n01, 6).value.startswith("每月至少开展1次支委会、党员大会或理论学习")
    assert ws.cell(n01, 5).value == 2  # points are numbers
    assert f"A{n01}:A{n01 + 1}" in {str(r) for r in ws.merged_cells.ranges}  # G02 over N01, N02
    labels = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    assert {
        "计分规则",
        "否决项",
        "加分项",
        "个性任务",
        "评定等次",
        "等级评定",
        "示范性党支部",
    } <= set(labels)
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize), setup.fitToHeight) == ("landscape", 9, 0)
    assert (setup.fitToWidth or 1) == 1  # 1 is the file format's default: written as nothing
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"


def test_show_html_is_one_page_to_print(run_line, tmp_path) -> None:
    out = tmp_path / "lz.html"
    run = run_line(f"branchcheck rubrics show lanzhou-6543 -f html -o {out}")
    assert run.code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "://" not in page
    assert "@page{size:A4 landscape" in page and "@media print" in page
    for i in range(1, 42):
        assert f"<td>N{i:02d}</td>" in page
    assert '<td class="std" rowspan="2">G02 “第一议题”和理论学习</td>' in page
    assert '<tr class="band"><th colspan="10">政治建设标准化（8分）</th></tr>' in page
    assert '<span class="mark veto">一票否决</span>' in page
    assert "<dt>否决项</dt>" in page and "<dt>示范性党支部</dt>" in page


def test_show_table_on_a_narrow_terminal(run_line, monkeypatch) -> None:
    monkeypatch.setattr("branchcheck.cli.rubrics.terminal_width", lambda: 100)
    out = show(run_line, "lanzhou-6543")
    assert all(len(line) <= 100 for line in out.splitlines())
    for said in ("政治建设标准化（8分）", "计分规则", "等级评定", "个性任务（40分）"):
        assert said in out
