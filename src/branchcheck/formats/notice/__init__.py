"""Documents an office sends: the 整改通知书 for one branch and the 通报 for a batch.

Each is built as a small `Document` (title, addressee, headings, paragraphs, signature, date)
by a pure text builder (`letter`, `bulletin`), then written by a renderer of that structure
(`docx_writer` with python-docx, `markdown_writer`).
"""

from __future__ import annotations

from .document import Block, Document

__all__ = ["Block", "Document"]
