"""The fast and the strict parse never disagree: proved on real files in every layout.

Each example ledger and built-in rubric is re-emitted by a random YAML writer (block or flow
collections, line breaks inside flows, blank lines and comments anywhere, spacing around
`:` and `,`, keys and values plain or quoted, document markers) and read by both paths:
whenever the fast path answers, its model equals the strict path's. A second property holds
the one piece of typing both paths share, `yaml_number`, to yaml-rs's own reading of every
spelling. If yaml-rs ever reads a scalar differently, these fail in CI.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from branchcheck.errors import BranchcheckError
from branchcheck.loading import builtin_rubrics, fast, strict
from branchcheck.models import Ledger, Rubric
from branchcheck.models.common import YAML_BOOLS, yaml_number

yaml_rs = pytest.importorskip("yaml_rs")

LEDGERS = sorted(EXAMPLES.rglob("*.yaml")) + sorted(
    (Path(__file__).parent.parent / "files" / "ledgers").glob("*.yaml")
)
RUBRICS = sorted(builtin_rubrics().values())

# --- a random YAML writer ----------------------------------------------------------------

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def _plain_ok(text: str, in_flow: bool) -> bool:
    """Text that reads back as the same string when written unquoted."""
    if not text or text != text.strip() or text[0] in _INDICATORS or "\n" in text:
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (in_flow and any(c in text for c in ",[]{}"))


def _respell(text: str, rng: random.Random) -> str:
    """Another spelling of the same YAML 1.2 number or yes/no: what users actually type."""
    if text in YAML_BOOLS:
        return rng.choice([text, text.lower(), text.upper(), text.capitalize()])
    sign, digits = (text[0], text[1:]) if text[0] in "+-" else ("", text)
    if digits.isdigit():
        return sign + rng.choice(
            [
                digits,
                "0" + digits,
                digits + ".0",
                digits + ".00",
                f"{int(digits):_}",
                f"0x{int(digits):X}",
                f"0o{int(digits):o}",
                digits + "e0",
                "00" + digits,
            ]
        )
    if "." in digits and digits.replace(".", "").isdigit():
        return sign + rng.choice([digits, digits + "0", "0" + digits, digits + "e0"])
    return text


def _scalar(value: Any, rng: random.Random, in_flow: bool) -> str:
    if value is None:
        return rng.choice(["", "~", "null"]) if not in_flow else rng.choice(["~", "null"])
    text = str(value)
    if text in YAML_BOOLS or yaml_number(text) is not None:  # written plain, however spelled
        return _respell(text, rng) if rng.random() < 0.5 else text
    if _plain_ok(text, in_flow) and rng.random() < 0.7:
        return text
    if "\n" not in text and rng.random() < 0.5 and "\\" not in text:
        return "'" + text.replace("'", "''") + "'"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped + '"'


def _key(key: str, rng: random.Random, in_flow: bool) -> str:
    text = str(key) if yaml_number(key) is not None else _scalar(key, rng, in_flow)
    return text if rng.random() < 0.85 else text + " "  # `key : value`


def _flow(value: Any, rng: random.Random, indent: int) -> str:
    """A flow collection, sometimes broken over lines (continuations indented past `indent`)."""

    def sep() -> str:
        if rng.random() < 0.15:
            return ",\n" + " " * (indent + rng.randint(1, 4))
        return rng.choice([", ", ",", ",  "])

    if isinstance(value, dict):
        items = [
            f"{_key(k, rng, True)}:{rng.choice([' ', '  '])}{_flow(v, rng, indent)}"
            for k, v in value.items()
        ]
        return "{" + sep().join(items) + "}" if items else "{}"
    if isinstance(value, list):
        return "[" + sep().join(_flow(v, rng, indent) for v in value) + "]"
    return _scalar(value, rng, True)


def _gap(rng: random.Random, indent: int) -> str:
    """Nothing, a blank line, or a comment line (at any indentation) between entries."""
    roll = rng.random()
    if roll < 0.08:
        return "\n"
    if roll < 0.14:
        return (
            " " * rng.randint(0, indent + 2) + "# 备注：" + rng.choice(["", "x: y", "- z"]) + "\n"
        )
    return ""


def _comment(rng: random.Random) -> str:
    return rng.choice(["", "", "", "  # 说明", " # a: b, [c]"])


def _block(value: Any, rng: random.Random, indent: int) -> str:
    pad = " " * indent
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            out.append(_gap(rng, indent))
            head = f"{pad}{_key(k, rng, False)}:"
            out.append(_entry(head, v, rng, indent))
    else:
        for v in value:
            out.append(_gap(rng, indent))
            out.append(_entry(f"{pad}-", v, rng, indent))
    return "".join(out)


def _entry(head: str, value: Any, rng: random.Random, indent: int) -> str:
    if isinstance(value, dict | list) and value and rng.random() < 0.6:
        step = rng.choice([2, 4])
        if isinstance(value, list) and head.endswith(":") and rng.random() < 0.5:
            step = 0  # a sequence at its key's indentation, as many people write it
        return f"{head}{_comment(rng)}\n" + _block(value, rng, indent + step)
    if isinstance(value, dict | list):
        return f"{head} {_flow(value, rng, indent)}{_comment(rng)}\n"
    scalar = _scalar(value, rng, False)
    return f"{head} {scalar}{_comment(rng) if scalar else ''}\n".replace(" \n", "\n")


def reformat(data: dict[str, Any], rng: random.Random) -> str:
    # Markers after the first line send a file the slow way (loading/fast.py): now and then.
    start = rng.choice(["", "", "", "---\n", "", "", "", "# 台账\n---\n"])
    end = rng.choice(["", "", "", "\n\n# end\n", "", "", "", "...\n"])
    body = _block(data, rng, 0) if rng.random() < 0.9 else _flow(data, rng, 0) + "\n"
    return start + body + end


# --- the properties -------------------------------------------------------------------------


def _both(text: str, model: type[BaseModel]) -> tuple[BaseModel | None, Any]:
    """The fast path's model (None when it steps aside) and the strict path's answer."""
    fast_data = fast.parse(text)
    fast_model = None
    if fast_data is not None:
        try:
            fast_model = model.model_validate(fast_data)
        except ValidationError:
            pass
    try:
        strict_answer: Any = model.model_validate(strict.parse(text, "x")[0])
    except (ValidationError, BranchcheckError) as exc:
        strict_answer = exc
    return fast_model, strict_answer


def _check(files: list[Path], model: type[BaseModel], rng: random.Random) -> None:
    path = rng.choice(files)
    data = strict.parse(path.read_text("utf-8"), str(path))[0]
    text = reformat(data, rng)
    fast_model, strict_answer = _both(text, model)
    if fast_model is not None:
        assert fast_model == strict_answer, text


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# Each example is one seed for the writer's choices (a long list of them shrinks badly).
SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


@SETTINGS
@given(seed=SEEDS)
def test_reformatted_ledgers_give_equal_models(seed: int) -> None:
    _check(LEDGERS, Ledger, random.Random(seed))


@SETTINGS
@given(seed=SEEDS)
def test_reformatted_rubrics_give_equal_models(seed: int) -> None:
    _check(RUBRICS, Rubric, random.Random(seed))


@pytest.mark.fast_path
def test_the_reformatter_mostly_stays_on_the_fast_path() -> None:
    # Otherwise the properties above would hold for a fast path that never answers.
    # (A respelling such as `3e0` in a whole-number field makes a ledger both paths refuse.)
    rng = random.Random(7)
    valid = answered = 0
    for _ in range(60):
        path = rng.choice(LEDGERS)
        text = reformat(strict.parse(path.read_text("utf-8"), "x")[0], rng)
        fast_model, strict_answer = _both(text, Ledger)
        valid += isinstance(strict_answer, Ledger)
        answered += fast_model is not None
    assert valid >= 30 and answered >= 0.7 * valid


NUMBERISH = st.text(alphabet="0123456789_+-.eExXoObBaAfFiInNtTrRuUlLsS", min_size=1, max_size=9)


@settings(max_examples=3000, deadline=None)
@given(spelling=NUMBERISH)
def test_yaml_number_reads_spellings_as_yaml_rs_does(spelling: str) -> None:
    try:
        typed = yaml_rs.loads(f"k: {spelling}\n", parse_datetime=False)["k"]
    except Exception:
        return  # not a plain scalar at all (`-`, `- 1`): both paths refuse such a file
    if isinstance(typed, bool):
        assert YAML_BOOLS.get(spelling) is typed
        return
    ours = yaml_number(spelling)
    if isinstance(typed, int | float):
        assert ours is not None and type(ours) is type(typed), spelling
        assert ours == typed or (ours != ours and typed != typed), spelling  # NaN
    else:
        assert ours is None and spelling not in YAML_BOOLS, spelling
