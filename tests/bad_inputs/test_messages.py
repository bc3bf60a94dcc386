"""Messages cannot be forged or flooded: one line each, user text escaped, repeats folded."""

from __future__ import annotations

import re

import pytest

from bad_inputs import BASE, DIAGNOSTIC, edit, q, refused, write
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
