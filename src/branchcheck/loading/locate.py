"""Map a path into the data (a pydantic `loc`, or our own) back to the user's line and column."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ..errors import Diagnostic, visible
from ..models.checks import CHECK_MODELS
from ..models.common import ID_PATTERN
from ..models.ledger_records import MONTH_PATTERN
from ..models.rubric import RUBRIC_ID_PATTERN
from .pos_tree import Pos, walk

Loc = Sequence[str | int]


def resolve(data: Any, loc: Loc) -> tuple[tuple[str | int, ...], str] | None:
    """The parts of `loc` the data holds, and a readable path (`norms[N03].check.min`).

    Parts the file does not hold (pydantic's union tags, a missing key) are skipped, so the
    path is that of the closest existing ancestor. List items are named by their `id`. None
    when a mapping on the way has a key that is not text (only the fast parse types keys):
    whether a part is there is then the strict parse's to say.
    """
    steps: list[str | int] = []
    path = ""
    for part in loc:
        if isinstance(data, dict):
            if not all(type(key) is str for key in data):
                return None
            if str(part) in data:
                steps.append(str(part))
                data = data[str(part)]
                path += f".{part}" if path else str(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            steps.append(part)
            data = data[part]
            label = data.get("id") if isinstance(data, dict) else None
            path += f"[{visible(label)}]" if isinstance(label, str) and label else f"[{part}]"
    return tuple(steps), path


def locate(pos: Pos, data: Any, loc: Loc, *, at_key: bool = False) -> tuple[int, int, str]:
    """Line, column and a readable path for `loc` in the strict parse's data and positions:
    the value's place, or with `at_key` its key's (when `loc` ends in a key)."""
    found = resolve(data, loc)
    assert found is not None  # the strict parse's keys are all text
    steps, path = found
    place = walk(pos, steps)
    assert place is not None  # `pos` has the data's shape
    line, col, key = place
    if at_key and key is not None:
        line, col = key
    return line, col, path


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = close_matches(word, list(choices), n=1, cutoff=0.6)
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


_MAX_SHOWN = 60
# The schema's patterns, in words a user can act on.
_PATTERN_WORDS = {
    ID_PATTERN: "an id of ASCII letters, digits, '_', '.' or '-'",
    RUBRIC_ID_PATTERN: "an id of lowercase ASCII letters, digits and '-'",
    MONTH_PATTERN: "a month like 2024-03",
}
# An id Excel turned into a number: 1.10105E+17, 1E+17.
_EXCEL_NUMBER = re.compile(r"\d+(?:\.\d+)?[eE][+-]?\d+")


def _shown(value: str | int | float | bool) -> str:
    """The offending value as the user wrote it, shortened when long (a 5000-digit number)."""
    text = visible(repr(value))
    if len(text) > _MAX_SHOWN:
        text = f"{text[: _MAX_SHOWN - 10]}...{text[-6:]} ({len(str(value))} characters)"
    return text


def _message(error: Any, model: type[Any]) -> str:
    kind = error["type"]
    loc = error["loc"]
    given = error.get("input")
    if given is None and kind in ("tuple_type", "list_type", "dict_type"):
        empty = "{}" if kind == "dict_type" else "[]"
        return f"the value is empty; write {empty} for none, or remove the line"
    if given is None and kind.endswith("_type"):
        return "a value is required here, but it is empty (or null)"
    if kind == "missing":
        return f"missing required key {loc[-1]!r}" if loc else "missing required key"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return f"unknown key '{visible(key)}'" + _suggest(key, _known_keys(model, loc[:-1]))
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tag = str(ctx.get("tag", given))
        expected = str(ctx.get("expected_tags", ""))
        names = [name.strip(" '") for name in expected.split(",")]
        return f"unknown check kind '{visible(tag)}'" + (
            _suggest(tag, names) or f" (expected one of: {', '.join(names)})"
        )
    if kind == "too_short" and error.get("ctx", {}).get("actual_length") == 0:
        return f"needs at least {error['ctx']['min_length']} item(s), but is empty"
    if kind == "string_pattern_mismatch" and str(error["ctx"]["pattern"]) in _PATTERN_WORDS:
        words = _PATTERN_WORDS[str(error["ctx"]["pattern"])]
        return f"expected {words}, got {_shown(given)}" + _excel_hint(given)
    if kind == "union_tag_not_found":
        kinds = ", ".join(CHECK_MODELS)
        if not isinstance(given, dict):
            shown = f", got {_shown(given)}" if isinstance(given, str | int | float) else ""
            return f"expected a check like {{kind: frequency, ...}}{shown}"
        if "kind" in given:
            return f"`kind` must be one of: {kinds}"
        return "missing required key 'kind' (the check kind)"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    elif isinstance(given, str | int | float | bool):
        message += f", got {_shown(given)}"
    return message + _excel_hint(given)


def _excel_hint(given: Any) -> str:
    if isinstance(given, str) and _EXCEL_NUMBER.fullmatch(given):
        return " (Excel turned this number into scientific notation; format the column as Text)"
    return ""


def _significant(errors: list[Any], model: type[Any]) -> list[Any]:
    """Drop the echoes of another error, so one mistake gives one line.

    - a list "too short after validation" because an item inside it failed;
    - a missing key whose misspelling sits next to it (`nmae:` for `name:`): the unknown
      key's line names the missing one in its suggestion.
    """
    deeper = [tuple(e["loc"]) for e in errors]
    misspelled = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            close = close_matches(str(loc[-1]), _known_keys(model, loc[:-1]), n=1, cutoff=0.6)
            misspelled |= {(*loc[:-1], name) for name in close}
    kept = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in deeper
        ):
            continue
        if error["type"] == "missing" and loc in misspelled:
            continue
        kept.append(error)
    return kept


def _as_written(data: Any, loc: Loc, given: Any) -> Any:
    """The scalar at `loc` as the strict parse read it (text as written), in place of the
    value pydantic reports, which some versions give after our readers converted it (`0`
    for `'0'`); anything else is left as pydantic gave it."""
    if not isinstance(given, str | int | float | bool):
        return given
    found = resolve(data, loc)
    if found is None:
        return given
    value = data
    for step in found[0]:
        value = value[step]
    return value if isinstance(value, str) else given


def diagnostics_from(
    exc: ValidationError, model: type[Any], name: str, data: Any, pos: Pos
) -> list[Diagnostic]:
    """One diagnostic per place; a union's several complaints about one value become one."""
    places: dict[tuple[int, int, str], tuple[str, list[Any]]] = {}
    kinds: dict[tuple[int, int, str], str] = {}
    for error in _significant(exc.errors(include_url=False), model):
        loc = error["loc"]
        given = error["input"] = _as_written(data, loc, error.get("input"))
        if error["type"] == "union_tag_invalid" or (
            error["type"] == "union_tag_not_found" and isinstance(given, dict) and "kind" in given
        ):
            loc = (*loc, "kind")  # point at the unknown kind itself
        at_key = error["type"] in ("extra_forbidden",)
        line, col, path = locate(pos, data, loc, at_key=at_key)
        place = (line, col, str(loc[-1]) if error["type"] == "missing" and loc else "")
        places.setdefault(place, (path, []))[1].append(error)
        # The same mistake in every item of a list (each date misspelled alike) is one kind.
        shape = ".".join("*" if isinstance(part, int) else str(part) for part in loc)
        kinds.setdefault(place, f"{error['type']}:{shape}")
    out = []
    for place, (path, errors) in places.items():
        line, col, _ = place
        # Our own messages (value errors) say more than pydantic's generic ones.
        own = [e for e in errors if e["type"] == "value_error"]
        message = (
            (_message(own[0], model) if own else None)
            or _union_message(errors)
            or _message(errors[0], model)
        )
        text = f"{path}: {message}" if path else message
        out.append(Diagnostic(name, line, col, text, group=kinds[place]))
    return out


# What each union member expects, for "expected a list or 'all', got 'everyone'".
_EXPECTED = {
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def _union_message(errors: list[Any]) -> str | None:
    """One message for the complaints of a union's members about one value, if all known."""
    if len(errors) < 2:
        return None
    wanted = []
    for error in errors:
        if error["type"] == "literal_error":
            wanted.append(str(error["ctx"]["expected"]))
        elif error["type"] in _EXPECTED:
            wanted.append(_EXPECTED[error["type"]])
        else:
            return None
    given = errors[0].get("input")
    got = f", got {_shown(given)}" if isinstance(given, str | int | float | bool) else ""
    return f"expected {' or '.join(dict.fromkeys(wanted))}{got}"


def close_matches(word: str, choices: list[str], n: int, cutoff: float) -> list[str]:
    return list(_close_matches(word, tuple(choices), n, cutoff))


# Bounded memo: a batch repeats the same misspellings against the same rubric's words, and
# difflib takes 0.03 ms a call there against 0.0003 ms (0.06 ms a ledger of the messy set
# less, measured). Keyed on the word and the vocabulary, never on a file's contents.
@lru_cache(maxsize=1024)
def _close_matches(word: str, choices: tuple[str, ...], n: int, cutoff: float) -> tuple[str, ...]:
    import difflib  # only when a suggestion is needed: keeps start-up short

    return tuple(difflib.get_close_matches(word, choices, n=n, cutoff=cutoff))
