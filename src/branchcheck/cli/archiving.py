"""`report --archive FILE`: the batch's results, kept in the archive as one transaction."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
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
    """Opened (and checked) before the batch is scored; spools each ledger's record to a
    temporary file as the results come in (memory stays flat on a province's batch, and no
    write lock is held while scoring); writes them all at the end, in one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive = Archive.open(path)
        self._spool = tempfile.TemporaryFile()
        self._rubrics: dict[str, RubricInfo] = {}  # rubric file -> its identity and names

    def take(self, scored: Scored) -> Any:
        """The format's own fragment, the record kept aside."""
        if scored.fragment is None or scored.meta is None:
            return None
        fragment, record = scored.fragment
        key = scored.rubric_file or record.rubric_id
        if key not in self._rubrics:
            self._rubrics[key] = RubricInfo(scored.meta, rubric_hash(load_rubric(key)))
        pickle.dump((record, key), self._spool, pickle.HIGHEST_PROTOCOL)
        return fragment

    def _records(self) -> Iterator[tuple[Record, RubricInfo]]:
        self._spool.seek(0)
        while True:
            try:
                record, key = pickle.load(self._spool)
            except EOFError:
                return
            yield record, self._rubrics[key]

    def commit(self) -> int:
        try:
            return self.archive.write(self._records())
        finally:
            self.close()

    def close(self) -> None:
        self.archive.close()
        self._spool.close()
