"""The 整改通知书's text builder, as tables: given a scored ledger, the text it must hold."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import ledger, monthly, norm, rubric

from branchcheck.engine import score
from branchcheck.formats.notice.document import cn_ordinal
from branchcheck.formats.notice.letter import (
    OpenItem,
    basis_text,
    build_letter,
    issuer_of,
    problem_text,
    requirement_text,
    to_fix,
)
from branchcheck.loading import load_rubric
from branchcheck.models.result import NormResult

from .helpers import FGW, scored

AS_OF = dt.date(2024, 12, 1)
DUE = dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    ("index", "said"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (26, "二十六")],
)
def test_headings_count_in_chinese(index: int, said: str) -> None:
    assert cn_ordinal(index) == said


LANZHOU = load_rubric("lanzhou-6543")
PLACES = {n.id: (s, n) for _, s, n, _ in LANZHOU.placed}


@pytest.mark.parametrize(
    ("norm_id", "expected"),
    [
        ("N02", "每月至少开展1次理论学习"),  # the 对照表's words for a frequency
        ("N09", "每季度至少召开1次党员大会"),
        ("N13", "每年至少召开1次组织生活会"),  # the grace-days note is for scoring, dropped
        (
            "N17",
            "每名党员按月足额交纳党费（应交金额按党费基数和2008年党费规定的比例核定；减免的月份不计应交，"
            "代交、补交的计已交）；督促未按月足额交纳的党员补交",
        ),
        ("N16", "每名党员每年32学时以上学习培训；未达到学时要求的抓紧补足"),
        (
            "N38",
            "查明有关党员连续6个月以上未交纳党费的原因，有正当理由的在台账中记录原因和处理（缓交），无正当理由的按照党章第九条规定处置",
        ),
        (
            "N28",
            "本年度开展意识形态领域情况分析研判并有记录",
        ),  # a fact: the requirement, no ledger note
        ("N18", "无违规发展党员"),  # the veto clause is scoring, not a task
        (
            "N03",
            "坚决做到“两个维护”，严守政治纪律和政治规矩，重大事项按规定请示报告，上级决策部署及时传达落实",
        ),  # a rating: the work norm's
    ],
)
def test_requirement_says_what_to_do(norm_id: str, expected: str) -> None:
    std, rule = PLACES[norm_id]
    assert requirement_text(rule, std, LANZHOU) == expected


@pytest.mark.parametrize(
    ("in_full", "expected"),
    [
        (
            False,
            "每名党员按月交纳党费（减免的月份不计应交，代交、补交的计已交）；督促未按月交纳的党员补交",
        ),
        (
            True,
            "每名党员按月足额交纳党费（应交金额按党费基数和2008年党费规定的比例核定；减免的月份不计应交，"
            "代交、补交的计已交）；督促未按月足额交纳的党员补交",
        ),
    ],
)
def test_dues_requirement_says_in_full_when_checked(in_full: bool, expected: str) -> None:
    model = rubric(norm({"kind": "dues", "in_full": in_full}, scoring={"deduct": 0.5}))
    ((_, only),) = model.norms
    assert requirement_text(only, None, model) == expected


def _norm(detail: str, points: float, earned: float, status: str = "partial") -> NormResult:
    return NormResult(
        id="N01",
        name="规范",
        dimension="d",
        points=points,
        earned=earned,
        fraction=None,
        misses=1,
        status=status,
        detail=detail,
        deduction=round(points - earned, 2),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("detail", "points", "earned", "expected"),
    [
        ("7月未开展理论学习", 2, 1.83, "7月未开展理论学习，扣0.17分。"),
        (
            "柴文静7月至12月党费未交纳，扣3分",
            3,
            0,
            "柴文静7月至12月党费未交纳，扣3分。",
        ),  # said once
        ("支部班子成员受处分。", 0, 0, "支部班子成员受处分。"),  # a veto of 0 points: no 扣0分
    ],
)
def test_problem_is_the_scores_wording_with_its_cost(
    detail: str, points: float, earned: float, expected: str
) -> None:
    assert problem_text(_norm(detail, points, earned)) == expected


@pytest.mark.parametrize(
    ("given", "rubric_id", "parent", "expected"),
    [
        (None, "lanzhou-6543", "市发改委机关党委", "中共兰州市委直属机关工委"),  # note dropped
        ("市发改委机关党委", "lanzhou-6543", None, "市发改委机关党委"),
        (None, "five-star", "清水驿乡党委", "清水驿乡党委"),  # `参照…` is a model, not a sender
        (None, "five-star", None, None),
    ],
)
def test_issuer(
    given: str | None, rubric_id: str, parent: str | None, expected: str | None
) -> None:
    assert issuer_of(load_rubric(rubric_id), given, parent) == expected


def test_vetoes_come_first_then_the_costliest() -> None:
    result, _ = scored(FGW / "lz-fgw-11.yaml")
    order = [n.id for n in to_fix(result)]
    assert order[:3] == ["N18", "N38", "N17"]
    assert "N26" not in order and "N27" not in order  # bonus norms are not problems
    assert "N08" not in order  # not applicable


@pytest.mark.parametrize(
    ("ledger_name", "fragments"),
    [
        (
            "lz-fgw-11.yaml",
            [
                "关于市发展和改革委员会价格认证中心党支部党建工作整改的通知",
                "市发展和改革委员会价格认证中心党支部：",
                "总分69.96分，评定为一般党支部。否决项N18（发展党员程序规范）和N38（连续6个月未交纳党费且无正当理由）未达标。本次考评发现问题14项。",
                "一、存在的问题和整改要求",
                "（一）N18（发展党员程序规范，否决项）",
                "问题：柴文静7月至12月连续6个月未交纳党费，台账未记录原因或处理。",
                "依据：《中国共产党章程》第九条；《中国共产党党员教育管理工作条例》第三十一条第六项。",
                "整改时限：2024年12月31日前",
                "二、有关要求",
                "请于2024年12月31日前将整改报告及相关台账资料报送中共兰州市委直属机关工委",
                "中共兰州市委直属机关工委",
                "2024年12月1日",
            ],
        ),
        (
            "lz-fgw-12.yaml",
            ["本次考评发现问题", "一、存在的问题和整改要求", "二、有关要求"],
        ),
    ],
)
def test_letter_holds(ledger_name: str, fragments: list[str]) -> None:
    result, rule = scored(FGW / ledger_name)
    text = "\n".join(build_letter(result, rule, AS_OF, DUE).texts())
    for fragment in fragments:
        assert fragment in text


def test_a_branch_with_nothing_to_fix_is_told_so() -> None:
    rule = rubric(norm({"kind": "frequency", "event": "主题党日", "per": "month", "min": 1}))
    result = score(rule, ledger(events=monthly("主题党日", list(range(1, 13)))))
    doc = build_letter(result, rule, AS_OF, DUE)
    assert "本次考评未发现需要整改的问题，请继续保持。" in doc.blocks[0].text
    assert [b.text for b in doc.blocks if b.kind == "heading1"] == ["一、有关要求"]
    assert doc.signature is None and doc.date == "2024年12月1日"  # the test rubric names no issuer


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (
            dt.date(2024, 11, 30),
            "整改时限：原定2024年11月30日前完成，已逾期，请于2024年12月31日前完成",
        ),
        (dt.date(2024, 12, 15), "整改时限：2024年12月15日前"),
    ],
)
def test_open_items_are_listed_with_their_own_deadline(due: dt.date, expected: str) -> None:
    result, rule = scored(FGW / "lz-fgw-11.yaml")
    item = OpenItem("N17", "柴文静党费未交纳", due)
    texts = build_letter(result, rule, AS_OF, DUE, open_items=(item,)).texts()
    start = texts.index("二、前次检查发现、尚未整改销号的问题")
    assert texts[start + 1 : start + 6] == [
        "（一）N17（按月交纳党费）",
        "问题：柴文静党费未交纳。",
        "依据：《关于中国共产党党费收缴、使用和管理的规定》第十二条；《中国共产党党员教育管理工作条例》第二十九条（不按时交纳的批评教育）。",
        "整改要求：每名党员按月足额交纳党费（应交金额按党费基数和2008年党费规定的比例核定；减免的月份不计"
        "应交，代交、补交的计已交）；督促未按月足额交纳的党员补交。",
        expected,
    ]
    assert "三、有关要求" in texts
    assert "前次检查发现的问题尚有1项未整改销号" in texts[2]


@pytest.mark.parametrize(
    ("rubric_id", "norm_id", "expected"),
    [
        (
            "lanzhou-6543",
            "N38",
            "《中国共产党章程》第九条；《中国共产党党员教育管理工作条例》第三十一条第六项",
        ),
        (
            "lanzhou-6543",
            "N35",
            "《中国共产党支部工作条例（试行）》第十八条；《中国共产党党员教育管理工作条例》第十九条",
        ),  # its own basis (各地…通行要求) cites nothing: its work norm's does
        ("quality-branch", "Q30", "《质量型党支部建设验收评分表（重构版）》"),  # 重构条目
    ],
)
def test_basis_cites_a_document(rubric_id: str, norm_id: str, expected: str) -> None:
    rule = load_rubric(rubric_id)
    std, found = next((s, n) for _, s, n, _ in rule.placed if n.id == norm_id)
    assert basis_text(found, std, rule) == expected
