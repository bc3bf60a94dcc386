"""docs/reference.md: in sync with the models and docs/check-examples.yaml, and every
check kind's PASS and FAIL example scored as it says."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pydantic
import pytest
from conftest import ROOT

from branchcheck.checks import REGISTRY
from branchcheck.models.checks import CHECK_MODELS


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_reference", ROOT / "scripts" / "gen_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()
EXAMPLES = GEN.load_examples()


def _without_types(text: str) -> list[str]:
    """The reference without its type column, which pydantic versions word differently."""
    rows = []
    for line in text.splitlines():
        cells = line.split(" | ")
        rows.append(" | ".join(cells[:2] + cells[3:]) if line.startswith("| `") else line)
    return rows


def test_reference_is_in_sync() -> None:
    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    generated = GEN.reference_text()
    stale = "docs/reference.md is stale: run `python scripts/gen_reference.py`"
    written = (ROOT / "schemas" / "GENERATED_WITH").read_text(encoding="utf-8").split()
    if written == ["pydantic", pydantic.VERSION]:
        assert committed == generated, stale
    else:
        assert _without_types(committed) == _without_types(generated), stale


def test_every_check_kind_has_a_pass_and_a_fail_example() -> None:
    assert set(EXAMPLES) == set(CHECK_MODELS) == set(REGISTRY)
    for kind, example in EXAMPLES.items():
        assert example["pass"]["expect"] == "met", kind
        assert example["fail"]["expect"] in ("partial", "missed"), kind
        assert f"kind: {kind}," in example["norm"] or f"kind: {kind}}}" in example["norm"], kind


@pytest.mark.parametrize("case", ["pass", "fail"])
@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_example_scores_as_documented(kind: str, case: str) -> None:
    example = EXAMPLES[kind]
    found, warnings = GEN.run_example(example["norm"], example[case]["ledger"])
    assert warnings == []  # an example draws no warning: it is how a ledger should look
    assert found.status == example[case]["expect"]
    if case == "pass":
        assert found.earned == found.points
    else:
        assert found.earned < found.points or found.veto


def test_readme_links_the_reference() -> None:
    assert "docs/reference.md" in (ROOT / "README.md").read_text(encoding="utf-8")
