"""The archive file: what `report --archive` keeps, replacing, versions, and refusing files
that are not ours."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from archive_builders import INFO, record
from conftest import EXAMPLES, TEST_FILES, sha256

from branchcheck.archive import SCHEMA_VERSION, Archive, period_label, rubric_hash
from branchcheck.archive.schema import APPLICATION_ID, migrate
from branchcheck.loading import load_rubric

FGW = EXAMPLES / "fgw"


def rows(path, sql, args=()):
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql, args).fetchall()


def test_report_keeps_every_ledger(run_line, tmp_path) -> None:
    db = tmp_path / "results.db"
    run = run_line(
        f"branchcheck report {FGW / 'lz-fgw-03.yaml'} {FGW / 'lz-fgw-01-2024q3.yaml'} -f json --archive {db}"
    )
    assert run.code == 0, run.err
    kept = rows(
        db,
        "SELECT r.branch, r.parent, r.label, b.id, b.version, b.hash, r.score, r.max, r.tier,"
        " r.vetoes, r.alerts FROM results r JOIN rubrics b ON b.rid = r.rubric ORDER BY r.branch",
    )
    digest = rubric_hash(load_rubric("lanzhou-6543"))
    assert [k[:9] for k in kept] == [
        (
            "lz-fgw-01",
            "市发改委机关党委",
            "2024Q3",
            "lanzhou-6543",
            "2021",
            digest,
            86.14,
            100.0,
            "standardized",
        ),
        (
            "lz-fgw-03",
            "市发改委机关党委",
            "2024",
            "lanzhou-6543",
            "2021",
            digest,
            92.68,
            100.0,
            "general",
        ),
    ]
    assert kept[1][9] == '["N05"]'
    assert '"term_due"' in kept[1][10]
    norms = dict(
        rows(
            db,
            "SELECT n.id, n.status || ' ' || n.earned FROM norms n JOIN results r"
            " ON r.rid = n.result WHERE r.branch = 'lz-fgw-03'",
        )
    )
    assert norms["N05"] == "missed 0.0" and norms["N10"] == "not_applicable 0.0"
    assert len(norms) == len(INFO.meta.norms)
    assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_scoring_again_replaces_the_same_ledger(run_line, tmp_path) -> None:
    db = tmp_path / "results.db"
    for _ in range(2):
        run = run_line(f"branchcheck report {FGW} -f json -o {tmp_path / 'r.json'} --archive {db}")
        assert run.code == 0
    assert rows(db, "SELECT count(*) FROM results") == [(16,)]
    assert rows(db, "SELECT count(*) FROM rubrics") == [(1,)]
    assert rows(db, "SELECT count(*) FROM norms") == [(16 * len(INFO.meta.norms),)]


def test_another_rubric_version_is_kept_beside(tmp_path) -> None:
    from archive_builders import info

    with Archive.open(tmp_path / "a.db") as archive:
        archive.write([(record("b1", "2024Q3", "general", 70), info())])
        archive.write([(record("b1", "2024Q3", "standardized", 85), info(digest="0" * 64))])
        archive.write([(record("b1", "2024Q3", "standardized", 86), info(digest="0" * 64))])
    assert rows(tmp_path / "a.db", "SELECT score FROM results ORDER BY rid") == [(70.0,), (86.0,)]


@pytest.mark.parametrize(
    ("edit", "same"),
    [
        (lambda t: "# a comment\n" + t, True),
        (lambda t: t.replace("version:", "version:  ", 1), True),
        (lambda t: t.replace("name:", "name: 改", 1), False),
    ],
)
def test_rubric_hash_is_of_content_not_layout(tmp_path, edit, same) -> None:
    original = TEST_FILES / "rubrics" / "good"
    source = next(p for p in sorted(original.glob("*.yaml")))
    copy = tmp_path / source.name
    copy.write_text(edit(source.read_text("utf-8")), "utf-8")
    assert (rubric_hash(load_rubric(copy)) == rubric_hash(load_rubric(source))) is same


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2024-01-01", "2024-12-31", "2024"),
        ("2024-07-01", "2024-09-30", "2024Q3"),
        ("2024-01-01", "2024-06-30", "2024H1"),
        ("2024-03-01", "2024-03-31", "2024-03"),
        ("2024-03-15", "2024-09-30", "2024-03-15..2024-09-30"),
        ("2023-07-01", "2024-06-30", "2023-07-01..2024-06-30"),
    ],
)
def test_period_label(start, end, label) -> None:
    assert period_label(start, end) == label


def test_a_version_1_archive_is_migrated(tmp_path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    migrate(db, upto=1)
    db.execute("COMMIT")
    db.execute(
        "INSERT INTO rubrics VALUES (1, 'lanzhou-6543', '2021', 'h', '规范', '[[\"general\", \"一般党支部\"]]', '[]')"
    )
    db.execute(
        "INSERT INTO results (branch, name, parent, period_start, period_end, rubric, score, max,"
        " tier, tier_name, tier_rank, vetoes, alerts, dimensions, file, recorded) VALUES"
        " ('b1', '支部', '党委', '2024-07-01', '2024-09-30', 1, 80, 100, 'general', '一般党支部',"
        " 0, '[]', '[]', '[]', 'b1.yaml', '2024-10-01T00:00:00')"
    )
    db.close()
    assert rows(path, "PRAGMA user_version") == [(1,)]
    with Archive.open(path, create=False):
        pass
    assert rows(path, "PRAGMA user_version") == [(2,)]
    assert rows(path, "SELECT branch, label, score FROM results") == [("b1", "2024Q3", 80.0)]
    assert ("results_parent",) in rows(path, "SELECT name FROM sqlite_master WHERE type = 'index'")


def _archive_of_version(path, version: int) -> None:
    with Archive.open(path):
        pass
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version = {version}")


def _other_sqlite(path, app_id=0) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute(f"PRAGMA application_id = {app_id}")
        db.commit()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: p.write_text("name,score\nA,1\n"),
            "not a branchcheck archive (not an SQLite file)",
        ),
        (lambda p: _other_sqlite(p), "not a branchcheck archive (another program's SQLite file)"),
        (
            lambda p: _other_sqlite(p, 7),
            "not a branchcheck archive (another program's SQLite file)",
        ),
        (
            lambda p: _archive_of_version(p, SCHEMA_VERSION + 1),
            f"archive schema version {SCHEMA_VERSION + 1} is newer",
        ),
    ],
)
def test_files_not_ours_are_refused_and_left_alone(run_line, tmp_path, make, message) -> None:
    path = tmp_path / "results.db"
    make(path)
    before = sha256(path)
    for line in (
        f"branchcheck report {FGW / 'lz-fgw-04.yaml'} -f json --archive {path}",
        f"branchcheck trend --archive {path}",
        f"branchcheck diff --archive {path} --branch lz-fgw-04 2024 2024",
    ):
        run = run_line(line)
        assert run.code == 2, line
        assert run.out == ""
        (err,) = run.err_lines
        assert err.startswith(f"{path}:1:1: error: {message}")
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.db"]


def test_archive_that_is_a_ledger_is_refused(run_line, tmp_path) -> None:
    ledger = tmp_path / "x.yaml"
    ledger.write_bytes((FGW / "lz-fgw-04.yaml").read_bytes())
    run = run_line(f"branchcheck report {ledger} --archive {ledger}")
    assert run.code == 2
    assert run.err_lines == [
        f"{ledger}:1:1: error: the archive is one of the inputs; choose another name"
    ]
    assert ledger.read_bytes() == (FGW / "lz-fgw-04.yaml").read_bytes()


def test_reading_needs_an_archive_that_exists(run_line, tmp_path) -> None:
    run = run_line(f"branchcheck trend --archive {tmp_path / 'none.db'}")
    assert run.code == 2
    assert "no such archive" in run.err
    assert not (tmp_path / "none.db").exists()


def test_application_id_marks_our_files(tmp_path) -> None:
    with Archive.open(tmp_path / "a.db"):
        pass
    assert rows(tmp_path / "a.db", "PRAGMA application_id") == [(APPLICATION_ID,)]


def test_a_bad_ledger_in_the_batch_is_left_out(run_line, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: branchcheck.ledger/1\nrubric: lanzhou-6543\n", "utf-8")
    db = tmp_path / "results.db"
    run = run_line(f"branchcheck report {FGW / 'lz-fgw-04.yaml'} {bad} -f json --archive {db}")
    assert run.code == 2
    assert rows(db, "SELECT branch, file FROM results") == [
        ("lz-fgw-04", str(FGW / "lz-fgw-04.yaml"))
    ]


def test_the_output_cannot_be_the_archive(run_line, tmp_path) -> None:
    db = tmp_path / "results.db"
    with Archive.open(db):
        pass
    before = sha256(db)
    run = run_line(f"branchcheck report {FGW / 'lz-fgw-04.yaml'} -f json -o {db} --archive {db}")
    assert run.code == 2
    assert sha256(db) == before
