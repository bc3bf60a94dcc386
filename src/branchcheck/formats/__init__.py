"""One renderer per output format behind one small interface (see `base.ResultFormat`)."""

from __future__ import annotations

from .base import RenderOptions, ResultFormat
from .json_format import JsonFormat
from .markdown import MarkdownFormat
from .table import TableFormat

SCORE_FORMATS: dict[str, ResultFormat] = {
    "table": TableFormat(),
    "json": JsonFormat(),
    "markdown": MarkdownFormat(),
}

__all__ = ["SCORE_FORMATS", "RenderOptions", "ResultFormat"]
