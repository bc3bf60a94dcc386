"""One path's place in one entry's lines, read from libyaml's events up to the path alone.

A warning inside a one-line flow mapping (`- {date: 2024-01-08, type: 主题党日, …}`) is placed by
parsing that entry's lines (line_positions.LinePositions). Only the events before the path's
node can move it, so the walk stops at the node: about half a line's events on average, not a
whole parse with a position for every value (0.03 ms less per warning, measured). What it read
must agree with the fast data's: every key before the path's, in order, and the kind of node at
the path; else it is unsure (None) and the caller parses more. The entry's text is text yaml-rs
read, so what follows the node is valid YAML for libyaml too (fast.py).
"""

from __future__ import annotations

from typing import Any

import yaml

from .pos_tree import Place, Step
from .strict import PARSER

_SCALAR, _MAP_START, _SEQ_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def place(text: str, steps: tuple[Step, ...], value: Any, line_offset: int) -> Place | None:
    """The place of `steps` in the YAML `text`, whose data in the fast parse is `value` (a
    one-key mapping or a one-item list, for an entry's lines), lines shifted by `line_offset`;
    None when unsure."""
    try:
        return _walk(yaml.parse(text, Loader=PARSER), steps, value, line_offset)
    except yaml.YAMLError:
        return None


def _walk(events: Any, steps: tuple[Step, ...], value: Any, line_offset: int) -> Place | None:
    data = value  # the fast data of the collection the walk is in, on the path
    depth = 0  # how many steps have been taken into collections on the path
    keys: list[Any] | None = None  # that collection's keys, when a mapping
    seen = 0  # entries of that collection passed so far (a mapping's keys, a list's items)
    key_mark: tuple[int, int] | None = None  # the path's last key, when it ends in a key
    skip = 0  # nesting inside a collection off the path, whose events are passed over
    is_key = False  # the next scalar or collection in a mapping on the path is a key
    started = False
    for event in events:
        kind = type(event)
        if skip:
            if kind is _MAP_START or kind is _SEQ_START:
                skip += 1
            elif isinstance(event, _ENDS):
                skip -= 1
            continue
        if kind is not _SCALAR and kind is not _MAP_START and kind is not _SEQ_START:
            if isinstance(event, _ENDS):
                return None  # the collection on the path ended before the path's node
            continue  # stream and document events
        mark = event.start_mark
        if not started:  # the entry itself: a mapping or a list as the fast data says
            if (kind is _MAP_START) is not isinstance(value, dict) or kind is _SCALAR:
                return None
            started, is_key = True, kind is _MAP_START
            keys = list(value) if kind is _MAP_START else None
            continue
        step = steps[depth]
        if keys is not None and is_key:  # a key of the mapping on the path
            if kind is not _SCALAR or seen >= len(keys) or event.value != keys[seen]:
                return None
            is_key = False
            if event.value == step:
                key_mark = (mark.line + 1 + line_offset, mark.column + 1)
            continue
        on_path = (keys[seen] == step) if keys is not None else seen == step
        if not on_path:  # a value or item before the path's: pass it over
            seen += 1
            is_key = keys is not None
            if kind is not _SCALAR:
                skip = 1
            continue
        node = data[step]
        if (kind is _MAP_START) is not isinstance(node, dict) or (kind is _SEQ_START) is not (
            isinstance(node, list)
        ):
            return None
        if keys is None:
            key_mark = None
        if depth + 1 == len(steps):
            return mark.line + 1 + line_offset, mark.column + 1, key_mark
        data, depth, seen = node, depth + 1, 0
        keys = list(node) if kind is _MAP_START else None
        is_key = kind is _MAP_START
    return None
