"""The staff edit form's error messages: each problem `signpost check` reports, put beside the field
it is about (GOV.UK style: a summary at the top linking to each field, the message by the field).

A problem names a line of the file; the line belongs to the front matter key above it (a list item
or a source belongs to its key), or to the description below the front matter. Messages that quote
a field (`'title' is required`) go to that field whatever their line.
"""

from __future__ import annotations

import re

from search_index import KNOWN_FIELDS, Problem, split_front_matter

_QUOTED = re.compile(r"^'([a-z_]+)'")
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def line_fields(text: str | None) -> dict[int, str]:
    """Line number (1-based) -> the field it belongs to, for an entry file's text."""
    if not text:
        return {}
    parts = split_front_matter(text)
    if parts is None:
        return {}
    front, _body, body_line = parts
    out: dict[int, str] = {}
    current = "title"
    for n, line in enumerate(front.split("\n"), start=2):
        m = _KEY.match(line)
        if m and not line.startswith((" ", "\t", "-")):
            current = m.group(1)
        out[n] = current
    out[body_line - 1] = "body"
    return out


def field_of(problem: Problem, lines: dict[int, str], form_fields) -> str | None:
    """The form field a problem is about, or None when the form has no such field."""
    m = _QUOTED.match(problem.message)
    if m and m.group(1) in form_fields:
        return m.group(1)
    if problem.message.startswith("unknown category"):
        return "categories"
    field = lines.get(problem.line)
    if field is None and lines and problem.line > max(lines):
        field = "body"
    return field if field in form_fields else None


def place_problems(problems, text: str | None, form_fields) -> tuple[dict[str, list[Problem]], list]:
    """(field -> its problems, [(problem, field or None)] for the summary, errors first)."""
    lines = line_fields(text)
    by_field: dict[str, list[Problem]] = {}
    summary = []
    for p in sorted(problems, key=lambda p: (p.severity != "error", p.line)):
        field = field_of(p, lines, form_fields)
        if field:
            by_field.setdefault(field, []).append(p)
        summary.append((p, field))
    return by_field, summary


FORM_FIELDS = tuple(k for k in KNOWN_FIELDS if k != "sources") + ("body",)
