"""The scoring engine: pure functions from (rubric, ledger) to a result."""

from .scoring import score

__all__ = ["score"]
