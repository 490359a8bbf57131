"""The staff database: a SQLite file beside the analytics one, for what only staff may see.

It holds the correction queue (with a resident's optional contact details) and the staff accounts
(hashed passwords only). It is a separate file from the analytics database on purpose: the
analytics file carries no personal data and can be shared or inspected freely, while this one can
be backed up and locked down on its own, with its own retention.

    var/signpost.db         searches (need words only) -> backoffice.analytics
    var/signpost-staff.db   corrections, accounts      -> backoffice.corrections, .staff_accounts
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

BUSY_TIMEOUT_S = 2.0


def staff_db_path(analytics_db: Path | str) -> Path:
    """Where the staff database lives for a given analytics database path."""
    db = Path(analytics_db)
    return db.with_name(f"{db.stem}-staff{db.suffix or '.db'}")


def private_file(path: Path, create: bool = True) -> None:
    """Make `path` (and SQLite's -wal and -shm files beside it) readable by its owner only (0600),
    creating it empty with those rights when missing, before SQLite opens it. SQLite gives the
    files it makes the rights of the database file."""
    if create:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError:  # there already, or cannot be made: SQLite says what is wrong
            pass
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if p.is_file() and p.stat().st_mode & 0o077:
                os.chmod(p, 0o600)
        except OSError:  # not ours to change (read-only folder, another owner): SQLite says more
            pass


def connect(path: Path, schema: str) -> sqlite3.Connection:
    """A new connection in WAL mode with `schema` applied (CREATE ... IF NOT EXISTS statements),
    to a file readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    private_file(path)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(schema)
    except Exception:
        conn.close()
        raise
    return conn
