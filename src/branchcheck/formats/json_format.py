"""JSON: the `branchcheck.result/1` contract; one object for one ledger, a list for several."""

from __future__ import annotations

import json
from typing import Any

from ..models.result import Result
from .base import RenderOptions


def result_data(result: Result) -> dict[str, Any]:
    return result.model_dump(mode="json")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2) + "\n"


class JsonFormat:
    def render(self, results: list[Result], options: RenderOptions) -> str:
        data = [result_data(r) for r in results]
        return dumps(data[0] if len(data) == 1 else data)
