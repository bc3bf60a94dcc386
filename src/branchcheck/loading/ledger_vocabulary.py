"""Ledger words the rubric must know: fact keys and how their values read, member roles, and
党小组 names. A word no norm reads is a warning, never silently dropped."""

from __future__ import annotations

from ..checks.records import fact_bool, fact_number
from ..models.checks import FactCheck
from ..models.ledger import Ledger
from ..models.rubric import Rubric
from .locate import close_matches
from .source import Problem

# Posts a branch may hold whatever its rubric's structure checks name (the committee's posts
# and the 党小组长); a rubric's `roles` and `small_branch_roles` add to these.
DEFAULT_ROLES = (
    "书记",
    "副书记",
    "组织委员",
    "宣传委员",
    "纪检委员",
    "青年委员",
    "统战委员",
    "保密委员",
    "群众工作委员",
    "党小组长",
)
_SHOWN = 12  # known words listed when none is close


def vocabulary_problems(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    problems: list[Problem] = []
    if ledger.facts:
        problems += _facts(ledger, rubric)
    problems += _roles(ledger, rubric)
    named = {event.group for event in ledger.events}  # one pass, at set speed
    named.discard(None)
    if ledger.groups or named:
        problems += _groups(ledger, named)
    return problems


def _hint(word: str, known: list[str], what: str) -> str:
    close = close_matches(word, known, n=1, cutoff=0.5)
    if close:
        return f"did you mean {close[0]!r}?"
    shown = ", ".join(known[:_SHOWN]) + (", …" if len(known) > _SHOWN else "")
    return f"{what}: {shown}"


def _facts(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    checks = rubric.fact_checks
    known = list(checks)
    problems = []
    for key, value in ledger.facts.items():
        read_by = checks.get(key)
        if read_by is None:
            hint = (
                _hint(key, known, "the facts it reads are")
                if known
                else "it reads no facts; remove the key"
            )
            problems.append(
                Problem(
                    ("facts", key),
                    f"fact {key!r} is not read by rubric {rubric.id!r}, so it is not scored;"
                    f" {hint}",
                    level="warning",
                    at_key=True,
                    kind="unknown-fact",
                )
            )
            continue
        problems += _fact_value(key, value, read_by)
    return problems


def _fact_value(key: str, value: str, checks: list[FactCheck]) -> list[Problem]:
    """The value as its norm reads it: a number for `min`, yes/no for a yes/no `expect`."""
    for check in checks:
        if check.min is not None and fact_number(value) is None:
            return [
                Problem(
                    ("facts", key),
                    f"{value!r} is not a number, and the norm needs at least {check.min:g};"
                    " write a number such as 3000 or 3000元 (0.3万元 and 96% read too)",
                )
            ]
    for check in checks:
        if (
            check.expect is not None
            and fact_bool(check.expect) is not None
            and fact_bool(value) is None
        ):
            return [
                Problem(
                    ("facts", key),
                    f"{value!r} reads as neither yes nor no, so it does not meet the norm;"
                    " write true/false or 是/否",
                    level="warning",
                )
            ]
    return []


def _roles(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    known = dict.fromkeys((*DEFAULT_ROLES, *rubric.structure_roles))  # defaults first
    problems = []
    for m, member in enumerate(ledger.members):
        for r, role in enumerate(member.roles):
            if role in known:
                continue
            hint = _hint(role, list(known), "known posts")
            problems.append(
                Problem(
                    ("members", m, "roles", r),
                    f"role {role!r} is not a post rubric {rubric.id!r} knows, so it fills none;"
                    f" {hint}",
                    level="warning",
                    kind="unknown-role",
                )
            )
    return problems


def _groups(ledger: Ledger, named: set[str | None]) -> list[Problem]:
    problems = []
    names = list(ledger.groups)
    home: dict[str, str] = {}
    for name, group in ledger.groups.items():
        for i, member_id in enumerate(group):
            first = home.get(member_id)
            if first is None:
                home[member_id] = name
                continue
            where = "twice in this group" if first == name else f"already in group {first!r}"
            problems.append(
                Problem(
                    ("groups", name, i),
                    f"member {member_id!r} is listed {where}; a member belongs to one 党小组,"
                    " so list them once",
                    level="warning",
                )
            )
    if ledger.groups.keys() >= named:
        return problems  # every group an event names is listed
    for e, event in enumerate(ledger.events):
        if event.group is None or event.group in ledger.groups:
            continue
        hint = (
            _hint(event.group, names, "groups")
            if names
            else "the ledger lists no `groups`; add the group there with its members"
        )
        problems.append(
            Problem(
                ("events", e, "group"),
                f"group {event.group!r} is not listed under `groups`, so the meeting counts"
                f" for no group; {hint}",
                level="warning",
                kind="unknown-group",
            )
        )
    return problems
