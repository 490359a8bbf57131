"""When the statistics database cannot be written, residents still get their answers.

The search side of the faults: `LiveIndex.search` with the analytics database a directory, a
read-only file, or locked by another connection's EXCLUSIVE transaction. Every search must answer
exactly as it would with no statistics, without an exception and without a long wait, and the fault
must be real (nothing gets recorded). (The analytics module's own tests are in test_analytics.py.)
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from conftest import SEARCH_ENTRIES, make_content

from backoffice.analytics import Analytics
from backoffice.search_log import open_search_log
from search_index.live import LiveIndex

MESSAGES = ["food bank", "where can I get help with debt", "gwersi Saesneg", "I want to kill myself", "zzzz"]
MAX_WAIT = 2.0  # seconds a search may take when the database is locked (its busy timeout is far less)


@pytest.fixture
def content(tmp_path):
    return make_content(tmp_path / "content", SEARCH_ENTRIES)


@pytest.fixture
def expected(content, tmp_path):
    """The answers with no statistics at all."""
    core = LiveIndex(content, tmp_path / "ix-plain")
    core.ensure_index()
    return {m: answer(core.search(m, channel="web")) for m in MESSAGES}


def answer(res) -> tuple:
    return (res.is_crisis, tuple(h.slug for h in res.hits), res.suggestion)


def search_all(core: LiveIndex, expected: dict) -> None:
    for message in MESSAGES:
        t0 = time.monotonic()
        res = core.search(message, channel="web", lang="en")
        assert time.monotonic() - t0 < MAX_WAIT, f"{message!r} waited for the database"
        assert answer(res) == expected[message]


def recorded(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM searches").fetchone()[0]
    finally:
        conn.close()


def make_db(db: Path) -> None:
    """A real statistics database with its table, as the site leaves it."""
    Analytics(db).start()
    assert db.is_file() and recorded(db) == 0


def recording_core(content: Path, tmp_path: Path) -> tuple[LiveIndex, Path]:
    """A core that records its searches in a real statistics database (made now), its index built."""
    db = tmp_path / "stats.db"
    make_db(db)
    core = LiveIndex(content, tmp_path / "ix", on_search=open_search_log(db))
    core.ensure_index()
    return core, db


def test_the_statistics_database_works_here(content, tmp_path, expected):
    """The control: with a good database, every search is answered and counted."""
    db = tmp_path / "stats.db"
    core = LiveIndex(content, tmp_path / "ix", on_search=open_search_log(db))
    search_all(core, expected)
    assert recorded(db) == len(MESSAGES)


def test_database_path_is_a_directory(content, tmp_path, expected, caplog):
    db = tmp_path / "stats.db"
    db.mkdir()
    core = LiveIndex(content, tmp_path / "ix", on_search=open_search_log(db))
    with caplog.at_level(logging.WARNING, logger="backoffice.analytics"):
        search_all(core, expected)
    assert db.is_dir() and not any(db.iterdir())
    assert any("could not record" in r.getMessage() for r in caplog.records)


def test_database_is_a_read_only_file(content, tmp_path, expected, caplog):
    db = tmp_path / "stats.db"
    make_db(db)
    # Read-only for everyone, root included: file mode 0444, and SQLite's own header says so
    # (a write-format version above 2 means "read only" to SQLite).
    with open(db, "r+b") as f:
        f.seek(18)
        f.write(bytes([3]))
    os.chmod(db, 0o444)
    try:
        core = LiveIndex(content, tmp_path / "ix", on_search=open_search_log(db))
        with caplog.at_level(logging.WARNING, logger="backoffice.analytics"):
            search_all(core, expected)
        assert recorded(db) == 0
        assert any("could not record" in r.getMessage() for r in caplog.records)
    finally:
        os.chmod(db, 0o644)


def test_database_locked_by_an_exclusive_transaction(content, tmp_path, expected, caplog):
    core, db = recording_core(content, tmp_path)
    holder = sqlite3.connect(db, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute(
        "INSERT INTO searches (at, channel, lang, words, results, crisis) VALUES ('x', 'web', 'en', 'x', 0, 0)"
    )
    try:
        with caplog.at_level(logging.WARNING, logger="backoffice.analytics"):
            search_all(core, expected)
        assert any("locked" in r.getMessage() for r in caplog.records)
    finally:
        holder.rollback()
        holder.close()
    assert recorded(db) == 0
    search_all(core, expected)  # and once the lock is gone, searches are counted again
    assert recorded(db) == len(MESSAGES)


def test_many_threads_search_while_the_database_is_locked(content, tmp_path, expected):
    """The website's threads all keep answering; none waits long for the lock."""
    core, db = recording_core(content, tmp_path)
    holder = sqlite3.connect(db, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    errors: list[BaseException] = []

    def worker():
        try:
            for _ in range(3):
                search_all(core, expected)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        # every search finished while the lock was still held: none of them waited for it
        assert not any(t.is_alive() for t in threads)
    finally:
        holder.rollback()
        holder.close()
    assert not errors, errors[:3]
    assert recorded(db) == 0


def test_database_folder_cannot_be_created(content, tmp_path, expected):
    """The statistics path under a file (so its folder cannot be made)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    core = LiveIndex(content, tmp_path / "ix", on_search=open_search_log(blocker / "stats.db"))
    search_all(core, expected)
    assert blocker.is_file()
