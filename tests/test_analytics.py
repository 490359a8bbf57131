"""Analytics: need words instead of messages, recording searches, surviving a broken database, retention,
the report (CLI and data), and searches from the site, the API and the bot landing with their channel."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import threading
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import make_app
from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.analytics import RETAINED, Analytics
from backoffice.corrections import Corrections
from backoffice.search_log import open_search_log
from backoffice.staff_store import staff_db_path
from backoffice.transcripts import Transcripts, chat_db_path
from search_index.live import LiveIndex
from signpost.cli import cli

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client

# --- need words -----------------------------------------------------------------------------
# (message, language, the need words kept). Names, streets, places, numbers, dates never are.
NEED_WORDS_TABLE = [
    ("I'm Sarah Jones from 22 Bryn Offa Caia Park, my husband Dave Jones hits me", "en", ["husband", "hits"]),
    ("im sarah jones from 22 bryn offa caia park my husband dave jones hits me", "en", ["husband", "hits"]),
    (
        "My daughter Rose is 7 and my son Bill is 4, we need a food bank",
        "en",
        ["daughter", "son", "food", "bank"],
    ),
    ("my daughter rose is seven, born 03/04/2019, school uniform", "en", ["daughter", "school", "uniform"]),
    ("Flat 3b, 14 Maes Glas, LL13 9ET: my boiler is broken", "en", ["flat", "boiler", "broken"]),
    ("my name is grace and I need help with my bill", "en", ["name", "bill"]),
    ("I'm homeless and skint, call me on 07700 900123", "en", ["homeless", "skint", "call"]),
    ("email sarah.jones@gmail.com about debt", "en", ["email", "debt"]),
    ("my dob is 12th March 1985 and I need a GP", "en", ["gp"]),
    ("HELP WITH RENT ARREARS", "en", ["rent", "arrears"]),
    ("Mae fy ngŵr Dafydd yn fy nharo", "cy", ["ngwr", "nharo"]),
    ("Dw i angen bwyd yn Wrecsam, Ffordd Rhosddu", "cy", ["bwyd"]),
]


@pytest.fixture(scope="module")
def need_words(tmp_path_factory):
    from backoffice.need_words import NeedWords
    from search_index.lexicon import load_vocabulary

    vocab = load_vocabulary()
    quiet = set(vocab.stopwords).union(*vocab.filler)
    return NeedWords(set(vocab.known_words()) - quiet, quiet)


# Held out: written after the picker was finished and never tuned on (the message, its language, the
# words that identify someone, none of which may be kept, and a need word that must be kept).
HELD_OUT = yaml.safe_load(Path(__file__).with_name("need_words_heldout.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", HELD_OUT, ids=[case["message"][:40] for case in HELD_OUT])
def test_held_out_messages_keep_no_name_place_or_number(need_words, case):
    kept = need_words.extract(case["message"], case["lang"])
    assert not set(kept) & set(case["identifying"].split()), kept
    assert case["need"] in kept


@pytest.mark.parametrize("message, lang, expected", NEED_WORDS_TABLE)
def test_need_words_keep_the_need_and_drop_who_and_where(need_words, message, lang, expected):
    assert need_words.extract(message, lang) == expected


def test_the_word_lists_are_real_dictionaries():
    from backoffice.need_words import english_words, welsh_words

    en, cy = english_words(), welsh_words()
    assert len(en.common) > 50_000 and "sarah" in en.proper and "sarah" not in en.common
    assert en.ordinary("boiler") and not en.ordinary("rose") and not en.ordinary("dave")
    assert len(cy.common) > 10_000 and cy.ordinary("bwyd") and cy.ordinary("fwyd")
    assert "abertawe" in cy.proper


phone_numbers = st.builds(
    lambda prefix, digits, sep: prefix + sep.join([digits[:4], digits[4:7], digits[7:]]),
    st.sampled_from(["0", "+44 ", "+44", "(0", "0044 "]),
    st.text("0123456789", min_size=10, max_size=10),
    st.sampled_from([" ", "", "-", ".", " - "]),
)
emails = st.builds(
    lambda user, host, tld: f"{user}@{host}.{tld}",
    st.from_regex(r"[a-z][a-z0-9._+-]{0,15}", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True),
    st.sampled_from(["com", "co.uk", "org", "wales", "gov.uk"]),
)
words = st.lists(
    st.sampled_from(["help", "food", "rent", "please", "call", "me", "on", "my", "is", "debt"]), max_size=4
)
given_names = st.sampled_from(["Sarah", "Dave", "Jones", "Bethan", "Rhys", "Priya", "Tomasz", "Aoife"])


@settings(max_examples=150, deadline=None)
@given(before=words, phone=phone_numbers, email=emails, name=given_names, after=words)
def test_no_number_email_or_name_survives(need_words, before, phone, email, name, after):
    text = " ".join([*before, "I'm", name, phone, "or", email, *after])
    kept = need_words.extract(text)
    assert not any(ch.isdigit() for w in kept for ch in w)
    assert not set(kept) & {name.lower(), *email.replace("@", ".").split(".")} - set(before + after)


# --- recording ---------------------------------------------------------------------------------
@pytest.fixture
def recorded_core(content_dir, index_dir, db_path):
    core = LiveIndex(content_dir, index_dir, on_search=open_search_log(db_path))
    core.ensure_index()
    return core


def rows(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM searches ORDER BY id")]
    finally:
        conn.close()


def _raw(db: Path) -> bytes:
    """Every byte SQLite keeps for the database: the file and its write-ahead log."""
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_each_search_is_recorded_as_need_words_with_its_channel(recorded_core, db_path):
    assert db_path.exists()  # made when the core starts
    recorded_core.search("food parcel, call me on 07700 900123 or jo@example.org", channel="web")
    recorded_core.search("bwyd", channel="bot", lang="cy")
    recorded_core.search("snorkelling lessons", channel="api")
    recorded_core.search("I want to kill myself", channel="chat")
    got = rows(db_path)
    assert [r["channel"] for r in got] == ["web", "bot", "api", "chat"]
    assert got[0]["words"] == "food parcel call"
    assert got[0]["top"] == "food-bank" and got[0]["top_category"] == "food" and got[0]["results"] >= 1
    assert "food" in got[0]["categories"].split() and got[0]["zero"] == 0
    assert got[0]["confident"] == 1  # the search was sure of its top answer
    assert got[1]["lang"] == "cy" and got[1]["words"] == "bwyd"
    assert got[2]["results"] == 0 and got[2]["zero"] == 1 and got[2]["top"] is None
    assert got[2]["words"] == "snorkelling lessons"
    # a crisis message: counted by kind, nothing else
    assert got[3]["crisis"] == 1 and got[3]["crisis_kind"] == "suicide"
    assert got[3]["words"] == "" and got[3]["categories"] == "" and got[3]["top"] is None
    assert set(got[0]) == {
        "id", "at", "channel", "lang", "words", "categories", "results", "zero", "filtered",
        "confident", "top", "top_category", "crisis", "crisis_kind",
    }  # fmt: skip
    assert dt.datetime.strptime(got[0]["at"], "%Y-%m-%dT%H:%M:%SZ")
    raw = _raw(db_path)
    for gone in (b"07700", b"jo@example.org", b"example", b"kill", b"myself"):
        assert gone not in raw


def test_a_search_that_found_nothing_only_because_of_filters_is_no_unmet_need(recorded_core, db_path):
    from search_index import Filters

    assert not recorded_core.search("food parcel", channel="web", filters=Filters(area="Narnia")).hits
    assert not recorded_core.search("snorkelling", channel="web", filters=Filters(area="Narnia")).hits
    got = rows(db_path)
    assert [(r["zero"], r["filtered"]) for r in got] == [(1, 1), (1, 0)]
    assert Analytics(db_path).report().unmet == [("snorkelling", 1)]


def test_confident_is_recorded_when_the_results_carry_it(db_path):
    from search_index.search import Results

    class Sure(Results):
        confident = True

    a = Analytics(db_path)
    a.record(channel="web", lang="en", words=["food"], results=Sure("", ()))
    assert rows(db_path)[-1]["confident"] == 1 and rows(db_path)[-1]["words"] == "food"


def test_database_files_are_readable_by_their_owner_only(recorded_core, db_path, tmp_path):

    recorded_core.search("food", channel="web")
    Corrections(staff_db_path(db_path)).add("food-bank", "wrong phone", "jo@example.org")
    for path in (db_path, staff_db_path(db_path)):
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if p.exists():
                assert p.stat().st_mode & 0o777 == 0o600, p
    old = tmp_path / "old.db"  # an existing file made before, readable by all: tightened on opening
    sqlite3.connect(old).close()
    os.chmod(old, 0o644)
    Analytics(old).connect().close()
    assert old.stat().st_mode & 0o777 == 0o600


def test_an_old_database_loses_its_stored_text(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path)
    conn.executescript(
        "CREATE TABLE searches (id INTEGER PRIMARY KEY, at TEXT NOT NULL, channel TEXT NOT NULL,"
        " lang TEXT NOT NULL, query TEXT NOT NULL, results INTEGER NOT NULL, top TEXT, top_category TEXT,"
        " crisis INTEGER NOT NULL DEFAULT 0); CREATE INDEX searches_at ON searches(at);"
    )
    with conn:
        for n in range(200):
            conn.execute(
                "INSERT INTO searches (at, channel, lang, query, results, top, crisis) VALUES (?, 'web', 'en', ?, ?, ?, 0)",
                (_ago(n % 30), f"Sarah Jones of Bryn Offa {n}", n % 2, "food-bank" if n % 2 else None),
            )
    conn.close()
    rep = Analytics(db_path).report()
    assert rep.total == 200 and dict(rep.entries)["food-bank"] == 100
    got = rows(db_path)
    assert len(got) == 200 and "query" not in got[0] and {r["words"] for r in got} == {""}
    raw = _raw(db_path)
    assert b"Sarah" not in raw and b"Bryn" not in raw


def test_a_database_removed_while_running_is_made_again_and_loses_no_later_search(recorded_core, db_path):
    recorded_core.search("food", channel="web")
    for p in db_path.parent.glob(db_path.name + "*"):  # the file, its -wal and -shm
        p.unlink()
    recorded_core.search("debt", channel="web")
    recorded_core.search("youth club", channel="web")
    assert [r["words"] for r in rows(db_path)] == ["debt", "youth club"]


def test_the_database_is_in_wal_mode(recorded_core, db_path):
    recorded_core.search("food", channel="web")
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_searches_without_a_database_are_not_recorded(content_dir, index_dir, tmp_path):
    core = LiveIndex(content_dir, index_dir)
    assert core.search("food", channel="web").hits
    assert not list(tmp_path.glob("**/*.db"))


# --- a broken database never breaks a search ----------------------------------------------------
def _assert_answers(core: LiveIndex, caplog) -> None:
    """Three searches made while the database cannot be written (the caller keeps it so until they
    return, so none of them can have waited for it to come back): each is answered as usual, and
    each gives up recording with one warning instead of raising or retrying."""
    caplog.clear()
    for _ in range(3):
        res = core.search("food parcel", channel="web")
        assert res.hits and res.hits[0].slug == "food-bank"
    given_up = [r for r in caplog.records if r.getMessage().startswith("could not record a search in")]
    assert len(given_up) == 3, caplog.text
    assert all(r.levelno == logging.WARNING and r.exc_info is None for r in given_up)


def test_db_path_is_a_directory(content_dir, index_dir, tmp_path, caplog):
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    core = LiveIndex(content_dir, index_dir, on_search=open_search_log(folder))
    core.ensure_index()
    _assert_answers(core, caplog)


def test_db_path_is_a_read_only_file(content_dir, index_dir, tmp_path, caplog):
    # /proc/version cannot be written, even by root (who ignores chmod), and is no database
    core = LiveIndex(content_dir, index_dir, on_search=open_search_log("/proc/version"))
    core.ensure_index()
    _assert_answers(core, caplog)


def test_db_folder_replaced_by_a_file_while_running(recorded_core, db_path, tmp_path, caplog):
    """The database stops being writable while the site runs, for any user, root included: its
    folder is now a file. Searches go on unrecorded, nothing goes to the file still open, and
    recording resumes once the folder is back."""
    recorded_core.search("food", channel="web")
    moved = tmp_path / "moved"
    db_path.parent.rename(moved)
    db_path.parent.write_text("not a folder")
    _assert_answers(recorded_core, caplog)
    assert [r["words"] for r in rows(moved / db_path.name)] == ["food"]
    db_path.parent.unlink()
    moved.rename(db_path.parent)
    recorded_core.search("debt", channel="web")
    assert [r["words"] for r in rows(db_path)] == ["food", "debt"]


def test_db_locked_by_an_exclusive_transaction(recorded_core, db_path, caplog):
    recorded_core.search("food", channel="web")  # the table exists
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute(
        "INSERT INTO searches (at, channel, lang, words, results, crisis) VALUES ('x', 'web', 'en', 'x', 0, 0)"
    )
    try:
        _assert_answers(recorded_core, caplog)
    finally:
        other.execute("ROLLBACK")
        other.close()
    recorded_core.search("food", channel="web")  # recording works again once the lock is gone
    assert len(rows(db_path)) == 2


def test_a_garbage_file_is_not_a_database(content_dir, index_dir, tmp_path, caplog):
    db = tmp_path / "garbage.db"
    db.write_bytes(b"this is not sqlite" * 100)
    core = LiveIndex(content_dir, index_dir, on_search=open_search_log(db))
    core.ensure_index()
    _assert_answers(core, caplog)


def test_concurrent_recording_from_many_threads(recorded_core, db_path):
    errors: list[BaseException] = []

    def work():
        try:
            for _ in range(15):
                recorded_core.search("food", channel="web")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(rows(db_path)) == 90


# --- retention ---------------------------------------------------------------------------------
def _insert(db: Path, at: str, words: str = "old", results: int = 0) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO searches (at, channel, lang, words, results, zero, crisis) VALUES (?, 'web', 'en', ?, ?, ?, 0)",
            (at, words, results, int(results == 0)),
        )
    conn.close()


def _ago(days: int) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_prune_deletes_rows_older_than_the_retention(db_path):
    a = Analytics(db_path)
    a.connect().close()
    for days in (400, 366, 364, 10, 0):
        _insert(db_path, _ago(days), f"q{days}")
    assert a.prune(365) == {"searches": 2, "feedback": 0}
    assert [r["words"] for r in rows(db_path)] == ["q364", "q10", "q0"]
    assert a.prune(5)["searches"] == 2


def test_retention_applied_when_the_search_log_opens(db_path):
    Analytics(db_path).connect().close()
    _insert(db_path, _ago(40))
    _insert(db_path, _ago(1))
    search_log = open_search_log(db_path, retention_days=30)
    assert len(rows(db_path)) == 1
    search_log.analytics.prune(0)
    assert rows(db_path) == []


def test_prune_command(db_path, monkeypatch):
    Analytics(db_path).connect().close()
    _insert(db_path, _ago(400))
    _insert(db_path, _ago(100))
    _insert(db_path, _ago(1))
    result = CliRunner().invoke(cli, ["prune", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 search(es) older than 365 days" in result.output
    monkeypatch.setenv("SIGNPOST_RETENTION_DAYS", "30")
    monkeypatch.setenv("SIGNPOST_DB", str(db_path))
    result = CliRunner().invoke(cli, ["prune"])
    assert "Deleted 1 search(es) older than 30 days" in result.output
    assert len(rows(db_path)) == 1


def _insert_feedback(db: Path, days_ago: int, categories: str = "food") -> None:
    """An answer to "Did this help?" given `days_ago` days ago (the table made as the site makes it)."""
    Analytics(db).record_feedback(channel="web", helped=True, categories=[])
    day = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)).date().isoformat()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM feedback WHERE categories = ''")
        conn.execute(
            "INSERT INTO feedback (day, channel, helped, categories, lang) VALUES (?, 'bot', 0, ?, 'cy')",
            (day, categories),
        )
    conn.close()


def feedback_rows(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [c for (c,) in conn.execute("SELECT categories FROM feedback ORDER BY id")]
    finally:
        conn.close()


def _insert_crisis(db: Path, at: str) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO searches (at, channel, lang, results, crisis, crisis_kind)"
            " VALUES (?, 'bot', 'en', 0, 1, 'self_harm')",
            (at,),
        )
    conn.close()


def _chat_saved(path: Path, key: str, data: dict, minutes_ago: float = 0) -> None:
    """A web chat conversation whose last message was `minutes_ago` minutes ago, in the file at `path`."""

    chats = Transcripts(path, clock=lambda: time.time() - minutes_ago * 60)
    chats.save(key, data)
    chats.close()


def test_prune_command_deletes_every_kind_of_old_record_and_says_how_many(db_path):
    """Searches (the unmet needs and crisis counts among them), answers to "Did this help?", correction
    contacts and web chat conversations: each kind past its time goes, the rest stay, and the counts
    are printed, the older lines first and unchanged."""

    Analytics(db_path).connect().close()
    _insert(db_path, _ago(400), "rent")  # found something
    _insert(db_path, _ago(366), "boiler", results=0)  # an unmet need
    _insert_crisis(db_path, _ago(370))
    _insert(db_path, _ago(300), "debt", results=2)
    _insert(db_path, _ago(2), "uniform", results=0)
    _insert_crisis(db_path, _ago(1))
    for days, categories in ((500, "old-1"), (366, "old-2"), (364, "kept-1"), (0, "kept-2")):
        _insert_feedback(db_path, days, categories)
    staff_db = staff_db_path(db_path)
    corrections = Corrections(staff_db)
    closed = corrections.add("food-bank", "wrong hours", "07700 900123")
    corrections.mark_done(closed, "sam")
    conn = sqlite3.connect(staff_db)
    with conn:
        conn.execute("UPDATE corrections SET done_at = '2020-01-01T00:00:00Z' WHERE id = ?", (closed,))
    conn.close()
    chat_db = chat_db_path(db_path)
    _chat_saved(chat_db, "idle", {"said": "food bank"}, minutes_ago=31)
    _chat_saved(chat_db, "recent", {"said": "debt"}, minutes_ago=29)

    result = CliRunner().invoke(cli, ["prune", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Deleted the contact details of 1 correction(s) closed more than 90 days ago from {staff_db}",
        f"Deleted 3 search(es) older than 365 days from {db_path}",
        f'Deleted 2 answer(s) to "Did this help?" older than 365 days from {db_path}',
        f"Deleted 1 web chat conversation(s) idle for more than 30 minutes from {chat_db}",
    ]
    assert [(r["words"], r["crisis"]) for r in rows(db_path)] == [("debt", 0), ("uniform", 0), ("", 1)]
    assert feedback_rows(db_path) == ["kept-1", "kept-2"]
    report = Analytics(db_path).report()
    assert report.unmet == [("uniform", 1)] and report.crisis == 1
    assert report.feedback.total == (0, 2)
    assert corrections.get(closed).contact == ""
    chats = Transcripts(chat_db)
    assert len(chats) == 1 and chats.load("recent") == {"said": "debt"}
    chats.close()

    result = CliRunner().invoke(cli, ["prune", "--db", str(db_path), "--days", "30"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:3] == [
        f"Deleted 1 search(es) older than 30 days from {db_path}",
        f'Deleted 1 answer(s) to "Did this help?" older than 30 days from {db_path}',
    ]
    assert feedback_rows(db_path) == ["kept-2"]


def test_prune_command_without_a_chat_or_staff_file_leaves_them_unmade(db_path):

    Analytics(db_path).connect().close()
    result = CliRunner().invoke(cli, ["prune", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Deleted 0 search(es) older than 365 days from {db_path}",
        f'Deleted 0 answer(s) to "Did this help?" older than 365 days from {db_path}',
    ]
    assert not chat_db_path(db_path).exists() and not staff_db_path(db_path).exists()


def test_the_running_site_and_bot_prune_answers_too(db_path):
    """Opening the search log (the site and the bot at start) prunes the answers to "Did this help?"
    as it prunes searches, without waiting for a new answer."""
    Analytics(db_path).connect().close()
    _insert_feedback(db_path, 40, "old")
    _insert_feedback(db_path, 1, "recent")
    open_search_log(db_path, retention_days=30)
    assert feedback_rows(db_path) == ["recent"]


def test_recording_an_answer_prunes_every_kind_once_a_day(db_path):
    analytics = Analytics(db_path, retention_days=30)
    analytics.connect().close()
    _insert(db_path, _ago(40), "rent")
    _insert_feedback(db_path, 40, "old")
    analytics.record_feedback(channel="bot", helped=True, categories=["food"], lang="en")
    assert rows(db_path) == [] and feedback_rows(db_path) == ["food"]
    _insert(db_path, _ago(40), "rent")  # pruned already today: this waits for tomorrow's sweep
    analytics.record_feedback(channel="bot", helped=True, categories=["money"], lang="en")
    assert len(rows(db_path)) == 1


def test_every_table_of_the_analytics_database_has_a_retention(recorded_core, db_path, caplog):
    """A table that `prune` does not know would be kept for ever: the tables a database gets from
    recording searches and answers are exactly those with a retention."""
    recorded_core.search("food bank", channel="web")
    Analytics(db_path).record_feedback(channel="web", helped=True, categories=["food"])
    conn = sqlite3.connect(db_path)
    tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    with conn:
        conn.execute("CREATE TABLE visits (at TEXT)")
    conn.close()
    assert tables == set(RETAINED)
    with caplog.at_level(logging.WARNING, logger="backoffice.analytics"):
        Analytics(db_path).prune()
    assert "no retention for table(s) visits" in caplog.text


def test_the_site_drops_the_conversations_that_expired_while_it_was_stopped(content_dir, index_dir, tmp_path):
    """The site prunes expired conversations when it starts, not only at the next chat message."""

    path = tmp_path / "var" / "chat.db"
    _chat_saved(path, "recent", {"said": "debt"})
    _chat_saved(path, "idle", {"said": "food bank"}, minutes_ago=31)  # saved last: nothing swept it
    before = Transcripts(path)
    assert len(before) == 2
    before.close()
    app = make_app(content_dir, index_dir, CHAT_DB_PATH=path)
    chats = app.extensions["signpost_transcripts"]
    assert len(chats) == 1 and chats.load("recent") == {"said": "debt"}
    chats.close()


def test_prune_and_report_without_a_database(tmp_path):
    missing = tmp_path / "nothing.db"
    for args in (["report", "--db", str(missing)], ["prune", "--db", str(missing)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1
        assert result.output.strip() == (
            f"Error: no analytics database at {missing}; it is created by `signpost serve` or `signpost bot`"
        )
    assert not missing.exists()


# --- the report --------------------------------------------------------------------------------
@pytest.fixture
def filled_db(recorded_core, db_path):
    for text, channel in [
        ("food parcel", "web"),
        ("food bank", "bot"),
        ("debt help", "api"),
        ("Snorkelling Lessons", "web"),
        ("  snorkelling   lessons? ", "bot"),
        ("snorkelling lessons for Dave", "chat"),
        ("zzqx unicycle", "web"),
        ("I want to kill myself", "bot"),
    ]:
        recorded_core.search(text, channel=channel)
    _insert(db_path, "2020-01-06T10:00:00Z", "ancient unmet", 0)
    return db_path


def test_report_lists_unmet_needs_grouped_most_frequent_first(filled_db):
    rep = Analytics(filled_db).report()
    assert rep.unmet[0] == ("snorkelling lessons", 3)
    assert rep.unmet_channels["snorkelling lessons"] == "web 1, chat 1, bot 1"  # in the CHANNELS order
    assert ("unicycle", 1) in rep.unmet and ("ancient unmet", 1) in rep.unmet
    assert rep.crisis == 1 and rep.crisis_kinds == [("suicide", 1)]
    assert rep.total == 9
    assert dict(rep.needs)["food"] >= 2
    assert rep.entries[0][0] == "food-bank"
    assert "2020-W02" in dict(rep.weeks)
    year, week, _ = dt.date.today().isocalendar()
    this_week = f"{year}-W{week:02d}"
    assert dict(rep.weeks)[this_week] == {"web": 3, "bot": 3, "api": 1, "chat": 1}


def test_report_since_leaves_older_searches_out(filled_db):
    rep = Analytics(filled_db).report(since=dt.date(2021, 1, 1))
    assert ("ancient unmet", 1) not in rep.unmet and rep.total == 8


def test_report_command_text(filled_db):
    result = CliRunner().invoke(cli, ["report", "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Searches by week and channel" in out
    assert re.search(r"^\s+3\s+snorkelling lessons$", out, re.M)
    assert "Crisis messages: 1" in out and re.search(r"^\s+1\s+suicide$", out, re.M)
    assert re.search(r"^\s+\d+\s+food-bank$", out, re.M)
    assert out.index("Unmet needs") < out.index("snorkelling lessons") < out.index("unicycle")


def test_report_command_csv_and_since(filled_db):
    result = CliRunner().invoke(cli, ["report", "--db", str(filled_db), "--csv", "--since", "2021-01-01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "section,item,channel,count"
    assert 'unmet needs,snorkelling lessons,"web 1, chat 1, bot 1",3' in lines
    assert "crisis messages,,,1" in lines and "crisis messages by kind,suicide,,1" in lines
    assert not any("ancient" in line for line in lines)
    bad = CliRunner().invoke(cli, ["report", "--db", str(filled_db), "--since", "last week"])
    assert bad.exit_code == 2


def test_csv_cells_cannot_run_as_spreadsheet_formulas(db_path):
    Analytics(db_path).connect().close()
    _insert(db_path, _ago(0), "=HYPERLINK(1)", 0)
    assert "\nunmet needs,'=HYPERLINK(1),web 1,1\n" in Analytics(db_path).report().to_csv()


# --- "Did this help?" in the report ------------------------------------------------------------
def _answer(core, channel: str, lang: str, helped: bool) -> None:
    """A resident searches in the chat (`channel`, `lang`) and answers "Did this help?"."""
    from bot.chats import ChatState
    from bot.conversation import Conversation

    conv = Conversation(core, channel=channel, clock=lambda: 1000.0, analytics=core.on_search.analytics)
    state = ChatState(lang=lang, lang_set=True)
    conv.reply(state, text="food bank for Sarah Jones" if lang == "en" else "banc bwyd i Sarah Jones")
    assert conv.reply(state, button="f:y" if helped else "f:n").kind == "feedback"


@pytest.fixture
def answered_db(filled_db, recorded_core):
    """The searches of filled_db, then seven answers in the chats and one from 2020."""
    for channel, lang, helped in [
        ("bot", "en", True),
        ("bot", "en", True),
        ("bot", "cy", False),
        ("chat", "cy", True),
        ("chat", "en", False),
        ("chat", "en", False),
        ("bot", "cy", True),
    ]:
        _answer(recorded_core, channel, lang, helped)
    conn = sqlite3.connect(filled_db)
    with conn:
        conn.execute(
            "INSERT INTO feedback (day, channel, helped, categories, lang) VALUES ('2020-01-06', 'bot', 0, '', 'en')"
        )
    conn.close()
    return filled_db


def test_the_report_counts_the_answers_to_did_this_help_by_channel_and_language(answered_db):
    rep = Analytics(answered_db).report(since=dt.date(2021, 1, 1))
    assert rep.feedback_rows("channel") == [("chat", 1, 2), ("bot", 3, 1)]  # the CHANNELS order
    assert rep.feedback_rows("lang") == [("cy", 2, 1), ("en", 2, 2)]
    everything = Analytics(answered_db).report()
    assert everything.feedback_rows("channel") == [("chat", 1, 2), ("bot", 3, 2)]  # and the one from 2020
    conn = sqlite3.connect(answered_db)
    stored = conn.execute("SELECT * FROM feedback").fetchall()
    conn.close()
    assert "Sarah" not in repr(stored) and "bwyd" not in repr(stored)  # never what the resident typed


def test_report_command_text_ends_with_the_answers_to_did_this_help(answered_db):
    result = CliRunner().invoke(cli, ["report", "--db", str(answered_db), "--since", "2021-01-01"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Did this help? (answers in the chats): helped 4, did not help 3" in out
    assert re.search(r"^\s+chat\s+helped\s+1\s+did not help\s+2$", out, re.M)
    assert re.search(r"^\s+Welsh\s+helped\s+2\s+did not help\s+1$", out, re.M)  # as the staff page
    assert out.index("Entries most often shown first") < out.index("Did this help?")


def test_report_csv_adds_the_answers_after_every_old_row(answered_db):
    args = ["report", "--db", str(answered_db), "--csv", "--since", "2021-01-01"]
    with_answers = CliRunner().invoke(cli, args).output.splitlines()
    conn = sqlite3.connect(answered_db)
    with conn:
        conn.execute("DELETE FROM feedback")
    conn.close()
    old = CliRunner().invoke(cli, args).output.splitlines()
    assert old[0] == "section,item,channel,count" and len(old) > 10
    assert with_answers[: len(old)] == old  # the header, the old sections and their order are unchanged
    assert with_answers[len(old) :] == [
        "helped by channel,,chat,1",
        "did not help by channel,,chat,2",
        "helped by channel,,bot,3",
        "did not help by channel,,bot,1",
        "helped by language,cy,,2",
        "did not help by language,cy,,1",
        "helped by language,en,,2",
        "did not help by language,en,,2",
    ]


def test_answers_recorded_before_the_language_was_are_read_and_the_table_gains_it(db_path):
    Analytics(db_path).connect().close()
    conn = sqlite3.connect(db_path)
    with conn:  # the feedback table as it was made before
        conn.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY, day TEXT NOT NULL, channel TEXT NOT NULL,"
            " helped INTEGER NOT NULL, categories TEXT NOT NULL DEFAULT '')"
        )
        conn.execute(
            "INSERT INTO feedback (day, channel, helped, categories) VALUES ('2026-01-05', 'bot', 1, 'food')"
        )
    conn.close()
    assert Analytics(db_path).report().feedback_rows("lang") == [("", 1, 0)]
    conn = sqlite3.connect(db_path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(feedback)")]
    conn.close()
    assert "lang" not in columns  # a report only reads (it may be run by a user who cannot write)
    analytics = Analytics(db_path)
    analytics.record_feedback(channel="chat", helped=False, categories=["food"], lang="cy")
    assert analytics.report().feedback_rows("lang") == [("cy", 0, 1), ("", 1, 0)]
    # the command line says what the staff page says; the CSV keeps a code beside "cy" and "en"
    text = CliRunner().invoke(cli, ["report", "--db", str(db_path)])
    assert text.exit_code == 0, text.output
    assert re.search(r"^\s+Not recorded\s+helped\s+1\s+did not help\s+0$", text.output, re.M)
    assert "unknown" not in text.output
    csv_rows = CliRunner().invoke(cli, ["report", "--db", str(db_path), "--csv"]).output.splitlines()
    assert csv_rows[-2:] == ["helped by language,unknown,,1", "did not help by language,unknown,,0"]


# --- every front-end records with its channel ------------------------------------------------------
def test_site_and_api_searches_are_recorded(content_dir, index_dir, db_path):
    app = make_app(content_dir, index_dir, DB_PATH=db_path)
    client = app.test_client()
    assert client.get("/search?q=food+07700+900123").status_code == 200
    assert client.get("/cy/search?q=bwyd").status_code == 200
    assert client.get("/api/search?q=debt").status_code == 200
    got = rows(db_path)
    assert [(r["channel"], r["lang"]) for r in got] == [("web", "en"), ("web", "cy"), ("api", "en")]
    assert got[0]["words"] == "food"
    assert not {"ip", "user_agent", "chat_id"} & set(got[0])


def test_bot_searches_are_recorded(recorded_core, db_path):
    from bot.chats import ChatState
    from bot.conversation import Conversation

    Conversation(recorded_core).reply(
        ChatState(lang="en", lang_set=True), "I need a food parcel, my number is 07700 900123"
    )
    got = rows(db_path)
    assert got and got[-1]["channel"] == "bot"
    assert got[-1]["words"] == "food parcel number"
