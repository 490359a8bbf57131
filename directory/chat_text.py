"""The web chat's replies as a web page shows them: service names link to their pages, phone numbers
to tel: (text-only short codes to sms:), web addresses to the site; everything else escaped.

The bot writes plain text for every channel; this is the web's reading of it, so Telegram and the
terminal are untouched.
"""

from __future__ import annotations

import re

from flask import current_app
from markupsafe import Markup, escape

from .core import get_core
from .i18n import link
from .templating import link_phones, safe_url

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]", re.I)
MIN_TITLE_CHARS = 4


def _titles(lang: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """A pattern matching every visible service's name in `lang`, longest first, and name -> slug.
    Worked out once per index generation and language."""
    index = get_core().index
    cache = current_app.extensions.setdefault("signpost_chat_titles", {})
    key = (id(index), lang)
    if key not in cache:
        names: dict[str, str] = {}
        for entry in index.visible():
            name = entry.title_in(lang)
            if len(name) >= MIN_TITLE_CHARS:
                names.setdefault(name, entry.slug)
        ordered = sorted(names, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ordered)) + r")(?!\w)") if ordered else None
        )
        cache.clear()  # only the newest generation is kept
        cache[key] = (pattern, names)
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
    pattern, names = _titles(lang)
    if pattern is None:
        return _plain(text)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(_plain(text[pos : m.start()]))
        href = link("services.entry", slug=names[m.group(1)])
        out.append(Markup('<a href="{0}">{1}</a>').format(href, m.group(1)))
        pos = m.end()
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
