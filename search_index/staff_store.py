"""The staff database: a SQLite file beside the analytics one, for what only staff may see.

It holds the correction queue (with a resident's optional contact details) and the staff accounts
(hashed passwords only). It is a separate file from the analytics database on purpose: the
analytics file carries no personal data and can be shared or inspected freely, while this one can
be backed up and locked down on its own, with its own retention.

    var/signpost.db         searches (scrubbed)        -> search_index.analytics
    var/signpost-staff.db   corrections, accounts      -> search_index.corrections, .staff_accounts
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_S = 2.0


def staff_db_path(analytics_db: Path | str) -> Path:
    """Where the staff database lives for a given analytics database path."""
    db = Path(analytics_db)
    return db.with_name(f"{db.stem}-staff{db.suffix or '.db'}")


def connect(path: Path, schema: str) -> sqlite3.Connection:
    """A new connection in WAL mode with `schema` applied (CREATE ... IF NOT EXISTS statements)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(schema)
    except Exception:
        conn.close()
        raise
    return conn
