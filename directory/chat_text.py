"""The web chat's replies as a web page shows them: service names link to their pages, phone numbers
to tel: (text-only short codes to sms:), web addresses to the site; everything else escaped.

The bot writes plain text for every channel; this is the web's reading of it, so Telegram and the
terminal are untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from flask import current_app
from markupsafe import Markup, escape

from .core import get_core
from .i18n import link
from .templating import link_phones, safe_url

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]", re.I)
MIN_TITLE_CHARS = 4


class ServiceNames:
    """Finds service names in a text, as a regular expression of every name (longest first, not
    inside a word) would, without compiling one: at 10,000 entries such a pattern took about 4 MB
    per language to keep and about 15 MB more to compile. Names are looked up by their first
    MIN_TITLE_CHARS characters at each place a name may start."""

    def __init__(self, names: dict[str, str]):
        self.names = names  # name -> slug
        by_start: dict[str, list[str]] = {}
        for name in sorted(names, key=len, reverse=True):
            by_start.setdefault(name[:MIN_TITLE_CHARS], []).append(name)
        self._by_start = by_start

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each name in `text`, left to right, none overlapping."""
        i, last = 0, len(text) - MIN_TITLE_CHARS
        while i <= last:
            if i == 0 or not _is_word(text[i - 1]):
                for name in self._by_start.get(text[i : i + MIN_TITLE_CHARS], ()):
                    end = i + len(name)
                    if text.startswith(name, i) and (end == len(text) or not _is_word(text[end])):
                        yield i, end, name
                        i = end
                        break
                else:
                    i += 1
            else:
                i += 1


def _is_word(char: str) -> bool:
    """A character of a word, as a regular expression's \\w reads it."""
    return char.isalnum() or char == "_"


def _titles(lang: str) -> ServiceNames | None:
    """Every visible service's name in `lang` (MIN_TITLE_CHARS or longer), worked out once per index
    generation and language; None when there are none."""
    index = get_core().index
    cache = current_app.extensions.setdefault("signpost_chat_titles", {})
    key = (id(index), lang)
    if key not in cache:
        names: dict[str, str] = {}
        for entry in index.visible():
            name = entry.title_in(lang)
            if len(name) >= MIN_TITLE_CHARS:
                names.setdefault(name, entry.slug)
        for old in [k for k in cache if k[0] != id(index)]:  # only the newest generation is kept
            del cache[old]
        cache[key] = ServiceNames(names) if names else None
    return cache[key]


def _plain(text: str) -> Markup:
    """Web addresses and phone numbers linked, line breaks kept."""
    out, pos = [], 0
    for m in _URL.finditer(text):
        out.append(link_phones(text[pos : m.start()]))
        url = safe_url(m.group(0))
        out.append(
            Markup('<a href="{0}" rel="noopener">{1}</a>').format(url, m.group(0))
            if url
            else escape(m.group(0))
        )
        pos = m.end()
    out.append(link_phones(text[pos:]))
    return Markup("").join(out).replace("\n", Markup("<br>"))


def chat_html(text: str, lang: str) -> Markup:
    """One paragraph of a reply as HTML."""
    titles = _titles(lang)
    if titles is None:
        return _plain(text)
    out, pos = [], 0
    for start, end, name in titles.find(text):
        out.append(_plain(text[pos:start]))
        href = link("services.entry", slug=titles.names[name])
        out.append(Markup('<a href="{0}">{1}</a>').format(href, name))
        pos = end
    out.append(_plain(text[pos:]))
    return Markup("").join(out)


def web_buttons(rows: list) -> list:
    """The reply's buttons a web page keeps: not the per-service "Details" and "Website" buttons
    (the names and addresses in the text are links), only the ones that act (more, again, topics)."""
    kept = []
    for row in rows or []:
        row = [b for b in row if b.get("data") and not str(b["data"]).startswith(("d:", "h:"))]
        if row:
            kept.append(row)
    return kept
