"""One renderer per output format behind one small interface (see `base.ResultFormat`)."""

from __future__ import annotations

from .base import RenderOptions, ResultFormat
from .registry import LazyRegistry

SCORE_FORMATS: LazyRegistry[ResultFormat] = LazyRegistry(
    __name__,
    {
        "table": ".table:TableFormat",
        "json": ".json_format:JsonFormat",
        "markdown": ".markdown:MarkdownFormat",
    },
)

__all__ = ["SCORE_FORMATS", "RenderOptions", "ResultFormat"]
