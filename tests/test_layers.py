"""Which way the imports run: the checks never import the formats, the engine, the report or
the command line (the formats may read the checks' words, never the other way round), and the
leaf modules that every layer shares import nothing of the project. Read from the source (by
`ast`), so a lazy import inside a function counts as well."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import branchcheck

SRC = Path(branchcheck.__file__).parent


def _imports(path: Path) -> set[str]:
    """The branchcheck modules that `path` imports, as absolute dotted names."""
    package = ["branchcheck", *path.relative_to(SRC).parent.parts]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.add(".".join([*base, *([node.module] if node.module else [])]))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "branchcheck"}


@pytest.mark.parametrize(
    ("files", "forbidden"),
    [
        ("checks/*.py", ("branchcheck.formats", "branchcheck.engine", "branchcheck.report")),
        ("checks/*.py", ("branchcheck.cli", "branchcheck.loading")),
        ("cn_dates.py", ("branchcheck",)),
        ("checks/outcome.py", ("branchcheck",)),
        ("checks/wording.py", ("branchcheck",)),
    ],
)
def test_imports_run_one_way(files: str, forbidden: tuple[str, ...]) -> None:
    paths = sorted(SRC.glob(files))
    assert paths
    wrong = {
        f"{path.relative_to(SRC)} -> {name}"
        for path in paths
        for name in _imports(path)
        if name.startswith(forbidden)
    }
    assert not wrong


def test_relative_imports_are_resolved() -> None:
    """The probe itself: a check module's relative imports come back absolute."""
    assert {"branchcheck.cn_dates", "branchcheck.checks.outcome"} <= _imports(
        SRC / "checks" / "organization.py"
    )
