"""The check registry, the check models and the `Check` union name the same ten kinds."""

from __future__ import annotations

import inspect
import typing

import pytest

from branchcheck.checks import REGISTRY
from branchcheck.models.checks import CHECK_MODELS, Check

KINDS = {
    "gap",
    "groups",
    "dues_gap",
    "frequency",
    "count",
    "attendance",
    "talks",
    "dues",
    "training",
    "term",
    "structure",
    "fact",
    "rating",
}


def union_kinds() -> dict[str, type]:
    """Tag -> model for each arm of the discriminated `Check` union."""
    union, *_ = typing.get_args(Check)
    arms = {}
    for arm in typing.get_args(union):
        model, tag = typing.get_args(arm)
        arms[tag.tag] = model
    return arms


def test_registry_matches_models_and_union() -> None:
    assert set(REGISTRY) == set(CHECK_MODELS) == set(union_kinds()) == KINDS


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_wired_to_its_model(kind: str) -> None:
    model = CHECK_MODELS[kind]
    assert union_kinds()[kind] is model
    assert typing.get_args(model.model_fields["kind"].annotation) == (kind,)
    assert typing.get_type_hints(REGISTRY[kind])["check"] is model


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_check_function_has_a_docstring(kind: str) -> None:
    doc = inspect.getdoc(REGISTRY[kind])
    assert doc is not None
    assert doc.strip()
