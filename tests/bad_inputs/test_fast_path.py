"""The fast path (yaml-rs) is honest: its data makes the strict parse's model, or steps aside.

yaml-rs reads YAML 1.2 and types scalars (`1.10` -> 1.1, `010` -> 10, `True` -> True,
`0b101` -> 5, `_1` -> 1, `true` -> True). Such text either never reaches it (the guards in
loading/fast.py) or is refused by the schema's scalar types, so the strict parse decides.
Every spelling below, in every kind of field, must give the same model or the same error
under both parsers, and fast data the schema accepts must make the strict data's model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from pydantic import ValidationError

from bad_inputs import BASE, LEDGER, RUBRIC, RUBRIC_BASE, edit, write
from branchcheck.errors import BranchcheckError
from branchcheck.loading import fast, strict
from branchcheck.loading.source import Source
from branchcheck.models import Ledger, Rubric

pytest.importorskip("yaml_rs")

SPELLINGS = [
    *("1.10", "010", "0755", "+1", "-1", ".5", "0.50", "1.", "0.", "-0", "-0.0", "00", "1.0", "3"),
    *("1_000", "_1", "1_", "1__0", "0b101", "0o10", "0x1F", "1e3", "1E+17", ".inf", "-.inf"),
    *(".NaN", "99999999999999999999", "True", "TRUE", "true", "False", "false", "yes", "NO"),
    *("off", "y", "12:30", "1:20:30", "2024-03-01", "null", "Null", "NULL", "~", "", "'1.10'"),
    *('"010"', "'it''s'", '"a\\tb"', "1,000", "85%", "[1]", "{a: 1}", "<<", "a b", "'a '"),
    *("|\n    甲\n    乙", ">-\n    甲\n    乙", "甲\n    乙", "6000", "0.1", "1.5"),
]

FACTS = "facts: {党员活动室: true, 活动经费: 6000}"
EMPTY = "''"
TRAINING = "  - {member: M01, hours: 8, date: 2024-04-10, title: 专题培训}"
LEDGER_SLOTS = {
    "fact-value": lambda s: edit(FACTS, f"facts:\n  k: {s}"),
    "fact-key": lambda s: edit(FACTS, f"facts:\n  {s or EMPTY}: x"),
    "int": lambda s: edit("term_years: 3", f"term_years: {s}"),
    "float": lambda s: edit(TRAINING, f"  - member: M01\n    hours: {s}\n    date: 2024-04-10"),
    "text": lambda s: edit("    name: 张伟", f"    name: {s}"),
    "optional-text": lambda s: (
        edit("parent: 测试机关党委}", f"parent: {s}}}") if "\n" not in s else BASE
    ),
    "id": lambda s: edit("  - id: M03", f"  - id: {s}"),
    "date": lambda s: edit("elected: 2022-06-20", f"elected: {s}"),
}
CHECK = "          kind: rating"
RUBRIC_SLOTS = {
    "bool": lambda s: edit(
        "        points: 4\n", f"        points: 4\n        veto: {s}\n", RUBRIC_BASE
    ),
    "fact-expect": lambda s: edit(
        CHECK, f"          kind: fact\n          key: x\n          expect: {s}", RUBRIC_BASE
    ),
    "version": lambda s: edit('version: "1.0"', f"version: {s}", RUBRIC_BASE),
    "share": lambda s: edit("好: 1.0,", f"好: {s},", RUBRIC_BASE) if "\n" not in s else RUBRIC_BASE,
}


def _load(path: Path, model: type[Any], parser: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("BRANCHCHECK_PARSER", parser)
    try:
        return Source(path).validate(model)
    except BranchcheckError as exc:
        return [str(d) for d in exc.diagnostics]


def _same_answers(tmp_path: Path, model: type[Any], make: Any, monkeypatch: Any) -> None:
    for spelling in SPELLINGS:
        text = make(spelling)
        data = fast.parse(text)
        if data is not None:  # the fast path answered: accepted, it is the strict model
            try:
                fast_model = model.model_validate(data)
            except ValidationError:
                fast_model = None  # refused: the caller falls back to the strict parse
            if fast_model is not None:
                assert fast_model == model.model_validate(strict.parse(text, "x")[0]), spelling
        path = write(tmp_path, text)
        answers = [_load(path, model, parser, monkeypatch) for parser in ("yaml-rs", "pyyaml")]
        assert answers[0] == answers[1], spelling


@pytest.mark.parametrize("slot", LEDGER_SLOTS)
def test_ledger_fields_get_the_same_answer_from_both_parsers(tmp_path, monkeypatch, slot) -> None:
    _same_answers(tmp_path, Ledger, LEDGER_SLOTS[slot], monkeypatch)


@pytest.mark.parametrize("slot", RUBRIC_SLOTS)
def test_rubric_fields_get_the_same_answer_from_both_parsers(tmp_path, monkeypatch, slot) -> None:
    _same_answers(tmp_path, Rubric, RUBRIC_SLOTS[slot], monkeypatch)


@pytest.mark.fast_path
@pytest.mark.parametrize(
    ("text", "facts"),
    [
        pytest.param(edit(FACTS, "facts: {版本: 1.10}"), {"版本": "1.1"}, id="version-in-a-fact"),
        pytest.param(edit(FACTS, "facts: {编号: 0b101}"), {"编号": "5"}, id="binary"),
        pytest.param(edit(FACTS, "facts: {编号: _1}"), {"编号": "1"}, id="underscore"),
        pytest.param(edit(FACTS, "facts:\n\n  编号: 01"), {"编号": "1"}, id="blank-line-before"),
        pytest.param(edit(FACTS, "facts : {编号: 01}"), {"编号": "1"}, id="space-before-colon"),
        pytest.param(edit(FACTS, "facts: {'编号':01}"), {"编号": "1"}, id="quoted-key-no-space"),
        pytest.param(edit(FACTS, "facts: {编号: '01'}"), {"编号": "01"}, id="quoted-stays-text"),
    ],
)
def test_spellings_yaml_rs_types_give_the_same_fact(text, facts) -> None:
    # Formerly a guard had to find these; now both paths read a plain number as YAML 1.2 does.
    data = fast.parse(text)
    assert data is not None
    fast_model = Ledger.model_validate(data)
    strict_model = Ledger.model_validate(strict.parse(text, "x")[0])
    assert fast_model == strict_model
    assert fast_model.facts == facts


@pytest.mark.fast_path
@pytest.mark.parametrize(
    "path",
    [LEDGER, RUBRIC, EXAMPLES / "fgw" / "lz-fgw-01.yaml"],
    ids=lambda p: p.name,
)
def test_ordinary_files_take_the_fast_path(path) -> None:
    # Otherwise the tests above would pass with a fast path that never runs.
    text = path.read_text("utf-8")
    data = fast.parse(text)
    assert data is not None
    model = Rubric if path == RUBRIC else Ledger
    fast_model = model.model_validate(data)
    assert fast_model == model.model_validate(strict.parse(text, str(path))[0])
