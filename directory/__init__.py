"""Signpost's website: the directory, search, printable slips, "my list", a JSON API and Open Referral UK.

A thin layer over `search_index`: it turns HTTP requests into core calls and core results into pages
or JSON. `flask --app directory run` finds `create_app` here; `signpost serve` runs it under waitress.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from backoffice.search_log import open_search_log
from search_index import LiveIndex

from . import (
    api,
    chat,
    entry_pages,
    errors,
    i18n,
    mylist,
    openreferral,
    pages,
    results,
    security,
    settings,
    staff,
    static_files,
    templating,
)

# Blueprints served in English at / and in Welsh at /cy/ (same path, same query string).
BILINGUAL = (pages.bp, results.bp, entry_pages.bp, mylist.bp, api.bp)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the website: defaults, instance/config.py (unless testing), the SIGNPOST_* environment,
    then the test mapping; then the core, the blueprints, and watching and retention from the config."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=None,
        CONTENT_DIR=None,
        INDEX_DIR=None,
        DB_PATH=None,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=64 * 1024,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session
        SEARCH_LIMIT=20,
        LIST_LIMIT=30,  # a list is for printing: 30 services already fill several sheets
        CATEGORY_PAGE_SIZE=30,
        CLOCK=None,  # a callable returning an aware datetime; tests fix the time for "open now"
        BABEL_DEFAULT_LOCALE="en_GB",
        BABEL_DEFAULT_TIMEZONE="Europe/London",
        STALE_MONTHS=12,  # entries not checked for this long are listed for the staff
        RETENTION_DAYS=365,  # searches older than this are deleted (now, then daily)
        HTTPS=False,  # served over HTTPS: secure session cookies and HSTS
        PROXY_FIX=0,  # how many reverse proxies sit in front (their X-Forwarded-* headers are believed)
        TRUSTED_HOSTS=None,  # the host names the site answers to; None: any
        COMMIT_DOMAIN="signpost.invalid",  # staff edits are committed as NAME@COMMIT_DOMAIN
        WATCH_CONTENT=None,  # a saved change in content/ is live at once; None: unless TESTING
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    # SIGNPOST_SECRET_KEY -> SECRET_KEY, SIGNPOST_RETENTION_DAYS -> RETENTION_DAYS, ...: kept as typed,
    # checked by fill_defaults
    app.config.from_prefixed_env("SIGNPOST", loads=str)
    settings.rename_from_environment(app.config)
    if test_config is not None:
        app.config.from_mapping(test_config)
    settings.fill_defaults(app.config, use_db=test_config is None)

    hops = int(app.config.get("PROXY_FIX") or 0)
    if hops:  # behind that many reverse proxies: believe their X-Forwarded-* headers, no more
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops
        )

    # each search is recorded in the analytics database (need words only), kept RETENTION_DAYS
    db = app.config["DB_PATH"]
    search_log = open_search_log(db, app.config["RETENTION_DAYS"]) if db else None
    core = LiveIndex(app.config["CONTENT_DIR"], app.config["INDEX_DIR"], on_search=search_log)
    core.ensure_index()
    app.extensions["signpost"] = core
    app.extensions["analytics"] = search_log.analytics if search_log else None

    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    for bp in BILINGUAL:
        app.register_blueprint(bp)
        app.register_blueprint(bp, url_prefix="/cy", name=f"{bp.name}{i18n.WELSH_SUFFIX}")
    app.register_blueprint(openreferral.bp)
    chat.init_app(app)
    staff.init_app(app)
    static_files.init_app(app)  # last: it versions and compresses every static route, the staff one too

    watch = app.config["WATCH_CONTENT"]
    if watch or (watch is None and not app.testing):
        core.start_watching()
    return app


def request_body_limit(app: Flask) -> int:
    """The largest request body the app accepts anywhere (the staff editor may take more than the
    rest of the site): what `signpost serve` tells waitress, so nothing larger is even buffered."""
    limits = [v for k, v in app.config.items() if k.endswith("MAX_CONTENT_LENGTH") and isinstance(v, int)]
    return max(limits, default=64 * 1024)


__all__ = ["create_app", "request_body_limit"]
