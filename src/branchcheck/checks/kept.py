"""What a rubric's own objects alone decide, kept across the ledgers of a batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

_KEPT: dict[tuple[int, int, str], tuple[object, object, Any]] = {}
KEPT_MAX = 4096  # entries kept at most: a process scoring against many rubrics starts over

T = TypeVar("T")


def kept(owner: object, what: str, make: Callable[[], T], also: object = None) -> T:
    """What one of the rubric's own objects (a check, a period's window list), or two of them,
    alone decide, such as a check's wording: made on first use and kept for the batch's other
    ledgers. The entry holds its owners, so their ids are not reused while it is here."""
    key = (id(owner), id(also), what)
    entry = _KEPT.get(key)
    if entry is not None and entry[0] is owner and entry[1] is also:
        found: T = entry[2]
        return found
    if len(_KEPT) >= KEPT_MAX:
        _KEPT.clear()
    value = make()
    _KEPT[key] = (owner, also, value)
    return value
