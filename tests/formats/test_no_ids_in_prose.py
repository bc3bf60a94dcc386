"""No internal id in what an evaluator reads: a dimension, member or ledger field id never sits
inside Chinese text, in any format of `score` or `report`, for any shipped example. (Norm and
work-norm ids are meant to be read, always beside their names: `N17（按月交纳党费）`.)"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import EXAMPLES

from branchcheck.engine import score
from branchcheck.formats import SCORE_FORMATS, RenderOptions
from branchcheck.loading import read_ledger

CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]"
IDS = (
    r"(?:M\d\d|evaluation|political|organization|org_life|members|support|setup|bonus"
    r"|ratings|committee|elected|for_year|excused|dues_exceptions|common)"
)
LEAK = re.compile(rf"{CJK}{IDS}(?![A-Za-z_])|(?<![A-Za-z_]){IDS}{CJK}")
LEDGERS = sorted(EXAMPLES.rglob("*.yaml"))


def leaks(text: str) -> list[str]:
    return [text[max(m.start() - 12, 0) : m.end() + 12] for m in LEAK.finditer(text)]


def strings(data: Any) -> Iterator[str]:
    """Every string value of a JSON document (its keys and id fields are English by design)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def test_the_pattern_finds_a_leak() -> None:
    assert (
        leaks("须先解决：evaluation")
        and leaks("孙海霞（M18）连续6个月")
        and leaks("在台账ratings中")
    )
    assert not leaks("考核评价标准化得分率24%，低于80%") and not leaks('"dimension": "org_life"')


@pytest.mark.parametrize("fmt", sorted(SCORE_FORMATS))
@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.name)
def test_score_output_names_no_internal_id(fmt: str, path) -> None:
    loaded = read_ledger(path)
    text = SCORE_FORMATS[fmt].render([score(loaded.rubric, loaded.ledger)], RenderOptions(120))
    found = (
        [s for value in strings(json.loads(text)) for s in leaks(value)]
        if fmt == "json"
        else leaks(text)
    )
    assert found == []


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "csv", "json"])
def test_report_text_names_no_internal_id(run_line, fmt: str) -> None:
    run = run_line(f"branchcheck report {EXAMPLES} -f {fmt}")
    assert run.code == 0, run.err
    if fmt == "json":
        assert [s for value in strings(json.loads(run.out)) for s in leaks(value)] == []
    else:
        assert leaks(run.out) == []


def test_report_html_names_no_internal_id(run_line, tmp_path) -> None:
    out = tmp_path / "report.html"
    assert run_line(f"branchcheck report {EXAMPLES} -f html -o {out}").code == 0
    page = out.read_text(encoding="utf-8")
    body = re.sub(r"<style>.*?</style>|<svg.*?</svg>", "", page, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)  # attributes (class, id) are not read
    assert leaks(text) == []


def test_report_xlsx_names_no_internal_id(run_line, tmp_path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "report.xlsx"
    assert run_line(f"branchcheck report {EXAMPLES} -f xlsx -o {out}").code == 0
    book = openpyxl.load_workbook(out, read_only=True)
    found = [
        leak
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
        for leak in leaks(cell)
    ]
    assert found == []


@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.name)
def test_notice_names_no_internal_id(run_line, path) -> None:
    run = run_line(f"branchcheck notice {path} --as-of 2025-01-10 -f markdown")
    assert run.code == 0, run.err
    assert leaks(run.out) == []


def test_report_notice_names_no_internal_id(run_line, tmp_path) -> None:
    import docx

    out = tmp_path / "report.docx"
    assert run_line(f"branchcheck report {EXAMPLES} -f notice -o {out}").code == 0
    assert leaks("\n".join(p.text for p in docx.Document(str(out)).paragraphs)) == []
