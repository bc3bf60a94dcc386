"""Ledger rules for the follow-up records: rectification items (整改), 入党积极分子, and the
member fields alerts read (an extended 预备期, 失联)."""

from __future__ import annotations

from ..models.ledger import Ledger
from ..models.ledger_followup import RECTIFICATION_SOURCES, add_months
from ..models.rubric import Rubric
from .locate import close_matches
from .source import Problem

MAX_PROBATION_MONTHS = 24  # one year, extended by at most one more (党章第七条)


def followup_problems(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    problems = _rectifications(ledger, rubric) if ledger.rectifications else []
    return problems + _members(ledger)


def _rectifications(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    norms = [norm.id for _, norm in rubric.norms]
    known = set(norms)
    seen: set[str] = set()
    problems = []
    for i, item in enumerate(ledger.rectifications):
        if item.id in seen:
            problems.append(
                Problem(("rectifications", i, "id"), f"duplicate rectification id {item.id!r}")
            )
        seen.add(item.id)
        if item.norm not in known:
            close = close_matches(item.norm, norms, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}?" if close else "use the id of one of its norms"
            problems.append(
                Problem(
                    ("rectifications", i, "norm"),
                    f"norm {item.norm!r} is not in rubric {rubric.id!r}; {hint}",
                )
            )
        if item.source not in RECTIFICATION_SOURCES:
            problems.append(
                Problem(
                    ("rectifications", i, "source"),
                    f"source {item.source!r} is not one branchcheck knows (known: "
                    f"{', '.join(RECTIFICATION_SOURCES)}); it is shown as written",
                    level="warning",
                    kind="unknown-source",
                )
            )
    return problems


def _members(ledger: Ledger) -> list[Problem]:
    problems = []
    for m, member in enumerate(ledger.members):
        until = member.probation_until
        if until is not None:
            loc: tuple[str | int, ...] = ("members", m, "probation_until")
            if member.status != "预备":
                problems.append(
                    Problem(
                        loc,
                        f"member {member.id!r} is a 正式 member: `probation_until` is read only"
                        " for a 预备 member; remove it",
                        level="warning",
                    )
                )
            elif member.joined is not None and not (
                add_months(member.joined, 12)
                <= until
                <= add_months(member.joined, MAX_PROBATION_MONTHS)
            ):
                problems.append(
                    Problem(
                        loc,
                        f"an extended 预备期 ends one to two years after admission"
                        f" ({member.joined}); {until} is outside that",
                    )
                )
        since = member.lost_contact_since
        if since is not None and member.joined is not None and since < member.joined:
            problems.append(
                Problem(
                    ("members", m, "lost_contact_since"),
                    f"member {member.id!r} lost contact ({since}) before joining ({member.joined})",
                )
            )
    return problems
