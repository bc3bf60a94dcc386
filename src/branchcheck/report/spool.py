"""Per-branch fragments parked on disk, per rubric, so memory does not grow with the batch."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import IO, Any

_RAW, _PICKLED = b"B", b"P"


class Spool:
    """Fragments by group, in order. A format's fragment that is already bytes (the JSON
    report's results) is kept raw behind its length: pickling and unpickling 15 KB took
    12 us a ledger, this 6."""

    def __init__(self) -> None:
        self._files: dict[str, IO[bytes]] = {}

    def add(self, group: str, fragment: Any) -> None:
        handle = self._files.get(group)
        if handle is None:
            # For bytes (a run's fragments are all of one kind), a 256 KB buffer, not 8: a
            # JSON result (15 KB) is then copied into it, not written by a system call of its
            # own (8.5 -> 6 us a result; reading 4 -> 2). Not for pickles: the unpickler
            # peeks at the whole buffer (small fragments: reading 5.6 -> 12.4 us).
            buffering = 1 << 18 if type(fragment) is bytes else -1
            handle = self._files[group] = tempfile.TemporaryFile(buffering=buffering)
        if type(fragment) is bytes:
            # One write (a copy of 15 KB costs less than a second system call).
            handle.write(b"".join((_RAW, len(fragment).to_bytes(8, "little"), fragment)))
        else:
            handle.write(_PICKLED)
            pickle.dump(fragment, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self, group: str) -> Iterator[Any]:
        handle = self._files.get(group)
        if handle is None:
            return
        handle.seek(0)
        while kind := handle.read(1):
            if kind == _RAW:
                yield handle.read(int.from_bytes(handle.read(8), "little"))
            else:
                yield pickle.load(handle)

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RowStore:
    """Rows appended one at a time, parked on disk: a batch's memory does not grow with it.

    `rows()` reads them back once into a list, kept for the formats that lay out every branch
    (and key them by identity); a format that only needs the batch's figures never calls it.
    """

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._count = 0
        self._loaded: list[Any] | None = None
        self._at_end = True  # no read has moved the position since the last append

    def append(self, row: Any) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        if not self._at_end:  # a seek flushes the write buffer: 2 us a row if done always
            self._file.seek(0, 2)
            self._at_end = True
        pickle.dump(row, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1
        self._loaded = None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        """Stream the rows in the order added (a fresh copy of each: nothing is kept)."""
        if self._loaded is not None:
            yield from self._loaded
            return
        handle = self._file
        if handle is None:
            return
        position = 0
        self._at_end = False
        for _ in range(self._count):
            handle.seek(position)  # two walks at once must not move each other
            row = pickle.load(handle)
            position = handle.tell()
            yield row

    def rows(self) -> list[Any]:
        if self._loaded is None:
            self._loaded = list(self)
        return self._loaded

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
