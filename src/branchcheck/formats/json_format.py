"""JSON: a list of `branchcheck.result/1` objects, one per ledger in the order given.

Always a list, even of one: a script reads the same shape whether a glob matched one file or
ten (`jq '.[].score'`), and each object carries its own `format`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import INVISIBLE
from ..models.result import Result
from .base import RenderOptions


def result_data(result: Result) -> dict[str, Any]:
    return result.model_dump(mode="json")


# Characters JSON may carry raw but a terminal must not see: C1 controls, DEL, invisible format
# characters, line separators, lone surrogates. Written as \uXXXX escapes: the same JSON value.
_UNSAFE = re.compile(f"[\x7f-\x9f\ud800-\udfff{INVISIBLE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # as a surrogate pair, the way JSON spells it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_safe(text: str) -> str:
    """JSON text with every invisible or control character escaped (outside strings there
    are none, so this never changes the document's meaning)."""
    return _UNSAFE.sub(_escape, text) if not text.isascii() else text


# In UTF-8, every character `_UNSAFE` matches begins with one of these bytes, or is one of the
# sequences `_UNSAFE_SEQUENCES` match (a test holds them to it). `in` finds a byte with memchr,
# and each sequence pattern begins with one literal byte, which `re` finds the same way: with
# the regexes over bytes only where a byte alone cannot tell (curly quotes and fullwidth commas
# share their first byte with the unsafe characters near them), this takes 0.014 ms for the
# 15 KB of JSON a ledger's result makes, where `_UNSAFE` took 0.4 ms (and one regex of four
# alternatives, with no literal first byte to look for, 0.045 ms).
_UNSAFE_LEADS = (b"\x7f", b"\xc2", b"\xd8", b"\xdb", b"\xdc", b"\xe0", b"\xe1", b"\xf0", b"\xf3")
_UNSAFE_SEQUENCES = (
    re.compile(rb"\xe2(?:\x80[\x8b-\x8f\xa8-\xae]|\x81)"),
    re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xb9-\xbb])"),
)


def needs_escape(data: bytes) -> bool:
    """Whether UTF-8 `data` may hold a character `json_safe` escapes (never a false no)."""
    return any(lead in data for lead in _UNSAFE_LEADS) or any(
        pattern.search(data) for pattern in _UNSAFE_SEQUENCES
    )


def json_safe_bytes(data: bytes) -> bytes:
    """`json_safe` for UTF-8 JSON: the same bytes back unless one of them needs escaping."""
    if needs_escape(data):
        return json_safe(data.decode("utf-8")).encode("utf-8")
    return data


def dumps(data: Any) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2)) + "\n"


class JsonFormat:
    def render(self, results: list[Result], options: RenderOptions) -> str:
        return dumps([result_data(r) for r in results])
