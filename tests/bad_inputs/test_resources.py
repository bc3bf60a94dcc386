"""Section D: resource exhaustion. Refused early, fast, and without a crash."""

from __future__ import annotations

import time

import pytest

from bad_inputs import RUBRIC_BASE, edit, refused, write

FACTS = "facts: {党员活动室: true, 活动经费: 6000}"
ANCHORS = "anchors/aliases (&, *) are not supported; write the value out"


def _laughs(levels: int) -> str:
    rows = ["  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    rows += [f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(rows)


def test_billion_laughs(run_line, parser, tmp_path) -> None:
    # D1: 478 bytes that expand to gigabytes once rendered. The first anchor is refused.
    path = write(tmp_path, edit(FACTS, "facts:\n" + _laughs(10)))
    refused(run_line, path, "30:7", ANCHORS)


@pytest.mark.parametrize(
    ("value", "at"),
    [
        pytest.param("&n 张伟", "10:11", id="anchor"),
        pytest.param("&n [a, b]", "10:11", id="anchor-on-list"),
        pytest.param("&n {a: b}", "10:11", id="anchor-on-mapping"),
    ],
)
def test_anchors_alone_are_refused(run_line, parser, tmp_path, value, at) -> None:
    path = write(tmp_path, edit("    name: 张伟", f"    name: {value}"))
    refused(run_line, path, at, ANCHORS)


def test_merge_key_with_alias(run_line, parser, tmp_path) -> None:
    text = edit("    name: 张伟", "    <<: *base\n    name: 张伟")
    refused(run_line, write(tmp_path, text), "10:9", ANCHORS)


def test_merge_key_without_alias_is_just_an_unknown_key(run_line, parser, tmp_path) -> None:
    text = edit("    name: 张伟", "    <<: {status: 正式}\n    name: 张伟")
    refused(run_line, write(tmp_path, text), "10:5", "members[M03].<<: unknown key '<<'")


DEEP = 60_000


@pytest.mark.parametrize(
    ("text", "at"),
    [
        # Depth counts the top mapping and `facts`; the 31st bracket is the 33rd level.
        pytest.param(
            edit(FACTS, "facts: {x: " + "[" * DEEP + "]" * DEEP + "}"), "29:42", id="flow-seq"
        ),
        pytest.param(
            edit(FACTS, "facts: {x: " + "{a: " * DEEP + "}" * DEEP + "}"), "29:132", id="flow-map"
        ),
        pytest.param("[" * DEEP + "]" * DEEP, "1:33", id="top-level"),
        pytest.param("[" * DEEP, "1:33", id="never-closed"),
        pytest.param(
            "a:\n" + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(40)), "33:65", id="block"
        ),
    ],
)
def test_deep_nesting_is_refused_fast(run_line, parser, tmp_path, text, at) -> None:
    # D2: libyaml's composer crashes (SIGSEGV) near 50,000 levels; PyYAML's recurses at 500.
    path = write(tmp_path, text)
    start = time.perf_counter()
    refused(run_line, path, at, "nested deeper than 32 levels")
    assert time.perf_counter() - start < 10.0  # a guard against a hang, not a speed target


def test_deep_nesting_in_a_rubric(run_line, parser, tmp_path) -> None:
    text = edit("total: 10", "total: " + "[" * DEEP + "]" * DEEP, RUBRIC_BASE)
    refused(run_line, write(tmp_path, text), "6:39", "nested deeper", command="validate")


def test_long_key(run_line, parser, tmp_path) -> None:
    # D3: an implicit key over 1024 characters: still one line, at the line at fault.
    text = edit(FACTS, "facts:\n  " + "长" * 1100 + ": 1")
    refused(run_line, write(tmp_path, text), "30:3", "key longer than 1024 characters")
