"""A path's place in a file the fast path read, from the file's lines: `LinePositions`.

The strict parse (strict.py) gives a `Pos` tree (pos_tree.py) for every key and value of a
file. A file the fast path read has none, and parsing it again to place one warning would
cost more than reading it did. `LinePositions` finds one path's line and column from the
file's lines and the fast data instead, and parses only the few lines holding the path's last
part, with libyaml and only up to the path (entry_place.py). A file with warnings thus pays
for part of a slice, not for a second parse of everything (see "Speed and memory" in the
README for the figures).

Why it gives the strict parse's positions. It walks the path down block collections whose
entry lines block_lines.py finds (its docstring says why the lines are enough), and says it
is unsure (None) wherever those are. A slice from an entry's first line to the next entry's
is a YAML document on its own with the same events as in place: it starts in block context
at a line start, and ends where its entry ends. Its positions, shifted by its first line, are
the whole file's (columns are unchanged, since a slice is whole lines). Anything else (a flow
collection or a scalar on the key's line, an empty value, a quoted key, a root that is not a
block mapping) is parsed as a slice too, of the smallest entry holding it; when even that
fails, the caller parses the whole file. A test compares every path of every example, of
reformatted examples and of generated ledgers with the strict parse's positions
(tests/loading/test_positions.py).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from . import flow_line
from .block_lines import Block, entries_of, root_start, split_block, value_start
from .pos_tree import Place, Step


class LinePositions:
    """Positions of paths in a file the fast path read, from its lines (see the module doc).

    Works on offsets into the text: a line's number is counted only for the answer."""

    def __init__(self, text: str, data: dict[str, Any], name: str) -> None:
        self.text = text
        self.data = data
        self.name = name
        # A lone CR ends a line for YAML, but not for the searches below: parsed whole.
        self.usable = "\r" not in text or text.count("\r") == text.count("\r\n")
        self._blocks: dict[int, Block | None] = {}
        self._counted: list[tuple[int, int]] = [(0, 1)]  # (offset, its line), in order

    def find(self, steps: tuple[Step, ...], *, at_key: bool = False) -> Place | None:
        """The place of `steps` (a path present in the data), or None when unsure. With
        `at_key`, a path ending in a key of a block mapping is answered by its key's place
        alone (as the value's too): the key's line is known, so no slice is parsed."""
        first = root_start(self.text) if self.usable else None
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
            below = value_start(self.text, entry, block.indent, step, entry_end)
            value = data[step]
            if below is None or not isinstance(value, dict | list) or not value:
                return self._in_slice(entry, entry_end, (step, *rest), value)
            outer = (entry, entry_end, depth)
            data, start, end = value, below, entry_end
        block = self._block(start, end, data)
        if block is None:
            return self._in_outer(outer, steps)
        return self._line(start), block.indent + 1, key

    def holding(self, offsets: list[int]) -> list[tuple[tuple[Step, ...], Any]] | None:
        """The values whose lines hold the `offsets` (sorted): the root's entries, or the
        entries of a root entry's block collection, as (path, value) in the file's order; None
        when unsure. A value's text lies within its entry's lines, so a value holding a given
        character (a curly quote) is among these."""
        first = root_start(self.text) if self.usable else None
        root = None if first is None else self._block(first, len(self.text), self.data)
        if root is None:
            return None
        out: list[tuple[tuple[Step, ...], Any]] = []
        keys = list(self.data)
        for index in entries_of(root, offsets):
            key = keys[index]
            value = self.data[key]
            entry = root.starts[index]
            end = root.starts[index + 1] if index + 1 < len(root.starts) else root.end
            inner = value_start(self.text, entry, root.indent, key, end)
            block = None if inner is None else self._block(inner, end, value)
            if block is None:
                out.append(((key,), value))  # on the key's line: all of it
                continue
            steps = list(value) if isinstance(value, dict) else range(len(value))
            for item in entries_of(block, offsets):  # only lines below the key hold any
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

    def _block(self, start: int, end: int, data: Any) -> Block | None:
        """The entries of the block collection at `start` holding `data`, if sure."""
        if start not in self._blocks:
            self._blocks[start] = split_block(self.text, start, end, data)
        return self._blocks[start]

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


def _index(data: Any, step: Step) -> int | None:
    if isinstance(data, list):
        return step if isinstance(step, int) and 0 <= step < len(data) else None
    if isinstance(step, str) and step in data:
        return list(data).index(step)
    return None
