"""Bytes to text, by policy: BOM sniffing, strict UTF-8, and a clear word for wrong files."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from ..errors import INVISIBLE, BranchcheckError, visible

MAX_BYTES = 5 * 1024 * 1024

_MAGIC = (
    (
        b"PK\x03\x04",
        "this is an .xlsx/.docx (zip) file, not YAML; save it as a UTF-8 .yaml text file",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "this is an .xls/.doc (OLE) file, not YAML; save it as a UTF-8 .yaml text file",
    ),
    (b"%PDF", "this is a PDF file, not YAML; the ledger must be a UTF-8 .yaml text file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls (tab, LF and CR allowed), lone surrogates, a BOM or zero-width character
# away from the start, bidi overrides (Trojan Source), and the Unicode line and paragraph
# separators (line breaks to libyaml, not to yaml-rs or most editors), and the noncharacters
# U+FFFE and U+FFFF (which YAML refuses and yaml-rs does not): never legitimate here.
_FORBIDDEN = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{INVISIBLE}]"
)
# NBSP or ideographic space used as indentation or after a colon: YAML sees no space there.
_ODD_SPACE = re.compile("^[ \t]*[\u00a0\u3000]|:[\u00a0\u3000]", re.MULTILINE)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in code points) of `text[index]`; CRLF, LF or a lone CR end
    a line, as for YAML."""
    breaks = text.count("\n", 0, index) + text.count("\r", 0, index)
    breaks -= text.count("\r\n", 0, index)
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    return breaks + 1, index - start + 1


def read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        # One open, one fstat and one read of the size it gives: this runs per ledger. (A
        # buffered read of the limit, as before, allocated 5 MB each time: 0.04 ms a ledger.)
        with open(path, "rb", buffering=0) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise BranchcheckError.at(
                    name,
                    1,
                    1,
                    f"file is {size // 1024} KB, over the {MAX_BYTES // 2**20} MB limit;"
                    " is it the right file?",
                )
            data = handle.read(size + 1)
            if len(data) <= size:
                return data
            # Longer than its size said (it grew, or it is a pipe): read on, up to the limit.
            chunks = [data]
            total = len(data)
            while total <= MAX_BYTES:
                chunk = handle.read(min(1 << 16, MAX_BYTES + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            return b"".join(chunks)
    except IsADirectoryError:
        raise BranchcheckError.at(name, 1, 1, "is a directory, not a YAML file") from None
    except FileNotFoundError:
        raise BranchcheckError.at(name, 1, 1, "file not found") from None
    except PermissionError:
        if path.is_dir():  # Windows says "permission denied" for a folder
            raise BranchcheckError.at(name, 1, 1, "is a directory, not a YAML file") from None
        raise BranchcheckError.at(
            name, 1, 1, "permission denied (is it open in Excel/WPS?)"
        ) from None
    except OSError as exc:
        raise BranchcheckError.at(name, 1, 1, f"cannot read file: {exc.strerror or exc}") from None


def decode(data: bytes, name: str) -> str:
    """Decode by BOM, else strict UTF-8; never guess silently."""
    for magic, message in _MAGIC:
        if data.startswith(magic):
            raise BranchcheckError.at(name, 1, 1, message)
    encoding = "utf-8"
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], bom_encoding
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode(encoding, errors="replace")
        line, col = line_col(good, len(good))
        message = f"not valid {encoding.upper()} (byte 0x{data[exc.start]:02X})"
        if encoding == "utf-8" and _looks_gbk(data):
            message += " - the file looks GBK/GB18030-encoded (Windows 'ANSI'); re-save it as UTF-8"
        elif encoding == "utf-8" and b"\x00" in data[:64]:
            message += " - the file looks UTF-16 without a BOM; re-save it as UTF-8"
        raise BranchcheckError.at(name, line, col, message) from None
    return text


def _looks_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def _printable(text: str) -> bool:
    """No character but printable ones, line breaks and tabs: then none is forbidden, since
    every character _FORBIDDEN matches is unprintable (tests/loading/test_read_path.py). A C
    loop over the text, several times faster than the regex's large class."""
    flat = text.replace("\n", "")
    if "\r" in flat:
        flat = flat.replace("\r", "")
    if "\t" in flat:
        flat = flat.replace("\t", "")
    return flat.isprintable()


def scan_text(text: str, name: str) -> None:
    """Refuse characters that would hide or change what the user sees."""
    bad = None if _printable(text) else _FORBIDDEN.search(text)
    if bad:
        line, col = line_col(text, bad.start())
        raise BranchcheckError.at(
            name,
            line,
            col,
            f"invisible or control character {visible(bad.group())} in the file; delete it",
        )
    odd = _ODD_SPACE.search(text) if ("\u00a0" in text or "\u3000" in text) else None
    if odd:
        index = odd.end() - 1
        line, col = line_col(text, index)
        raise BranchcheckError.at(
            name,
            line,
            col,
            f"{visible(text[index])} (a non-ASCII space) where YAML needs an ordinary space",
        )


def read_text(path: Path) -> str:
    name = os.fspath(path)
    text = decode(read_bytes(path), name)
    if not text or text.isspace():
        raise BranchcheckError.at(name, 1, 1, "file is empty")
    scan_text(text, name)
    return text
