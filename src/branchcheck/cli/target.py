"""Where `--output` goes, decided and checked before any work is done.

- `-` (or no `--output`): standard output.
- `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N` (directly or through links): that descriptor.
- A character device, FIFO or socket (`/dev/null`, `/dev/full`, a named pipe): written to
  directly as a stream; never replaced.
- Anything else is a regular file, reached through any symbolic links: the file those links
  end at is replaced atomically in its own folder, and the links stay links.

A file that is read-only (no write bit, or not writable by us) and a folder nobody may write
to are refused up front, as are outputs that are one of the command's inputs (same file
through any link: compared by device and inode).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import BranchcheckError
from .paths import name_problem

Kind = Literal["stdout", "fd", "stream", "file"]
_MAX_LINKS = 40  # as the kernel's own limit on symbolic links in one lookup


@dataclass(frozen=True)
class Target:
    name: str  # as the user gave it, for messages
    kind: Kind
    path: Path | None = None  # stream: the node to open; file: the real file to replace
    fd: int | None = None  # fd: the descriptor to write to

    def error(self, message: str) -> BranchcheckError:
        return BranchcheckError.at(self.name, 1, 1, message)


STDOUT = Target("<stdout>", "stdout", fd=1)


def plan_output(output: Path | str | None) -> Target:
    """The checked target of `--output`; raises BranchcheckError (exit 2) when it cannot be."""
    if output is None or os.fspath(output) == "-":
        return STDOUT
    name = os.fspath(output)
    problem = name_problem(name)
    if problem is not None:
        raise BranchcheckError.at(name, 1, 1, f"cannot write: {problem}")
    if name.endswith(("/", os.sep)):
        raise BranchcheckError.at(name, 1, 1, "cannot write: this is a folder; give a file name")
    try:
        return _plan(name)
    except OSError as exc:
        raise BranchcheckError.at(name, 1, 1, f"cannot write: {exc.strerror or exc}") from None


def _plan(name: str) -> Target:
    current, followed = os.path.abspath(name), False
    for _ in range(_MAX_LINKS):
        folder, base = os.path.split(current)
        folder = os.path.realpath(folder)
        fd = _descriptor(folder, base)
        if fd is not None:
            os.fstat(fd)  # EBADF: a closed descriptor
            return Target(name, "fd", fd=fd)
        current = os.path.join(folder, base)
        if not os.path.islink(current):
            break
        current, followed = os.path.join(folder, os.readlink(current)), True
    else:
        raise BranchcheckError.at(name, 1, 1, "cannot write: too many levels of symbolic links")
    folder = os.path.dirname(current)
    shown = folder if followed else (os.path.dirname(name) or ".")
    try:
        info: os.stat_result | None = os.stat(current)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise BranchcheckError.at(name, 1, 1, "cannot write: this is a folder; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        if not os.access(current, os.W_OK):
            raise BranchcheckError.at(name, 1, 1, "cannot write: permission denied")
        return Target(name, "stream", Path(current))
    if _is_system_folder(folder):  # never create or replace files in /dev or /proc
        raise BranchcheckError.at(
            name, 1, 1, "cannot write: no such device (files are not made here)"
        )
    if not os.path.isdir(folder):
        raise BranchcheckError.at(name, 1, 1, f"cannot write: folder {shown!r} does not exist")
    if info is not None and (not info.st_mode & 0o222 or not os.access(current, os.W_OK)):
        raise BranchcheckError.at(
            name, 1, 1, "cannot write: the file is read-only (make it writable, or choose another)"
        )
    folder_mode = os.stat(folder).st_mode
    if not folder_mode & 0o222 or not os.access(folder, os.W_OK | os.X_OK):
        raise BranchcheckError.at(name, 1, 1, f"cannot write: folder {shown!r} is not writable")
    return Target(name, "file", Path(current))


def _descriptor(folder: str, base: str) -> int | None:
    """N for /dev/fd/N and /proc/self/fd/N (the folder already resolved)."""
    if base.isdigit() and folder in ("/dev/fd", "/proc/self/fd", f"/proc/{os.getpid()}/fd"):
        return int(base)
    return None


def _is_system_folder(folder: str) -> bool:
    return any(folder == top or folder.startswith(top + "/") for top in ("/dev", "/proc", "/sys"))


def rubric_source(ref: str | None) -> list[Path]:
    """The file a `--rubric` value names, as an input to protect (none if it names none)."""
    if ref is None:
        return []
    from ..loading import rubric_file  # lazily: loading builds the models (cli/app.py)

    try:
        found = rubric_file(ref)
    except OSError:  # unreadable: loading it reports why
        return []
    return [found] if found is not None else []


def _identity(target: Target) -> tuple[int, int] | None:
    """(device, inode) of the regular file the target writes to, if it is one already."""
    try:
        if target.fd is not None:
            info = os.fstat(target.fd)
        elif target.path is not None:
            info = os.stat(target.path)
        else:
            return None
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def check_not_input(target: Target, inputs: Iterable[Path | str]) -> None:
    """Refuse a target that is one of the inputs, through any symbolic or hard link."""
    identity = _identity(target)
    if identity is None:
        return
    for source in inputs:
        try:
            info = os.stat(source)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) != identity:
            continue
        if target.kind == "stdout":
            raise BranchcheckError.at(
                os.fspath(source), 1, 1, "standard output is this input file; it would be damaged"
            )
        raise target.error("output would overwrite an input file; choose another name")
