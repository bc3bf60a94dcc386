"""Archive records made up for tests: any tier, score and period, without a ledger."""

from __future__ import annotations

from branchcheck.archive import Record, RubricInfo, rubric_hash
from branchcheck.loading import load_rubric
from branchcheck.report.aggregate import rubric_meta

LANZHOU = load_rubric("lanzhou-6543")
INFO = RubricInfo(rubric_meta(LANZHOU), rubric_hash(LANZHOU))
TIER_NAMES = dict(INFO.meta.tiers)
QUARTERS = {
    "2024Q1": ("2024-01-01", "2024-03-31"),
    "2024Q2": ("2024-04-01", "2024-06-30"),
    "2024Q3": ("2024-07-01", "2024-09-30"),
    "2024Q4": ("2024-10-01", "2024-12-31"),
}


def record(
    branch: str,
    label: str,
    tier: str,
    score: float,
    parent: str = "机关党委",
    norms: tuple[tuple[str, float, str], ...] = (("N01", 2.0, "met"),),
) -> Record:
    start, end = QUARTERS[label]
    return Record(
        file=f"{branch}-{label}.yaml",
        branch=branch,
        name=f"第{branch}党支部",
        parent=parent,
        start=start,
        end=end,
        rubric_id=INFO.meta.id,
        rubric_version=INFO.meta.version,
        score=score,
        max=100.0,
        tier=tier,
        tier_name=TIER_NAMES[tier],
        vetoes=(),
        alerts=(),
        norms=norms,
        dimensions=(("political", 8.0, 8.0),),
    )


def info(version: str | None = None, digest: str | None = None) -> RubricInfo:
    """The built-in lanzhou rubric, or the same under another version or content hash."""
    if version is None and digest is None:
        return INFO
    from dataclasses import replace

    meta = replace(INFO.meta, version=version or INFO.meta.version)
    return RubricInfo(meta, digest or INFO.hash)
