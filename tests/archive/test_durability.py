"""A writer killed mid-batch, and two writers at once: the archive stays whole, and each batch
is either all in or all out."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from archive_builders import INFO
from conftest import ROOT

# Writes batch `tag` of `count` records; with `pause_after`, prints READY after that many and
# waits inside the open transaction (to be killed there).
WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from archive_builders import INFO, record
from branchcheck.archive import Archive

path, tag, count, pause_after, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]

def batch():
    for i in range(count):
        if i == pause_after:
            print("READY", flush=True)
            time.sleep(60)
        yield record(f"{{tag}}-{{i:05d}}", "2024Q3", "standardized", 85.0,
                     norms=tuple((n.id, 1.0, "met") for n in INFO.meta.norms)), INFO

while go != "-" and not __import__("os").path.exists(go):
    time.sleep(0.01)
with Archive.open(__import__("pathlib").Path(path)) as archive:
    archive.write(batch())
print("DONE", flush=True)
"""


def writer(
    path: Path, tag: str, count: int, pause_after: int = -1, go: str = "-"
) -> subprocess.Popen[str]:
    script = WRITER.format(tests=str(ROOT / "tests"))
    return subprocess.Popen(
        [sys.executable, "-c", script, str(path), tag, str(count), str(pause_after), go],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,  # branchcheck as this interpreter has it installed (editable or not)
    )


def finish(process: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)  # also closes the pipes
    return process.returncode, err


def counts(path: Path) -> tuple[str, dict[str, int]]:
    with closing(sqlite3.connect(path)) as db:
        (check,) = db.execute("PRAGMA integrity_check").fetchone()
        per_batch = dict(
            db.execute(
                "SELECT substr(branch, 1, instr(branch, '-') - 1), count(*) FROM results GROUP BY 1"
            ).fetchall()
        )
        norms = db.execute("SELECT count(*) FROM norms").fetchone()[0]
        per_batch["norms"] = norms
    return check, per_batch


def test_a_writer_killed_mid_batch_leaves_the_batch_out(tmp_path) -> None:
    path = tmp_path / "results.db"
    assert finish(writer(path, "a", 300)) == (0, "")
    second = writer(path, "b", 5000, pause_after=2000)
    assert second.stdout is not None
    assert second.stdout.readline().strip() == "READY"  # 2,000 records written, not committed
    os.kill(second.pid, signal.SIGKILL)
    assert finish(second)[0] == -signal.SIGKILL
    assert Path(f"{path}-wal").exists()  # the killed writer's pages are there, uncommitted
    norms = len(INFO.meta.norms)
    assert counts(path) == ("ok", {"a": 300, "norms": 300 * norms})
    assert finish(writer(path, "c", 10)) == (0, "")  # the next batch goes in as usual
    assert counts(path) == ("ok", {"a": 300, "c": 10, "norms": 310 * norms})


def test_two_writers_at_once_both_get_in_whole(tmp_path) -> None:
    path = tmp_path / "results.db"
    go = tmp_path / "go"
    writers = [writer(path, tag, 2000, go=str(go)) for tag in ("a", "b")]
    time.sleep(0.5)  # both started and waiting
    go.touch()
    assert [finish(w) for w in writers] == [(0, ""), (0, "")]
    norms = len(INFO.meta.norms)
    assert counts(path) == ("ok", {"a": 2000, "b": 2000, "norms": 4000 * norms})
