"""The spool and the row store give back exactly what was put in, in order: raw bytes and
pickled fragments alike, and rows with their arrays and costliest norms."""

from __future__ import annotations

import math
import pickle
from array import array

from branchcheck.report.rows import BranchRow, CostlyNorm
from branchcheck.report.spool import RowStore, Spool


def test_fragments_come_back_per_group_in_order_whatever_their_kind() -> None:
    put: dict[str, list[object]] = {"a": [], "b": []}
    with Spool() as spool:
        for n in range(6):
            group = "ab"[n % 2]
            fragment = [b"", b"{\xe2\x80\x9c}", ("row", n), None, "文本", b"x" * 70000][n]
            spool.add(group, fragment)
            put[group].append(fragment)
        assert list(spool.read("a")) == put["a"]
        assert list(spool.read("b")) == put["b"]
        assert list(spool.read("a")) == put["a"]  # read again: from the start
        assert list(spool.read("none")) == []


def _row(**changes: object) -> BranchRow:
    fields: dict[str, object] = {
        "file": "a.yaml",
        "rubric": "lanzhou-6543",
        "id": "b1",
        "name": "第一支部",
        "parent": "机关党委",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "score": 91.5,
        "tier_id": "exemplary",
        "tier_name": "示范",
        "tier_rank": 2,
        "vetoes": (),
        "next_tier": None,
        "short_by": None,
        "blockers": (),
        "costliest": (CostlyNorm("N19", "党员权利保障", 0.8), CostlyNorm("N08", "支委会", 0.5)),
        "dimension_earned": array("d", [30.0, 28.5]),
        "norm_shares": array("d", [1.0, math.nan, 0.5]),
        "standard_shares": array("d"),
    }
    fields.update(changes)
    return BranchRow(**fields)  # type: ignore[arg-type]


def test_a_row_pickles_whole() -> None:
    row = _row(blocker_texts=("差 2.5 分",), next_min_score=95.0)
    back = pickle.loads(pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(back.costliest[0]) is CostlyNorm and back.costliest == row.costliest
    for name in ("dimension_earned", "norm_shares", "standard_shares"):
        kept, original = getattr(back, name), getattr(row, name)
        assert type(kept) is array and kept.typecode == "d"
        assert kept.tobytes() == original.tobytes()  # NaN included
    arrays = ("dimension_earned", "norm_shares", "standard_shares")
    plain = [f for f in BranchRow.__dataclass_fields__ if f not in arrays]
    assert [getattr(back, f) for f in plain] == [getattr(row, f) for f in plain]


def test_rows_appended_after_a_partial_walk_go_at_the_end() -> None:
    store = RowStore()
    for n in range(3):
        store.append(_row(id=f"b{n}"))
    walk = iter(store)
    assert next(walk).id == "b0"  # the file's position is now inside the rows
    store.append(_row(id="b3"))
    assert [r.id for r in store] == ["b0", "b1", "b2", "b3"]
    store.close()
