"""Where output goes: stdout, or a file written whole (temp file, fsync, replace) or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import BranchcheckError, Diagnostic


def stderr_line(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        stderr_line(str(diagnostic))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output_path(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output that would replace an input, or that cannot be written, up front."""
    name = str(path)
    if any(_same_file(path, source) for source in inputs):
        raise BranchcheckError.at(
            name, 1, 1, "output would overwrite an input file; choose another name"
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BranchcheckError.at(
            name, 1, 1, f"cannot write: folder {str(folder)!r} does not exist"
        )
    if path.is_dir():
        raise BranchcheckError.at(name, 1, 1, "cannot write: this is a folder; give a file name")


@contextlib.contextmanager
def atomic_output(path: Path, inputs: Iterable[Path] = ()) -> Iterator[BinaryIO]:
    """A binary stream that becomes `path` only if the block finishes; else nothing changes."""
    check_output_path(path, inputs)
    name = str(path)
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # only when writing a file: keeps start-up short

    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise BranchcheckError.at(name, 1, 1, f"cannot write: {exc.strerror or exc}") from None
    try:
        os.fchmod(handle, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except PermissionError:
        raise BranchcheckError.at(
            name, 1, 1, "cannot write: permission denied (is it open in Excel/WPS?)"
        ) from None
    except OSError as exc:
        raise BranchcheckError.at(name, 1, 1, f"cannot write: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _mode_for(path: Path) -> int:
    """The file's own mode when replacing it, else what a plain open() would give (umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write `data` to `path` whole, or leave `path` as it was."""
    with atomic_output(path, inputs) as stream:
        stream.write(data)


def emit(text: str | bytes, output: Path | None, inputs: Iterable[Path] = ()) -> None:
    """Render first, then write: a failure to encode never leaves half a file."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if output is not None:
        write_atomic(output, data, inputs)
        return
    if isinstance(text, bytes):
        sys.stdout.buffer.write(text)
    else:
        sys.stdout.write(text)
    sys.stdout.flush()


def terminal_width() -> int:
    if sys.stdout.isatty():
        return os.get_terminal_size().columns if hasattr(os, "get_terminal_size") else 120
    return 200  # piped: wide, and cells fold rather than being cut
