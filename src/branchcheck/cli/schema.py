"""`branchcheck schema KIND`: the JSON Schema of a ledger, a rubric or a result, for editors."""

from __future__ import annotations

from pathlib import Path

from ..schemas import SchemaKind, schema_text
from .output import emit
from .paths import check_names
from .target import plan_output


def run_schema(kind: SchemaKind, output: Path | None) -> int:
    check_names([output])
    target = plan_output(output)
    emit(schema_text(kind), target)
    return 0
