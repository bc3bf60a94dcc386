"""A command imports what it needs and no more: a one-ledger `score` is mostly start-up, so
what a cold process imports is held here (by module, never by time: speed lives in
benchmarks/). Each probe runs in a fresh interpreter, as a user's command does."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, TEST_FILES

import branchcheck.cli as cli
from branchcheck.cli import app, main

LEDGER = EXAMPLES / "fgw" / "lz-fgw-01.yaml"
BATCH = TEST_FILES / "batch"

# Never needed to score YAML into text or JSON: the .xlsx reader and writers, the drawing and
# document libraries, the batch machinery, and formats other than the one asked for.
HEAVY = {
    "branchcheck.loading.workbook",
    "branchcheck.loading.workbook_read",
    "python_calamine",
    "openpyxl",
    "xlsxwriter",
    "matplotlib",
    "docx",
    "icalendar",
    "rich",
    "sqlite3",
    "branchcheck.archive",
    "branchcheck.formats.table",
    "branchcheck.formats.markdown",
}
REPORT = {"branchcheck.report", "branchcheck.report.model", "branchcheck.report.batch"}
POOL = {"concurrent.futures.process", "multiprocessing"}


def imported(tmp_path: Path, *args: str | Path) -> set[str]:
    """The modules loaded by a fresh `branchcheck ARGS` (no ARGS: only `import branchcheck.cli`)."""
    probe = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from branchcheck.cli import main\n"
        "if len(sys.argv) > 2:\n"
        "    main(sys.argv[2:])\n"
        "with open(sys.argv[1], 'w') as out:\n"
        "    json.dump(sorted(sys.modules), out)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(probe), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(probe.read_text(encoding="utf-8")))


def test_importing_the_cli_builds_no_model(tmp_path: Path) -> None:
    modules = imported(tmp_path)
    assert "branchcheck.cli" in modules
    assert not {m for m in modules if m.startswith(("branchcheck.models", "pydantic"))}
    assert not modules & (HEAVY | REPORT)


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["score", "--help"]])
def test_version_and_help_build_no_model(tmp_path: Path, args: list[str]) -> None:
    assert not {m for m in imported(tmp_path, *args) if m.startswith("branchcheck.models")}


def test_score_json_imports_only_what_it_uses(tmp_path: Path) -> None:
    modules = imported(tmp_path, "score", LEDGER, "-f", "json", "-o", tmp_path / "r.json")
    assert {"branchcheck.engine", "branchcheck.formats.json_format"} <= modules  # it did score
    assert not modules & (HEAVY | REPORT | POOL)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_report_in_one_process_needs_no_pool(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    modules = imported(tmp_path, "report", BATCH, "-f", fmt, "-j", "1", "-o", out)
    assert out.stat().st_size > 0
    assert "branchcheck.report.batch" in modules
    assert not modules & ((HEAVY - {"branchcheck.formats.markdown"}) | POOL)


# `main` builds click options for the named command only (cli/__init__.py `_app_for`): what
# it prints must be what the whole app prints.
@pytest.mark.parametrize(
    "args",
    [[info.name, "--help"] for info in app.registered_commands]
    + [
        ["rubrics", "show", "--help"],
        ["score"],
        ["score", "--nope", "x.yaml"],
        ["report", "-j", "0", "x"],
        ["scor"],
    ],
)
def test_one_command_app_says_what_the_whole_app_says(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    one = main(args), *capsys.readouterr()
    monkeypatch.setattr(cli, "_app_for", lambda args: app)
    whole = main(args), *capsys.readouterr()
    assert one == whole
    assert whole[1] or whole[2]  # it did say something


def test_plugins_are_off_unless_the_user_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    assert main(["--version"]) == 0
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")  # the user's choice: plugins on
    assert main(["--version"]) == 0
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == ""


def test_the_collector_runs_again_after_a_command(tmp_path: Path) -> None:
    assert main(["score", str(LEDGER), "-f", "json", "-o", str(tmp_path / "r.json")]) == 0
    assert gc.isenabled()


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["report", "--help"],
        ["report", "--jobs", "0", str(LEDGER)],  # a usage error: no command runs
        ["score", "no-such-file.yaml"],  # bad input: the command runs and fails
        ["nonsense"],
    ],
)
def test_the_collector_runs_again_however_main_ends(args: list[str], capsys) -> None:
    # main() pauses the collector from its start until the command's module is imported.
    main(args)
    assert gc.isenabled()


def test_the_collector_runs_again_once_the_cli_has_loaded(tmp_path: Path) -> None:
    code = "import gc, branchcheck.cli; print(gc.isenabled())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "True", done.stderr


def test_nothing_is_collected_at_exit(tmp_path: Path) -> None:
    # What is alive at exit is frozen first, so the interpreter's last collection does not
    # walk it (a batch unfreezes what start-up froze). Handlers run last-registered first:
    # the probe, registered before `main`, runs after it.
    probe = tmp_path / "frozen"
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: open(sys.argv[1], 'w').write(str(gc.get_freeze_count())))\n"
        "from branchcheck.cli import main\n"
        "main(sys.argv[2:])\n"
    )
    out = tmp_path / "r.json"
    args = ["report", str(BATCH / "ok.yaml"), "-f", "json", "-j", "1", "-o", str(out)]
    done = subprocess.run([sys.executable, "-c", code, str(probe), *args], check=False)
    assert done.returncode == 0
    assert out.stat().st_size > 0
    assert int(probe.read_text(encoding="utf-8")) > 1000
