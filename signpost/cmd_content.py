"""`signpost check`, `index`, `ask` and `new`: the content, its index, and answers as the bot gives them."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from search_index import (
    BuildReport,
    ContentError,
    SearchIndex,
    build_index,
    index_exists,
    load_categories,
    results_text,
    setup_notes,
    slugify,
)

from .config import Paths, resolve_paths
from .options import CliError, content_option, index_option, load_content


@click.command()
@content_option
def check(content: Path | None) -> None:
    """Validate every entry; print each problem as PATH:LINE: message. Exit 1 on any error."""
    paths = resolve_paths(content=content)
    directory = load_content(paths.content)
    for p in directory.problems:
        click.echo(str(p))
    errors, warnings = len(directory.errors), len(directory.warnings)
    click.echo(f"{len(directory.entries)} entries OK, {errors} error(s), {warnings} warning(s)", err=True)
    for note in setup_notes():
        click.echo(f"note: {note}", err=True)
    sys.exit(1 if errors else 0)


@click.command("index")
@content_option
@index_option
@click.option(
    "--strict", is_flag=True, help="Exit 1 if any entry is broken (broken entries are still skipped)."
)
@click.option("--full", is_flag=True, help="Rebuild from scratch instead of updating changed files only.")
def index_command(content: Path | None, index: Path | None, strict: bool, full: bool) -> None:
    """Build or update the search index; broken entries are reported and skipped."""
    from search_index import generation_problem

    paths = resolve_paths(content=content, index=index)
    why = None if full else generation_problem(paths.index, paths.content)
    if why is not None:
        click.echo(f"The index in {paths.index} cannot be opened ({why}); rebuilding it in full.", err=True)
    report = build(paths, full=full or why is not None)
    for p in report.problems:
        click.echo(str(p), err=True)
    for slug in report.kept_last_good:
        click.echo(f"note: '{slug}' is broken; its last good version stays in the index", err=True)
    click.echo(report.summary())
    sys.exit(1 if strict and report.errors else 0)


def build(paths: Paths, full: bool = False) -> BuildReport:
    """Build or update the index at `paths.index`; a CliError when it cannot."""
    try:
        return build_index(paths.content, paths.index, full=full)
    except ContentError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write the index at {paths.index}: {exc.strerror or exc}") from None


def open_index(paths: Paths) -> SearchIndex:
    """Open the index, building it first when it is missing and again in full when it cannot be
    opened (a truncated or missing segment, a bad TOC, a bad meta.json)."""
    from search_index import open_index as open_or_rebuild

    first_run = not index_exists(paths.index)
    try:
        idx, report = open_or_rebuild(paths.content, paths.index)
    except ContentError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write the index at {paths.index}: {exc.strerror or exc}") from None
    if report is not None:
        click.echo(
            f"{report.summary()}{' (first run)' if first_run else ' (rebuilt: the index could not be opened)'}",
            err=True,
        )
    return idx


def _answer_json(idx: SearchIndex, text: str, lang: str) -> str:
    res = idx.search(text, lang=lang)
    return json.dumps(
        {
            "query": res.query,
            "crisis": res.is_crisis,
            "confident": res.confident,
            "results": [
                {"slug": h.slug, "title": h.entry.title_in(lang), "score": h.score, "why": h.why(lang)}
                for h in res.hits
            ],
            **({"suggestion": res.suggestion} if res.suggestion else {}),
        },
        ensure_ascii=False,
    )


@click.command()
@content_option
@index_option
@click.option(
    "--lang", type=click.Choice(["en", "cy"]), default="en", show_default=True, help="Answer language."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per answer, one per line.")
@click.argument("query", nargs=-1)
def ask(content: Path | None, index: Path | None, lang: str, as_json: bool, query: tuple[str, ...]) -> None:
    """Answer a message as the bot would. Without QUERY, answer each line of standard input."""
    paths = resolve_paths(content=content, index=index)
    idx = open_index(paths)
    messages = [" ".join(query)] if query else (line.rstrip("\r\n") for line in sys.stdin)
    for text in messages:
        if as_json:
            click.echo(_answer_json(idx, text, lang))
        else:
            click.echo(results_text(idx.search(text, lang=lang), lang, areas=idx.area_names()) + "\n")
        sys.stdout.flush()


TEMPLATE = """---
# One service per file. Lines starting with # are notes for you; they are ignored.
# Required: title, summary, categories. Everything else is optional: leave out what you do not know.
# Never guess a phone number, address, email or website: only what the service itself states.
title: {title}
summary: One or two sentences on what this service offers and who it is for.
categories: [{category}]        # ids from content/categories.yml, e.g. [food, money]
# title_cy: Welsh title
# summary_cy: Welsh summary
# organisation: Who runs it
# tags: [words, people, might, use]
# questions:
#   - "A question a resident might ask that this service answers?"
# ages: "8-18"                 # or "60+", "under 5"
# area: Caia Park
# address: "Street, Wrexham"
# postcode: "LL13 ..."
# phone: "01978 ..."
# email: name@example.org
# website: https://...
# contact_via: caia-park-partnership-hub   # no contact details of its own? the entry that can put people in touch
# sources:                     # where the details came from (staff only)
#   - url: https://...         # or  document: "Leaflet, spring 2025"
#     checked: {today}
#     states: [phone, address]
# hours: "Tuesdays 9:30 to 12:00"  # keep the quotes around times
# opening_times:               # the same, for other directories (see content/README.md)
#   - days: [tuesday]
#     opens: "09:30"
#     closes: "12:00"
# cost: Free
# languages: [en, cy]
# referral: Self-referral
# access: Step-free entrance
# hours_cy, cost_cy, referral_cy, access_cy, organisation_cy, area_cy: the same in Welsh
# The Welsh description goes below the English one, after a line that says only <!-- cy -->
# status: active               # or temporarily-closed, closed
# verified: {today}            # the date these details were last checked
---

Describe the service in plain words: what happens, who it is for, how to get there.
"""


@click.command()
@content_option
@click.argument("title")
def new(content: Path | None, title: str) -> None:
    """Create content/services/<slug>.md for TITLE from a commented template."""
    paths = resolve_paths(content=content)
    slug = slugify(title)
    target = paths.content / "services" / f"{slug}.md"
    if target.exists():
        raise CliError(f"{target} already exists; edit it, or choose another title")
    target.parent.mkdir(parents=True, exist_ok=True)
    safe_title = json.dumps(title, ensure_ascii=False) if any(c in title for c in ":#'\"") else title
    try:
        ids = [c.id for c in load_categories(paths.content / "categories.yml")[0]]
    except ContentError as exc:
        raise CliError(str(exc)) from None
    category = "community" if "community" in ids else (ids[0] if ids else "community")
    text = TEMPLATE.format(title=safe_title, today=dt.date.today().isoformat(), category=category)
    target.write_text(text, encoding="utf-8")
    click.echo(f"Created {target}: fill it in, then run `signpost check`")
