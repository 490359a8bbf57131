"""The web chat at /chat and /cy/chat: the bot's conversation as a plain HTML form.

Works without JavaScript: each message or button press is a form POST (with the site's CSRF token)
and the page shows the conversation as a list, buttons as submit buttons. The conversation (the
chat state and the last 10 exchanges) is kept on the server by `backoffice.transcripts`, for 30
minutes after the last message; the session cookie holds only its random id. "Start again" and
"Exit this page" (/exit) delete it; the exit empties the rest of the session too ("My list").
/cymraeg and /english move to the chat in that language.
Chat pages are never cached (`Cache-Control: no-store`, as every page with the quick exit).
"""

from __future__ import annotations

import time

from flask import Blueprint, Flask, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from backoffice.transcripts import Transcripts, chat_db_path
from bot.chats import ChatState
from bot.conversation import Conversation, Reply, privacy_note
from bot.phrases import say

from .chat_text import chat_html, web_buttons
from .core import get_core
from .i18n import WELSH_SUFFIX, page_lang
from .security import csrf

bp = Blueprint("chat", __name__)

SESSION_KEY = "chat"  # the conversation's random id, nothing else
MAX_EXCHANGES = 10
MAX_SHOWN_CHARS = 500  # of each of the resident's messages, as shown back in the conversation
MAX_INPUT_CHARS = 5000
EXIT_URL = "https://www.bbc.co.uk/weather"  # where "Exit this page" goes
CLEAR_SITE_DATA = '"cache", "storage"'  # what the browser forgets on the way out (the cookie is emptied)


def init_app(app: Flask) -> None:
    """Serve the chat in English at /chat and in Welsh at /cy/chat; conversations in CHAT_DB_PATH
    (default: beside the analytics database, else in memory)."""
    path = app.config.get("CHAT_DB_PATH") or (
        chat_db_path(app.config["DB_PATH"]) if app.config.get("DB_PATH") else None
    )
    transcripts = app.extensions["signpost_transcripts"] = Transcripts(path)
    transcripts.prune()  # what expired while the site was stopped goes now, not at the next message
    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/cy", name=f"{bp.name}{WELSH_SUFFIX}")
    app.jinja_env.globals.update(chat_html=chat_html, web_buttons=web_buttons)


def _transcripts() -> Transcripts:
    return current_app.extensions["signpost_transcripts"]


def _conversation() -> Conversation:
    conv = current_app.extensions.get("signpost_chat")
    if conv is None:  # wall-clock time: the session outlives this process and its monotonic clock
        conv = current_app.extensions["signpost_chat"] = Conversation(
            get_core(), channel="chat", clock=time.time, analytics=current_app.extensions["analytics"]
        )
    return conv


def _saved() -> tuple[str | None, ChatState, list[dict]]:
    """This browser's conversation id (None if it has none, or it expired), state and exchanges."""
    chat_id = session.get(SESSION_KEY)
    data = _transcripts().load(chat_id) if isinstance(chat_id, str) else None
    if data is None:
        return None, ChatState(), []
    log = data.get("log") if isinstance(data.get("log"), list) else []
    return chat_id, ChatState.from_dict(data.get("state")), [x for x in log if isinstance(x, dict)]


def _save(chat_id: str | None, state: ChatState, log: list[dict]) -> None:
    """Keep the state and the last exchanges (buttons only on the newest) under the id in the cookie."""
    if chat_id is None:
        chat_id = session[SESSION_KEY] = Transcripts.new_id()
    log = log[-MAX_EXCHANGES:]
    kept = [{**ex, "bot": [{**m, "buttons": []} for m in ex.get("bot", [])]} for ex in log[:-1]] + log[-1:]
    _transcripts().save(chat_id, {"state": state.to_dict(), "log": kept})


def _end() -> None:
    """Delete this browser's conversation, on the server and from the cookie."""
    chat_id = session.pop(SESSION_KEY, None)
    if isinstance(chat_id, str):
        _transcripts().end(chat_id)


def _as_dicts(reply: Reply | None) -> list[dict]:
    if reply is None:
        return []
    return [
        {
            "text": m.text,
            "kind": m.kind,
            "buttons": [[{"label": b.label, "data": b.data, "url": b.url} for b in row] for row in m.buttons],
        }
        for m in reply.messages
    ]


def _button_label(log: list[dict], data: str) -> str:
    for message in reversed(log[-1]["bot"] if log else []):
        for row in message.get("buttons", []):
            for b in row:
                if b.get("data") == data:
                    return b.get("label", "")
    return ""


def _chat_url(lang: str) -> str:
    return url_for(f"chat{WELSH_SUFFIX}.chat" if lang == "cy" else "chat.chat")


@bp.get("/chat")
def chat():
    """The conversation so far (or the welcome) and the message box."""
    lang = page_lang()
    _, state, log = _saved()
    if not log:
        log = [{"you": "", "bot": [_hello(lang)]}]
    return _page(lang, log)


def _hello(lang: str) -> dict:
    """The first message of the web chat, in the page's language (the privacy line is on the page)."""
    return {
        "text": _(
            "Hello. Tell me in a few words what you need, for example “food bank”, “help with debt” or "
            "“English classes”, and I'll suggest services in Wrexham and how to contact them."
        ),
        "kind": "welcome",
        "buttons": [[{"label": say("btn_topics", lang), "data": "c", "url": None}]],
    }


@bp.post("/chat")
def send():
    """One message or button press; the page answers with the reply in full."""
    lang = page_lang()
    if request.form.get("action") == "clear":
        _end()
        return _not_stored(redirect(_chat_url(lang), 303))
    chat_id, state, log = _saved()
    state.lang, state.lang_set = lang, True  # the address decides the language
    pressed = request.form.get("button")
    text = request.form.get("text", "")[:MAX_INPUT_CHARS]
    if pressed:
        you = _button_label(log, pressed) or pressed
        reply = _conversation().reply(state, button=pressed[:200])
    else:
        you = " ".join(text.split())
        reply = _conversation().reply(state, text=text)
    log.append({"you": you[:MAX_SHOWN_CHARS], "bot": _as_dicts(reply)})
    _save(chat_id, state, log)
    if reply is not None and state.lang != lang:  # "in Welsh please", or a message written in Welsh
        return _not_stored(redirect(_chat_url(state.lang), 303))
    return _page(lang, log)


@bp.route("/exit", methods=["GET", "POST"])  # POST: app.js tells it in the background
@csrf.exempt  # ending one's own conversation needs no token (and the beacon carries none)
def leave():
    """Quick exit: the conversation, "My list" and the rest of this browser's session are deleted, the
    browser is told to forget this site's cached pages and stored data, and goes on to a neutral site."""
    _end()
    session.clear()  # "My list", and any message still to show ("Added … to your list"), go too
    # POST is app.js's beacon: the browser is already on its way, so there is nowhere to redirect it.
    response = _not_stored(
        redirect(EXIT_URL, 303) if request.method == "GET" else current_app.response_class(status=204)
    )
    response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


def _not_stored(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _page(lang: str, log: list[dict]):
    crisis = any(m.get("kind") == "crisis" for ex in log for m in ex.get("bot", []))
    return render_template(
        "chat.html",
        log=log,
        privacy=privacy_note("chat", lang),
        show_exit=True,
        crisis=crisis,
        chat_lang=lang,
    )
