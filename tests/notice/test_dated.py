"""The 通报 carries its date (成文日期): `report --as-of`, default today, under the signature in
the .docx and at the end of the markdown and html 通报正文; refused where no 通报 is written."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from conftest import EXAMPLES
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from branchcheck.cn_dates import cn_date
from branchcheck.formats.notice.bulletin import build_bulletin
from branchcheck.formats.notice.docx_writer import text_width
from branchcheck.formats.report import REPORT_FORMATS

from .helpers import FGW, summary_of

ANNUAL_PATHS = sorted(FGW.glob("lz-fgw-??.yaml"))
ANNUAL = " ".join(str(p) for p in ANNUAL_PATHS)
MIXED = f"{EXAMPLES / 'five-star'} {ANNUAL_PATHS[0]}"  # branches of several organisations
SIGNER = "市发改委机关党委"
REPORT_DUE = "3.按时报送整改报告。"


def paragraphs(path):
    return docx.Document(io.BytesIO(path.read_bytes())).paragraphs


@pytest.mark.parametrize(
    ("day", "date", "due"),
    [
        (dt.date(2024, 12, 2), "2024年12月2日", "各党支部要于2025年1月1日前将整改报告"),
        (dt.date(2025, 2, 1), "2025年2月1日", "各党支部要于2025年3月3日前将整改报告"),
        (None, None, "各党支部要将整改报告"),  # undated (the Python API's default)
    ],
)
def test_the_date_and_the_day_the_report_is_due(
    day: dt.date | None, date: str | None, due: str
) -> None:
    doc = build_bulletin(summary_of(ANNUAL_PATHS), day)
    assert doc.date == date
    text = next(b.text for b in doc.blocks if b.lead == REPORT_DUE)
    assert text.startswith(f"整改完成后，{due}")
    assert "自通报印发之日起30日内完成整改" in "".join(b.text for b in doc.blocks)


# The formats that write no 通报, by name: the registry must say the same.
UNDATED = ["terminal", "json", "csv", "xlsx"]


def test_the_registry_says_which_formats_write_the_bulletin() -> None:
    assert [n for n in REPORT_FORMATS if not REPORT_FORMATS[n].writes_bulletin] == UNDATED


@pytest.mark.parametrize("fmt", UNDATED)
def test_as_of_is_refused_where_no_bulletin_is_written(run_line, tmp_path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    run = run_line(f"branchcheck report {ANNUAL} -f {fmt} --as-of 2024-12-31 -o {out}")
    assert (run.code, run.out) == (2, "")
    assert run.err_lines == [
        f"branchcheck: error: --as-of: dates the 通报, which {fmt} does not write:"
        " use --format markdown, html or notice"
    ]
    assert not out.exists()


def test_as_of_is_refused_with_compare_rubric(run_line) -> None:
    run = run_line(f"branchcheck report {ANNUAL} --compare-rubric lanzhou-6543 --as-of 2024-12-31")
    assert (run.code, run.out) == (2, "")
    assert len(run.err_lines) == 1
    assert run.err_lines[0].startswith("branchcheck: error: --compare-rubric: not with --as-of")


def test_the_help_names_the_formats_the_registry_dates() -> None:
    import typer

    from branchcheck.cli import app

    command = typer.main.get_command(app).commands["report"]  # type: ignore[attr-defined]
    option = next(p for p in command.params if "--as-of" in p.opts)
    dated = [n for n in REPORT_FORMATS if REPORT_FORMATS[n].writes_bulletin]
    assert f"({', '.join(dated)})" in option.help


def test_docx_date_under_the_signature_four_characters_in(run_line, tmp_path) -> None:
    out = tmp_path / "通报.docx"
    run = run_line(f"branchcheck report {ANNUAL} -f notice --as-of 2024-12-31 -o {out}")
    assert run.code == 0, run.err
    *_, signature, date = paragraphs(out)
    assert (signature.text, date.text) == (SIGNER, "2024年12月31日")
    assert signature.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.right_indent == Pt(4 * 16)
    # the issuer centred over the date: the same middle, measured from the right margin
    middle = 4 + text_width("2024年12月31日") / 2
    signed = signature.paragraph_format.right_indent.pt / 16 + text_width(SIGNER) / 2
    assert abs(signed - middle) < 0.01
    assert any("于2025年1月30日前将整改报告" in p.text for p in paragraphs(out))


def test_a_batch_of_several_organisations_is_dated_unsigned(run_line, tmp_path) -> None:
    out = tmp_path / "通报.docx"
    run = run_line(f"branchcheck report {MIXED} -f notice --as-of 2024-12-31 -o {out}")
    assert run.code == 0, run.err
    *_, last_text, date = paragraphs(out)
    assert date.text == "2024年12月31日" and date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert "开展跟踪检查。下一轮互查考评" in last_text.text  # no signature line before it
    assert any("报送上级党组织" in p.text for p in paragraphs(out))


def test_markdown_section_ends_with_signature_then_date(run_line) -> None:
    run = run_line(f"branchcheck report {ANNUAL} -f markdown --as-of 2024-12-31")
    assert run.code == 0, run.err
    section = run.out[run.out.index("## 通报正文") :].splitlines()
    assert section[-3:] == [SIGNER, "", "2024年12月31日"]
    assert any("于2025年1月30日前将整改报告" in line for line in section)


def test_html_section_ends_with_signature_then_date(run_line, tmp_path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "r.html"
    run = run_line(f"branchcheck report {ANNUAL} -f html --as-of 2024-12-31 -o {out}")
    assert run.code == 0, run.err
    page = out.read_text(encoding="utf-8")
    section = page[page.index('<section id="notice">') :]
    section = section[: section.index("</section>")]
    # one block four characters in from the right, the issuer centred over the date
    assert section.endswith(
        '<div style="text-align:right;margin-top:2em"><div style="display:inline-block;'
        f'text-align:center;margin-right:4em"><p style="margin:0">{SIGNER}</p>'
        '<p style="margin:0">2024年12月31日</p></div></div>\n'
    )


@pytest.mark.parametrize("fmt", ["markdown", "notice"])
def test_the_default_is_today(run_line, tmp_path, fmt: str) -> None:
    out = tmp_path / "通报"
    before = dt.date.today()
    run = run_line(f"branchcheck report {ANNUAL} -f {fmt} -o {out}")
    assert run.code == 0, run.err
    days = {cn_date(before), cn_date(dt.date.today())}  # the run may cross midnight
    if fmt == "markdown":
        last = out.read_text(encoding="utf-8").splitlines()[-1]
    else:
        last = paragraphs(out)[-1].text
    assert last in days


def test_markdown_of_several_organisations_ends_with_the_date_alone(run_line) -> None:
    run = run_line(f"branchcheck report {MIXED} -f markdown --as-of 2024-12-31")
    assert run.code == 0, run.err
    *_, last_text, blank, date = run.out.splitlines()
    assert (blank, date) == ("", "2024年12月31日")
    assert "开展跟踪检查。" in last_text  # nobody signs
