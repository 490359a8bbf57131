"""The page language comes from the URL: /cy/... is Welsh, everything else English.

Interface text goes through Flask-Babel; the Welsh catalogue is compiled from messages.po on start
whenever the .mo is missing or older, so no build step can be forgotten.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, has_request_context, request, url_for
from flask_babel import Babel, get_translations

from search_index import language_name

log = logging.getLogger(__name__)

LANGS = ("en", "cy")
WELSH_SUFFIX = "_cy"
LOCALES = {"en": "en_GB", "cy": "cy"}
HTML_LANG = {"en": "en-GB", "cy": "cy"}
TRANSLATIONS = Path(__file__).parent / "translations"


def page_lang() -> str:
    """'cy' under /cy/, else 'en'."""
    if not has_request_context():
        return "en"
    path = request.path
    return "cy" if path == "/cy" or path.startswith("/cy/") else "en"


def select_locale() -> str:
    return LOCALES[page_lang()]


def link(endpoint: str, **values) -> str:
    """url_for in the page's language: 'search.results' becomes 'search_cy.results' on Welsh pages."""
    if page_lang() == "cy" and "." in endpoint:
        bp, view = endpoint.split(".", 1)
        endpoint = f"{bp}{WELSH_SUFFIX}.{view}"
    return url_for(endpoint, **values)


def path_in(lang: str) -> str:
    """This page's path and query string in `lang`."""
    path = request.path
    if path == "/cy" or path.startswith("/cy/"):
        path = path[3:] or "/"
    if lang == "cy":
        path = "/cy" + path
    query = request.query_string.decode("utf-8", "replace")
    return path + ("?" + query if query else "")


def long_date(day: dt.date | None, lang: str) -> str:
    """'11 April 2025' / '11 Ebrill 2025'."""
    return format_date(day, "d MMMM y", locale=LOCALES[lang]) if day else ""


def compile_catalogues(root: Path = TRANSLATIONS) -> Path:
    """Compile every messages.po under `root` whose .mo is missing or older; return where the .mo files are.

    Writes beside the .po when it can; otherwise (a read-only install) into a temporary folder.
    """
    target_root = root
    for po in sorted(root.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        try:
            _compile(po, mo)
        except OSError:
            target_root = Path(tempfile.gettempdir()) / "signpost-translations"
            alt = target_root / po.relative_to(root).with_suffix(".mo")
            alt.parent.mkdir(parents=True, exist_ok=True)
            _compile(po, alt)
            log.warning("could not write %s; compiled the Welsh catalogue into %s", mo, alt)
    return target_root


def _compile(po: Path, mo: Path) -> None:
    with po.open("rb") as fh:
        catalog = read_po(fh)
    fd, tmp = tempfile.mkstemp(dir=mo.parent, prefix=".messages-", suffix=".mo")
    try:
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog)
        os.replace(tmp, mo)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _install_fast_gettext(app: Flask) -> None:
    """Templates look up the catalogue once per language, not once per string.

    The locale comes from the URL alone (`select_locale`) and there is one translation domain, so
    the catalogue Flask-Babel finds for a language never changes while the app runs. A search page
    has about a hundred strings; asking Flask-Babel for the catalogue each time was a third of
    the time spent rendering it.
    """
    catalogues: dict[str, object] = {}

    def translations():
        lang = page_lang()
        got = catalogues.get(lang)
        if got is None:
            got = catalogues[lang] = get_translations()
        return got

    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
    )


def init_app(app: Flask) -> None:
    where = compile_catalogues()
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(where)
    Babel(app, locale_selector=select_locale)
    _install_fast_gettext(app)
    app.jinja_env.filters["language_names"] = lambda codes: ", ".join(
        language_name(c, page_lang()) for c in codes
    )

    @app.context_processor
    def language_context() -> dict:
        lang = page_lang()
        return {
            "lang": lang,
            "html_lang": HTML_LANG[lang],
            "other_lang": "en" if lang == "cy" else "cy",
            "link": link,
            "path_in": path_in,
            "language_name": lambda code: language_name(code, lang),
            "long_date": lambda day: long_date(day, lang),
        }
