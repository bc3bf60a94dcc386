"""Several assessors (四互: 互查、互评) and the branch's self-rating, on `rating` norms.

`ratings: {N01: 好}` is one rating by an unnamed assessor; a list holds one rating per
assessor. Their shares are averaged; from four assessors on, the highest and the lowest are
dropped first. `self_ratings` is kept apart and blended only at the rubric's `self_weight`
(the check's own `self_weight` wins). The ledger rules place each problem at the user's line.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from bad_inputs import edit, refused, scored, write
from bad_inputs.test_reformat import _both as both
from bad_inputs.test_reformat import reformat
from builders import ledger, norm, rubric
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from branchcheck.checks.assessors import aggregate
from branchcheck.formats.rubric_rule_lines import rule_lines
from branchcheck.formats.rubric_words import check_text
from branchcheck.loading import strict
from branchcheck.models import Ledger
from checks import outcome


def by(*levels: str) -> list[dict[str, str]]:
    """One rating per assessor: 第1党支部 gives the first level, and so on."""
    return [{"by": f"第{i}党支部", "level": level} for i, level in enumerate(levels, 1)]


AGGREGATES = [
    pytest.param([1.0], 1.0, False, id="one"),
    pytest.param([1.0, 0.6], 0.8, False, id="two-mean"),
    pytest.param([1.0, 0.8, 0.8], 0.866667, False, id="three-mean"),
    pytest.param([1.0, 1.0, 0.8, 0.0], 0.9, True, id="four-trimmed"),
    pytest.param([0.0, 1.0, 0.6, 0.8, 0.8], 0.733333, True, id="five-trimmed-any-order"),
    pytest.param([0.8, 0.8, 0.8, 0.8], 0.8, True, id="four-equal"),
]


@pytest.mark.parametrize(("shares", "mean", "trimmed"), AGGREGATES)
def test_aggregate(shares: list[float], mean: float, trimmed: bool) -> None:
    assert aggregate(shares) == (mean, trimmed)


RATED = [
    pytest.param("较好", 0.8, id="plain-level"),
    pytest.param(by("较好"), 0.8, id="one-named"),
    pytest.param(by("好", "一般"), 0.8, id="two"),
    pytest.param(by("好", "较好", "较好"), 0.866667, id="three"),
    # Four and more: 差 and one 好 dropped, (好 + 较好) / 2.
    pytest.param(by("好", "好", "较好", "差"), 0.9, id="four-trimmed"),
    pytest.param(by("差", "好", "较好", "一般", "较好"), 0.733333, id="five-trimmed"),
    # The untrimmed mean of these four would be 0.7: the trim is what gives 0.9.
    pytest.param(by("好", "较好", "好", "差"), 0.9, id="trim-changes-the-figure"),
]


@pytest.mark.parametrize(("rating", "fraction"), RATED)
def test_assessors_averaged(rating: Any, fraction: float) -> None:
    got = outcome({"kind": "rating"}, ledger(ratings={"N01": rating}))
    assert (got.fraction, got.misses, got.unrated) == (fraction, 0, False)


BLENDS = [
    # rubric self_weight, check self_weight, self level, assessors, fraction
    pytest.param(None, None, "好", by("较好"), 0.8, id="no-weight-self-shown-only"),
    pytest.param(0.4, None, "好", by("较好"), 0.88, id="rubric-40-60"),
    pytest.param(0.4, None, "差", by("好", "好", "较好"), 0.56, id="self-lower-than-assessors"),
    pytest.param(None, 0.4, "好", by("较好"), 0.88, id="check-weight"),
    pytest.param(0.4, 0, "好", by("较好"), 0.8, id="check-zero-over-rubric"),
    pytest.param(0.4, 0.5, "一般", by("好"), 0.8, id="check-over-rubric"),
    pytest.param(1, None, "一般", by("好"), 0.6, id="self-only-weight"),
    pytest.param(0.4, None, None, by("较好"), 0.8, id="no-self-assessors-alone"),
]


@pytest.mark.parametrize(("top", "own", "level", "rating", "fraction"), BLENDS)
def test_self_rating_blended_only_where_the_rubric_says(
    top: float | None, own: float | None, level: str | None, rating: Any, fraction: float
) -> None:
    check: dict[str, Any] = {"kind": "rating"}
    if own is not None:
        check["self_weight"] = own
    rubric_top = {} if top is None else {"self_weight": top}
    selves = {} if level is None else {"N01": level}
    got = outcome(check, ledger(ratings={"N01": rating}, self_ratings=selves), **rubric_top)
    assert got.fraction == fraction


@pytest.mark.parametrize(
    ("self_ratings", "detail"),
    [
        ({}, "考核人尚未评定等次"),
        ({"N01": "好"}, "支部自评为“好”，考核人尚未评定等次"),
    ],
)
def test_a_self_rating_alone_leaves_the_norm_unrated(
    self_ratings: dict[str, str], detail: str
) -> None:
    got = outcome({"kind": "rating", "self_weight": 0.4}, ledger(self_ratings=self_ratings))
    assert (got.fraction, got.unrated, got.detail) == (0.0, True, detail)


DETAILS = [
    pytest.param({}, "较好", {}, "考核评定为“较好”，得该项分值的80%", id="plain"),
    pytest.param({}, by("较好"), {}, "第1党支部评定为“较好”，得该项分值的80%", id="one-named"),
    pytest.param(
        {},
        by("较好", "好", "较好"),
        {},
        "3位考核人评定：好、较好、较好，平均得分率86.67%",
        id="spread-highest-first",
    ),
    pytest.param({}, by("好", "好"), {}, "2位考核人评定均为“好”，得该项满分", id="agreed"),
    pytest.param(
        {},
        by("一般", "好", "较好", "差"),
        {},
        "4位考核人评定：好、较好、一般、差，去掉一个最高、一个最低后平均得分率70%",
        id="trimmed",
    ),
    pytest.param(
        {},
        by("好", "较好", "一般"),
        {"N01": "好"},
        "3位考核人评定：好、较好、一般，平均得分率80%；支部自评为“好”（不计入得分）",
        id="self-shown-apart",
    ),
    pytest.param(
        {"self_weight": 0.4},
        by("较好", "较好"),
        {"N01": "好"},
        "2位考核人评定均为“较好”；支部自评为“好”，按自评40%、考核人评定60%折算，得该项分值的88%",
        id="self-blended",
    ),
    pytest.param(
        {"self_weight": 0.4},
        "较好",
        {},
        "考核评定为“较好”，得该项分值的80%；台账未记录支部自评，按考核人评定计",
        id="self-missing",
    ),
]


@pytest.mark.parametrize(("top", "rating", "selves", "detail"), DETAILS)
def test_detail(top: dict[str, Any], rating: Any, selves: dict[str, str], detail: str) -> None:
    got = outcome({"kind": "rating"}, ledger(ratings={"N01": rating}, self_ratings=selves), **top)
    assert got.detail == detail


def test_unknown_level_among_assessors_scores_zero_without_crashing() -> None:
    # Only a ledger built without load_ledger's checks can carry one; score() must not crash.
    got = outcome({"kind": "rating"}, ledger(ratings={"N01": by("好", "优秀")}))
    assert got.fraction == 0.5
    assert got.detail.endswith("；“优秀”不在评定等级之中，按0计")


# --- the ledger file: shapes and levels refused or warned at the user's line --------------
# tests/files/bad/ledger.yaml (lanzhou-6543; N03 and N25 are rated norms) has
# `ratings: {N03: 好}` on line 30.
RATINGS = "ratings: {N03: 好}\n"


def ratings(text: str) -> str:
    return edit(RATINGS, text)


REFUSED = [
    pytest.param(
        ratings(
            "ratings:\n  N03:\n    - {by: 机关党委, level: 较好}\n    - {by: 第二党支部, level: 优}\n"
        ),
        "33:26",
        "ratings.N03[1].level: unknown rating '优'; use one of: 好, 较好, 一般, 差",
        id="unknown-level-in-list",
    ),
    pytest.param(
        ratings("ratings:\n  N03:\n    - {by: 机关党委, level: 较好}\n    - {level: 好}\n"),
        "33:7",
        "by",
        id="assessor-without-by",
    ),
    pytest.param(
        ratings("ratings:\n  N03: {by: 机关党委, level: 较好}\n"),
        "31:8",
        "expected a level such as 好, or a list of assessors' ratings",
        id="one-mapping-not-a-list",
    ),
    pytest.param(
        ratings("ratings:\n  N03:\n    - {by: 机关党委, level: 较好, score: 90}\n"),
        "32:29",
        "score",
        id="unknown-key-in-assessment",
    ),
    pytest.param(
        ratings("ratings: {N03: []}\n"),
        "30:16",
        "ratings.N03",
        id="empty-list",
    ),
    pytest.param(
        ratings(f"{RATINGS}self_ratings: {{N03: 优}}\n"),
        "31:21",
        "self_ratings.N03: unknown rating '优'",
        id="self-unknown-level",
    ),
    pytest.param(
        ratings(f"{RATINGS}self_ratings: {{N01: 好}}\n"),
        "31:16",
        "self_ratings.N01: norm 'N01' is not a rated norm of rubric 'lanzhou-6543'",
        id="self-not-a-rated-norm",
    ),
]


@pytest.mark.parametrize(("text", "at", "words"), REFUSED)
def test_refused_at_the_line(run_line, parser, tmp_path, text: str, at: str, words: str) -> None:
    refused(run_line, write(tmp_path, text), at, words)


WARNED = [
    pytest.param(
        ratings(
            "ratings:\n  N03:\n    - {by: 机关党委, level: 较好}\n    - {by: 机关党委, level: 好}\n"
        ),
        "33:12",
        "assessor '机关党委' rates N03 twice",
        id="same-assessor-twice",
    ),
    pytest.param(
        ratings(
            "ratings:\n  N03:\n    - {by: 机关党委, level: 较好}\n    - {by: 本支部, level: 好}\n"
        ),
        "33:12",
        "move the level to `self_ratings: {N03: 好}`",
        id="self-rating-among-assessors",
    ),
    pytest.param(
        ratings("ratings:\n  N03:\n    - {by: 测试党支部, level: 好}\n"),
        "32:12",
        "'测试党支部' is the branch itself",
        id="branch-name-as-assessor",
    ),
]


@pytest.mark.parametrize(("text", "at", "words"), WARNED)
def test_warned_at_the_line(run_line, parser, tmp_path, text: str, at: str, words: str) -> None:
    _, stderr = scored(run_line, write(tmp_path, text))
    assert len(stderr) == 1, stderr
    prefix = f"{tmp_path / 'case.yaml'}:{at}: warning: "
    assert stderr[0].startswith(prefix), stderr[0]
    assert words in stderr[0]


def test_assessors_and_self_rating_scored_through_the_cli(run_line, parser, tmp_path) -> None:
    text = ratings(
        "ratings:\n  N03:\n    - {by: 机关党委, level: 较好, date: 2024-12-20, note: 材料齐全}\n"
        "    - {by: 第二党支部, level: 好}\n    - {by: 第三党支部, level: 较好}\n"
        "self_ratings: {N03: 好}\n"
    )
    result, stderr = scored(run_line, write(tmp_path, text))
    assert stderr == []
    (n03,) = [n for n in result["norms"] if n["id"] == "N03"]
    assert n03["fraction"] == 0.8667
    assert n03["detail"] == (
        "3位考核人评定：好、较好、较好，平均得分率86.67%；支部自评为“好”（不计入得分）"
    )


# --- the rubric: `self_weight` validated and said in `rubrics show` -------------------------


@pytest.mark.parametrize("weight", [-0.1, 1.5, "四成"], ids=str)
def test_self_weight_is_a_share(weight: Any) -> None:
    with pytest.raises(ValidationError):
        rubric(norm({"kind": "rating"}), self_weight=weight)
    with pytest.raises(ValidationError):
        rubric(norm({"kind": "rating", "self_weight": weight}))


@pytest.mark.parametrize(
    ("top", "check", "rule", "said"),
    [
        pytest.param({}, {}, "支部自评单独列出，不计入得分", "", id="not-blended"),
        pytest.param(
            {"self_weight": 0.4}, {}, "支部自评占40%、考核人评定占60%", "", id="rubric-blends"
        ),
        pytest.param(
            {},
            {"self_weight": 0.3},
            "支部自评单独列出，不计入得分（N01（规范N01）另有规定，见该项）",
            "；支部自评占30%、考核人评定占70%",
            id="one-norm-blends",
        ),
    ],
)
def test_rubrics_show_says_how_assessors_and_self_ratings_count(
    top: dict[str, Any], check: dict[str, Any], rule: str, said: str
) -> None:
    model = rubric(norm({"kind": "rating", **check}), **top)
    lines = dict(rule_lines(model))
    assert lines["考核人评定"] == (
        "多名考核人评定的，取各人等次比例的平均；4名及以上的，去掉一个最高、一个最低后取平均；"
        + rule
    )
    ((_, only),) = model.norms
    assert check_text(only, model) == "由考核人评定等次：好100%、较好80%、一般60%、差0" + said


def test_rubrics_show_has_no_assessor_line_without_rated_norms() -> None:
    model = rubric(norm({"kind": "dues"}))
    assert "考核人评定" not in dict(rule_lines(model))


# --- both parsers: the new shapes in every layout give equal models -----------------------
# (the example lz-fgw-01 carries them too, so tests/bad_inputs/test_reformat.py and
# tests/loading/test_positions.py see them; this property looks at nothing else.)

SHAPES = """
format: branchcheck.ledger/1
rubric: lanzhou-6543
branch: {id: b1, name: 测试党支部}
period: {start: 2024-01-01, end: 2024-12-31}
members:
  - {id: M01, name: 王建国, dues_base: 6850, dues_category: 在职}
  - {id: M02, name: 李华, dues_base: 3000.50, dues_category: 离退休}
  - {id: M03, name: 张伟, dues_category: 学生}
  - {id: M04, name: 赵磊}
dues:
  M01: {2024-01: 102.75, 2024-02: 102.8, 2024-03: 100}
  M02: {2024-01: 15.00}
  M03: [2024-01, 2024-02]
  M04: {}
ratings:
  N03: 好
  N06:
    - {by: 机关党委, level: 较好, date: 2024-12-18, note: 记录完整}
    - {by: 第二党支部, level: 好}
    - {by: 价格认证中心党支部, level: 一般}
self_ratings: {N03: 较好, N06: 好}
"""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_new_shapes_reformatted_give_equal_models(seed: int) -> None:
    data = strict.parse(SHAPES, "x")[0]
    text = reformat(data, random.Random(seed))
    fast_model, strict_answer = both(text, Ledger)
    if fast_model is not None:
        assert fast_model == strict_answer, text


@pytest.mark.fast_path
def test_the_shapes_are_read_and_mostly_on_the_fast_path() -> None:
    rng = random.Random(11)
    data = strict.parse(SHAPES, "x")[0]
    answered = valid = 0
    for _ in range(40):
        fast_model, strict_answer = both(reformat(data, rng), Ledger)
        valid += isinstance(strict_answer, Ledger)
        answered += fast_model is not None
    assert valid >= 20 and answered >= 0.7 * valid
    model = Ledger.model_validate(data)
    assert [a.by for a in model.ratings["N06"]] == ["机关党委", "第二党支部", "价格认证中心党支部"]
    assert str(model.dues["M01"]["2024-02"]) == "102.80"
