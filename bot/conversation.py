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
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from search_index import (
    EXAMPLES,
    LABELS,
    OTHER_LANGUAGES,
    AreaNames,
    CrisisSignal,
    Entry,
    Hit,
    Results,
    clean_text,
    contact_lines,
    crisis_message,
    detect_crisis,
    identify_language,
    language_name,
    no_good_match,
    place_text,
)

from . import intents
from .chats import QUERY_TTL, ChatState
from .other_languages import language_help
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

_MD_LINK = re.compile(r"\[([^\]]+)\]\((\S+?)\)")
_MD_MARKS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")
_MD_HEADING = re.compile(r"^#{1,6}\s*", re.M)
PRIVACY = {"bot": "privacy_bot", "chat": "privacy_web", "web": "privacy_web", "cli": "privacy_cli"}


def privacy_note(channel: str, lang: str) -> str:
    """What `channel` keeps, and what the staff reports keep of a search."""
    return say(PRIVACY[channel], lang) + " " + say("privacy_kept", lang)


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
    crisis: str | None = None  # the kind of crisis a "crisis" reply answers (for the short crisis reply)
    followups: tuple[Reply, ...] = ()

    @property
    def messages(self) -> tuple[Reply, ...]:
        return (self, *self.followups)

    @property
    def all_buttons(self) -> list[Button]:
        return [b for row in self.buttons for b in row]


def clean_message(text: str) -> str:
    """At most 10,000 characters, no control or invisible characters, single spaces."""
    return clean_text(str(text), MAX_TEXT_CHARS, normalise=False)


def plain_text(markdown: str) -> str:
    """A volunteer's Markdown as plain text for a chat: links as 'text (url)', no ** or headings."""
    text = _MD_LINK.sub(
        lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", markdown
    )
    text = _MD_HEADING.sub("", text)
    return _MD_MARKS.sub("", text).strip()


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
        analytics=None,
    ):
        self.core = core
        self.analytics = analytics  # counts "Did this help?" (backoffice.analytics.Analytics), or None
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
        location: tuple[float, float] | None = None,
    ) -> Reply | None:
        """Answer `text` (a message; "/command" for commands) or `button` (a pressed button's data).

        `location` is a shared (latitude, longitude): it sets the area services are sorted by.
        With none of these, the message was something other than text (a sticker, a voice note):
        a polite note. `lang_hint` is the platform's language code, a first guess only.
        `private` is False in group chats, where only crisis messages get a full answer.
        Returns None when the best answer is to say nothing (flooding, repeated group notes).
        """
        state = chat_state
        now = self._clock()
        self._guess_language(state, lang_hint)
        if text is not None:
            text = clean_message(text)
            if not text.startswith("/"):
                self._follow_language(state, text)
        if self._over_flood_limit(state, now):
            return self._flooded(state, text)
        if state.query and now - state.query_time > QUERY_TTL:
            state.forget_query()
        if button is not None:
            return self._press(state, str(button)[: CALLBACK_MAX_BYTES * 2], now)
        if location is not None and private:
            return self._located(state, location, now)
        if text is None:
            if not private:
                return None
            return Reply(say("not_text", state.lang, examples=EXAMPLES[state.lang]), kind="not_text")
        if text.startswith("/"):
            return self._command(state, text)
        if not private:
            return self._in_group(state, text, now)
        return self._message(state, text, now)

    # --- language, flooding, groups ------------------------------------------------------------
    def _guess_language(self, state: ChatState, hint: str | None) -> None:
        if hint and not state.lang_set:
            state.lang = "cy" if str(hint).lower().replace("_", "-").split("-")[0] == "cy" else "en"
            state.lang_set = True

    def _follow_language(self, state: ChatState, text: str) -> None:
        """A message clearly in Welsh or English turns the chat to that language (the crisis reply too)."""
        guess = identify_language(text)
        if guess.lang != state.lang and guess.sentence:
            state.lang, state.lang_set = guess.lang, True

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
            return self._crisis_reply(crisis, state.lang)
        if state.flood_warned:
            return None
        state.flood_warned = True
        return Reply(say("flood", state.lang), kind="flood")

    def _in_group(self, state: ChatState, text: str, now: float) -> Reply | None:
        crisis = detect_crisis(text)
        if crisis:
            return self._crisis_reply(crisis, state.lang)
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
                say("help", lang) + "\n\n" + privacy_note(self.channel, lang),
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
        """Short (under 400 characters), in the chat's language, with a button for the other one."""
        lang = state.lang
        # in Telegram, /start stays under 400 characters: what the reports keep, and /help says the rest
        privacy = say("privacy_kept", lang) if self.channel == "bot" else privacy_note(self.channel, lang)
        text = say("welcome", lang) + "\n" + privacy
        other = Button(say("btn_english", lang), data="l:en") if lang == "cy" else None
        other = other or Button(say("btn_welsh", lang), data="l:cy")
        buttons = ((other, Button(say("btn_topics", lang), data="c")),)
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
        state.suggestion, state.rated, state.focus = results.suggestion, False, None
        if results.is_crisis:
            state.rated = True  # no "Did this help?" under the crisis lines
        if results.is_crisis and results.crisis.tier == "concern":  # the services, then "Are you safe?"
            answer = (
                self._page(state, results.hits, 0, say("results", lang, query=_short(text, 60)))
                if results.hits
                else self._nothing(state, results)
            )
            return Reply(
                answer.text,
                answer.buttons,
                answer.kind,
                followups=answer.followups + (self._crisis_reply(results.crisis, lang),),
            )
        if results.is_crisis:
            first = self._crisis_reply(results.crisis, lang)
            if not results.hits:
                return first
            services = self._page(state, results.hits, 0, say("results_crisis", lang))
            return Reply(first.text, first.buttons, kind="crisis", crisis=first.crisis, followups=(services,))
        if not results.hits:
            return self._nothing(state, results)
        if not results.confident:  # say so plainly; the weak results follow under "might help"
            lab = LABELS[lang]
            page = self._page(state, results.hits, 0, lab["might_help"])
            topics = ((Button(say("btn_topics", lang), data="c"),),)
            return Reply(no_good_match(lang), topics, kind="no_good_match", followups=(page,))
        if state.area:
            return self._page(state, self._near_first(state, results.hits), 0, self._near_heading(state))
        return self._page(state, results.hits, 0, say("results", lang, query=_short(text, 60)))

    def _crisis_reply(self, crisis: CrisisSignal, lang: str) -> Reply:
        if (
            crisis.tier == "concern" and crisis.about == "other"
        ):  # softer, about someone else: no "are you safe?"
            return Reply(crisis_message(crisis, lang), kind="concern")
        if crisis.tier == "concern":  # softer: ask, with buttons
            safe = (
                Button(say("btn_safe_yes", lang), data="a:y"),
                Button(say("btn_safe_no", lang), data="a:n"),
            )
            return Reply(crisis_message(crisis, lang), (safe,), kind="concern")
        return Reply(
            crisis_message(crisis, lang) + "\n\n" + say("crisis_cannot", lang),
            kind="crisis",
            crisis=crisis.kind,
        )

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
        state.shown = [hit.entry.slug for hit in shown]
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
        if not state.rated:  # "Did this help?": counted for the staff report, with no words kept
            blocks.append(say("did_it_help", lang))
            rows.append((Button(say("btn_yes", lang), data="f:y"), Button(say("btn_no", lang), data="f:n")))
        return Reply(_fit("\n\n".join(blocks)), tuple(rows), kind="results")

    def _hit_block(self, n: int, hit: Hit, lang: str) -> str:
        entry, lab = hit.entry, LABELS[lang]
        title = entry.title_in(lang) + (f" ({lab['closed']})" if entry.status == "temporarily-closed" else "")
        lines = [f"{n}. {title}", _short(entry.summary_in(lang), 300), f"{lab['why']}: {hit.why(lang)}"]
        keys = ("phone", "website", "hours") if entry.phone else ("email", "website", "hours")
        lines += contact_lines(entry, lang, keys, where=False, show=self._field)
        return "\n".join(lines)

    def _results_again(self, state: ChatState, offset: int) -> Reply:
        """A page of the last search (for "More results" and "Back to the results"), not recorded again."""
        if not state.query:
            return Reply(say("expired", state.lang), self._again_row(state.lang), kind="expired")
        offset = max(0, min(offset, PAGE_SIZE * (MAX_RESULT_PAGES - 1)))
        limit = PAGE_SIZE * MAX_RESULT_PAGES if state.area else offset + PAGE_SIZE + 1
        results = self.core.index.search(state.query, lang=state.lang, limit=limit)
        if state.area and not results.is_crisis:
            return self._page(state, self._near_first(state, results.hits), offset, self._near_heading(state))
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
        if kind == "a":  # "Are you safe right now?"
            if arg == "y":
                return Reply(say("safe_yes", lang), self._again_row(lang), kind="safe")
            return self._crisis_reply(CrisisSignal("suicide", "", tier="crisis"), lang)
        if kind == "l" and arg in ("en", "cy"):
            return self._set_language(state, arg)
        if kind == "f" and arg in ("y", "n"):
            return self._feedback(state, arg == "y")
        if kind == "p":
            return self._person(state)
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
        state.focus = entry.slug
        lab = LABELS[lang]
        title = entry.title_in(lang) + (f" ({lab['closed']})" if entry.status == "temporarily-closed" else "")
        lines = [title, entry.summary_in(lang), ""]
        if entry.organisation and entry.organisation not in entry.title:
            lines.append(f"{say('label_organisation', lang)}: {entry.field_in('organisation', lang)}")
        lines += contact_lines(entry, lang, show=self._field, areas=self.core.index.area_names())
        if entry.ages:
            lines.append(f"{say('label_ages', lang)}: {entry.ages}")
        if entry.languages:
            names = ", ".join(language_name(code, lang) for code in entry.languages)
            lines.append(f"{say('label_languages', lang)}: {names}")
        if entry.referral:
            lines.append(f"{say('label_referral', lang)}: {entry.field_in('referral', lang)}")
        if entry.access:
            lines.append(f"{say('label_access', lang)}: {entry.field_in('access', lang)}")
        body = plain_text(entry.body_in(lang))
        if body:
            english = lang == "cy" and not entry.body_cy
            lines += ["", (say("in_english", lang) + "\n" if english else "") + _short(body, MAX_BODY_CHARS)]
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

    # --- a typed message: small talk, a language, a follow-up, or a search ---------------------
    def _message(self, state: ChatState, text: str, now: float) -> Reply:
        """Crisis first; then a language switch, small talk or a question about the services shown;
        a message in a language we do not answer in; anything else (a new need) is a search."""
        if detect_crisis(text):
            return self._search(state, text, now)
        reading = intents.read(text, context=self._on_screen_words(state), places=self._place_words())
        if reading.intent in ("welsh", "english"):
            return self._set_language(state, "cy" if reading.intent == "welsh" else "en")
        if reading.intent is None and not reading.places:
            guess = identify_language(text)
            if guess.lang in OTHER_LANGUAGES:
                return self._other_language(state, guess.lang, text)
        if reading.intent in intents.SMALL_TALK:
            return self._small_talk(state, reading.intent)
        return self._follow_up(state, text, reading, now) or self._search(state, text, now)

    def _small_talk(self, state: ChatState, intent: str) -> Reply:
        lang = state.lang
        if intent == "person":
            return self._person(state)
        topics = ((Button(say("btn_topics", lang), data="c"),),)
        if intent == "greeting":
            return Reply(say("hello", lang, examples=EXAMPLES[lang]), topics, kind="greeting")
        if intent == "abilities":
            return Reply(say("abilities", lang), topics, kind="abilities")
        return Reply(say(intent, lang), kind=intent)  # thanks, bye

    def _person(self, state: ChatState) -> Reply:
        """The hub's drop-in and how to reach it, then the helplines."""
        lang = state.lang
        hub = self._hub()
        if hub is None:
            return Reply(say("person_no_hub", lang) + "\n\n" + LABELS[lang]["helplines"], kind="person")
        lines = [say("person", lang, hub=hub.title_in(lang))]
        lines += contact_lines(
            hub, lang, ("phone", "email", "hours"), show=self._field, areas=self.core.index.area_names()
        )
        lines += ["", LABELS[lang]["helplines"]]
        row = [Button(say("btn_details", lang, n="").strip(), data=self._details_data(hub))]
        url = _web_url(hub.website)
        if url:
            row.append(Button(say("btn_site", lang), url=url))
        return Reply(_fit("\n".join(lines)), (tuple(row),), kind="person")

    def _hub(self) -> Entry | None:
        """The entry that puts residents in touch: the one most entries name as `contact_via`, else
        the best match for a drop-in (`person_search` in intents.yml)."""
        index = self.core.index
        named: dict[str, int] = {}
        for entry in index.visible():
            slug = getattr(entry, "contact_via", "") or ""
            if slug:
                named[slug] = named.get(slug, 0) + 1
        for slug in sorted(named, key=lambda s: -named[s]):
            entry = index.get(slug)
            if entry is not None and entry.status != "closed":
                return entry
        hits = index.search(intents.person_search(), limit=3).hits
        return next((h.entry for h in hits if not h.crisis_line and h.entry.status == "active"), None)

    # --- follow-ups about the services shown ----------------------------------------------------
    def _on_screen(self, state: ChatState) -> list[Entry]:
        if not state.shown and not state.focus:
            return []
        index = self.core.index
        slugs = state.shown if state.shown else [state.focus]
        return [e for e in (index.get(s) for s in slugs) if e is not None]

    def _on_screen_words(self, state: ChatState) -> set[str]:
        """Stems of the services on screen and of the last search: "is the food bank free?" names them."""
        words = set(intents.keys(state.query or ""))
        for entry in self._on_screen(state):
            for text in (entry.title, entry.title_cy, entry.organisation, entry.area, " ".join(entry.tags)):
                words.update(intents.keys(text))
        return words

    def _place_words(self) -> set[str]:
        """Stems of every name of the known areas, English and Welsh ("caia", "park", "parc")."""
        names = self.core.index.area_names()
        return {
            k for area in self.core.index.areas() for name in names.names(area) for k in intents.keys(name)
        }

    def _follow_up(self, state: ChatState, text: str, reading: intents.Reading, now: float) -> Reply | None:
        """An answer about the services shown, or None when the message is not about them."""
        lang = state.lang
        entries = self._on_screen(state)
        intent = reading.intent
        if intent is None and reading.ordinal is not None and not reading.leftover and entries:
            intent = "details"
        if intent is None and reading.places and not reading.leftover:
            intent = "nearer" if state.query else None
        if intent is None:
            return None
        if intent == "nearer":
            return self._nearer(state, reading, now)
        if not entries:
            return Reply(
                say("which_service", lang, examples=EXAMPLES[lang]),
                ((Button(say("btn_topics", lang), data="c"),),),
                kind="which_service",
            )
        if intent == "more":
            if state.query:
                return self._results_again(state, state.offset + PAGE_SIZE)
            return None
        targets = self._targets(state, text, reading, entries)
        if intent == "details":
            if len(targets) == 1:
                return self._details(state, targets[0])
            return self._results_again(state, state.offset) if state.query else None
        return self._facts(state, intent, targets)

    def _targets(
        self, state: ChatState, text: str, reading: intents.Reading, entries: list[Entry]
    ) -> list[Entry]:
        """Which of the services shown a question is about: "the second one", the one named ("is
        the baby bank free?"), the one whose details are open, else all of them."""
        if reading.ordinal == "last":
            return entries[-1:]
        if isinstance(reading.ordinal, int):
            n = reading.ordinal - state.offset - 1 if reading.ordinal > state.offset else reading.ordinal - 1
            return [entries[n]] if 0 <= n < len(entries) else entries[:1]
        said = set(intents.keys(text))
        overlap = [len(said & set(intents.keys(f"{e.title} {e.title_cy}"))) for e in entries]
        best = max(overlap, default=0)
        if best and overlap.count(best) < len(entries):
            return [e for e, n in zip(entries, overlap, strict=True) if n == best]
        if state.focus:
            focused = [e for e in entries if e.slug == state.focus]
            if focused:
                return focused
        return entries

    def _facts(self, state: ChatState, intent: str, entries: list[Entry]) -> Reply:
        """Cost, hours, where, contact or who-for of each service, from its fields, or an honest
        "I don't know" and whom to ask."""
        lang = state.lang
        blocks = []
        for entry in entries:
            title = entry.title_in(lang)
            if intent in ("cost", "hours"):
                known = [self._field(entry, intent, lang)] if entry.field_in(intent, lang) else []
            elif intent == "where":
                where = place_text(entry, lang, self.core.index.area_names())
                known = [where] if where else []
            elif intent == "contact":
                known = contact_lines(
                    entry, lang, ("phone", "email", "website"), where=False, show=self._field
                )
            else:  # who
                known = [
                    f"{say(key, lang)}: {value}"
                    for key, value in (
                        ("label_ages", entry.ages),
                        ("label_referral", entry.field_in("referral", lang)),
                        ("label_access", entry.field_in("access", lang)),
                    )
                    if value
                ]
            if known:
                blocks.append(f"{title}: " + "; ".join(known))
            else:
                blocks.append(say(f"unknown_{intent}", lang, title=title, ask=self._whom_to_ask(entry, lang)))
        rows = [
            (
                Button(
                    _short(say("btn_details", lang, n="").strip() + ": " + e.title_in(lang), 60),
                    data=self._details_data(e),
                ),
            )
            for e in entries
        ]
        if state.query:
            rows.append((Button(say("btn_back", lang), data="r"),))
        return Reply(_fit("\n\n".join(blocks)), tuple(rows), kind=f"answer_{intent}")

    def _whom_to_ask(self, entry: Entry, lang: str) -> str:
        if entry.phone:
            return say("ask_phone", lang, phone=self._field(entry, "phone", lang))
        if entry.email:
            return say("ask_email", lang, email=entry.email)
        if entry.website:
            return say("ask_website", lang, website=entry.website)
        via = self.core.index.get(getattr(entry, "contact_via", "") or "") or self._hub()
        if via is not None and via.slug != entry.slug:
            how = via.title_in(lang) + (f" ({self._field(via, 'phone', lang)})" if via.phone else "")
            return say("ask_at", lang, hub=how)
        return say("ask_nobody", lang)

    def _field(self, entry: Entry, key: str, lang: str) -> str:
        """A field as shown in `lang`; in Telegram, UK phone numbers in +44 form so that they can be tapped."""
        value = entry.field_in(key, lang)
        if key == "phone" and self.channel == "bot":
            return tappable_phone(value)
        return value

    # --- places ---------------------------------------------------------------------------------
    def _nearer(self, state: ChatState, reading: intents.Reading, now: float) -> Reply:
        lang = state.lang
        areas = self.core.index.areas()
        if not areas:
            return Reply(say("no_areas", lang), self._again_row(lang), kind="no_areas")
        area = _best_area(areas, reading.places, self.core.index.area_names()) or state.area
        if area is None:
            return Reply(say("which_area", lang, areas=self._areas_in(areas[:4], lang)), kind="which_area")
        state.area = area
        if not state.query:
            return Reply(say("area_set", lang, area=self._areas_in([area], lang)), kind="area")
        state.query_time = now
        return self._results_again(state, 0)

    def _areas_in(self, areas: Sequence[str], lang: str) -> str:
        """Area names as a reply in `lang` gives them (Welsh names from the entries' `area_cy`)."""
        names = self.core.index.area_names()
        return ", ".join(names.name(area, lang) for area in areas)

    def _near_first(self, state: ChatState, hits: Sequence[Hit]) -> list[Hit]:
        """The same hits, those in the chosen area first (crisis lines stay on top)."""
        return sorted(hits, key=lambda h: (not h.crisis_line, h.entry.area != state.area))

    def _near_heading(self, state: ChatState) -> str:
        query = _short(state.query or "", 60)
        results = self.core.index.search(
            state.query or "", lang=state.lang, limit=PAGE_SIZE * MAX_RESULT_PAGES
        )
        area = self._areas_in([state.area], state.lang)
        if any(h.entry.area == state.area for h in results.hits):
            return say("results_near", state.lang, query=query, area=area)
        return say("none_near", state.lang, query=query, area=area)

    def _located(self, state: ChatState, location: tuple[float, float], now: float) -> Reply:
        """A shared location: the area of the nearest service that has map coordinates."""
        lang = state.lang
        try:
            lat, lon = float(location[0]), float(location[1])
        except (TypeError, ValueError, IndexError):
            return Reply(say("not_text", lang, examples=EXAMPLES[lang]), kind="not_text")
        placed = [
            (e, float(e.latitude), float(e.longitude))
            for e in self.core.index.visible()
            if getattr(e, "latitude", None) not in (None, "")
            and getattr(e, "longitude", None) not in (None, "")
            and e.area
        ]
        areas = self.core.index.areas()
        if not areas:
            return Reply(say("no_areas", lang), self._again_row(lang), kind="no_areas")
        if not placed:
            return Reply(
                say("no_coordinates", lang, areas=self._areas_in(areas[:4], lang)), kind="no_coordinates"
            )
        nearest = min(
            placed,
            key=lambda p: math.dist(
                (lat, lon * math.cos(math.radians(lat))), (p[1], p[2] * math.cos(math.radians(p[1])))
            ),
        )
        state.area = nearest[0].area  # only the area is kept, never the coordinates
        if not state.query:
            return Reply(say("area_set", lang, area=self._areas_in([state.area], lang)), kind="area")
        state.query_time = now
        return self._results_again(state, 0)

    # --- other languages ------------------------------------------------------------------------
    def _other_language(self, state: ChatState, code: str, text: str) -> Reply:
        """A line in the resident's language, then the services search is sure meet the message (when it
        reads that language through a dictionary: "Potrzebuję pomocy z jedzeniem", food), interpreting,
        English classes and the helplines."""
        lang = state.lang
        index = self.core.index
        help_ = language_help(getattr(self.core, "content_dir", None))
        answer = self.core.search(text, channel=self.channel, lang=lang)
        found: list[Entry] = []
        if answer.confident and not answer.is_crisis:
            found += [h.entry for h in answer.hits if not h.crisis_line][:2]
        for words in help_.searches:
            found += [h.entry for h in index.search(words, lang=lang, limit=2).hits[:1] if not h.crisis_line]
        found += [e for e in index.visible() if code in e.languages and e.status == "active"][:2]
        entries = list({e.slug: e for e in found}.values())[:4]
        lines = [help_.lines[code], ""] if code in help_.lines else []
        lines.append(say("other_language", lang, language=language_name(code, lang)))
        rows = []
        for n, entry in enumerate(entries, 1):
            contact = "; ".join(
                contact_lines(entry, lang, ("phone", "website"), where=False, show=self._field)
            )
            lines.append(f"{n}. {entry.title_in(lang)}" + (f"\n{contact}" if contact else ""))
            rows.append((Button(say("btn_details", lang, n=n), data=self._details_data(entry)),))
        lines += ["", LABELS[lang]["helplines"]]
        state.shown, state.focus = [e.slug for e in entries], None
        return Reply(_fit("\n".join(lines)), tuple(rows), kind="other_language")

    # --- "Did this help?" -----------------------------------------------------------------------
    def _feedback(self, state: ChatState, helped: bool) -> Reply:
        """Count the answer (channel, language, yes/no, the categories shown; never the words or the chat)."""
        lang = state.lang
        if not state.rated:
            state.rated = True
            if self.analytics is not None:
                categories = sorted({c for e in self._on_screen(state) for c in e.categories})
                self.analytics.record_feedback(
                    channel=self.channel, helped=helped, categories=categories, lang=lang
                )
        if helped:
            return Reply(say("feedback_yes", lang), kind="feedback")
        rows = (
            (Button(say("btn_person", lang), data="p"),),
            self._again_row(lang)[0],
        )
        return Reply(say("feedback_no", lang), rows, kind="feedback")


def tappable_phone(number: str) -> str:
    """A UK number as +44 so that Telegram makes it tappable: "01632 960001" -> "+44 1632 960001".
    Short numbers (999, 111, 116 123) and numbers already international are left as they are."""
    number = (number or "").strip()
    digits = re.sub(r"\D", "", number)
    if number.startswith("0") and len(digits) in (10, 11) and re.fullmatch(r"[\d ()-]+", number):
        return "+44 " + number[1:].lstrip()
    return number


def _best_area(areas: Sequence[str], places: Sequence[str], known: AreaNames) -> str | None:
    """The area whose names (English and Welsh) share the most telling words with the message
    ("Caia Park" or "Parc Caia" -> "Caia Park, Wrexham"); a word in every area's names ("Wrexham")
    tells nothing."""
    if not places:
        return None
    names = {area: {k for name in known.names(area) for k in intents.keys(name)} for area in areas}
    common = set.intersection(*names.values()) if len(names) > 1 else set()
    scored = [(len((set(places) & words) - common), area) for area, words in names.items()]
    best = max(scored, default=(0, None))
    return best[1] if best[0] > 0 else None
