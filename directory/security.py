"""Headers on every response, CSRF on every form, and safe HTML from volunteers' Markdown.

A page that offers "Exit this page" (crisis results, domestic-abuse pages, the chat) is one
a resident may need to hide: rendering it with `show_exit` marks the response `Cache-Control:
no-store`, so neither the browser nor a proxy keeps a copy to show the next person.
"""

from __future__ import annotations

import re

import markdown as md
import nh3
from flask import Flask, Response, current_app, g, template_rendered
from flask_wtf.csrf import CSRFProtect
from markupsafe import Markup

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

csrf = CSRFProtect()

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_HEADING = re.compile(r"<(/?)h([1-6])\b", re.I)


def render_markdown(text: str) -> Markup:
    """Markdown to HTML, then cleaned: no script, style, event handlers, iframes, javascript:/data: links.

    Headings in the text become h3 and below, so they sit under the page's own h1 and h2.
    """
    html = md.markdown(text or "", extensions=["sane_lists"], output_format="html")
    levels = [int(m.group(2)) for m in _HEADING.finditer(html)]
    shift = 3 - min(levels) if levels else 0
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + shift, 6)}", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(clean)


HSTS = "max-age=31536000; includeSubDomains"  # a year: browsers use HTTPS only, even for a typed http://


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if g.get("no_store"):
        response.headers["Cache-Control"] = "no-store"
    if current_app.config.get("HTTPS"):
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response


def _note_private_page(sender: Flask, template, context: dict, **extra) -> None:
    if context.get("show_exit"):
        g.no_store = True


def init_app(app: Flask) -> None:
    csrf.init_app(app)
    app.after_request(add_headers)
    template_rendered.connect(_note_private_page, app)
    app.jinja_env.filters["markdown"] = render_markdown
