"""Section C: implicit typing. The schema types each field: text fields keep what the user
wrote, number fields and facts read plain numbers as YAML 1.2 does, quotes keep text."""

from __future__ import annotations

import datetime as dt

import pytest

from bad_inputs import edit, refused, scored, write
from branchcheck import load_ledger

TERM = "term_years: 3"  # an int field (line 15, value at column 15)
ELECTED = "elected: 2022-06-20"  # a date field (line 14, value at column 12)


# C1-C4: YAML 1.1 would turn these into False, 1.1, 8 and 750. A text field keeps them.
@pytest.mark.parametrize("spelling", ["NO", "off", "y", "1.10", "010", "0755", "12:30", "1:20:30"])
def test_yaml_11_lookalikes_reach_a_text_field_unchanged(
    run_line, parser, tmp_path, spelling
) -> None:
    path = write(tmp_path, edit("name: 测试党支部", f"name: {spelling}"))
    result, _ = scored(run_line, path)
    assert result["branch"]["name"] == spelling
    assert load_ledger(path).branch.name == spelling


@pytest.mark.parametrize(
    ("spelling", "facts"),
    [
        # A plain number is a number, as YAML 1.2 reads it (README); quotes keep the text.
        pytest.param("1.10", {"版本": "1.1"}, id="version"),
        pytest.param("010", {"版本": "10"}, id="leading-zero"),
        pytest.param("'1.10'", {"版本": "1.10"}, id="quoted-version"),
        pytest.param('"010"', {"版本": "010"}, id="quoted-leading-zero"),
        pytest.param("6_000.00", {"版本": "6000"}, id="underscores"),
        # A yes/no fact is folded to lower case, whichever way it is written (README).
        pytest.param("True", {"版本": "true"}, id="capital-true"),
        pytest.param("NO", {"版本": "NO"}, id="norway"),
    ],
)
def test_yaml_11_lookalikes_reach_a_fact_unchanged(
    run_line, parser, tmp_path, spelling, facts
) -> None:
    path = write(tmp_path, edit("facts: {", f"facts: {{版本: {spelling}, "))
    scored(run_line, path)
    assert {k: v for k, v in load_ledger(path).facts.items() if k == "版本"} == facts


INT_FIELD = [
    pytest.param("NO", "'NO'", "valid integer", id="norway"),
    pytest.param("1.10", "'1.10'", "whole number", id="version"),
    pytest.param("12:30", "'12:30'", "valid integer", id="time"),
    pytest.param("1:20:30", "'1:20:30'", "valid integer", id="sexagesimal"),
    pytest.param("三", "'三'", "valid integer", id="chinese-numeral"),
    pytest.param("true", "'true'", "valid integer", id="boolean"),
    pytest.param("3.5", "'3.5'", "whole number", id="fraction"),
]


@pytest.mark.parametrize(("spelling", "shown", "words"), INT_FIELD)
def test_yaml_11_lookalikes_in_an_int_field_are_a_clear_error(
    run_line, parser, tmp_path, spelling, shown, words
) -> None:
    path = write(tmp_path, edit(TERM, f"term_years: {spelling}"))
    message = refused(run_line, path, "15:15", "committee.term_years", words)
    assert message.endswith(f"got {shown}")


def test_leading_zero_in_an_int_field_is_decimal(run_line, parser, tmp_path) -> None:
    # Decided: with every scalar read as text, `010` is ten (never YAML 1.1's octal eight).
    path = write(tmp_path, edit(TERM, "term_years: 010"))
    scored(run_line, path)
    committee = load_ledger(path).committee
    assert committee is not None and committee.term_years == 10


# C7, C8: impossible dates are an error at the value; the accepted spellings are equal.
BAD_DATES = [
    pytest.param("2024-13-01", ("not a real date", "month must be in 1..12"), id="month-13"),
    pytest.param("2024-02-30", ("not a real date", "day is out of range"), id="feb-30"),
    pytest.param("2023-02-29", ("not a real date", "day is out of range"), id="feb-29-2023"),
    pytest.param("0000-00-00", ("not a real date", "'0000-00-00'"), id="zeros"),
    pytest.param(
        "2024/13/01", ("not a real date", "month must be in 1..12"), id="slashes-month-13"
    ),
    pytest.param("2024年2月30日", ("not a real date", "day is out of range"), id="chinese-feb-30"),
    pytest.param("2024-03-01 12:30", ("expected a date like 2024-03-01",), id="with-time"),
    pytest.param("20240301", ("expected a date like 2024-03-01",), id="no-separators"),
    pytest.param("2024-03", ("expected a date like 2024-03-01",), id="month-only"),
]


@pytest.mark.parametrize(("spelling", "words"), BAD_DATES)
def test_impossible_dates(run_line, parser, tmp_path, spelling, words) -> None:
    path = write(tmp_path, edit(ELECTED, f"elected: {spelling}"))
    refused(run_line, path, "14:12", "committee.elected", *words)


@pytest.mark.parametrize(
    "spelling",
    [
        "2022-06-20",
        "2022-6-20",
        "2022/6/20",
        "2022/06/20",
        "2022.6.20",
        "2022年6月20日",
        "'2022-06-20'",
    ],
)
def test_accepted_date_spellings_mean_the_same_day(run_line, parser, tmp_path, spelling) -> None:
    plain, _ = scored(run_line, write(tmp_path, edit(ELECTED, "elected: 2022-06-20"), "plain.yaml"))
    path = write(tmp_path, edit(ELECTED, f"elected: {spelling}"))
    result, _ = scored(run_line, path)
    assert result == plain
    committee = load_ledger(path).committee
    assert committee is not None and committee.elected == dt.date(2022, 6, 20)


# C10: a 5000-digit number: a clear error at the value, and the message stays short.
def test_5000_digit_number_in_an_int_field(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit(TERM, "term_years: " + "9" * 5000))
    message = refused(run_line, path, "15:15", "committee.term_years", "exceeded maximum size")
    assert message.endswith("(5000 characters)") and len(message) < 200


def test_5000_digit_number_in_a_float_field(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("hours: 8,", "hours: " + "9" * 5000 + ","))
    message = refused(run_line, path, "28:26", "training[0].hours", "finite number")
    assert len(message) < 200


# C5: number formats from Excel in a number field.
@pytest.mark.parametrize(
    ("spelling", "words"),
    [
        pytest.param("85%", ("valid number", "'85%'"), id="percent"),
        pytest.param("1,000", ("valid number",), id="thousands"),
        pytest.param(".inf", ("valid number", "'.inf'"), id="yaml-infinity"),
        pytest.param("inf", ("finite number",), id="infinity"),
        pytest.param("NaN", ("finite number",), id="nan"),
        pytest.param("1e400", ("finite number",), id="overflow"),
    ],
)
def test_excel_number_formats_in_a_number_field(
    run_line, parser, tmp_path, spelling, words
) -> None:
    text = edit("  - {member: M01, hours: 8,", f"  - {{member: M01, hours: '{spelling}',")
    refused(run_line, write(tmp_path, text), "28:26", "training[0].hours", *words)


# C6: an id that Excel turned into a float. The id pattern refuses it, with a hint.
@pytest.mark.parametrize("spelling", ["1.10105E+17", "1E+17"])
def test_float_id_from_excel(run_line, parser, tmp_path, spelling) -> None:
    path = write(tmp_path, edit("{id: M01,", f"{{id: {spelling},"))
    refused(
        run_line,
        path,
        "7:10",
        "expected an id of ASCII letters, digits",
        f"got '{spelling}'",
        "Excel turned this number into scientific notation; format the column as Text",
    )


# C11: only empty, `~` and lowercase `null` mean null; the surname Null stays text.
@pytest.mark.parametrize("spelling", ["Null", "NULL", "'null'", '"~"'])
def test_null_lookalikes_in_a_name_stay_text(run_line, parser, tmp_path, spelling) -> None:
    path = write(tmp_path, edit("name: 李华", f"name: {spelling}"))
    scored(run_line, path)
    assert load_ledger(path).members[1].name == spelling.strip("'\"")


@pytest.mark.parametrize("spelling", ["null", "~", ""])
def test_null_in_a_required_field_is_an_error(run_line, parser, tmp_path, spelling) -> None:
    path = write(tmp_path, edit("name: 李华", f"name: {spelling}"))
    refused(run_line, path, "8:21", "members[M02].name: a value is required here")


def test_null_in_an_optional_field_means_absent(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("parent: 测试机关党委", "parent: null"))
    scored(run_line, path)
    assert load_ledger(path).branch.parent is None


# E5: invisible padding. Around a value it is stripped; a value of only padding is empty.
def test_value_of_only_ideographic_space(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("name: 李华", "name: '\u3000'"))
    refused(run_line, path, "8:21", "members[M02].name", "at least 1 character", "'\\u3000'")


def test_padding_around_a_value_is_stripped(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("name: 李华", "name: '\u3000李华 '"))
    scored(run_line, path)
    assert load_ledger(path).members[1].name == "李华"


# C9: explicit tags are refused at the tag, whatever they would do.
TAGS = [
    pytest.param(
        "!!python/object/apply:os.system ['echo pwned']", "python/object/apply", id="python"
    ),
    pytest.param("!!int abc", "tag:yaml.org,2002:int", id="int"),
    pytest.param("!!float abc", "tag:yaml.org,2002:float", id="float"),
    pytest.param("!!binary '@@@'", "tag:yaml.org,2002:binary", id="binary"),
    pytest.param("!!timestamp 'invalid'", "tag:yaml.org,2002:timestamp", id="timestamp"),
    pytest.param("!!set {x, y}", "tag:yaml.org,2002:set", id="set"),
    pytest.param("!include other.yaml", "'!include'", id="include"),
    pytest.param("!!str 3", "tag:yaml.org,2002:str", id="str"),
]


@pytest.mark.parametrize(("value", "tag"), TAGS)
def test_tags_are_refused(run_line, parser, tmp_path, value, tag) -> None:
    path = write(tmp_path, edit("    name: 张伟", f"    name: {value}"))
    refused(run_line, path, "10:11", "YAML tag", tag, "is not supported; remove it")


# F4, J1: escapes in double quotes that make control characters or lone surrogates.
ESCAPES = [
    pytest.param('"\\e[2J"', "10:11", ("control/invisible character \\u001b in value",), id="esc"),
    pytest.param('"\\x1b]8;;http://evil/\\x1b\\\\"', "10:11", ("\\u001b",), id="osc8-hyperlink"),
    pytest.param('"张\\N伟"', "10:11", ("\\u0085",), id="nel"),
    pytest.param('"a\\0b"', "10:11", ("\\u0000",), id="nul"),
    pytest.param('"文件\\u202egpj.exe"', "10:11", ("\\u202e",), id="bidi"),
    pytest.param('"张\\u200b伟"', "10:11", ("\\u200b",), id="zero-width"),
    pytest.param('"张\\L伟"', "10:11", ("\\u2028",), id="line-separator"),
    pytest.param(
        '"\\ud800"',
        "10:12",
        ("invalid escape '\\ud800' in a double-quoted value", "write the character itself"),
        id="lone-surrogate",
    ),
    pytest.param('"a\\qb"', "10:13", ("invalid escape '\\q'",), id="unknown-escape"),
]


@pytest.mark.parametrize(("value", "at", "words"), ESCAPES)
def test_escapes_that_make_control_characters(run_line, parser, tmp_path, value, at, words) -> None:
    path = write(tmp_path, edit("    name: 张伟", f"    name: {value}"))
    refused(run_line, path, at, *words)


def test_harmless_escapes_are_fine(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("    name: 张伟", '    name: "张\\u4f1f\\t"'))
    scored(run_line, path)
    assert load_ledger(path).members[2].name == "张伟"


# Dates at the ends of the calendar once overflowed term and window arithmetic (exit 3).
@pytest.mark.parametrize(
    ("old", "new", "at"),
    [
        pytest.param("end: 2024-12-31", "end: 9999-12-31", "5:34", id="period-end-9999"),
        pytest.param(ELECTED, "elected: 9998-06-20", "14:12", id="term-past-9999"),
        pytest.param(ELECTED, "elected: 0001-01-01", "14:12", id="year-1"),
        pytest.param(ELECTED, "elected: 2200年1月1日", "14:12", id="chinese-2200"),
    ],
)
def test_dates_outside_a_ledgers_range_are_refused(
    run_line, parser, tmp_path, old, new, at
) -> None:
    path = write(tmp_path, edit(old, new))
    refused(run_line, path, at, "Input should be")


def test_dates_at_the_edges_of_the_range_are_scored(run_line, parser, tmp_path) -> None:
    text = edit(
        "period: {start: 2024-01-01, end: 2024-12-31}",
        "period: {start: 2199-01-01, end: 2199-12-31}",
    )
    scored(run_line, write(tmp_path, edit(ELECTED, "elected: 2199-06-20", text)))


@pytest.mark.parametrize("spelling", ["9" * 400, "0x" + "F" * 300, "-" + "9" * 400])
def test_a_whole_number_beyond_any_float_in_a_number_field(
    run_line, parser, tmp_path, spelling
) -> None:
    # Found by the fuzzer: float() of such an int raised OverflowError (exit 3).
    text = edit("  - {member: M01, hours: 8,", f"  - {{member: M01, hours: {spelling},")
    refused(run_line, write(tmp_path, text), "28:26", "training[0].hours")
