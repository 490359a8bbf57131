"""Jinja filters for contact details, and the crisis message from the core."""

from __future__ import annotations

import re

from flask import Flask
from markupsafe import Markup, escape

from search_index.answers import crisis_message

# The crisis lines as the core's crisis message writes them, and where each one links.
CRISIS_NUMBERS = {
    "0808 80 10 800": "tel:08088010800",
    "116 123": "tel:116123",
    "85258": "sms:85258",
    "999": "tel:999",
    "111": "tel:111",
    "101": "tel:101",
}
_CRISIS_RE = re.compile(r"(?<!\d)(" + "|".join(re.escape(n) for n in CRISIS_NUMBERS) + r")(?![\d])")
_DIALLABLE = re.compile(r"^\+?[\d() ]+")


def tel(phone: str) -> str:
    """'01978 123 456 (option 2)' -> '01978123456': the number part, spaces and brackets removed."""
    m = _DIALLABLE.match((phone or "").strip())
    return re.sub(r"[^\d+]", "", m.group(0)) if m else ""


def link_numbers(text: str) -> Markup:
    """Escape `text`, then make the crisis numbers in it into tel:/sms: links."""
    return Markup(
        _CRISIS_RE.sub(
            lambda m: f'<a href="{CRISIS_NUMBERS[m.group(1)]}">{m.group(1)}</a>', str(escape(text))
        )
    )


def safe_url(url: str) -> str:
    return url if re.match(r"^https?://", url or "", re.I) else ""


def display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url or "", flags=re.I).rstrip("/")


def init_app(app: Flask) -> None:
    app.jinja_env.trim_blocks = True  # no blank lines left by {% %} tags: smaller pages
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters.update(
        tel=tel, link_numbers=link_numbers, safe_url=safe_url, display_url=display_url
    )
    app.jinja_env.globals.update(
        crisis_message=crisis_message, has_endpoint=lambda name: name in app.view_functions
    )
