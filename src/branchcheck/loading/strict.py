"""The positions-aware YAML parse: PyYAML's event stream walked into plain data.

Every scalar stays the string the user wrote (the schema decides types, so `NO`, `1.10`,
`010` and `12:30` survive), and one pass refuses what would make the data ambiguous or
hostile: anchors and aliases, explicit tags, duplicate keys, complex keys, a second
document, nesting deeper than MAX_DEPTH. Walking events rather than composing a node tree
keeps libyaml's recursive composer (which crashes on deep input) out of the way.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import INVISIBLE, BranchcheckError, visible
from ..models.common import plain
from .decode import line_col
from .pos_tree import MapPos, Pos, ScalarPos, SeqPos
from .syntax import syntax_error

MAX_DEPTH = 32
_NULLS = frozenset({"", "~", "null"})
_BAD_IN_VALUE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{INVISIBLE}]")  # from escapes
BAD_IN_KEY = re.compile("[\u00a0\u3000\u200b-\u200d\ufeff]|^\\s|\\s$")

PARSER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _mark(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


class _Frame:
    __slots__ = ("data", "is_map", "key", "key_mark", "pos")

    def __init__(self, data: dict[str, Any] | list[Any], pos: MapPos | SeqPos) -> None:
        # Any: `is_map` tells a mapping's dict and MapPos from a sequence's list and SeqPos.
        self.data: Any = data
        self.pos: Any = pos
        self.is_map = isinstance(data, dict)
        self.key: str | None = None
        self.key_mark = (0, 0)


_SCALAR, _MAP_START, _SEQ_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAP_END, _SEQ_END = yaml.MappingEndEvent, yaml.SequenceEndEvent


# libyaml reads ahead of the events it hands over (up to a line of 1024 characters, to tell a
# key from a value) and has limits of its own that differ between releases (deep nesting). So
# when it fails, the part before the failure is read again by PyYAML's own Python parser,
# which hands over each event as soon as it has it: a problem our walk finds there (nested
# deeper than MAX_DEPTH, an anchor, a tag, a duplicate key) is reported, not libyaml's
# complaint about what follows. Bounded, because the Python parser is slow.
REPLAY_LIMIT = 1024 * 1024


def parse(text: str, name: str) -> tuple[Any, Pos]:
    """Return (data, positions) or raise BranchcheckError at the first problem."""
    try:
        return _walk(yaml.parse(text, Loader=PARSER), name)
    except yaml.MarkedYAMLError as exc:
        if PARSER is not yaml.BaseLoader:
            _replay(text, exc.problem_mark or exc.context_mark, name)
        raise syntax_error(exc, text, name) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts the offset in UTF-8 bytes, PyYAML's own reader in characters.
        index = exc.position
        if PARSER is not yaml.BaseLoader:
            index = len(text.encode("utf-8")[:index].decode("utf-8", errors="ignore"))
        line, col = line_col(text, min(index, len(text)))
        raise BranchcheckError.at(
            name, line, col, f"unacceptable character #x{exc.character:04x}"
        ) from None


def _replay(text: str, mark: yaml.Mark | None, name: str) -> None:
    """Raise our own error if the text before libyaml's failure holds one."""
    if mark is None:
        return
    lines = text.splitlines(keepends=True)
    end = sum(len(line) for line in lines[: mark.line]) + mark.column
    if end > REPLAY_LIMIT:
        return
    try:
        _walk(yaml.parse(text[:end], Loader=yaml.BaseLoader), name)
    except yaml.YAMLError:
        pass  # the cut text ends mid-way: libyaml's error stands


def _walk(events: Any, name: str) -> tuple[Any, Pos]:
    # One step per event, so the common steps are written out (no helper calls per event:
    # a warning's slice and the strict parse both walk here; a quarter less time, measured).
    stack: list[_Frame] = []
    top: _Frame | None = None  # stack[-1]
    root: Any = None
    root_pos: Pos | None = None
    documents = 0

    def fail(event: Any, message: str) -> BranchcheckError:
        line, col = _mark(event)
        return BranchcheckError.at(name, line, col, message)

    for event in events:
        kind = type(event)
        if kind is _SCALAR:
            if event.anchor is not None:
                raise fail(event, "anchors/aliases (&, *) are not supported; write the value out")
            if event.tag is not None:
                raise fail(event, f"YAML tag {event.tag!r} is not supported; remove it")
            mark = event.start_mark
            if top is not None and top.key is None and top.is_map:
                key = event.value
                if key in top.data:
                    first = top.pos.keys[key][0]
                    raise fail(event, f"duplicate key '{visible(key)}' (first at line {first})")
                if not key:
                    raise fail(event, "empty key; write `name: value`")
                if BAD_IN_KEY.search(key):
                    raise fail(
                        event, f"key '{visible(key)}' has invisible or extra spaces; retype it"
                    )
                top.key, top.key_mark = key, (mark.line + 1, mark.column + 1)
                continue
            value = event.value
            if not event.style:  # plain: libyaml says '', PyYAML None
                value = None if value in _NULLS else plain(value)
            elif event.style == '"' and _BAD_IN_VALUE.search(value):
                bad = _BAD_IN_VALUE.search(value)
                assert bad is not None
                raise fail(event, f"control/invisible character {visible(bad.group())} in value")
            scalar = ScalarPos(mark.line + 1, mark.column + 1)
            if top is None:
                root, root_pos = value, scalar
            elif top.is_map:
                top.data[top.key] = value
                top.pos.keys[top.key] = (*top.key_mark, scalar)
                top.key = None
            else:
                top.data.append(value)
                top.pos.items.append(scalar)
        elif kind is _MAP_START or kind is _SEQ_START:
            if event.anchor is not None:
                raise fail(event, "anchors/aliases (&, *) are not supported; write the value out")
            if event.tag is not None:
                raise fail(event, f"YAML tag {event.tag!r} is not supported; remove it")
            if top is not None and top.is_map and top.key is None:
                raise fail(event, "a key must be plain text, not a list or mapping")
            if len(stack) >= MAX_DEPTH:
                raise fail(event, f"nested deeper than {MAX_DEPTH} levels")
            line, col = _mark(event)
            if kind is _MAP_START:
                top = _Frame({}, MapPos(line, col))
            else:
                top = _Frame([], SeqPos(line, col))
            stack.append(top)
        elif kind is _MAP_END or kind is _SEQ_END:
            frame = stack.pop()
            top = stack[-1] if stack else None
            if top is None:
                root, root_pos = frame.data, frame.pos
            elif top.is_map:
                top.data[top.key] = frame.data
                top.pos.keys[top.key] = (*top.key_mark, frame.pos)
                top.key = None
            else:
                top.data.append(frame.data)
                top.pos.items.append(frame.pos)
        elif kind is yaml.AliasEvent:
            raise fail(event, "anchors/aliases (&, *) are not supported; write the value out")
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail(
                    event,
                    "only one document allowed per file; remove the second '---' and what follows",
                )
    if root_pos is None:
        raise BranchcheckError.at(name, 1, 1, "file is empty (only comments)")
    return root, root_pos
