"""The positions every locator shares: the strict parse's `Pos` tree, a path's steps and place.

strict.py builds a `Pos` tree for every key and value of a file it parses, and locate.py
walks it (`walk`). A file the fast path read has no tree: line_positions.py answers the same
`Place` for a path from the file's lines, and flow_line.py and entry_place.py from one
entry's; all of them speak the `Step` and `Place` defined here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
