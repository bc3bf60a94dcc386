"""A "2025 version" of lanzhou-6543, made from the built-in file by small edits, so the
tests follow the built-in rubric as it changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

BUILTIN = ROOT / "rubrics" / "lanzhou-6543.yaml"


def _norm_block(text: str, norm_id: str) -> tuple[int, int]:
    start = text.index(f"          - id: {norm_id}\n")
    end = text.find("\n          - id: ", start + 1)
    nxt = text.find("\n      - id: ", start + 1)
    ends = [e for e in (end, nxt) if e != -1]
    return start, min(ends)


def edit_norm(text: str, norm_id: str, old: str, new: str) -> str:
    start, end = _norm_block(text, norm_id)
    block = text[start:end]
    assert block.count(old) == 1, (norm_id, old)
    return text[:start] + block.replace(old, new) + text[end:]


EDITS = [
    ('version: "2021"', 'version: "2025"'),
    ("    min_score: 90\n", "    min_score: 85\n"),  # 示范性: 90 -> 85
]
NORM_EDITS = [
    ("N31", "hours: 56", "hours: 40"),  # a threshold
    ("N28", "name: 意识形态研判", "name: 意识形态分析研判"),  # renamed
    ("N29", "id: N29", "id: N50"),  # renumbered: same name, new id
    ("N05", "veto: true", "veto: false"),  # no longer a veto
    ("N01", "points: 2", "points: 1"),  # points moved from N01 ...
    ("N02", "points: 2", "points: 3"),  # ... to N02 (the total stays)
    ("N30", "id: N30", "id: N51"),  # removed, and a new veto added: other id, other name
    ("N51", "name: 支部班子成员受党纪政务处分（否决项）", "name: 班子成员违纪违法（否决项）"),
]


def make_2025(text: str) -> str:
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    for norm_id, old, new in NORM_EDITS:
        text = edit_norm(text, norm_id, old, new)
    return text


@pytest.fixture
def lanzhou_2025(tmp_path: Path) -> Path:
    path = tmp_path / "lanzhou-6543-2025.yaml"
    path.write_text(make_2025(BUILTIN.read_text(encoding="utf-8")), encoding="utf-8")
    return path
