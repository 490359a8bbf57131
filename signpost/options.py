"""What the commands share: the --content, --index and --db options, whole-number options such as
--days, reading the content folder, and the one-line `Error: …`.

The options only carry what was typed; `config.resolve_paths` maps them, then the SIGNPOST_CONTENT,
SIGNPOST_INDEX and SIGNPOST_DB variables, then the defaults, onto paths.
"""

from __future__ import annotations

from pathlib import Path

import click


def _folder_option(name: str, help: str):
    """--NAME: a folder, None when not given (see `config.resolve_paths`)."""
    return click.option(
        f"--{name}", name, type=click.Path(file_okay=False, path_type=Path), default=None, help=help
    )


content_option = _folder_option(
    "content",
    "Content folder (categories.yml and services/). Default: the bundled directory, or $SIGNPOST_CONTENT.",
)
index_option = _folder_option(
    "index", "Index folder. Default: ./var/index for the bundled directory, or $SIGNPOST_INDEX."
)


def db_option(help: str):
    """--db: the analytics database; `help` says what the command uses it for."""
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None, help=help
    )


def number_option(name: str, help: str):
    """--NAME N: a whole number from 0, None when not given (then its setting in `config` applies)."""
    return click.option(f"--{name}", name, type=click.IntRange(min=0), default=None, help=help)


def load_content(folder: Path):
    """The content folder read and checked (`load_directory`); one that cannot be read is a CliError."""
    from search_index import ContentError, load_directory

    try:
        return load_directory(folder)
    except ContentError as exc:
        raise CliError(str(exc)) from None


class CliError(click.ClickException):
    """Printed as one `Error: …` line; the command exits 1."""

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)
