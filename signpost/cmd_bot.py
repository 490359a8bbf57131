"""`signpost bot` (the Telegram bot) and `signpost chat` (the same conversation in a terminal).

The only place the bot's settings are read from the environment: TELEGRAM_BOT_TOKEN,
TELEGRAM_API_BASE_URL, TELEGRAM_WEBHOOK_SECRET and SIGNPOST_SECRET_KEY. python-telegram-bot is
imported inside the command, so the rest of the CLI starts without it.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from search_index import ContentError, setup_notes, var_dir

from .config import resolve_paths, retention_days
from .options import CliError, content_option, db_option, index_option

TOKEN_MISSING = (
    "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot) "
    "and export the token it gives you"
)
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")

DB_HELP = "Analytics database (need words of searches, for the staff reports). Default: ./var/signpost.db, or $SIGNPOST_DB."


def _open_core(content: Path | None, index: Path | None, on_search=None):
    """The core, its index built or opened now; `on_search` records each search (see `_search_log`)."""
    from search_index import LiveIndex

    paths = resolve_paths(content=content, index=index)
    core = LiveIndex(paths.content, paths.index, on_search=on_search)
    try:
        report = core.ensure_index()
        core.index  # noqa: B018  (open it now, so a broken index is reported here, not to a resident)
    except ContentError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot build or open the index at {paths.index}: {exc.strerror or exc}") from None
    if report is not None:
        click.echo(f"{report.summary()} (first run)", err=True)
    for note in setup_notes():
        click.echo(f"note: {note}", err=True)
    return core


def _search_log(db: Path | None):
    """The analytics database (--db, $SIGNPOST_DB) as the core's on_search callback; searches are
    kept for $SIGNPOST_RETENTION_DAYS (365): pruned now, then daily."""
    from backoffice.search_log import open_search_log

    return open_search_log(resolve_paths(db=db).db, retention_days())


def _check_webhook(url: str | None, secret: str | None) -> tuple[str | None, str]:
    if url is None:
        return None, ""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise click.BadParameter(
            "Telegram only calls https:// addresses, e.g. https://bot.example.org/telegram",
            param_hint="--webhook-url",
        )
    if secret is not None and not _SECRET_RE.fullmatch(secret):
        raise click.BadParameter("use 1 to 256 letters, digits, _ or -", param_hint="--webhook-secret")
    return secret or secrets.token_urlsafe(32), parts.path.strip("/")


@click.command()
@content_option
@index_option
@db_option(DB_HELP)
@click.option(
    "--webhook-url",
    default=None,
    help="Receive updates at this public https:// address instead of long polling.",
)
@click.option(
    "--webhook-port",
    type=click.IntRange(1, 65535),
    default=8443,
    show_default=True,
    help="Local port the webhook listens on.",
)
@click.option(
    "--webhook-listen", default="0.0.0.0", show_default=True, help="Local address the webhook listens on."
)
@click.option(
    "--webhook-secret",
    envvar="TELEGRAM_WEBHOOK_SECRET",
    default=None,
    help="Secret Telegram sends with every webhook call; others are refused. "
    "Default: $TELEGRAM_WEBHOOK_SECRET, else a new random one each start.",
)
def bot(
    content: Path | None,
    index: Path | None,
    db: Path | None,
    webhook_url: str | None,
    webhook_port: int,
    webhook_listen: str,
    webhook_secret: str | None,
) -> None:
    """Run the Telegram bot (token from $TELEGRAM_BOT_TOKEN); long polling unless --webhook-url is given."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        click.echo(f"Error: {TOKEN_MISSING}", err=True)
        sys.exit(2)
    secret, url_path = _check_webhook(webhook_url, webhook_secret)

    # python-telegram-bot 22 warns on every 429 unless opted in to its future timedelta retry_after
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    from bot.chats import load_salt
    from bot.telegram_app import DEFAULT_BASE_URL, build_application, run_polling, run_webhook

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its request lines would log the token
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # The rate limiter only paces sends and hands every 429 to bot.delivery, which waits it out and
    # logs it; the limiter's own "maximum of 0 retries" trace would report a handled event as an error.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)

    search_log = _search_log(db)
    core = _open_core(content, index, search_log)
    core.start_watching()  # a saved change in content/ is live within about a second
    salt = load_salt(os.environ.get("SIGNPOST_SECRET_KEY"), var_dir())
    base_url = os.environ.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_BASE_URL
    application = build_application(token, core, salt=salt, base_url=base_url, analytics=search_log.analytics)
    if webhook_url:
        click.echo(
            f"Signpost bot: webhook {webhook_url} (listening on {webhook_listen}:{webhook_port})", err=True
        )
        run_webhook(
            application,
            url=webhook_url,
            port=webhook_port,
            secret=secret,
            listen=webhook_listen,
            url_path=url_path,
        )
    else:
        click.echo("Signpost bot: long polling; Ctrl+C to stop", err=True)
        run_polling(application)


@click.command()
@content_option
@index_option
@click.option(
    "--lang", type=click.Choice(["en", "cy"]), default="en", show_default=True, help="Reply language."
)
def chat(content: Path | None, index: Path | None, lang: str) -> None:
    """Talk to the bot in this terminal: type a question, or a number to press a button."""
    from bot.conversation import Conversation
    from bot.terminal import run

    core = _open_core(content, index)
    conversation = Conversation(core, channel="cli", flood_limit=None)
    interactive = sys.stdin.isatty()

    def write(text: str) -> None:
        click.echo(text)
        sys.stdout.flush()

    def prompt() -> None:
        if interactive:
            click.echo("> ", nl=False)

    run(conversation, lang, sys.stdin, write, prompt)
