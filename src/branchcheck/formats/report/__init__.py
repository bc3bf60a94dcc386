"""One writer per report format behind one interface (`base.ReportFormat`)."""

from __future__ import annotations

from ..registry import LazyRegistry
from .base import ReportContext, ReportFormat

REPORT_FORMATS: LazyRegistry[ReportFormat] = LazyRegistry(
    __name__,
    {
        "terminal": ".terminal_report:TerminalReport",
        "markdown": ".markdown_report:MarkdownReport",
        "json": ".json_report:JsonReport",
        "csv": ".csv_report:CsvReport",
        "xlsx": ".xlsx_report:XlsxReport",
        "html": ".html_report:HtmlReport",
        "notice": "..notice.report_format:NoticeReport",  # the 通报 as .docx
    },
)

__all__ = ["REPORT_FORMATS", "ReportContext", "ReportFormat"]
