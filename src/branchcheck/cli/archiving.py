"""`report --archive FILE`: the batch's results, kept in the archive as one transaction."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..archive import Archive, Record, RubricInfo, rubric_hash
from ..errors import BranchcheckError
from ..loading import load_rubric
from ..report.batch import Scored


def check_not_input(archive: Path, inputs: Iterable[Path | str]) -> None:
    """Refuse an archive that is one of the command's inputs (through any link)."""
    try:
        mine = os.stat(archive)
    except OSError:
        return
    for source in inputs:
        try:
            info = os.stat(source)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (mine.st_dev, mine.st_ino):
            raise BranchcheckError.at(
                os.fspath(archive), 1, 1, "the archive is one of the inputs; choose another name"
            )


class Recorder:
    """Opened (and checked) before the batch is scored; collects each ledger's record as the
    results come in; writes them all at the end, in one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive = Archive.open(path)
        self.records: list[tuple[Record, RubricInfo]] = []
        self._hashes: dict[str, str] = {}

    def take(self, scored: Scored) -> Any:
        """The format's own fragment, the record kept aside."""
        if scored.fragment is None or scored.meta is None:
            return None
        fragment, record = scored.fragment
        digest = self._hashes.get(scored.rubric_file or "")
        if digest is None:
            rubric = load_rubric(scored.rubric_file or record.rubric_id)
            digest = self._hashes[scored.rubric_file or ""] = rubric_hash(rubric)
        self.records.append((record, RubricInfo(scored.meta, digest)))
        return fragment

    def commit(self) -> int:
        try:
            return self.archive.write(self.records)
        finally:
            self.archive.close()

    def close(self) -> None:
        self.archive.close()
