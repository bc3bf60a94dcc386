"""The committed JSON Schemas: in sync with the models, and agreeing with them on every
example, on the shipped rubrics, on `score -f json` output and on the custom types."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
import pytest
import yaml_rs
from conftest import EXAMPLES, ROOT
from pydantic import ValidationError

from branchcheck.models import Ledger, Rubric
from branchcheck.schemas import KINDS, SchemaKind, schema_text

SCHEMAS = ROOT / "schemas"
LEDGERS = sorted(EXAMPLES.rglob("*.yaml"))
RUBRICS = sorted((ROOT / "rubrics").glob("*.yaml"))
HEADER = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def validator(kind: SchemaKind) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def as_editors_read(path: Path) -> Any:
    """The data as yaml-language-server sees it: YAML 1.2, dates left as text."""
    return yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)


def problems(kind: SchemaKind, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(kind).iter_errors(data)]


def same_generator() -> bool:
    """Whether the installed pydantic wrote the committed schemas (schemas/GENERATED_WITH)."""
    written = (SCHEMAS / "GENERATED_WITH").read_text(encoding="utf-8").split()
    return written == ["pydantic", pydantic.VERSION]


def held(node: Any, defs: dict[str, Any], path: str = "", depth: int = 0) -> set[str]:
    """What a schema holds, however a pydantic version lays it out: every property's path
    (`!` where required), and the values of every enum and const."""
    if depth > 12 or not isinstance(node, dict):
        return set()
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return held(defs[ref.removeprefix("#/$defs/")], defs, path, depth + 1)
    found: set[str] = set()
    required = set(node.get("required", ()))
    for name, sub in node.get("properties", {}).items():
        mark = "!" if name in required else ""
        found.add(f"{path}/{name}{mark}")
        found |= held(sub, defs, f"{path}/{name}", depth + 1)
    for value in node.get("enum", ()):
        found.add(f"{path}={value}")
    if "const" in node:
        found.add(f"{path}={node['const']}")
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for sub in node.get(key, ()):
            found |= held(sub, defs, path, depth + 1)
    for key, mark in (("items", "[]"), ("additionalProperties", "{}")):
        found |= held(node.get(key), defs, path + mark, depth + 1)
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_what_the_models_generate(kind: SchemaKind) -> None:
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    stale = f"schemas/{kind}.schema.json is stale: run `python scripts/gen_schemas.py`"
    if same_generator():
        assert committed == schema_text(kind), stale
    else:  # another pydantic lays it out otherwise: compare what it holds
        ours, theirs = json.loads(committed), json.loads(schema_text(kind))
        assert held(ours, ours.get("$defs", {})) == held(theirs, theirs.get("$defs", {})), stale


def test_what_a_schema_holds_sees_a_missing_field() -> None:
    ours = json.loads((SCHEMAS / "ledger.schema.json").read_text(encoding="utf-8"))
    before = held(ours, ours["$defs"])
    del ours["$defs"]["Member"]["properties"]["dues_base"]
    assert before - held(ours, ours["$defs"]) == {"/members[]/dues_base"}


@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.name)
def test_every_example_ledger_is_valid(path: Path) -> None:
    assert problems("ledger", as_editors_read(path)) == []


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: p.name)
def test_every_builtin_rubric_is_valid(path: Path) -> None:
    assert problems("rubric", as_editors_read(path)) == []


@pytest.mark.parametrize("folder", sorted(p for p in EXAMPLES.iterdir() if p.is_dir()))
def test_score_json_of_every_example_is_a_valid_result(run_line, folder: Path) -> None:
    run = run_line(
        f"branchcheck score {' '.join(str(p) for p in sorted(folder.glob('*.yaml')))} -f json"
    )
    assert run.code == 0, run.err
    results = json.loads(run.out)
    assert results
    for result in results:
        assert problems("result", result) == []


@pytest.mark.parametrize(
    ("path", "target"),
    [(p, "schemas/ledger.schema.json") for p in LEDGERS]
    + [(p, "schemas/rubric.schema.json") for p in RUBRICS],
    ids=lambda v: v.name if isinstance(v, Path) else "",
)
def test_every_file_begins_with_a_schema_line_that_resolves(path: Path, target: str) -> None:
    found = HEADER.match(path.read_text(encoding="utf-8"))
    assert found, f"{path} does not begin with the yaml-language-server line"
    assert (path.parent / found.group(1)).resolve() == (ROOT / target).resolve()


# A ledger the schema and the model both read, then one change at a time: the schema must
# agree with the model (accepted by both, or refused by both).
BASE = {
    "format": "branchcheck.ledger/1",
    "branch": {"id": "b1", "name": "第一党支部"},
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "members": [{"id": "M01", "name": "张三"}],
}


def changed(path: str, value: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(BASE))
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node[int(key)] if key.isdigit() else node.setdefault(key, {})
    node[last] = value
    return data


AGREEMENT = [
    # dates: ISO and the spellings office users type; not a date
    ("period.start", "2024-01-01", True),
    ("period.start", "2024/1/1", True),
    ("period.start", "2024年1月1日", True),
    ("period.start", "2024.1.1", True),
    ("period.start", "1 Jan 2024", False),
    # year-months in dues
    ("dues", {"M01": ["2024-03"]}, True),
    ("dues", {"M01": ["2024-13"]}, False),
    ("dues", {"M01": ["2024-3"]}, False),
    # aliases: `from`/`to`, never the Python names
    (
        "excused",
        [{"member": "M01", "from": "2024-03-01", "to": "2024-04-01", "reason": "病休"}],
        True,
    ),
    ("excused", [{"member": "M01", "start": "2024-03-01", "reason": "病休"}], False),
    # facts: text, a number or a yes/no
    ("facts", {"党员活动室": True, "活动经费": 6000, "满意率": "96%"}, True),
    ("facts", {"党员活动室": [True]}, False),
    # member refs, attendees given as `all`
    ("events", [{"date": "2024-03-01", "type": "党课", "attendees": "all"}], True),
    ("events", [{"date": "2024-03-01", "type": "党课", "attendees": ["M01"]}], True),
    ("events", [{"date": "2024-03-01", "type": "党课", "attendees": [""]}], False),
    # bounds on whole numbers read by the lenient reader
    ("committee", {"elected": "2022-01-01", "term_years": 3}, True),
    ("committee", {"elected": "2022-01-01", "term_years": 11}, False),
    ("branch.type", "机关", True),
    ("branch.type", "工厂", False),
    ("members.0.nam", "张三", False),
]


@pytest.mark.parametrize(("path", "value", "valid"), AGREEMENT)
def test_ledger_schema_agrees_with_the_model(path: str, value: Any, valid: bool) -> None:
    data = changed(path, value)
    schema_ok = problems("ledger", data) == []
    try:
        Ledger.model_validate(data)
        model_ok = True
    except ValidationError:
        model_ok = False
    assert (schema_ok, model_ok) == (valid, valid)


def test_rubric_schema_reads_one_event_type_or_a_list_and_switches_as_the_model_does() -> None:
    rubric = as_editors_read(ROOT / "rubrics" / "lanzhou-6543.yaml")
    norm = rubric["dimensions"][0]["standards"][0]["norms"][0]
    for event, veto, valid in [
        ("支委会", True, True),
        (["支委会"], "yes", True),
        ([], False, False),
    ]:
        norm["check"] = {"kind": "count", "event": event, "min": 1}
        norm["veto"] = veto
        schema_ok = problems("rubric", rubric) == []
        try:
            Rubric.model_validate(rubric)
            model_ok = True
        except ValidationError:
            model_ok = False
        assert (schema_ok, model_ok) == (valid, valid), (event, veto)


def test_titles_and_descriptions_are_chinese_and_english() -> None:
    ledger = json.loads(schema_text("ledger"))
    name = ledger["$defs"]["Branch"]["properties"]["name"]
    assert name["title"] == "支部名称"
    assert "branch's full name" in name["description"]
    # every property of every file model says what it is
    for kind in ("ledger", "rubric"):
        body = json.loads(schema_text(kind))
        for model, spec in [("(top)", body), *body["$defs"].items()]:
            for field, prop in spec.get("properties", {}).items():
                assert prop.get("description"), f"{kind} {model}.{field} has no description"


@pytest.mark.fast_path
@pytest.mark.parametrize("path", LEDGERS + RUBRICS, ids=lambda p: p.name)
def test_the_schema_line_keeps_the_fast_path_and_the_format_sniffing(path: Path) -> None:
    from branchcheck.cli.validate import _FORMAT_LINE
    from branchcheck.loading import fast

    text = path.read_text(encoding="utf-8")
    without = HEADER.sub("", text, count=1)
    assert fast.strict_reason(text) == fast.strict_reason(without)
    assert fast.parse(text) == fast.parse(without)
    assert fast.parse(text) is not None or fast.strict_reason(without) is not None
    found = _FORMAT_LINE.search(text)
    assert found and text.count("\n", 0, found.start()) >= 1  # below the schema line


def test_positions_in_messages_count_the_schema_line(run_line, tmp_path: Path) -> None:
    source = (EXAMPLES / "fgw" / "lz-fgw-02.yaml").read_text(encoding="utf-8")
    assert source.startswith("# yaml-language-server:")
    bad = source.replace("{id: M01, name: ", "{id: M01, nam: ", 1)
    line = bad[: bad.index("nam: ")].count("\n") + 1
    col = bad.index("nam: ") - bad.rindex("\n", 0, bad.index("nam: "))
    (tmp_path / "x.yaml").write_text(bad, encoding="utf-8")
    run = run_line(f"branchcheck validate {tmp_path / 'x.yaml'}")
    assert run.code == 1
    assert run.err_lines[0].startswith(f"{tmp_path / 'x.yaml'}:{line}:{col}: error:"), run.err
