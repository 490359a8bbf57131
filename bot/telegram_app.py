"""The Telegram adapter: python-telegram-bot handlers over the transport-free `Conversation`.

One `async def` per command, named after it; callback handlers answer the query first; one error
handler logs the trace and sends a short apology. The shared objects (the core, the conversation,
the chat store) live in `application.bot_data`. The token is passed in: only the entry point
(`signpost bot`) reads it from the environment.

Network trouble with Telegram never stops the bot: the updater's retry loop keeps polling after
500s, 429s (waiting `retry_after`), timeouts and dropped connections, re-fetching any updates it
had not confirmed; the rate limiter retries sends after a 429; and `_send` retries a reply after a
timeout or a dropped connection.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from .chats import ChatStore
from .conversation import Conversation, Reply
from .phrases import say

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.telegram.org/bot"  # PTB appends the token: .../bot<TOKEN>/getMe
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
BOOTSTRAP_RETRIES = 10  # getMe and deleteWebhook at start-up; then polling retries for ever
RATE_LIMIT_RETRIES = 3  # sends retried after a 429 "Too Many Requests", waiting retry_after

COMMANDS = (
    ("start", "Welcome and what I can do", "Croeso a beth alla i ei wneud"),
    ("help", "How to search", "Sut i chwilio"),
    ("categories", "Browse services by topic", "Pori gwasanaethau fesul pwnc"),
    ("cymraeg", "Atebion yn Gymraeg", "Atebion yn Gymraeg"),
    ("english", "Replies in English", "Atebion yn Saesneg"),
)


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for Telegram; `poll` is how long Telegram may hold a getUpdates open."""

    connect: float = 5.0
    read: float = 10.0
    write: float = 10.0
    pool: float = 5.0
    poll: float = 20.0
    send_attempts: int = 4  # tries per reply after a server error, a timeout or a dropped connection
    retry_pause: float = 0.5  # doubled after each failed try


def build_application(
    token: str, core, *, salt: bytes, base_url: str | None = None, timeouts: Timeouts = Timeouts()
) -> Application:
    """The bot, ready for `run_polling`/`run_webhook` (or initialize/start by hand in tests)."""
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url or DEFAULT_BASE_URL)
        .rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
        .connect_timeout(timeouts.connect)
        .read_timeout(timeouts.read)
        .write_timeout(timeouts.write)
        .pool_timeout(timeouts.pool)
        .get_updates_connect_timeout(timeouts.connect)
        .get_updates_read_timeout(timeouts.read)  # PTB adds the long-poll time to this
        .get_updates_write_timeout(timeouts.write)
        .get_updates_pool_timeout(timeouts.pool)
        .post_init(set_commands)
        .build()
    )
    application.bot_data.update(
        core=core,
        conversation=Conversation(core, channel="bot"),
        chats=ChatStore(salt),
        timeouts=timeouts,
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("categories", categories))
    application.add_handler(CommandHandler("cymraeg", cymraeg))
    application.add_handler(CommandHandler("english", english))
    application.add_handler(CallbackQueryHandler(button))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGES & filters.TEXT, message))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGES & ~filters.TEXT, other))
    application.add_error_handler(error_handler)
    return application


def run_polling(application: Application) -> None:
    """Long polling until Ctrl+C or SIGTERM; network errors are retried, not fatal."""
    timeouts: Timeouts = application.bot_data["timeouts"]
    application.run_polling(
        timeout=timeouts.poll, bootstrap_retries=BOOTSTRAP_RETRIES, allowed_updates=ALLOWED_UPDATES
    )


def run_webhook(
    application: Application, *, url: str, port: int, secret: str, listen: str = "0.0.0.0", url_path: str = ""
) -> None:
    """Serve Telegram's webhook calls; requests without the right secret token header are refused."""
    application.run_webhook(
        listen=listen,
        port=port,
        url_path=url_path,
        webhook_url=url,
        secret_token=secret,
        allowed_updates=ALLOWED_UPDATES,
        bootstrap_retries=BOOTSTRAP_RETRIES,
    )


async def set_commands(application: Application) -> None:
    """Tell Telegram the command menu, in English and in Welsh."""
    try:
        await application.bot.set_my_commands([BotCommand(c, en) for c, en, _ in COMMANDS])
        await application.bot.set_my_commands(
            [BotCommand(c, cy) for c, _, cy in COMMANDS], language_code="cy"
        )
    except TelegramError as exc:  # the menu is a nicety: never fail start-up over it
        log.warning("could not set the command menu: %s", exc)


# --- handlers ----------------------------------------------------------------------------------
async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Welcome, in English and Welsh: what the bot does, 999, and what is kept."""
    await _answer(update, context, text="/start")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """How to search, the commands, and the helplines."""
    await _answer(update, context, text="/help")


async def categories(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The topics as buttons."""
    await _answer(update, context, text="/categories")


async def cymraeg(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply in Welsh from now on."""
    await _answer(update, context, text="/cymraeg")


async def english(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply in English from now on."""
    await _answer(update, context, text="/english")


async def message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text (new or edited): crisis lines first when needed, then the services that fit."""
    await _answer(update, context, text=update.effective_message.text or "")


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed inline button: details, more results, search again, a topic, a language."""
    query = update.callback_query
    try:
        await query.answer()
    except BadRequest as exc:  # e.g. "query is too old": still answer the press
        log.info("could not answer the callback query: %s", exc)
    await _answer(update, context, button=query.data or "")


async def other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo's or document's caption is read as text; a shared location sets the area; stickers and
    voice notes get "I can only read text" in a private chat, nothing in a group."""
    message = update.effective_message
    if message is not None and message.caption:
        await _answer(update, context, text=message.caption)
    elif message is not None and message.location:
        await _answer(update, context, location=(message.location.latitude, message.location.longitude))
    else:
        await _answer(update, context)


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the trace; if a resident was waiting for an answer, send a short apology."""
    if not isinstance(update, Update):  # polling trouble: the updater retries by itself
        log.warning("problem talking to Telegram (retrying): %s", context.error, exc_info=context.error)
        return
    log.error("error while answering update %s", update.update_id, exc_info=context.error)
    chat = update.effective_chat
    if chat is None or chat.type != ChatType.PRIVATE:
        return
    state = context.bot_data["chats"].peek(chat.id)
    try:
        await context.bot.send_message(chat.id, say("apology", state.lang if state else "en"))
    except TelegramError as exc:
        log.warning("could not send the apology either: %s", exc)


# --- replying ----------------------------------------------------------------------------------
async def _answer(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    text: str | None = None,
    button: str | None = None,
    location: tuple[float, float] | None = None,
) -> None:
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.CHANNEL:
        return
    conversation: Conversation = context.bot_data["conversation"]
    state = context.bot_data["chats"].get(chat.id)
    user = update.effective_user
    reply = conversation.reply(
        state,
        text=text,
        button=button,
        lang_hint=user.language_code if user else None,
        private=chat.type == ChatType.PRIVATE,
        location=location,
    )
    if reply is None:
        return
    pressed = update.callback_query.message if update.callback_query else None
    await _send(context, chat.id, reply, pressed_message_id=pressed.message_id if pressed else None)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard (Telegram opens only http(s) and tg: links)."""
    rows = []
    for row in reply.buttons:
        keys = []
        for b in row:
            if b.url and b.url.lower().startswith(("https://", "http://", "tg://")):
                keys.append(InlineKeyboardButton(b.label, url=b.url))
            elif b.data:
                keys.append(InlineKeyboardButton(b.label, callback_data=b.data))
        if keys:
            rows.append(keys)
    return InlineKeyboardMarkup(rows) if rows else None


async def _send(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, reply: Reply, pressed_message_id: int | None = None
) -> None:
    """Send each message of the reply in order (editing the pressed message for topic browsing)."""
    bot = context.bot
    timeouts: Timeouts = context.bot_data["timeouts"]
    for n, part in enumerate(reply.messages):
        markup = keyboard(part)
        if n == 0 and part.edit and pressed_message_id is not None:
            try:
                await _retrying(
                    lambda p=part, m=markup: bot.edit_message_text(
                        p.text, chat_id=chat_id, message_id=pressed_message_id, reply_markup=m
                    ),
                    timeouts,
                )
                continue
            except BadRequest as exc:  # too old to edit, or unchanged: send it as a new message
                log.info("could not edit the message (%s); sending a new one", exc)
        await _retrying(lambda p=part, m=markup: bot.send_message(chat_id, p.text, reply_markup=m), timeouts)


async def _retrying(call: Callable[[], Awaitable[object]], timeouts: Timeouts) -> object:
    """Try again after a timeout, a dropped connection or a server error; not after a bad request."""
    pause = timeouts.retry_pause
    for attempt in range(1, timeouts.send_attempts + 1):
        try:
            return await call()
        except BadRequest:
            raise
        except NetworkError as exc:
            if attempt == timeouts.send_attempts:
                raise
            log.info("sending failed (%s); trying again in %.1f s", exc, pause)
            await asyncio.sleep(pause)
            pause *= 2
    raise AssertionError("unreachable")


__all__ = [
    "COMMANDS",
    "DEFAULT_BASE_URL",
    "Timeouts",
    "build_application",
    "run_polling",
    "run_webhook",
    "keyboard",
]
