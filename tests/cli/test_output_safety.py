"""`--output` never harms an input, is checked before any work, goes through links to their
file, streams to devices and FIFOs, and leaves no temporary file behind, whatever happens."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pytest
from conftest import TEST_FILES, sha256

BATCH = TEST_FILES / "batch"
OK = BATCH / "ok.yaml"
SHORT = BATCH / "short.yaml"
MINI = TEST_FILES / "rubrics/good/mini.yaml"
OVERWRITE = "error: output would overwrite an input file; choose another name"


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def no_scoring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoring raises: a test passing with it shows the output was refused before any work."""

    def boom(*args: object) -> None:
        raise AssertionError("scored before the output was checked")

    monkeypatch.setattr("branchcheck.cli.score.score", boom)
    monkeypatch.setattr("branchcheck.report.batch.score", boom)


# --- inputs are protected: by path, symbolic link, hard link -------------------------------


def names_for(tmp_path: Path, protected: Path) -> dict[str, Path]:
    """The protected file's own path, a symbolic link to it and a hard link to it."""
    link, hard = tmp_path / "link.out", tmp_path / "hard.out"
    link.symlink_to(protected)
    os.link(protected, hard)
    return {"same": protected, "symlink": link, "hardlink": hard}


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize(
    "line",
    [
        "branchcheck score {ok} --rubric {rubric} -f json -o {out}",
        "branchcheck report {ok} --rubric {rubric} -f json -o {out}",
        "branchcheck report {ok} --rubric {rubric} -f xlsx -o {out}",
        "branchcheck rubrics show {rubric} -o {out}",
    ],
)
def test_a_rubric_given_by_path_is_refused_up_front(
    run_line, tmp_path, no_scoring, how: str, line: str
) -> None:
    rubric = tmp_path / "rubric.yaml"
    shutil.copy(MINI, rubric)
    before, files = sha256(rubric), None
    out = names_for(tmp_path, rubric)[how]
    files = listing(tmp_path)
    run = run_line(line.format(ok=OK, rubric=rubric, out=out))
    assert run.code == 2
    assert run.err_lines == [f"{out}:1:1: {OVERWRITE}"]
    assert sha256(rubric) == before and listing(tmp_path) == files
    assert out.is_symlink() == (how == "symlink")


def ledger_naming_a_rubric(tmp_path: Path) -> tuple[Path, Path]:
    """tmp/ledgers/l.yaml whose `rubric:` names tmp/rubrics/mini.yaml."""
    (tmp_path / "ledgers").mkdir()
    (tmp_path / "rubrics").mkdir()
    rubric = tmp_path / "rubrics" / "mini.yaml"
    shutil.copy(MINI, rubric)
    ledger = tmp_path / "ledgers" / "l.yaml"
    ledger.write_bytes(OK.read_bytes())  # names ../rubrics/good/mini.yaml
    text = ledger.read_text(encoding="utf-8").replace(
        "../rubrics/good/mini.yaml", "../rubrics/mini.yaml"
    )
    ledger.write_text(text, encoding="utf-8")
    return ledger, rubric


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize(
    "cmd", ["score {ledger} -f json", "report {folder} -f json -j 1", "report {folder} -f xlsx"]
)
def test_the_rubric_a_ledger_names_is_refused_before_writing(run_line, tmp_path, how, cmd) -> None:
    ledger, rubric = ledger_naming_a_rubric(tmp_path)
    before = sha256(rubric)
    out = names_for(tmp_path, rubric)[how]
    files = listing(tmp_path)
    run = run_line(f"branchcheck {cmd.format(ledger=ledger, folder=ledger.parent)} -o {out}")
    assert run.code == 2
    assert run.err_lines == [f"{out}:1:1: {OVERWRITE}"]
    assert sha256(rubric) == before and listing(tmp_path) == files
    assert listing(rubric.parent) == ["mini.yaml"]


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_a_ledger_found_in_a_folder_is_refused_up_front(
    run_line, tmp_path, no_scoring, how
) -> None:
    ledger, _ = ledger_naming_a_rubric(tmp_path)
    before = sha256(ledger)
    out = names_for(tmp_path, ledger)[how]
    run = run_line(f"branchcheck report {ledger.parent} -f json -o {out}")
    assert run.code == 2
    assert run.err_lines == [f"{out}:1:1: {OVERWRITE}"]
    assert sha256(ledger) == before


def test_stdout_appending_to_an_input_is_refused(tmp_path) -> None:
    ledger, _ = ledger_naming_a_rubric(tmp_path)
    before = sha256(ledger)
    with open(ledger, "ab") as append:  # `branchcheck score l.yaml >> l.yaml`
        done = subprocess.run(
            [sys.executable, "-m", "branchcheck", "score", str(ledger)],
            stdout=append,
            stderr=subprocess.PIPE,
        )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        f"{ledger}:1:1: error: standard output is this input file; it would be damaged"
    ]
    assert sha256(ledger) == before


# --- links are followed; devices, FIFOs and stdout are streams ------------------------------


def test_a_symlinked_output_is_written_through_to_its_file(run_line, tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    real = tmp_path / "b" / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "a" / "out.json"
    link.symlink_to("../b/real.json")
    run = run_line(f"branchcheck score {OK} -f json -o {link}")
    assert run.code == 0, run.err
    assert link.is_symlink() and os.readlink(link) == "../b/real.json"
    assert real.read_text(encoding="utf-8").startswith("[")
    assert listing(tmp_path / "a") == ["out.json"] and listing(tmp_path / "b") == ["real.json"]


def test_a_dangling_symlink_creates_its_file(run_line, tmp_path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to("made.json")
    assert run_line(f"branchcheck score {OK} -f json -o {link}").code == 0
    assert link.is_symlink() and (tmp_path / "made.json").read_text(encoding="utf-8").startswith(
        "["
    )


@pytest.mark.parametrize("name", ["-", "/dev/stdout", "/dev/fd/1"])
def test_dash_and_dev_stdout_mean_stdout(run_line, name: str) -> None:
    if name != "-" and not Path(name).exists():
        pytest.skip(f"no {name} here")
    before = os.lstat("/dev/stdout") if Path("/dev/stdout").exists() else None
    run = run_line(f"branchcheck score {OK} -f json -o {name}")
    assert run.code == 0, run.err
    assert run.out.startswith("[")
    if before is not None:
        assert os.lstat("/dev/stdout").st_mode == before.st_mode  # never replaced


@pytest.fixture
def devices(tmp_path: Path) -> dict[str, Path]:
    """Private copies of /dev/null and /dev/full (made with mknod): a mistake cannot harm /dev."""
    made = {}
    for name, minor in (("null", 3), ("full", 7)):
        path = tmp_path / name
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
            with open(path, "wb") as probe:
                probe.write(b"")
        except OSError:
            pytest.skip("cannot make device nodes here (not root, or a nodev mount)")
        made[name] = path
    return made


@pytest.mark.parametrize(
    "line",
    ["score {ok} -f json", "report {ok} -f json", "report {ok} -f xlsx", "rubrics show mini"],
)
def test_a_device_is_written_to_not_replaced(run_line, devices, line: str) -> None:
    line = line.replace("mini", str(MINI))
    run = run_line(f"branchcheck {line.format(ok=OK)} -o {devices['null']}")
    assert run.code == 0, run.err
    run = run_line(f"branchcheck {line.format(ok=OK)} -o {devices['full']}")
    assert run.code == 2
    assert (
        run.err_lines[-1] == f"{devices['full']}:1:1: error: cannot write: No space left on device"
    )
    assert all(p.is_char_device() for p in devices.values())


def test_a_fifo_is_written_to_not_replaced(run_line, tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    run = run_line(f"branchcheck score {OK} -f json -o {fifo}")
    reader.join(timeout=30)
    assert run.code == 0, run.err
    assert got and got[0].startswith(b"[")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and listing(tmp_path) == ["pipe"]


def test_a_fifo_whose_reader_leaves_is_one_error_line(run_line, tmp_path) -> None:
    fcntl = pytest.importorskip("fcntl")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def read_a_little() -> None:
        fd = os.open(fifo, os.O_RDONLY)
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
        os.read(fd, 10)
        os.close(fd)

    reader = threading.Thread(target=read_a_little)
    reader.start()
    run = run_line(f"branchcheck score {' '.join([str(OK)] * 150)} -f json -o {fifo}")
    reader.join(timeout=30)
    assert run.code == 2
    assert run.err_lines == [f"{fifo}:1:1: error: cannot write: Broken pipe"]


# --- what cannot be written is refused before any work ---------------------------------------


@pytest.mark.parametrize(
    "cmd", ["score {ok} -f json", "report {ok} -f xlsx", "rubrics show {mini}"]
)
def test_a_read_only_output_is_refused_up_front(run_line, tmp_path, no_scoring, cmd) -> None:
    out = tmp_path / "out"
    out.write_text("keep", encoding="utf-8")
    out.chmod(0o444)
    run = run_line(f"branchcheck {cmd.format(ok=OK, mini=MINI)} -o {out}")
    assert run.code == 2
    assert run.err_lines == [
        f"{out}:1:1: error: cannot write: the file is read-only (make it writable, or choose another)"
    ]
    assert out.read_text(encoding="utf-8") == "keep" and listing(tmp_path) == ["out"]


@pytest.mark.parametrize("cmd", ["score {ok} -f json", "report {ok} -f xlsx"])
def test_an_unwritable_folder_is_refused_up_front(run_line, tmp_path, no_scoring, cmd) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        run = run_line(f"branchcheck {cmd.format(ok=OK)} -o {folder / 'out'}")
    finally:
        folder.chmod(0o755)
    assert run.code == 2
    assert run.err_lines == [
        f"{folder / 'out'}:1:1: error: cannot write: folder {str(folder)!r} is not writable"
    ]
    assert listing(folder) == []


@pytest.mark.parametrize("cmd", ["score {ok} -f json", "report {ok} -f xlsx"])
def test_a_missing_folder_and_a_folder_are_refused_up_front(
    run_line, tmp_path, no_scoring, cmd
) -> None:
    run = run_line(f"branchcheck {cmd.format(ok=OK)} -o {tmp_path / 'no' / 'out'}")
    assert run.code == 2
    assert run.err_lines == [
        f"{tmp_path / 'no' / 'out'}:1:1: error: cannot write: folder {str(tmp_path / 'no')!r} does not exist"
    ]
    run = run_line(f"branchcheck {cmd.format(ok=OK)} -o {tmp_path}/")
    assert run.code == 2 and len(run.err_lines) == 1 and "is a directory" in run.err


# --- temporary files cannot pile up ---------------------------------------------------------

KILL_MID_WRITE = """
import os, signal, sys
from pathlib import Path
from branchcheck.cli import output, target
if sys.argv[2] == "named":
    output._open_anonymous = lambda folder: None
with output.open_output(target.plan_output(Path(sys.argv[1]))) as stream:
    stream.write(b"x" * 100000)
    stream.flush()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def anonymous_files_work(folder: Path) -> bool:
    try:
        fd = os.open(folder, getattr(os, "O_TMPFILE", 0) | os.O_RDWR, 0o600)
    except (OSError, ValueError):
        return False
    os.close(fd)
    return getattr(os, "O_TMPFILE", 0) != 0 and Path("/proc/self/fd").is_dir()


def test_a_kill_mid_write_leaves_nothing(tmp_path) -> None:
    if not anonymous_files_work(tmp_path):
        pytest.skip("no O_TMPFILE here")
    out = tmp_path / "out.xlsx"
    done = subprocess.run([sys.executable, "-c", KILL_MID_WRITE, str(out), "anonymous"])
    assert done.returncode == -9
    assert listing(tmp_path) == []


def test_named_leftovers_are_removed_an_hour_on(run_line, tmp_path) -> None:
    out = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-c", KILL_MID_WRITE, str(out), "named"])
    assert done.returncode == -9
    (left,) = listing(tmp_path)
    assert (
        left.startswith(".out.json.")
        and left.endswith(".tmp")
        and len(left) == len(".out.json.") + 12
    )
    fresh = tmp_path / ".out.json.abcd1234.tmp"  # as if another run were writing it right now
    fresh.write_bytes(b"")
    others = [tmp_path / ".out.json.not-ours.tmp", tmp_path / ".other.json.abcd1234.tmp"]
    for path in others:
        path.write_bytes(b"")
    hours_ago = time.time() - 7200
    for path in [tmp_path / left, *others]:
        os.utime(path, (hours_ago, hours_ago))
    assert run_line(f"branchcheck score {OK} -f json -o {out}").code == 0
    assert listing(tmp_path) == sorted(["out.json", fresh.name, *(p.name for p in others)])


def test_without_anonymous_files_a_named_temporary_is_used(run_line, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("branchcheck.cli.output._open_anonymous", lambda folder: None)
    out = tmp_path / "r.json"
    assert run_line(f"branchcheck score {OK} -f json -o {out}").code == 0
    assert out.read_text(encoding="utf-8").startswith("[") and listing(tmp_path) == ["r.json"]


def test_when_linking_the_anonymous_file_fails_it_is_copied(
    run_line, tmp_path, monkeypatch
) -> None:
    def no_link(*args: object, **kwargs: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("branchcheck.cli.output.os.link", no_link)
    out = tmp_path / "r.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert run_line(f"branchcheck score {OK} -f json -o {out}").code == 0
    assert out.read_text(encoding="utf-8").startswith("[") and listing(tmp_path) == ["r.json"]
    assert out.stat().st_mode & 0o777 == 0o640


# --- a failing xlsx write: one line, no traceback after it, nothing left --------------------


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize("where", ["zipfile.ZipFile.write", "zipfile._ZipWriteFile.write"])
@pytest.mark.parametrize(
    ("fault", "code", "line"),
    [
        (
            lambda: OSError(28, "No space left on device"),
            2,
            "{out}:1:1: error: cannot write: No space left on device",
        ),
        (KeyboardInterrupt, 130, "branchcheck: interrupted"),
    ],
)
def test_a_failing_xlsx_write_is_one_line_and_leaves_nothing(
    run_line, tmp_path, monkeypatch, private_tmp, where, fault, code, line
) -> None:
    real = eval(where)  # one of the two names above
    calls = []

    def failing(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise fault()  # a new one: a kept exception would keep its frames alive
        return real(self, *args, **kwargs)

    monkeypatch.setattr(where, failing)
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    unraisable: list[str] = []  # what Python would print as `Exception ignored in ...`
    monkeypatch.setattr(sys, "unraisablehook", lambda u: unraisable.append(repr(u.exc_value)))
    run = run_line(f"branchcheck report {OK} {SHORT} -f xlsx -j 1 -o {out}")
    gc.collect()
    assert run.code == code
    assert [e for e in run.err_lines if "warning" not in e] == [line.format(out=out)]
    assert unraisable == []
    assert listing(out.parent) == [] and listing(private_tmp) == []


def test_a_full_disk_under_a_real_xlsx_write(tmp_path) -> None:
    """A file-size limit (RLIMIT_FSIZE) makes writes fail with EFBIG like a full disk does."""
    resource = pytest.importorskip("resource")
    import signal

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    cmd = [
        sys.executable,
        "-m",
        "branchcheck",
        "report",
        str(OK),
        str(SHORT),
        "-f",
        "xlsx",
        "-j",
        "1",
        "-o",
    ]
    whole = tmp_path / "whole.xlsx"
    assert subprocess.run([*cmd, str(whole)], env=env, capture_output=True).returncode == 0
    limit = whole.stat().st_size // 2  # fails inside XlsxWriter's zip writing

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    done = subprocess.run(
        [*cmd, str(out)], env=env, capture_output=True, text=True, preexec_fn=limited
    )
    assert done.returncode == 2, done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    errors = [e for e in done.stderr.splitlines() if "warning" not in e]
    assert errors == [f"{out}:1:1: error: cannot write: File too large"]
    assert listing(out.parent) == [] and listing(tmp) == []


def test_xlsx_part_folders_left_by_a_kill_are_removed_an_hour_on(
    run_line, tmp_path, private_tmp
) -> None:
    old, fresh = private_tmp / "branchcheck-xlsx-old", private_tmp / "branchcheck-xlsx-new"
    for folder in (old, fresh):
        folder.mkdir()
        (folder / "part.xml").write_bytes(b"<x/>")
    hours_ago = time.time() - 7200
    os.utime(old, (hours_ago, hours_ago))
    assert run_line(f"branchcheck report {OK} -f xlsx -o {tmp_path / 'r.xlsx'}").code == 0
    assert listing(private_tmp) == [fresh.name]
    assert zipfile.is_zipfile(tmp_path / "r.xlsx")
