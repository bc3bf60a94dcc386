"""Per-branch fragments parked on disk, per rubric, so memory does not grow with the batch."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import IO, Any


class Spool:
    def __init__(self) -> None:
        self._files: dict[str, IO[bytes]] = {}

    def add(self, group: str, fragment: Any) -> None:
        handle = self._files.get(group)
        if handle is None:
            handle = self._files[group] = tempfile.TemporaryFile()
        pickle.dump(fragment, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self, group: str) -> Iterator[Any]:
        handle = self._files.get(group)
        if handle is None:
            return
        handle.seek(0)
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
