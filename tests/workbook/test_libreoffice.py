"""A workbook saved again by LibreOffice Calc (standing in for Excel/WPS) reads the same.

Calc writes its own XML: shared strings, its styles, TRUE/FALSE cells as `TRUE()` formulas.
Skipped where LibreOffice is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from branchcheck.loading import read_ledger

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def resave(path: Path, folder: Path) -> Path:
    folder.mkdir()
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder.parent / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / path.name


def test_an_example_saved_by_calc_reads_the_same(converted: Path, tmp_path: Path) -> None:
    again = resave(converted, tmp_path / "calc")
    loaded = read_ledger(again)
    assert loaded.ledger == read_ledger(converted).ledger
    assert loaded.warnings == []
