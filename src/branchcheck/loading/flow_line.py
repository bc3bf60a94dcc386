"""A path's place in an entry written on one line of plain words, read from the line itself.

Most warnings of a real ledger point into a one-line flow entry (`- {date: 2024-01-08, type:
主题党日, attendees: [M01, M02]}`, `第二党小组: [M02, M05]`). Such a line needs no parser: when
everything before the path's node is plain words, `, `, `: ` and brackets, the node starts
where the text says, and YAML marks a node at its first character. This reads the line up to
the node with string searches (0.02 ms less per warning than libyaml's events from Python,
measured) and is unsure (None) at anything else: a quote, a comment, an anchor, a tab, a
nested collection before the node, a line that ends first, or a kind of node other than the
fast data's; the caller then parses the entry (entry_place.py). The positions test compares
every path it answers with the strict parse (tests/loading/test_positions.py,
tests/loading/test_flow_line.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pos_tree import Place, Step

# Characters that make a word more than a plain word, or end a line's reading: quotes,
# comments, anchors, tags, block scalars, directives, tabs and line breaks. `:` stands only
# after a key: elsewhere it could start a mapping inside a list.
_NOT_PLAIN = re.compile(r"[\"'#&*!|>%@`?\t\r\n\\:{}\[\]\ufeff]")
_NOT_PLAIN_KEY = re.compile(r"[\"'#&*!|>%@`?\t\r\n\\:,{}\[\]\ufeff]")
_STOP = re.compile(r"[,\]}]")
# Inside a collection passed over: plain words, `,` and `:` alone.
_NOT_FLAT = re.compile(r"[\"'#&*!|>%@`?\t\r\n\\{}\[\]\ufeff]")


def place(line: str, steps: tuple[Step, ...], value: Any, line_number: int) -> Place | None:
    """The place of `steps` in an entry whose first `line` (without its line break) is line
    `line_number`: `- NODE` with `value` a one-item list, or `KEY: NODE` with `value` a one-key
    mapping, as the fast data has them; None when unsure."""
    if not steps:
        return None
    line = line.removesuffix("\r")  # a CRLF file's line
    indent = len(line) - len(line.lstrip(" "))
    first = steps[0]
    if isinstance(first, int):
        if first != 0 or line[indent : indent + 2] != "- ":
            return None
        at, key = indent + 2, None
    else:
        colon = indent + len(first)
        if line[indent:colon] != first or line[colon : colon + 2] != ": " or not _plain_key(first):
            return None
        at, key = colon + 2, (line_number, indent + 1)
    return _node(line, _skip_spaces(line, at), value[first], steps[1:], key, line_number)


def _node(
    line: str,
    at: int,
    data: Any,
    steps: tuple[Step, ...],
    key: tuple[int, int] | None,
    line_number: int,
) -> Place | None:
    """The place of `steps` from the node starting at `at`, whose fast data is `data`."""
    char = line[at : at + 1]
    if not _kind_agrees(line, at, data):
        return None
    if not steps:
        return line_number, at + 1, key
    step = steps[0]
    if char == "{":
        assert isinstance(data, dict)
        at += 1
        for name, item in data.items():
            at = _skip_spaces(line, at)
            colon = at + len(name) if isinstance(name, str) else -1
            if colon < 0 or line[at:colon] != name or line[colon : colon + 2] != ": ":
                return None
            if not _plain_key(name):
                return None
            start = _skip_spaces(line, colon + 2)
            if name == step:
                return _node(line, start, item, steps[1:], (line_number, at + 1), line_number)
            after = _passed(line, start, item)
            if after is None or line[after : after + 1] != ",":
                return None
            at = after + 1
        return None
    if char == "[":
        assert isinstance(data, list)
        if not isinstance(step, int) or not 0 <= step < len(data):
            return None
        at += 1
        for index, item in enumerate(data):
            at = _skip_spaces(line, at)
            if index == step:
                return _node(line, at, item, steps[1:], None, line_number)
            after = _passed(line, at, item)
            if after is None or line[after : after + 1] != ",":
                return None
            at = after + 1
    return None


def _kind_agrees(line: str, at: int, data: Any) -> bool:
    """Whether the node at `at` is of the fast data's kind: a mapping, a list, or a plain
    word (nothing else is read)."""
    char = line[at : at + 1]
    if char == "{":
        return isinstance(data, dict)
    if char == "[":
        return isinstance(data, list)
    if isinstance(data, dict | list) or char in ("", ",", "-"):
        return False  # `-` may start a list: a plain word is not read from there
    end = _word_end(line, at)
    return end > at and _NOT_PLAIN.search(line, at, end) is None


def _passed(line: str, at: int, data: Any) -> int | None:
    """Where the node at `at` ends (spaces after it passed), when it is a plain word or a
    collection of plain words (a flow collection with none inside), else None."""
    if not _kind_agrees(line, at, data):
        return None
    if isinstance(data, dict | list):
        close = line.find("}" if isinstance(data, dict) else "]", at)
        if close < 0:
            return None
        inner = line[at + 1 : close]
        if _NOT_FLAT.search(inner):
            return None
        end = close + 1
    else:
        end = _word_end(line, at)
    return _skip_spaces(line, end)


def _word_end(line: str, at: int) -> int:
    """The end of a plain word in a flow collection: the next `,`, `]` or `}` (or the line's
    end), spaces before it left out."""
    stop = _STOP.search(line, at)
    end = len(line) if stop is None else stop.start()
    while end > at and line[end - 1] == " ":
        end -= 1
    return end


def _plain_key(key: str) -> bool:
    return bool(key) and key[0] not in "-:" and _NOT_PLAIN_KEY.search(key) is None


def _skip_spaces(line: str, at: int) -> int:
    while line[at : at + 1] == " ":
        at += 1
    return at
