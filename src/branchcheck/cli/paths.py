"""Expanding the paths users give into the YAML files to read."""

from __future__ import annotations

from pathlib import Path


def yaml_files(paths: list[Path]) -> list[Path]:
    """Files as given, folders searched recursively for *.yaml and *.yml, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
        else:
            found.append(path)
    return found
