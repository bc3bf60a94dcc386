"""The lines that start the entries of a block collection, found in a file's text.

line_positions.py walks a path down a file the fast path read through these entries; this
module only reads text (and checks what it finds against the fast data), placing nothing.

Why the lines are enough. The text is text yaml-rs read, and YAML 1.2 (which yaml-rs
enforces) lets no construct inside an entry of a block collection at indent `n` continue on a
line indented `n` or less: continuation lines of flow collections, quoted, plain and block
scalars are all indented more. So the entries of a block mapping or sequence at indent `n`
start on lines at exactly indent `n`, and every such line that is not a comment starts one (a
`-` line at a mapping's indent is an entry of an indentless sequence, which belongs to the
entry before it). Where those lines are not exactly one per entry of the fast data, in order,
each mapping entry's line beginning with its key and a `:`, the split is unsure and says so
(None). Everything works on offsets into the text; no line is counted here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(slots=True)
class Block:
    """A block collection whose entries each start a line: their first lines and indent."""

    indent: int
    starts: list[int]  # offset of each entry's first line
    end: int  # offset after the collection's last line


def root_start(text: str) -> int | None:
    """Where the root mapping's first entry starts, or None when it is not a block."""
    begin = 0
    if text.startswith("---"):  # a document start marker on the first line
        after = text[3 : text.find("\n") if "\n" in text else len(text)].strip(" \r")
        if after and not (text[3] == " " and after.startswith("#")):
            return None  # content after the marker: the whole-file parse decides
        begin = 3
    return _next_content(text, begin, len(text))


def split_block(text: str, start: int, end: int, data: Any) -> Block | None:
    """Entry lines of the block collection whose first entry's line starts at `start`,
    checked against `data`. Regexes find the other lines at the entries' indent, and any
    less indented one, by searching for line breaks (fast) rather than line starts."""
    if not (isinstance(data, dict | list) and data):
        return None
    indent = _indent(text, start)
    if indent and _content_below(indent).search(text, start, end):
        return None  # a line less indented than the entries (not in a valid file)
    at = start + indent
    if isinstance(data, list):
        # Every line at the indent is a `-` entry (no other line there, searched for
        # rather than all counted: 0.03 ms less a file with a warning in a list, measured),
        # and there are as many as the data's items.
        if not _is_dash(text, at) or _key_at(indent).search(text, at, end):
            return None
        starts = [start] + [m.start() + 1 for m in _dash_at(indent).finditer(text, at, end)]
        return Block(indent, starts, end) if len(starts) == len(data) else None
    starts = [start] + [m.start() + 1 for m in _key_at(indent).finditer(text, at, end)]
    if len(starts) != len(data):
        return None
    for begin, key in zip(starts, data, strict=True):
        if not isinstance(key, str) or _after_key(text, begin + indent, key) is None:
            return None
    return Block(indent, starts, end)


def value_start(text: str, entry: int, indent: int, key: str, end: int) -> int | None:
    """Where a mapping entry's value starts when it is below the key, else None."""
    after = _after_key(text, entry + indent, key)
    if after is None:
        return None
    line_end = text.find("\n", after, end)
    rest = text[after : end if line_end < 0 else line_end].strip(" \r")
    if rest and not rest.startswith("#"):
        return None  # the value is on the key's line
    return None if line_end < 0 else _next_content(text, line_end + 1, end)


def entries_of(block: Block, offsets: list[int]) -> list[int]:
    """The indexes of the block's entries whose lines hold any of the sorted `offsets`."""
    low = bisect_left(offsets, block.starts[0])
    high = bisect_left(offsets, block.end)
    return sorted({bisect_right(block.starts, offset) - 1 for offset in offsets[low:high]})


def _indent(text: str, start: int) -> int:
    end = start
    while text[end : end + 1] == " ":
        end += 1
    return end - start


def _is_dash(text: str, at: int) -> bool:
    return text[at : at + 1] == "-" and text[at + 1 : at + 2] in (" ", "\r", "\n", "")


_CONTENT_LINE = re.compile(r" *[^ \r\n#]")


def _next_content(text: str, begin: int, end: int) -> int | None:
    """The start of the first line with content (not blank, not a comment) from the line
    starting at `begin`, before `end`."""
    while begin < end:
        if _CONTENT_LINE.match(text, begin, end):
            return begin
        newline = text.find("\n", begin, end)
        if newline < 0:
            return None
        begin = newline + 1
    return None


# Searches for a line break and the next line's start (a fast search for a literal), so each
# match is one line; its line starts one after the match.
@cache
def _dash_at(indent: int) -> re.Pattern[str]:
    """A `-` entry line at exactly `indent`."""
    return re.compile(f"\\n {{{indent}}}-(?:[ \\r\\n]|$)")


@cache
def _key_at(indent: int) -> re.Pattern[str]:
    """A line with content at exactly `indent` that is not a `-` entry."""
    return re.compile(f"\\n {{{indent}}}(?!-(?:[ \\r\\n]|$))[^ \\r\\n#]")


@cache
def _content_below(indent: int) -> re.Pattern[str]:
    """A line with content indented less than `indent`."""
    return re.compile(f"\\n {{0,{indent - 1}}}[^ \\r\\n#]")


def _after_key(text: str, at: int, key: str) -> int | None:
    """Where the value starts when `text[at:]` begins with this key and its `:`, else None.

    The key is plain, or quoted as the fast path lets it be (no escapes: a backslash sends a
    file the strict way); a key written otherwise makes the locator unsure."""
    if not key:
        return None
    end = at + len(key)
    if text.startswith(key, at) and text.startswith(": ", end):
        return end + 1  # the common spelling, `key: value`, without the steps below
    if text.startswith(key, at):
        end = at + len(key)
    elif text.startswith("'" + key.replace("'", "''") + "'", at):
        end = at + len(key.replace("'", "''")) + 2
    elif '"' not in key and text.startswith('"' + key + '"', at):
        end = at + len(key) + 2
    else:
        return None
    while text[end : end + 1] == " ":
        end += 1
    if text[end : end + 1] != ":" or text[end + 1 : end + 2] not in (" ", "\r", "\n", ""):
        return None
    return end + 1
