"""A document as markdown: a title, the addressee, numbered headings, paragraphs, the
signature and date at the end."""

from __future__ import annotations

from ..escape import md_cell
from .document import Document

_LEVEL = {"heading1": "##", "heading2": "###"}


def _text(text: str) -> str:
    # Paragraph text is not a table cell, but the same escaping keeps `*`, `|` and `<` literal.
    return md_cell(text)


def document_lines(doc: Document, level: int = 1) -> list[str]:
    """The document's lines; `level` is its title's heading level (2 inside a report)."""
    shift = "#" * (level - 1)
    lines = [f"{'#' * level} {_text(doc.title)}", ""]
    if doc.addressee:
        lines += [_text(doc.addressee), ""]
    for block in doc.blocks:
        if block.kind in _LEVEL:
            lines += [f"{shift}{_LEVEL[block.kind]} {_text(block.text)}", ""]
        else:
            lead = f"**{_text(block.lead)}**" if block.lead else ""
            lines += [lead + _text(block.text), ""]
    for text in (doc.signature, doc.date):  # right-aligned in the docx; plain lines here
        if text:
            lines += [_text(text), ""]
    return lines[:-1] if lines and lines[-1] == "" else lines


def to_markdown(doc: Document) -> str:
    return "\n".join(document_lines(doc)) + "\n"
