"""The web chat at /chat and /cy/chat: the bot's conversation as a plain HTML form.

Works without JavaScript: each message or button press is a form POST (with the site's CSRF token)
and the page shows the conversation as a list, buttons as submit buttons. The Flask session keeps
the language, the paging and a short transcript (at most 10 exchanges, trimmed to fit the cookie);
the latest reply is shown in full on the page that answers the POST. /cymraeg and /english move to
the chat in that language.
"""

from __future__ import annotations

import json
import time

from flask import Blueprint, Flask, current_app, redirect, render_template, request, session, url_for

from bot.chats import ChatState
from bot.conversation import Conversation, Reply
from bot.phrases import say

from .core import get_core
from .i18n import WELSH_SUFFIX, page_lang

bp = Blueprint("chat", __name__)

SESSION_KEY = "chat"
MAX_EXCHANGES = 10
LOG_BUDGET = 2200  # characters of transcript kept in the session cookie (cookies hold about 4 KB)
OLD_TEXT_CHARS = 280  # earlier replies are kept this short in the transcript
MAX_INPUT_CHARS = 5000

PAGE = {
    "title": {"en": "Chat with Signpost", "cy": "Sgwrsio â Signpost"},
    "intro": {
        "en": "Ask in your own words and Signpost suggests services in Wrexham. No person reads this chat: "
        "in an emergency call 999.",
        "cy": "Gofynnwch yn eich geiriau eich hun ac mae Signpost yn awgrymu gwasanaethau yn Wrecsam. Does "
        "neb yn darllen y sgwrs hon: mewn argyfwng ffoniwch 999.",
    },
    "label": {"en": "Your message", "cy": "Eich neges"},
    "send": {"en": "Send", "cy": "Anfon"},
    "restart": {"en": "Start again", "cy": "Dechrau eto"},
    "you": {"en": "You", "cy": "Chi"},
    "bot": {"en": "Signpost", "cy": "Signpost"},
    "log": {"en": "Conversation", "cy": "Sgwrs"},
}


def init_app(app: Flask) -> None:
    """Serve the chat in English at /chat and in Welsh at /cy/chat."""
    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/cy", name=f"{bp.name}{WELSH_SUFFIX}")


def _conversation() -> Conversation:
    conv = current_app.extensions.get("signpost_chat")
    if conv is None:  # wall-clock time: the session outlives this process and its monotonic clock
        conv = current_app.extensions["signpost_chat"] = Conversation(
            get_core(), channel="chat", clock=time.time
        )
    return conv


def _saved() -> tuple[ChatState, list[dict]]:
    data = session.get(SESSION_KEY)
    data = data if isinstance(data, dict) else {}
    log = data.get("log") if isinstance(data.get("log"), list) else []
    return ChatState.from_dict(data.get("state")), [x for x in log if isinstance(x, dict)][-MAX_EXCHANGES:]


def _save(state: ChatState, log: list[dict]) -> None:
    """Keep the state and the newest exchanges that fit the budget (older replies shortened)."""
    log = log[-MAX_EXCHANGES:]
    kept: list[dict] = []
    for n, exchange in enumerate(reversed(log)):
        slim = _slim(exchange, full=n == 0)
        if kept and len(json.dumps(kept + [slim], ensure_ascii=False)) > LOG_BUDGET:
            break
        kept.append(slim)
    kept.reverse()
    if len(json.dumps(kept, ensure_ascii=False)) > LOG_BUDGET:  # even the newest is long: shorten it too
        kept = [_slim(kept[-1], full=False)]
    session[SESSION_KEY] = {"state": state.to_dict(), "log": kept}


def _slim(exchange: dict, full: bool) -> dict:
    def cut(text: str) -> str:
        return text if full or len(text) <= OLD_TEXT_CHARS else text[: OLD_TEXT_CHARS - 1].rstrip() + "…"

    bot = [
        {
            "text": cut(m.get("text", "")),
            "kind": m.get("kind", ""),
            "buttons": m.get("buttons", []) if full else [],
        }
        for m in exchange.get("bot", [])
    ]
    return {"you": cut(exchange.get("you", ""))[:300], "bot": bot}


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
    state, log = _saved()
    if not log:
        state.lang = lang
        log = [{"you": "", "bot": _as_dicts(_conversation().reply(state, text="/start"))}]
    return _page(lang, log)


@bp.post("/chat")
def send():
    """One message or button press; the page answers with the reply in full."""
    lang = page_lang()
    if request.form.get("action") == "clear":
        session.pop(SESSION_KEY, None)
        return redirect(_chat_url(lang), 303)
    state, log = _saved()
    state.lang, state.lang_set = lang, True  # the address decides the language
    pressed = request.form.get("button")
    text = request.form.get("text", "")[:MAX_INPUT_CHARS]
    if pressed:
        you = _button_label(log, pressed) or pressed
        reply = _conversation().reply(state, button=pressed[:200])
    else:
        you = " ".join(text.split())
        reply = _conversation().reply(state, text=text)
    log.append({"you": you, "bot": _as_dicts(reply)})
    _save(state, log)
    if reply is not None and reply.kind == "language" and state.lang != lang:
        return redirect(_chat_url(state.lang), 303)
    return _page(lang, log)


def _page(lang: str, log: list[dict]):
    texts = {key: value[lang] for key, value in PAGE.items()}
    texts["privacy"] = say("privacy_web", lang) + " " + say("privacy_kept", lang)
    crisis = any(m.get("kind") == "crisis" for ex in log for m in ex.get("bot", []))
    return render_template("chat.html", log=log, t=texts, show_exit=True, crisis=crisis, chat_lang=lang)
