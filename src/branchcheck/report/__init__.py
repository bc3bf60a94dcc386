"""Batch reports: many ledgers scored into one summary (pure logic; formats render it)."""

from .model import BranchRow, ErrorRecord, RubricMeta, RubricSummary, Summary

__all__ = ["BranchRow", "ErrorRecord", "RubricMeta", "RubricSummary", "Summary"]
