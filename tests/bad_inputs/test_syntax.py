"""Section B: the YAML syntax mistakes people actually make, one line each at the right place."""

from __future__ import annotations

import pytest

from bad_inputs import BASE, RUBRIC_BASE, edit, refused, scored, write
from branchcheck import load_ledger

FACTS = "facts: {党员活动室: true, 活动经费: 6000}"
FULL_WIDTH = (
    "full-width colon '：' used as a key separator; YAML needs an ASCII ':' followed by a space"
)
UNCLOSED = "this quoted value is never closed; add the closing quote"
QUOTE_HINT = "values starting with @ ` % * & ! | > must be put in quotes"

CASES = [
    # B1: duplicate keys, top level and nested (block and flow), with the first one's line.
    pytest.param(
        edit("\nperiod:", "\nbranch: {id: x, name: y}\nperiod:"),
        "5:1",
        ("duplicate key 'branch' (first at line 4)",),
        id="dup-top",
    ),
    pytest.param(
        edit("    name: 张伟\n", "    name: 张伟\n    roles: []\n    name: 张三\n"),
        "12:5",
        ("duplicate key 'name' (first at line 10)",),
        id="dup-in-list-item",
    ),
    pytest.param(
        edit("{id: M01, name: 王建国,", "{id: M01, name: 王建国, id: M09,"),
        "7:26",
        ("duplicate key 'id' (first at line 7)",),
        id="dup-in-flow",
    ),
    pytest.param(
        edit("  M02: [2024-01]", "  M01: [2024-04]"),
        "26:3",
        ("duplicate key 'M01'",),
        id="dup-dues",
    ),
    # B2: the same string once quoted is the same key.
    pytest.param(
        edit(FACTS, 'facts:\n  "活动经费": 1\n  活动经费: 2'),
        "31:3",
        ("duplicate key '活动经费' (first at line 30)",),
        id="dup-quoted",
    ),
    # B3: a tab in the indentation (pasted from Word or Excel).
    pytest.param(
        edit("    name: 张伟", "\tname: 张伟"), "10:1", ("tab character", "spaces"), id="tab-indent"
    ),
    pytest.param(
        edit("    roles: [宣传委员]", "    roles:\n\t- 宣传委员"),
        "12:1",
        ("tab character",),
        id="tab-item",
    ),
    # B5: a full-width colon, or no space after the colon: at the line at fault, not the next.
    pytest.param(
        edit("format: branchcheck", "format：branchcheck"),
        "2:7",
        (FULL_WIDTH,),
        id="full-width-top",
    ),
    pytest.param(
        edit("    name: 张伟", "    name：张伟"), "10:9", (FULL_WIDTH,), id="full-width-nested"
    ),
    pytest.param(
        edit("rubric: lanzhou", "rubric:lanzhou"),
        "3:7",
        ("no space after ':'; write `key: value`",),
        id="no-space-top",
    ),
    pytest.param(
        edit("    name: 张伟", "    name:张伟"),
        "10:9",
        ("no space after ':'",),
        id="no-space-nested",
    ),
    pytest.param(
        edit("\ncommittee:", "\n书记 王建国\ncommittee:"),
        "13:1",
        ("expected `key: value` here; no ':' found",),
        id="line-without-colon",
    ),
    # B6: a colon inside an unquoted value.
    pytest.param(
        edit("    name: 张伟", "    name: 注意: 这里"),
        "10:13",
        ("mapping values are not allowed", "a value containing ': ' must be put in quotes"),
        id="colon-in-value",
    ),
    # B7: values starting with a YAML indicator.
    pytest.param(
        edit("    name: 张伟", "    name: @张伟"),
        "10:11",
        ("found character that cannot start any token", QUOTE_HINT),
        id="at-sign",
    ),
    pytest.param(edit("    name: 张伟", "    name: `张伟`"), "10:11", (QUOTE_HINT,), id="backtick"),
    pytest.param(edit("    name: 张伟", "    name: %张伟"), "10:11", (QUOTE_HINT,), id="percent"),
    pytest.param(
        edit("    name: 张伟", "    name: -"),
        "10:11",
        ("block sequence entries are not allowed",),
        id="dash",
    ),
    pytest.param(
        edit("    name: 张伟", "    name: *nope"),
        "10:11",
        ("anchors/aliases (&, *) are not supported",),
        id="undefined-alias",
    ),
    pytest.param(
        edit("    name: 张伟", "    name: *张伟"),
        "10:11",
        ("anchors/aliases (&, *) are not supported", QUOTE_HINT),
        id="star-before-chinese",
    ),
    # B8: NBSP or U+3000 as indentation, or after a colon: YAML sees no space there.
    pytest.param(
        edit("    name: 张伟", "  \u00a0 name: 张伟"),
        "10:3",
        ("\\u00a0", "non-ASCII space"),
        id="nbsp-indent",
    ),
    pytest.param(
        edit("    name: 张伟", "\u3000\u3000name: 张伟"), "10:1", ("\\u3000",), id="u3000-indent"
    ),
    pytest.param(
        edit("    name: 张伟", "    name:\u00a0张伟"), "10:10", ("\\u00a0",), id="nbsp-after-colon"
    ),
    pytest.param(
        edit("    name: 张伟", "    name:\u3000张伟"), "10:10", ("\\u3000",), id="u3000-after-colon"
    ),
    pytest.param(
        edit("    name: 张伟", "    name\u00a0: 张伟"),
        "10:5",
        ("key 'name\\u00a0' has invisible or extra spaces",),
        id="nbsp-in-key",
    ),
    # B9: unclosed and mismatched quotes: where the quote opened, not the end of the file.
    pytest.param(
        edit("    name: 张伟", '    name: "张伟”'), "10:11", (UNCLOSED,), id="curly-close"
    ),
    pytest.param(edit("    name: 张伟", "    name: '张伟"), "10:11", (UNCLOSED,), id="single-open"),
    pytest.param(
        edit("{id: M01, name: 王建国,", '{id: M01, name: "王建国,'),
        "7:21",
        (UNCLOSED,),
        id="in-flow",
    ),
    pytest.param(
        edit("    name: 张伟", '    name: "张伟') + "---\n",
        "10:11",
        (UNCLOSED,),
        id="before-second-document",
    ),
    # B10: a second document appended.
    pytest.param(
        BASE + "---\nformat: branchcheck.ledger/1\n",
        "38:1",
        ("only one document allowed", "second '---'"),
        id="second-document",
    ),
    # Unclosed flow collections.
    pytest.param(
        edit("roles: [宣传委员]", "roles: [宣传委员"),
        "11:12",
        ("this '[' is never closed; add ']'",),
        id="unclosed-bracket",
    ),
    pytest.param(
        edit("{id: M01, name: 王建国, roles: [书记]}", "{id: M01, name: 王建国, roles: [书记]"),
        "7:5",
        ("this '{' is never closed; add '}'",),
        id="unclosed-brace",
    ),
    pytest.param(
        edit("roles: [宣传委员]", 'roles: [宣传委员, "a" b]'),
        "11:23",
        ("did not find expected ',' or ']'",),
        id="missing-comma",
    ),
    # C12: a key that is a list.
    pytest.param(
        edit(FACTS, "facts: {[a, b]: x}"), "29:9", ("a key must be plain text",), id="complex-key"
    ),
    pytest.param(edit(FACTS, "facts: {'': x}"), "29:9", ("empty key",), id="empty-key"),
]


@pytest.mark.parametrize(("text", "at", "words"), CASES)
def test_syntax_mistakes(run_line, parser, tmp_path, text, at, words) -> None:
    refused(run_line, write(tmp_path, text), at, *words)


RUBRIC_CASES = [
    pytest.param(
        edit('version: "1.0"', 'version: "1.0"\nversion: "2.0"', RUBRIC_BASE),
        "6:1",
        ("duplicate key 'version' (first at line 5)",),
        id="dup-key",
    ),
    pytest.param(edit("        points: 4", "\tpoints: 4", RUBRIC_BASE), "24:1", ("tab",), id="tab"),
    pytest.param(
        edit("total: 10", "total：10", RUBRIC_BASE), "6:6", (FULL_WIDTH,), id="full-width"
    ),
    pytest.param(
        edit("name: 书记履职", "name: '书记履职", RUBRIC_BASE), "22:15", (UNCLOSED,), id="unclosed"
    ),
    pytest.param(RUBRIC_BASE + "---\n", "27:1", ("only one document",), id="second-document"),
]


@pytest.mark.parametrize(("text", "at", "words"), RUBRIC_CASES)
def test_rubric_syntax_mistakes_exit_2_under_validate(
    run_line, parser, tmp_path, text, at, words
) -> None:
    refused(run_line, write(tmp_path, text), at, *words, command="validate")


def test_excel_rows_pasted_as_tsv(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, "名称\t分数\n张三\t85\n李四\t90\n")
    refused(run_line, path, "1:1", "top level must be 'key: value' lines", "rows pasted from Excel")


def test_whole_file_with_full_width_colons(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, "标题：期末评分\n名称：张三\n")
    refused(run_line, path, "1:1", "top level must be 'key: value' lines", "full-width colon")


def test_whole_file_without_spaces_after_colons(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, "名称:张三\n分数:85\n")
    refused(run_line, path, "1:1", "top level must be 'key: value' lines", "space after ':'")


def test_top_level_list(run_line, parser, tmp_path) -> None:
    refused(run_line, write(tmp_path, "- a\n- b\n"), "1:1", "top level must be 'key: value' lines")


# B2, decided: every key is the text the user wrote. `1` and `01`, `yes` and `true`, are
# different keys (they collide only under YAML 1.1 typing), so they are not duplicates.
@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        pytest.param("  1: a\n  01: b", {"1": "a", "01": "b"}, id="1-and-01"),
        pytest.param("  yes: a\n  true: b", {"yes": "a", "true": "b"}, id="yes-and-true"),
        pytest.param("  2024: a\n  ~: b", {"2024": "a", "~": "b"}, id="number-and-null-keys"),
        pytest.param("  No: a\n  NO: b", {"No": "a", "NO": "b"}, id="norway-keys"),
    ],
)
def test_keys_are_text_and_collide_only_when_equal(
    run_line, parser, tmp_path, facts, expected
) -> None:
    path = write(tmp_path, edit(FACTS, "facts:\n" + facts))
    scored(run_line, path)
    assert dict(load_ledger(path).facts) == expected


def test_curly_quotes_around_a_value_are_a_warning(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("    name: 张伟", "    name: “张伟”"))
    _, stderr = scored(run_line, path)
    assert stderr == [
        f"{path}:10:11: warning: members[M03].name: value '“张伟”' is wrapped in curly quotes,"
        " which stay part of the text; remove them (YAML quotes are the ASCII \" and ')"
    ]
    assert load_ledger(path).members[2].name == "“张伟”"  # kept, as YAML says


def test_curly_quotes_around_a_value_with_quotes_inside(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("name: 打造党建品牌", "name: “打造“先锋”党建品牌”"))
    _, stderr = scored(run_line, path)
    assert len(stderr) == 1 and "is wrapped in curly quotes" in stderr[0]


def test_curly_quotes_around_a_block_value_with_a_comma(run_line, parser, tmp_path) -> None:
    # A comma ends a value only inside [ ] or { }: in a block value it is part of the text.
    path = write(tmp_path, edit("name: 打造党建品牌", "name: “打造品牌, 服务群众”"))
    _, stderr = scored(run_line, path)
    assert len(stderr) == 1 and "is wrapped in curly quotes" in stderr[0]


def test_curly_quotes_inside_a_value_are_fine(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("name: 打造党建品牌", "name: 打造“先锋”党建品牌"))
    _, stderr = scored(run_line, path)
    assert stderr == []
