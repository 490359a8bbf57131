"""The correction queue: residents say "something is wrong here", staff read it and mark it done.

Kept in the staff database (see `staff_store`), never in the analytics one: a suggestion may carry
an email address or phone number so that staff can ask back. Done items lose their contact details
after `KEEP_DONE_DAYS` days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .staff_store import connect

MAX_MESSAGE = 1000
MAX_CONTACT = 200
KEEP_DONE_DAYS = 90

SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    slug TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'en',
    message TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    done_at TEXT,
    done_by TEXT
);
CREATE INDEX IF NOT EXISTS corrections_slug ON corrections(slug, status);
"""


class CorrectionError(ValueError):
    """A suggestion that cannot be queued (empty or too long); the message says what to change."""


@dataclass(frozen=True)
class Correction:
    id: int
    at: str
    slug: str
    lang: str
    message: str
    contact: str
    status: str
    done_at: str | None = None
    done_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Corrections:
    def __init__(self, db_path: Path | str):
        self.path = Path(db_path)

    def _conn(self):
        return connect(self.path, SCHEMA)

    def add(self, slug: str, message: str, contact: str = "", lang: str = "en") -> int:
        """Queue a suggestion for `slug`. Raises CorrectionError when it is empty or too long."""
        message = (message or "").strip().replace("\r\n", "\n")
        contact = " ".join((contact or "").split())
        if not message:
            raise CorrectionError("say what is wrong")
        if len(message) > MAX_MESSAGE:
            raise CorrectionError(f"keep it under {MAX_MESSAGE} characters")
        if len(contact) > MAX_CONTACT:
            raise CorrectionError(f"keep the contact details under {MAX_CONTACT} characters")
        conn = self._conn()
        try:
            with conn:
                cur = conn.execute(
                    "INSERT INTO corrections (at, slug, lang, message, contact) VALUES (?, ?, ?, ?, ?)",
                    (_now(), slug, lang if lang in ("en", "cy") else "en", message, contact),
                )
            return int(cur.lastrowid)
        finally:
            conn.close()

    def list(
        self, *, slug: str | None = None, status: str | None = "open", limit: int = 500
    ) -> list[Correction]:
        """Suggestions, newest first; `status=None` for all."""
        where, args = [], []
        if slug is not None:
            where.append("slug = ?")
            args.append(slug)
        if status is not None:
            where.append("status = ?")
            args.append(status)
        sql = "SELECT * FROM corrections" + (" WHERE " + " AND ".join(where) if where else "")
        conn = self._conn()
        try:
            rows = conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        finally:
            conn.close()
        return [Correction(**dict(r)) for r in rows]

    def get(self, item_id: int) -> Correction | None:
        conn = self._conn()
        try:
            row = conn.execute("SELECT * FROM corrections WHERE id = ?", (item_id,)).fetchone()
        finally:
            conn.close()
        return Correction(**dict(row)) if row else None

    def open_counts(self) -> dict[str, int]:
        """Open suggestions per entry slug."""
        conn = self._conn()
        try:
            rows = conn.execute("SELECT slug, count(*) FROM corrections WHERE status = 'open' GROUP BY slug")
            return {slug: n for slug, n in rows}
        finally:
            conn.close()

    def mark_done(self, item_id: int, by: str) -> bool:
        """Mark one suggestion done; False when there is no such open suggestion."""
        conn = self._conn()
        try:
            with conn:
                cur = conn.execute(
                    "UPDATE corrections SET status = 'done', done_at = ?, done_by = ? WHERE id = ? AND status = 'open'",
                    (_now(), by, item_id),
                )
            return cur.rowcount == 1
        finally:
            conn.close()

    def forget_old_contacts(self, days: int = KEEP_DONE_DAYS) -> int:
        """Blank the contact details of suggestions done more than `days` days ago."""
        cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
        conn = self._conn()
        try:
            with conn:
                cur = conn.execute(
                    "UPDATE corrections SET contact = '' WHERE status = 'done' AND contact != '' AND done_at < ?",
                    (cutoff,),
                )
            return cur.rowcount
        finally:
            conn.close()
