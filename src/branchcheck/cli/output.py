"""Writing output: stderr lines, standard output, and a target (cli/target.py) written whole.

A regular file is written to an anonymous file in its own folder (Linux `O_TMPFILE`), which
gets a name only once it is complete and is then moved into place: a kill at any moment
leaves nothing behind. Where anonymous files are not supported a named temporary file
(`.NAME.XXXXXXXX.tmp`) is used instead; one left over by a killed run is removed by the next
run that writes the same output, once it is an hour old.

Streams (stdout, a device, a FIFO) cannot be replaced atomically: the output is rendered whole
into a private temporary file first, then copied, so a failure to render sends nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import Diagnostic, one_line
from .faults import StdoutError
from .target import Target

STALE_AFTER = 3600.0  # seconds: a temporary file this old was left by a killed run
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789_"  # tempfile's, for both kinds of names
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def stderr_line(text: str) -> None:
    if sys.stderr is not None:
        print(one_line(text), file=sys.stderr, flush=True)  # whatever user text it quotes


def stderr_lines(texts: list[str]) -> None:
    """`stderr_line` for each, in one write: a batch's ledger with warnings costs one system
    call, not one a line (two under PYTHONUNBUFFERED: the text, then its line break)."""
    if sys.stderr is not None and texts:
        sys.stderr.write("".join([f"{one_line(text)}\n" for text in texts]))
        sys.stderr.flush()


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        stderr_line(str(diagnostic))


def write_stdout(data: str | bytes | BinaryIO) -> None:
    """Text, bytes or a whole rendered file to stdout. BrokenPipeError propagates (exit 141);
    any other failure is a StdoutError (exit 2)."""
    try:
        stream = sys.stdout
        stream.flush()
        fd = _descriptor_of(stream)
        if fd is None:  # not a descriptor (captured in tests), or not POSIX: Python's own I/O
            if isinstance(data, str):
                stream.write(data)
            elif isinstance(data, bytes):
                stream.buffer.write(data)
            else:
                shutil.copyfileobj(data, stream.buffer)
            stream.flush()
            return
        if isinstance(data, str):
            data = data.encode(stream.encoding or "utf-8", errors="replace")
        if isinstance(data, bytes):
            _write_all(fd, data)
        else:
            while chunk := data.read(1 << 16):
                _write_all(fd, chunk)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: stdout was closed
        raise StdoutError(exc) from None


def _descriptor_of(stream: object) -> int | None:
    """The descriptor to write to directly: a buffered write that meets a reader closing
    mid-write can report a short count instead of EPIPE, and lose the broken pipe."""
    if os.name != "posix":
        return None
    try:
        return int(stream.fileno())  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def emit(data: str | bytes, target: Target) -> None:
    """Write an output rendered whole: to stdout as text, else as UTF-8 bytes."""
    if target.kind == "stdout":
        write_stdout(data)
        return
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    with open_output(target) as stream:
        stream.write(raw)


@contextlib.contextmanager
def open_output(target: Target) -> Iterator[BinaryIO]:
    """A binary stream for the whole output; it reaches the target only if the block ends
    without an exception."""
    if target.kind == "file":
        with _replace(target) as stream:
            yield stream
        return
    with tempfile.TemporaryFile() as buffer:
        yield buffer
        buffer.seek(0)
        if target.kind == "stdout" or target.fd == 1:
            write_stdout(buffer)
            return
        try:
            _copy_to_stream(target, buffer)
        except OSError as exc:
            raise target.error(f"cannot write: {exc.strerror or exc}") from None


def _copy_to_stream(target: Target, source: BinaryIO) -> None:
    if target.fd is not None:
        fd = os.dup(target.fd)
    else:
        assert target.path is not None
        fd = os.open(target.path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | _CLOEXEC)
    try:
        while chunk := source.read(1 << 16):
            _write_all(fd, chunk)  # not buffered: a short write must not hide an error
    finally:
        os.close(fd)


@contextlib.contextmanager
def _replace(target: Target) -> Iterator[BinaryIO]:
    assert target.path is not None
    path, folder = target.path, target.path.parent
    sweep_stale(folder, path.name)
    mode = _mode_for(path)
    named: str | None = None
    try:
        fd = _open_anonymous(folder)
        if fd is None:
            fd, named = _open_named(folder, path.name)
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
            if named is None:
                named = _link_anonymous(stream.fileno(), folder, path.name)
        os.replace(named, path)
        named = None
        _sync_folder(folder)
    except PermissionError:
        raise target.error("cannot write: permission denied (is it open in Excel/WPS?)") from None
    except OSError as exc:
        raise target.error(f"cannot write: {exc.strerror or exc}") from None
    finally:
        if named is not None:
            with contextlib.suppress(OSError):
                os.unlink(named)


def _open_anonymous(folder: Path) -> int | None:
    """An unnamed file in `folder` (Linux O_TMPFILE), or None where that is unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR | _CLOEXEC, 0o600)
    except OSError:  # not supported by this file system; a named file tells the real reason
        return None


def _temp_prefix(name: str) -> str:
    """`.NAME.`, NAME cut so that `.NAME.XXXXXXXX.tmp` stays within 255 bytes."""
    while len(os.fsencode(name)) > 255 - len("..XXXXXXXX.tmp"):
        name = name[:-1]
    return f".{name}."


def _link_anonymous(fd: int, folder: Path, name: str) -> str:
    """Give the finished anonymous file a temporary name beside its target."""
    import secrets

    folder_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
    try:
        for _ in range(100):
            token = "".join(secrets.choice(_ALPHABET) for _ in range(8))
            temp = f"{_temp_prefix(name)}{token}.tmp"
            try:  # linkat(AT_SYMLINK_FOLLOW) on the descriptor's /proc link, as open(2) says
                os.link(f"/proc/self/fd/{fd}", temp, dst_dir_fd=folder_fd, follow_symlinks=True)
            except FileExistsError:
                continue
            except OSError:  # refused here (an odd /proc, a sandbox): copy to a named file
                return _copy_to_named(fd, folder, name)
            return os.path.join(folder, temp)
    finally:
        os.close(folder_fd)
    raise FileExistsError(errno.EEXIST, "no free temporary name")


def _copy_to_named(fd: int, folder: Path, name: str) -> str:
    target, temp = _open_named(folder, name)
    try:
        os.fchmod(target, os.fstat(fd).st_mode & 0o7777)
        offset = 0
        while chunk := os.pread(fd, 1 << 20, offset):
            offset += len(chunk)
            view = memoryview(chunk)
            while view:
                view = view[os.write(target, view) :]
        os.fsync(target)
    except BaseException:
        os.close(target)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    os.close(target)
    return temp


def _open_named(folder: Path, name: str) -> tuple[int, str]:
    return tempfile.mkstemp(dir=folder, prefix=_temp_prefix(name), suffix=".tmp")


def sweep_stale(folder: Path, name: str, now: float | None = None) -> list[str]:
    """Remove our own temporary files for `name` left in `folder` by a killed run."""
    prefix = _temp_prefix(name)
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        middle = entry.name[len(prefix) : -len(".tmp")]
        if not (
            entry.name.startswith(prefix)
            and entry.name.endswith(".tmp")
            and len(middle) == 8
            and all(c in _ALPHABET for c in middle)
        ):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if entry.is_file(follow_symlinks=False) and info.st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; best effort (not every system can open a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mode_for(path: Path) -> int:
    """The file's own mode when replacing it, else what a plain open() would give (umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def terminal_width() -> int:
    if sys.stdout.isatty():
        return os.get_terminal_size().columns if hasattr(os, "get_terminal_size") else 120
    return 200  # piped: wide, and cells fold rather than being cut
