"""Every output format is wired, and renders every example without losing a norm."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT, TEST_FILES

from branchcheck.cli import ReportChoice, ScoreChoice
from branchcheck.engine import score
from branchcheck.formats import SCORE_FORMATS, RenderOptions
from branchcheck.formats.escape import md_cell
from branchcheck.formats.report import REPORT_FORMATS
from branchcheck.loading import read_ledger

LEDGERS = sorted(EXAMPLES.rglob("*.yaml")) + sorted((TEST_FILES / "ledgers").glob("*.yaml"))


def test_every_cli_format_has_a_renderer() -> None:
    assert {f.value for f in ScoreChoice} == set(SCORE_FORMATS)
    assert {f.value for f in ReportChoice} == set(REPORT_FORMATS)


@pytest.mark.parametrize("fmt", sorted(SCORE_FORMATS))
@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.name)
def test_every_format_renders_every_example(fmt: str, path) -> None:
    loaded = read_ledger(path)
    result = score(loaded.rubric, loaded.ledger)
    text = SCORE_FORMATS[fmt].render([result], RenderOptions(width=200))
    text.encode("utf-8")  # renders whole before anything is written
    if fmt == "json":
        assert [r["score"] for r in json.loads(text)] == [result.score]  # always an array
    for norm in result.norms:  # no norm lost, no cell cut
        assert norm.id in text
        if fmt == "markdown":
            assert md_cell(norm.detail) in text
        elif fmt == "table":  # long details wrap inside their column, never cut
            assert "…" not in text and norm.detail[:20] in text


@pytest.mark.parametrize(
    ("cell", "escaped"),
    [
        ("A|B", "A\\|B"),
        ("第一行\n第二行", "第一行<br>第二行"),
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("**粗体** [链接](javascript:x)", "\\*\\*粗体\\*\\* \\[链接\\](javascript:x)"),
        ("# 标题 `code|x`", "\\# 标题 \\`code\\|x\\`"),
        ("\x1b[2J", "\\\\u001b\\[2J"),  # shown as \u001b once rendered
    ],
)
def test_markdown_cells(cell: str, escaped: str) -> None:
    assert md_cell(cell) == escaped


def test_python_dash_m(tmp_path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "branchcheck",
            "score",
            str(TEST_FILES / "ledgers/mini-ok.yaml"),
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["score"] == 10
