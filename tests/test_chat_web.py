"""The web chat at /chat and /cy/chat, through the Flask test client: plain forms, no JavaScript."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import sqlite3
import zlib

import pytest
from conftest import BOT_ENTRIES, make_app, make_content

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def chat_app(tmp_path):
    content = make_content(tmp_path / "content", BOT_ENTRIES)
    return make_app(content, tmp_path / "index", CHAT_DB_PATH=tmp_path / "var" / "chat.db")


class Chat:
    """A resident using the chat page: reads the form, posts it back with its CSRF token."""

    def __init__(self, client, prefix: str = ""):
        self.client = client
        self.prefix = prefix
        self.page = client.get(f"{prefix}/chat")
        assert self.page.status_code == 200

    @property
    def text(self) -> str:
        return html.unescape(self.page.get_data(as_text=True))

    def token(self) -> str:
        return CSRF_RE.search(self.page.get_data(as_text=True)).group(1)

    def post(self, **form):
        self.page = self.client.post(f"{self.prefix}/chat", data={"csrf_token": self.token(), **form})
        return self.page

    def say(self, text: str):
        return self.post(text=text)

    def press(self, label: str):
        """Press the submit button with this label in the latest reply."""
        page = self.page.get_data(as_text=True)
        m = re.search(
            r'<button[^>]*name="button" value="([^"]*)">'
            + re.escape(html.escape(label, quote=False))
            + "</button>",
            page,
        )
        assert m, f"no button {label!r}"
        return self.post(button=html.unescape(m.group(1)))

    def log(self) -> list:
        """The exchanges kept on the server for this browser."""
        with self.client.session_transaction() as s:
            chat_id = s.get("chat")
        data = self.client.application.extensions["signpost_transcripts"].load(chat_id) if chat_id else None
        return (data or {}).get("log", [])


def test_the_chat_page_welcomes_and_says_what_is_kept(chat_app):
    chat = Chat(chat_app.test_client())
    text = chat.text
    assert "<h1>Chat with Signpost</h1>" in text
    assert "Tell me in a few words what you need" in text and "Helo" not in text
    assert "/categories" not in text and "/cymraeg" not in text  # no commands to type on a web page
    assert (
        text.count("This conversation is kept on our server, not in your browser, and deleted 30 minutes")
        == 1
    )
    assert "Exit this page" in text  # conversations can be about abuse
    assert 'method="post"' in text and 'name="text"' in text
    scripts = re.findall(r"<script[^>]*>", text)
    assert scripts and all("src=" in s for s in scripts), "CSP forbids inline script"
    assert "'unsafe-inline'" not in chat.page.headers["Content-Security-Policy"]


def test_a_question_shows_services_with_buttons_that_work_without_javascript(chat_app):
    chat = Chat(chat_app.test_client())
    assert chat.say("food bank").status_code == 200
    text = chat.text
    assert "You: food bank" in re.sub(r"<[^>]+>", "", text).replace("  ", " ") or "food bank</li>" in text
    assert "Services that may help with “food bank”:" in text
    # the service's name links to its page, its number can be tapped, its website opened
    assert re.search(r'1\. <a href="/services/caia-food-bank">[^<]+</a>', text)
    assert 'Phone: <a href="tel:01632960001">01632 960001</a>' in text
    assert '<a href="https://example.org/food" rel="noopener">https://example.org/food</a>' in text
    assert "Details 1" not in text and "Website 1" not in text  # links, not Telegram's numbered buttons
    assert 'action="/chat#latest"' in text  # the answer opens at the newest reply, without JavaScript
    chat.post(button="d:caia-food-bank")  # a details button from an older page still answers
    assert "Run by: Caia Park Partnership" in chat.text


def test_more_results_and_search_again(chat_app):
    chat = Chat(chat_app.test_client())
    chat.say("food")
    chat.press("More results")
    assert "More services for “food”:" in chat.text and "4. " in chat.text
    chat.press("Search again")
    assert "What are you looking for?" in chat.text


def test_a_crisis_message_shows_the_crisis_lines_first(chat_app):
    chat = Chat(chat_app.test_client())
    chat.say("I want to kill myself")
    text = chat.text
    latest = text[text.index('id="latest"') :]
    assert latest.index('Samaritans: call <a href="tel:116123">116 123</a>') < latest.index(
        "Services that can help:"
    )
    assert "chat-crisis" in text and "cannot call anyone or send help" in text


def test_the_welsh_chat_answers_in_welsh(chat_app):
    chat = Chat(chat_app.test_client(), prefix="/cy")
    assert '<html lang="cy">' in chat.text
    assert "Dywedwch wrtha i mewn ychydig eiriau" in chat.text and "Hello" not in chat.text
    assert "Sgwrsio ag Arwyddbost" in chat.text and 'action="/cy/chat#latest"' in chat.text
    chat.say("gwersi Saesneg")
    assert "Gwasanaethau a allai helpu gyda “gwersi Saesneg”:" in chat.text
    assert "Dosbarthiadau Saesneg (ESOL) yn yr hyb" in chat.text
    assert 'Ffôn: <a href="tel:01632960003">01632 960003</a>' in chat.text


def test_language_commands_move_to_the_other_language(chat_app):
    client = chat_app.test_client()
    chat = Chat(client)
    resp = chat.say("/cymraeg")
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/cy/chat")
    welsh = Chat(client, prefix="/cy")
    assert "Iawn, bydda i'n ateb yn Gymraeg" in welsh.text
    resp = welsh.say("/english")
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/chat")


def test_posting_without_the_csrf_token_is_refused(chat_app):
    client = chat_app.test_client()
    client.get("/chat")
    assert client.post("/chat", data={"text": "food bank"}).status_code == 400


@pytest.mark.parametrize("text", ["", "😀", "\x00\x07", "food bank " * 500, "a" * 5000])
def test_odd_messages_still_get_a_page(chat_app, text):
    chat = Chat(chat_app.test_client())
    assert chat.post(text=text).status_code == 200
    assert 'id="latest"' in chat.text


def test_the_transcript_keeps_at_most_10_exchanges(chat_app):
    chat = Chat(chat_app.test_client())
    for n in range(9):  # 18 exchanges, under the flood limit
        chat.say("food bank" if n % 2 == 0 else "english classes")
        chat.post(button="d:caia-food-bank")
        cookie = chat.page.headers.get("Set-Cookie", "")
        assert len(cookie) < 4000, len(cookie)
    log = chat.log()
    assert 1 <= len(log) <= 10
    assert log[-1]["you"] == "Details 1"  # the transcript names the button by its label
    assert "Run by: Caia Park Partnership" in chat.text  # the latest reply is shown in full


def test_start_again_forgets_the_conversation(chat_app):
    client = chat_app.test_client()
    chat = Chat(client)
    chat.say("food bank")
    assert chat.log()
    resp = chat.post(action="clear")
    assert resp.status_code == 303
    assert Chat(client).log() == []


def test_a_stale_button_gets_an_answer(chat_app):
    chat = Chat(chat_app.test_client())
    chat.post(button="m")
    assert "That search has expired" in chat.text
    chat.post(button="d:" + "x" * 300)
    assert "no longer listed" in chat.text


def test_the_flood_limit_applies_to_the_web_chat_too(chat_app):
    chat = Chat(chat_app.test_client())
    for _ in range(20):
        chat.say("food bank")
    chat.say("food bank")
    assert "faster than I can answer them well" in chat.text


def test_welsh_typed_into_the_english_chat_moves_it_to_welsh(chat_app):
    chat = Chat(chat_app.test_client())
    resp = chat.say("dw i angen help gyda bwyd")
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/cy/chat")
    assert chat.log()[-1]["bot"][0]["text"].startswith("Gwasanaethau a allai helpu")


def test_the_web_chat_answers_a_follow_up_about_the_service_shown(chat_app):
    chat = Chat(chat_app.test_client())
    chat.say("food bank")
    chat.say("is it free?")
    assert "Caia food bank: Free" in re.sub(r"<[^>]+>", "", chat.text)  # the name is a link to its page
    chat.say("hi")
    assert "Sorry, I could not find" not in chat.log()[-1]["bot"][0]["text"]


# --- what is kept, and where --------------------------------------------------------------------
def session_cookie(client) -> tuple[str, dict]:
    """The session cookie as sent to the browser, and what anyone at the computer can read in it."""
    value = client.get_cookie("session").value
    payload = value.lstrip(".").split(".")[0]
    data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if value.startswith("."):  # itsdangerous compresses long payloads
        data = zlib.decompress(data)
    return value, json.loads(data)


def test_the_session_cookie_holds_a_random_id_and_none_of_the_conversation(chat_app):
    client = chat_app.test_client()
    chat = Chat(client)
    chat.say("I'm Sarah Jones from 22 Bryn Offa, my husband Dave hits me")
    chat.say("food bank")
    raw, readable = session_cookie(client)
    assert set(readable) <= {"chat", "csrf_token"}, readable
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", readable["chat"]), "an opaque random id"
    decoded = json.dumps(readable)
    for words in ("Sarah", "Bryn Offa", "hits me", "food bank", "Live Fear Free", "Caia"):
        assert words not in decoded and words not in raw
    # the conversation is on the server, in a file only the site's user can read, not under the id itself
    db = chat_app.config["CHAT_DB_PATH"]
    assert db.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT key, data FROM transcripts").fetchall()
    assert len(rows) == 1 and rows[0][0] == hashlib.sha256(readable["chat"].encode()).hexdigest()
    assert "Sarah Jones" in rows[0][1] and readable["chat"] not in rows[0][1]
    assert "Sarah Jones" in chat.text  # and the resident still sees the conversation


def test_quick_exit_ends_the_conversation_so_the_next_person_cannot_open_it(chat_app):
    client = chat_app.test_client()
    chat = Chat(client)
    chat.say("my partner hits me")
    assert 'href="/exit"' in chat.text and "Exit this page" in chat.text
    copied = client.get_cookie("session").value  # as if someone copied the cookie before the exit
    left = client.get("/exit")
    assert left.status_code == 303 and left.headers["Location"] == "https://www.bbc.co.uk/weather"
    assert left.headers["Cache-Control"] == "no-store"
    assert len(chat_app.extensions["signpost_transcripts"]) == 0, "deleted on the server"
    assert client.get_cookie("session") is None, "the cookie with the conversation's id is deleted"
    for browser in (client, chat_app.test_client()):
        if browser is not client:
            browser.set_cookie("session", copied)
        page = html.unescape(browser.get("/chat").get_data(as_text=True))
        assert "partner hits me" not in page and "Live Fear Free" not in page
        assert "Tell me in a few words what you need" in page


def test_the_welsh_chat_leaves_through_the_welsh_exit(chat_app):
    chat = Chat(chat_app.test_client(), prefix="/cy")
    chat.say("mae e'n fy nharo i")
    assert 'href="/cy/exit"' in chat.text
    assert chat.client.get("/cy/exit").headers["Location"] == "https://www.bbc.co.uk/weather"
    assert chat.log() == []


@pytest.mark.parametrize("method, status", [("get", 303), ("post", 204)])  # the link, and app.js's beacon
def test_quick_exit_empties_my_list_too(chat_app, method, status):
    client = chat_app.test_client()
    chat = Chat(client)
    chat.say("my partner hits me")
    client.post("/list/add", data={"slug": "live-fear-free", "csrf_token": chat.token()})
    assert "Live Fear Free" in html.unescape(client.get("/list").get_data(as_text=True))
    left = getattr(client, method)("/exit")
    assert left.status_code == status
    assert left.headers["Clear-Site-Data"] == '"cache", "storage"'  # and the browser forgets the rest
    assert client.get_cookie("session") is None, "the cookie that held the list is deleted"
    page = html.unescape(client.get("/list").get_data(as_text=True))
    assert "Your list is empty" in page and "Live Fear Free" not in page


def test_start_again_deletes_the_conversation_on_the_server(chat_app):
    client = chat_app.test_client()
    chat = Chat(client)
    chat.say("food bank")
    assert len(chat_app.extensions["signpost_transcripts"]) == 1
    chat.post(action="clear")
    assert len(chat_app.extensions["signpost_transcripts"]) == 0


def test_a_conversation_idle_for_30_minutes_is_gone(chat_app):
    from backoffice.transcripts import Transcripts

    now = [1_000_000.0]
    store = Transcripts(chat_app.config["CHAT_DB_PATH"], clock=lambda: now[0])
    chat_app.extensions["signpost_transcripts"] = store
    client = chat_app.test_client()
    chat = Chat(client)
    chat.say("food bank")
    now[0] += 29 * 60
    assert "food bank" in html.unescape(client.get("/chat").get_data(as_text=True))
    chat = Chat(client)
    chat.say("english classes")  # a message keeps it for another 30 minutes
    now[0] += 29 * 60
    assert "english classes" in html.unescape(client.get("/chat").get_data(as_text=True))
    now[0] += 2 * 60
    page = html.unescape(client.get("/chat").get_data(as_text=True))
    assert "english classes" not in page and "Tell me in a few words what you need" in page
    assert store.prune() == 1 and len(store) == 0, "and deleted from the file"


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_chat_pages_are_never_cached(chat_app, prefix):
    chat = Chat(chat_app.test_client(), prefix=prefix)
    assert chat.page.headers["Cache-Control"] == "no-store"
    assert chat.say("food bank").headers["Cache-Control"] == "no-store"
    assert chat.post(action="clear").headers["Cache-Control"] == "no-store"
    title = re.search(
        r"<title>(.*?)</title>", chat.client.get(f"{prefix}/chat").get_data(as_text=True)
    ).group(1)
    assert "food bank" not in title


def test_the_welsh_chat_names_areas_in_welsh(chat_app):
    """The food bank gives no Welsh area name; the lunch club in Caia Park gives "Parc Caia"."""
    chat = Chat(chat_app.test_client(), "/cy")
    chat.say("banc bwyd")
    chat.say("ble mae e?")
    latest = chat.text.rsplit('id="latest"', 1)[-1]
    assert "Parc Caia" in latest and "Caia Park" not in latest
    chat.say("ym Mharc Caia")
    assert "Parc Caia" in chat.text.rsplit('id="latest"', 1)[-1]


def test_service_names_are_found_where_a_pattern_of_every_name_finds_them():
    """`ServiceNames` (no compiled pattern of 10,000 names) finds exactly what the regular expression
    it replaced finds: every name, longest first, never inside a word, left to right. Random texts
    made of the names, parts of them, word characters and punctuation, against that pattern."""
    import random

    from directory.chat_text import MIN_TITLE_CHARS, ServiceNames

    names = [
        "Caia Food Bank",
        "Caia Food",
        "Food Bank",
        "Food",
        "Tŷ Pawb",
        "Tŷ Pawb Café",
        "AA Wrexham",
        "(Drop-in) Advice",
        "Advice",
        "Shout 85258",
        "C.A.B.",
        "Gwasanaeth_Ieuenctid",
        "Bwyd",
    ]
    names = [n for n in names if len(n) >= MIN_TITLE_CHARS]
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
    finder = ServiceNames({n: n.lower() for n in names})
    rng = random.Random(10)
    pieces = names + [n[: rng.randint(1, len(n))] for n in names] + list("ab_1 ,.()-ŷé\n") + ["  "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
        assert list(finder.find(text)) == expected, text
    assert list(finder.find("Caia Food Bank, Food Banks and Tŷ Pawb Café")) == [
        (0, 14, "Caia Food Bank"),
        (16, 20, "Food"),  # not "Food Bank": it goes on into "Banks"
        (31, 43, "Tŷ Pawb Café"),
    ]
