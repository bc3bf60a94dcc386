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

# Text that yaml-rs might read differently from the strict parse sends the file there. The
# schema's scalar types (models.common) absorb the rest: Int, Num and Flag compare values,
# not spellings, and refuse the typed values the text would not give; ScalarText folds the
# case of true/false and refuses floats from this path. So only what could still differ is
# guarded, with literal-led searches that stay fast on long Chinese text (about 0.1 ms for a
# 23 KB ledger). They may over-match (a file goes the slow way), never under-match.
_SPECIAL = re.compile("[&*!\\\\\u00a0\u3000]")  # anchors, aliases, tags, escapes, odd spaces
_RADIX = re.compile("0[xXoObB]")  # 0x1F, 0o17, 0b101: integers to yaml-rs, text to the schema
_UNDERSCORE = re.compile("_(?:(?=[0-9])|(?<=[0-9]_))")  # _1, 1_: integers to yaml-rs
_QUOTED_KEY = re.compile(r"[\"'][ \t]*:(?:[ \t]|$)", re.MULTILINE)
# Where a number's spelling is kept (ScalarText: facts and `expect`), it must be the plain
# integer yaml-rs's value would print back: not 010, -0, +5, and no decimals (1.10, 1e3).
_FACTS_BLOCK = re.compile(r"facts:.*(?:\n[ \t#].*)*")  # the top-level key and its lines
_RESPELLED_NUMBER = re.compile(
    r"(?<![\w.-])(?:[-+]?0[0-9]|-0(?![0-9.])|\+[0-9])|[0-9]\.|\.[0-9iInN]|[0-9][eE]"
)


def _risky(text: str) -> bool:
    if "Null" in text or "NULL" in text:  # null to yaml-rs, a name to the strict parse
        return True
    if text.startswith("%") or "\n%" in text:  # a directive (`60%` in a comment is fine)
        return True
    if _SPECIAL.search(text) or _RADIX.search(text) or _UNDERSCORE.search(text):
        return True
    if ('"' in text or "'" in text) and _QUOTED_KEY.search(text):
        return True
    return any(_RESPELLED_NUMBER.search(place) for place in _text_number_places(text))


def _text_number_places(text: str) -> list[str]:
    """The top-level `facts:` block and every `expect:` line (found with str.find: fast)."""
    places = []
    start = 0 if text.startswith("facts:") else text.find("\nfacts:") + 1
    if start > 0 or text.startswith("facts:"):
        block = _FACTS_BLOCK.match(text, start)
        places.append(block.group() if block else text[start:])
    start = text.find("expect:")
    while start >= 0:
        end = text.find("\n", start)
        places.append(text[start : end if end >= 0 else len(text)])
        start = text.find("expect:", start + 7)
    return places


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
