"""`rubrics show -f json` (the rubric itself) and `rubrics -f json` (the built-in rubrics,
figures as numbers)."""

from __future__ import annotations

from typing import Any

from ..models.rubric import Rubric
from .base import RenderOptions
from .json_format import dumps


def rubric_json(rubric: Rubric) -> str:
    data: dict[str, Any] = rubric.model_dump(mode="json", exclude_none=True)
    return dumps(data)


class RubricJson:
    needs_output = False

    def render(self, rubric: Rubric, options: RenderOptions) -> str:
        return rubric_json(rubric)


def catalogue_entry(ident: str, rubric: Rubric) -> dict[str, Any]:
    """One built-in rubric for `rubrics -f json`: figures as numbers."""
    return {
        "id": ident,
        "name": rubric.name,
        "version": rubric.version,
        "issuer": rubric.issuer,
        "standards": len(rubric.standards),
        "norms": rubric.norm_count,
        "total": rubric.total,
    }


class CatalogueJson:
    def render(self, rubrics: list[tuple[str, Rubric]], options: RenderOptions) -> str:
        return dumps([catalogue_entry(ident, rubric) for ident, rubric in rubrics])
