"""branchcheck: score Party branch standardization checklists from YAML ledgers.

The public API is `load_rubric`, `load_ledger` and `score`; `score` is pure.
"""

from .engine import score
from .errors import BranchcheckError, Diagnostic
from .loading import load_ledger, load_rubric
from .models import Ledger, Result, Rubric

__version__ = "0.1.0"

__all__ = [
    "BranchcheckError",
    "Diagnostic",
    "Ledger",
    "Result",
    "Rubric",
    "__version__",
    "load_ledger",
    "load_rubric",
    "score",
]
