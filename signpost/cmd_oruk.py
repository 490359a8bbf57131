"""`signpost export` and `signpost import oruk`: the directory out as Open Referral UK, and feeds in."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .config import resolve_paths
from .options import CliError, content_option, load_content


@click.command("export")
@content_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["oruk-json", "oruk-csv"]),
    default="oruk-json",
    show_default=True,
    help="oruk-json: one JSON array of full services; oruk-csv: CSV tables with datapackage.json.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="File for oruk-json (default: standard output), folder for oruk-csv (default: ./oruk-export).",
)
@click.option(
    "--site-url",
    default=None,
    help="The website's public address, to link each service to its page. Default: $SIGNPOST_SITE_URL.",
)
def export_command(content: Path | None, fmt: str, out: Path | None, site_url: str | None) -> None:
    """Write the whole directory as an Open Referral UK 3.0 package."""
    from directory.oruk_package import feed_for, services_json, write_tabular

    paths = resolve_paths(content=content)
    loaded = load_content(paths.content)
    for problem in loaded.errors:
        click.echo(f"{problem} (entry left out)", err=True)
    feed = feed_for(loaded, paths.content, site_url or os.environ.get("SIGNPOST_SITE_URL") or None)
    try:
        if fmt == "oruk-json":
            text = services_json(feed)
            if out is None:
                sys.stdout.write(text)
                return
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            written = [out]
        else:
            written = write_tabular(feed, out or Path("oruk-export"))
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
    click.echo(f"Exported {len(feed.entries)} services to {written[0]}", err=True)


@click.group("import")
def import_group() -> None:
    """Bring services in from another directory's data."""


@import_group.command("oruk")
@content_option
@click.option(
    "--update", is_flag=True, help="Replace entries already there (a local edit newer than the feed is kept)."
)
@click.option(
    "--category", default=None, help="Category for services whose terms map to none (default: community)."
)
@click.argument("source")
def import_oruk(content: Path | None, update: bool, category: str | None, source: str) -> None:
    """Import an Open Referral UK 3.0 feed: an API address, a JSON file or folder, or a tabular package.

    Writes one entry per service in content/services/. Problems are printed as SOURCE: what is
    wrong, and everything else is still imported. Exit 1 when nothing could be imported.
    """
    from directory.oruk_import import FeedError, import_feed

    paths = resolve_paths(content=content)
    try:
        report = import_feed(source, paths.content, update=update, fallback=category)
    except FeedError as exc:
        raise CliError(str(exc)) from None
    for line in report.problems:
        click.echo(line, err=True)
    for line in report.notes:
        click.echo(line, err=True)
    for slug in report.exists:
        click.echo(f"{paths.content / 'services' / slug}.md: already there; --update replaces it", err=True)
    click.echo(report.summary())
    click.echo("Run `signpost check` to review the new entries.", err=True)
