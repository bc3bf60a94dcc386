"""Result parts shared between results: made once per distinct value, kept per rubric."""

from __future__ import annotations

from typing import Any, TypeVar

from ..models.result import ResultModel

# Result parts kept per norm, work norm or dimension (see `shared`): a batch's ledgers give a few
# dozen distinct ones each, the common ones early. Past this many, new parts are made unshared
# (a memo that starts over would lose the common ones; one that grew would hold a province).
PARTS_KEPT = 64  # 32, 64 and 128 score the messy set alike; 64 holds ~2.5 MB

K = TypeVar("K")
M = TypeVar("M", bound=ResultModel)


def shared(memo: dict[K, M], key: K, fields: dict[str, Any], model: type[M]) -> M:
    """The result part `model` of `fields`, made once per distinct `key` (which must decide
    the fields) and shared by every result that has it: result models are frozen, and most
    parts repeat across a batch's ledgers (a norm met, in the same words). Validating each
    anew cost ~1 µs a part, 80 parts a ledger."""
    found = memo.get(key)
    if found is None:
        found = model.model_validate(fields)
        if len(memo) < PARTS_KEPT:
            memo[key] = found
    return found
