"""The staff area (/staff/, /cy/staff/): reports, stale and broken entries, corrections, editing.

Everything needs a login (Flask-Login; accounts from `signpost staff add`). Viewers read; editors
may also edit entries and close suggestions. Every form carries the app-wide CSRF token.

- `blueprint`: the blueprint and the login manager the views below add to;
- `auth`: logging in and out, the session rules (`login_throttle`: wrong passwords slowed down);
- `reports`: the overview and the report, with `charts` (SVG drawn on the server);
- `corrections`: the public 'Is something wrong here?' form and the staff's queue;
- `edit`: the entry editor (`form`: each problem beside its field).
"""

from __future__ import annotations

import time

from flask import Flask

from backoffice.staff_store import staff_db_path

from . import auth, corrections, edit, reports
from .blueprint import bp, login_manager
from .login_throttle import LoginThrottle

# the modules whose views are on the blueprint: imported for that, before it is registered
VIEWS = (auth, reports, corrections, edit)


def init_app(app: Flask) -> None:
    """Register the staff area and the correction form."""
    config = app.config
    if not config.get("STAFF_DB_PATH") and config.get("DB_PATH"):
        config["STAFF_DB_PATH"] = staff_db_path(config["DB_PATH"])
    config.setdefault("EDITOR_MAX_CONTENT_LENGTH", edit.EDITOR_MAX_CONTENT_LENGTH)
    config.setdefault("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
    config.setdefault("STAFF_SESSION_MAX_SECONDS", 12 * 3600)
    config.setdefault("STAFF_CLOCK", time.time)
    app.extensions["signpost_login_throttle"] = LoginThrottle(app)
    app.request_class = edit.EditorRequest
    config["SESSION_COOKIE_HTTPONLY"] = True
    config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")

    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/cy/staff", name="staff_cy")
    corrections.init_app(app)
    if not hasattr(app, "login_manager"):
        login_manager.init_app(app)
        login_manager.blueprint_login_views = {"staff": "staff.login", "staff_cy": "staff_cy.login"}
