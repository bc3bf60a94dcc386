"""branchcheck: score Party branch standardization checklists from YAML ledgers.

The public API is `load_rubric`, `load_ledger` and `score`; `score` is pure.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# The API's names are imported on first use (PEP 562): importing the package, as every
# `branchcheck.*` import does, would otherwise build every pydantic model (~100 ms), which
# `--help`, `--version` and a command's argument errors never need.
_LAZY = {
    "score": ".engine",
    "BranchcheckError": ".errors",
    "Diagnostic": ".errors",
    "load_ledger": ".loading",
    "load_rubric": ".loading",
    "Ledger": ".models",
    "Result": ".models",
    "Rubric": ".models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
