"""A ledger model -> YAML text laid out as the examples are (`branchcheck convert X.xlsx X.yaml`).

One flow mapping a record, one line each, so a ledger reads like a register. Text is written
plain where YAML would read it back as the same text, and double-quoted otherwise (a name
that looks like a number, a topic with `: ` or `#`), so the file loads to the same model.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

from ..models.common import YAML_BOOLS, yaml_number
from ..models.ledger import Ledger

# Plain in flow context: no indicator first, no flow punctuation, no `: ` or ` #` inside.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}]*")
_NULLS = {"null", "Null", "NULL", "~", ""}
_ORDER = (
    "format",
    "rubric",
    "branch",
    "period",
    "members",
    "committee",
    "events",
    "dues",
    "dues_exceptions",
    "training",
    "facts",
    "ratings",
    "tasks",
    "groups",
    "excused",
)


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # an amount: 35.50
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) and value.is_integer() else str(value)
    text = str(value)
    if (
        _PLAIN.fullmatch(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((" ", ":"))
        and text not in _NULLS
        and text not in YAML_BOOLS
        and text.lower() not in ("yes", "no", "on", "off", "y", "n")
        and yaml_number(text) is None
        and text.isprintable()
    ):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in quoted)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def ledger_yaml(ledger: Ledger, heading: str = "") -> str:
    data = ledger.model_dump(mode="python", by_alias=True, exclude_defaults=True)
    data["format"] = ledger.format
    out = [f"# {line}" for line in heading.splitlines()]
    keys = [k for k in _ORDER if k in data] + [k for k in data if k not in _ORDER]
    for key in keys:  # the examples' order; a key added to the model since, after them
        value = data[key]
        if isinstance(value, list | tuple) and value and isinstance(value[0], dict):
            out.append(f"{key}:")
            out += [f"  - {flow(item)}" for item in value]
        elif isinstance(value, dict) and value and key in ("dues", "facts", "groups", "ratings"):
            out.append(f"{key}:")
            out += [f"  {scalar(k)}: {flow(v)}" for k, v in value.items()]
        else:
            out.append(f"{key}: {flow(value)}")
    return "\n".join(out) + "\n"
