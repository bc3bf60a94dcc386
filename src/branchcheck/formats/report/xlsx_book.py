"""Writing a workbook with XlsxWriter: the workbook and the cell formats its sheets use (the
sheets themselves are xlsx_sheet.py).

A workbook that fails while it is being stored (a full disk, Ctrl-C) is abandoned cleanly:
XlsxWriter's unfinished zip file would otherwise try to finish itself on a closed file when
it is collected, and print a traceback after our one-line error. The zip file's own parts are
written to a private temporary folder, removed however the writing ends (one left by a killed
run is removed by a later run once it is an hour old).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
import time
from typing import Any, BinaryIO

from ...errors import BranchcheckError
from ..labels import STATUS
from .xlsx_sheet import Col, Pct, Sheet, SheetNames, cell_lines, internal_link

# The sheets are xlsx_sheet.py; these names stay importable from here for the modules written
# before the split (xlsx_rectify and others).
__all__ = ["Book", "Col", "Pct", "Sheet", "SheetNames", "cell_lines", "internal_link"]

STATUS_COLOURS = {
    "met": "#1E7B34",
    "partial": "#9C5700",
    "missed": "#B3261E",
    "unrated": "#6A3FA0",
    "not_applicable": "#6B6B6B",
}


class _Sink:
    """The output as XlsxWriter's zip file sees it. Once cut, it is a null file (writes are
    dropped, positions kept consistent), so an abandoned zip file can finish itself quietly
    when it is collected, after the real file is closed."""

    def __init__(self, out: BinaryIO) -> None:
        self._out: BinaryIO | None = out
        self._pos = 0

    def cut(self) -> None:
        self._out = None

    def write(self, data: bytes) -> int:
        if self._out is not None:
            return self._out.write(data)
        self._pos += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._out is not None:
            return self._out.seek(offset, whence)
        self._pos = offset if whence == os.SEEK_SET else self._pos + offset
        return self._pos

    def tell(self) -> int:
        return self._pos if self._out is None else self._out.tell()

    def flush(self) -> None:
        if self._out is not None:
            self._out.flush()


PARTS_PREFIX = "branchcheck-xlsx-"  # the private folders the zip file's parts are written to
STALE_AFTER = 3600.0


def sweep_stale_parts(folder: str | None = None, now: float | None = None) -> None:
    """Remove part folders left in the temporary folder by a killed run, an hour on."""
    base = folder or tempfile.gettempdir()
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    with contextlib.suppress(OSError):
        for entry in os.scandir(base):
            if entry.name.startswith(PARTS_PREFIX) and entry.is_dir(follow_symlinks=False):
                if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    shutil.rmtree(entry.path, ignore_errors=True)


class Book:
    """An XlsxWriter workbook in constant_memory mode, and the cell formats the sheets use."""

    def __init__(
        self, out: BinaryIO, title: str, created: dt.datetime, constant_memory: bool = True
    ) -> None:
        try:
            import xlsxwriter
        except ImportError:  # the `report` extra is not installed (the CLI checks first)
            raise BranchcheckError.at(
                "--format", 1, 1, "xlsx needs XlsxWriter: pip install 'branchcheck[report]'"
            ) from None
        self._sink = _Sink(out)
        self.workbook: Any = xlsxwriter.Workbook(
            self._sink,
            {
                "constant_memory": constant_memory,  # off: cells may merge down rows
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "nan_inf_to_errors": True,
            },
        )
        self.workbook.set_properties({"title": title, "created": created})
        add = self.workbook.add_format
        base = {"valign": "top"}
        cell = {**base, "border": 1, "border_color": "#BFBFBF"}  # ruled when printed
        self.fmt: dict[str, Any] = {
            "title": add({**base, "bold": True, "font_size": 14}),
            "note": add({**base, "font_color": "#444444"}),
            "subtitle": add({**base, "font_color": "#444444", "text_wrap": True}),
            "label": add({**base, "bold": True}),
            "paragraph": add({**base, "text_wrap": True}),
            "band": add({**cell, "bold": True, "bg_color": "#FBF5F5", "valign": "vcenter"}),
            "header": add(
                {
                    **cell,
                    "bold": True,
                    "bg_color": "#F2E6E6",
                    "bottom": 1,
                    "bottom_color": "#7F7F7F",
                    "text_wrap": True,
                    "valign": "vcenter",
                }
            ),
            "text": add({**cell, "text_wrap": True}),
            "link": add({**cell, "font_color": "#1F4E99", "underline": 1, "text_wrap": True}),
            "num": add(cell),
            "pct": add({**cell, "num_format": "0.0%"}),
        }
        for status, colour in STATUS_COLOURS.items():
            style = {**cell, "font_color": colour, "bold": status != "met", "text_wrap": True}
            self.fmt[f"status:{STATUS[status]}"] = add(style)

    def close(self) -> None:
        """Store the workbook; on any failure abandon it and raise the cause (an OSError
        for a write that failed, not XlsxWriter's wrapper of it)."""
        from xlsxwriter.exceptions import FileCreateError

        sweep_stale_parts()
        parts = tempfile.mkdtemp(prefix=PARTS_PREFIX)
        self.workbook.tmpdir = parts  # read when the workbook is stored, not before
        try:
            self.workbook.close()
        except FileCreateError as exc:
            self.abandon()
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise OSError(str(exc)) from None
        except BaseException:
            self.abandon()
            raise
        finally:
            shutil.rmtree(parts, ignore_errors=True)

    def abandon(self) -> None:
        """Give up the workbook: nothing more reaches the output, its temporary files close."""
        self._sink.cut()
        self.workbook.fileclosed = True
        for sheet in self.workbook.worksheets():
            with contextlib.suppress(Exception):
                sheet._opt_close()
