"""The memo behind `close_matches` answers as difflib does, call after call."""

from __future__ import annotations

import difflib

import pytest

from branchcheck.loading.locate import close_matches

KNOWN = ["主题党日", "支委会", "党员大会", "党小组会", "党课", "组织生活会", "民主评议党员"]


@pytest.mark.parametrize(
    ("word", "choices", "cutoff"),
    [
        ("主题党曰", KNOWN, 0.3),
        ("支委员会", KNOWN, 0.3),
        ("读书会", KNOWN, 0.3),
        ("党课", KNOWN, 0.5),
        ("xyz", KNOWN, 0.6),
        ("书计", ["书记", "副书记", "组织委员"], 0.5),
        ("书计", ["组织委员", "副书记", "书记"], 0.5),  # same word, other vocabulary
        ("党员人数", [], 0.5),
    ],
)
def test_same_answer_as_difflib(word: str, choices: list[str], cutoff: float) -> None:
    expected = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    for _ in range(2):  # the second answer comes from the memo
        answer = close_matches(word, choices, n=1, cutoff=cutoff)
        assert answer == expected
        answer.append("caller's own list")  # a caller may change its list: the memo stays
