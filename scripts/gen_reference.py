"""Write docs/reference.md: every ledger and rubric field, from the models' descriptions, and
every check kind with a PASS and a FAIL example run through the scorer.

Run after changing a model, a check or docs/check-examples.yaml:
    python scripts/gen_reference.py
tests/schemas/test_reference.py fails while the committed file differs, and runs every
example (docs/check-examples.yaml is their one source).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from branchcheck.engine import score
from branchcheck.formats.labels import STATUS
from branchcheck.loading import read_ledger
from branchcheck.models import checks as models_checks
from branchcheck.models import ledger as models_ledger
from branchcheck.models import ledger_records as models_ledger_records
from branchcheck.models import rubric as models_rubric
from branchcheck.models.checks import CHECK_MODELS
from branchcheck.models.ledger_records import MONTH_PATTERN
from branchcheck.models.result import NormResult
from branchcheck.schemas import DATE_PATTERN, schema

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "reference.md"
EXAMPLES = ROOT / "docs" / "check-examples.yaml"

BASE_LEDGER: dict[str, Any] = {
    "format": "branchcheck.ledger/1",
    "rubric": "rubric.yaml",
    "branch": {"id": "example", "name": "示例党支部", "type": "机关"},
    "period": {"start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)},
    "members": [
        {"id": "M01", "name": "王芳", "roles": ["书记"]},
        {"id": "M02", "name": "李明"},
        {"id": "M03", "name": "张伟"},
    ],
}
EVENT_TYPES = ["党员大会", "支委会", "党小组会", "党课", "主题党日", "谈心谈话"]
RUBRIC = """\
format: branchcheck.rubric/1
id: example
name: 示例标准
version: "1"
total: {total}
events: [{events}]
tiers: [{{id: general, name: 一般党支部}}]
dimensions:
  - id: d1
    name: 示例维度
    norms:
{norm}
      - {{id: X01, name: 其他考核项, requirement: 其他要求, points: 1,
         check: {{kind: fact, key: 其他, default: 是}}}}
"""

# Sections: (heading, schema kind, $defs names in order; "" is the file's top level).
LEDGER_MODELS = [
    ("", "台账文件的顶层"),
    ("Branch", "branch：党支部"),
    ("Period", "period：考核期"),
    ("Member", "members[]：党员"),
    ("Committee", "committee：支部委员会"),
    ("Extension", "committee.extension：延期换届"),
    ("Event", "events[]：会议活动"),
    ("Training", "training[]：学习培训"),
    ("Task", "tasks[]：个性任务"),
    ("Excused", "excused[]：免于参加组织生活"),
    ("DuesException", "dues_exceptions[]：党费特殊情况"),
]
RUBRIC_MODELS = [
    ("", "考核标准文件的顶层"),
    ("Split", "split：共性与个性任务分值"),
    ("Tier", "tiers[]：等次"),
    ("Dimension", "dimensions[]：考核维度"),
    ("Standard", "standards[]：工作规范"),
    ("Norm", "norms[]：考核项"),
    ("When", "when：适用条件"),
    ("Deduct", "scoring: {deduct: N}：扣分制"),
]
KIND_TITLE = {kind: model.__name__ for kind, model in CHECK_MODELS.items()}


# --- running the examples ---------------------------------------------------------------------


def load_examples() -> dict[str, dict[str, Any]]:
    examples: dict[str, dict[str, Any]] = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    return examples


def ledger_data(snippet: str) -> dict[str, Any]:
    """The base ledger with the example's sections in place of its own."""
    return {**BASE_LEDGER, **yaml.safe_load(snippet)}


def as_item(block: str, indent: int) -> str:
    """A norm's block mapping as one item of a YAML list, indented."""
    lines = block.strip().splitlines()
    pad = " " * indent
    return "\n".join([f"{pad}- {lines[0]}", *(f"{pad}  {line}" for line in lines[1:])])


def run_example(norm_text: str, snippet: str) -> tuple[NormResult, list[str]]:
    """The example's norm as scored, and any warnings the ledger drew (there should be none)."""
    norm = yaml.safe_load(norm_text)
    total = norm["points"] + 1  # the filler norm's point keeps a veto-only total above 0
    rubric = RUBRIC.format(total=total, events=", ".join(EVENT_TYPES), norm=as_item(norm_text, 6))
    data = ledger_data(snippet)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "rubric.yaml").write_text(rubric, encoding="utf-8")
        path = Path(folder) / "ledger.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        loaded = read_ledger(path)
        result = score(loaded.rubric, loaded.ledger)
    found = next(n for n in result.norms if n.id == norm["id"])
    return found, [w.message for w in loaded.warnings]


# --- field tables -------------------------------------------------------------------------------


def type_text(prop: dict[str, Any]) -> str:
    """A property's type in a few words, from its JSON Schema."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    options = prop.get("anyOf")
    if options is not None:
        shown = [type_text(o) for o in options if o.get("type") != "null"]
        if {"type": "boolean"} in options:
            return "true / false"
        return " or ".join(shown)
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return " / ".join(f"`{v}`" for v in prop["enum"])
    kind = prop.get("type")
    if isinstance(kind, list):
        return "text, number or true/false"
    if kind == "array":
        items = prop.get("prefixItems")
        if items:
            return "[" + ", ".join(type_text(i) for i in items) + "]"
        return f"list of {type_text(prop.get('items', {}))}"
    if kind == "object":
        patterns = prop.get("patternProperties")
        if patterns:
            return f"map: id → {type_text(next(iter(patterns.values())))}"
        return f"map: text → {type_text(prop.get('additionalProperties', {}))}"
    if kind == "string":
        pattern = prop.get("pattern")
        if pattern == DATE_PATTERN:
            return "date"
        if pattern == MONTH_PATTERN:
            return "year-month (2024-03)"
        if pattern is not None:
            return "id"
        return "text"
    bounds = []
    for key, sign in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤")):
        if key in prop:
            bounds.append(f"{sign} {prop[key]}")
    word = {"integer": "whole number", "number": "number", "boolean": "true / false"}.get(
        str(kind), str(kind)
    )
    return word + (f" ({', '.join(bounds)})" if bounds else "")


def _models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for module in (models_ledger, models_ledger_records, models_rubric, models_checks):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel):
                found[value.__name__] = value
    return found


MODELS = _models()


def default_text(model: type[BaseModel], name: str) -> str:
    """The field's default as the model has it (a default factory called)."""
    field = next(f for n, f in model.model_fields.items() if (f.alias or n) == name)
    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if value is None:
        return "—"
    if value in ((), [], {}):
        return "empty"
    if isinstance(value, tuple):
        value = list(value)
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_table(spec: dict[str, Any], model: type[BaseModel], skip: str = "") -> list[str]:
    lines = ["| Field | 名称 | Type | Default | Description |", "|---|---|---|---|---|"]
    for name, prop in spec.get("properties", {}).items():
        if name == skip:
            continue
        description = prop.get("description", "")
        title, _, rest = description.partition("。")
        lines.append(
            f"| `{name}` | {cell(title)} | {cell(type_text(prop))}"
            f" | {cell(default_text(model, name))} | {cell(rest.strip())} |"
        )
    return lines


def model_sections(kind: str, models: list[tuple[str, str]], level: str) -> list[str]:
    body = schema(kind)  # type: ignore[arg-type]
    out: list[str] = []
    # Models added since this list was written get a section too, under their own name.
    listed = {name for name, _ in models} | set(KIND_TITLE.values())
    models = models + [(name, name) for name in body["$defs"] if name not in listed]
    for name, heading in models:
        spec = body if name == "" else body["$defs"][name]
        anchor = f'<a id="{name.lower()}"></a>' if name else ""
        out += [f"{level} {heading} {anchor}".rstrip(), ""]
        doc = spec.get("description") if name else None
        if doc:
            out += [" ".join(doc.split()), ""]
        model = MODELS[name or ("Ledger" if kind == "ledger" else "Rubric")]
        out += [*field_table(spec, model), ""]
    return out


# --- check kinds --------------------------------------------------------------------------------


def check_sections() -> list[str]:
    body = schema("rubric")
    examples = load_examples()
    out: list[str] = []
    for kind in CHECK_MODELS:
        spec = body["$defs"][KIND_TITLE[kind]]
        title = spec["properties"]["kind"].get("description", "").split("。")[0]
        out += [f'### `{kind}`：{title} <a id="check-{kind}"></a>', ""]
        doc = spec.get("description")
        if doc:
            out += [" ".join(doc.split()), ""]
        if len(spec["properties"]) > 1:
            out += [*field_table(spec, CHECK_MODELS[kind], skip="kind"), ""]
        example = examples[kind]
        for case, word in (("pass", "PASS"), ("fail", "FAIL")):
            found, _ = run_example(example["norm"], example[case]["ledger"])
            out += [
                f"**{word}**",
                "",
                "```yaml",
                "# rubric: the norm",
                as_item(example["norm"], 0),
                "# ledger: besides the base ledger",
                example[case]["ledger"].rstrip(),
                "```",
                "",
                f"→ {STATUS[found.status]}（{_points(found)}）：{found.detail}",
                "",
            ]
    return out


def _points(found: NormResult) -> str:
    def n(x: float) -> str:
        return f"{x:g}"

    return f"得{n(found.earned)}分，满分{n(found.points)}分"


INTRO = """\
# Field reference: ledgers and rubrics

Generated from the models' field descriptions and docs/check-examples.yaml by
`python scripts/gen_reference.py`; do not edit by hand (a test keeps it in sync). The same
descriptions appear in editors through the JSON Schemas under `schemas/` (see the README,
"Editor support"). The formats themselves, with the reasons behind them, are in
[format.md](format.md).

Types: *date* is 2024-03-01 (2024/3/1, 2024.3.1 and 2024年3月1日 are read too); *year-month*
is 2024-03; *id* is letters, digits, `-`, `_` and `.`; a member is named by their id
(`members[].id`).

- [The ledger (台账)](#the-ledger-台账)
- [The rubric (考核标准)](#the-rubric-考核标准)
- [Check kinds](#check-kinds), each with a PASS and a FAIL example
"""

CHECKS_INTRO = """\
## Check kinds

A norm's `check:` names its `kind` and that kind's parameters. Each kind below has a PASS
and a FAIL example: the norm in a one-norm rubric, and the ledger sections that differ from
this base ledger (a three-member 机关 branch, the year 2024). The line after each is what
`branchcheck score` says about the norm; a test runs every example.

```yaml
format: branchcheck.ledger/1
branch: {id: example, name: 示例党支部, type: 机关}
period: {start: 2024-01-01, end: 2024-12-31}
members:
  - {id: M01, name: 王芳, roles: [书记]}
  - {id: M02, name: 李明}
  - {id: M03, name: 张伟}
```
"""


def reference_text() -> str:
    lines = [INTRO, "## The ledger (台账)", ""]
    lines += model_sections("ledger", LEDGER_MODELS, "###")
    lines += ["## The rubric (考核标准)", ""]
    lines += model_sections("rubric", RUBRIC_MODELS, "###")
    lines += [CHECKS_INTRO]
    lines += check_sections()
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    import pydantic

    OUTPUT.write_text(reference_text(), encoding="utf-8")
    # The type column comes from pydantic's schemas, laid out by version (tests compare the
    # rest where another version is installed).
    (ROOT / "schemas" / "GENERATED_WITH").write_text(
        f"pydantic {pydantic.VERSION}\n", encoding="utf-8"
    )
    print(OUTPUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
