"""Ledger rules on dues amounts: amounts recorded that nothing can check (no base, no
category), and a base given where the 2008 规定 fixes the amount, so it is not used."""

from __future__ import annotations

from ..checks.dues_amounts import FIXED, expected
from ..models.ledger import Ledger
from .source import Problem


def dues_problems(ledger: Ledger) -> list[Problem]:
    problems = []
    for m, member in enumerate(ledger.members):
        category = member.dues_category
        if member.dues_base is not None and category in FIXED:
            problems.append(
                Problem(
                    ("members", m, "dues_base"),
                    f"a member in dues_category {category} pays a fixed {FIXED[category]} 元 a"
                    " month (2008 党费规定第六条), so dues_base is not used; remove it, or correct"
                    " dues_category",
                    level="warning",
                )
            )
        amounts = ledger.dues.get(member.id)
        if isinstance(amounts, dict) and amounts and expected(member) is None:
            problems.append(
                Problem(
                    ("dues", member.id),
                    f"amounts are recorded for {member.id!r}, but the member has no dues_base"
                    " (or a fixed-amount dues_category) under `members`, so they are not"
                    " checked against the 2008 rates; add dues_base",
                    level="warning",
                    at_key=True,
                    kind="dues-amount-unchecked",
                )
            )
    return problems
