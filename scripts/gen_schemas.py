"""Write schemas/{ledger,rubric,result}.schema.json from the models.

Run after changing a model: `python scripts/gen_schemas.py`. tests/schemas/test_schemas.py
fails while the committed files differ from what the models generate. The pydantic version
that wrote them goes to schemas/GENERATED_WITH: another version lays a schema out otherwise,
so there the test compares what the schema holds, not its bytes.
"""

from __future__ import annotations

from pathlib import Path

import pydantic

from branchcheck.schemas import FOLDER, KINDS, schema_text

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = ROOT / FOLDER
    folder.mkdir(exist_ok=True)
    for kind in KINDS:
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        print(path.relative_to(ROOT))
    (folder / "GENERATED_WITH").write_text(f"pydantic {pydantic.VERSION}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
