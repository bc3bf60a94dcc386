"""`report --format html`: one self-contained page, escaped, deterministic, drawn by Chromium.

The batch is tests/files/batch (two rubrics, four branches, one broken file); see test_report.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, TEST_FILES, sha256

from branchcheck.formats.report import html_charts
from branchcheck.formats.report.html_parts import esc
from branchcheck.formats.report.html_style import tier_colours

BATCH = TEST_FILES / "batch"
FORMULA = '=HYPERLINK("http://x","点我")'
SHOWN = "=HYPERLINK(&quot;http&#58;//x&quot;,&quot;点我&quot;)"  # as it must appear in the page
SCRIPT = "<script>alert(1)</script>"


def injected_ledger(folder: Path) -> Path:
    """lz-fgw-01 with a name that holds an address and a parent that holds a script."""
    folder.mkdir(exist_ok=True)
    text = (EXAMPLES / "fgw" / "lz-fgw-01.yaml").read_text(encoding="utf-8")
    text, count = re.subn(
        r"(?m)^branch: .*$", f"branch: {{id: inj-01, name: '{FORMULA}', parent: '{SCRIPT}'}}", text
    )
    assert count == 1
    path = folder / "injected.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def page(run_line, out: Path, *sources: Path, options: str = "") -> tuple[int, str]:
    run = run_line(f"branchcheck report {' '.join(map(str, sources))} -f html -o {out} {options}")
    return run.code, out.read_text(encoding="utf-8")


def test_page_is_self_contained_and_escaped(run_line, tmp_path) -> None:
    code, text = page(run_line, tmp_path / "r.html", BATCH, injected_ledger(tmp_path / "in"))
    assert code == 2  # broken.yaml
    for reference in ("http://", "https://", 'src="//', "<script", "<link", "<img", "@import"):
        assert reference not in text, reference
    assert text.startswith("<!DOCTYPE html>\n") and text.endswith("</html>\n")
    for branch in ("b-ok", "b-q", "b-short", "b-d", "inj-01"):
        assert f'<span class="bid">{branch}</span>' in text
    assert SHOWN in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert '<section id="errors">' in text and str(BATCH / "broken.yaml") in text


def test_charts_are_inline_svg_per_rubric(run_line, tmp_path) -> None:
    _, text = page(run_line, tmp_path / "r.html", BATCH)
    svgs = re.findall(r"<svg [^>]*>", text)
    labels = [re.search(r'aria-label="([^"]+)"', s).group(1) for s in svgs]
    assert labels == ["等级分布", "各单位等级构成", "各支部各项规范得分热力图"] * 2  # mini, mini-b
    assert not any("xmlns" in s for s in svgs)
    assert "<!--" not in text and "<?xml" not in text and "<metadata" not in text
    ids = Counter(re.findall(r'\bid="([^"]+)"', text))
    assert ids and max(ids.values()) == 1  # several charts on one page: no id twice
    for ref in set(re.findall(r'(?:url\(#|href="#)([^")]+)', text)):
        assert ref in ids  # every reference resolves inside the page
    assert "<text" not in text  # labels drawn as paths: no font needed to view them


def test_sections_tables_and_tier_colours(run_line, tmp_path) -> None:
    _, text = page(run_line, tmp_path / "r.html", BATCH)
    assert "<h3>各单位情况</h3>" in text and "<h3>各项规范达标率（由低到高）</h3>" in text
    # weakest first in the list, each id linking to the branch's section
    listed = re.findall(r'<a href="#(g\d-b\d)">([^<]+)</a>', text)
    assert listed == [("g0-b2", "b-short"), ("g0-b0", "b-ok"), ("g0-b1", "b-q"), ("g1-b0", "b-d")]
    for anchor, _ in listed:
        assert f'<details class="branch" id="{anchor}" open>' in text
    assert '<td class="num">4.5</td><td><span class="st st-partial">部分达标</span></td>' in text
    assert "#g0 .tier-r0{--tier:#8d99ae}\n#g0 .tier-r1{--tier:#b71c1c}" in text
    assert '<span class="tier tier-r0">一般</span>' in text


def test_deterministic_across_jobs_and_needs_output(run_line, tmp_path) -> None:
    page(run_line, tmp_path / "one.html", BATCH, options="-j 1")
    page(run_line, tmp_path / "two.html", BATCH, options="-j 2")
    assert sha256(tmp_path / "one.html") == sha256(tmp_path / "two.html")
    run = run_line(f"branchcheck report {BATCH} -f html")
    assert run.code == 2 and run.out == ""
    assert "branchcheck: error: --format: html writes a file: add --output FILE" in run.err


def test_without_a_chinese_font_the_page_says_so(run_line, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(html_charts, "cjk_font", lambda: None)
    code, text = page(run_line, tmp_path / "r.html", BATCH / "ok.yaml")
    assert code == 0
    assert "本机未找到中文字体" in text and text.count("<svg ") == 3


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a<b>&c", "a&lt;b&gt;&amp;c"),
        ("\"'", "&quot;&#x27;"),
        ("see https://example.org", "see https&#58;//example.org"),
        ("bell\x07", "bell\\u0007"),
        ("第一党支部", "第一党支部"),
    ],
)
def test_escape(text: str, shown: str) -> None:
    assert esc(text) == shown


def test_tier_colours_run_from_grey_to_red() -> None:
    assert tier_colours(1) == ["#b71c1c"]
    assert tier_colours(3) == ["#8d99ae", "#e09a2e", "#b71c1c"]
    assert len(set(tier_colours(5))) == 5


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_headless_chromium_draws_the_page(run_line, tmp_path) -> None:
    page(run_line, tmp_path / "r.html", BATCH)
    shot = tmp_path / "r.png"
    done = subprocess.run(
        [
            str(ROOT / "scripts" / "screenshot_html.sh"),
            str(tmp_path / "r.html"),
            str(shot),
            "1200",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 1200 and height > 3000  # the whole page, not a window's worth of it
    assert f"({width}x{height})" in done.stdout
    assert len(data) > 30_000  # a blank page compresses to a few kilobytes
