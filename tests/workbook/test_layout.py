"""The workbook layout covers every ledger field: a field added to a model without its column
fails here, naming the sheet to add it to (docs/workbook.md, "Adding a ledger field")."""

from __future__ import annotations

from typing import Any, get_args

import pytest
from pydantic import BaseModel

from branchcheck.loading.workbook_layout import BY_NAME, SHEETS
from branchcheck.models import ledger as m
from branchcheck.models import ledger_followup as f
from branchcheck.models import ledger_records as r


def _fields(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def _columns(sheet: str) -> set[str]:
    return {c.field for c in BY_NAME[sheet].columns if c.field is not None}


@pytest.mark.parametrize(
    ("sheet", "model"),
    [
        ("党员", m.Member),
        ("会议活动", r.Event),
        ("培训", r.Training),
        ("个性任务", r.Task),
        ("请假", r.Excused),
        ("党费特殊情况", r.DuesException),
        ("整改", f.Rectification),
        ("积极分子", f.Activist),
    ],
)
def test_every_record_field_has_a_column(sheet: str, model: type[BaseModel]) -> None:
    assert _columns(sheet) == _fields(model)


def test_every_single_record_field_has_a_row() -> None:
    branch = {f"branch.{f}" for f in _fields(m.Branch)} | {"rubric"}
    branch |= {f"period.{f}" for f in _fields(m.Period)}
    assert _columns("支部") == branch
    committee = {f"committee.{f}" for f in _fields(m.Committee) if f != "extension"}
    committee |= {f"committee.extension.{f}" for f in _fields(m.Extension)}
    assert _columns("支委会") == committee


def test_an_assessors_rating_has_a_column() -> None:
    fields = _fields(r.Assessment) - {"level"}  # 等次 is the mapping's value
    assert fields <= _columns("评定")


def test_every_ledger_key_has_a_sheet() -> None:
    held = {s.field for s in SHEETS if s.field} | {"branch", "period", "rubric", "format"}
    assert held == _fields(m.Ledger)


RECORDS: dict[str, type[BaseModel]] = {
    "members": m.Member,
    "events": r.Event,
    "training": r.Training,
    "tasks": r.Task,
    "excused": r.Excused,
    "dues_exceptions": r.DuesException,
    "rectifications": f.Rectification,
    "activists": f.Activist,
}


def _path_held(path: str) -> bool:
    """Whether a dotted path (`committee.extension.until`) names a field of the ledger."""
    model: Any = m.Ledger
    for part in path.split("."):
        if model is None or part not in model.model_fields:
            return False
        annotation = model.model_fields[part].annotation
        inner = [a for a in get_args(annotation) if isinstance(a, type)]
        model = next((a for a in [annotation, *inner] if hasattr(a, "model_fields")), None)
    return True


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_every_column_names_a_ledger_field(sheet) -> None:
    """The other way round: a column whose field the models lack would be read into a key
    the schema refuses, so the layout may not run ahead of the models."""
    read = [c.field for c in sheet.columns if c.field is not None]
    if sheet.shape == "pairs":
        assert [f for f in read if not _path_held(f)] == []
    elif sheet.shape == "rows":
        assert set(read) <= _fields(RECORDS[sheet.field])
    elif sheet.shape == "mapping":
        extra = _fields(r.Assessment) if sheet.field == "ratings" else set()
        assert set(read) <= {"key", "value"} | extra
    if sheet.field:
        assert sheet.field in _fields(m.Ledger)
