"""`validate --format github|sarif` for CI, and the pre-commit hook, read like shell lines."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT

from branchcheck.formats.diagnostics import escape_data, escape_property

LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning): (?P<msg>.*)$"
)
ANNOTATION = re.compile(r"^::(?P<level>error|warning) (?P<props>[^:]*)::(?P<msg>.*)$")


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with an invalid ledger, a ledger with a warning, a good one, a CI file."""
    source = (EXAMPLES / "fgw" / "lz-fgw-02.yaml").read_text(encoding="utf-8")
    (tmp_path / "bad, one: 100%.yaml").write_text(
        source.replace("{id: M01, name: ", "{id: M01, nam: ", 1), encoding="utf-8"
    )
    (tmp_path / "warn.yaml").write_text(
        source.replace("facts:\n", "facts:\n  活动经费%x: 1\n", 1), encoding="utf-8"
    )
    (tmp_path / "good.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    return tmp_path


def default_problems(run_line, folder: Path) -> tuple[int, list[tuple[str, ...]]]:
    run = run_line(f"branchcheck validate {shlex.quote(str(folder))}")
    found = [LINE.match(line) for line in run.err_lines]
    return run.code, [m.group("level", "file", "line", "col", "msg") for m in found if m]


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain 文字", "plain 文字", "plain 文字"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a, b: c", "a, b: c", "a%2C b%3A c"),
        ("%0A", "%250A", "%250A"),  # an escape in the input is not taken for one
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_annotations_say_what_the_default_lines_say(run_line, mixed: Path) -> None:
    code, expected = default_problems(run_line, mixed)
    run = run_line(f"branchcheck validate {shlex.quote(str(mixed))} --format github")
    assert run.code == code == 1
    assert run.err_lines == [
        "4 file(s) checked (3 ledgers, 1 neither), 1 with problems, 1 with warnings; 1 skipped"
    ]
    got = []
    for line in run.out.splitlines():
        found = ANNOTATION.match(line)
        assert found, line
        props = dict(p.split("=", 1) for p in found.group("props").split(","))
        assert set(props) == {"file", "line", "col", "title"}
        got.append(
            (
                found.group("level"),
                *(unescape(props[k]) for k in ("file", "line", "col")),
                unescape(found.group("msg")),
            )
        )
    assert sorted(got) == sorted(expected)
    assert {level for level, *_ in got} == {"error", "warning"}
    assert any("%2C" in line and "%3A" in line and "%25" in line for line in run.out.splitlines())


def test_sarif_has_the_required_structure_and_the_same_problems(run_line, mixed: Path) -> None:
    code, expected = default_problems(run_line, mixed)
    run = run_line(f"branchcheck validate {shlex.quote(str(mixed))} -f sarif")
    assert run.code == code
    log = json.loads(run.out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    assert len(log["runs"]) == 1
    (sarif_run,) = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "branchcheck"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(set(rule_ids)) == len(rule_ids)
    assert all(rule["shortDescription"]["text"] for rule in driver["rules"])
    got = []
    for result in sarif_run["results"]:
        assert result["level"] in ("error", "warning", "note", "none")
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        uri, region = physical["artifactLocation"]["uri"], physical["region"]
        assert uri.startswith("file:///") and " " not in uri
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        from urllib.parse import unquote, urlparse

        got.append(
            (
                result["level"],
                unquote(urlparse(uri).path),
                str(region["startLine"]),
                str(region["startColumn"]),
                result["message"]["text"],
            )
        )
    assert sorted(got) == sorted(expected)
    rules = {result["ruleId"] for result in sarif_run["results"]}
    assert rules == {"ledger", "other"}


def test_sarif_of_relative_names_is_relative_and_goes_to_output(run_line, mixed: Path) -> None:
    run = run_line("branchcheck validate . -f sarif -o ../out.sarif", cwd=mixed)
    assert run.code == 1 and run.out == ""
    log = json.loads((mixed.parent / "out.sarif").read_text(encoding="utf-8"))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert "bad%2C%20one%3A%20100%25.yaml" in uris


def test_clean_files_give_no_annotations_and_an_empty_sarif_run(run_line) -> None:
    run = run_line(f"branchcheck validate {ROOT / 'rubrics'} -f github")
    assert (run.code, run.out) == (0, "")
    run = run_line(f"branchcheck validate {ROOT / 'rubrics'} -f sarif")
    assert run.code == 0 and json.loads(run.out)["runs"][0]["results"] == []


def test_pre_commit_hook_runs_validate_on_ledgers_and_rubrics(run_line) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "branchcheck-validate"]
    assert hook["language"] == "python"
    assert hook["entry"] == "branchcheck validate"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    picked = [
        p.relative_to(ROOT).as_posix()
        for p in [*EXAMPLES.rglob("*"), *(ROOT / "rubrics").glob("*")]
        if files.search(p.relative_to(ROOT).as_posix())
        and not exclude.search(p.relative_to(ROOT).as_posix())
    ]
    assert len(picked) == len(list(EXAMPLES.rglob("*.yaml"))) + len(
        list((ROOT / "rubrics").glob("*.yaml"))
    )
    assert not exclude.search("examples/fgw/lz-fgw-01.yaml")
    assert exclude.search(".pre-commit-hooks.yaml") and exclude.search(".github/workflows/ci.yml")
    # as pre-commit runs it: the entry, then the staged files' names
    run = run_line(f"{hook['entry']} {' '.join(picked)}", cwd=ROOT)
    assert run.code == 0, run.err


def test_output_is_refused_for_the_default_text(run_line, tmp_path: Path) -> None:
    run = run_line(f"branchcheck validate {ROOT / 'rubrics'} -o {tmp_path / 'x.txt'}")
    assert run.code == 2
    assert run.err_lines[0].startswith("branchcheck: error: --output:")
    assert not (tmp_path / "x.txt").exists()


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_a_workbook_problem_names_its_cell(run_line, tmp_path, fmt: str) -> None:
    book = tmp_path / "ledger.xlsx"
    assert run_line(f"branchcheck convert examples/fgw/lz-fgw-01.yaml {book}").code == 0
    import openpyxl

    wb = openpyxl.load_workbook(book)
    sheet = wb["党员"]
    sheet.cell(row=2, column=1).value = None  # the first member's 编号, required
    wb.save(book)
    run = run_line(f"branchcheck validate {book} -f {fmt}")
    assert run.code != 0
    assert "党员!A2: " in run.out, run.out


def test_the_offered_formats_are_the_registry_s() -> None:
    """cli writes the choices out (importing the registry would slow every start): a format
    added to formats/diagnostics.py must be offered too."""
    from branchcheck.cli.commands_scoring import ValidateChoice
    from branchcheck.formats.diagnostics import DIAGNOSTIC_FORMATS

    assert {c.value for c in ValidateChoice} == {"text", *DIAGNOSTIC_FORMATS}
