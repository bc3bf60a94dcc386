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


def _parse_date(value: Any) -> Any:
    """Accept 2024-03-01 and the forms Chinese office users type (2024/3/1, 2024年3月1日)."""
    if isinstance(value, str):
        text = value.strip()
        match = _CN_DATE.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"not a real date: {text!r} ({exc})") from None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"expected a date like 2024-03-01, got {text!r}")
        return text
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date like 2024-03-01, not a date and time")
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"expected a date like 2024-03-01, got {value!r}")


Date = Annotated[dt.date, BeforeValidator(_parse_date)]

# Ids users grep for: letters, digits and a few separators, never a number typed by YAML.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Points = Annotated[float, Field(gt=0, le=10000)]


def _scalar_text(value: Any) -> Any:
    # Both parsers must give the same model: PyYAML (all strings) and yaml-rs (typed).
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return value


ScalarText = Annotated[str, BeforeValidator(_scalar_text), Field(max_length=2000)]
