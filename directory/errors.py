"""Friendly error pages in the page's language (JSON for the APIs); every unexpected error is logged."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.globals import request_ctx
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .i18n import LOCALES, page_lang

JSON_PREFIXES = ("/api/", "/cy/api/", "/openreferral/")


def _wants_json() -> bool:
    return request.path.startswith(JSON_PREFIXES)


def _titles() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Sorry, we could not read that request"), _("Please go back and try again.")),
        404: (
            _("Sorry, we cannot find that page"),
            _("The page may have moved, or the address may be mistyped. Try searching for what you need."),
        ),
        405: (_("Sorry, we could not read that request"), _("Please go back and try again.")),
        413: (_("Sorry, that was too much to send"), _("Please go back and try again with less.")),
        500: (
            _("Sorry, something went wrong on our side"),
            _("It is not your fault. Please try again in a minute, or search again."),
        ),
    }


def _wording(status: int) -> tuple[str, str]:
    """The error page's title and advice for `status`, in the current locale (others: the 500 wording)."""
    titles = _titles()
    return titles.get(status, titles[500])


def render_error(status: int, detail: str | None = None):
    if _wants_json():
        response = jsonify({"error": status, "message": detail or ""})
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response, status
    try:
        from .core import get_core

        categories = get_core().index.categories
    except Exception:  # the error page must not fail because the index did
        categories = []
    title, advice = _wording(status)
    if detail and status < 500 and request.path.startswith(("/staff/", "/cy/staff/")):
        advice = detail  # staff get the reason (a refused entry name, a file too large)
    with force_locale(LOCALES["en" if page_lang() == "cy" else "cy"]):
        other_title, other_advice = _wording(status)
    return render_template(
        "error.html",
        title=title,
        advice=advice,
        other_title=other_title,
        other_advice=other_advice,
        categories=categories,
    ), status


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError):
        if _wants_json():
            return render_error(400, exc.description)
        title = _("This form has expired")
        advice = _(
            "For your safety, forms stop working after a while. Please go back, reload the page and try again."
        )
        return render_template("error.html", title=title, advice=advice, categories=[]), 400

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        if request_ctx.url_adapter is None:  # a Host not in TRUSTED_HOSTS: no links can be built
            return exc.description or "Bad request", exc.code, {"Content-Type": "text/plain; charset=utf-8"}
        return render_error(exc.code, exc.description)

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception):
        app.logger.exception("unexpected error on %s %s", request.method, request.path)
        return render_error(500, InternalServerError.description if _wants_json() else None)
