"""A problem's position costs a slice, not a second parse, and is the strict parse's position.

loading/line_positions.py places a path of a file the fast path read from the file's lines and a
strict parse of the one entry holding it. These tests hold it to the strict parse of the
whole file on every path (every key and value, at the value and at its key) of the examples,
the built-in rubrics, the test files, generated ledgers of every built-in rubric, and files
rewritten in random layouts; it may say it is unsure (the whole file is then parsed), never
answer differently.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bad_inputs.test_reformat import reformat
from conftest import EXAMPLES, TEST_FILES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchcheck.loading import builtin_rubrics, fast, strict
from branchcheck.loading.line_positions import LinePositions
from branchcheck.loading.locate import locate, resolve
from branchcheck.loading.source import Source
from branchcheck.models import Ledger, Rubric

pytest.importorskip("yaml_rs")

FILES = (
    sorted(EXAMPLES.rglob("*.yaml"))
    + sorted(builtin_rubrics().values())
    + sorted((TEST_FILES / "ledgers").glob("*.yaml"))
)


def _paths(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def compare(text: str) -> tuple[int, int] | None:
    """(placed, unsure) over every path, each placed path checked against the strict parse;
    None when the fast path does not read the text."""
    fast_data = fast.parse(text)
    if fast_data is None:
        return None
    data, pos = strict.parse(text, "x")
    lines = LinePositions(text, fast_data, "x")
    placed = unsure = 0
    for path in _paths(data):
        found = resolve(fast_data, path)
        if found is None:  # a key the fast parse typed: left to the strict parse
            unsure += 1
            continue
        steps, label = found
        assert found == resolve(data, path), (path, text)
        place = lines.find(steps)
        if place is None:
            unsure += 1
            continue
        line, col, key = place
        assert (line, col, label) == locate(pos, data, path), (path, text)
        at_key = (*key, label) if key is not None else (line, col, label)
        assert at_key == locate(pos, data, path, at_key=True), (path, text)
        asked = lines.find(steps, at_key=True)  # asked for the key: answered from the lines
        assert asked is not None, (path, text)
        key_line, key_col, asked_key = asked
        key_place = (*asked_key, label) if asked_key is not None else (key_line, key_col, label)
        assert key_place == at_key, (path, text)
        placed += 1
    return placed, unsure


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_path_of_the_shipped_files_is_placed_exactly(path: Path) -> None:
    answer = compare(path.read_text("utf-8"))
    if answer is not None:
        placed, unsure = answer
        assert placed > 0 and unsure == 0  # block files written by hand: never unsure


# --- other layouts ---------------------------------------------------------------------------


def _scalar(value: Any, rng: random.Random) -> str:
    text = "" if value is None else str(value)
    if value is None:
        return rng.choice(["", "~", "null"])
    if (
        text
        and text == text.strip()
        and text[0] not in "-?:,[]{}#&*!|>'\"%@`"
        and (": " not in text and " #" not in text and not text.endswith(":"))
    ):
        return text
    return "'" + text.replace("'", "''") + "'"


def _write(value: Any, rng: random.Random, indent: int, head: str) -> str:
    """`head` (`key:` or `-`) and the value, in layouts the reformatter does not use."""
    pad = " " * indent
    roll = rng.random()
    if isinstance(value, dict) and value:
        if head.endswith("-") and roll < 0.5:  # `- key: value` on the dash's line
            inner = len(head) - len(head.lstrip(" ")) + 2  # the column after `- `
            first, *others = list(value.items())
            out = _write(first[1], rng, inner, f"{head} {first[0]}:")
            for key, item in others:
                out += _gap(rng, inner) + _write(item, rng, inner, f"{' ' * inner}{key}:")
            return out
        step = rng.choice([1, 2, 4])
        out = head + rng.choice(["", "  # 注", " "]) + "\n"
        for key, item in value.items():
            out += _gap(rng, indent + step)
            out += _write(item, rng, indent + step, f"{pad}{' ' * step}{_key(key, rng)}:")
        return out
    if isinstance(value, list) and value:
        step = 0 if head.endswith(":") and roll < 0.4 else rng.choice([2, 3])
        out = head + "\n"
        for item in value:
            out += _gap(rng, indent + step) + _write(
                item, rng, indent + step, f"{pad}{' ' * step}-"
            )
        return out
    if isinstance(value, dict | list):
        return f"{head} {'{}' if isinstance(value, dict) else '[]'}\n"
    text = _scalar(value, rng)
    if text and roll < 0.15:  # the value on the next line
        return f"{head}\n{pad}   {text}\n"
    if text and roll < 0.25 and "'" not in text:  # a block scalar (keeps a line break)
        return f"{head} {rng.choice(['|', '>', '|-', '>-'])}\n{pad}    {text}\n"
    if text and roll < 0.32 and " " not in text:  # a plain scalar over two lines
        return f"{head} {text}\n{pad}    {text}\n"
    return f"{head} {text}\n".replace(" \n", "\n")


def _key(key: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return f"'{key}'" if "'" not in key else key
    if roll < 0.2:
        return f'"{key}"' if '"' not in key else key
    return key + (" " if roll > 0.95 else "")


def _gap(rng: random.Random, indent: int) -> str:
    roll = rng.random()
    if roll < 0.06:
        return "\n"
    if roll < 0.12:
        return " " * rng.randint(0, indent + 3) + "# 说明：- a: b\n"
    return ""


def layout(data: dict[str, Any], rng: random.Random) -> str:
    body = "".join(_write(value, rng, 0, f"{key}:") for key, value in data.items())
    text = rng.choice(["", "# 台账\n", "---\n", "--- # 台账\n"]) + body
    return text.replace("\n", "\r\n") if rng.random() < 0.2 else text


SEEDS = st.integers(min_value=0, max_value=2**32 - 1)
SOURCES = FILES[:12] + FILES[-12:]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=SEEDS)
def test_paths_in_other_layouts_are_placed_exactly_or_not_at_all(seed: int) -> None:
    rng = random.Random(seed)
    path = rng.choice(SOURCES)
    data = strict.parse(path.read_text("utf-8"), str(path))[0]
    for text in (layout(data, rng), reformat(data, rng)):
        compare(text)


@pytest.mark.fast_path
def test_other_layouts_are_mostly_placed() -> None:
    # Otherwise the property above would hold for a locator that never answers.
    rng = random.Random(11)
    placed = unsure = 0
    for _ in range(40):
        path = rng.choice(SOURCES)
        data = strict.parse(path.read_text("utf-8"), str(path))[0]
        answer = compare(layout(data, rng))
        if answer is not None:
            placed += answer[0]
            unsure += answer[1]
    assert placed > 0.8 * (placed + unsure)


# --- generated ledgers: clean, messy and five-star --------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Ten ledgers of each benchmark set (benchmarks/generate.py, seed 1)."""
    from test_generate import generate  # the script, loaded as a module

    folder = tmp_path_factory.mktemp("sets")
    sets = {
        "clean": ("lanzhou-6543", False),
        "messy": ("lanzhou-6543", True),
        "five-star": ("five-star", False),
        "quality-branch": ("quality-branch", True),
    }
    return {
        name: generate.generate(10, 1, folder / name, rubric, messy=messy)
        for name, (rubric, messy) in sets.items()
    }


@pytest.mark.fast_path
@pytest.mark.parametrize("name", ["clean", "messy", "five-star", "quality-branch"])
def test_generated_ledgers_are_placed_exactly(generated: dict[str, list[Path]], name: str) -> None:
    for path in generated[name]:
        answer = compare(path.read_text("utf-8"))
        assert answer is not None and answer[1] == 0, path


@pytest.mark.fast_path
@pytest.mark.parametrize("name", ["clean", "messy", "five-star", "quality-branch"])
def test_both_paths_give_the_same_models_and_warnings(
    generated: dict[str, list[Path]], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchcheck.loading import read_ledger

    warned = 0
    for path in generated[name]:
        fast_source = Source(path)
        fast_model = fast_source.validate(Ledger)
        assert fast_source.pos is None  # read by the fast path: no guard sent it the slow way
        strict_model = Ledger.model_validate(Source(path).strict()[0])
        assert fast_model == strict_model, path
        fast_read = read_ledger(path)
        monkeypatch.setenv("BRANCHCHECK_PARSER", "pyyaml")
        strict_read = read_ledger(path)
        monkeypatch.delenv("BRANCHCHECK_PARSER")
        assert fast_read.ledger == strict_read.ledger
        assert fast_read.warnings == strict_read.warnings, path
        warned += bool(fast_read.warnings)
    assert warned >= (8 if name in ("messy", "quality-branch") else 0)


@pytest.mark.fast_path
def test_a_warning_does_not_parse_the_whole_file(generated: dict[str, list[Path]]) -> None:
    placed = 0
    for path in generated["messy"]:
        source = Source(path)
        source.validate(Ledger)
        problems = source.curly_quotes()  # read from the fast data
        placed += len(source.diagnostics(problems))
        assert source.pos is None  # placed from its lines and a slice
    assert placed > 0


@pytest.mark.fast_path
def test_a_rubric_problem_is_placed_from_the_lines_too() -> None:
    file = builtin_rubrics()["lanzhou-6543"]
    source = Source(file)
    source.validate(Rubric)
    loc = ("tiers", 2, "min_score")
    line, col, path = source.where(loc, at_key=True)
    assert source.pos is None and path == "tiers[exemplary].min_score"
    strict_data, pos = Source(file).strict()
    assert (line, col, path) == locate(pos, strict_data, loc, at_key=True)


# --- curly quotes: only the entries whose lines hold one are walked --------------------------


def _wrap_some(data: Any, rng: random.Random) -> Any:
    """The data with some text values wrapped in curly quotes (and some with one inside)."""
    if isinstance(data, dict):
        return {key: _wrap_some(value, rng) for key, value in data.items()}
    if isinstance(data, list):
        return [_wrap_some(value, rng) for value in data]
    if isinstance(data, str) and data and rng.random() < 0.05:
        return rng.choice(["“{}”", "‘{}’", "“{}”说明", "关于“{}”"]).format(data)
    return data


def curly_compare(text: str) -> bool | None:
    """Whether the lines answered; they must find what a walk of all the data finds."""
    from branchcheck.loading.source import _curly_values, curly_in_lines

    fast_data = fast.parse(text)
    if fast_data is None:
        return None
    found = curly_in_lines(LinePositions(text, fast_data, "x"))
    if found is not None:
        assert found == _curly_values(fast_data, (), []), text
    return found is not None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=SEEDS)
def test_curly_quotes_found_from_the_lines_are_all_of_them(seed: int) -> None:
    rng = random.Random(seed)
    path = rng.choice(SOURCES)
    data = _wrap_some(strict.parse(path.read_text("utf-8"), str(path))[0], rng)
    for text in (layout(data, rng), reformat(data, rng)):
        curly_compare(text)


@pytest.mark.fast_path
def test_curly_quotes_in_generated_ledgers_are_found_from_the_lines(
    generated: dict[str, list[Path]],
) -> None:
    answered = 0
    for name in ("clean", "messy", "five-star"):
        for path in generated[name]:
            answered += bool(curly_compare(path.read_text("utf-8")))
    assert answered == 30  # and the property above would hold for lines that never answer
