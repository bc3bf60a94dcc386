"""The wheel's layout: every package under src/ is listed, and the rubrics come from rubrics/."""

from __future__ import annotations

import tomllib

from conftest import ROOT

from branchcheck.loading import builtin_rubrics


def test_pyproject_lists_every_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src").rglob("__init__.py")
    }
    assert listed == on_disk | {"branchcheck.rubrics", "branchcheck.schema_files"}
    assert config["tool"]["setuptools"]["package-dir"]["branchcheck.rubrics"] == "rubrics"
    assert config["tool"]["setuptools"]["package-dir"]["branchcheck.schema_files"] == "schemas"


def test_builtin_rubrics_are_the_top_level_folder() -> None:
    files = builtin_rubrics()
    assert set(files) == {p.stem for p in (ROOT / "rubrics").glob("*.yaml")}
    for path in files.values():  # installed or editable: the same bytes as the folder
        assert path.read_bytes() == (ROOT / "rubrics" / path.name).read_bytes()


def test_shipped_rubrics_validate(run_line) -> None:
    run = run_line(f"branchcheck validate {ROOT / 'rubrics'}")
    assert run.code == 0, run.err
