"""Analytics: scrubbing personal data, recording searches, surviving a broken database, retention,
the report (CLI and data), and searches from the site, the API and the bot landing with their channel."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from search_index.analytics import Analytics, normalise, scrub
from search_index.service import Signpost
from signpost.cli import cli

# --- scrubbing ---------------------------------------------------------------------------------
SCRUB_TABLE = [
    # (message, what must be gone, what the stored text is)
    ("07700 900 123", "07700", "[number]"),
    ("+44 7700 900123", "7700", "[number]"),
    ("(01978) 123456", "01978", "[number]"),
    ("call me on 07700900123 please", "07700900123", "call me on [number] please"),
    ("ring 07700-900-123 tonight", "900", "ring [number] tonight"),
    ("+447700900123", "447700", "[number]"),
    ("a.b+c@ex-ample.co.uk", "ex-ample", "[email]"),
    ("email jo.bloggs@gmail.com about rent", "bloggs", "email [email] about rent"),
    ("write to jo at gmail dot com", "gmail", "write to [email]"),
    ("LL13 9ET", "9ET", "LL13"),
    ("food bank near ll11 1ar", "1ar", "food bank near LL11"),
    ("LL139ET food", "9ET", "LL13 food"),
    ("4111 1111 1111 1111", "1111", "[number]"),
    ("card 4111-1111-1111-1111 stolen", "4111", "card [number] stolen"),
    ("account 12345678 sort code 12-34-56", "12345678", "account [number] sort code [number]"),
    ("ref 98765", "98765", "ref [number]"),
    ("born 12/03/1985 need housing", "1985", "born [date] need housing"),
    ("NI number QQ 12 34 56 C", "QQ 12", "NI number [id]"),
    ("my name is John Smith and I need food", "Smith", "my name is [name] and I need food"),
    ("I live at 12 Acton Road and need help", "Acton", "I live at [address] and need help"),
    ("see https://example.org/me?id=99", "example.org", "see [link]"),
]
KEPT_TABLE = [
    # ordinary messages stay as written (short numbers, ages, times, helplines)
    "food bank",
    "call 999",
    "samaritans 116 123",
    "ring 111 or 101",
    "youth club for ages 8-18",
    "kids aged 5 7 9 11",
    "open 9:30-12:00 on Tuesdays",
    "£1,200 debt",
    "LL13",
    "2 kids close to school",
    "skint till payday",
]

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client


@pytest.mark.parametrize("message, gone, expected", SCRUB_TABLE)
def test_scrub_removes_personal_data(message, gone, expected):
    out = scrub(message)
    assert gone.lower() not in out.lower()
    assert out == expected


@pytest.mark.parametrize("message", KEPT_TABLE)
def test_scrub_keeps_ordinary_words_and_short_numbers(message):
    assert scrub(message) == message


def test_scrub_collapses_space_and_limits_length():
    assert scrub("  food \n\t bank  ") == "food bank"
    assert len(scrub("word " * 1000)) <= 300
    assert scrub(None) == ""  # type: ignore[arg-type]


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


@settings(max_examples=150, deadline=None)
@given(before=words, phone=phone_numbers, email=emails, after=words)
def test_no_phone_number_or_email_survives(before, phone, email, after):
    text = " ".join([*before, phone, "or", email, *after])
    out = scrub(text)
    assert "@" not in out
    assert not re.search(r"\d[\d\s().+-]{5,}\d", out), out
    assert len(re.findall(r"\d", out)) < 5, out


def test_normalise_groups_case_space_and_punctuation():
    assert normalise("  Wibble   Grooming? ") == normalise("wibble grooming") == "wibble grooming"


# --- recording ---------------------------------------------------------------------------------
@pytest.fixture
def recorded_core(content_dir, index_dir, db_path):
    core = Signpost(content_dir, index_dir, db_path)
    core.ensure_index()
    return core


def rows(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM searches ORDER BY id")]
    finally:
        conn.close()


def test_each_search_is_recorded_scrubbed_with_its_channel(recorded_core, db_path):
    assert db_path.exists()  # made when the core starts
    recorded_core.search("food parcel, call me on 07700 900123 or jo@example.org", channel="web")
    recorded_core.search("bwyd", channel="bot", lang="cy")
    recorded_core.search("zzqx wibble", channel="api")
    recorded_core.search("I want to kill myself", channel="bot")
    got = rows(db_path)
    assert [r["channel"] for r in got] == ["web", "bot", "api", "bot"]
    assert got[0]["query"] == "food parcel, call me on [number] or [email]"
    assert got[0]["top"] == "food-bank" and got[0]["top_category"] == "food" and got[0]["results"] >= 1
    assert got[1]["lang"] == "cy"
    assert got[2]["results"] == 0 and got[2]["top"] is None
    assert got[3]["crisis"] == 1 and got[3]["top_category"] == "crisis"
    assert set(got[0]) == {"id", "at", "channel", "lang", "query", "results", "top", "top_category", "crisis"}
    assert dt.datetime.strptime(got[0]["at"], "%Y-%m-%dT%H:%M:%SZ")
    raw = db_path.read_bytes() + (
        db_path.with_name(db_path.name + "-wal").read_bytes()
        if db_path.with_name(db_path.name + "-wal").exists()
        else b""
    )
    assert b"07700" not in raw and b"jo@example.org" not in raw


def test_a_database_removed_while_running_is_made_again_and_loses_no_later_search(recorded_core, db_path):
    recorded_core.search("food", channel="web")
    for p in db_path.parent.glob(db_path.name + "*"):  # the file, its -wal and -shm
        p.unlink()
    recorded_core.search("debt", channel="web")
    recorded_core.search("youth club", channel="web")
    assert [r["query"] for r in rows(db_path)] == ["debt", "youth club"]


def test_the_database_is_in_wal_mode(recorded_core, db_path):
    recorded_core.search("food", channel="web")
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_searches_without_a_database_are_not_recorded(content_dir, index_dir, tmp_path):
    core = Signpost(content_dir, index_dir)
    assert core.search("food", channel="web").hits
    assert not list(tmp_path.glob("**/*.db"))


# --- a broken database never breaks a search ----------------------------------------------------
def _assert_answers(core: Signpost, caplog) -> None:
    start = time.monotonic()
    for _ in range(3):
        res = core.search("food parcel", channel="web")
        assert res.hits and res.hits[0].slug == "food-bank"
    assert time.monotonic() - start < 3.0
    assert "could not record a search" in caplog.text


def test_db_path_is_a_directory(content_dir, index_dir, tmp_path, caplog):
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    core = Signpost(content_dir, index_dir, folder)
    core.ensure_index()
    _assert_answers(core, caplog)


def test_db_path_is_a_read_only_file(content_dir, index_dir, tmp_path, caplog):
    # /proc/version cannot be written, even by root (who ignores chmod), and is no database
    core = Signpost(content_dir, index_dir, "/proc/version")
    core.ensure_index()
    _assert_answers(core, caplog)


def test_db_file_made_read_only_with_chmod(content_dir, index_dir, tmp_path, caplog):
    db = tmp_path / "ro" / "stats.db"
    core = Signpost(content_dir, index_dir, db)
    core.ensure_index()
    os.chmod(db, 0o444)
    os.chmod(db.parent, 0o555)
    try:
        for _ in range(3):
            assert core.search("food parcel", channel="web").hits
        if os.geteuid() != 0:  # root may write anyway; anyone else must be refused, quietly
            assert "could not record a search" in caplog.text
    finally:
        os.chmod(db.parent, 0o755)


def test_db_locked_by_an_exclusive_transaction(recorded_core, db_path, caplog):
    recorded_core.search("food", channel="web")  # the table exists
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute(
        "INSERT INTO searches (at, channel, lang, query, results, crisis) VALUES ('x', 'web', 'en', 'x', 0, 0)"
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
    core = Signpost(content_dir, index_dir, db)
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
def _insert(db: Path, at: str, query: str = "old", results: int = 0) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO searches (at, channel, lang, query, results, crisis) VALUES (?, 'web', 'en', ?, ?, 0)",
            (at, query, results),
        )
    conn.close()


def _ago(days: int) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_prune_deletes_rows_older_than_the_retention(db_path):
    a = Analytics(db_path)
    a.connect().close()
    for days in (400, 366, 364, 10, 0):
        _insert(db_path, _ago(days), f"q{days}")
    assert a.prune(365) == 2
    assert [r["query"] for r in rows(db_path)] == ["q364", "q10", "q0"]
    assert a.prune(5) == 2


def test_retention_applied_when_the_core_starts(content_dir, index_dir, db_path):
    Analytics(db_path).connect().close()
    _insert(db_path, _ago(40))
    _insert(db_path, _ago(1))
    core = Signpost(content_dir, index_dir, db_path, retention_days=30)
    assert len(rows(db_path)) == 1
    core.set_retention(0)
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
        ("Wibble Grooming", "web"),
        ("  wibble   grooming? ", "bot"),
        ("wibble grooming", "web"),
        ("zzqx", "web"),
        ("I want to kill myself", "bot"),
    ]:
        recorded_core.search(text, channel=channel)
    _insert(db_path, "2020-01-06T10:00:00Z", "ancient unmet", 0)
    return db_path


def test_report_lists_unmet_needs_grouped_most_frequent_first(filled_db):
    rep = Analytics(filled_db).report()
    assert rep.unmet[0] == ("wibble grooming", 3)
    assert ("zzqx", 1) in rep.unmet and ("ancient unmet", 1) in rep.unmet
    assert rep.crisis == 1
    assert rep.total == 9
    assert dict(rep.needs)["food"] >= 2 and "crisis" in dict(rep.needs)
    assert rep.entries[0][0] == "food-bank"
    assert "2020-W02" in dict(rep.weeks)
    year, week, _ = dt.date.today().isocalendar()
    this_week = f"{year}-W{week:02d}"
    assert dict(rep.weeks)[this_week] == {"web": 4, "bot": 3, "api": 1}


def test_report_since_leaves_older_searches_out(filled_db):
    rep = Analytics(filled_db).report(since=dt.date(2021, 1, 1))
    assert ("ancient unmet", 1) not in rep.unmet and rep.total == 8


def test_report_command_text(filled_db):
    result = CliRunner().invoke(cli, ["report", "--db", str(filled_db)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Searches by week and channel" in out
    assert re.search(r"^\s+3\s+wibble grooming$", out, re.M)
    assert "Crisis messages: 1" in out
    assert re.search(r"^\s+\d+\s+food-bank$", out, re.M)
    assert out.index("Unmet needs") < out.index("wibble grooming") < out.index("zzqx")


def test_report_command_csv_and_since(filled_db):
    result = CliRunner().invoke(cli, ["report", "--db", str(filled_db), "--csv", "--since", "2021-01-01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "section,item,channel,count"
    assert "unmet needs,wibble grooming,,3" in lines
    assert "crisis messages,,,1" in lines
    assert not any("ancient" in line for line in lines)
    bad = CliRunner().invoke(cli, ["report", "--db", str(filled_db), "--since", "last week"])
    assert bad.exit_code == 2


def test_csv_cells_cannot_run_as_spreadsheet_formulas(db_path):
    Analytics(db_path).connect().close()
    _insert(db_path, _ago(0), "=HYPERLINK(1)", 0)
    assert "\nunmet needs,'=hyperlink(1,,1\n" in Analytics(db_path).report().to_csv()


# --- every front-end records with its channel ------------------------------------------------------
def test_site_and_api_searches_are_recorded(content_dir, index_dir, db_path):
    from directory import create_app

    app = create_app(
        {
            "TESTING": True,
            "CONTENT_DIR": content_dir,
            "INDEX_DIR": index_dir,
            "DB_PATH": db_path,
            "SECRET_KEY": "x",
        }
    )
    client = app.test_client()
    assert client.get("/search?q=food+07700+900123").status_code == 200
    assert client.get("/cy/search?q=bwyd").status_code == 200
    assert client.get("/api/search?q=debt").status_code == 200
    got = rows(db_path)
    assert [(r["channel"], r["lang"]) for r in got] == [("web", "en"), ("web", "cy"), ("api", "en")]
    assert got[0]["query"] == "food [number]"
    assert not {"ip", "user_agent", "chat_id"} & set(got[0])


def test_bot_searches_are_recorded(recorded_core, db_path):
    from bot.chats import ChatState
    from bot.conversation import Conversation

    Conversation(recorded_core).reply(
        ChatState(lang="en", lang_set=True), "I need a food parcel, my number is 07700 900123"
    )
    got = rows(db_path)
    assert got and got[-1]["channel"] == "bot"
    assert "07700" not in got[-1]["query"] and "food parcel" in got[-1]["query"]
