"""Where each value of a loaded YAML file came from, for pointing problems at the user's line.

Two sources of positions, one answer:
- `Pos` trees, built by the strict parse (strict.py) for every key and value of a file;
- `LinePositions`, for a file the fast path read: it finds one path's line and column from
  the file's lines and the fast data, and parses only the few lines holding the path's last
  part, with libyaml and only up to the path (entry_place.py). A file with warnings thus
  pays for part of a slice, not for a second parse of everything (see "Speed and memory" in
  the README for the figures).

Why `LinePositions` gives the strict parse's positions. It runs only on text yaml-rs read,
and YAML 1.2 (which yaml-rs enforces) lets no construct inside an entry of a block collection
at indent `n` continue on a line indented `n` or less: continuation lines of flow collections,
quoted, plain and block scalars are all indented more. So the entries of a block mapping or
sequence at indent `n` start on lines at exactly indent `n`, and every such line that is not a
comment starts one (a `-` line at a mapping's indent is an entry of an indentless sequence,
which belongs to the entry before it). Where those lines are not exactly one per entry of the
fast data, in order, each mapping entry's line beginning with its key and a `:`, the locator
is unsure and says so (None). A slice from an entry's first line to the next entry's is a
YAML document on its own with the same events as in place: it starts in block context at a
line start, and ends where its entry ends. Its positions, shifted by its first line, are the
whole file's (columns are unchanged, since a slice is whole lines). Anything else (a flow
collection or a scalar on the key's line, an empty value, a quoted key, a root that is not a
block mapping) is parsed as a slice too, of the smallest entry holding it; when even that
fails, the caller parses the whole file. A test compares every path of every example, of
reformatted examples and of generated ledgers with the strict parse's positions
(tests/loading/test_positions.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import flow_line


@dataclass(slots=True)
class MapPos:
    line: int
    col: int
    keys: dict[str, tuple[int, int, Pos]] = field(
        default_factory=dict
    )  # key -> key line, col, value


@dataclass(slots=True)
class SeqPos:
    line: int
    col: int
    items: list[Pos] = field(default_factory=list)


@dataclass(slots=True)
class ScalarPos:
    line: int
    col: int


Pos = MapPos | SeqPos | ScalarPos

Step = str | int
# A path's place: the line and column of its value, and of its last key (None when the path
# ends in a list item, or is empty).
Place = tuple[int, int, tuple[int, int] | None]


def walk(pos: Pos, steps: tuple[Step, ...], line_offset: int = 0) -> Place | None:
    """The place of `steps` (each one present) in a `Pos` tree, lines shifted by `line_offset`."""
    key: tuple[int, int] | None = None
    for step in steps:
        if isinstance(pos, MapPos) and isinstance(step, str) and step in pos.keys:
            key_line, key_col, pos = pos.keys[step]
            key = (key_line + line_offset, key_col)
        elif isinstance(pos, SeqPos) and isinstance(step, int) and 0 <= step < len(pos.items):
            pos, key = pos.items[step], None
        else:
            return None
    return pos.line + line_offset, pos.col, key


@dataclass(slots=True)
class _Block:
    """A block collection whose entries each start a line: their first lines and indent."""

    indent: int
    starts: list[int]  # offset of each entry's first line
    end: int  # offset after the collection's last line


class LinePositions:
    """Positions of paths in a file the fast path read, from its lines (see the module doc).

    Works on offsets into the text: a line's number is counted only for the answer."""

    def __init__(self, text: str, data: dict[str, Any], name: str) -> None:
        self.text = text
        self.data = data
        self.name = name
        # A lone CR ends a line for YAML, but not for the searches below: parsed whole.
        self.usable = "\r" not in text or text.count("\r") == text.count("\r\n")
        self._blocks: dict[int, _Block | None] = {}
        self._counted: list[tuple[int, int]] = [(0, 1)]  # (offset, its line), in order

    def find(self, steps: tuple[Step, ...], *, at_key: bool = False) -> Place | None:
        """The place of `steps` (a path present in the data), or None when unsure. With
        `at_key`, a path ending in a key of a block mapping is answered by its key's place
        alone (as the value's too): the key's line is known, so no slice is parsed."""
        first = self._root() if self.usable else None
        if first is None:
            return None
        data: Any = self.data
        start, end = first, len(self.text)  # the lines of the current value
        key: tuple[int, int] | None = None
        outer: tuple[int, int, int] | None = None  # the entry holding it: lines, step
        for depth, step in enumerate(steps):
            block = self._block(start, end, data)
            index = _index(data, step)
            if block is None or index is None:
                return self._in_outer(outer, steps)
            entry = block.starts[index]
            entry_end = block.starts[index + 1] if index + 1 < len(block.starts) else block.end
            rest = steps[depth + 1 :]
            if isinstance(data, list):  # `- item`: the item and what is in it, from its slice
                return self._in_slice(entry, entry_end, (0, *rest), data[index])
            assert isinstance(step, str)
            key = (self._line(entry), block.indent + 1)
            if at_key and not rest:
                return (*key, key)
            value_start = self._value_start(entry, block.indent, step, entry_end)
            value = data[step]
            if value_start is None or not isinstance(value, dict | list) or not value:
                return self._in_slice(entry, entry_end, (step, *rest), value)
            outer = (entry, entry_end, depth)
            data, start, end = value, value_start, entry_end
        block = self._block(start, end, data)
        if block is None:
            return self._in_outer(outer, steps)
        return self._line(start), block.indent + 1, key

    def holding(self, offsets: list[int]) -> list[tuple[tuple[Step, ...], Any]] | None:
        """The values whose lines hold the `offsets` (sorted): the root's entries, or the
        entries of a root entry's block collection, as (path, value) in the file's order; None
        when unsure. A value's text lies within its entry's lines, so a value holding a given
        character (a curly quote) is among these."""
        first = self._root() if self.usable else None
        root = None if first is None else self._block(first, len(self.text), self.data)
        if root is None:
            return None
        out: list[tuple[tuple[Step, ...], Any]] = []
        keys = list(self.data)
        for index in _entries_of(root, offsets):
            key = keys[index]
            value = self.data[key]
            entry = root.starts[index]
            end = root.starts[index + 1] if index + 1 < len(root.starts) else root.end
            inner = self._value_start(entry, root.indent, key, end)
            block = None if inner is None else self._block(inner, end, value)
            if block is None:
                out.append(((key,), value))  # on the key's line: all of it
                continue
            steps = list(value) if isinstance(value, dict) else range(len(value))
            for item in _entries_of(block, offsets):  # only lines below the key hold any
                out.append(((key, steps[item]), value[steps[item]]))
        return out

    # --- the steps ----------------------------------------------------------------------

    def _line(self, offset: int) -> int:
        """The line number of `offset`, counted on from the nearest offset counted before (a
        file's problems are placed over its length once, not once each from its start)."""
        known = self._counted
        i = bisect_right(known, (offset, 1 << 62)) - 1
        begin, line = known[i]
        if begin != offset:
            line += self.text.count("\n", begin, offset)
            known.insert(i + 1, (offset, line))
        return line

    def _root(self) -> int | None:
        """Where the root mapping's first entry starts, or None when it is not a block."""
        text = self.text
        begin = 0
        if text.startswith("---"):  # a document start marker on the first line
            after = text[3 : text.find("\n") if "\n" in text else len(text)].strip(" \r")
            if after and not (text[3] == " " and after.startswith("#")):
                return None  # content after the marker: the whole-file parse decides
            begin = 3
        return _next_content(text, begin, len(text))

    def _block(self, start: int, end: int, data: Any) -> _Block | None:
        """The entries of the block collection at `start` holding `data`, if sure."""
        if start not in self._blocks:
            self._blocks[start] = self._split(start, end, data)
        return self._blocks[start]

    def _split(self, start: int, end: int, data: Any) -> _Block | None:
        """Entry lines of the block collection whose first entry's line starts at `start`,
        checked against `data`. Regexes find the other lines at the entries' indent, and any
        less indented one, by searching for line breaks (fast) rather than line starts."""
        if not (isinstance(data, dict | list) and data):
            return None
        text = self.text
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
            return _Block(indent, starts, end) if len(starts) == len(data) else None
        starts = [start] + [m.start() + 1 for m in _key_at(indent).finditer(text, at, end)]
        if len(starts) != len(data):
            return None
        for begin, key in zip(starts, data, strict=True):
            if not isinstance(key, str) or _after_key(text, begin + indent, key) is None:
                return None
        return _Block(indent, starts, end)

    def _value_start(self, entry: int, indent: int, key: str, end: int) -> int | None:
        """Where a mapping entry's value starts when it is below the key, else None."""
        text = self.text
        after = _after_key(text, entry + indent, key)
        if after is None:
            return None
        line_end = text.find("\n", after, end)
        rest = text[after : end if line_end < 0 else line_end].strip(" \r")
        if rest and not rest.startswith("#"):
            return None  # the value is on the key's line
        return None if line_end < 0 else _next_content(text, line_end + 1, end)

    def _in_outer(
        self, outer: tuple[int, int, int] | None, steps: tuple[Step, ...]
    ) -> Place | None:
        """Parse the mapping entry that holds a value the lines could not split, if any."""
        if outer is None:
            return None  # the root itself: the caller parses the whole file
        start, end, depth = outer
        value: Any = self.data
        for step in steps[:depth]:
            value = value[step]
        return self._in_slice(start, end, steps[depth:], value[steps[depth]])

    def _in_slice(self, start: int, end: int, steps: tuple[Step, ...], value: Any) -> Place | None:
        """Find `steps` in the lines of one entry, parsed alone up to the path's node
        (`value` is the entry's value in the fast data); from the entry's first line alone when
        it is plain words (flow_line.py)."""
        entry = [value] if isinstance(steps[0], int) else {steps[0]: value}
        line_end = self.text.find("\n", start, end)
        first_line = self.text[start : end if line_end < 0 else line_end]
        found = flow_line.place(first_line, steps, entry, self._line(start))
        if found is not None:
            return found
        from . import entry_place  # PyYAML is loaded only when a file needs it

        return entry_place.place(self.text[start:end], steps, entry, self._line(start) - 1)


def _entries_of(block: _Block, offsets: list[int]) -> list[int]:
    """The indexes of the block's entries whose lines hold any of the sorted `offsets`."""
    low = bisect_left(offsets, block.starts[0])
    high = bisect_left(offsets, block.end)
    return sorted({bisect_right(block.starts, offset) - 1 for offset in offsets[low:high]})


def _index(data: Any, step: Step) -> int | None:
    if isinstance(data, list):
        return step if isinstance(step, int) and 0 <= step < len(data) else None
    if isinstance(step, str) and step in data:
        return list(data).index(step)
    return None


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
