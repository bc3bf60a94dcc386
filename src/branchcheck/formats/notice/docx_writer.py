"""A document as .docx (python-docx), set as a 党政机关公文 (GB/T 9704-2012), approximately:
A4, margins 37/35/28/26 mm, title 2号 方正小标宋简体 centred, body 3号 仿宋 with a two-character
first-line indent and a fixed line pitch (22 lines a page), headings 黑体 (一、) and 楷体
(（一）), signature and date at the right, page numbers `— 1 —` at the foot.

python-docx is imported here only: the `report` extra installs it."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from .document import DATE_RIGHT_CHARS, Block, Document

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体"
# Where a reader lacks a font, Word takes the font table's alternative name.
ALT_NAMES = {TITLE_FONT: "宋体", BODY_FONT: "仿宋_GB2312", HEADING2_FONT: "楷体_GB2312"}

TITLE_PT = 22  # 2号
TITLE_CHARS = 20  # 2号 characters on a line: 156 mm of text width / 22 pt
BODY_PT = 16  # 3号
FOOTER_PT = 14  # 4号
LINE_PT = 28.95  # 225 mm of text height / 22 lines
TITLE_LINE_PT = 35
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}


def text_width(text: str) -> float:
    """Width in body characters: ASCII digits and letters take half a character."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def title_lines(document: Document) -> list[str]:
    """The title in one line if it fits, else broken where the builder said (between words)."""
    title, at = document.title, document.title_break
    if text_width(title) <= TITLE_CHARS or not 0 < at < len(title):
        return [title]
    return [title[:at], title[at:]]


def _font(run: Run, east_asia: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    # Every script in the CJK font: “”, ‘’ and digits would otherwise be set in a Latin font
    # (LibreOffice ignores w:hint), half-width quotes in a Chinese sentence.
    run.font.name = east_asia
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")  # “”、… are CJK punctuation here, set in the CJK font


def _spacing(paragraph: Paragraph, line: float = LINE_PT, before: float = 0.0) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(0)


def _indent(paragraph: Paragraph, chars: float) -> None:
    from docx.shared import Pt

    paragraph.paragraph_format.first_line_indent = Pt(chars * BODY_PT)


def _page(doc: Any) -> None:
    from docx.shared import Mm

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(28 - 7 - 7)  # the page number sits about 7 mm below the text


def _footer(doc: Any) -> None:
    """`— 1 —`, centred (GB/T 9704 puts odd pages right and even left; centred reads as well)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph.add_run("— "), "宋体", FOOTER_PT)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    number = paragraph.add_run("1")
    _font(number, "宋体", FOOTER_PT)
    field.append(number._r)  # the field's shown value until the reader updates it
    _font(paragraph.add_run(" —"), "宋体", FOOTER_PT)


def _font_table(doc: Any) -> None:
    """Name each font's alternative in word/fontTable.xml (Word uses it when one is missing)."""
    from docx.oxml.ns import qn
    from lxml import etree

    part = next(p for p in doc.part.package.iter_parts() if p.partname.endswith("fontTable.xml"))
    root = etree.fromstring(part.blob)
    for name, alt in ALT_NAMES.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_thumbnail(doc: Any) -> None:
    """The template's preview picture is of another, empty page: a file browser would show it."""
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel_id)


def _body(doc: Any, block: Block) -> None:
    paragraph = doc.add_paragraph()
    _spacing(paragraph)
    _indent(paragraph, 2)
    if block.kind == "heading1":
        _font(paragraph.add_run(block.text), HEADING1_FONT, BODY_PT)
        return
    if block.kind == "heading2":
        _font(paragraph.add_run(block.text), HEADING2_FONT, BODY_PT)
        return
    if block.lead:
        _font(paragraph.add_run(block.lead), BODY_FONT, BODY_PT, bold=True)
    _font(paragraph.add_run(block.text), BODY_FONT, BODY_PT)


def _right(doc: Any, text: str, right_chars: float, before_lines: float = 0) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    _spacing(paragraph, before=before_lines * LINE_PT)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.right_indent = Pt(max(right_chars, 0) * BODY_PT)
    _font(paragraph.add_run(text), BODY_FONT, BODY_PT)


def to_docx(document: Document) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()
    _page(doc)
    _font_table(doc)
    doc.core_properties.title = document.title
    doc.core_properties.author = document.signature or ""
    doc.core_properties.comments = "由 branchcheck 生成"  # not python-docx's template note
    _drop_thumbnail(doc)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(title, line=TITLE_LINE_PT)
    title.paragraph_format.space_after = title.paragraph_format.line_spacing  # one blank line
    lines = title_lines(document)
    for i, line in enumerate(lines):
        run = title.add_run(line)
        _font(run, TITLE_FONT, TITLE_PT)
        if i < len(lines) - 1:
            run.add_break()  # a line break inside the one title paragraph
    if document.addressee:
        addressee = doc.add_paragraph()
        _spacing(addressee)
        _font(addressee.add_run(document.addressee), BODY_FONT, BODY_PT)
    for block in document.blocks:
        _body(doc, block)
    date_width = text_width(document.date) if document.date else 0.0
    if document.signature:
        # centred over the date, the date four characters in from the right margin
        offset = DATE_RIGHT_CHARS + (date_width - text_width(document.signature)) / 2
        _right(doc, document.signature, offset if document.date else DATE_RIGHT_CHARS, 2)
    if document.date:
        _right(doc, document.date, DATE_RIGHT_CHARS, 0 if document.signature else 2)
    _footer(doc)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_times(out.getvalue())


def _fixed_times(package: bytes) -> bytes:
    """The same package with every member dated 1980-01-01: python-docx stamps each with the
    clock, and the same document should be the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
