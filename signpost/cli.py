"""The `signpost` command: a thin layer that maps options and SIGNPOST_* variables onto core calls.

Every command lives in a `cmd_<area>.py` module and is added to the group here, in one place; the
modules import this one's group nowhere, so nothing depends on the order of imports. Errors are
printed as one `Error: …` line with a non-zero exit (`options.CliError`).
"""

from __future__ import annotations

import click

from . import cmd_bot, cmd_content, cmd_oruk, cmd_serve, cmd_staff


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="signpost")
def cli() -> None:
    """Signpost: Wrexham's community services directory and signposting bot."""


COMMANDS = (
    # the content, its index, and answers as the bot gives them
    cmd_content.check,
    cmd_content.index_command,
    cmd_content.ask,
    cmd_content.new,
    # the website (Flask and waitress are imported when it runs)
    cmd_serve.serve,
    # the Telegram bot and the same conversation in a terminal (telegram imported when it runs)
    cmd_bot.bot,
    cmd_bot.chat,
    # Open Referral UK out and in
    cmd_oruk.export_command,
    cmd_oruk.import_group,
    # staff accounts, stale entries, the analytics report and pruning
    cmd_staff.staff,
    cmd_staff.stale,
    cmd_staff.prune,
    cmd_staff.report,
)
for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    cli(prog_name="signpost")
