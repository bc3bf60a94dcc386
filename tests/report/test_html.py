"""`report --format html`: one self-contained page, escaped, deterministic, drawn by Chromium.

The batch is tests/files/batch (two rubrics, four branches, one broken file); see test_report.py.
"""

from __future__ import annotations

import io
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
    # mini over half-years, mini over a quarter, mini-b
    assert labels == ["等级分布", "各单位等级构成", "各支部各项规范得分热力图"] * 3
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
    assert listed == [("g0-b1", "b-short"), ("g0-b0", "b-ok"), ("g1-b0", "b-q"), ("g2-b0", "b-d")]
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
    assert "未找到中文字体" in text and text.count("<svg ") == 3
    assert "~/.cache/matplotlib" in text  # what to do after installing one


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


def drawn(monkeypatch) -> dict[str, tuple]:
    """What each chart is asked to draw, by chart (the last call of each)."""
    calls: dict[str, tuple] = {}
    for name in ("tier_chart", "org_chart", "heatmap"):
        real = getattr(html_charts, name)

        def record(*args, _name=name, _real=real):
            calls.setdefault(_name, args)  # the first group's: beside the first tables
            return _real(*args)

        monkeypatch.setattr(html_charts, name, record)
    return calls


def table_after(text: str, heading: str) -> list[list[str]]:
    """The rows of the first table after an <h3>, as cell texts."""
    part = text.split(f"<h3>{heading}</h3>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", part, re.S)
    return [
        [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r)]
        for r in rows
    ]


def test_charts_are_ordered_like_the_tables_beside_them(run_line, tmp_path, monkeypatch) -> None:
    calls = drawn(monkeypatch)
    _, text = page(run_line, tmp_path / "r.html", EXAMPLES / "fgw")
    _, names, counts, _, counted = calls["tier_chart"]
    tiers = table_after(text, "等级分布")
    assert tiers[0] == ["等级", "支部数", "占比"] and counted == "支部数"  # the annual group
    assert [(n, str(c)) for n, c in zip(names, counts, strict=True)] == [
        (row[0], row[1]) for row in tiers[1:]
    ]  # highest tier first in both
    _, orgs, tier_names, _, _ = calls["org_chart"]
    org_table = table_after(text, "各单位情况")
    assert [name for name, _ in orgs] == [row[0] for row in org_table[1:]]
    assert list(tier_names) == org_table[0][2:-2]  # stacked as the table's columns
    _, rows, norm_ids, _ = calls["heatmap"]
    norms = table_after(text, "各项检查内容达标率（由低到高）")
    assert list(norm_ids) == [r[0] for r in norms[1:] if r[2] != "加分项目"]
    branches = table_after(text, "各支部情况（按得分由低到高）")
    assert branches[0][:4] == ["支部编号", "支部名称", "上级组织", "得分"]  # a ledger each
    prefix = "市发展和改革委员会"
    expected = [r[1].removeprefix(prefix) for r in branches[1:]]
    assert [label for label, _ in rows] == expected
    assert expected[:2] == ["价格认证中心党支部", "离退休干部党支部"]
    assert f"名称略去共同的“{prefix}”" in text


def test_a_big_batch_maps_organisations(run_line, tmp_path, monkeypatch) -> None:
    from branchcheck.formats.report import html_report

    monkeypatch.setattr(html_report, "MAX_BRANCH_ROWS", 1)  # mini's 2 half-years: too many
    calls: list[tuple] = []
    real = html_charts.heatmap
    monkeypatch.setattr(html_charts, "heatmap", lambda *a: calls.append(a) or real(*a))
    _, text = page(run_line, tmp_path / "r.html", BATCH)
    # mini's half-years by organisation; its quarter and mini-b, one branch each, per branch
    assert [what for *_, what in calls] == ["个单位"] + ["个支部（得分由低到高）"] * 2
    assert [label for label, _ in calls[-1][1]] == ["第四支部 | A"]
    assert text.count("行：上级组织，顺序同“各单位情况”表") == 1  # mini's half-years
    assert "4个台账逐一列在“各支部情况”表中" not in text  # each group counts its own
    assert "2个台账逐一列在“各支部情况”表中" in text


def test_organisation_rows_average_the_shares_that_apply(run_line, tmp_path, monkeypatch) -> None:
    from branchcheck.formats.report import html_report

    monkeypatch.setattr(html_report, "MAX_BRANCH_ROWS", 0)
    calls: list[tuple] = []
    real = html_charts.heatmap
    monkeypatch.setattr(html_charts, "heatmap", lambda *a: calls.append(a) or real(*a))
    page(run_line, tmp_path / "r.html", BATCH)
    _, rows, norm_ids, what = calls[0]  # mini: 后勤党委 (b-short), then 机关党委 (b-ok, b-q)
    assert (list(norm_ids), what) == (["A1", "A2"], "个单位")
    (org1, shares1), (org2, shares2) = rows
    assert (org1, org2) == ("后勤党委", "机关党委")  # the organisation table's order
    assert shares1 == [pytest.approx(0.75), pytest.approx(0.9175, abs=1e-3)]
    assert shares2 == [1.0, 1.0]


@pytest.mark.parametrize(
    ("names", "prefix"),
    [
        (
            ["市发展和改革委员会机关第一党支部", "市发展和改革委员会机关第二党支部"],
            "市发展和改革委员会",
        ),
        (
            ["市发展和改革委员会机关第一党支部", "市发展和改革委员会价格认证中心党支部"],
            "市发展和改革委员会",
        ),
        (["市财政局机关党支部", "市统计局机关党支部"], ""),  # 市: too short to be a name
        (["第一党支部", "第二党支部"], ""),  # no organisation's name ends in 第
        (["兰州市统计局第一党支部", "兰州市财政局党支部"], "兰州市"),
        (["同一党支部", "同一党支部"], ""),
    ],
)
def test_common_prefix(names: list[str], prefix: str) -> None:
    from branchcheck.formats.report.html_report import common_prefix

    assert common_prefix(names) == prefix


def test_a_missing_extra_is_an_option_error_not_a_file_position(
    run_line, tmp_path, monkeypatch, capsys
) -> None:
    import sys

    from branchcheck.cli.faults import guarded
    from branchcheck.formats.report import ReportContext
    from branchcheck.formats.report.html_report import HtmlReport
    from branchcheck.report.model import Summary

    expected = (
        "branchcheck: error: --format: html needs matplotlib: pip install 'branchcheck[report]'"
    )
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # an import that fails
    run = run_line(f"branchcheck report {BATCH} -f html -o {tmp_path / 'r.html'}")
    assert (run.code, run.err_lines) == (2, [expected])  # before any ledger is scored
    assert not (tmp_path / "r.html").exists()
    # The writer's own check, for callers that skip the CLI's: the same line.
    monkeypatch.setitem(sys.modules, "branchcheck.formats.report.html_charts", None)
    monkeypatch.delattr("branchcheck.formats.report.html_charts", raising=False)
    context = ReportContext(Summary(), lambda _: iter(()), None)  # type: ignore[arg-type]
    capsys.readouterr()
    assert guarded(lambda: HtmlReport().write(context, io.BytesIO()) or 0) == 2
    assert capsys.readouterr().err == expected + "\n"
