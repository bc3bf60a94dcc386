"""flow_line reads a one-line entry of plain words up to the path: its answers are the strict
parse's, and it is unsure (None) at anything it does not read (the caller parses then)."""

from __future__ import annotations

from typing import Any

import pytest

from branchcheck.loading import flow_line, strict
from branchcheck.loading.pos_tree import walk

EVENT = (
    "  - {date: 2024-01-08, type: 主题党日, group: 第一党小组,"
    " attendees: [M01, M02,  M03], absent: [], topics: [学习《党章》, “新春”座谈]}"
)
MEMBER = "  - {id: M17, name: 张丽, joined: 2024-06-02, roles: [党小组长, 宣传员]}   # 转入"
GROUP = "  第二党小组: [M02, M05, M08]"
BRANCH = "branch: {id: lz-001-01, name: 市委办公室机关第一党支部, type: 机关}"


def _parsed(line: str) -> tuple[Any, Any]:
    """The strict parse's data and positions of `line` read alone (its indent taken off)."""
    return strict.parse(line.lstrip(" ") + "\n", "x")


def _strict_place(line: str, steps: tuple[Any, ...]) -> Any:
    """The strict parse's place of `steps` in `line`, as line 11 of a file."""
    shift = len(line) - len(line.lstrip(" "))
    place = walk(_parsed(line)[1], steps, 10)
    assert place is not None
    line_no, col, key = place
    return line_no, col + shift, None if key is None else (key[0], key[1] + shift)


@pytest.mark.parametrize(
    ("line", "steps"),
    [
        (EVENT, (0, "date")),
        (EVENT, (0, "type")),
        (EVENT, (0, "group")),
        (EVENT, (0, "attendees")),
        (EVENT, (0, "attendees", 0)),
        (EVENT, (0, "attendees", 2)),
        (EVENT, (0, "absent")),
        (EVENT, (0, "topics", 0)),
        (EVENT, (0, "topics", 1)),
        (EVENT, (0,)),
        (MEMBER, (0, "name")),
        (MEMBER, (0, "roles", 1)),
        (GROUP, ("第二党小组", 2)),
        (GROUP, ("第二党小组",)),
        (BRANCH, ("branch", "type")),
    ],
)
def test_the_place_is_the_strict_parses(line: str, steps: tuple[Any, ...]) -> None:
    entry = _parsed(line)[0]  # a one-item list or a one-key mapping, as the caller gives
    assert flow_line.place(line, steps, entry, 11) == _strict_place(line, steps)


@pytest.mark.parametrize(
    ("line", "steps"),
    [
        # a quote, a comment, an anchor or a tag before the node
        ("  - {date: 2024-01-08, type: '主题党日', group: 第一党小组}", (0, "group")),
        ("  - {date: 2024-01-08, 'type': 主题党日, group: 第一党小组}", (0, "group")),
        # a nested collection, a word with a colon, or a line that ends before the node
        ("  - {a: [[M01], M02], type: 主题党日}", (0, "type")),
        ("  - {a: {b: [c]}, type: 主题党日}", (0, "type")),
        ("  - {a: 08:30, type: 主题党日}", (0, "type")),
        # a block node, or a key written otherwise
        ("  - date: 2024-01-08", (0, "date")),
        ("  - {date : 2024-01-08, type: 主题党日}", (0, "type")),
        ("  第二党小组 : [M02]", ("第二党小组", 0)),
    ],
)
def test_what_it_does_not_read_is_unsure(line: str, steps: tuple[Any, ...]) -> None:
    assert flow_line.place(line, steps, _parsed(line)[0], 11) is None


@pytest.mark.parametrize(
    "line",
    [
        "  - {date: &d 2024-01-08, type: 主题党日}",  # an anchor or a tag (the strict parse
        "  - {date: !!str 2024-01-08, type: 主题党日}",  # refuses them, so no data from it)
        "  - {date: 2024-01-08,",  # the line ends before the node
    ],
)
def test_what_it_does_not_read_is_unsure_without_data(line: str) -> None:
    entry = [{"date": "2024-01-08", "type": "主题党日"}]
    assert flow_line.place(line, (0, "type"), entry, 11) is None


@pytest.mark.parametrize(
    ("entry", "steps"),
    [
        # a key the fast data has not, or not in this order, or a node of another kind
        ([{"type": "主题党日", "date": "2024-01-08"}], (0, "type")),
        ([{"date": "2024-01-08", "type": ["主题党日"]}], (0, "type")),
        ([{"date": ["2024-01-08"], "type": "主题党日"}], (0, "type")),
        ([{"date": "2024-01-08", "type": "主题党日", "attendees": "all"}], (0, "attendees", 0)),
        # an item past the list's end
        ([{"attendees": ["M01"]}], (0, "attendees", 3)),
    ],
)
def test_a_disagreement_with_the_fast_data_is_unsure(entry: Any, steps: tuple[Any, ...]) -> None:
    line = "  - {date: 2024-01-08, type: 主题党日, attendees: [M01, M02]}"
    if steps[1] == "attendees" and entry[0].get("date") is None:
        line = "  - {attendees: [M01]}"
    assert flow_line.place(line, steps, entry, 11) is None
