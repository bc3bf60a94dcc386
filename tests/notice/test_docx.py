"""The .docx read back with python-docx: its text, fonts and page as a 公文 sets them."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from branchcheck.formats.notice.bulletin import build_bulletin
from branchcheck.formats.notice.document import Document
from branchcheck.formats.notice.docx_writer import text_width, title_lines, to_docx
from branchcheck.formats.notice.letter import build_letter

from .helpers import FGW, scored, summary_of


@pytest.fixture(scope="module")
def letter() -> docx.document.Document:
    result, rule = scored(FGW / "lz-fgw-11.yaml")
    doc = build_letter(result, rule, dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    return docx.Document(io.BytesIO(to_docx(doc)))


def east_asia(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_paragraphs_are_the_documents_lines(letter) -> None:
    texts = [p.text for p in letter.paragraphs]
    assert texts[0] == "关于市发展和改革委员会价格认证中心党支部\n党建工作整改的通知"  # two lines
    assert texts[1] == "市发展和改革委员会价格认证中心党支部："
    assert "问题：发展党员存在违规问题，扣2分。" in texts
    assert texts[-2:] == ["中共兰州市委直属机关工委", "2024年12月1日"]


def test_a4_with_the_gbt9704_margins(letter) -> None:
    section = letter.sections[0]
    sizes = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(size.mm) for size in sizes] == [210, 297, 37, 35, 28, 26]  # stored in twips


@pytest.mark.parametrize(
    ("text", "font", "size", "bold"),
    [
        ("党建工作整改的通知", "方正小标宋简体", 22, False),
        ("一、存在的问题和整改要求", "黑体", 16, False),
        ("（一）N18（发展党员程序规范，否决项）", "楷体", 16, False),
        ("问题：", "仿宋", 16, True),  # the lead-in
        ("发展党员存在违规问题，扣2分。", "仿宋", 16, False),
        ("2024年12月1日", "仿宋", 16, False),
    ],
)
def test_fonts(letter, text: str, font: str, size: int, bold: bool) -> None:
    run = next(r for p in letter.paragraphs for r in p.runs if r.text == text)
    assert (east_asia(run), run.font.size, bool(run.font.bold)) == (font, Pt(size), bold)


def test_title_centred_body_indented_two_characters(letter) -> None:
    title, addressee, opening = letter.paragraphs[:3]
    assert title.alignment == 1  # CENTER
    assert addressee.paragraph_format.first_line_indent in (None, 0)
    assert opening.paragraph_format.first_line_indent == Pt(32)
    assert opening.paragraph_format.line_spacing == Pt(28.95)


def test_signature_centred_over_the_date_four_characters_in(letter) -> None:
    signature, date = letter.paragraphs[-2:]
    assert date.alignment == signature.alignment == 2  # RIGHT
    assert date.paragraph_format.right_indent == Pt(4 * 16)
    centre = 4 * 16 + text_width("2024年12月1日") * 16 / 2
    left_over = centre - text_width("中共兰州市委直属机关工委") * 16 / 2
    assert abs(signature.paragraph_format.right_indent - Pt(left_over)) <= Pt(0.1)


def test_page_number_and_font_fallbacks(letter) -> None:
    footer = letter.sections[0].footer.paragraphs[0]
    assert footer._p.xpath(".//w:fldSimple/@w:instr") == ["PAGE"]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    table = next(
        p for p in letter.part.package.iter_parts() if p.partname.endswith("fontTable.xml")
    )
    assert "方正小标宋简体".encode() in table.blob and "仿宋_GB2312".encode() in table.blob


def test_bulletin_docx() -> None:
    summary = summary_of(sorted(FGW.glob("lz-fgw-??.yaml")))
    read = docx.Document(io.BytesIO(to_docx(build_bulletin(summary))))
    texts = [p.text for p in read.paragraphs]
    assert texts[0] == "关于2024年度\n党支部标准化规范化建设考评情况的通报"
    assert "五、整改要求" in texts and texts[-1] == "市发改委机关党委"


def test_the_same_document_is_the_same_bytes() -> None:
    result, rule = scored(FGW / "lz-fgw-11.yaml")
    doc = build_letter(result, rule, dt.date(2024, 12, 1), dt.date(2024, 12, 31))
    first = to_docx(doc)
    assert to_docx(doc) == first and docx.Document(io.BytesIO(first)).paragraphs[0].text


def test_no_preview_picture_of_another_page(letter) -> None:
    names = [str(p.partname) for p in letter.part.package.iter_parts()]
    assert not any("thumbnail" in name for name in names)
    assert letter.core_properties.title.startswith("关于") and letter.core_properties.comments


@pytest.mark.parametrize(
    ("title", "at", "lines"),
    [
        (
            "关于城关区和平路街道和平社区党支部党建工作整改的通知",
            17,
            ["关于城关区和平路街道和平社区党支部", "党建工作整改的通知"],
        ),
        (
            "关于某党支部党建工作整改的通知",
            7,
            ["关于某党支部党建工作整改的通知"],
        ),  # fits on one line
        (
            "关于2024年度和2024年第三季度党支部标准化规范化建设考评情况的通报",
            18,
            ["关于2024年度和2024年第三季度", "党支部标准化规范化建设考评情况的通报"],
        ),
    ],
)
def test_a_long_title_breaks_between_words(title: str, at: int, lines: list[str]) -> None:
    doc = Document(title, None, (), title_break=at)
    assert title_lines(doc) == lines
    read = docx.Document(io.BytesIO(to_docx(doc)))
    assert read.paragraphs[0].text == "\n".join(lines)  # one paragraph, a line break inside
