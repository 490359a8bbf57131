"""A resident's search as the site reads it: the words and the filters, checked, then run on the core.

Shared by the search page and the JSON API so both read `?q=…&category=…&age=…&free=1&lang=…&area=…
&open=now` the same way. A filter that cannot be read is dropped with a note; it never fails the page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from search_index import MAX_QUERY_CHARS, Entry, Filters, LiveIndex, Results
from search_index import clean_text as core_clean_text

from .hours import is_open

LONDON = ZoneInfo("Europe/London")
MAX_AGE = 120
_LANG_CODE = re.compile(r"^[a-z]{2}$")
_AGE = re.compile(r"^[0-9]{1,3}$")
SHOWN_MAX = 40  # characters of a bad filter value repeated back in a note


@dataclass
class SearchRequest:
    q: str = ""
    category: str = ""
    age: int | None = None
    free: bool = False
    language: str = ""
    area: str = ""
    open_now: bool = False
    notes: list[str] = field(default_factory=list)
    raw_age: str = ""

    @property
    def filters(self) -> Filters:
        return Filters(
            category=self.category or None,
            age=self.age,
            free=self.free,
            language=self.language or None,
            area=self.area or None,
        )

    @property
    def has_filters(self) -> bool:
        return bool(
            self.category or self.age is not None or self.free or self.language or self.area or self.open_now
        )

    def params(self, **changes) -> dict:
        """The query string of this search, for links (e.g. "did you mean")."""
        out = {
            "q": self.q,
            "category": self.category,
            "age": "" if self.age is None else self.age,
            "free": "1" if self.free else "",
            "lang": self.language,
            "area": self.area,
            "open": "now" if self.open_now else "",
        }
        out.update(changes)
        return {k: v for k, v in out.items() if v not in ("", None)}


@dataclass(frozen=True)
class Item:
    entry: Entry
    why: str = ""
    score: float | None = None
    crisis_line: bool = False
    open_now: bool | None = None  # None: hours not known (or not asked)


@dataclass
class Outcome:
    items: list[Item]
    results: Results | None  # None when browsing by filters alone, with no words
    hidden_closed: int = 0  # services hidden by open=now because they are closed now


def clean_text(text: str, limit: int = MAX_QUERY_CHARS) -> str:
    """A query parameter as typed, without control or invisible characters, cut to `limit`."""
    return core_clean_text(text, limit, normalise=False)


def shown(value: str) -> str:
    value = clean_text(value, SHOWN_MAX + 1)
    return value if len(value) <= SHOWN_MAX else value[:SHOWN_MAX] + "…"


def parse_search(args: MultiDict, categories: dict, query_key: str = "q") -> SearchRequest:
    """Read the query string; unreadable filters become notes for the page."""
    req = SearchRequest(q=clean_text(args.get(query_key, "")))
    category = clean_text(args.get("category", ""), 60)
    if category and category in categories:
        req.category = category
    elif category:
        req.notes.append(
            _("There is no category “%(category)s”, so we searched them all.", category=shown(category))
        )
    req.raw_age = clean_text(args.get("age", ""), 20)
    if req.raw_age:
        if _AGE.match(req.raw_age) and int(req.raw_age) <= MAX_AGE:
            req.age = int(req.raw_age)
        else:
            req.notes.append(
                _(
                    "We could not read the age “%(age)s”, so we did not filter by age. "
                    "Type a whole number of years, like 8.",
                    age=shown(req.raw_age),
                )
            )
    req.free = args.get("free", "") in ("1", "on", "true", "yes")
    language = clean_text(args.get("lang", ""), 20).lower()
    if _LANG_CODE.match(language):
        req.language = language
    elif language:
        req.notes.append(
            _(
                "We could not read the language “%(lang)s”, so we did not filter by language.",
                lang=shown(language),
            )
        )
    req.area = clean_text(args.get("area", ""), 100)
    req.open_now = args.get("open", "") == "now"
    return req


def now() -> dt.datetime:
    clock = current_app.config.get("CLOCK")
    return clock() if clock else dt.datetime.now(LONDON)


def open_state(entry: Entry, when: dt.datetime) -> bool | None:
    if entry.status != "active":
        return False
    return is_open(entry.hours, when)


def run_search(
    core: LiveIndex, req: SearchRequest, *, lang: str, channel: str, limit: int, record: bool = True
) -> Outcome:
    """Search (or browse by the filters alone, when there are no words), then apply "open now".
    `record=False` when the same search is only shown again (more results, back from "Add to my list")."""
    if req.q:
        want = limit * 3 if req.open_now else limit
        if record:
            results = core.search(req.q, channel=channel, lang=lang, filters=req.filters, limit=want)
        else:
            results = core.index.search(req.q, lang=lang, filters=req.filters, limit=want)
        items = [Item(h.entry, h.why(lang), h.score, h.crisis_line) for h in results.hits]
    elif req.has_filters:
        results = None
        items = [Item(e) for e in core.index.visible() if req.filters.matches(e)]
    else:
        return Outcome([], None)
    hidden = 0
    if req.open_now:
        when = now()
        kept = []
        for item in items:
            state = open_state(item.entry, when)
            if state is False and not item.crisis_line:
                hidden += 1
                continue
            kept.append(Item(item.entry, item.why, item.score, item.crisis_line, state))
        kept.sort(key=lambda i: (not i.crisis_line, i.open_now is None))
        items = kept
    return Outcome(items[:limit], results, hidden)
