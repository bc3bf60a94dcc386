"""The fast path: yaml-rs (Rust, YAML 1.2) for files that can only mean one thing.

yaml-rs types scalars by YAML 1.2's core schema, accepts anchors and tags, and keeps no
positions, so it is used only when the text holds none of the characters that could make
its answer differ from the strict parse's (anchors, aliases, tags, escapes, hex, octal,
binary and exponent numbers, infinities, capitalised booleans, quoted keys, non-ASCII
spaces, `Null`), and only when every number is written the way Python prints it. Its typed
numbers and booleans then reach the schema, whose scalar types (`models.common`: Int, Num,
Flag, ScalarText) accept exactly what the strict parse's text would give and refuse the
rest. On any failure the caller re-parses strictly, so users only ever see the strict
parse's errors, and the two paths cannot disagree (tests/bad_inputs/test_fast_path.py).
"""

from __future__ import annotations

import os
import re
from typing import Any

yaml_rs: Any
try:
    import yaml_rs
except ImportError:  # pragma: no cover - BRANCHCHECK_PARSER=pyyaml exercises the same path
    yaml_rs = None

# Text that yaml-rs might read differently from the strict parse sends the file there.
# Substring tests and literal-led searches run far faster on long Chinese text than one
# alternation (about 0.1 ms instead of 1 ms for a 23 KB ledger). They may over-match (a
# file goes the slow way), never under-match. Floats need no guard: no field shows a
# float's spelling (models.common: Int, Flag and ScalarText refuse floats, Num reads 1.10
# and 1.1 alike).
_RISKY_TEXT = (
    "&",
    "*",
    "!",
    "%",
    "\\",
    "\u00a0",
    "\u3000",  # anchors, aliases, tags, directives, escapes
    "True",
    "TRUE",
    "False",
    "FALSE",
    "Null",
    "NULL",  # 1.2 booleans and nulls kept as text
    ".inf",
    ".Inf",
    ".INF",
    ".nan",
    ".NaN",
    ".NAN",
    "0x",
    "0X",
    "0o",
    "0O",
    "0b",
    "0B",  # hex, octal, binary integers
)
_RISKY_PATTERNS = (
    re.compile(r"\+[0-9]|_(?:(?=[0-9])|(?<=[0-9]_))"),  # +5, 1_000
    re.compile(  # 010, -010, -0 at a token's start
        r"0(?=[0-9_])(?:(?<=[\s\[{,:]0)|(?<=[\s\[{,:][-+]0))|-0(?![0-9.])(?<=[\s\[{,:]-0)"
    ),
)
_QUOTED_KEY = re.compile(r"[\"'][ \t]*:(?:[ \t]|$)", re.MULTILINE)


def _risky(text: str) -> bool:
    if any(word in text for word in _RISKY_TEXT):
        return True
    if any(pattern.search(text) for pattern in _RISKY_PATTERNS):
        return True
    return ('"' in text or "'" in text) and _QUOTED_KEY.search(text) is not None


def enabled() -> bool:
    return yaml_rs is not None and os.environ.get("BRANCHCHECK_PARSER", "") != "pyyaml"


def parse(text: str) -> dict[str, Any] | None:
    """The file's data for the schema, or None when the strict parse must decide."""
    if not enabled() or _risky(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal: the strict parse will say why, with a position
        return None
    return data if isinstance(data, dict) else None
