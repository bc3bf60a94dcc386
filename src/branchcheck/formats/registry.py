"""A name -> formatter mapping that imports each formatter's module on first use.

Formatters pull in rich, XlsxWriter or matplotlib; a `score -f json` run needs none of them,
and start-up time is most of a single-ledger run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class LazyRegistry(Mapping[str, T], Generic[T]):
    def __init__(self, package: str, entries: dict[str, str]) -> None:
        self._package = package
        self._entries = entries  # name -> ".module:Class"
        self._made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> T:
        if name not in self._made:
            module, _, attr = self._entries[name].partition(":")
            self._made[name] = getattr(import_module(module, self._package), attr)()
        made: T = self._made[name]
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
