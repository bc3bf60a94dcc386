"""The fast path: yaml-rs (Rust, YAML 1.2) for files that can only mean one thing.

yaml-rs types scalars by YAML 1.2's core schema, accepts anchors and tags, and keeps no
positions, so it is used only when the text holds none of the characters that could make
its answer differ from the strict parse's (anchors, aliases, tags, escapes, hex, octal,
binary and exponent numbers, infinities, capitalised booleans, quoted keys, non-ASCII
spaces, `Null`), and only when every number is written the way Python prints it. Its
numbers and booleans are then turned back into that text, so it hands the schema exactly
the all-string data of the strict parse. On any failure the caller re-parses strictly, so
users only ever see the strict parse's errors and the two paths cannot disagree.
"""

from __future__ import annotations

import os
import re
from typing import Any

from .strict import BAD_IN_KEY

yaml_rs: Any
try:
    import yaml_rs
except ImportError:  # pragma: no cover - BRANCHCHECK_PARSER=pyyaml exercises the same path
    yaml_rs = None

_RISKY = re.compile(
    r"[&*!%\\\u00a0\u3000]|0[xXoObB]|\d[eE][+-]?\d|\.(?:inf|Inf|INF|nan|NaN|NAN)\b|\bN(?:ull|ULL)\b"
    r"|\b(?:True|TRUE|False|FALSE)\b|[\"'][ \t]*:(?:[ \t]|$)"
)
# A number-like plain token (after a separator, before one); yaml-rs types these.
_NUMBER_TOKEN = re.compile(r"(?<![^\s\[{,:])[-+]?[\d._]+(?=[\s,\]}:#]|$)", re.MULTILINE)
_CANONICAL_INT = re.compile(r"0|-?[1-9]\d{0,17}")
_CANONICAL_FLOAT = re.compile(r"-?(?:0|[1-9]\d{0,15})\.\d{1,15}")


def enabled() -> bool:
    return yaml_rs is not None and os.environ.get("BRANCHCHECK_PARSER", "") != "pyyaml"


def parse(text: str) -> dict[str, Any] | None:
    """The file's data (as the strict parse would give it), or None when that must decide."""
    if not enabled() or _RISKY.search(text) or not _numbers_canonical(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal: the strict parse will say why, with a position
        return None
    if not isinstance(data, dict):
        return None
    try:
        text_data: dict[str, Any] = _as_text(data)
    except _Ambiguous:
        return None
    return text_data


def _numbers_canonical(text: str) -> bool:
    """Every number token reads back as written (`1.10`, `010`, `+1`, `1_000` do not)."""
    for match in _NUMBER_TOKEN.finditer(text):
        token = match.group()
        if _CANONICAL_INT.fullmatch(token):
            continue
        if _CANONICAL_FLOAT.fullmatch(token) and repr(float(token)) == token:
            continue
        return False
    return True


class _Ambiguous(Exception):
    """A key the strict parse would refuse or spell differently."""


def _as_text(value: Any) -> Any:
    """yaml-rs's typed scalars back to the text the user wrote (checked canonical above)."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or not key or BAD_IN_KEY.search(key):
                raise _Ambiguous
            out[key] = _as_text(item)
        return out
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return value
