"""The bad-input contract, checked the same way for every case (bad-inputs.md, section 4).

A refused file gives: the expected exit code; exactly one `FILE:LINE:COL: error: MESSAGE`
line on stderr at the expected place, naming the expected words; no traceback (run_line
checks that); the input unchanged (SHA-256); and, when `--output` was passed, no output
file and no temp file left in its folder.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import TEST_FILES, Run, sha256

BAD = TEST_FILES / "bad"
LEDGER = BAD / "ledger.yaml"  # valid for the built-in lanzhou-6543; each case breaks one thing
RUBRIC = BAD / "rubric.yaml"  # a small valid rubric, for `validate`
BASE = LEDGER.read_text("utf-8")
RUBRIC_BASE = RUBRIC.read_text("utf-8")

DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|warning): .+$")
ERROR_LINE = re.compile(r"^.+:\d+:\d+: error: .+$")

RunLine = Callable[[str], Run]


def edit(old: str, new: str, base: str = BASE) -> str:
    """The base text with one exact, unique piece replaced (so each case breaks one thing)."""
    assert base.count(old) == 1, f"{old!r} must occur once in the base file"
    return base.replace(old, new)


def write(tmp_path: Path, data: str | bytes, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def q(path: Path) -> str:
    return shlex.quote(str(path))


def refused(
    run_line: RunLine,
    path: Path,
    at: str,
    *words: str,
    command: str = "score",
    code: int = 2,
    output: bool = True,
    options: str = "",
) -> str:
    """Run one bad file through the CLI, check the whole contract, return the message."""
    before = sha256(path) if path.is_file() else None
    line = f"branchcheck {command} {q(path)} {options}"
    out_dir = path.parent / "out"
    if command == "score" and output:
        out_dir.mkdir()
        line += f" -f json -o {q(out_dir / 'result.json')}"
    run = run_line(line)
    assert run.code == code, run.err
    diagnostics = [text for text in run.err_lines if DIAGNOSTIC.match(text)]
    assert len(diagnostics) == 1, run.err
    if command == "validate":  # plus its one summary line, nothing else
        assert len(run.err_lines) == 2 and "checked" in run.err_lines[-1], run.err
    else:
        assert run.err_lines == diagnostics, run.err
    (message,) = diagnostics
    assert ERROR_LINE.match(message), message
    prefix = f"{path}:{at}: error: "
    assert message.startswith(prefix), f"expected {prefix!r}, got {message!r}"
    text = message.removeprefix(prefix)
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"
    assert "errors.pydantic.dev" not in text and "\n" not in text
    assert run.out == "", run.out
    if before is not None:
        assert sha256(path) == before, "the input file was changed"
    if command == "score" and output:
        assert list(out_dir.iterdir()) == [], "an output or temp file was left behind"
    return text


def scored(run_line: RunLine, path: Path, options: str = "") -> tuple[dict[str, Any], list[str]]:
    """Score a file that must be accepted: its JSON result and its stderr lines."""
    before = sha256(path)
    run = run_line(f"branchcheck score {q(path)} -f json {options}")
    assert run.code == 0, run.err
    assert sha256(path) == before
    (result,) = json.loads(run.out)  # score -f json: an array, one object per ledger
    return result, run.err_lines
