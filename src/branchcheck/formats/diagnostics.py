"""`validate`'s problems for CI: GitHub workflow annotations and SARIF 2.1.0.

The default output (`FILE:LINE:COL: LEVEL: MESSAGE` lines on stderr) is written by the CLI as
problems are found; these formats take every problem at the end and render them whole.
Each problem carries the rule it breaks: which kind of file it was found in.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Literal, Protocol
from urllib.parse import quote

from .. import __version__
from ..errors import Diagnostic, one_line

RuleId = Literal["ledger", "rubric", "unreadable", "other"]
# Rule id -> (short name, full description), for SARIF's `rules` and GitHub's titles.
RULES: dict[RuleId, tuple[str, str]] = {
    "ledger": (
        "台账问题",
        "A ledger (branchcheck.ledger/1) breaks its schema or its rubric's rules.",
    ),
    "rubric": ("考核标准问题", "A rubric (branchcheck.rubric/1) breaks its schema or rules."),
    "unreadable": ("无法读取", "The file cannot be read: not YAML, not a mapping, or unreadable."),
    "other": ("非台账或标准", "The file is neither a ledger nor a rubric, or lacks `format:`."),
}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/branchcheck/"


@dataclass(frozen=True)
class Found:
    """One problem and the rule (kind of file) it was found under."""

    diagnostic: Diagnostic
    rule: RuleId


class DiagnosticFormat(Protocol):
    def render(self, found: list[Found]) -> str: ...


# --- GitHub workflow commands -------------------------------------------------------------


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF percent-encoded (GitHub's toolkit rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormat:
    """`::error file=F,line=L,col=C,title=T::MESSAGE`, one line per problem."""

    def render(self, found: list[Found]) -> str:
        lines = []
        for item in found:
            d = item.diagnostic
            props = ",".join(
                f"{key}={escape_property(value)}"
                for key, value in (
                    ("file", _visible(d.file)),
                    ("line", str(max(d.line, 1))),
                    ("col", str(max(d.col, 1))),
                    ("title", f"branchcheck {RULES[item.rule][0]}"),
                )
            )
            lines.append(f"::{d.level} {props}::{escape_data(_message(d))}\n")
        return "".join(lines)


def _message(d: Diagnostic) -> str:
    """The message, led by the workbook cell where there is one (line and col then only
    hold its row and column number, which a reader of the annotation cannot place)."""
    return _visible(f"{d.cell}: {d.message}" if d.cell else d.message)


# --- SARIF 2.1.0 ---------------------------------------------------------------------------


def artifact_uri(name: str) -> str:
    """A file name as SARIF's `artifactLocation.uri`: relative names stay relative (against
    the folder the run started in), absolute ones become file:// URIs; both percent-encoded."""
    path = PurePath(name)
    if path.is_absolute():
        return Path(name).as_uri()
    return quote(path.as_posix() if os.sep == "\\" else name, safe="/")


class SarifFormat:
    """One run of one tool; its rules are the kinds of file; results with their locations."""

    def render(self, found: list[Found]) -> str:
        rule_ids = list(RULES)
        results = [
            {
                "ruleId": item.rule,
                "ruleIndex": rule_ids.index(item.rule),
                "level": item.diagnostic.level,
                "message": {"text": _message(item.diagnostic)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": artifact_uri(item.diagnostic.file)},
                            "region": {
                                "startLine": max(item.diagnostic.line, 1),
                                "startColumn": max(item.diagnostic.col, 1),
                            },
                        }
                    }
                ],
            }
            for item in found
        ]
        log: dict[str, Any] = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "branchcheck",
                            "version": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [
                                {
                                    "id": rule,
                                    "name": rule,
                                    "shortDescription": {"text": short},
                                    "fullDescription": {"text": full},
                                }
                                for rule, (short, full) in RULES.items()
                            ],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _visible(text: str) -> str:
    """Control characters from the input shown escaped, as on the default output's lines."""
    return one_line(text)


DIAGNOSTIC_FORMATS: dict[str, DiagnosticFormat] = {
    "github": GithubFormat(),
    "sarif": SarifFormat(),
}
