"""Messages cannot be forged or flooded: one line each, user text escaped, repeats folded."""

from __future__ import annotations

import json
import re

import pytest

from bad_inputs import BASE, DIAGNOSTIC, RUBRIC_BASE, edit, q, refused, write
from branchcheck.errors import MAX_PER_FILE, Diagnostic, fold

FACTS = "facts: {党员活动室: true, 活动经费: 6000}"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        pytest.param('"\\e[2J\\e[31mALL GOOD"', "\\u001b[2J\\u001b[31mALL GOOD", id="escape-seq"),
        pytest.param('"x\\0y"', "x\\u0000y", id="nul"),
        pytest.param('"a\\u202eb"', "a\\u202eb", id="bidi"),
        pytest.param(
            '"k\\n\\n/etc/passwd:1:1: error: forged"', "k\\n\\n/etc/passwd:1:1", id="newlines"
        ),
    ],
)
def test_a_hostile_key_is_shown_escaped_on_one_line(run_line, parser, tmp_path, key, shown) -> None:
    path = write(tmp_path, edit(FACTS, f"facts: {{{key}: 1}}\nbogus: 1"))
    run = run_line(f"branchcheck score {q(path)}")
    assert run.code == 2
    assert all(DIAGNOSTIC.match(line) for line in run.err_lines), run.err
    assert not RAW_CONTROL.search(run.err), run.err
    assert "forged" not in run.err or len(run.err_lines) == 1


def test_a_file_name_with_control_characters_is_escaped(run_line, tmp_path) -> None:
    path = tmp_path / "台账\x1b[31m.yaml"
    run = run_line(f"branchcheck score {q(path)}")
    assert run.code == 2 and len(run.err_lines) == 1
    assert "\x1b" not in run.err and "台账\\u001b[31m.yaml:1:1: error: file not found" in run.err


def test_one_misspelled_member_used_everywhere_is_one_line(run_line, parser, tmp_path) -> None:
    events = "".join(
        f"  - {{date: 2024-{m:02d}-10, type: 主题党日, attendees: [M01, M99]}}\n"
        for m in range(1, 13)
    )
    path = write(tmp_path, edit("events:\n", "events:\n" + events))
    message = refused(run_line, path, "18:53", "member 'M99' is not declared")
    assert "(and 11 more like it, line 19, 20, 21, 22, 23, …)" in message


def test_the_same_mistake_in_every_item_is_one_line(run_line, parser, tmp_path) -> None:
    events = "".join(
        f"  - {{date: 2024.{m:02d}.40, type: 主题党日, attendees: all}}\n" for m in range(1, 13)
    )
    path = write(tmp_path, edit("events:\n", "events:\n" + events))
    message = refused(run_line, path, "18:12", "not a real date")
    assert "and 11 more like it" in message


def test_many_different_problems_are_capped(run_line, parser, tmp_path) -> None:
    facts = "facts: {" + ", ".join(f"k{i}: [x]" for i in range(60)) + "}\n"
    path = write(tmp_path, edit(FACTS, facts) + "".join(f"bogus{i}: 1\n" for i in range(60)))
    run = run_line(f"branchcheck score {q(path)}")
    assert run.code == 2
    assert len(run.err_lines) <= MAX_PER_FILE
    assert "more problems in this file" in run.err_lines[-1]


def test_fold_keeps_distinct_problems_apart() -> None:
    diagnostics = [
        Diagnostic("a.yaml", 3, 1, "x", group="k"),
        Diagnostic("a.yaml", 5, 1, "y", group="k"),
        Diagnostic("a.yaml", 4, 1, "z"),
        Diagnostic("b.yaml", 3, 1, "x", group="k"),
    ]
    assert [str(d) for d in fold(diagnostics)] == [
        "a.yaml:3:1: error: x (and 1 more like it, line 5)",
        "a.yaml:4:1: error: z",
        "b.yaml:3:1: error: x",
    ]


def test_base_ledger_is_valid(run_line, tmp_path) -> None:
    run = run_line(f"branchcheck score {q(write(tmp_path, BASE))}")
    assert run.code == 0, run.err


def test_report_escapes_file_names_and_keys(run_line, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\n\nFORGED.yaml:1:1: error: ALL GOOD.yaml").write_bytes(b"")
    (folder / "b.yaml").write_text(
        edit(FACTS, 'facts: {"k\\n\\nFORGED.yaml:1:1: error: ALL GOOD\\e[2J\\u202e": 1}'),
        "utf-8",
    )
    for fmt in ("json", "terminal", "markdown", "csv"):
        run = run_line(f"branchcheck report {q(folder)} -f {fmt} -j 1")
        assert run.code == 2, run.err
        assert not RAW_CONTROL.search(run.err + run.out.replace("\r\n", "\n")), (fmt, run.err)
        assert not any(line.startswith("FORGED") for line in run.err_lines + run.out.splitlines())


def test_report_json_with_a_file_name_that_is_not_utf8(run_line, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.yaml").write_bytes(b"")
    import os

    os.rename(folder / "x.yaml", os.path.join(os.fsencode(folder), b"\xd6\xd0\xce\xc4.yaml"))
    run = run_line(f"branchcheck report {q(folder)} -f json -j 1")
    assert run.code == 2, run.err
    assert "\\udcd6\\udcd0\\udcce\\udcc4.yaml:1:1: error: file is empty" in run.err
    assert json.loads(run.out)["errors"][0]["file"].endswith("\\udcd6\\udcd0\\udcce\\udcc4.yaml")


@pytest.mark.parametrize("char", ["\u200e", "\u200f", "\u061c", "\u00ad", "\u2061", "\U000e0041"])
def test_invisible_format_characters_are_refused(run_line, parser, tmp_path, char) -> None:
    path = write(tmp_path, edit("name: 张伟", f"name: 张{char}伟"))
    refused(run_line, path, "10:12", "invisible or control character")


def test_json_output_escapes_what_a_terminal_must_not_see() -> None:
    from branchcheck.formats.json_format import dumps

    value = {"a": "x\u202ey\x85z\U000e0041\ud800"}
    text = dumps(value)
    assert not RAW_CONTROL.search(text) and "\U000e0041" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize("prefix", ["...\n", "---\na: 1\n...\n", "a: 1\n---\n"])
def test_validate_and_score_agree_on_document_markers(run_line, parser, tmp_path, prefix) -> None:
    rubric = tmp_path / "r.yaml"
    rubric.write_text(prefix + RUBRIC_BASE, "utf-8")
    ledger = write(tmp_path, BASE, "l.yaml")
    validate = run_line(f"branchcheck validate {q(rubric)}").code
    scored_code = run_line(f"branchcheck score {q(ledger)} --rubric {q(rubric)}").code
    shown = run_line(f"branchcheck rubrics show {q(rubric)}").code
    assert validate == 2 and scored_code == 2 and shown == 2


def test_a_relative_rubric_path_is_read_again_after_a_change_of_folder(
    tmp_path, monkeypatch
) -> None:
    from branchcheck import load_rubric

    for name, rubric_id in (("a", "first"), ("b", "second")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "r.yaml").write_text(
            RUBRIC_BASE.replace("id: bad-rubric", f"id: {rubric_id}"), "utf-8"
        )
    monkeypatch.chdir(tmp_path / "a")
    assert load_rubric("r.yaml").id == "first"
    monkeypatch.chdir(tmp_path / "b")
    assert load_rubric("r.yaml").id == "second"
