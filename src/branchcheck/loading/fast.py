"""The fast path: yaml-rs (Rust, YAML 1.2) for files that can only mean one thing.

yaml-rs types scalars by YAML 1.2's core schema, accepts anchors and tags, and keeps no
positions, so it is used only when the text holds none of the characters that could make
its answer differ from the strict parse's (anchors, aliases, tags, escapes, hex, octal and
exponent numbers, infinities, non-ASCII spaces, `Null`). Whatever it returns must still pass
the schema; on any failure the caller re-parses strictly, so users only ever see the strict
parse's errors and the two paths cannot disagree on a file that scores.
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

_RISKY = re.compile(
    r"[&*!%\\\u00a0\u3000]|0[xXoO]|\d[eE][+-]?\d|\.(?:inf|Inf|INF|nan|NaN|NAN)\b|\bN(?:ull|ULL)\b"
)


def enabled() -> bool:
    return yaml_rs is not None and os.environ.get("BRANCHCHECK_PARSER", "") != "pyyaml"


def parse(text: str) -> dict[str, Any] | None:
    """The file's data, or None when the strict parse must decide."""
    if not enabled() or _RISKY.search(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal: the strict parse will say why, with a position
        return None
    return data if isinstance(data, dict) else None
