"""Staff tools: accounts for the staff area, stale entries, the analytics report and pruning."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from pathlib import Path

import click

from .config import resolve_paths, retention_days, stale_months
from .options import CliError, content_option, db_option, number_option

DB_HELP = (
    "Analytics database. Default: ./var/signpost.db, or $SIGNPOST_DB. "
    "Staff accounts and corrections live beside it in <name>-staff.db."
)


def _shown(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


# --- accounts ----------------------------------------------------------------------------------
@click.group()
def staff() -> None:
    """Staff accounts for the staff area (/staff/): add, list, passwd, role, remove."""


def _accounts(db: Path | None):
    from backoffice.staff_accounts import StaffAccounts
    from backoffice.staff_store import staff_db_path

    return StaffAccounts(staff_db_path(resolve_paths(db=db).db))


@contextlib.contextmanager
def _changing_accounts(db: Path | None):
    """The account store; a refused change (a bad name, role or password) or a database that cannot
    be written becomes one `Error:` line."""
    from backoffice.staff_accounts import AccountError

    accounts = _accounts(db)
    try:
        yield accounts
    except AccountError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write the staff database {accounts.path}: {exc}") from None


def _account_command(command: str):
    """A `signpost staff COMMAND ... NAME` command about one account: --db and the NAME argument."""

    def decorate(function):
        return staff.command(command)(db_option(DB_HELP)(click.argument("name")(function)))

    return decorate


def _new_password() -> str:
    password = os.environ.get("SIGNPOST_STAFF_PASSWORD")
    if password:
        return password
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@_account_command("add")
@click.option(
    "--role",
    type=click.Choice(["editor", "viewer"]),
    default="editor",
    show_default=True,
    help="Editors may edit entries in the browser; viewers only read the reports.",
)
def staff_add(db: Path | None, role: str, name: str) -> None:
    """Create a staff account NAME; the password is asked twice (or read from $SIGNPOST_STAFF_PASSWORD)."""
    with _changing_accounts(db) as accounts:
        account = accounts.add(name, _new_password(), role)
    click.echo(f"Added {account.role} '{account.name}' to {accounts.path}")


@_account_command("passwd")
def staff_passwd(db: Path | None, name: str) -> None:
    """Set a new password for NAME (ends the sessions made with the old one)."""
    with _changing_accounts(db) as accounts:
        accounts.set_password(name, _new_password())
    click.echo(f"Password changed for '{name.strip().lower()}'")


@_account_command("role")
@click.argument("role", type=click.Choice(["editor", "viewer"]))
def staff_role(db: Path | None, name: str, role: str) -> None:
    """Make NAME an editor or a viewer."""
    with _changing_accounts(db) as accounts:
        accounts.set_role(name, role)
    click.echo(f"'{name.strip().lower()}' is now a {role}")


@_account_command("remove")
def staff_remove(db: Path | None, name: str) -> None:
    """Delete the account NAME."""
    with _changing_accounts(db) as accounts:
        accounts.remove(name)
    click.echo(f"Removed '{name.strip().lower()}'")


@staff.command("list")
@db_option(DB_HELP)
def staff_list(db: Path | None) -> None:
    """List the staff accounts and their roles."""
    accounts = _accounts(db).all()
    for account in accounts:
        click.echo(f"{account.name}\t{account.role}")
    if not accounts:
        click.echo("No staff accounts yet: add one with `signpost staff add NAME`", err=True)


# --- freshness ---------------------------------------------------------------------------------
@click.command()
@content_option
@number_option(
    "months",
    "How long since an entry was checked before it is listed. Default: 12, or $SIGNPOST_STALE_MONTHS.",
)
def stale(content: Path | None, months: int | None) -> None:
    """List entries whose `verified:` date is older than --months (or missing), oldest first."""
    from backoffice.freshness import stale_entries
    from search_index import ContentError, load_directory

    paths = resolve_paths(content=content)
    try:
        months = stale_months(months)
        directory = load_directory(paths.content)
    except (ContentError, ValueError) as exc:
        raise CliError(str(exc)) from None
    found = stale_entries(directory.entries, months)
    for item in found:
        click.echo(item.line(_shown(str(paths.content / item.entry.path))))
    click.echo(
        f"{len(found)} of {len(directory.entries)} entries not checked for {months} months or more", err=True
    )


# --- analytics ---------------------------------------------------------------------------------
def _analytics(db: Path | None, days: int | None = None):
    from backoffice.analytics import Analytics

    path = resolve_paths(db=db).db
    if not path.is_file():
        raise CliError(
            f"no analytics database at {path}; it is created by `signpost serve` or `signpost bot`"
        )
    return Analytics(path, retention_days=days or 365)


@click.command()
@db_option(DB_HELP)
@number_option(
    "days",
    'Keep searches and answers to "Did this help?" from the last N days. '
    "Default: 365, or $SIGNPOST_RETENTION_DAYS.",
)
def prune(db: Path | None, days: int | None) -> None:
    """Delete what is kept past its time: searches and answers to "Did this help?" older than the
    retention period, the contact details of corrections closed more than 90 days ago, and web chat
    conversations idle for 30 minutes (all also done by the running site and bot)."""
    from backoffice.corrections import KEEP_DONE_DAYS, Corrections
    from backoffice.staff_store import staff_db_path
    from backoffice.transcripts import IDLE_TTL, Transcripts, chat_db_path

    try:
        days = retention_days(days)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    staff_db = staff_db_path(resolve_paths(db=db).db)
    if staff_db.is_file():
        try:
            forgotten = Corrections(staff_db).forget_old_contacts()
        except Exception as exc:
            raise CliError(f"cannot prune {staff_db}: {exc}") from None
        click.echo(
            f"Deleted the contact details of {forgotten} correction(s) closed more than "
            f"{KEEP_DONE_DAYS} days ago from {staff_db}"
        )
    analytics = _analytics(db, days)
    try:
        removed = analytics.prune_strict(days)
    except Exception as exc:
        raise CliError(f"cannot prune {analytics.path}: {exc}") from None
    click.echo(f"Deleted {removed['searches']} search(es) older than {days} days from {analytics.path}")
    click.echo(
        f'Deleted {removed["feedback"]} answer(s) to "Did this help?" older than {days} days '
        f"from {analytics.path}"
    )
    chat_db = chat_db_path(analytics.path)
    if chat_db.is_file():
        try:
            transcripts = Transcripts(chat_db)
            try:
                ended = transcripts.prune()
            finally:
                transcripts.close()
        except Exception as exc:
            raise CliError(f"cannot prune {chat_db}: {exc}") from None
        click.echo(
            f"Deleted {ended} web chat conversation(s) idle for more than "
            f"{IDLE_TTL // 60} minutes from {chat_db}"
        )


@click.command()
@db_option(DB_HELP)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only searches on or after this day (YYYY-MM-DD).",
)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (section,item,channel,count) instead of text.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Rows per list.")
def report(db: Path | None, since: dt.datetime | None, as_csv: bool, limit: int) -> None:
    """Searches by week and channel, top needs, unmet needs, crisis messages, entries shown most, and
    the answers to "Did this help?" by channel and language."""
    analytics = _analytics(db)
    try:
        rep = analytics.report(since=since.date() if since else None, limit=limit)
    except Exception as exc:
        raise CliError(f"cannot read {analytics.path}: {exc}") from None
    click.echo(rep.to_csv() if as_csv else rep.to_text(), nl=not as_csv)
    sys.stdout.flush()
