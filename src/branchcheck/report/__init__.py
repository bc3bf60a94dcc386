"""Batch reports: many ledgers scored into one summary (pure logic; formats render it)."""

from .model import RubricSummary, Summary
from .rows import BranchRow, ErrorRecord, RubricMeta

__all__ = ["BranchRow", "ErrorRecord", "RubricMeta", "RubricSummary", "Summary"]
