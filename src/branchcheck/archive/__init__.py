"""The results archive: every scored ledger kept in one SQLite file, for `trend` and `diff`.

`report --archive FILE` writes one batch per run (store.Archive.write); `trend` and `diff`
read it back (query). Standard library only: sqlite3.
"""

from __future__ import annotations

from .record import Record, WithRecord, period_label, record_of, rubric_hash
from .schema import SCHEMA_VERSION
from .store import Archive, RubricInfo

__all__ = [
    "SCHEMA_VERSION",
    "Archive",
    "Record",
    "RubricInfo",
    "WithRecord",
    "period_label",
    "record_of",
    "rubric_hash",
]
