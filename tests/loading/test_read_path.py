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
