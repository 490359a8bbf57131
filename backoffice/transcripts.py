"""The web chat's conversations, kept on the server in SQLite under a random id, for 30 minutes idle.

The browser's session cookie is signed, not encrypted: anyone at the computer can read it. So it holds
only the random id, and the conversation stays here. Rows are keyed by a SHA-256 of the id, so the
file alone cannot be used to carry on someone's chat. A conversation untouched for `ttl` seconds is
never shown again and is deleted soon after (when the site starts, as messages are saved, and by
`signpost prune`); "Start again" and "Exit this page" delete it at once. Deleted rows are
overwritten (`secure_delete`), and a new file is made readable by its owner only. It lives in the back
office, free of any web framework, so that `signpost prune` does not load the website.

`signpost serve` keeps the file beside the analytics one (`var/signpost-chat.db`); without a file
(tests, `flask run` with no database) the conversations live in memory.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .staff_store import private_file

IDLE_TTL = 30 * 60  # seconds a conversation is kept after its last message
PRUNE_EVERY = 60.0  # seconds between sweeps for expired conversations
SCHEMA = """
CREATE TABLE IF NOT EXISTS transcripts (
    key TEXT PRIMARY KEY,  -- SHA-256 of the id in the resident's cookie
    data TEXT NOT NULL,    -- JSON: the chat state and the exchanges shown on the page
    touched REAL NOT NULL  -- time of the last message (seconds since the epoch)
);
CREATE INDEX IF NOT EXISTS transcripts_touched ON transcripts (touched);
"""


def chat_db_path(analytics_db: Path | str) -> Path:
    """var/signpost.db -> var/signpost-chat.db"""
    db = Path(analytics_db)
    return db.with_name(f"{db.stem}-chat{db.suffix or '.db'}")


class Transcripts:
    """Conversations by id: `load`, `save`, `end`; expired ones are swept as others are saved."""

    def __init__(
        self, path: Path | str | None = None, *, ttl: float = IDLE_TTL, clock: Callable[[], float] = time.time
    ):
        self.path = Path(path) if path is not None else None
        self.ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()  # one connection, shared by the site's threads one at a time
        self._pruned = 0.0
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            private_file(self.path)  # 0600 before SQLite opens it, also when it was there already
        self._db = sqlite3.connect(
            str(self.path) if self.path else ":memory:",
            check_same_thread=False,
            isolation_level=None,
            timeout=5,
        )
        self._db.execute("PRAGMA secure_delete = ON")
        self._db.executescript(SCHEMA)

    @staticmethod
    def new_id() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def _key(chat_id: str) -> str:
        return hashlib.sha256(chat_id.encode()).hexdigest()

    def load(self, chat_id: str) -> dict | None:
        """The conversation saved under `chat_id`, or None if there is none (or it expired)."""
        now = self._clock()
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM transcripts WHERE key = ? AND touched >= ?",
                (self._key(chat_id), now - self.ttl),
            ).fetchone()
        try:
            data = json.loads(row[0]) if row else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def save(self, chat_id: str, data: dict) -> None:
        now = self._clock()
        with self._lock:
            self._db.execute(
                "INSERT INTO transcripts (key, data, touched) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET data = excluded.data, touched = excluded.touched",
                (self._key(chat_id), json.dumps(data, ensure_ascii=False), now),
            )
            if now - self._pruned >= PRUNE_EVERY:
                self._prune(now)

    def end(self, chat_id: str) -> None:
        """Delete the conversation now."""
        with self._lock:
            self._db.execute("DELETE FROM transcripts WHERE key = ?", (self._key(chat_id),))

    def prune(self) -> int:
        """Delete every conversation idle for longer than the ttl; how many went."""
        with self._lock:
            return self._prune(self._clock())

    def _prune(self, now: float) -> int:
        self._pruned = now
        return self._db.execute("DELETE FROM transcripts WHERE touched < ?", (now - self.ttl,)).rowcount

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM transcripts").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()


__all__ = ["IDLE_TTL", "Transcripts", "chat_db_path"]
