"""The archive's tables and their versions (PRAGMA user_version), oldest first.

Each migration takes the archive from version i to i + 1 inside the transaction that opens
it; an archive is only ever moved forward. A file whose version is above SCHEMA_VERSION was
written by a newer branchcheck and is refused, never touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .record import period_label

APPLICATION_ID = 0x4243686B  # "BChk": PRAGMA application_id, so our files can be told apart

V1 = """
CREATE TABLE rubrics (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  version TEXT NOT NULL,
  hash TEXT NOT NULL,          -- record.rubric_hash: SHA-256 of the rubric as loaded
  name TEXT NOT NULL,
  tiers TEXT NOT NULL,         -- JSON [[id, name], ...], lowest first
  dimensions TEXT NOT NULL,    -- JSON [[id, name], ...]
  UNIQUE (id, version, hash)
);
CREATE TABLE rubric_norms (
  rubric INTEGER NOT NULL REFERENCES rubrics (rid),
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  dimension TEXT NOT NULL,
  points REAL NOT NULL,
  bonus INTEGER NOT NULL,
  PRIMARY KEY (rubric, id)
) WITHOUT ROWID;
CREATE TABLE results (
  rid INTEGER PRIMARY KEY,
  branch TEXT NOT NULL,
  name TEXT NOT NULL,
  parent TEXT,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  rubric INTEGER NOT NULL REFERENCES rubrics (rid),
  score REAL NOT NULL,
  max REAL NOT NULL,
  tier TEXT NOT NULL,
  tier_name TEXT NOT NULL,
  tier_rank INTEGER NOT NULL,  -- index in the rubric's tiers, 0 = lowest
  vetoes TEXT NOT NULL,        -- JSON [norm id, ...]
  alerts TEXT NOT NULL,        -- JSON [[kind, message], ...]
  dimensions TEXT NOT NULL,    -- JSON [[id, earned, max], ...]
  parts TEXT NOT NULL DEFAULT '{}',  -- JSON {common: [earned, max], tasks: [[id, name,
                               -- points, earned, status]], bonus, rescaled}
  file TEXT NOT NULL,
  recorded TEXT NOT NULL,      -- UTC, ISO 8601: the batch's time
  UNIQUE (branch, period_start, period_end, rubric)
);
CREATE TABLE norms (
  result INTEGER NOT NULL REFERENCES results (rid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  earned REAL NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (result, id)
) WITHOUT ROWID;
"""


def _v1(db: sqlite3.Connection) -> None:
    for statement in V1.split(";"):
        if statement.strip():
            db.execute(statement)


def _v2(db: sqlite3.Connection) -> None:
    """The period label (2024, 2024Q3) that `trend` and `diff` name periods by, and an index
    for `trend --parent`."""
    db.execute("ALTER TABLE results ADD COLUMN label TEXT NOT NULL DEFAULT ''")
    db.create_function("period_label", 2, period_label, deterministic=True)
    db.execute("UPDATE results SET label = period_label(period_start, period_end)")
    db.execute("CREATE INDEX results_parent ON results (parent, branch)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, upto: int = SCHEMA_VERSION) -> int:
    """Bring an archive (inside an open transaction) from its version to `upto`; the version
    it was found at is returned."""
    found = int(db.execute("PRAGMA user_version").fetchone()[0])
    for step in MIGRATIONS[found:upto]:
        step(db)
    if found < upto:
        db.execute(f"PRAGMA user_version = {int(upto)}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return found
