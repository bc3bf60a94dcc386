"""What a check answers: every check function returns one, and the engine scores it."""

from __future__ import annotations

from typing import NamedTuple


# A named tuple, immutable as a frozen dataclass was but made about 1 µs faster: some 40 are
# made per ledger.
class Outcome(NamedTuple):
    """A check's answer: `fraction` in [0, 1] (None: not applicable), misses and a detail."""

    fraction: float | None
    misses: int
    detail: str
    unrated: bool = False
    # For the rubric's own words (`met_text` / `missed_text`): the value found (a fact's value,
    # for `{value}`), and whether the rubric may replace this detail at all (not when the
    # ledger left the thing unrecorded: that is worth saying as it is).
    value: str | None = None
    replaceable: bool = True
