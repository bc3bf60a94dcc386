"""Shared pieces of the file models: the base config and lenient-but-exact scalar types."""

from __future__ import annotations

import datetime as dt
import math
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
        # Validators are built on first use: a model nested in another never needs one of its
        # own, and a command builds only the models it uses (~8 ms of a one-ledger run).
        defer_build=True,
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
# Dates far from any ledger's (year 9999, say) would overflow the calendar in term and window
# arithmetic; a Party ledger's dates lie well inside these bounds.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
_InRange = Field(ge=EARLIEST, le=LATEST)
Date = Annotated[
    Annotated[dt.date, _InRange] | Annotated[dt.date, BeforeValidator(_parse_other_date), _InRange],
    Field(union_mode="left_to_right"),
]


# One reading of a scalar, whichever parser read it. The fast parser (yaml-rs) types plain
# scalars by YAML 1.2's core schema; the strict one keeps every scalar as the text written. So
# each number-bearing field reads text with `yaml_number`, which gives the value yaml-rs gives
# for every spelling yaml-rs types (a test compares the two on generated spellings), and reads
# a few more. A field's value therefore never depends on the parser: `010`, `1_0` and `0xA`
# are 10 to both. Text fields (names, topics) refuse typed values instead, so a file that
# spells a name like a number goes to the strict parse, which keeps the text as written.
_DIGITS = re.compile(r"[0-9]+")
_RADIX = re.compile(r"0([xX][0-9a-fA-F_]*|[oO][0-7_]*|[bB][01_]*)")
_FLOAT = re.compile(r"(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_BASES = {"x": 16, "o": 8, "b": 2}
MAX_DIGITS = 4300  # Python's own limit for turning decimal text into an int


YAML_BOOLS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}


class Plain(str):
    """An unquoted scalar from the strict parse that YAML 1.2 reads as a number or a yes/no
    (yaml-rs gives those typed): the text as written, for fields that want the text."""

    __slots__ = ()


def plain(text: str) -> str:
    """`text` marked `Plain` if YAML 1.2 would type it; the strict parse calls this."""
    if text in YAML_BOOLS or yaml_number(text) is not None:
        return Plain(text)
    return text


def yaml_number(text: str) -> int | float | None:
    """The number a plain scalar means under YAML 1.2's core schema as yaml-rs reads it (a
    sign, then digits where underscores are ignored, 0x/0o/0b prefixes, `.inf`, `.nan`), or
    None when it is not a number. Exactly yaml-rs's reading: tests/bad_inputs/test_reformat.py
    compares the two on generated spellings."""
    if not text or text[0] not in "+-.0123456789_":
        return None  # the common case for text: decided by its first character
    sign, rest = (text[0], text[1:]) if text[0] in "+-" else ("", text)
    radix = _RADIX.fullmatch(rest)
    if radix:
        body = radix.group(1)
        digits = body[1:].replace("_", "")
        if not digits:
            return None
        value = int(digits, _BASES[body[0].lower()])
        return -value if sign == "-" else value
    core = rest.replace("_", "")
    if _DIGITS.fullmatch(core):
        if len(core) > MAX_DIGITS:
            return None  # too long to be an amount; kept as text by both paths
        value = int(core)
        return -value if sign == "-" else value
    if _FLOAT.fullmatch(core):
        return float(sign + core)
    lowered = rest.lower()
    if lowered == ".inf":
        return -math.inf if sign == "-" else math.inf
    if lowered == ".nan" and not sign:
        return math.nan
    return None


def number_text(value: int | float) -> str:
    """A number as a fact's text: 6000 for 6000, 6000.0 and 6_000; 0.96 for 0.960."""
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def _whole(value: Any) -> Any:
    if isinstance(value, str):
        number = yaml_number(value.strip())
        if number is None:
            return value  # pydantic says why it is not a whole number
        if not isinstance(number, int):
            raise ValueError(f"expected a whole number, got {value.strip()!r}")
        value = number
    if isinstance(value, bool | float):
        raise ValueError("expected a whole number")
    if isinstance(value, int) and value.bit_length() > 14_000:  # > 4300 digits, as text
        raise ValueError("number too long")
    return value


def _number(value: Any) -> Any:
    if isinstance(value, str):
        number = yaml_number(value.strip())
        if number is None or (isinstance(number, float) and not math.isfinite(number)):
            return value  # not a number, or `.inf`: pydantic's message shows the text as written
        value = number
    if isinstance(value, bool):
        raise ValueError("expected a number")
    if isinstance(value, int) and not -1e308 < value < 1e308:  # beyond any float
        raise ValueError("number too large")
    return value


def _yes_no(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


# The readers, for bounded fields: `Annotated[float, Field(gt=0), READ_NUMBER]` puts the bounds
# before the reader, inside the float schema that pydantic-core checks itself; bounds after it
# (`Annotated[Num, Field(gt=0)]`) run as two more Python calls per value (0.03 ms a ledger
# for its training hours, measured). Same errors either way.
READ_NUMBER = BeforeValidator(_number)
Int = Annotated[int, BeforeValidator(_whole)]
Num = Annotated[float, READ_NUMBER]
Flag = Annotated[bool, BeforeValidator(_yes_no)]

# Ids users grep for: letters, digits and a few separators, never a number typed by YAML.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Points = Annotated[float, Field(gt=0, le=10000), READ_NUMBER]


def _scalar_text(value: Any) -> Any:
    """A fact's value or an `expect`, as YAML 1.2 reads it: a plain number is a number (`010`
    and `10` are one; so are `1.10` and `1.1`), `true`/`True`/`TRUE` one yes; quoted text stays
    as written. yaml-rs has typed plain scalars already; the strict parse marks them `Plain`."""
    if isinstance(value, Plain):
        typed = YAML_BOOLS.get(value)
        value = yaml_number(value) if typed is None else typed
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 14_000:
        raise ValueError("number too long; put it in quotes if it is text")
    if isinstance(value, int | float):
        return number_text(value)
    return value


def plain_key(value: Any) -> Any:
    # The strict parse refuses keys padded with spaces (only quotes can make one); refuse
    # them here too, so the fast parse's data cannot slip one past it.
    if isinstance(value, str) and value != value.strip():
        raise ValueError(f"key {value!r} has extra spaces around it; retype it")
    return value


ScalarText = Annotated[str, BeforeValidator(_scalar_text), Field(max_length=2000)]
TextKey = Annotated[Text, BeforeValidator(plain_key)]
IdKey = Annotated[Id, BeforeValidator(plain_key)]
