"""Which reader a ledger file needs, told by its name alone.

Apart from loading/workbook.py so that telling costs nothing: the workbook reader (~15 ms to
import) is imported only when a workbook is read.
"""

from __future__ import annotations

from pathlib import Path

WORKBOOK_SUFFIXES = (".xlsx",)


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES
