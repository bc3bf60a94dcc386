"""The fast path: yaml-rs (Rust, YAML 1.2) builds the data when it cannot differ from the
strict parse's.

Why the two cannot differ, in three parts:
- Typing. yaml-rs types plain scalars by YAML 1.2's core schema (`010` -> 10, `1.10` -> 1.1,
  `true` -> True); the strict parse keeps text. The schema reads both alike: number fields read
  text with the same rules (`models.common.yaml_number`), facts and `expect` are read by what
  they mean (a number, yes/no or text), and text fields refuse typed values, so the strict
  parse decides those. No field's value depends on a number's spelling.
- Refusals. What the strict parse refuses and yaml-rs accepts is either refused by the schema
  too (keys that are not plain text, padded keys, nesting the models do not have, a second
  document) or sent straight to the strict parse by `strict_reason`: anchors, aliases, tags,
  escapes (the only way to write a control character), odd spaces, directives, tabs, and the
  names `Null`/`NULL`, which YAML 1.2 reads as null but we keep as names. Each test there
  looks for a character or word the construct cannot be written without, so it can send a
  file the slow way for nothing but never lets one through.
- Failures. Anything yaml-rs or the schema refuses goes to the strict parse, which says why
  with a position; users only ever see the strict parse's errors.

A property test (tests/bad_inputs/test_reformat.py) reformats real ledgers in every layout
YAML allows and holds both paths to equal models.
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

# Anchors, aliases, tags, escapes, tabs, non-ASCII spaces: one character each can't do without.
# Looked for one by one (`in` is a fast search; a regex class goes character by character).
STRICT_ONLY = "&*!\\\t\u00a0\u3000"
# Searches led by one literal character run at the speed of a search for that character:
# about a third of the time of the two `in` searches for each word they replace (measured).
_NULL = re.compile("N(?:ull|ULL)")
_MARKER = re.compile(r"\n(?:\.\.\.|---)")


def strict_reason(text: str) -> str | None:
    """Why the strict parse must read this text (a guard that fired), or None."""
    if _NULL.search(text):  # null to yaml-rs, a name to the strict parse
        return "the name Null"
    if _line_start(text, "%"):
        return "a directive"
    breaks = "\r" in text  # a lone CR is rare: a quick search spares the slower ones
    # Document markers past the first line: yaml-rs and libyaml read `...` and a second
    # document differently (`...` first, then keys: one document to yaml-rs, two to libyaml).
    if text.startswith("...") or _MARKER.search(text) or (breaks and "\r---" in text):
        return "a document marker"
    for char in STRICT_ONLY:
        if char in text:
            return f"the character {char!r}"
    return None


def _line_start(text: str, char: str) -> bool:
    """Whether `char` starts a line: looked for where it stands, a search per occurrence (a
    ledger holds a few `%`, as in `96%`), since one search for "\n%" scans the whole text
    slowly (0.03 ms a five-star ledger, measured)."""
    at = text.find(char)
    while at >= 0:
        if at == 0 or text[at - 1] in "\r\n":
            return True
        at = text.find(char, at + 1)
    return False


def enabled() -> bool:
    return yaml_rs is not None and os.environ.get("BRANCHCHECK_PARSER", "") != "pyyaml"


def parse(text: str) -> dict[str, Any] | None:
    """The file's data for the schema, or None when the strict parse must decide."""
    if not enabled() or strict_reason(text) is not None:
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal: the strict parse will say why, with a position
        return None
    return data if isinstance(data, dict) else None
