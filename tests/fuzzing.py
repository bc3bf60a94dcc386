"""A seeded mutation fuzzer for the CLI contract, shared by tests/test_fuzz.py and scripts/fuzz.py.

Seeds are the example ledgers (`examples/**/*.yaml`) and the built-in rubrics (found through
`branchcheck.loading.builtin_rubrics()`, wherever they live). Each case mutates one seed
(text, bytes, lines, indentation, hostile strings, or the parsed data re-emitted as YAML),
runs one command on it (three for a rubric: `validate`, `rubrics show` and `score EXAMPLE
--rubric`), and checks the contract:

- the exit code is 0, 1 or 2 (3 is an internal error; no answer within the time bound is a hang);
- every stderr line is `FILE:LINE:COL: error|warning: MESSAGE`, starts with `branchcheck: `,
  or is validate's `N file(s) checked (…), M with problems`; no line is forged by the input;
- no raw control, format (bidi, zero-width) or line-separator character reaches stdout, stderr
  or the output file, and the output is UTF-8;
- few stderr lines per case (a flood is a finding);
- inputs byte-identical afterwards, no stray file in the case folder or in TMPDIR, the output
  file absent or complete (JSON that parses), JSON on stdout parses;
- `validate` and `score --rubric` / `rubrics show` agree on whether a rubric is acceptable.

A case is reproducible from (run seed, case index) alone, whatever the number of cases.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# ----------------------------------------------------------------------------------------
# Seeds


@dataclass(frozen=True)
class Seed:
    kind: str  # "ledger" | "rubric"
    name: str  # shown in reports: a path relative to the repo, or the rubric's file path
    path: Path
    text: str
    rubric_id: str  # a ledger's `rubric:`; a rubric's own id


def builtin_rubric_files() -> dict[str, Path]:
    from branchcheck.loading import builtin_rubrics

    return dict(builtin_rubrics())


def _rubric_ref(text: str) -> str:
    match = re.search(r"^rubric:\s*([^\s#]+)", text, re.MULTILINE)
    return match.group(1) if match else ""


def load_seeds() -> list[Seed]:
    seeds = []
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        seeds.append(Seed("ledger", str(path.relative_to(ROOT)), path, text, _rubric_ref(text)))
    for ident, path in builtin_rubric_files().items():
        text = path.read_text(encoding="utf-8")
        try:
            shown = str(path.relative_to(ROOT))
        except ValueError:
            shown = str(path)
        seeds.append(Seed("rubric", shown, path, text, ident))
    return seeds


# ----------------------------------------------------------------------------------------
# Hostile material

FORGE_LEDGER = "in/ledger.yaml:7777:7777: error: FORGED ALL GOOD"
FORGE_RUBRIC = "in/rubric.yaml:7777:7777: error: FORGED ALL GOOD"
FORGE_OTHER = "FORGED.yaml:1:1: error: FORGED"
FORGED_LINE = re.compile(
    r"^(?:in/(?:ledger|rubric)\.yaml:7777:7777|FORGED\.yaml:1:1): (?:error|warning): FORGED"
)

# Raw strings put into the text (some break YAML, some survive into values).
HOSTILE_RAW = [
    "\x1b[2J\x1b[31mALL GOOD",
    "\x1b]0;pwned\x07",
    "\x00",
    "\x07",
    "\x08\x08\x08",
    "\x7f",
    "\x85",
    "\x9b31m",
    "\r",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u00ad",
    "\u2060",
    "\u2061",
    "\u180e",
    "\ufff9",
    "\U000e0001",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\uffff",
    "\ufffe",
    "\u00a0",
    "\u3000",
    "：",
    "“",
    "”",
    "“好”",
    "‘是’",
    "&a ",
    "*a",
    "&a x",
    "!!python/object:os.system ",
    "!!python/object/apply:os.system [echo hi]",
    "!!binary aGk=",
    "!!str ",
    "!custom ",
    "%YAML 1.1",
    "%TAG ! tag:x,2000:",
    "<<: {a: 1}",
    "\t",
    "---",
    "...",
    "--- !!set",
    "? ",
    "- ",
    ": ",
    "|",
    ">-",
    "#",
    "'",
    '"',
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    "@",
    "`",
    "=",
    "Null",
    "NULL",
    "~",
    "null",
    "yes",
    "No",
    "off",
    "0o17",
    "0x1F",
    "0b101",
    ".inf",
    "-.Inf",
    ".NaN",
    "1_000",
    "1e999",
    "-1e999",
    "1e-400",
    "-0",
    "99999999999999999999999999999999",
    "9" * 5000,
    "18446744073709551617",
    "9999-12-31",
    "0001-01-01",
    "0000-00-00",
    "2024-02-30",
    "10000-01-01",
    "9999-12-31T23:59:59Z",
    "2024年13月1日",
    "2024/2/29",
    "名" * 3000,
    "x" * 70000,
    "[" * 40 + "]" * 40,
    "{a: " * 40 + "1" + "}" * 40,
    "[" * 3000,
    "[" * 2000 + "]" * 2000,
]

# Double-quoted YAML scalars whose escapes make controls (the loader sees the decoded text).
HOSTILE_QUOTED = [
    '"\\e[2J\\e[31mALL GOOD"',
    '"\\u202e"',
    '"abc\\u202edef"',
    '"\\x1b]0;title\\x07"',
    '"\\0"',
    '"\\a\\b\\v\\f"',
    '"\\N"',
    '"\\L"',
    '"\\P"',
    '"\\_"',
    '"\\u200b"',
    '"\\u200e"',
    '"\\ufeff"',
    '"\\x85"',
    '"\\x9b"',
    '"\\r"',
    '"\\t"',
    '"\\U0010ffff"',
    '"\\ud800"',
    '"\\uffff"',
    '"a\\nb"',
    '"a\\n\\nb"',
    f'"x\\n\\n{FORGE_LEDGER}"',
    f'"x\\n\\n{FORGE_RUBRIC}"',
    f'"x\\r{FORGE_LEDGER}"',
    f'"\\n{FORGE_OTHER}"',
    f'"x\\u2028{FORGE_LEDGER}"',
    f'"x\\x85{FORGE_LEDGER}"',
    '"' + "\\e[1A\\e[2K" * 3 + 'ALL GOOD"',
    "'single\n\n  quoted'",
    '"folded\n\n  dq"',
]

# Values a ledger's `rubric:` may name (read relative to the ledger's folder).
HOSTILE_REFS = [
    "/dev/zero",
    "/dev/null",
    "/etc/passwd",
    "/proc/self/status",
    ".",
    "..",
    "../in",
    "ledger.yaml",
    "in/../ledger.yaml",
    "lanzhou-6543.yaml",
    "LANZHOU-6543",
    "lanzhou-6543 ",
    '"lanzhou-6543\\u202e"',
    '"\\e[31mlanzhou-6543"',
    f'"x\\n\\n{FORGE_OTHER}"',
    f'"nofile.yaml\\n{FORGE_LEDGER}"',
    '"' + "../" * 200 + 'x.yaml"',
    "x" * 5000 + ".yaml",
    '"\\0.yaml"',
    "~",
    "''",
    "[lanzhou-6543]",
    "{id: lanzhou-6543}",
]

# Ledger file names (a folder of ledgers gathered from branches holds any name); the
# `\udcxx` ones are bytes that are not UTF-8 (Python's surrogateescape).
HOSTILE_FILE_NAMES = [
    "a\x1b[2J\x1b[31mALL GOOD.yaml",
    "a\n\nFORGED.yaml:1:1: error: FORGED.yaml",
    "a\rFORGED.yaml:1:1: error: FORGED.yaml",
    "x\u202elmay.yaml",
    "x\u200b.yaml",
    "tab\there.yaml",
    "x\x85.yaml",
    "x\u2028.yaml",
    "\udcff\udcfe.yaml",
    "\udcd6\udcd0\udcce\udcc4.yaml",  # 中文 in GBK
    "名 称.yaml",
    "x:1:2: error: y.yaml",
    "-o.yaml",
    "x.YAML.yaml",
]

EXTREME_DATES = [
    "9999-12-31",
    "0001-01-01",
    "9999-12-30",
    "0001-01-02",
    "9999-01-01",
    "1900-02-28",
    "2000-02-29",
    "9999/12/31",
    "1.1.1",
    "9999年12月31日",
    "1年1月1日",
]

ENCODINGS = ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk", "latin-1"]


def _rand_hostile(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(HOSTILE_RAW)
    if pick < 0.85:
        return rng.choice(HOSTILE_QUOTED)
    return json.dumps(rng.choice(HOSTILE_RAW), ensure_ascii=rng.random() < 0.5)


def _scalar_token(rng: random.Random) -> str:
    """A value to put where a scalar was: quoted or not."""
    pick = rng.random()
    if pick < 0.35:
        return rng.choice(HOSTILE_QUOTED)
    if pick < 0.7:
        return rng.choice(HOSTILE_RAW)
    raw = rng.choice(HOSTILE_RAW)
    if pick < 0.85:
        return json.dumps(raw, ensure_ascii=rng.random() < 0.5)
    return "'" + raw.replace("'", "''") + "'"


# ----------------------------------------------------------------------------------------
# Text mutations (str -> str). Each returns (new text, short description).

_KEY_LINE = re.compile(r"^( *)(- )?([^\s#:\-\[{][^:#\n]*?):(?: +([^\n#]*?))?[ \t]*(#.*)?$")
_VALUE = re.compile(r"(?<=: )[^,\]}\n#{\[][^,\]}\n#]*")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"(?<=[\s\[:,])-?\d+(?:\.\d+)?(?=[\s,\]}]|$)", re.MULTILINE)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _pick_line(rng: random.Random, lines: list[str], want: re.Pattern[str] | None = None) -> int:
    candidates = [i for i, line in enumerate(lines) if line.strip()]
    if want is not None:
        matching = [i for i in candidates if want.search(lines[i])]
        candidates = matching or candidates
    return rng.choice(candidates) if candidates else 0


def m_char_flip(rng: random.Random, text: str) -> tuple[str, str]:
    if not text:
        return "x", "char_flip(empty)"
    out = list(text)
    n = rng.randint(1, 3)
    for _ in range(n):
        i = rng.randrange(len(out))
        out[i] = rng.choice(
            [
                chr(rng.randrange(0x20, 0x7F)),
                chr(rng.randrange(0, 0x20)),
                chr(rng.randrange(0x80, 0xA0)),
                chr(rng.randrange(0x4E00, 0x9FA5)),
                rng.choice(HOSTILE_RAW[:40])[:1] or "x",
                "",
            ]
        )
    return "".join(out), f"char_flip x{n}"


def m_insert_anywhere(rng: random.Random, text: str) -> tuple[str, str]:
    s = _rand_hostile(rng)
    i = rng.randrange(len(text) + 1)
    return text[:i] + s + text[i:], f"insert {s[:40]!r} at char {i}"


def m_replace_value(rng: random.Random, text: str) -> tuple[str, str]:
    matches = list(_VALUE.finditer(text))
    if not matches:
        return m_insert_anywhere(rng, text)
    m = rng.choice(matches)
    token = _scalar_token(rng)
    line = text.count("\n", 0, m.start()) + 1
    return (
        text[: m.start()] + token + text[m.end() :],
        f"value {m.group(0)[:30]!r} -> {token[:40]!r} (line {line})",
    )


def m_append_to_value(rng: random.Random, text: str) -> tuple[str, str]:
    matches = list(_VALUE.finditer(text))
    if not matches:
        return m_insert_anywhere(rng, text)
    m = rng.choice(matches)
    s = rng.choice(HOSTILE_RAW[:36])
    at = rng.choice([m.start(), m.end(), (m.start() + m.end()) // 2])
    line = text.count("\n", 0, m.start()) + 1
    return text[:at] + s + text[at:], f"{s[:20]!r} into value {m.group(0)[:30]!r} (line {line})"


def m_forged_key(rng: random.Random, text: str) -> tuple[str, str]:
    """A key holding newlines (a blank line, a forged `FILE:LINE:COL` line)."""
    lines = _lines(text)
    i = _pick_line(rng, lines, _KEY_LINE)
    m = _KEY_LINE.match(lines[i])
    indent = len(m.group(1)) + (2 if m and m.group(2) else 0) if m else 0
    pad = " " * indent
    forge = rng.choice([FORGE_LEDGER, FORGE_RUBRIC, FORGE_OTHER])
    style = rng.randrange(5)
    if style == 0:
        new = [f'{pad}"bogus\\n\\n{forge}": 1']
    elif style == 1:
        new = [f"{pad}? |", f"{pad}  bogus", "", f"{pad}  {forge}", f"{pad}: 1"]
    elif style == 2:
        new = [f'{pad}? "bogus', "", f'{pad}  {forge}"', f"{pad}: 1"]
    elif style == 3:
        new = [f'{pad}"\\e[2J\\e[H{forge}\\u202e": 1']
    else:
        new = [f'{pad}"{forge}\\r": {{"a\\n\\n{forge}": 1}}']
    lines[i + 1 : i + 1] = new
    return "\n".join(lines), f"forged key after line {i + 1} (style {style})"


def m_forged_value(rng: random.Random, text: str) -> tuple[str, str]:
    """A value holding a forged line, where messages quote values (ids, types, refs)."""
    forge = rng.choice([FORGE_LEDGER, FORGE_RUBRIC, FORGE_OTHER])
    payload = rng.choice(
        [f'"x\\n\\n{forge}"', f'"x\\n{forge}"', f'"x\\r{forge}"', f'"x\\u2028{forge}"']
    )
    keys = ["id", "type", "member", "rubric", "status", "kind", "event", "per", "name", "format"]
    key = rng.choice(keys)
    pat = re.compile(rf"(?<=\b{key}: )[^,\]}}\n#]+")
    matches = list(pat.finditer(text))
    if not matches:
        return m_replace_value(rng, text)
    m = rng.choice(matches)
    line = text.count("\n", 0, m.start()) + 1
    return text[: m.start()] + payload + text[m.end() :], f"{key} value -> {payload} (line {line})"


def m_rubric_ref(rng: random.Random, text: str) -> tuple[str, str]:
    ref = rng.choice(HOSTILE_REFS)
    new, n = re.subn(r"(?m)^rubric:.*$", lambda _: f"rubric: {ref}", text, count=1)
    if not n:
        return m_replace_value(rng, text)
    return new, f"rubric: {ref[:60]}"


def m_date(rng: random.Random, text: str) -> tuple[str, str]:
    d = rng.choice(EXTREME_DATES)
    which = rng.random()
    if which < 0.5:
        # The period and the election: where date arithmetic happens.
        targets = [
            r"(?<=start: )[^,}\n]+",
            r"(?<=end: )[^,}\n]+",
            r"(?<=elected: )[^,}\n]+",
            r"(?<=joined: )[^,}\n]+",
            r"(?<=left: )[^,}\n]+",
        ]
        pat = re.compile(rng.choice(targets))
        matches = list(pat.finditer(text))
        if matches:
            m = rng.choice(matches)
            line = text.count("\n", 0, m.start()) + 1
            key = pat.pattern[4 : pat.pattern.index(":")]
            return text[: m.start()] + d + text[m.end() :], f"{key}: -> {d} (line {line})"
    matches = list(_DATE.finditer(text))
    if not matches:
        return m_replace_value(rng, text)
    m = rng.choice(matches)
    line = text.count("\n", 0, m.start()) + 1
    return text[: m.start()] + d + text[m.end() :], f"date {m.group(0)} -> {d} (line {line})"


def m_number(rng: random.Random, text: str) -> tuple[str, str]:
    matches = list(_NUMBER.finditer(text))
    if not matches:
        return m_replace_value(rng, text)
    m = rng.choice(matches)
    n = rng.choice(
        [
            "1e308",
            "1e309",
            "-1e308",
            "1e-320",
            "99999999999999999999999",
            "9" * 5000,
            "-1",
            "0",
            "-0.0",
            "0.000001",
            ".nan",
            ".inf",
            "-.inf",
            "1_0",
            "0x10",
            "1.5e3",
            "2147483648",
            "9223372036854775808",
            "3.0000000000000000001",
            "10.",
            "+5",
        ]
    )
    line = text.count("\n", 0, m.start()) + 1
    return text[: m.start()] + n + text[m.end() :], f"number {m.group(0)} -> {n[:30]} (line {line})"


def m_line_delete(rng: random.Random, text: str) -> tuple[str, str]:
    lines = _lines(text)
    i = _pick_line(rng, lines)
    n = rng.choice([1, 1, 1, 2, 5])
    del lines[i : i + n]
    return "\n".join(lines), f"delete lines {i + 1}..{i + n}"


def m_line_dup(rng: random.Random, text: str) -> tuple[str, str]:
    lines = _lines(text)
    i = _pick_line(rng, lines)
    where = rng.choice(["next", "far", "end"])
    j = (
        i + 1
        if where == "next"
        else (rng.randrange(len(lines) + 1) if where == "far" else len(lines))
    )
    lines.insert(j, lines[i])
    return "\n".join(lines), f"duplicate line {i + 1} at {j + 1}"


def m_line_mass_dup(rng: random.Random, text: str) -> tuple[str, str]:
    lines = _lines(text)
    cands = [i for i, line in enumerate(lines) if line.lstrip().startswith("- {")]
    if not cands:
        return m_line_dup(rng, text)
    i = rng.choice(cands)
    n = rng.choice([200, 2000, 20000])
    lines[i + 1 : i + 1] = [lines[i]] * n
    return "\n".join(lines), f"repeat list line {i + 1} x{n}"


def m_line_swap(rng: random.Random, text: str) -> tuple[str, str]:
    lines = _lines(text)
    i, j = _pick_line(rng, lines), _pick_line(rng, lines)
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines), f"swap lines {i + 1} and {j + 1}"


def m_indent(rng: random.Random, text: str) -> tuple[str, str]:
    lines = _lines(text)
    i = _pick_line(rng, lines)
    line = lines[i]
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    op = rng.randrange(6)
    if op == 0:
        new = " " * (indent + rng.randint(1, 3)) + stripped
    elif op == 1:
        new = " " * max(0, indent - rng.randint(1, 3)) + stripped
    elif op == 2:
        new = "\t" * max(1, indent // 2) + stripped
    elif op == 3:
        new = "\u00a0" * max(1, indent) + stripped
    elif op == 4:
        new = "\u3000" + line
    else:
        new = stripped
    lines[i] = new
    return "\n".join(lines), f"indent op {op} on line {i + 1}"


def m_value_swap(rng: random.Random, text: str) -> tuple[str, str]:
    matches = list(_VALUE.finditer(text))
    if len(matches) < 2:
        return m_replace_value(rng, text)
    a, b = sorted(rng.sample(matches, 2), key=lambda m: m.start())
    if a.end() > b.start():
        return text, "value swap (overlap, no-op)"
    new = text[: a.start()] + b.group(0) + text[a.end() : b.start()] + a.group(0) + text[b.end() :]
    la = text.count("\n", 0, a.start()) + 1
    lb = text.count("\n", 0, b.start()) + 1
    return new, f"swap values {a.group(0)[:20]!r} (line {la}) and {b.group(0)[:20]!r} (line {lb})"


def m_punctuation(rng: random.Random, text: str) -> tuple[str, str]:
    """Word/WeChat habits: full-width colons and commas, curly quotes, odd spaces."""
    pairs = [
        (": ", "："),
        (": ", ":\u00a0"),
        (": ", ":\u3000"),
        (", ", "，"),
        ('"', "“"),
        ("'", "’"),
        ("[", "【"),
        ("- ", "－ "),
        (" ", "\u00a0"),
        ("\n", "\r\n"),
        ("\n", "\r"),
    ]
    a, b = rng.choice(pairs)
    idx = [m.start() for m in re.finditer(re.escape(a), text)]
    if not idx:
        return m_insert_anywhere(rng, text)
    if rng.random() < 0.2:
        return text.replace(a, b), f"all {a!r} -> {b!r}"
    i = rng.choice(idx)
    return text[:i] + b + text[i + len(a) :], f"{a!r} -> {b!r} at char {i}"


def m_deep(rng: random.Random, text: str) -> tuple[str, str]:
    matches = list(_VALUE.finditer(text))
    depth = rng.choice([31, 32, 33, 40, 200, 5000])
    style = rng.randrange(3)
    if style == 0:
        nest = "[" * depth + "1" + "]" * depth
    elif style == 1:
        nest = "{a: " * depth + "1" + "}" * depth
    else:
        nest = "[" * depth
    if not matches:
        return text + "\nextra: " + nest + "\n", f"deep nesting {depth} style {style}"
    m = rng.choice(matches)
    line = text.count("\n", 0, m.start()) + 1
    return text[: m.start()] + nest + text[
        m.end() :
    ], f"deep nesting {depth} style {style} (line {line})"


def m_block_deep(rng: random.Random, text: str) -> tuple[str, str]:
    depth = rng.choice([31, 33, 100, 1000])
    out = [f"{'  ' * k}k{k}:" for k in range(depth)]
    out.append(f"{'  ' * depth}1")
    return text.rstrip("\n") + "\n" + "\n".join(out) + "\n", f"block nesting {depth}"


def m_long(rng: random.Random, text: str) -> tuple[str, str]:
    matches = list(_VALUE.finditer(text))
    n = rng.choice([1000, 100000, 1_000_000])
    s = rng.choice(["名", "x", "\u202e", "𠀀", "a "]) * n
    if not matches:
        return text + s, f"long text x{n}"
    m = rng.choice(matches)
    line = text.count("\n", 0, m.start()) + 1
    return text[: m.start()] + s + text[m.end() :], f"long value {s[:3]!r}x{n} (line {line})"


def m_document_markers(rng: random.Random, text: str) -> tuple[str, str]:
    lines = _lines(text)
    i = rng.randrange(len(lines) + 1)
    marker = rng.choice(["---", "...", "--- |", "---\n---", "...\n---\nx: 1", "%YAML 1.2\n---"])
    lines.insert(i, marker)
    return "\n".join(lines), f"{marker!r} at line {i + 1}"


def m_anchor_tag(rng: random.Random, text: str) -> tuple[str, str]:
    matches = list(_VALUE.finditer(text))
    if not matches:
        return m_insert_anywhere(rng, text)
    m = rng.choice(matches)
    prefix = rng.choice(
        [
            "&a ",
            "*a",
            "!!python/object:os.system ",
            "!!python/object/apply:os.system ['echo hi'] #",
            "!!python/name:os.system ",
            "!!int ",
            "!!float ",
            "!!timestamp ",
            "!!null ",
            "!<tag:yaml.org,2002:str> ",
            "! ",
            "!local ",
        ]
    )
    line = text.count("\n", 0, m.start()) + 1
    if prefix == "*a":
        return text[: m.start()] + "*a" + text[m.end() :], f"alias *a (line {line})"
    return text[: m.start()] + prefix + text[
        m.start() :
    ], f"{prefix.strip()} before value (line {line})"


def m_merge_key(rng: random.Random, text: str) -> tuple[str, str]:
    lines = _lines(text)
    i = _pick_line(rng, lines, _KEY_LINE)
    m = _KEY_LINE.match(lines[i])
    indent = (len(m.group(1)) + (2 if m.group(2) else 0)) if m else 0
    payload = rng.choice(
        [
            "<<: {a: 1}",
            "<<: *a",
            "? [a, b]\n: c",
            "? {a: 1}\n: b",
            "[1]: x",
            "1: x",
            "null: x",
            "~: x",
            "'': x",
            '"": x',
        ]
    )
    new = [" " * indent + part for part in payload.split("\n")]
    lines[i + 1 : i + 1] = new
    return "\n".join(lines), f"{payload!r} after line {i + 1}"


def m_truncate(rng: random.Random, text: str) -> tuple[str, str]:
    i = rng.randrange(len(text) + 1)
    return text[:i], f"truncate at char {i}"


def m_empty(rng: random.Random, text: str) -> tuple[str, str]:
    return rng.choice(
        [
            "",
            "\n",
            "---\n",
            "~\n",
            "null",
            "[]",
            "{}",
            "- 1\n",
            "x",
            "# only a comment\n",
            "\ufeff",
            "'",
        ]
    ), "replace whole file"


# ----------------------------------------------------------------------------------------
# Structural mutations: parse, change the data, emit as YAML.


class _Loader(yaml.SafeLoader):
    pass


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _random_value(rng: random.Random) -> Any:
    pick = rng.randrange(16)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False])
    if pick == 2:
        return rng.choice([0, -1, 10**30, -(10**30), 2**63, 10**400])
    if pick == 3:
        return rng.choice([0.5, 1e308, -1e-320, float("inf"), float("-inf"), float("nan")])
    if pick == 4:
        return rng.choice([dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(2024, 2, 29)])
    if pick == 5:
        return []
    if pick == 6:
        return {}
    if pick == 7:
        return [rng.choice(HOSTILE_RAW[:36])]
    if pick == 8:
        return {rng.choice(HOSTILE_RAW[:36]): 1}
    if pick == 9:
        return {f"x\n\n{FORGE_LEDGER}": f"y\n\n{FORGE_RUBRIC}"}
    if pick == 10:
        nest: Any = 1
        for _ in range(rng.choice([30, 33, 60])):
            nest = [nest]
        return nest
    if pick == 11:
        return "名" * rng.choice([100, 10000])
    if pick == 12:
        return f"a\n\n{FORGE_LEDGER}"
    return rng.choice(HOSTILE_RAW)


def _structural(rng: random.Random, data: Any) -> str:
    paths = [p for p in _paths(data) if p]
    if not paths:
        return "no paths"
    path = rng.choice(paths)
    parent = _get(data, path[:-1])
    last = path[-1]
    op = rng.randrange(9)
    shown = "/".join(str(p) for p in path)[:80]
    if op == 0:
        del parent[last]
        return f"delete {shown}"
    if op == 1:
        parent[last] = _random_value(rng)
        return f"set {shown} = {str(parent[last])[:40]!r}"
    if op == 2:
        other = rng.choice(paths)
        try:
            other_parent = _get(data, other[:-1])
            a, b = parent[last], other_parent[other[-1]]
            parent[last], other_parent[other[-1]] = b, a
        except (KeyError, IndexError, TypeError):
            return f"swap {shown} (failed)"
        return f"swap {shown} <-> {'/'.join(str(p) for p in other)[:60]}"
    if op == 3 and isinstance(parent, list):
        parent.insert(last, parent[last])
        return f"duplicate item {shown}"
    if op == 4 and isinstance(parent, dict):
        new_key = rng.choice(
            [
                rng.choice(HOSTILE_RAW[:40]) + str(last),
                str(last).upper(),
                f"{last}\n\n{FORGE_LEDGER}",
                str(last) + " ",
                1,
                None,
            ]
        )
        parent[new_key] = parent.pop(last)
        return f"rename key {shown} -> {str(new_key)[:40]!r}"
    if op == 5:
        parent[last] = rng.choice([[parent[last]], {"value": parent[last]}])
        return f"wrap {shown}"
    if op == 6 and isinstance(parent[last], list) and parent[last]:
        parent[last] = parent[last] * rng.choice([2, 50, 500])
        return f"multiply list {shown}"
    if op == 7 and isinstance(data, dict):
        key = rng.choice([rng.choice(HOSTILE_RAW[:40]), f"k\n\n{FORGE_OTHER}", "extra"])
        data[key] = _random_value(rng)
        return f"add top-level key {key[:40]!r}"
    # Targeted dates: period and election.
    if isinstance(data, dict):
        d = rng.choice([dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(9999, 1, 1)])
        target = rng.choice(["start", "end", "elected", "both"])
        if target in ("start", "end") and isinstance(data.get("period"), dict):
            data["period"][target] = d
            return f"period.{target} = {d}"
        if target == "elected" and isinstance(data.get("committee"), dict):
            data["committee"]["elected"] = d
            return f"committee.elected = {d}"
        if target == "both" and isinstance(data.get("period"), dict):
            data["period"]["start"] = dt.date(1, 1, 1)
            data["period"]["end"] = dt.date(9999, 12, 31)
            return "period = 0001-01-01..9999-12-31"
    parent[last] = _random_value(rng)
    return f"set {shown} = {str(parent[last])[:40]!r}"


def m_structural(rng: random.Random, text: str) -> tuple[str, str]:
    try:
        data = yaml.load(text, Loader=_Loader)
    except Exception:
        return m_replace_value(rng, text)
    descs = [_structural(rng, data) for _ in range(rng.choice([1, 1, 2, 3]))]
    try:
        out = yaml.dump(
            data,
            Dumper=yaml.SafeDumper,
            allow_unicode=rng.random() < 0.8,
            sort_keys=False,
            default_flow_style=rng.choice([False, None]),
            width=rng.choice([80, 4096]),
        )
    except Exception as exc:  # pragma: no cover - dump of odd data
        return text, f"structural dump failed: {type(exc).__name__}"
    return out, "structural: " + "; ".join(descs)


PLAUSIBLE = [
    "all",
    "M01",
    "M02",
    "M99",
    "0",
    "1",
    "-1",
    "100",
    "1.5",
    "0.5",
    "''",
    "[]",
    "{}",
    "[M01, M01]",
    "好",
    "较好",
    "差",
    "是",
    "否",
    "true",
    "false",
    "yes",
    "no",
    "2024-02-29",
    "2024-12-31",
    "2025-01-01",
    "2023-12-31",
    "2024-01",
    "2024-13",
    "9999-12-31",
    "0001-01-01",
    "支委会",
    "党课",
    "month",
    "quarter",
    "year",
    "预备",
    "正式",
    "书记",
    "lanzhou-6543",
    "five-star",
    "~",
]


def m_plausible_value(rng: random.Random, text: str) -> tuple[str, str]:
    """A value another value of the file, or a plausible word: most such files still load."""
    matches = list(_VALUE.finditer(text))
    if not matches:
        return text, "plausible (no value)"
    m = rng.choice(matches)
    token = rng.choice(matches).group(0) if rng.random() < 0.4 else rng.choice(PLAUSIBLE)
    line = text.count("\n", 0, m.start()) + 1
    return (
        text[: m.start()] + token + text[m.end() :],
        f"value {m.group(0)[:30]!r} -> {token[:30]!r} (line {line})",
    )


TEXT_MUTATORS: list[tuple[Callable[[random.Random, str], tuple[str, str]], float]] = [
    (m_char_flip, 6),
    (m_insert_anywhere, 6),
    (m_replace_value, 14),
    (m_append_to_value, 8),
    (m_forged_key, 5),
    (m_forged_value, 5),
    (m_rubric_ref, 3),
    (m_date, 7),
    (m_number, 5),
    (m_line_delete, 5),
    (m_line_dup, 4),
    (m_line_mass_dup, 0.6),
    (m_line_swap, 3),
    (m_indent, 4),
    (m_value_swap, 4),
    (m_punctuation, 4),
    (m_deep, 2),
    (m_block_deep, 1),
    (m_long, 1),
    (m_document_markers, 2),
    (m_anchor_tag, 3),
    (m_merge_key, 2),
    (m_truncate, 1.5),
    (m_empty, 0.5),
    (m_structural, 14),
]


# Mutations after which a file often still loads: these reach the engine and the writers.
GENTLE_MUTATORS: list[tuple[Callable[[random.Random, str], tuple[str, str]], float]] = [
    (m_plausible_value, 10),
    (m_date, 8),
    (m_number, 4),
    (m_structural, 8),
    (m_value_swap, 3),
    (m_line_delete, 3),
    (m_line_dup, 2),
    (m_line_swap, 1),
]


# Byte mutations: applied to the encoded file last, sometimes.
def b_flip(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if not data:
        return b"\xff", "byte flip (empty)"
    out = bytearray(data)
    n = rng.randint(1, 4)
    for _ in range(n):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out), f"flip {n} bits"


def b_insert(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    chunk = rng.choice(
        [
            b"\xff",
            b"\xc3",
            b"\xe4\xb8",
            b"\xed\xa0\x80",
            b"\xc0\x80",
            b"\x00",
            b"\xef\xbb\xbf",
            b"\xf4\x90\x80\x80",
            b"\x1b[2J",
            b"\xd5\xe2\xca\xc7",
        ]
    )
    i = rng.randrange(len(data) + 1)
    return data[:i] + chunk + data[i:], f"insert bytes {chunk!r} at {i}"


def b_truncate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    i = rng.randrange(len(data) + 1)
    return data[:i], f"truncate at byte {i}"


def b_prefix(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    head = rng.choice(
        [
            b"PK\x03\x04",
            b"\xd0\xcf\x11\xe0",
            b"%PDF-1.4\n",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\x00\x00\xfe\xff",
            b"\xef\xbb\xbf\xef\xbb\xbf",
            b"\x1f\x8b",
        ]
    )
    return head + data, f"prefix {head!r}"


def b_oversize(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    n = rng.choice([5 * 1024 * 1024 - len(data) - 10, 5 * 1024 * 1024 + 1])
    pad = b"# " + b"x" * max(0, n - 3) + b"\n"
    return data + pad, f"pad to {len(data) + len(pad)} bytes"


BYTE_MUTATORS: list[tuple[Callable[[random.Random, bytes], tuple[bytes, str]], float]] = [
    (b_flip, 5),
    (b_insert, 5),
    (b_truncate, 2),
    (b_prefix, 2),
    (b_oversize, 0.3),
]


def _weighted(rng: random.Random, items: list[tuple[Any, float]]) -> Any:
    total = sum(w for _, w in items)
    x = rng.random() * total
    for item, w in items:
        x -= w
        if x < 0:
            return item
    return items[-1][0]


def encode(rng: random.Random, text: str) -> tuple[bytes, str | None]:
    if rng.random() < 0.08:
        enc = rng.choice(ENCODINGS)
        return text.encode(enc, "replace"), f"encode {enc}"
    return text.encode("utf-8", "surrogatepass"), None


# ----------------------------------------------------------------------------------------
# Cases

LEDGER_COMMANDS = [
    ("score-json", 30),
    ("score-out", 20),
    ("report", 25),
    ("validate", 10),
    ("show", 15),
]


@dataclass
class Case:
    index: int
    kind: str  # ledger | rubric
    seed: str  # seed name
    seed_path: Path
    mutations: list[str]
    data: bytes
    command: str  # score-json | score-out | report | validate | show | rubric
    example: Path | None = (
        None  # rubric cases: the ledger scored with --rubric; report: a clean neighbour
    )
    show_format: str = "table"
    report_jobs: str | None = None
    file_name: str | None = None  # a ledger's own file name, when not ledger.yaml

    @property
    def input_name(self) -> str:
        if self.kind == "rubric":
            return "in/rubric.yaml"
        return f"in/{self.file_name or 'ledger.yaml'}"


def make_case(run_seed: int, index: int, seeds: list[Seed], heavy: bool = True) -> Case:
    rng = random.Random(f"{run_seed}:{index}")
    seed = (
        seeds[rng.randrange(len(seeds))]
        if rng.random() < 0.75
        else rng.choice([s for s in seeds if s.kind == "rubric"])
    )
    text = seed.text
    muts: list[str] = []
    gentle = rng.random() < 0.3
    mutators = GENTLE_MUTATORS if gentle else TEXT_MUTATORS
    if not heavy:
        mutators = [(f, w) for f, w in mutators if f not in (m_line_mass_dup, m_long)]
    if gentle:
        muts.append("(gentle)")
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        mutator = _weighted(rng, mutators)
        text, desc = mutator(rng, text)
        muts.append(desc)
    data, enc = (text.encode("utf-8", "surrogatepass"), None) if gentle else encode(rng, text)
    if enc:
        muts.append(enc)
    byte_mutators = (
        BYTE_MUTATORS if heavy else [(f, w) for f, w in BYTE_MUTATORS if f is not b_oversize]
    )
    if not gentle and rng.random() < 0.12:
        data, desc = _weighted(rng, byte_mutators)(rng, data)
        muts.append(desc)
    ledgers = [s for s in seeds if s.kind == "ledger"]
    if seed.kind == "rubric":
        matching = [s for s in ledgers if s.rubric_id == seed.rubric_id] or ledgers
        example = rng.choice(matching).path
        fmt = rng.choice(["table", "json", "markdown"])
        return Case(index, "rubric", seed.name, seed.path, muts, data, "rubric", example, fmt)
    command = _weighted(rng, LEDGER_COMMANDS)
    example = rng.choice(ledgers).path if command == "report" and rng.random() < 0.3 else None
    fmt = rng.choice(["table", "json", "markdown"])
    jobs = rng.choice([None, "1", "2"]) if command == "report" else None
    # Drawn last, so adding it left every earlier case as it was.
    file_name = rng.choice(HOSTILE_FILE_NAMES) if rng.random() < 0.06 else None
    if file_name:
        muts.append(f"file name {file_name!r}")
    return Case(
        index, "ledger", seed.name, seed.path, muts, data, command, example, fmt, jobs, file_name
    )


def commands_for(
    case: Case, in_process: bool = False, folder: Path | None = None
) -> list[tuple[str, list[str]]]:
    """(label, argv) for the case: paths relative to the case folder, or under `folder`.

    In-process runs use absolute paths: the process's caches outlive one run, and a cache
    keyed on a relative path would hand one case's file to the next.
    """
    pre = f"{folder}/" if folder is not None else ""
    name = pre + case.input_name
    if case.command == "rubric":
        return [
            ("validate", ["validate", name]),
            ("show", ["rubrics", "show", name, "-f", case.show_format]),
            ("score-rubric", ["score", pre + "in/example.yaml", "--rubric", name, "-f", "json"]),
        ]
    if case.command == "score-json":
        return [("score-json", ["score", name, "-f", "json"])]
    if case.command == "score-out":
        return [("score-out", ["score", name, "-f", "json", "-o", pre + "out/out.json"])]
    if case.command == "validate":
        return [("validate", ["validate", name])]
    if case.command == "show":
        return [("show", ["rubrics", "show", name, "-f", case.show_format])]
    argv = ["report", pre + "in", "-f", "json"]
    jobs = "1" if in_process else case.report_jobs
    if jobs:
        argv += ["--jobs", jobs]
    return [("report", argv)]


# ----------------------------------------------------------------------------------------
# Running one command


@dataclass
class Outcome:
    code: int | None  # None: no answer in time
    out: bytes
    err: bytes
    seconds: float
    outfile: bytes | None = None


Runner = Callable[[list[str], Path, float], Outcome]


def subprocess_runner(argv: list[str], cwd: Path, timeout: float) -> Outcome:
    env = dict(os.environ)
    env.pop("BRANCHCHECK_DEBUG", None)
    env["TMPDIR"] = str(cwd / "tmp")
    env["COLUMNS"] = "120"
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "branchcheck", *argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    return Outcome(code, out, err, time.monotonic() - start)


def in_process_runner(argv: list[str], cwd: Path, timeout: float) -> Outcome:
    """Run `branchcheck.cli.main` here, with stdout/stderr like a real process's (UTF-8 bytes).

    A watchdog thread interrupts the main thread (`_thread.interrupt_main`) when a run takes
    longer than `timeout`, so a hang becomes a result; it leaves SIGALRM to the CLI's own
    limits. A hang inside native code that never returns to Python cannot be caught this way.
    """
    import _thread
    import threading

    from branchcheck.cli import main

    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(
        err_bytes, encoding="utf-8", errors="backslashreplace", write_through=True
    )
    old_cwd = os.getcwd()
    old_tempdir = tempfile.tempdir
    fired = threading.Event()

    def fire() -> None:
        fired.set()
        _thread.interrupt_main()

    timer = threading.Timer(timeout, fire) if _is_main_thread() else None
    start = time.monotonic()
    code: int | None = None
    try:
        try:
            os.chdir(cwd)
            tempfile.tempdir = str(cwd / "tmp")
            with warnings.catch_warnings():
                # Python's own defaults, as a real process has (pytest makes warnings errors).
                warnings.resetwarnings()
                warnings.simplefilter("ignore", DeprecationWarning)
                warnings.simplefilter("ignore", PendingDeprecationWarning)
                warnings.simplefilter("ignore", ImportWarning)
                warnings.simplefilter("ignore", ResourceWarning)
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    if timer is not None:
                        timer.start()
                    try:
                        code = main(list(argv))
                    except SystemExit as exc:  # pragma: no cover - main maps every outcome
                        code = exc.code if isinstance(exc.code, int) else 1
        finally:
            if timer is not None:
                timer.cancel()
                timer.join()
            tempfile.tempdir = old_tempdir
            os.chdir(old_cwd)
        if fired.is_set():
            time.sleep(0.05)  # a pending interrupt lands here, not in the caller
    except KeyboardInterrupt:
        if not fired.is_set():
            raise
    if fired.is_set():
        code = None
    out.flush()
    err.flush()
    return Outcome(code, out_bytes.getvalue(), err_bytes.getvalue(), time.monotonic() - start)


def _is_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# ----------------------------------------------------------------------------------------
# Checks

DIAG = re.compile(r"^.+:\d+:\d+: (?:error|warning): .+$")
SUMMARY = re.compile(  # validate's last line
    r"^\d+ file\(s\) checked \((?:\d+ (?:ledgers?|rubrics?|unreadable|neither)(?:, )?)+\),"
    r" \d+ with problems(?:, \d+ with warnings)?(?:; \d+ skipped)?$"
)
FLOOD_LINES = 100


def leaked_chars(text: str) -> list[str]:
    """Raw characters that must never reach a terminal (tab and newline are fine)."""
    bad = []
    for ch in text:
        if ch in "\n\t":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Zl", "Zp") or (cat == "Cs" and not 0xDC80 <= ord(ch) <= 0xDCFF):
            bad.append(ch)
    return bad


@dataclass
class Finding:
    kind: str
    label: str  # the command label
    detail: str


@dataclass
class RunRecord:
    label: str
    argv: list[str]
    code: int | None
    seconds: float
    stderr_lines: int
    err_text: str
    out_head: str


@dataclass
class CaseResult:
    case: Case
    findings: list[Finding] = field(default_factory=list)
    runs: list[RunRecord] = field(default_factory=list)
    leaks: dict[str, set[str]] = field(default_factory=dict)  # stream -> codepoints

    @property
    def kinds(self) -> set[str]:
        return {f.kind for f in self.findings}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _decode(data: bytes) -> tuple[str, bool]:
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape"), False


def _u(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def prepare(case: Case, folder: Path) -> None:
    (folder / "in").mkdir(parents=True)
    (folder / "out").mkdir()
    (folder / "tmp").mkdir()
    (folder / case.input_name).write_bytes(case.data)
    if case.example is not None:
        shutil.copyfile(case.example, folder / "in" / "example.yaml")


def run_case(
    case: Case, runner: Runner, folder: Path, timeout: float = 20.0, in_process: bool = False
) -> CaseResult:
    """Run the case's command(s) in `folder` (created fresh) and check the contract."""
    prepare(case, folder)
    result = CaseResult(case)
    inputs = sorted((folder / "in").iterdir())
    before = {p.name: _sha(p) for p in inputs}
    expected_tree = _tree(folder)
    codes: dict[str, Outcome] = {}
    for label, argv in commands_for(case, in_process, folder.resolve() if in_process else None):
        outcome = runner(argv, folder, timeout)
        codes[label] = outcome
        _check_run(result, label, argv, outcome, folder, case)
        # After each run: inputs and the folder.
        for p in inputs:
            if not p.exists():
                result.findings.append(Finding("input-changed", label, f"{p.name} deleted"))
            elif _sha(p) != before[p.name]:
                result.findings.append(Finding("input-changed", label, f"{p.name} modified"))
        tree = _tree(folder)
        allowed = set(expected_tree)
        if label == "score-out":
            allowed.add("out/out.json")
        extra = sorted(tree - allowed)
        if extra:
            result.findings.append(Finding("leftover-file", label, ", ".join(extra)[:300]))
        for name in extra:
            with contextlib.suppress(OSError):
                p = folder / name
                if p.is_file() and name != "out/out.json":
                    p.unlink()
    if case.command == "rubric":
        _check_agreement(result, codes)
    return result


def _check_run(
    result: CaseResult, label: str, argv: list[str], outcome: Outcome, folder: Path, case: Case
) -> None:
    add = result.findings.append
    err, err_ok = _decode(outcome.err)
    out, out_ok = _decode(outcome.out)
    # str.splitlines also splits at \x85, \u2028 ...; count on \n, as a terminal and grep do.
    nl_lines = err.split("\n")
    if nl_lines and nl_lines[-1] == "":
        nl_lines.pop()
    result.runs.append(
        RunRecord(label, argv, outcome.code, outcome.seconds, len(nl_lines), err[:4000], out[:300])
    )
    if outcome.code is None:
        add(Finding("hang", label, f"no answer in {outcome.seconds:.1f} s"))
    elif outcome.code == 3:
        first = next(
            (line for line in nl_lines if "internal error" in line), nl_lines[0] if nl_lines else ""
        )
        add(Finding("internal-error", label, first[:300]))
    elif outcome.code not in (0, 1, 2):
        add(Finding("bad-exit", label, f"exit {outcome.code}"))
    if not err_ok:
        add(Finding("non-utf8-stderr", label, repr(outcome.err[:200])))
    if not out_ok:
        add(Finding("non-utf8-stdout", label, repr(outcome.out[:200])))
    if outcome.err and not outcome.err.endswith(b"\n"):
        add(
            Finding("malformed-stderr", label, f"stderr does not end with a newline: {err[-80:]!r}")
        )
    for line in nl_lines:
        if FORGED_LINE.match(line):
            add(Finding("forged-line", label, line[:200]))
        elif line.startswith("branchcheck: ") or SUMMARY.match(line):
            continue
        elif not DIAG.match(line):
            if outcome.code != 3:  # an internal error's own text is counted once, as that
                add(Finding("malformed-stderr", label, repr(line[:200])))
    if outcome.code is not None and len(nl_lines) > FLOOD_LINES:
        add(Finding("stderr-flood", label, f"{len(nl_lines)} stderr lines"))
    for stream, text in (("stderr", err), ("stdout", out)):
        bad = leaked_chars(text)
        if bad:
            cps = {_u(c) for c in bad}
            result.leaks.setdefault(stream, set()).update(cps)
            add(Finding(f"control-leak-{stream}", label, " ".join(sorted(cps))[:200]))
    # Output contracts.
    json_out = label in ("score-json", "score-rubric", "report") or (
        label == "show" and case.show_format == "json"
    )
    if outcome.code is not None and outcome.code != 3 and json_out and label != "score-out":
        if outcome.out.strip():
            try:
                json.loads(outcome.out)
            except ValueError as exc:
                add(Finding("bad-json-stdout", label, f"{exc}; stdout starts {out[:80]!r}"))
        elif outcome.code == 0:
            add(Finding("bad-json-stdout", label, "exit 0 with nothing on stdout"))
    if label == "score-out":
        target = folder / "out" / "out.json"
        if target.exists():
            data = target.read_bytes()
            text, ok = _decode(data)
            if not ok:
                add(Finding("bad-output-file", label, "not UTF-8"))
            try:
                json.loads(data)
            except ValueError as exc:
                add(Finding("bad-output-file", label, f"output is not whole JSON: {exc}"))
            bad = leaked_chars(text)
            if bad:
                cps = {_u(c) for c in bad}
                result.leaks.setdefault("outfile", set()).update(cps)
                add(Finding("control-leak-outfile", label, " ".join(sorted(cps))[:200]))
        elif outcome.code in (0, 1):
            add(Finding("missing-output", label, f"exit {outcome.code} but no out/out.json"))
        if outcome.out.strip():
            add(Finding("stdout-with-output", label, f"stdout not empty with -o: {out[:80]!r}"))


def _refuses_rubric(outcome: Outcome) -> bool:
    err, _ = _decode(outcome.err)
    for line in err.split("\n"):
        m = re.match(r"^(.+?):\d+:\d+: error: ", line)
        if m and m.group(1).endswith("rubric.yaml"):
            return True
    return False


def _check_agreement(result: CaseResult, codes: dict[str, Outcome]) -> None:
    v, s, c = codes["validate"], codes["show"], codes["score-rubric"]
    if any(o.code not in (0, 1, 2) for o in (v, s, c)):
        return
    valid = v.code == 0
    shown = s.code == 0
    scored = not (c.code == 2 and _refuses_rubric(c))
    if valid != shown:
        result.findings.append(
            Finding(
                "disagree-validate-show",
                "show",
                f"validate exit {v.code}, rubrics show exit {s.code}",
            )
        )
    if valid != scored:
        result.findings.append(
            Finding(
                "disagree-validate-score",
                "score-rubric",
                f"validate exit {v.code}, score --rubric exit {c.code}"
                + (" (refusing the rubric)" if not scored else " (rubric accepted)"),
            )
        )


# ----------------------------------------------------------------------------------------
# Reduction and reporting helpers


def shell_line(case: Case, label: str) -> str:
    for lab, argv in commands_for(case):
        if lab == label:
            return "branchcheck " + " ".join(shlex.quote(a) for a in argv)
    return ""


def reduce_case(
    case: Case,
    kind: str,
    runner: Runner,
    base: Path,
    budget: int = 60,
    timeout: float = 20.0,
) -> Case:
    """Greedy line-chunk deletion keeping `kind` among the findings (ddmin-like, bounded)."""
    counter = [0]

    def fails(data: bytes) -> bool:
        counter[0] += 1
        trial = Case(**{**case.__dict__, "data": data})
        folder = base / f"reduce-{case.index}-{kind}-{counter[0]}"
        try:
            return kind in run_case(trial, runner, folder, timeout).kinds
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    lines = case.data.split(b"\n")
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and counter[0] < budget:
        i = 0
        changed = False
        while i < len(lines) and counter[0] < budget:
            trial = lines[:i] + lines[i + chunk :]
            if trial and fails(b"\n".join(trial)):
                lines = trial
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return Case(**{**case.__dict__, "data": b"\n".join(lines)})


def escaped(text: str) -> str:
    """`text` with every character `leaked_chars` objects to shown as \\uXXXX (newlines kept)."""
    return "".join(f"\\u{ord(c):04x}" if leaked_chars(c) else c for c in text)


def describe_failure(result: CaseResult, kind: str) -> str:
    case = result.case
    parts = [
        f"kind: {kind}",
        f"case: {case.index} (seed file {case.seed})",
        f"mutations: {'; '.join(case.mutations)}",
    ]
    for f in result.findings:
        if f.kind == kind:
            parts.append(f"finding [{f.label}]: {f.detail}")
            parts.append("command: " + shell_line(case, f.label))
            break
    if case.example is not None:
        parts.append(f"in/example.yaml is a copy of {case.example.relative_to(ROOT)}")
    for run in result.runs:
        parts.append(
            f"--- {run.label}: exit {run.code} in {run.seconds:.2f} s, {run.stderr_lines} stderr lines"
        )
        parts.append(escaped(run.err_text[:1500]))
    return "\n".join(parts) + "\n"
