"""Where each value of a loaded YAML file came from, for pointing errors at the user's line."""

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
