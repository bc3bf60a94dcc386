"""One pure function per check kind, in a registry keyed by kind.

The registry's keys are the allowed `kind` values: a test holds them equal to the models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .assessors import rating_check
from .context import Context
from .dues import dues_check, dues_gap_check
from .gaps import gap_check
from .meetings import attendance_check, count_check, frequency_check, groups_check
from .members import talks_check, training_check
from .organization import structure_check, term_check
from .outcome import Outcome
from .records import fact_check

CheckFunction = Callable[[Any, Context], Outcome]

REGISTRY: dict[str, CheckFunction] = {
    "attendance": attendance_check,
    "count": count_check,
    "dues": dues_check,
    "dues_gap": dues_gap_check,
    "fact": fact_check,
    "frequency": frequency_check,
    "gap": gap_check,
    "groups": groups_check,
    "rating": rating_check,
    "structure": structure_check,
    "talks": talks_check,
    "term": term_check,
    "training": training_check,
}

__all__ = ["REGISTRY", "CheckFunction"]
