"""Report groups are per rubric and period kind: an annual and a quarterly ledger are never
pooled in one mean, median or tier count, and each group's heading says which it holds."""

from __future__ import annotations

import json
from array import array

import pytest
from conftest import EXAMPLES

from branchcheck.formats.report.html_report import branch_labels
from branchcheck.report.model import period_kind
from branchcheck.report.rows import BranchRow

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
    """examples/fgw: annual ledgers and quarterly ones (2024Q3, more quarters may be added);
    each group's figures are over its own ledgers only, worked out here from the results."""
    data = json.loads(run_line(f"branchcheck report {FGW} -f json").out)
    assert [(g["id"], g["period_kind"]) for g in data["rubrics"]] == [
        ("lanzhou-6543", "年度"),
        ("lanzhou-6543", "季度"),
    ]
    scores: dict[str, list[float]] = {}
    for result in data["results"]:
        kind, _ = period_kind(result["period"]["start"], result["period"]["end"])
        scores.setdefault(kind, []).append(result["score"])
    assert len(scores["年度"]) == 12 and len(scores["季度"]) >= 2
    for group in data["rubrics"]:
        values = scores[group["period_kind"]]
        ordered = sorted(values)
        middle = len(ordered) // 2
        median = ordered[middle] if len(ordered) % 2 else sum(ordered[middle - 1 : middle + 1]) / 2
        assert group["count"] == len(values)
        assert group["mean_score"] == round(sum(values) / len(values), 2)
        assert group["median_score"] == round(median, 2)
        assert sum(group["tiers"].values()) == len(values)
    pooled = [s for values in scores.values() for s in values]
    assert data["rubrics"][0]["mean_score"] != round(sum(pooled) / len(pooled), 2)

    run = run_line(f"branchcheck report {FGW}")
    assert "年度和季度考核分别统计" in run.out
    annual, quarterly = run.out.split("——年度考核")[1], run.out.split("——季度考核")[1]
    assert "——季度考核" in annual  # the annual group comes first
    assert "参评支部12个，平均分" in annual[:300]
    assert "按台账计" not in annual.split("——季度考核")[0]  # one ledger per branch there
    assert "考核期：2024年第" in quarterly[:200]


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
