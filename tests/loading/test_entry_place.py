"""entry_place reads an entry's events only up to the path: its answers are the strict
parse's, and it is unsure (None) whenever what it read disagrees with the fast data."""

from __future__ import annotations

from typing import Any

import pytest

from branchcheck.loading import entry_place, strict
from branchcheck.loading.pos_tree import walk

EVENT = "- {date: 2024-01-08, type: 主题党日, attendees: [M01, M02], topics: [“新春”座谈]}\n"
MEMBER = "members:\n  - id: M01\n    roles: [书记, 宣传员]\n"
DATA_EVENT = [
    {
        "date": "2024-01-08",
        "type": "主题党日",
        "attendees": ["M01", "M02"],
        "topics": ["“新春”座谈"],
    }
]
DATA_MEMBER = {"members": [{"id": "M01", "roles": ["书记", "宣传员"]}]}


@pytest.mark.parametrize(
    ("text", "data", "steps"),
    [
        (EVENT, DATA_EVENT, (0, "date")),
        (EVENT, DATA_EVENT, (0, "attendees", 1)),
        (EVENT, DATA_EVENT, (0, "topics")),
        (EVENT, DATA_EVENT, (0, "topics", 0)),
        (EVENT, DATA_EVENT, (0,)),
        (MEMBER, DATA_MEMBER, ("members", 0, "roles", 1)),
        (MEMBER, DATA_MEMBER, ("members", 0, "id")),
        (MEMBER, DATA_MEMBER, ("members",)),
    ],
)
def test_the_place_is_the_strict_parses(text: str, data: Any, steps: tuple[Any, ...]) -> None:
    _, pos = strict.parse(text, "x")
    assert entry_place.place(text, steps, data, 10) == walk(pos, steps, 10)


@pytest.mark.parametrize(
    ("data", "steps"),
    [
        # a key before the path's that the fast data does not have, or has in another order
        ([{"type": "主题党日", "date": "2024-01-08"}], (0, "type")),
        # the path's node of another kind than in the fast data
        ([{"date": "2024-01-08", "type": "主题党日", "attendees": "all"}], (0, "attendees")),
        ([{"date": {"day": 8}}], (0, "date")),
        # the entry of another kind, or shorter than the path
        ({"events": [{"date": "2024-01-08"}]}, ("events", 0, "date")),
        (
            [{"date": "2024-01-08", "type": "主题党日", "attendees": ["M01", "M02", "M03"]}],
            (0, "attendees", 2),
        ),
    ],
)
def test_a_disagreement_with_the_fast_data_is_unsure(data: Any, steps: tuple[Any, ...]) -> None:
    assert entry_place.place(EVENT, steps, data, 0) is None


def test_text_libyaml_refuses_before_the_node_is_unsure() -> None:
    # (After the node it is not read: the entry's text is text yaml-rs read, which libyaml
    # reads too; see fast.py.)
    data = [{"b": "x", "a": [1, 2]}]
    assert entry_place.place("- {b: 'x, a: [1, 2]}\n", (0, "a", 1), data, 0) is None
