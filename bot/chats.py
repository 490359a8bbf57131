"""What the bot remembers about a chat, in memory only, under a salted hash of the chat id.

Kept per chat: the reply language, the last query (for "More results", forgotten after 15 minutes),
the page being shown, the times of recent messages (for the flood limit), and the kind of a crisis
message in the last hour (so that an apology carries the helplines). Nothing is written to
disk, and the chat id itself is never stored: only an HMAC of it with a secret salt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

QUERY_TTL = 15 * 60  # seconds a last query is kept for "More results"
CRISIS_TTL = 60 * 60  # seconds after a crisis message during which any apology carries the helplines
STATE_TTL = 7 * 24 * 3600  # seconds an idle chat's language choice is kept
SALT_FILE = "bot_salt"


@dataclass
class ChatState:
    """One chat's memory. The web chat keeps it in the Flask session through `to_dict`/`from_dict`."""

    lang: str = "en"
    lang_set: bool = False  # chosen with /cymraeg or /english, or guessed from Telegram once
    query: str | None = None  # the last search, at most 500 characters
    query_time: float = 0.0
    offset: int = 0  # first result on the page shown
    suggestion: str | None = None  # "did you mean" for the last search
    shown: list[str] = field(default_factory=list)  # slugs of the services on the page shown
    focus: str | None = None  # the service the last answer was about (for "is it free?")
    area: str | None = None  # an area the resident named or shared a location in
    rated: bool = False  # "Did this help?" already answered for this search
    recent: list[float] = field(default_factory=list)  # times of messages in the last minute
    flood_warned: bool = False
    group_noted: float | None = None  # when a group was last told to use a private chat
    seen: float = 0.0
    crisis: str | None = None  # the kind of the last crisis message (never its words), and when
    crisis_time: float = 0.0

    def recent_crisis(self, now: float) -> str | None:
        """The kind of crisis this chat spoke of in the last hour, if any."""
        return self.crisis if self.crisis and 0 <= now - self.crisis_time < CRISIS_TTL else None

    def forget_query(self) -> None:
        self.query, self.offset, self.suggestion, self.query_time = None, 0, None, 0.0
        self.shown, self.focus, self.area, self.rated = [], None, None, False

    def to_dict(self) -> dict:
        return {
            "lang": self.lang,
            "lang_set": self.lang_set,
            "query": self.query,
            "query_time": self.query_time,
            "offset": self.offset,
            "suggestion": self.suggestion,
            "shown": list(self.shown),
            "focus": self.focus,
            "area": self.area,
            "rated": self.rated,
            "recent": list(self.recent),
            "flood_warned": self.flood_warned,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> ChatState:
        """Rebuild a state from `to_dict` output; anything missing or malformed falls back to defaults."""
        state = cls()
        if not isinstance(data, dict):
            return state
        if data.get("lang") in ("en", "cy"):
            state.lang = data["lang"]
        state.lang_set = bool(data.get("lang_set"))
        if isinstance(data.get("query"), str):
            state.query = data["query"][:500]
        if isinstance(data.get("suggestion"), str):
            state.suggestion = data["suggestion"][:200]
        shown = data.get("shown")
        if isinstance(shown, list):
            state.shown = [s[:200] for s in shown[:10] if isinstance(s, str)]
        for name in ("focus", "area"):
            if isinstance(data.get(name), str):
                setattr(state, name, data[name][:200])
        state.rated = bool(data.get("rated"))
        for name in ("query_time",):
            if isinstance(data.get(name), int | float):
                setattr(state, name, float(data[name]))
        if isinstance(data.get("offset"), int) and 0 <= data["offset"] < 1000:
            state.offset = data["offset"]
        recent = data.get("recent")
        if isinstance(recent, list):
            state.recent = [float(t) for t in recent[-50:] if isinstance(t, int | float)]
        state.flood_warned = bool(data.get("flood_warned"))
        return state


class ChatStore:
    """Chat states keyed by HMAC-SHA256(salt, chat id); idle chats are forgotten after `ttl` seconds."""

    def __init__(self, salt: bytes, *, ttl: float = STATE_TTL, clock: Callable[[], float] = time.monotonic):
        if len(salt) < 16:
            raise ValueError("the chat salt must be at least 16 bytes")
        self._salt = salt
        self._ttl = ttl
        self._clock = clock
        self._states: dict[str, ChatState] = {}
        self._lock = threading.Lock()
        self._pruned = clock()

    def key(self, chat_id: int | str) -> str:
        return hmac.new(self._salt, str(chat_id).encode(), hashlib.sha256).hexdigest()[:32]

    def get(self, chat_id: int | str) -> ChatState:
        """The chat's state (a fresh one for a new or long-idle chat)."""
        now = self._clock()
        key = self.key(chat_id)
        with self._lock:
            if now - self._pruned > 60:
                self._prune(now)
            state = self._states.get(key)
            if state is None or now - state.seen > self._ttl:
                state = self._states[key] = ChatState()
            state.seen = now
            return state

    def peek(self, chat_id: int | str) -> ChatState | None:
        """The chat's state if there is one, without creating or touching it."""
        with self._lock:
            return self._states.get(self.key(chat_id))

    def keys(self) -> list[str]:
        with self._lock:
            return list(self._states)

    def __len__(self) -> int:
        return len(self._states)

    def _prune(self, now: float) -> None:
        self._pruned = now
        for key, state in list(self._states.items()):
            if now - state.seen > self._ttl:
                del self._states[key]
            elif state.query and now - state.query_time > QUERY_TTL:
                state.forget_query()


def load_salt(secret_key: str | None, var_dir: Path) -> bytes:
    """The salt for chat ids: derived from SIGNPOST_SECRET_KEY when set, else a random one kept in
    var/bot_salt (created on first use, mode 600), else (read-only var/) a random one for this process."""
    if secret_key:
        return hashlib.sha256(b"signpost-bot-chat-ids\0" + secret_key.encode()).digest()
    path = Path(var_dir) / SALT_FILE
    try:
        existing = path.read_bytes()
        if len(existing) >= 32:
            return existing[:32]
    except OSError:
        pass
    salt = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # a short or empty file from an interrupted first run
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(salt)
    except FileExistsError:  # another process made it just now: use theirs
        return path.read_bytes()[:32] or salt
    except OSError:
        pass  # keep the per-process salt: states are in memory anyway
    return salt
