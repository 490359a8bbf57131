"""Analytics: what residents searched for, scrubbed of personal data, in a SQLite file.

Recorded per search: time, channel, language, the scrubbed query, result count, top result and the
crisis flag. Never chat ids, IP addresses, user agents, phone numbers or emails.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_PHONE = re.compile(r"(?:(?<!\w)\+?\d[\d\s().-]{6,}\d)")
_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.I)
_DIGITS = re.compile(r"\d{5,}")


def scrub(text: str) -> str:
    """Remove personal data: emails, web addresses, phone numbers, long digit runs; postcodes
    are cut to their outward code (LL13 9ET -> LL13)."""
    text = " ".join((text or "").split())[:500]
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    text = _POSTCODE.sub(lambda m: m.group(1).upper(), text)
    text = _PHONE.sub("[number]", text)
    text = _DIGITS.sub("[number]", text)
    return text


class Analytics:
    def __init__(self, db_path: Path | str):
        self.path = Path(db_path)

    def _db(self):
        import sqlite_utils

        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite_utils.Database(self.path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA busy_timeout=2000")
        return db

    def record(self, *, channel: str, lang: str, query: str, results) -> None:
        """Record one search. Never raises: a failure is logged and the search goes on."""
        try:
            db = self._db()
            top = results.hits[0].slug if results.hits else None
            db["searches"].insert(
                {
                    "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "channel": channel,
                    "lang": lang,
                    "query": scrub(query),
                    "results": len(results.hits),
                    "top": top,
                    "crisis": int(results.is_crisis),
                },
                alter=True,
            )
            db.conn.close()
        except Exception:
            log.warning("could not record a search in %s", self.path, exc_info=True)
