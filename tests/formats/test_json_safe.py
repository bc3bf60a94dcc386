"""The byte-level screen of `json_safe_bytes` misses none of the characters `json_safe`
escapes, and gives the same text back as `json_safe` would."""

from __future__ import annotations

import json

import pytest

from branchcheck.formats.json_format import (
    _UNSAFE,
    json_safe,
    json_safe_bytes,
    needs_escape,
)


def test_every_unsafe_character_is_screened() -> None:
    unsafe = [
        chr(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and _UNSAFE.match(chr(code))
    ]
    assert len(unsafe) > 200  # the class itself is read, not an empty list
    missed = [f"U+{ord(c):04X}" for c in unsafe if not needs_escape(c.encode("utf-8"))]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "支部“三会一课”——按时召开，（已整改）…",
        "名字\u200b里有零宽空格",
        "行\u2028分隔",
        "\ufeff开头",
        "软\u00ad连字符与·间隔号",
        "控制\x85字符\x7f",
        "阿拉伯\u0600与\u061c",
        "\U000e0041标签与\U0001d173音乐",
        "表情😀与①",
        "plain ascii",
    ],
)
def test_the_bytes_come_back_as_json_safe_makes_them(text: str) -> None:
    document = json.dumps({"text": text}, ensure_ascii=False)
    assert json_safe_bytes(document.encode("utf-8")) == json_safe(document).encode("utf-8")
