"""What is kept of a resident's searches is what the README, the bot's /start and /help and the chat
page say: a session on every channel with names, addresses, dates of birth and crisis words, then the
real SQLite file is read."""

from __future__ import annotations

import html
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import BOT_ENTRIES, make_app, make_content

from bot.chats import ChatState
from bot.conversation import Conversation
from bot.phrases import say

ROOT = Path(__file__).resolve().parents[1]
SESSION = [
    "I'm Sarah Jones from 22 Bryn Offa Caia Park, my husband Dave Jones hits me",
    "my daughter Rose Jones is 7 (born 14/02/2019) and needs a food bank",
    "Flat 4, 12 Maes Glas, LL13 9ET, my name is Bethan Pritchard and I can't pay the rent",
    "call Priya on 07700 900123 or priya.shah@example.org about debt",
    "I want to kill myself",
    "Dw i angen bwyd, Dafydd ydw i o Ffordd Rhosddu",
]
# what a reader could identify someone by: none of it may be anywhere in the database file
IDENTIFYING = [
    "sarah", "jones", "bryn", "offa", "caia", "dave", "rose", "bethan", "pritchard", "maes", "glas",
    "ll13", "9et", "priya", "shah", "example", "07700", "900123", "2019", "14/02", "dafydd", "rhosddu",
    "kill", "myself",
]  # fmt: skip


@pytest.fixture
def app(tmp_path):
    content = make_content(tmp_path / "content", BOT_ENTRIES)
    return make_app(
        content, tmp_path / "index", DB_PATH=tmp_path / "var" / "signpost.db", WTF_CSRF_ENABLED=False
    )


def _readme_columns() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| column | what it holds |") :].split("\n\n", 1)[0]
    return [c for line in table.splitlines()[2:] for c in re.findall(r"`(\w+)`", line.split("|")[1])]


def test_a_session_on_every_channel_keeps_only_what_the_texts_say(app, tmp_path):
    db = Path(app.config["DB_PATH"])
    client = app.test_client()
    core = app.extensions["signpost"]
    for message in SESSION:
        lang = "cy" if message.startswith("Dw") else "en"
        prefix = "/cy" if lang == "cy" else ""
        assert client.get(f"{prefix}/search", query_string={"q": message}).status_code == 200
        assert client.post(f"{prefix}/chat", data={"text": message}).status_code == 200
        Conversation(core, channel="bot").reply(ChatState(lang=lang, lang_set=True), text=message)

    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute("SELECT * FROM searches ORDER BY id")]
    conn.close()
    # every column is one the README lists, and the README lists no column that is not there
    assert sorted(set(rows[0]) - {"id"}) == sorted(_readme_columns())
    assert {r["channel"] for r in rows} == {"web", "chat", "bot"}
    assert len(rows) == 3 * len(SESSION)
    for row in rows:
        if row["crisis"]:  # a crisis message is counted by kind, nothing else
            assert row["crisis_kind"] and not row["words"] and not row["categories"] and row["top"] is None
    assert {r["crisis_kind"] for r in rows if r["crisis"]} >= {"suicide", "abuse"}
    kept = {w for r in rows for w in r["words"].split()}
    assert {"daughter", "food", "rent", "debt", "bwyd"} <= kept
    raw = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*")).lower()
    for slug in core.index.entries:  # the directory's own names for its entries ("caia-food-bank")
        raw = raw.replace(slug.encode(), b"")
    for word in IDENTIFYING:
        assert word.encode() not in raw, word
    assert db.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_start_help_and_the_chat_page_say_what_is_kept(app, lang):
    kept = say("privacy_kept", lang)
    core = app.extensions["signpost"]
    for channel in ("bot", "chat"):
        conv = Conversation(core, channel=channel)
        assert kept in conv.reply(ChatState(lang=lang, lang_set=True), text="/start").text
        assert kept in conv.reply(ChatState(lang=lang, lang_set=True), text="/help").text
    page = app.test_client().get("/cy/chat" if lang == "cy" else "/chat").get_data(as_text=True)
    assert kept in html.unescape(page)


def test_the_texts_name_what_the_database_keeps():
    """The sentence residents read and the README's table describe the same columns."""
    en = say("privacy_kept", "en")
    for described in ("need", "names, addresses, numbers or dates", "topics", "how many", "language"):
        assert described in en
    for channel_word in ("website", "chat", "Telegram"):
        assert channel_word in en
    assert "danger is only counted" in en
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "never keep what a resident typed" in readme
