"""Result parts shared between ledgers (engine/shared.py and the rubric plan's memos): a
ledger's result is the same whatever was scored before it, with the memos empty, warm or full."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import ledger, norm, rubric
from pydantic import ValidationError

import branchcheck.engine.shared as shared_parts
from branchcheck import score
from branchcheck.checks.outcome import Outcome
from branchcheck.loading import read_ledger
from branchcheck.models import Result, Rubric

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").rglob("*.yaml"))


def views(result: Result) -> tuple[str, str, object]:
    """What callers see: the JSON, the repr and the fields set (exclude_unset)."""
    return result.model_dump_json(), repr(result), result.model_dump(exclude_unset=True)


def fresh_plan(model: Rubric) -> None:
    """Drop the rubric's plan (a cached property): the next score starts with empty memos."""
    model.__dict__.pop("plan", None)


def score_all(paths: list[Path]) -> dict[Path, tuple[str, str, object]]:
    loaded = {path: read_ledger(path) for path in paths}
    for item in loaded.values():
        fresh_plan(item.rubric)
    return {path: views(score(item.rubric, item.ledger)) for path, item in loaded.items()}


def test_examples_are_found() -> None:
    assert len(EXAMPLES) >= 10


def test_a_result_is_the_same_alone_and_after_every_other_ledger() -> None:
    alone = {path: score_all([path])[path] for path in EXAMPLES}
    together = score_all(EXAMPLES)
    twice = score_all(EXAMPLES + EXAMPLES)  # the second round meets only known parts
    assert together == alone
    assert twice == alone


@pytest.mark.parametrize("kept", [0, 1, 2])
def test_full_memos_give_the_same_results(kept: int, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = score_all(EXAMPLES)
    monkeypatch.setattr(shared_parts, "PARTS_KEPT", kept)
    assert score_all(EXAMPLES) == expected


def test_equal_parts_are_one_frozen_model() -> None:
    loaded = read_ledger(EXAMPLES[0])
    first = score(loaded.rubric, loaded.ledger)
    again = score(loaded.rubric, loaded.ledger)
    assert all(a is b for a, b in zip(first.norms, again.norms, strict=True))
    assert all(a is b for a, b in zip(first.standards, again.standards, strict=True))
    with pytest.raises(ValidationError):
        first.norms[0].detail = "changed"  # type: ignore[misc]


COMMITTEE = norm({"kind": "count", "event": "党课", "min": 4}, 10, when={"members_at_least": 7})


@pytest.mark.parametrize(
    ("members", "detail"),
    [
        (3, "正式党员3名，不设支部委员会，本项不适用"),
        (5, "正式党员5名，不设支部委员会，本项不适用"),
        (3, "正式党员3名，不设支部委员会，本项不适用"),
    ],
)
def test_not_applicable_answers_are_kept_per_members_count(members: int, detail: str) -> None:
    """One rubric for all cases: the kept answer of one count never serves another."""
    (only,) = score(SHARED_RUBRIC, ledger(member_count=members)).norms
    assert (only.status, only.detail) == ("not_applicable", detail)


SHARED_RUBRIC = rubric(COMMITTEE)


def test_outcomes_key_the_memo_by_value() -> None:
    """`norm_result` keeps a norm's results by its check's Outcome: hashable, equal by value."""
    first, second = Outcome(11 / 12, 1, "11个月"), Outcome(11 / 12, 1, "11" + "个月")
    assert first == second
    assert hash(first) == hash(second)
    assert Outcome(1.0, 0, "达标") != Outcome(1.0, 0, "达标", value="4")
