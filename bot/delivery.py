"""Getting replies through Telegram's bad moments: retries, the short crisis reply, one chat at a time.

- `send_with_retries` tries a send again after a server error (5xx), a 429 "Too Many Requests"
  (waiting the `retry_after` Telegram asks for), a timeout or a dropped connection, with pauses that
  double up to `Retries.max_pause`. A request Telegram refuses (400, 403) is not tried again.
- `send_crisis` tries the full crisis reply for up to a minute; if it cannot be sent, the short one
  (999, Samaritans and the line that fits) is tried until any send gets through.
- `ChatSequencer` is python-telegram-bot's update processor for concurrent updates: chats are answered
  at the same time, so one chat's hung sends never hold up another chat's crisis reply, while the
  messages of one chat are answered one after another, in the order they came.

The rate limiter (python-telegram-bot's `AIORateLimiter`) only paces sends; it is built with no
retries of its own, so a 429 comes here, where it is waited out per send, and a crisis reply is
never given up on because of flood control.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseUpdateProcessor
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

# Updates being answered or waiting for their chat's turn. Each waiting one holds a place (the
# library takes the place before `do_process_update` runs), so this is generous: a chat that floods
# the bot while its sends hang must not fill every place and hold up the other chats.
MAX_CONCURRENT_UPDATES = 1024

Send = Callable[[], Awaitable[Any]]


@dataclass(frozen=True)
class Retries:
    """How hard a reply is pushed through: pauses double from `first_pause` up to `max_pause`."""

    first_pause: float = 0.5
    max_pause: float = 5.0
    window: float = 60.0  # seconds a message is tried for
    short_window: float = 600.0  # then, for a crisis reply that did not go, seconds its short form is tried


def retry_after_seconds(exc: RetryAfter) -> float:
    """The wait Telegram asked for, in seconds (an int or a timedelta, depending on PTB_TIMEDELTA)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


async def send_with_retries(send: Send, retries: Retries, *, window: float | None = None) -> Any:
    """Await `send()` until it succeeds, a try is refused, or `window` seconds (`retries.window`) pass."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + (retries.window if window is None else window)
    pause = retries.first_pause
    tries = 0
    while True:
        tries += 1
        try:
            return await send()
        except (BadRequest, Forbidden):  # refused, not lost: the same request would be refused again
            raise
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            error: TelegramError = exc
        except NetworkError as exc:  # 5xx, timeouts, dropped connections (BadRequest is handled above)
            wait, pause = pause, min(pause * 2, retries.max_pause)
            error = exc
        if loop.time() + wait > deadline:
            raise error
        log.info("sending failed (%s); trying again in %.1f s (try %d)", error, wait, tries + 1)
        await asyncio.sleep(wait)


async def send_crisis(full: Send, short: Send, retries: Retries) -> Any:
    """The full crisis reply, tried for `retries.window` seconds; failing that, the short one."""
    try:
        return await send_with_retries(full, retries)
    except Forbidden:  # the resident has blocked the bot: nothing can reach them
        raise
    except TelegramError as exc:
        log.warning("the crisis reply could not be sent (%s); sending the short one", exc)
    return await send_with_retries(short, retries, window=retries.short_window)


def chat_of(update: object) -> int | None:
    """The chat an update belongs to, if any."""
    chat = update.effective_chat if isinstance(update, Update) else None
    return chat.id if chat is not None else None


class ChatSequencer(BaseUpdateProcessor):
    """Updates of different chats are handled at the same time; those of one chat in arrival order.

    The application starts one task per update in the order Telegram sent them; each task waits here
    for its chat's lock, and asyncio locks are handed over first come, first served.
    """

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES):
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}  # updates holding or waiting for each chat's lock

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat_id = chat_of(update)
        if chat_id is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._users[chat_id] = self._users.get(chat_id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat_id] -= 1
            if not self._users[chat_id]:  # nobody else waiting: forget the chat
                del self._users[chat_id], self._locks[chat_id]

    def busy_chats(self) -> int:
        """How many chats have an update being handled or waiting."""
        return len(self._locks)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free: the application waits for running updates itself."""


__all__ = [
    "MAX_CONCURRENT_UPDATES",
    "ChatSequencer",
    "Retries",
    "chat_of",
    "retry_after_seconds",
    "send_crisis",
    "send_with_retries",
]
