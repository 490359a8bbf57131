"""The conversation: a message or a button press in, a reply with buttons out, in English or Welsh.

Transport-free, so Telegram (`bot.telegram_app`), the web chat (`directory.chat`) and the terminal
(`signpost chat`) are thin adapters over `Conversation.reply`. Search and crisis detection come from
the core; the index is read through `core.index` on every message, so a rebuilt index is picked up
without a restart.

A crisis message is answered first with the crisis lines, plainly, and only then (in a second
message) with services. A resident who types anything gets an answer, never a stack trace.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from search_index import Entry, Hit, Results, detect_crisis
from search_index.answers import EXAMPLES, LABELS, crisis_message, no_good_match

from .chats import QUERY_TTL, ChatState
from .phrases import say

PAGE_SIZE = 3  # services per reply
TOPIC_PAGE_SIZE = 8  # services per page when browsing a topic
MAX_RESULT_PAGES = 10
SEARCH_CHARS = 500  # the search reads this much; crisis detection reads the whole message
MAX_TEXT_CHARS = 10_000
MAX_REPLY_CHARS = 4000  # Telegram's limit is 4096
MAX_BODY_CHARS = 1500
FLOOD_LIMIT = 20  # messages per chat ...
FLOOD_WINDOW = 60.0  # ... per this many seconds
GROUP_NOTE_EVERY = 600.0  # seconds between "please message me privately" notes in a group
CALLBACK_MAX_BYTES = 64  # Telegram's limit for button data
OLD_DETAILS_DAYS = 2 * 365

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((\S+?)\)")
_MD_MARKS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")
_MD_HEADING = re.compile(r"^#{1,6}\s*", re.M)
PRIVACY = {"bot": "privacy_bot", "web": "privacy_web", "cli": "privacy_cli"}


@dataclass(frozen=True)
class Button:
    """A button under a reply: `data` is sent back to `Conversation.reply(button=...)`; `url` opens a page."""

    label: str
    data: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """One message to send, and any that follow it (a crisis reply is followed by the services)."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    kind: str = "answer"  # what this is, for adapters and tests: results, crisis, details, flood, ...
    edit: bool = False  # may replace the message whose button was pressed (topic browsing)
    followups: tuple[Reply, ...] = ()

    @property
    def messages(self) -> tuple[Reply, ...]:
        return (self, *self.followups)

    @property
    def all_buttons(self) -> list[Button]:
        return [b for row in self.buttons for b in row]


def clean_message(text: str) -> str:
    """At most 10,000 characters, no control or invisible characters, single spaces."""
    text = _CONTROL.sub(" ", str(text)[:MAX_TEXT_CHARS])
    return " ".join(text.split())


def plain_text(markdown: str) -> str:
    """A volunteer's Markdown as plain text for a chat: links as 'text (url)', no ** or headings."""
    text = _MD_LINK.sub(
        lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", markdown
    )
    text = _MD_HEADING.sub("", text)
    return _MD_MARKS.sub("", text).strip()


def language_name(code: str, lang: str) -> str:
    """'pl' -> 'Polish' (or 'Pwyleg' in Welsh); codes Babel does not know are shown as written."""
    try:
        return Locale.parse({"en": "en_GB", "cy": "cy"}[lang]).languages.get(code, code)
    except (ValueError, KeyError, UnknownLocaleError):
        return code


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _fit(text: str, n: int = MAX_REPLY_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _web_url(url: str) -> str | None:
    """A website as a button link (Telegram only opens http and https links); bare domains get https."""
    url = (url or "").strip()
    if not url or " " in url:
        return None
    if url.lower().startswith(("http://", "https://")):
        return url
    if "." in url and "/" not in url.split(".", 1)[0] and ":" not in url:
        return "https://" + url
    return None


class Conversation:
    """Answers one chat message or button press at a time; the caller keeps each chat's `ChatState`."""

    def __init__(
        self,
        core,
        *,
        channel: str = "bot",
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], dt.date] = dt.date.today,
        flood_limit: int | None = FLOOD_LIMIT,
    ):
        self.core = core
        self.channel = channel
        self.flood_limit = flood_limit  # None: no limit (the terminal, where input may be piped)
        self._clock = clock
        self._today = today

    # --- the one entry point -------------------------------------------------------------------
    def reply(
        self,
        chat_state: ChatState,
        text: str | None = None,
        button: str | None = None,
        lang_hint: str | None = None,
        private: bool = True,
    ) -> Reply | None:
        """Answer `text` (a message; "/command" for commands) or `button` (a pressed button's data).

        With neither, the message was something other than text (a sticker, photo, voice note,
        location): a polite note. `lang_hint` is the platform's language code, a first guess only.
        `private` is False in group chats, where only crisis messages get a full answer.
        Returns None when the best answer is to say nothing (flooding, repeated group notes).
        """
        state = chat_state
        now = self._clock()
        self._guess_language(state, lang_hint)
        if text is not None:
            text = clean_message(text)
        if self._over_flood_limit(state, now):
            return self._flooded(state, text)
        if state.query and now - state.query_time > QUERY_TTL:
            state.forget_query()
        if button is not None:
            return self._press(state, str(button)[: CALLBACK_MAX_BYTES * 2], now)
        if text is None:
            if not private:
                return None
            return Reply(say("not_text", state.lang, examples=EXAMPLES[state.lang]), kind="not_text")
        if text.startswith("/"):
            return self._command(state, text)
        if not private:
            return self._in_group(state, text, now)
        return self._search(state, text, now)

    # --- language, flooding, groups ------------------------------------------------------------
    def _guess_language(self, state: ChatState, hint: str | None) -> None:
        if hint and not state.lang_set:
            state.lang = "cy" if str(hint).lower().replace("_", "-").split("-")[0] == "cy" else "en"
            state.lang_set = True

    def _over_flood_limit(self, state: ChatState, now: float) -> bool:
        if self.flood_limit is None:
            return False
        recent = [t for t in state.recent if 0 <= now - t < FLOOD_WINDOW]
        recent.append(now)
        state.recent = recent[-(self.flood_limit + 1) :]
        if len(state.recent) <= self.flood_limit:
            state.flood_warned = False
            return False
        return True

    def _flooded(self, state: ChatState, text: str | None) -> Reply | None:
        """Over the limit: a crisis message still gets the crisis lines; otherwise one gentle note."""
        crisis = detect_crisis(text) if text else None
        if crisis:
            return self._crisis_reply(crisis.kind, state.lang)
        if state.flood_warned:
            return None
        state.flood_warned = True
        return Reply(say("flood", state.lang), kind="flood")

    def _in_group(self, state: ChatState, text: str, now: float) -> Reply | None:
        crisis = detect_crisis(text)
        if crisis:
            return self._crisis_reply(crisis.kind, state.lang)
        if state.group_noted is not None and now - state.group_noted < GROUP_NOTE_EVERY:
            return None
        state.group_noted = now
        return Reply(say("group", state.lang), kind="group")

    # --- commands ------------------------------------------------------------------------------
    def _command(self, state: ChatState, text: str) -> Reply:
        name = text.split()[0][1:].split("@", 1)[0].lower()
        lang = state.lang
        if name == "start":
            return self._welcome(state)
        if name == "help":
            return Reply(
                say("help", lang) + "\n\n" + say(PRIVACY[self.channel], lang),
                self._again_row(lang),
                kind="help",
            )
        if name in ("categories", "topics", "categoriau", "pynciau"):
            return self._topics(state, edit=False)
        if name in ("cymraeg", "welsh"):
            return self._set_language(state, "cy")
        if name in ("english", "saesneg"):
            return self._set_language(state, "en")
        return Reply(say("unknown_command", lang), kind="unknown_command")

    def _welcome(self, state: ChatState) -> Reply:
        first, second = (state.lang, "en" if state.lang == "cy" else "cy")
        privacy = PRIVACY[self.channel]
        text = "\n\n".join(say("welcome", lg) + "\n" + say(privacy, lg) for lg in (first, second))
        buttons = (
            (Button(say("btn_welsh", first), data="l:cy"), Button(say("btn_english", first), data="l:en")),
            (Button(say("btn_topics", first), data="c"),),
        )
        return Reply(text, buttons, kind="welcome")

    def _set_language(self, state: ChatState, lang: str) -> Reply:
        state.lang, state.lang_set = lang, True
        return Reply(say("lang_set", lang), ((Button(say("btn_topics", lang), data="c"),),), kind="language")

    # --- searching -----------------------------------------------------------------------------
    def _search(self, state: ChatState, text: str, now: float) -> Reply:
        lang = state.lang
        if not any(ch.isalnum() for ch in text):
            return Reply(
                say("no_words", lang, examples=EXAMPLES[lang]),
                ((Button(say("btn_topics", lang), data="c"),),),
                kind="no_words",
            )
        results = self.core.search(text, channel=self.channel, lang=lang)
        state.query, state.query_time, state.offset = text[:SEARCH_CHARS], now, 0
        state.suggestion = results.suggestion
        if results.is_crisis:
            first = self._crisis_reply(results.crisis.kind, lang)
            if not results.hits:
                return first
            services = self._page(state, results.hits, 0, say("results_crisis", lang))
            return Reply(first.text, first.buttons, kind="crisis", followups=(services,))
        if not results.hits:
            return self._nothing(state, results)
        if not results.confident:  # say so plainly; the weak results follow under "might help"
            lab = LABELS[lang]
            page = self._page(state, results.hits, 0, lab["might_help"])
            topics = ((Button(say("btn_topics", lang), data="c"),),)
            return Reply(no_good_match(lang), topics, kind="no_good_match", followups=(page,))
        return self._page(state, results.hits, 0, say("results", lang, query=_short(text, 60)))

    def _crisis_reply(self, kind: str, lang: str) -> Reply:
        return Reply(crisis_message(kind, lang) + "\n\n" + say("crisis_cannot", lang), kind="crisis")

    def _nothing(self, state: ChatState, results: Results) -> Reply:
        """No results is not an error: say so kindly, offer the correction, example words and helplines."""
        lang = state.lang
        lab = LABELS[lang]
        lines = [lab["none"], f"{lab['try']}: {EXAMPLES[lang]}.", lab["helplines"]]
        rows: list[tuple[Button, ...]] = []
        if results.suggestion:
            rows.append(
                (Button(_short(say("btn_did_you_mean", lang, text=results.suggestion), 60), data="y"),)
            )
        rows.append((Button(say("btn_topics", lang), data="c"),))
        return Reply("\n".join(lines), tuple(rows), kind="no_results")

    def _page(self, state: ChatState, hits: Sequence[Hit], offset: int, heading: str) -> Reply:
        lang = state.lang
        shown = list(hits[offset : offset + PAGE_SIZE])
        if not shown:
            return Reply(say("no_more", lang), self._again_row(lang), kind="no_more")
        state.offset = offset
        blocks = [heading]
        rows: list[tuple[Button, ...]] = []
        for n, hit in enumerate(shown, offset + 1):
            blocks.append(self._hit_block(n, hit, lang))
            row = [Button(say("btn_details", lang, n=n), data=self._details_data(hit.entry))]
            url = _web_url(hit.entry.website)
            if url:
                row.append(Button(say("btn_website", lang, n=n), url=url))
            rows.append(tuple(row))
        last_row = []
        if len(hits) > offset + PAGE_SIZE and offset + PAGE_SIZE < PAGE_SIZE * MAX_RESULT_PAGES:
            last_row.append(Button(say("btn_more", lang), data="m"))
        last_row.append(Button(say("btn_again", lang), data="s"))
        rows.append(tuple(last_row))
        return Reply(_fit("\n\n".join(blocks)), tuple(rows), kind="results")

    def _hit_block(self, n: int, hit: Hit, lang: str) -> str:
        entry, lab = hit.entry, LABELS[lang]
        title = entry.title_in(lang) + (f" ({lab['closed']})" if entry.status == "temporarily-closed" else "")
        lines = [f"{n}. {title}", _short(entry.summary_in(lang), 300), f"{lab['why']}: {hit.why(lang)}"]
        contact = [
            f"{lab[key]}: {getattr(entry, key)}"
            for key in ("phone", "website", "hours")
            if getattr(entry, key)
        ]
        if entry.email and not entry.phone:
            contact.insert(0, f"{lab['email']}: {entry.email}")
        lines.extend(contact)
        return "\n".join(lines)

    def _results_again(self, state: ChatState, offset: int) -> Reply:
        """A page of the last search (for "More results" and "Back to the results"), not recorded again."""
        if not state.query:
            return Reply(say("expired", state.lang), self._again_row(state.lang), kind="expired")
        offset = max(0, min(offset, PAGE_SIZE * (MAX_RESULT_PAGES - 1)))
        results = self.core.index.search(state.query, lang=state.lang, limit=offset + PAGE_SIZE + 1)
        if results.is_crisis:
            heading = say("results_crisis", state.lang)
        else:
            key = "more_results" if offset else "results"
            heading = say(key, state.lang, query=_short(state.query, 60))
        return self._page(state, results.hits, offset, heading)

    # --- buttons -------------------------------------------------------------------------------
    def _press(self, state: ChatState, data: str, now: float) -> Reply:
        lang = state.lang
        kind, _, arg = data.partition(":")
        if kind == "d":
            return self._details(state, self.core.index.get(arg))
        if kind == "h":
            return self._details(state, self._entry_by_hash(arg))
        if kind == "m":
            return self._results_again(state, state.offset + PAGE_SIZE)
        if kind == "r":
            return self._results_again(state, state.offset)
        if kind == "s":
            state.forget_query()
            return Reply(
                say("search_prompt", lang, examples=EXAMPLES[lang]),
                ((Button(say("btn_topics", lang), data="c"),),),
                kind="prompt",
            )
        if kind == "y":
            if not state.suggestion:
                return Reply(say("expired", lang), self._again_row(lang), kind="expired")
            return self._search(state, state.suggestion, now)
        if kind == "c":
            if not arg:
                return self._topics(state, edit=True)
            cid, _, start = arg.partition(":")
            return self._topic(state, cid, int(start) if start.isdigit() else 0)
        if kind == "l" and arg in ("en", "cy"):
            return self._set_language(state, arg)
        return Reply(say("expired", lang), self._again_row(lang), kind="expired")

    def _again_row(self, lang: str) -> tuple[tuple[Button, ...], ...]:
        return ((Button(say("btn_again", lang), data="s"), Button(say("btn_topics", lang), data="c")),)

    @staticmethod
    def _details_data(entry: Entry) -> str:
        data = f"d:{entry.slug}"
        if len(data.encode()) <= CALLBACK_MAX_BYTES:
            return data
        return "h:" + hashlib.sha1(entry.slug.encode()).hexdigest()[:16]

    def _entry_by_hash(self, digest: str) -> Entry | None:
        for entry in self.core.index.visible():
            if hashlib.sha1(entry.slug.encode()).hexdigest()[:16] == digest:
                return entry
        return None

    def _details(self, state: ChatState, entry: Entry | None) -> Reply:
        lang = state.lang
        if entry is None or entry.status == "closed":
            return Reply(say("gone", lang), self._again_row(lang), kind="gone")
        lab = LABELS[lang]
        title = entry.title_in(lang) + (f" ({lab['closed']})" if entry.status == "temporarily-closed" else "")
        lines = [title, entry.summary_in(lang), ""]
        if entry.organisation and entry.organisation not in entry.title:
            lines.append(f"{say('label_organisation', lang)}: {entry.organisation}")
        for key in ("phone", "email", "website", "hours", "cost"):
            if getattr(entry, key):
                lines.append(f"{lab[key]}: {getattr(entry, key)}")
        where = ", ".join(x for x in (entry.address, entry.area, entry.postcode) if x)
        if where:
            lines.append(f"{lab['where']}: {where}")
        if entry.ages:
            lines.append(f"{say('label_ages', lang)}: {entry.ages}")
        if entry.languages:
            names = ", ".join(language_name(code, lang) for code in entry.languages)
            lines.append(f"{say('label_languages', lang)}: {names}")
        if entry.referral:
            lines.append(f"{say('label_referral', lang)}: {entry.referral}")
        if entry.access:
            lines.append(f"{say('label_access', lang)}: {entry.access}")
        body = plain_text(entry.body)
        if body:
            lines += [
                "",
                (say("in_english", lang) + "\n" if lang == "cy" else "") + _short(body, MAX_BODY_CHARS),
            ]
        if entry.verified:
            lines += ["", say("checked", lang, date=entry.verified.isoformat())]
            if (self._today() - entry.verified).days > OLD_DETAILS_DAYS:
                lines.append(say("maybe_old", lang))
        rows: list[tuple[Button, ...]] = []
        url = _web_url(entry.website)
        if url:
            rows.append((Button(say("btn_site", lang), url=url),))
        if state.query:
            rows.append((Button(say("btn_back", lang), data="r"),))
        rows.append(self._again_row(lang)[0])
        return Reply(_fit("\n".join(lines)), tuple(rows), kind="details")

    # --- browsing by topic ---------------------------------------------------------------------
    def _topics(self, state: ChatState, edit: bool) -> Reply:
        lang = state.lang
        index = self.core.index
        rows = tuple(
            (Button(c.label(lang), data=f"c:{c.id}"),)
            for c in index.categories
            if index.in_category(c.id) and len(f"c:{c.id}:999".encode()) <= CALLBACK_MAX_BYTES
        )
        return Reply(say("topics", lang), rows, kind="topics", edit=edit)

    def _topic(self, state: ChatState, category_id: str, start: int) -> Reply:
        lang = state.lang
        index = self.core.index
        category = index.category_by_id.get(category_id)
        if category is None:
            return self._topics(state, edit=True)
        entries = index.in_category(category_id)
        label = category.label(lang)
        if not entries:
            return Reply(
                say("topic_empty", lang, topic=label),
                ((Button(say("btn_all_topics", lang), data="c"),),),
                kind="topic",
                edit=True,
            )
        start = start if 0 <= start < len(entries) else 0
        shown = entries[start : start + TOPIC_PAGE_SIZE]
        rows = [
            (Button(_short(f"{n}. {e.title_in(lang)}", 60), data=self._details_data(e)),)
            for n, e in enumerate(shown, start + 1)
        ]
        nav = []
        if start + TOPIC_PAGE_SIZE < len(entries):
            nav.append(Button(say("btn_next", lang), data=f"c:{category_id}:{start + TOPIC_PAGE_SIZE}"))
        nav.append(Button(say("btn_all_topics", lang), data="c"))
        rows.append(tuple(nav))
        lines = [say("topic_entries", lang, topic=label, count=len(entries))]
        lines += [f"{n}. {e.title_in(lang)}" for n, e in enumerate(shown, start + 1)]
        return Reply(_fit("\n".join(lines)), tuple(rows), kind="topic", edit=True)
