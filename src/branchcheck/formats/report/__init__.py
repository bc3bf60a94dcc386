"""One writer per report format behind one interface (`base.ReportFormat`)."""

from __future__ import annotations

from .base import ReportContext, ReportFormat
from .csv_report import CsvReport
from .html_report import HtmlReport
from .json_report import JsonReport
from .markdown_report import MarkdownReport
from .terminal_report import TerminalReport
from .xlsx_report import XlsxReport

REPORT_FORMATS: dict[str, ReportFormat] = {
    "terminal": TerminalReport(),
    "markdown": MarkdownReport(),
    "json": JsonReport(),
    "csv": CsvReport(),
    "xlsx": XlsxReport(),
    "html": HtmlReport(),
}

__all__ = ["REPORT_FORMATS", "ReportContext", "ReportFormat"]
