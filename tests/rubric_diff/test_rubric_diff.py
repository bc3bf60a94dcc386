"""`branchcheck rubrics diff A B`: what changed between two rubric versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from branchcheck.formats.rubric_words import check_text
from branchcheck.loading import builtin_rubrics, load_rubric
from branchcheck.models.checks import FrequencyCheck
from branchcheck.rubric_diff import diff, show


def keyed(path: Path) -> set[tuple[str | None, ...]]:
    changes = diff(load_rubric("lanzhou-6543"), load_rubric(path)).changes
    # added and removed norms: their text is checked on its own below
    return {
        (c.key, c.id) if c.key in ("norm.added", "norm.removed") else (c.key, c.id, c.old, c.new)
        for c in changes
    }


def test_the_2025_version_shows_every_edit_and_nothing_else(lanzhou_2025: Path) -> None:
    assert keyed(lanzhou_2025) == {
        ("rubric.version", None, "2021", "2025"),
        ("tier.min_score", "exemplary", "90", "85"),
        ("norm.check.hours", "N31", "56", "40"),
        ("norm.renamed", "N28", "意识形态研判", "意识形态分析研判"),
        ("norm.renumbered", "N50", "N29", "N50"),
        ("norm.veto", "N05", "是", "否"),
        ("norm.points", "N01", "2", "1"),
        ("norm.points", "N02", "2", "3"),
        ("norm.removed", "N30"),
        ("norm.added", "N51"),
    }


def test_added_and_removed_norms_are_said_with_their_points_and_check(lanzhou_2025: Path) -> None:
    changes = {
        c.key: c for c in diff(load_rubric("lanzhou-6543"), load_rubric(lanzhou_2025)).changes
    }
    assert changes["norm.removed"].subject == "N30（支部班子成员受党纪政务处分）"
    assert changes["norm.removed"].old.startswith("0分，一票否决：")
    assert changes["norm.added"].subject == "N51（班子成员违纪违法）"
    assert changes["norm.added"].new.startswith("0分，一票否决：")


@pytest.mark.parametrize("rubric", sorted(builtin_rubrics()))
def test_a_rubric_against_itself_has_no_changes(run_line, rubric: str) -> None:
    assert diff(load_rubric(rubric), load_rubric(rubric)).changes == ()
    run = run_line(f"branchcheck rubrics diff {rubric} {rubric}")
    assert run.code == 0 and "两版没有差别" in run.out


def test_different_rubrics_compare_split_ratings_tiers_and_norms() -> None:
    changes = diff(load_rubric("lanzhou-6543"), load_rubric("five-star")).changes
    keys = {c.key for c in changes}
    assert {"rubric.id", "rubric.name", "tier.added", "tier.removed", "norm.added"} <= keys
    assert "rubric.split.common" in keys  # lanzhou has a 60/40 split, five-star none


@pytest.mark.parametrize(
    ("fmt", "expect"),
    [
        (
            "table",
            [
                "考核标准对比：lanzhou-6543（2021版）→ lanzhou-6543（2025版）",
                "编号变更",
                "N50",
                "学时要求",
                "对应方式",
            ],
        ),
        (
            "markdown",
            [
                "# 考核标准对比",
                "| 类别 | 对象 | 变化 | 原 | 新 |",
                "| 考核项 | N31（书记和委员培训） | 学时要求 | 56 | 40 |",
            ],
        ),
    ],
)
def test_diff_cli_formats(run_line, lanzhou_2025: Path, fmt: str, expect: list[str]) -> None:
    run = run_line(f"branchcheck rubrics diff lanzhou-6543 {lanzhou_2025} -f {fmt}")
    assert run.code == 0, run.err
    for text in expect:
        assert text in run.out, text


def test_diff_cli_json(run_line, lanzhou_2025: Path, tmp_path: Path) -> None:
    run = run_line(
        f"branchcheck rubrics diff lanzhou-6543 {lanzhou_2025} -f json -o {tmp_path / 'd.json'}"
    )
    assert run.code == 0 and run.out == ""
    body = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert body["old"] == {"id": "lanzhou-6543", "version": "2021"}
    assert body["new"] == {"id": "lanzhou-6543", "version": "2025"}
    assert {"area", "key", "id", "subject", "what", "old", "new"} == set(body["changes"][0])
    assert len(body["changes"]) == len(keyed(lanzhou_2025))


def test_diff_cli_bad_rubric_is_one_line(run_line) -> None:
    run = run_line(f"branchcheck rubrics diff lanzhou-6543 {ROOT / 'README.md'}")
    assert run.code == 2 and len(run.err_lines) >= 1
    assert run.err_lines[0].startswith(str(ROOT / "README.md"))


@pytest.mark.parametrize(
    ("per", "words"),
    [("month", "每月"), ("quarter", "每季度"), ("half", "每半年"), ("year", "每年")],
)
def test_a_window_is_said_in_the_diff_as_the_rule_says_it(per: str, words: str) -> None:
    """A changed `per` cell and the rule's own sentence name the window with one word."""
    rubric = load_rubric("lanzhou-6543")
    norm = next(n for _, n in rubric.norms if isinstance(n.check, FrequencyCheck))
    norm = norm.model_copy(update={"check": norm.check.model_copy(update={"per": per})})
    assert show(per) == words
    assert check_text(norm, rubric).startswith(words)
