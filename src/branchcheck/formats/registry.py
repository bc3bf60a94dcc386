"""A name -> formatter mapping that imports each formatter's module on first use.

Formatters pull in rich, XlsxWriter or matplotlib; a `score -f json` run needs none of them,
and start-up time is most of a single-ledger run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

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


# --- `branchcheck rubrics`: its own formats -----------------------------------------------

if TYPE_CHECKING:
    from ..models.rubric import Rubric
    from .alerts_base import AlertsFormat
    from .base import RenderOptions


class RubricFormat(Protocol):
    """Renders one rubric as its 对照表 (`rubrics show`)."""

    needs_output: bool  # binary, or a page to print: `--output` required

    def render(self, rubric: Rubric, options: RenderOptions) -> str | bytes: ...


class CatalogueFormat(Protocol):
    """Renders the list of built-in rubrics (`rubrics`)."""

    def render(self, rubrics: list[tuple[str, Rubric]], options: RenderOptions) -> str: ...


RUBRIC_FORMATS: LazyRegistry[RubricFormat] = LazyRegistry(
    "branchcheck.formats",
    {
        "table": ".rubric_table:RubricTable",
        "markdown": ".rubric_markdown:RubricMarkdown",
        "json": ".rubric_json:RubricJson",
        "xlsx": ".rubric_xlsx:RubricXlsx",
        "html": ".rubric_html:RubricHtml",
    },
)
CATALOGUE_FORMATS: LazyRegistry[CatalogueFormat] = LazyRegistry(
    "branchcheck.formats",
    {
        "table": ".rubric_table:CatalogueTable",
        "markdown": ".rubric_markdown:CatalogueMarkdown",
        "json": ".rubric_json:CatalogueJson",
    },
)

# --- `branchcheck alerts`: here, not in alerts_base.py, so the CLI offers the names without
# importing the models that module needs ----------------------------------------------------

ALERT_FORMATS: LazyRegistry[AlertsFormat] = LazyRegistry(
    "branchcheck.formats",
    {
        "terminal": ".alerts_text:TerminalAlerts",
        "markdown": ".alerts_text:MarkdownAlerts",
        "json": ".alerts_data:JsonAlerts",
        "csv": ".alerts_data:CsvAlerts",
        "xlsx": ".alerts_xlsx:XlsxAlerts",
        "html": ".alerts_html:HtmlAlerts",
        "ics": ".alerts_ics:IcsAlerts",
    },
)
