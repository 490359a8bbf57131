"""What the commands share: the --content, --index and --db options, and the one-line `Error: …`.

The options only carry what was typed; `config.resolve_paths` maps them, then the SIGNPOST_CONTENT,
SIGNPOST_INDEX and SIGNPOST_DB variables, then the defaults, onto paths.
"""

from __future__ import annotations

from pathlib import Path

import click

content_option = click.option(
    "--content",
    "content",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Content folder (categories.yml and services/). Default: the bundled directory, or $SIGNPOST_CONTENT.",
)
index_option = click.option(
    "--index",
    "index",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Index folder. Default: ./var/index for the bundled directory, or $SIGNPOST_INDEX.",
)


def db_option(help: str):
    """--db: the analytics database; `help` says what the command uses it for."""
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=help
    )


class CliError(click.ClickException):
    """Printed as one `Error: …` line; the command exits 1."""

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)
