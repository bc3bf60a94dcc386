"""Map a path into the data (a pydantic `loc`, or our own) back to the user's line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ..errors import Diagnostic, visible
from ..models.checks import CHECK_MODELS
from .positions import MapPos, Pos, SeqPos

Loc = Sequence[str | int]


def locate(pos: Pos, data: Any, loc: Loc, *, at_key: bool = False) -> tuple[int, int, str]:
    """Line, column and a readable path (`norms[N03].check.min`) for `loc`.

    Parts the file does not hold (pydantic's union tags, a missing key) are skipped, so the
    position is that of the closest existing ancestor. List items are named by their `id`.
    """
    line, col = pos.line, pos.col
    path = ""
    last_key: tuple[int, int] | None = None
    for part in loc:
        if isinstance(pos, MapPos) and str(part) in pos.keys:
            key_line, key_col, pos = pos.keys[str(part)]
            last_key = (key_line, key_col)
            data = data.get(str(part)) if isinstance(data, dict) else None
            path += f".{part}" if path else str(part)
        elif isinstance(pos, SeqPos) and isinstance(part, int) and 0 <= part < len(pos.items):
            pos = pos.items[part]
            item = data[part] if isinstance(data, list) and part < len(data) else None
            label = item.get("id") if isinstance(item, dict) else None
            path += f"[{visible(label)}]" if isinstance(label, str) and label else f"[{part}]"
            data = item
            last_key = None
        else:
            continue
        line, col = pos.line, pos.col
    if at_key and last_key is not None:
        line, col = last_key
    return line, col, path


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _known_keys(model: type[Any], loc: Loc) -> list[str]:
    """Field names of the model(s) at `loc`, found by walking the models' annotations."""
    current = {model}
    for part in loc:
        if isinstance(part, int):
            continue
        if part in CHECK_MODELS:
            current = {CHECK_MODELS[part]}
            continue
        following: set[type[BaseModel]] = set()
        for cls in current:
            field = cls.model_fields.get(part)
            if field is not None:
                following |= _models_in(field.annotation)
        current = following or current
    return sorted({name for cls in current for name in cls.model_fields})


def _models_in(annotation: Any) -> set[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    found: set[type[BaseModel]] = set()
    for arg in get_args(annotation):
        found |= _models_in(arg)
    return found


def _message(error: Any, model: type[Any]) -> str:
    kind = error["type"]
    loc = error["loc"]
    given = error.get("input")
    if kind == "missing":
        return f"missing required key {loc[-1]!r}" if loc else "missing required key"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return f"unknown key {visible(key)!r}" + _suggest(key, _known_keys(model, loc[:-1]))
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tag = str(ctx.get("tag", given))
        expected = str(ctx.get("expected_tags", ""))
        names = [name.strip(" '") for name in expected.split(",")]
        return f"unknown check kind {visible(tag)!r}" + (
            _suggest(tag, names) or f" (expected one of: {', '.join(names)})"
        )
    if kind == "union_tag_not_found":
        return "missing required key 'kind' (the check kind)"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    elif isinstance(given, str | int | float | bool) and not isinstance(given, dict):
        message += f", got {visible(repr(given))}"
    return message


def diagnostics_from(
    exc: ValidationError, model: type[Any], name: str, data: Any, pos: Pos
) -> list[Diagnostic]:
    """One diagnostic per place; a union's several complaints about one value become one."""
    seen: set[tuple[int, int, str]] = set()
    out: list[Diagnostic] = []
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        at_key = error["type"] in ("extra_forbidden",)
        line, col, path = locate(pos, data, loc, at_key=at_key)
        # A union reports each member's complaint about one value; keep the first.
        place = (line, col, str(loc[-1]) if error["type"] == "missing" and loc else "")
        if place in seen:
            continue
        seen.add(place)
        message = _message(error, model)
        out.append(Diagnostic(name, line, col, f"{path}: {message}" if path else message))
    return out
