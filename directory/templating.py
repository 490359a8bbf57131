"""Jinja filters for contact details, and the crisis message from the core."""

from __future__ import annotations

import re

from flask import Flask
from markupsafe import Markup, escape

from search_index import crisis_message, parse_ages

from .core import area_names
from .i18n import page_lang

_DIALLABLE = re.compile(r"^\+?[\d() ]+")


def tel(phone: str) -> str:
    """'01978 123 456 (option 2)' -> '01978123456': the number part, spaces and brackets removed."""
    m = _DIALLABLE.match((phone or "").strip())
    return re.sub(r"[^\d+]", "", m.group(0)) if m else ""


# A phone number as people write one in the UK (01978 312556, 0808 80 10 800, +44 1978 312556), or a
# short national line (999, 111, 101, 116 123); a five-digit short code (85258) is a number to text.
_PHONE = re.compile(
    r"(?<![\w£$€.,/:+-])"
    r"((?:\+44 ?(?:\(0\) ?)?|0)\d(?:[ -]?\d){8,9}|116 ?\d{3}|999|111|101|\d{5})"
    r"(?![\w£$€/:-]|[.,]\d)"
)


def _phone_href(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number)
    if len(digits) == 5:
        return f"sms:{digits}"
    return f"tel:{digits}"


def link_phones(text: str) -> Markup:
    """Escape `text`, then make every phone number in it a tel: link (a short code: sms:)."""
    return Markup(
        _PHONE.sub(lambda m: f'<a href="{_phone_href(m.group(1))}">{m.group(1)}</a>', str(escape(text)))
    )


def ages(text: str, lang: str = "en") -> str:
    """An entry's ages as the page's language writes them ("under 5" is "dan 5" in Welsh)."""
    if lang != "cy":
        return text
    got = parse_ages(text)
    if got is None:
        return text
    if got.high is None:
        return "Pob oed" if got.low == 0 else f"{got.low}+"
    if got.low == 0:
        return f"Dan {got.high + 1}"
    return f"{got.low}-{got.high}"


def safe_url(url: str) -> str:
    return url if re.match(r"^https?://", url or "", re.I) else ""


def display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url or "", flags=re.I).rstrip("/")


def init_app(app: Flask) -> None:
    app.jinja_env.trim_blocks = True  # no blank lines left by {% %} tags: smaller pages
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters.update(
        tel=tel,
        link_phones=link_phones,
        ages=ages,
        safe_url=safe_url,
        display_url=display_url,
    )
    app.jinja_env.globals.update(
        crisis_message=crisis_message,
        has_endpoint=lambda name: name in app.view_functions,
        area_of=lambda entry: area_names().of(entry, page_lang()),
    )
