"""Turn libyaml's syntax errors into one line at the place the user must edit, with a hint."""

from __future__ import annotations

import re

import yaml

from ..errors import BranchcheckError, visible

# A line that was meant as `key: value` but is not: a full-width colon, or no space after ':'.
_FULL_WIDTH_KEY = re.compile(r"^\s*(?:- )?[^\s:：#'\"]+(：)")
_NO_SPACE_KEY = re.compile(r"^\s*(?:- )?[^\s:#'\"]+(:)[^\s:/]")
_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{0,4}|U[0-9A-Fa-f]{0,8}|x[0-9A-Fa-f]{0,2}|.)")
_QUOTE_HINT = " (values starting with @ ` % * & ! | > must be put in quotes)"


def syntax_error(exc: yaml.MarkedYAMLError, text: str, name: str) -> BranchcheckError:
    """One diagnostic for a YAML syntax error, at the mark that helps most."""
    lines = text.splitlines()
    problem = exc.problem or exc.context or "YAML syntax error"
    context = exc.context or ""
    line, col = _at(exc.problem_mark or exc.context_mark)
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""

    def fail(at_line: int, at_col: int, message: str) -> BranchcheckError:
        return BranchcheckError.at(name, at_line, at_col, message)

    if "'\\t'" in problem or "\t" in source_line[: max(col, 1)]:
        tab = source_line.find("\t")
        return fail(
            line, tab + 1 if tab >= 0 else col, "tab character: YAML indentation must use spaces"
        )
    if "quoted scalar" in context and exc.context_mark is not None:
        start_line, start_col = _at(exc.context_mark)
        if "end of stream" in problem or "document indicator" in problem:
            return fail(
                start_line, start_col, "this quoted value is never closed; add the closing quote"
            )
        if "escape" in problem:  # `"\ud800"`, `"\q"`: point at the backslash, show the escape
            quoted = lines[line - 1] if 0 < line <= len(lines) else ""
            slash = quoted.rfind("\\", 0, col)
            shown = _ESCAPE.match(quoted, slash) if slash >= 0 else None
            escape = visible(shown.group()) if shown else "\\"
            why = problem.removeprefix("found ")
            return fail(
                line,
                slash + 1 if slash >= 0 else col,
                f"invalid escape '{escape}' in a double-quoted value ({why});"
                " write the character itself, or use single quotes",
            )
    if "flow" in context and "did not find expected ','" in problem and exc.context_mark:
        start_line, start_col = _at(exc.context_mark)
        if start_line < line:  # not closed on its own line: the opening is what to fix
            closing = "]" if "sequence" in context else "}"
            return fail(
                start_line,
                start_col,
                f"this '{'[' if closing == ']' else '{'}' is never closed; add '{closing}'"
                " (or a ',' between items)",
            )
    if ("alias" in context or "anchor" in context) and exc.context_mark is not None:
        start_line, start_col = _at(exc.context_mark)
        return fail(start_line, start_col, "anchors/aliases (&, *) are not supported" + _QUOTE_HINT)
    before = source_line[: col - 1]
    if "mapping values are not allowed" in problem and len(before.strip()) > 1024:
        if ": " not in before:  # YAML allows implicit keys up to 1024 characters
            indent = len(before) - len(before.lstrip(" -"))
            return fail(line, indent + 1, "key longer than 1024 characters; shorten it")
    if "could not find expected ':'" in problem or "mapping values are not allowed" in problem:
        if exc.context_mark is not None and "simple key" in context:
            candidates = [exc.context_mark.line + 1]  # where the would-be key starts
        else:  # or the line before the mark, when a plain value ran on into this one
            candidates = [
                line,
                *[n for n in range(line - 1, 0, -1) if _is_content(lines[n - 1])][:1],
            ]
        for number in candidates:
            text_line = lines[number - 1] if number <= len(lines) else ":"
            found = None if ":" in text_line else _FULL_WIDTH_KEY.search(text_line)
            if found:
                return fail(
                    number,
                    found.start(1) + 1,
                    "full-width colon '：' used as a key separator;"
                    " YAML needs an ASCII ':' followed by a space",
                )
        for number in candidates:
            found = _NO_SPACE_KEY.search(lines[number - 1]) if number <= len(lines) else None
            if found:
                return fail(number, found.start(1) + 1, "no space after ':'; write `key: value`")
        if "mapping values are not allowed" in problem:
            return fail(line, col, problem + " (a value containing ': ' must be put in quotes)")
        if exc.context_mark is not None:  # a line that is not `key: value` at all
            start_line, start_col = _at(exc.context_mark)
            return fail(start_line, start_col, "expected `key: value` here; no ':' found")
    if "cannot start any token" in problem:
        return fail(line, col, problem + _QUOTE_HINT)
    return fail(line, col, problem)


def _at(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")
