"""Exit codes for faults, read like shell lines: 3 for a bug, 130 for SIGINT, 141 for a reader
that went away, 2 for a stdout that cannot be written and for option errors. Signals, pipes
and closed descriptors are real: those tests run `python -m branchcheck` in a subprocess."""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, TEST_FILES

from branchcheck.cli import main

BATCH = TEST_FILES / "batch"
OK = BATCH / "ok.yaml"
SHORT = BATCH / "short.yaml"
HINT = "(please report it; rerun with BRANCHCHECK_DEBUG=1 for details)"


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "branchcheck", *map(str, args)]


def sigint_by_default() -> None:
    """A child started from a shell's background job inherits SIGINT ignored; undo that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def no_noise(err: str) -> None:
    assert "Traceback" not in err and "Exception ignored" not in err, err


# --- 3: internal errors ---------------------------------------------------------------------


def boom(*args: object) -> None:
    raise RuntimeError("boom")


def test_a_bug_in_score_exits_3(run_line, monkeypatch) -> None:
    monkeypatch.setattr("branchcheck.cli.score.score", boom)
    run = run_line(f"branchcheck score {OK}")
    assert run.code == 3
    assert run.err_lines == [f"branchcheck: internal error: RuntimeError: boom {HINT}"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_in_report_exits_3_and_writes_nothing(run_line, monkeypatch, tmp_path, jobs) -> None:
    if jobs == "2" and multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched engine reaches the workers only when they are forked")
    monkeypatch.setattr("branchcheck.report.batch.score", boom)
    out = tmp_path / "r.json"
    run = run_line(f"branchcheck report {OK} {SHORT} -f json -j {jobs} -o {out}")
    assert run.code == 3
    assert run.err_lines[-1] == f"branchcheck: internal error: {OK}: RuntimeError: boom {HINT}"
    assert not any(line.startswith(f"{OK}:1:1: error:") for line in run.err_lines)
    assert list(tmp_path.iterdir()) == []


def test_a_bug_in_report_shows_its_traceback_when_asked(capsys, monkeypatch) -> None:
    monkeypatch.setattr("branchcheck.report.batch.score", boom)
    monkeypatch.setenv("BRANCHCHECK_DEBUG", "1")
    assert main(["report", str(OK), "-f", "json", "-j", "1"]) == 3
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and 'raise RuntimeError("boom")' in err


# --- 2: option errors are not file positions -----------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            f"branchcheck report {BATCH} -f xlsx",
            "branchcheck: error: --format: xlsx writes a file: add --output FILE",
        ),
        (
            f"branchcheck report {BATCH} -f html",
            "branchcheck: error: --format: html writes a file: add --output FILE",
        ),
        (
            f"branchcheck score {OK} --min-tier gold",
            "branchcheck: error: --min-tier: unknown tier 'gold' in rubric 'mini' (tiers: low, high)",
        ),
        (
            f"branchcheck report {OK} --min-tier gold",
            "branchcheck: error: --min-tier: unknown tier 'gold' in rubric 'mini' (tiers: low, high)",
        ),
        (
            f"branchcheck score {OK} --fail-under nan",
            "branchcheck: error: --fail-under: not a finite number: nan",
        ),
    ],
)
def test_option_errors_name_the_option(run_line, line: str, message: str) -> None:
    run = run_line(line)
    assert run.code == 2
    assert run.err_lines == [message]
    assert run.out == ""


# --- 2: path arguments too long for the system ---------------------------------------------

LONG = "x" * 300


@pytest.mark.parametrize(
    "line",
    [
        "branchcheck score {ok} -o {tmp}/{long}.json",
        "branchcheck score {ok} -o {tmp}/{long}/out.json",
        "branchcheck score {ok} --rubric {tmp}/{long}.yaml",
        "branchcheck score {tmp}/{long}.yaml",
        "branchcheck validate {tmp}/{long}",
        "branchcheck validate {tmp}/{long}.yaml",
        "branchcheck report {tmp}/{long}",
        "branchcheck report {ok} -f json -o {tmp}/{long}.json",
        "branchcheck report {ok} --rubric {tmp}/{long}.yaml",
        "branchcheck rubrics show {tmp}/{long}.yaml",
        "branchcheck rubrics show mini -o {tmp}/{long}.txt",
    ],
)
def test_names_over_255_bytes_are_one_line_and_exit_2(run_line, tmp_path, line: str) -> None:
    run = run_line(line.format(ok=OK, tmp=tmp_path, long=LONG))
    assert run.code == 2, run.err
    assert len(run.err_lines) == 1
    assert run.err_lines[0].startswith(str(tmp_path)), run.err
    assert "file name too long (3" in run.err_lines[0]
    assert list(tmp_path.iterdir()) == []


# --- 2: standard output closed or full ------------------------------------------------------


@pytest.mark.parametrize("cmd", [["score", OK], ["report", OK, "-f", "json"]])
def test_closed_stdout_is_bad_usage_not_a_bug(cmd: list[str | Path]) -> None:
    done = subprocess.run(
        command(*cmd), preexec_fn=lambda: os.close(1), capture_output=False, stderr=subprocess.PIPE
    )
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.splitlines()[-1] == (
        "branchcheck: error: cannot write to standard output: Bad file descriptor"
    )
    no_noise(err)


def test_closed_stdout_does_not_matter_with_an_output_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    done = subprocess.run(
        command("score", OK, "-f", "json", "-o", out),
        preexec_fn=lambda: os.close(1),
        stderr=subprocess.PIPE,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("[")


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
@pytest.mark.parametrize("cmd", [["score", OK], ["report", OK, "-f", "json"], ["rubrics"]])
def test_full_stdout_is_bad_usage_not_a_bug(cmd: list[str | Path]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command(*cmd), stdout=full, stderr=subprocess.PIPE)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.splitlines()[-1] == (
        "branchcheck: error: cannot write to standard output: No space left on device"
    )
    no_noise(err)


# --- 141: the reader went away --------------------------------------------------------------


def small_pipe() -> tuple[int, int]:
    """A pipe that holds little (4 KB where Linux allows setting it; often it holds 1 MB)."""
    read, write = os.pipe()
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
    return read, write


@pytest.mark.parametrize("cmd", ["score", "report"])
def test_broken_pipe_exits_141_quietly(cmd: str) -> None:
    # About 200 KB of output: far more than the pipe holds, so the write meets the closed end.
    extra = ["-f", "json"] if cmd == "score" else ["-f", "json", "-j", "1"]
    read, write = small_pipe()
    proc = subprocess.Popen(
        command(cmd, *([OK] * 150), *extra), stdout=write, stderr=subprocess.PIPE
    )
    os.close(write)
    assert os.read(read, 10)  # like `| head -c 10`
    os.close(read)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141, err
    assert not any("error" in line for line in err.decode().splitlines()), err
    no_noise(err.decode())


# --- 130: interrupted -----------------------------------------------------------------------


def blocked_on_fifo(fifo: Path, proc: subprocess.Popen[bytes]) -> int:
    """Wait until `proc` (or its worker) opened the FIFO to read: it then blocks reading it.
    Returns our writing end, which must stay open until the signal is sent."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            time.sleep(0.05)
    raise AssertionError("the FIFO was never opened")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's reaping is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_exits_130_with_one_line_and_leaves_nothing(tmp_path: Path, jobs: str) -> None:
    fifo = tmp_path / "zz-pipe.yaml"  # read last; blocks until written
    os.mkfifo(fifo)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    proc = subprocess.Popen(
        command("report", OK, SHORT, fifo, "-j", jobs, "-f", "xlsx", "-o", out_dir / "r.xlsx"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=sigint_by_default,
    )
    writer = blocked_on_fifo(fifo, proc)
    try:
        workers = children(proc.pid)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        os.close(writer)
    lines = err.decode().splitlines()
    assert proc.returncode == 130, lines
    assert lines[-1] == "branchcheck: interrupted"
    assert all("warning" in line for line in lines[:-1]), lines
    no_noise(err.decode())
    assert out == b"" and list(out_dir.iterdir()) == []
    time.sleep(0.2)
    assert not [w for w in workers if alive(w)]


# --- workers end with a killed parent --------------------------------------------------------


@pytest.fixture(scope="module")
def many_ledgers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen200")
    generate = [sys.executable, ROOT / "benchmarks/generate.py"]
    subprocess.run(
        [*generate, "--count", "200", "--seed", "1", "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_sigkill_to_report_ends_its_workers(many_ledgers: Path, tmp_path: Path) -> None:
    proc = subprocess.Popen(
        command("report", many_ledgers, "--jobs", "2", "-f", "xlsx", "-o", tmp_path / "r.xlsx"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while len(workers := children(proc.pid)) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "no workers seen"
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 5
    while [w for w in workers if alive(w)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if alive(w)]
    assert list(tmp_path.iterdir()) == []  # and no temporary file beside the output
