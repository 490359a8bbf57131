"""Entry pages: one service's page, and a one-page printable slip with a QR code and a text to copy.

The blueprint is named "services" after its URL, /services/<slug> (`link("services.entry", slug=...)`).
"""

from __future__ import annotations

import re

from babel.dates import get_day_names
from flask import Blueprint, render_template
from flask_babel import gettext as _
from markupsafe import Markup, escape

from search_index import entry_text

from .core import area_names, entry_or_404, get_core
from .i18n import link, page_lang
from .pages import EXIT_CATEGORIES
from .query import now, open_state

bp = Blueprint("services", __name__)


@bp.get("/services/<slug>")
def entry(slug: str):
    """The entry, or a kind "this service has closed" page (410)."""
    item = entry_or_404(slug)
    if item.status == "closed":
        return render_template("closed.html", entry=item, categories=get_core().index.categories), 410
    index = get_core().index
    via = index.get(item.contact_via) if item.contact_via else None
    return render_template(
        "service.html",
        entry=item,
        via=via if via is not None and via.status != "closed" and via.slug != item.slug else None,
        categories=[index.category_by_id[c] for c in item.categories if c in index.category_by_id],
        open_now=open_state(item, now()),
        opening_times=opening_rows(item, page_lang()),
        show_exit=bool(EXIT_CATEGORIES & set(item.categories)),
    )


def opening_rows(item, lang: str) -> list[tuple[str, str]]:
    """The entry's `opening_times` as (days, "09:00–17:00") in the page's language."""
    names = get_day_names("wide", locale="cy" if lang == "cy" else "en_GB")
    return [(", ".join(names[d] for d in t.days), f"{t.opens}–{t.closes}") for t in item.opening_times]


@bp.get("/services/<slug>/print")
def print_slip(slug: str):
    """Big type, contact details, a QR code of the page, and the entry as text for SMS or WhatsApp."""
    item = entry_or_404(slug)
    if item.status == "closed":
        return render_template("closed.html", entry=item, categories=get_core().index.categories), 410
    page_url = link("services.entry", slug=item.slug, _external=True)
    text = entry_text(item, page_lang(), area_names()) + "\n" + page_url
    return render_template(
        "service_print.html",
        entry=item,
        page_url=page_url,
        copy_text=text,
        qr=qr_svg(page_url, _("QR code: scan it to open this page")),
    )


def qr_svg(url: str, label: str) -> Markup:
    """A QR code of `url` as inline SVG, made here (no outside service), no inline style."""
    import segno  # here: only the print page makes one (0.8 MB of modules a server need not hold)

    svg = segno.make(url, error="m").svg_inline(scale=1, omitsize=True, svgclass="qr", lineclass=None)
    svg = re.sub(r"^<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', svg)
    return Markup(svg)
