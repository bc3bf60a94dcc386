"""Stack PNG images of one width into one, top to bottom: `python3 stack_png.py OUT IN...`.

Used by screenshot_html.sh for a page taller than Chromium paints in one screenshot. Only the
standard library: the images' filtered scanlines are joined as they are; only the first row
of each image after the first is re-filtered, since its filter assumed a row of zeros above.
Takes what Chromium writes: 8-bit RGB or RGBA, not interlaced.
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if not data.startswith(SIGNATURE):
        raise SystemExit("stack_png: not a PNG")
    chunks, at = [], len(SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        chunks.append((kind, data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def _read(path: Path) -> tuple[bytes, bytes]:
    """The header (IHDR) and the decompressed, still filtered, scanlines."""
    chunks = _chunks(path.read_bytes())
    header = next(body for kind, body in chunks if kind == b"IHDR")
    depth, colour, interlace = header[8], header[9], header[12]
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"stack_png: {path}: only 8-bit RGB or RGBA, not interlaced")
    return header, zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))


def _unfilter_first(row: bytes, pixel: int) -> bytes:
    """The first scanline (filter byte + bytes) as raw bytes, the row above being zeros."""
    kind, raw = row[0], bytearray(row[1:])
    for i in range(len(raw)):
        left = raw[i - pixel] if i >= pixel else 0
        if kind in (1, 4):  # Sub; Paeth with nothing above picks the left byte
            raw[i] = (raw[i] + left) & 0xFF
        elif kind == 3:  # Average of left and (zero) above
            raw[i] = (raw[i] + left // 2) & 0xFF
    return b"\x00" + bytes(raw)  # kind 0 (None) and 2 (Up, of zeros) are the bytes as they are


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def stack(out: Path, parts: list[Path]) -> None:
    header, rows = _read(parts[0])
    width = struct.unpack(">I", header[:4])[0]
    pixel = 4 if header[9] == 6 else 3
    stride = 1 + width * pixel
    height = len(rows) // stride
    joined = [rows]
    for path in parts[1:]:
        other, more = _read(path)
        if other[:4] != header[:4] or other[8:] != header[8:]:
            raise SystemExit(f"stack_png: {path}: not the same width and kind as {parts[0]}")
        joined += [_unfilter_first(more[:stride], pixel), more[stride:]]
        height += len(more) // stride
    top = struct.pack(">II", width, height) + header[8:]
    png = SIGNATURE + _chunk(b"IHDR", top)
    png += _chunk(b"IDAT", zlib.compress(b"".join(joined), 6)) + _chunk(b"IEND", b"")
    out.write_bytes(png)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit("usage: stack_png.py OUT.png IN.png...")
    stack(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
