"""The Telegram adapter: python-telegram-bot handlers over the transport-free `Conversation`.

One `async def` per command, named after it; callback handlers answer the query first; one error
handler logs the trace and sends a short apology. The shared objects (the core, the conversation,
the chat store) live in `application.bot_data`. The token is passed in: only the entry point
(`signpost bot`) reads it from the environment.

Network trouble with Telegram never stops the bot: the updater's retry loop keeps polling after
500s, 429s (waiting `retry_after`), timeouts and dropped connections, re-fetching any updates it
had not confirmed. Replies go out through `bot.delivery`: every send is tried again after the same
trouble; a crisis reply for up to a minute, then in its short form until a send gets through; and
chats are answered concurrently, each chat's messages in order.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
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

from search_index import detect_crisis

from .chats import ChatState, ChatStore
from .conversation import Conversation, Reply
from .delivery import ChatSequencer, Retries, send_crisis, send_with_retries
from .phrases import crisis_short, say

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.telegram.org/bot"  # PTB appends the token: .../bot<TOKEN>/getMe
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
BOOTSTRAP_RETRIES = 10  # getMe and deleteWebhook at start-up; then polling retries for ever

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


def build_application(
    token: str,
    core,
    *,
    salt: bytes,
    base_url: str | None = None,
    timeouts: Timeouts = Timeouts(),
    retries: Retries | None = None,
    analytics=None,
) -> Application:
    """The bot, ready for `run_polling`/`run_webhook` (or initialize/start by hand in tests);
    `analytics` counts the answers to "Did this help?"."""
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url or DEFAULT_BASE_URL)
        .concurrent_updates(ChatSequencer())  # chats at once, each chat's messages in order
        .rate_limiter(AIORateLimiter(max_retries=0))  # paces sends; 429s are waited out in bot.delivery
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
        conversation=Conversation(core, channel="bot", analytics=analytics),
        chats=ChatStore(salt),
        timeouts=timeouts,
        retries=retries or Retries(),
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
    """Log the trace; send a short apology, with the helplines if the chat spoke of a crisis."""
    if not isinstance(update, Update):  # polling trouble: the updater retries by itself
        log.warning("problem talking to Telegram (retrying): %s", context.error, exc_info=context.error)
        return
    log.error("error while answering update %s", update.update_id, exc_info=context.error)
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.CHANNEL:
        return
    state = context.bot_data["chats"].peek(chat.id)
    kind = (state.recent_crisis(time.monotonic()) if state else None) or _crisis_in(update)
    if chat.type != ChatType.PRIVATE and kind is None:  # groups only hear from the bot in a crisis
        return
    lang = state.lang if state else "en"
    text = say("apology", lang) + ("\n\n" + crisis_short(kind, lang) if kind else "")
    retries: Retries = context.bot_data["retries"]
    try:
        await send_with_retries(lambda: context.bot.send_message(chat.id, text), retries)
    except TelegramError as exc:
        log.warning("could not send the apology either: %s", exc)


def _crisis_in(update: Update) -> str | None:
    """The kind of crisis in the message that failed, if it was one (its words are not kept)."""
    message = update.effective_message
    if message is None or not message.text:
        return None
    try:
        signal = detect_crisis(message.text)
    except Exception:  # the apology must go out even if detection is what failed
        log.exception("crisis detection failed while apologising")
        return None
    return signal.kind if signal else None


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
    reply = await asyncio.to_thread(  # a slow search holds up this chat only
        conversation.reply,
        state,
        text=text,
        button=button,
        lang_hint=user.language_code if user else None,
        private=chat.type == ChatType.PRIVATE,
        location=location,
    )
    if reply is None:
        return
    if reply.crisis:
        state.crisis, state.crisis_time = reply.crisis, time.monotonic()
    pressed = update.callback_query.message if update.callback_query else None
    await _send(context, chat.id, reply, state, pressed_message_id=pressed.message_id if pressed else None)


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
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    reply: Reply,
    state: ChatState,
    pressed_message_id: int | None = None,
) -> None:
    """Send each message of the reply in order (editing the pressed message for topic browsing).

    A crisis message is pushed through for up to a minute, then in its short form (`send_crisis`).
    """
    bot = context.bot
    retries: Retries = context.bot_data["retries"]
    for n, part in enumerate(reply.messages):
        markup = keyboard(part)
        if n == 0 and part.edit and pressed_message_id is not None:
            try:
                await send_with_retries(
                    lambda p=part, m=markup: bot.edit_message_text(
                        p.text, chat_id=chat_id, message_id=pressed_message_id, reply_markup=m
                    ),
                    retries,
                )
                continue
            except BadRequest as exc:  # too old to edit, or unchanged: send it as a new message
                log.info("could not edit the message (%s); sending a new one", exc)

        def send(p=part, m=markup):
            return bot.send_message(chat_id, p.text, reply_markup=m)

        if part.kind == "crisis":
            short = crisis_short(part.crisis, state.lang)
            await send_crisis(send, lambda t=short: bot.send_message(chat_id, t), retries)
        else:
            await send_with_retries(send, retries)


__all__ = [
    "COMMANDS",
    "DEFAULT_BASE_URL",
    "Retries",
    "Timeouts",
    "build_application",
    "run_polling",
    "run_webhook",
    "keyboard",
]
