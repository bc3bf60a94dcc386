"""Opening an archive safely, and writing one batch as one transaction.

The file is checked before SQLite opens it: a file that is not an SQLite database, an SQLite
database that is not ours, or an archive of a newer schema is refused with one line and left
as it was. Writes run in WAL mode inside BEGIN IMMEDIATE, so a writer killed mid-batch leaves
the archive as it was before the batch, and a second writer waits (busy_timeout) instead of
failing or interleaving.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import BranchcheckError
from ..report.rows import RubricMeta
from .record import Record, period_label
from .schema import APPLICATION_ID, SCHEMA_VERSION, migrate

HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000  # a second writer waits this long for the first to commit


@dataclass(frozen=True, slots=True)
class RubricInfo:
    """A rubric as the archive keeps it: its identity (id, version, content hash) and names."""

    meta: RubricMeta
    hash: str


def _fail(path: str | os.PathLike[str], message: str) -> BranchcheckError:
    return BranchcheckError.at(os.fspath(path), 1, 1, message)


def _check_file(path: Path) -> bool:
    """True if the file exists (and looks like one of ours or an empty one); raises if it is
    anything we must not touch."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise _fail(path, f"cannot open archive: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(path, "cannot open archive: this is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, "cannot open archive: not a regular file")
    if info.st_size == 0:
        return True
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise _fail(path, f"cannot open archive: {exc.strerror or exc}") from None
    if not head.startswith(HEADER):
        raise _fail(path, "not a branchcheck archive (not an SQLite file); it was left as it was")
    if len(head) == 100:
        version = int.from_bytes(head[60:64], "big")
        app = int.from_bytes(head[68:72], "big")
        if app not in (0, APPLICATION_ID):
            raise _fail(path, "not a branchcheck archive (another program's SQLite file)")
        if app == APPLICATION_ID and version > SCHEMA_VERSION:
            raise _newer(path, version)
    return True


def _newer(path: Path, version: int) -> BranchcheckError:
    return _fail(
        path,
        f"archive schema version {version} is newer than this branchcheck reads"
        f" ({SCHEMA_VERSION}); upgrade branchcheck",
    )


class Archive:
    """One open archive. `Archive.open(path)` checks, opens and migrates it."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db

    @classmethod
    def open(cls, path: Path, create: bool = True) -> Archive:
        if not _check_file(path) and not create:
            raise _fail(path, "no such archive (write one with `branchcheck report --archive`)")
        try:
            db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise _fail(path, f"cannot open archive: {exc}") from None
        archive = cls(path, db)
        try:
            archive._prepare()
        except BaseException:
            db.close()
            raise
        return archive

    def _prepare(self) -> None:
        db = self.db
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._check_ours()
            db.execute("PRAGMA foreign_keys = ON")
            current = int(db.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION
            if current:  # nothing to change: a reader needs no write lock (nor a writable file)
                return
            self._use_wal()
            db.execute("BEGIN IMMEDIATE")
            try:
                self._check_ours()  # again, under the lock: another process may have moved on
                migrate(db)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _fail(self.path, f"cannot open archive: {exc}") from None

    def _use_wal(self) -> None:
        """Switch a new archive to WAL (kept in the file: once). SQLite answers a switch that
        races another process's with `database is locked` at once, without waiting on the
        busy timeout; so wait here, as long as the timeout would."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _check_ours(self) -> None:
        # One statement, so one snapshot: read apart, another writer's first batch could land
        # between them (no id yet, then tables) and our own new archive look like a stranger's.
        app, version, tables = self.db.execute(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version),"
            " (SELECT count(*) FROM sqlite_master)"
        ).fetchone()
        if app == APPLICATION_ID:
            if version > SCHEMA_VERSION:
                raise _newer(self.path, version)
            return
        if app != 0 or tables:
            raise _fail(self.path, "not a branchcheck archive (another program's SQLite file)")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def write(self, batch: Iterable[tuple[Record, RubricInfo]]) -> int:
        """Record a batch: all of it or, if anything stops it, none of it. A result already
        kept for the same branch, period and rubric (id, version, hash) is replaced."""
        db = self.db
        now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        rubric_ids: dict[tuple[str, str, str], tuple[int, dict[str, int]]] = {}
        count = 0
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                for record, rubric in batch:
                    key = (rubric.meta.id, rubric.meta.version, rubric.hash)
                    known = rubric_ids.get(key)
                    if known is None:
                        known = rubric_ids[key] = self._rubric(rubric)
                    self._result(record, known[0], known[1].get(record.tier, 0), now)
                    count += 1
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _fail(self.path, f"cannot write archive: {exc}") from None
        return count

    def _rubric(self, rubric: RubricInfo) -> tuple[int, dict[str, int]]:
        meta, db = rubric.meta, self.db
        ranks = {tier_id: i for i, (tier_id, _) in enumerate(meta.tiers)}
        row = db.execute(
            "SELECT rid FROM rubrics WHERE id = ? AND version = ? AND hash = ?",
            (meta.id, meta.version, rubric.hash),
        ).fetchone()
        if row is not None:
            return int(row[0]), ranks
        rid = db.execute(
            "INSERT INTO rubrics (id, version, hash, name, tiers, dimensions)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                meta.id,
                meta.version,
                rubric.hash,
                meta.name,
                json.dumps(meta.tiers, ensure_ascii=False),
                json.dumps(meta.dimensions, ensure_ascii=False),
            ),
        ).lastrowid
        assert rid is not None
        db.executemany(
            "INSERT INTO rubric_norms VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (rid, n.id, i, n.name, n.dimension, n.points, int(n.bonus))
                for i, n in enumerate(meta.norms)
            ],
        )
        return rid, ranks

    def _result(self, r: Record, rubric: int, rank: int, now: str) -> None:
        db = self.db
        db.execute(
            "DELETE FROM results WHERE branch = ? AND period_start = ? AND period_end = ?"
            " AND rubric = ?",
            (r.branch, r.start, r.end, rubric),
        )  # its norms go with it (ON DELETE CASCADE)
        rid = db.execute(
            "INSERT INTO results (branch, name, parent, period_start, period_end, label, rubric,"
            " score, max, tier, tier_name, tier_rank, vetoes, alerts, dimensions, parts, file,"
            " recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                r.branch,
                r.name,
                r.parent,
                r.start,
                r.end,
                period_label(r.start, r.end),
                rubric,
                r.score,
                r.max,
                r.tier,
                r.tier_name,
                rank,
                json.dumps(r.vetoes),
                json.dumps(r.alerts, ensure_ascii=False),
                json.dumps(r.dimensions),
                json.dumps(
                    {
                        "common": r.common,
                        "tasks": r.tasks,
                        "bonus": r.bonus,
                        "rescaled": r.rescaled,
                    },
                    ensure_ascii=False,
                ),
                r.file,
                now,
            ),
        ).lastrowid
        db.executemany(
            "INSERT INTO norms VALUES (?, ?, ?, ?)",
            [(rid, norm_id, earned, status) for norm_id, earned, status in r.norms],
        )
