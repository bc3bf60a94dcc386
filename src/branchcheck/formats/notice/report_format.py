"""`report --format notice`: the batch's 通报 as .docx, and its text for the markdown report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import BinaryIO

from ...report.model import Summary
from ..report.base import ReportContext, no_fragment
from .bulletin import build_bulletin
from .document import DATE_RIGHT_CHARS
from .markdown_writer import document_lines

SECTION_TITLE = "通报正文"


class NoticeReport:
    needs_output = True  # a .docx
    writes_bulletin = True
    fragment = staticmethod(no_fragment)  # the 通报 reads the report model alone

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        from .docx_writer import to_docx

        out.write(to_docx(build_bulletin(context.summary, context.as_of)))


def markdown_section(summary: Summary, day: dt.date | None = None) -> Iterator[str]:
    """The 通报's text as a section of the markdown report (its headings one level down),
    ending with its signature and date."""
    if not summary.rubrics:
        return
    doc = build_bulletin(summary, day)
    lines = document_lines(doc, level=2)
    yield from ("", f"## {SECTION_TITLE}", "", *lines[2:])  # the report's title is the 通报's


def html_section(summary: Summary, day: dt.date | None = None) -> str:
    """The 通报's text as a section of the html report: headings h3/h4, paragraphs, the
    signature and date at the right as in the .docx. Empty when nothing was scored."""
    from ..report.html_parts import esc

    if not summary.rubrics:
        return ""
    doc = build_bulletin(summary, day)
    parts = [f'<section id="notice"><h2>{SECTION_TITLE}</h2>\n']
    if doc.addressee:
        parts.append(f"<p>{esc(doc.addressee)}</p>\n")
    for block in doc.blocks:
        if block.kind == "paragraph":
            lead = f"<strong>{esc(block.lead)}</strong>" if block.lead else ""
            parts.append(f'<p style="text-indent:2em">{lead}{esc(block.text)}</p>\n')
        else:
            tag = "h3" if block.kind == "heading1" else "h4"
            parts.append(f"<{tag}>{esc(block.text)}</{tag}>\n")
    signed = "".join(f'<p style="margin:0">{esc(t)}</p>' for t in (doc.signature, doc.date) if t)
    if signed:  # as in the .docx: the date four characters in, the issuer centred over it
        parts.append(
            '<div style="text-align:right;margin-top:2em"><div style="display:inline-block;'
            f'text-align:center;margin-right:{DATE_RIGHT_CHARS}em">{signed}</div></div>\n'
        )
    return "".join(parts) + "</section>\n"
