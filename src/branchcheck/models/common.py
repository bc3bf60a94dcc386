"""Shared pieces of the file models: the base config and lenient-but-exact scalar types."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


class FileModel(BaseModel):
    """Base of every model read from a user's file: frozen, unknown keys refused."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,  # also strips NBSP and U+3000 padding around values
        allow_inf_nan=False,
    )


_CN_DATE = re.compile(r"^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$")


def _parse_other_date(value: Any) -> Any:
    """The forms Chinese office users type (2024/3/1, 2024.3.1, 2024年3月1日, 2024-3-1)."""
    if isinstance(value, str):
        text = value.strip()
        match = _CN_DATE.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"not a real date: {text!r} ({exc})") from None
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date like 2024-03-01, not a date and time")
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"expected a date like 2024-03-01, got {value!r}")


# ISO dates are parsed by pydantic itself (no Python call: a ledger holds hundreds of
# dates); only what it refuses is tried in the other spellings, whose message then wins.
Date = Annotated[
    dt.date | Annotated[dt.date, BeforeValidator(_parse_other_date)],
    Field(union_mode="left_to_right"),
]


# The fast parser (yaml-rs) types scalars by YAML 1.2; the strict one keeps them as text. These
# refuse the typed values that pydantic would coerce but the text would not (`true` -> 1,
# `3.0` -> 3, `1.0` -> True), so the fast path falls back instead of disagreeing.
def _whole(value: Any) -> Any:
    if isinstance(value, bool | float):
        raise ValueError("expected a whole number")
    if isinstance(value, int) and value.bit_length() > 14_000:  # > 4300 digits, as text
        raise ValueError("number too long")
    return value


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number")
    return value


def _yes_no(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


Int = Annotated[int, BeforeValidator(_whole)]
Num = Annotated[float, BeforeValidator(_number)]
Flag = Annotated[bool, BeforeValidator(_yes_no)]

# Ids users grep for: letters, digits and a few separators, never a number typed by YAML.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Points = Annotated[Num, Field(gt=0, le=10000)]


def _scalar_text(value: Any) -> Any:
    # Both parsers must give the same model: PyYAML (all strings) and yaml-rs (typed). The
    # fast path's guards keep numbers whose spelling repr() would not give back (010, 1.10,
    # 1e3) away from these fields, so a typed number or boolean reads back as written.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower()  # True, TRUE and true: one fact, whichever parser read it
    return value


ScalarText = Annotated[str, BeforeValidator(_scalar_text), Field(max_length=2000)]
