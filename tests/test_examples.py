"""The example ledgers: the figures in examples/README.md, both parsers, the CLI, and hand checks.

The README table is the contract: every example is listed with its score (two decimals), tier id
and vetoes. The tests at the end redo five of those figures by hand from the norm results, so a
wrong sum, rounding, rescaling or bonus cap cannot hide behind a table updated to match.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import EXAMPLES, Run

from branchcheck import Result, score
from branchcheck.loading import read_ledger


def _table() -> dict[str, dict[str, str]]:
    lines = (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Ledger |"))
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows: dict[str, dict[str, str]] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        row = dict(zip(header, cells, strict=True))
        rows[row["Ledger"].strip("`")] = row
    return rows


TABLE = _table()
LEDGERS = sorted(TABLE)


def _vetoes(cell: str) -> list[str]:
    return [] if cell in ("–", "-", "") else [v.strip() for v in cell.split(",")]


def _result(path: str) -> Result:
    loaded = read_ledger(EXAMPLES / path)
    return score(loaded.rubric, loaded.ledger)


def test_table_lists_every_example() -> None:
    on_disk = {p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.yaml")}
    assert set(TABLE) == on_disk
    assert len(TABLE) >= 20


@pytest.mark.parametrize("path", LEDGERS)
def test_example_matches_table(path: str, parser: str) -> None:
    """Each example loads without warnings under both parsers and scores as the README says."""
    loaded = read_ledger(EXAMPLES / path)
    assert loaded.warnings == []
    result = score(loaded.rubric, loaded.ledger)
    row = TABLE[path]
    assert f"{result.score:.2f}" == row["Score"]
    assert result.tier.id == row["Tier"]
    assert result.vetoes == _vetoes(row["Vetoes"])


@pytest.mark.parametrize("path", LEDGERS)
def test_cli_scores_example(path: str, run_line: Callable[..., Run]) -> None:
    run = run_line(f"branchcheck score {EXAMPLES / path} -f json")
    assert (run.code, run.err) == (0, "")
    out: dict[str, Any] = json.loads(run.out)
    assert f"{out['score']:.2f}" == TABLE[path]["Score"]


def test_examples_cover_the_cases_the_readme_promises() -> None:
    """All three Lanzhou tiers, vetoes, bonus, rescaling, unrated, alerts, tasks adding to 40."""
    results = {path: _result(path) for path in LEDGERS}
    lanzhou = {p: r for p, r in results.items() if p.startswith("fgw/")}
    assert {r.tier.id for r in lanzhou.values()} == {"general", "standardized", "exemplary"}
    assert {v for r in lanzhou.values() for v in r.vetoes} == {"N05", "N17", "N18"}
    alerts = {a.kind for r in lanzhou.values() for a in r.alerts}
    assert alerts == {"term_due", "dues_gap", "unrated"}
    assert all(sum(t.points for t in r.tasks) == 40 for r in lanzhou.values())
    assert any(r.bonus > 0 for r in lanzhou.values())
    assert any(r.rescaled for r in lanzhou.values())
    for rubric_dir in ("five-star/", "quality-branch/"):
        tiers = {r.tier.id for p, r in results.items() if p.startswith(rubric_dir)}
        vetoes = [v for p, r in results.items() if p.startswith(rubric_dir) for v in r.vetoes]
        assert len(tiers) == 3 and vetoes


def _lost(result: Result) -> dict[str, float]:
    """Points lost per applicable non-bonus norm (earned values are already rounded to the cent)."""
    return {
        n.id: round(n.points - n.earned, 2)
        for n in result.norms
        if not n.bonus and n.status != "not_applicable" and n.earned < n.points
    }


def _not_applicable(result: Result) -> set[str]:
    return {n.id for n in result.norms if n.status == "not_applicable"}


def test_hand_check_small_branch_rescaled() -> None:
    # fgw/lz-fgw-04: 6 正式 + 1 预备, so no 支委会: N01 and N08 (3 + 3) do not apply and the
    # common part is out of 60 - 6 = 54.
    # Lost: N06 较好 2 x 0.2 = 0.4; N11 no 党课 in Q1, deduct 0.5; N12 no 主题党日 in February,
    # deduct 0.5; N16 6 of 7 members with 32 hours, 3 x 6/7 = 2.57, so 0.43; N19 0.4; N22 较好
    # 3 x 0.2 = 0.6; N25 0.4. Sum 3.23, common earned 54 - 3.23 = 50.77.
    # Tasks: T1 25 done 较好 = 20; T2 15 partial 好 = 15 x 1.0 x 0.5 = 7.5; together 27.5.
    # Rescaled: (50.77 + 27.5) x 100 / (54 + 40) = 7827 / 94 = 83.2659... -> 83.27, no bonus.
    # 标准化 (>= 80, no veto); not 示范性 (under 90, and N12 is a required norm not met).
    result = _result("fgw/lz-fgw-04.yaml")
    assert _not_applicable(result) == {"N01", "N08"}
    assert _lost(result) == {
        "N06": 0.4,
        "N11": 0.5,
        "N12": 0.5,
        "N16": 0.43,
        "N19": 0.4,
        "N22": 0.6,
        "N25": 0.4,
    }
    assert [t.earned for t in result.tasks] == [20.0, 7.5]
    assert result.rescaled and result.bonus == 0
    assert result.score == round((54 - 3.23 + 27.5) * 100 / 94, 2) == 83.27
    assert result.tier.id == "standardized"
    assert result.next_tier is not None and result.next_tier.blockers == ["N12"]


def test_hand_check_quarter_rescaled() -> None:
    # fgw/lz-fgw-01-2024q3 (2024-07-01..09-30): no whole year, so N13, N14 (per year), N15
    # (talks) and N16 (training) do not apply: common max 60 - (2 + 2 + 2 + 3) = 51.
    # Lost: N01 支委会 with 第一议题 in 2 of 3 months, 3 x 2/3 = 2.0, so 1.0; N06 0.4; N08 no
    # 支委会 in August, deduct 0.5; N11 no 党课 in Q3, deduct 0.5; N22 0.6; N25 0.4. Sum 3.4,
    # earned 47.6. Tasks: T1 20 done 好 = 20; T2 20 partial 较好 = 20 x 0.8 x 0.5 = 8; 28.
    # (47.6 + 28) x 100 / (51 + 40) = 83.0769..., plus bonus N26 3 -> 86.08. April's unpaid
    # month lies outside the quarter: no N17 veto, so 标准化 (the full year is 一般).
    result = _result("fgw/lz-fgw-01-2024q3.yaml")
    assert _not_applicable(result) == {"N13", "N14", "N15", "N16"}
    assert _lost(result) == {"N01": 1.0, "N06": 0.4, "N08": 0.5, "N11": 0.5, "N22": 0.6, "N25": 0.4}
    assert [t.earned for t in result.tasks] == [20.0, 8.0]
    assert result.bonus == 3.0
    assert result.score == round((51 - 3.4 + 28) * 100 / 91 + 3, 2) == 86.08
    assert (result.tier.id, result.vetoes) == ("standardized", [])


def test_hand_check_bonus_cap() -> None:
    # fgw/lz-fgw-12: lost N16 29 of 30 members, 3 x 29/30 = 2.9, so 0.1; N22 较好 0.6.
    # Common 60 - 0.7 = 59.3; tasks 25 + 15 done 好 = 40; bonus N26 3 + N27 3 = 6, capped at 5.
    # 59.3 + 40 + 5 = 104.3; no norm n/a, so no rescaling.
    result = _result("fgw/lz-fgw-12.yaml")
    assert _lost(result) == {"N16": 0.1, "N22": 0.6}
    assert {n.id: n.earned for n in result.norms if n.bonus} == {"N26": 3.0, "N27": 3.0}
    assert sum(t.earned for t in result.tasks) == 40
    assert result.bonus == 5.0
    assert result.score == round(60 - 0.7 + 40 + 5, 2) == 104.3
    assert result.tier.id == "exemplary"


def test_hand_check_dimension_ratio_blocks_exemplary() -> None:
    # fgw/lz-fgw-09: lost N24 自查自评 missing, all or nothing, 2; N25 较好 0.4. Common 57.6,
    # tasks 40, bonus N27 3: 57.6 + 40 + 3 = 100.6. The evaluation dimension (N24 + N25, bonus
    # norms aside) earns 1.6 of 4 = 0.4 < 0.8, so 示范性 is out of reach: 标准化.
    result = _result("fgw/lz-fgw-09.yaml")
    assert _lost(result) == {"N24": 2.0, "N25": 0.4}
    evaluation = next(d for d in result.dimensions if d.id == "evaluation")
    assert (evaluation.earned, evaluation.max) == (1.6, 4.0)
    assert result.score == round(60 - 2.4 + 40 + 3, 2) == 100.6
    assert result.tier.id == "standardized"
    assert result.next_tier is not None and result.next_tier.blockers == ["evaluation"]


def test_hand_check_five_star_deductions() -> None:
    # five-star/ly-jg-02 (扣分制): S07 no activity room -5 (veto); S08 no equipment -5; S09 no
    # 支委会 in January, July and August, 3 x 0.5 = 1.5; S04 two members under 32 hours,
    # 2 x 1 = 2; ratings S03 较好 5 x 0.2 = 1, S15 一般 3 x 0.4 = 1.2, S21 较好 6 x 0.2 = 1.2,
    # S23 较好 1. 100 - 17.9 = 82.1, no bonus: 四星 (the veto bars 五星 only).
    result = _result("five-star/ly-jg-02.yaml")
    assert _lost(result) == {
        "S03": 1.0,
        "S04": 2.0,
        "S07": 5.0,
        "S08": 5.0,
        "S09": 1.5,
        "S15": 1.2,
        "S21": 1.2,
        "S23": 1.0,
    }
    assert result.score == round(100 - 17.9, 2) == 82.1
    assert (result.tier.id, result.vetoes) == ("star4", ["S07"])
