"""Report groups are per rubric and period kind: an annual and a quarterly ledger are never
pooled in one mean, median or tier count, and each group's heading says which it holds."""

from __future__ import annotations

import json
from array import array

import pytest
from conftest import EXAMPLES

from branchcheck.formats.report.html_report import branch_labels
from branchcheck.report.model import BranchRow, period_kind

FGW = EXAMPLES / "fgw"


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [
        ("2024-01-01", "2024-12-31", "年度"),
        ("2023-01-01", "2023-12-31", "年度"),
        ("2024-07-01", "2024-12-31", "半年度"),
        ("2024-07-01", "2024-09-30", "季度"),
        ("2024-08-01", "2024-09-30", "2个月"),
        ("2024-02-01", "2024-02-29", "月度"),
        ("2023-07-01", "2024-06-30", "年度"),  # twelve months across two years
        ("2024-03-15", "2024-09-30", "200天"),
        ("not-a-date", "2024-09-30", ""),
    ],
)
def test_period_kinds(start: str, end: str, kind: str) -> None:
    assert period_kind(start, end)[0] == kind


def test_fgw_totals_annual_and_quarterly_ledgers_apart(run_line) -> None:
    data = json.loads(run_line(f"branchcheck report {FGW} -f json").out)
    groups = [(g["id"], g["period_kind"], g["count"], g["branches"]) for g in data["rubrics"]]
    assert groups == [("lanzhou-6543", "年度", 12, 12), ("lanzhou-6543", "季度", 2, 2)]
    by_kind = {g["period_kind"]: g for g in data["rubrics"]}
    scores: dict[str, list[float]] = {"年度": [], "季度": []}
    for result in data["results"]:
        kind = "季度" if result["period"]["start"] == "2024-07-01" else "年度"
        scores[kind].append(result["score"])
    for kind, values in scores.items():  # each mean is over its own ledgers only
        assert by_kind[kind]["mean_score"] == round(sum(values) / len(values), 2)
        assert sum(by_kind[kind]["tiers"].values()) == len(values)

    run = run_line(f"branchcheck report {FGW}")
    assert "年度和季度考核分别统计" in run.out
    assert "——年度考核" in run.out and "——季度考核" in run.out
    assert "按台账计" not in run.out


def test_one_kind_of_period_keeps_the_plain_title(run_line) -> None:
    run = run_line(
        f"branchcheck report {FGW / 'lz-fgw-02.yaml'} {FGW / 'lz-fgw-03.yaml'} -f markdown"
    )
    assert "考核分别统计" not in run.out and "——" not in run.out.split("\n###")[0]


def row(ident: str, name: str, start: str, end: str) -> BranchRow:
    empty = array("d")
    return BranchRow(
        "f.yaml",
        "r",
        ident,
        name,
        "p",
        start,
        end,
        0.0,
        "t",
        "t",
        0,
        (),
        None,
        None,
        (),
        (),
        empty,
        empty,
        empty,
    )


def test_heat_map_labels_name_the_period_of_a_branch_with_two_ledgers_of_a_kind() -> None:
    rows = [
        row("a", "市发展和改革委员会机关第一党支部", "2024-04-01", "2024-06-30"),
        row("a", "市发展和改革委员会机关第一党支部", "2024-07-01", "2024-09-30"),
        row("b", "市发展和改革委员会机关第二党支部", "2024-07-01", "2024-09-30"),
    ]
    labels, prefix = branch_labels(rows, frozenset({"a"}))
    assert prefix == "市发展和改革委员会"
    assert labels == [
        "机关第一党支部（2024年第二季度）",
        "机关第一党支部（2024年第三季度）",
        "机关第二党支部",
    ]
