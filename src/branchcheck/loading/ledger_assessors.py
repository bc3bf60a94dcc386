"""Ledger rules on the ratings: each rated norm known to the rubric, each level one of its
levels, each assessor named once, and the branch's own rating under `self_ratings`."""

from __future__ import annotations

from ..models.ledger import Ledger
from ..models.ledger_records import Assessment
from ..models.rubric import Rubric
from .source import Problem

# Names that mean the branch itself: a rating by one of them is a self-rating in disguise.
SELF_NAMES = frozenset({"本支部", "自评", "支部自评", "自查自评", "self"})


def rating_problems(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    if not ledger.ratings and not ledger.self_ratings:
        return []
    rated = rubric.rated_norms
    problems = []
    for field in ("ratings", "self_ratings"):
        given = ledger.ratings if field == "ratings" else ledger.self_ratings
        for norm_id, rating in given.items():
            check = rated.get(norm_id)
            if check is None:
                problems.append(_not_rated(field, norm_id, rubric, list(rated)))
                continue
            levels = list(check.levels or rubric.ratings)
            if isinstance(rating, str):
                if rating not in levels:
                    problems.append(Problem((field, norm_id), unknown_level(rating, levels)))
                continue
            problems += _assessors(ledger, norm_id, rating, levels)
    return problems


def _not_rated(field: str, norm_id: str, rubric: Rubric, rated: list[str]) -> Problem:
    return Problem(
        (field, norm_id),
        f"norm {norm_id!r} is not a rated norm of rubric {rubric.id!r}"
        + (f" (rated norms: {', '.join(rated)})" if rated else ""),
        at_key=True,
    )


def _assessors(
    ledger: Ledger, norm_id: str, rating: tuple[Assessment, ...], levels: list[str]
) -> list[Problem]:
    problems = []
    own = SELF_NAMES | {ledger.branch.name, ledger.branch.id}
    seen: set[str] = set()
    for i, entry in enumerate(rating):
        if entry.level not in levels:
            problems.append(
                Problem(("ratings", norm_id, i, "level"), unknown_level(entry.level, levels))
            )
        if entry.by in own:
            problems.append(
                Problem(
                    ("ratings", norm_id, i, "by"),
                    f"{entry.by!r} is the branch itself, so this is its self-rating; move the"
                    f" level to `self_ratings: {{{norm_id}: {entry.level}}}` (here it counts as"
                    " an assessor's)",
                    level="warning",
                )
            )
        elif entry.by in seen:
            problems.append(
                Problem(
                    ("ratings", norm_id, i, "by"),
                    f"assessor {entry.by!r} rates {norm_id} twice and both count in the"
                    " average; remove one, or name the two assessors apart",
                    level="warning",
                )
            )
        seen.add(entry.by)
    return problems


def unknown_level(level: str, levels: list[str]) -> str:
    return f"unknown rating {level!r}; use one of: {', '.join(levels)}"
