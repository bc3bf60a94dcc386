"""JSON Schemas of the rubric, the ledger and the result, generated from the models.

Editors (yaml-language-server, in VS Code and others) read them through the first line of a
file, `# yaml-language-server: $schema=…`, and complete and check the file as it is typed.
The committed copies under `schemas/` are these, written by `branchcheck schema KIND -o FILE`
or `python scripts/gen_schemas.py` (a test holds them equal).

The schema says what an editor can check from the file alone; the loader checks the rest
(member ids that exist, dates inside the period). Where a model reads more than its type
says, the schema says what the model reads:
- dates: 2024-03-01, and the spellings office users type (2024/3/1, 2024.3.1, 2024年3月1日);
- facts and `expect`: text, a number or a yes/no, as YAML writes them;
- `event:` of a check: one event type, or a list of them.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .models import Ledger, Result, Rubric
from .models.checks import one_or_many
from .models.common import LATEST, _parse_other_date, _scalar_text, _yes_no

SchemaKind = Literal["ledger", "rubric", "result"]
KINDS: tuple[SchemaKind, ...] = ("ledger", "rubric", "result")
MODELS: dict[SchemaKind, type[BaseModel]] = {"ledger": Ledger, "rubric": Rubric, "result": Result}
TITLES: dict[SchemaKind, str] = {
    "ledger": "党支部台账 / branchcheck ledger (branchcheck.ledger/1)",
    "rubric": "考核评价标准 / branchcheck rubric (branchcheck.rubric/1)",
    "result": "评分结果 / branchcheck result (branchcheck.result/1)",
}
# Where the committed schemas live, relative to the repository root, and their URI ids.
FOLDER = "schemas"
ID_BASE = "https://branchcheck.invalid/schemas/"  # an id only, never fetched: no public host


def installed_uri(kind: SchemaKind) -> str:
    """The installed copy of a committed schema as a file URI, for a file made here to name
    in its `# yaml-language-server: $schema=` line (an editable install: the repository's)."""
    from importlib import resources
    from pathlib import Path

    shipped = resources.files("branchcheck.schema_files").joinpath(f"{kind}.schema.json")
    return Path(str(shipped)).resolve().as_uri()


# What the date parser accepts (models.common._CN_DATE), as a JSON Schema pattern.
DATE_PATTERN = r"^\d{4}(-|/|\.|年)\d{1,2}(-|/|\.|月)\d{1,2}日?$"
DATE_SCHEMA: dict[str, Any] = {
    "type": "string",
    "pattern": DATE_PATTERN,
    "description": "日期，如 2024-03-01（也可写 2024/3/1、2024.3.1、2024年3月1日）。"
    f" A date, 1900-01-01 to {LATEST.isoformat()}.",
}
SCALAR_TYPES = ["string", "number", "boolean"]
# A switch: true/false, or the words pydantic also reads as one (docs/format.md).
FLAG_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "boolean"}, {"enum": ["yes", "no", "on", "off", "y", "n"]}]
}
_TITLE_END = re.compile(r"[。；：，（]")
# Bounds pydantic leaves in its own words when a reader runs before them (`Int`, `Num`).
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, told what the models' custom readers accept."""

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return dict(DATE_SCHEMA)

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        function = schema["function"]["function"]
        if function is _parse_other_date:
            return dict(DATE_SCHEMA)
        if function is _yes_no:
            return {**FLAG_SCHEMA}
        inner = super().function_before_schema(schema)
        if function is _scalar_text:
            return {"type": SCALAR_TYPES, **{k: v for k, v in inner.items() if k != "type"}}
        if function is one_or_many and inner.get("type") == "array":
            return {"anyOf": [dict(inner["items"]), inner]}
        return inner

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # titles come from the descriptions (see _titles)


def schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one file kind, as committed under `schemas/`."""
    mode: Literal["validation", "serialization"] = (
        "serialization" if kind == "result" else "validation"
    )
    body = MODELS[kind].model_json_schema(by_alias=True, mode=mode, schema_generator=_Generator)
    body = _tidy(body)
    if kind == "result":
        _all_required(body)
    _titles(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{ID_BASE}{kind}.schema.json",
        **body,
        "title": TITLES[kind],
    }


def schema_text(kind: SchemaKind) -> str:
    """The schema as the committed file's text: stable key order, Chinese kept readable."""
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"


def _tidy(node: Any) -> Any:
    """One choice where the models have two readers of one type (a date: ISO, or the other
    spellings) and no keyword JSON Schema does not define (`ge`/`le` on dates)."""
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _BOUNDS:
            if node.get("type") in ("integer", "number"):
                out[_BOUNDS[key]] = value
            continue  # a date's bounds: said in the description
        out[key] = _tidy(value)
    if "minLength" in out and "anyOf" in out:  # one event type or a list: the list's length
        for option in out["anyOf"]:
            if option.get("type") == "array":
                option["minItems"] = out.pop("minLength")
                break
    for key in ("anyOf", "oneOf"):
        if key in out:
            unique: list[Any] = []
            for option in out[key]:
                if option not in unique:
                    unique.append(option)
            if len(unique) == 1:
                del out[key]
                out = {**unique[0], **out}
            else:
                out[key] = unique
    return out


def _all_required(body: dict[str, Any]) -> None:
    """A result always has every key (null where there is nothing), defaults included: the
    schema says so, so a reader of `score -f json` may rely on each key being there."""
    for spec in [body, *body.get("$defs", {}).values()]:
        if "properties" in spec:
            spec["required"] = list(spec["properties"])


def _titles(node: Any) -> None:
    """Each property's title: its description's Chinese name (up to the first 。：；（), so
    an editor's hover and completion list show 支部名称 rather than `Name`."""
    if isinstance(node, list):
        for item in node:
            _titles(item)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _titles(value)
    description = node.get("description")
    if isinstance(description, str) and "title" not in node:
        head = _TITLE_END.split(description, maxsplit=1)[0].strip()
        if head and len(head) <= 20 and not head.isascii():
            node["title"] = head
