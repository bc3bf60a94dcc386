"""What keeps a batch's memory flat: rows parked on disk, names instead of Paths, jobs made
when sent. Each is held to the plain way it replaced."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from branchcheck.cli.paths import yaml_file_names, yaml_files
from branchcheck.report.batch import Job, Jobs
from branchcheck.report.spool import RowStore


def _tree(root: Path, seed: int) -> None:
    rnd = random.Random(seed)
    letters = "ab-_.Z0~ä"
    for i in range(120):
        parts = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 3))) for _ in range(3)]
        folder = root.joinpath(*parts[: rnd.randint(0, 3)])
        name = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 3)))
        name += rnd.choice([".yaml", ".yml", ".txt", ".yaml.", "yaml"])
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text("x")
            if rnd.random() < 0.1:
                (folder / f"loop{i}").symlink_to(root, target_is_directory=True)
            if rnd.random() < 0.1:
                (folder / f"link{i}.yaml").symlink_to(folder / name)
            if rnd.random() < 0.05:
                (folder / f"dangling{i}.yaml").symlink_to(root / "nowhere")
            if rnd.random() < 0.05:
                (folder / f"folder{i}.yaml").mkdir()
        except OSError:  # a name taken by a file or a folder already: skip it
            pass


@pytest.mark.parametrize("seed", range(6))
def test_folders_are_listed_as_sorted_rglob_lists_them(tmp_path: Path, seed: int) -> None:
    _tree(tmp_path, seed)
    expected = sorted(
        p for p in tmp_path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
    )
    assert yaml_file_names([tmp_path]) == [str(p) for p in expected]
    assert yaml_files([tmp_path]) == expected


def test_the_current_folder_lists_bare_names(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text("x")
    (tmp_path / "b.yml").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert yaml_file_names([Path(".")]) == ["b.yml", os.path.join("sub", "a.yaml")]


def test_rows_come_back_in_order_however_they_are_walked() -> None:
    store = RowStore()
    assert list(store) == [] and len(store) == 0
    for n in range(5):
        store.append(("row", n))
    walks = zip(store, store, strict=True)  # two walks at once do not move each other
    assert [a for a, b in walks if a == b] == [("row", n) for n in range(5)]
    store.append(("row", 5))  # appended after a walk: still at the end
    rows = store.rows()
    assert rows == [("row", n) for n in range(6)] and store.rows() is rows
    assert len(store) == 6
    store.close()


def test_jobs_are_made_from_names_when_asked() -> None:
    jobs = Jobs(["a.yaml", "b.yaml"], "five-star", print)
    assert len(jobs) == 2
    assert list(jobs) == [Job("a.yaml", "five-star", print), Job("b.yaml", "five-star", print)]
    assert jobs[1:] == [Job("b.yaml", "five-star", print)]


def test_the_rectification_tables_stream_the_rows(monkeypatch) -> None:
    """The 整改 counts go into every JSON report: they must not read every branch's row back
    into memory (`group.rows`), which would undo parking them on disk."""
    from branchcheck.formats.report import rectify_section
    from branchcheck.report.model import RubricSummary

    def loaded_rows(self: RubricSummary) -> list[object]:
        raise AssertionError("group.rows read back for the rectification tables")

    from conftest import EXAMPLES

    from branchcheck import score
    from branchcheck.loading import read_ledger
    from branchcheck.report import aggregate
    from branchcheck.report.model import Summary

    summary = Summary()
    for name in ("lz-fgw-03.yaml", "lz-fgw-11.yaml"):  # both carry rectification items
        loaded = read_ledger(EXAMPLES / "fgw" / name)
        meta = aggregate.rubric_meta(loaded.rubric)
        result = score(loaded.rubric, loaded.ledger)
        aggregate.add(summary, meta, aggregate.branch_row(result, meta, name))
    monkeypatch.setattr(RubricSummary, "rows", property(loaded_rows))
    try:
        tables = [t for g in summary.rubrics.values() for t in rectify_section.tables(g)]
    finally:
        summary.close()
    assert any("ZG-11-02" in str(rows) for _, _, rows in tables)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_json_report_holds_no_branch_rows_while_it_writes(run_line, monkeypatch, jobs) -> None:
    """The parent keeps each branch's figures, not its row: when the JSON report is written,
    no row of the batch is alive (they are parked on disk), and none is read back."""
    import gc

    from conftest import EXAMPLES

    from branchcheck.formats.report.json_report import JsonReport
    from branchcheck.report.model import RubricSummary
    from branchcheck.report.rows import BranchRow

    def loaded_rows(self: RubricSummary) -> list[object]:
        raise AssertionError("group.rows read back for a JSON report")

    alive: list[int] = []
    write = JsonReport.write

    def counting_write(self: JsonReport, context, out) -> None:
        gc.collect()
        alive.append(sum(isinstance(o, BranchRow) for o in gc.get_objects()))
        write(self, context, out)

    def walked(self: RowStore) -> Iterator[object]:
        raise AssertionError("rows read back from disk for a JSON report")

    monkeypatch.setattr(RubricSummary, "rows", property(loaded_rows))
    monkeypatch.setattr(RowStore, "__iter__", walked)  # its 整改 counts too are kept as it goes
    monkeypatch.setattr(JsonReport, "write", counting_write)
    run = run_line(f"branchcheck report {EXAMPLES / 'fgw'} -f json -j {jobs}")
    assert run.code == 0, run.err
    import json

    assert len(json.loads(run.out)["results"]) == 16
    assert alive == [0]
