"""Shared test helpers: run the CLI like a shell line, build models from small dicts."""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from branchcheck.cli import main
from branchcheck.loading import fast

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEST_FILES = Path(__file__).resolve().parent / "files"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line]


@pytest.fixture
def run_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], Run]:
    """`run_line("branchcheck score x.yaml -f json")`: exit code, stdout, stderr."""

    def run(line: str, cwd: Path | None = None) -> Run:
        words = shlex.split(line)
        assert words[0] == "branchcheck", "a CLI test line starts with the program name"
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(words[1:])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err, captured.err
        return Run(code, captured.out, captured.err)

    return run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With the fast path off (`BRANCHCHECK_PARSER=pyyaml pytest`, or no yaml-rs wheel), every
    test runs on the strict parse alone, except those about the fast path itself."""
    if fast.enabled():
        return
    off = pytest.mark.skip(reason="about the yaml-rs fast path, which is off here")
    for item in items:
        if item.get_closest_marker("fast_path"):
            item.add_marker(off)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["fast", "pyyaml"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with the yaml-rs fast path and with PyYAML alone: same answers expected."""
    if request.param == "pyyaml":
        monkeypatch.setenv("BRANCHCHECK_PARSER", "pyyaml")
    else:
        monkeypatch.delenv("BRANCHCHECK_PARSER", raising=False)
    yield request.param


def deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out
