"""The formatter interface: results in, text or bytes out; the caller decides where it goes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the registry is read at start-up; the models are built when rendering
    from ..models.result import Result


@dataclass(frozen=True)
class RenderOptions:
    width: int = 120
    color: bool = False


class ResultFormat(Protocol):
    """Renders the results of `branchcheck score`."""

    def render(self, results: list[Result], options: RenderOptions) -> str: ...
