"""Days given on the command line (`--as-of`, `--deadline`): one form, one message."""

from __future__ import annotations

import datetime as dt
import re

from .faults import UsageError

# YYYY-MM-DD only: `date.fromisoformat` also takes 20241201 and 2024-W48-7, which a ledger's
# dates may not be either (the same words as a bad date in a ledger).
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(option: str, value: str | None, default: dt.date | None = None) -> dt.date:
    """The day `option` gives, or `default` (today) when it was not given."""
    if value is None:
        return dt.date.today() if default is None else default
    text = value.strip()
    if _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:  # 2024-13-01, 2024-02-30
            pass
    raise UsageError(option, f"expected a date like 2024-12-01, got {value!r}")
