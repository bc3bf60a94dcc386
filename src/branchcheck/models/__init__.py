"""Typed models: the rubric and ledger files users write, and the result we compute."""

from .ledger import Ledger
from .result import Result
from .rubric import Rubric

__all__ = ["Ledger", "Result", "Rubric"]
