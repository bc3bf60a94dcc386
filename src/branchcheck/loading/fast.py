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

_RISKY = re.compile(
    r"[&*!%\\\u00a0\u3000]|0[xXoObB]|\d[eE][+-]?\d|\.(?:inf|Inf|INF|nan|NaN|NAN)\b|\bN(?:ull|ULL)\b"
    r"|\b(?:True|TRUE|False|FALSE)\b|[\"'][ \t]*:(?:[ \t]|$)"
)
# A number-like plain token (after a separator, before one) that is not a plain integer
# such as `8` or `2024`: yaml-rs types these, and they may not read back as written.
_SUSPECT_NUMBER = re.compile(
    r"(?<![^\s\[{,:])(?=[-+]?[\d_]*[._+]|-?0[\d_]|-0(?![\d._])|-?\d{19})[-+]?[\d._]+"
    r"(?=[\s,\]}:#]|$)",
    re.MULTILINE,
)
_CANONICAL_INT = re.compile(r"0|-?[1-9]\d{0,17}")
_CANONICAL_FLOAT = re.compile(r"-?(?:0|[1-9]\d{0,15})\.\d{1,15}")


def enabled() -> bool:
    return yaml_rs is not None and os.environ.get("BRANCHCHECK_PARSER", "") != "pyyaml"


def parse(text: str) -> dict[str, Any] | None:
    """The file's data for the schema, or None when the strict parse must decide."""
    if not enabled() or _RISKY.search(text) or not _numbers_canonical(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal: the strict parse will say why, with a position
        return None
    return data if isinstance(data, dict) else None


def _numbers_canonical(text: str) -> bool:
    """Every number reads back as written (`1.10`, `010`, `+1`, `1_000`, `5.` do not).

    Plain integers are canonical by construction; only tokens with a dot, sign, underscore,
    leading zero or many digits are looked at one by one.
    """
    for match in _SUSPECT_NUMBER.finditer(text):
        token = match.group()
        if _CANONICAL_INT.fullmatch(token):
            continue
        if _CANONICAL_FLOAT.fullmatch(token) and repr(float(token)) == token:
            continue
        return False
    return True
