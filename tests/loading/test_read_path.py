"""The read path's cheap scans say what the slow ones would: bytes -> text -> data.

Each cut on the way (a pre-check before a regex, `in` searches for a regex class) must never
change an answer; these tests hold each one to what it replaced.
"""

from __future__ import annotations

import re
import sys

import pytest

from branchcheck.errors import BranchcheckError
from branchcheck.loading import fast
from branchcheck.loading.decode import _FORBIDDEN, scan_text


def test_every_forbidden_character_is_unprintable() -> None:
    # scan_text skips its regex when the text without line breaks and tabs is printable:
    # sound only if no character the regex refuses is printable.
    printable = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if _FORBIDDEN.fullmatch(chr(code)) and chr(code).isprintable()
    ]
    assert printable == []


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x85", "\u200b", "\u2028", "\ufeff", "\uffff"])
@pytest.mark.parametrize("around", ["a: {}\n", "a: {}\r\n", "a:\t{}\n"])
def test_a_forbidden_character_is_still_found(char: str, around: str) -> None:
    with pytest.raises(BranchcheckError):
        scan_text("x: 1\n" + around.format(char), "f")


def test_printable_text_with_line_breaks_and_tabs_passes() -> None:
    scan_text("a: 甲\r\nb: 乙\rc:\t丙\n", "f")


def test_the_guards_look_for_the_characters_the_regex_did() -> None:
    old = re.compile("[&*!\\\\\t\u00a0\u3000]")  # the regex the `in` searches replaced
    for code in range(0x3100):
        text = f"a: x{chr(code)}y\n"
        if old.search(text):
            assert fast.strict_reason(text) is not None, hex(code)
    assert fast.strict_reason("a: 甲\nb: [1, 2]\n") is None


def _old_strict_reason(text: str) -> str | None:
    """The guard as plain `in` searches, before the regexes led by one literal character."""
    if "Null" in text or "NULL" in text:
        return "the name Null"
    if text.startswith("%") or "\n%" in text or "\r%" in text:
        return "a directive"
    if text.startswith("...") or "\n..." in text or "\n---" in text or "\r---" in text:
        return "a document marker"
    for char in fast.STRICT_ONLY:
        if char in text:
            return f"the character {char!r}"
    return None


_PIECES = [
    "a: 甲",
    "\n",
    "\r\n",
    "\r",
    "%",
    "%YAML 1.2",
    "...",
    "---",
    "Null",
    "NULL",
    "NuLL",
    "nULL",
    "N",
    "ull",
    "-- ",
    ". ..",
    "&",
    "\t",
    "\u3000",
    "100%",
    "b: [1, 2]",
    " ",
]


@pytest.mark.parametrize("seed", range(40))
def test_the_guard_gives_the_plain_searches_answer(seed: int) -> None:
    import random

    rng = random.Random(seed)
    for _ in range(200):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
        assert fast.strict_reason(text) == _old_strict_reason(text), repr(text)


_QUOTED = ["“", "”", "‘", "’", "a", "甲", " ", ",", "[", "]", "{", "}", "#", "\n", ": ", "- "]


@pytest.mark.parametrize("seed", range(40))
def test_the_curly_check_finds_every_regex_match_at_a_value_start(seed: int) -> None:
    # The regex is tried only where a curly quote opens a value, not over the whole text: it
    # must still say yes whenever one of the regex's own matches starts a value.
    import random

    from branchcheck.loading.source import _CURLY_VALUE, curly_candidate

    def opens_value(text: str, start: int) -> bool:
        before = text[:start].rstrip(" \t")
        return (
            not before
            or before[-1] in ":[{,\n"
            or (before[-1] == "-" and (len(before) == 1 or before[-2] in " \n"))
        )

    rng = random.Random(seed)
    said = 0
    for _ in range(200):
        text = "".join(rng.choice(_QUOTED) for _ in range(rng.randint(1, 30)))
        plain = any(opens_value(text, m.start()) for m in _CURLY_VALUE.finditer(text))
        found = curly_candidate(text)
        assert found or not plain, repr(text)
        said += found
    assert said > 0
