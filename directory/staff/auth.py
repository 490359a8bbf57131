"""Logging in and out of the staff area, and the session rules every staff page follows.

Accounts come from `signpost staff add` (`backoffice.staff_accounts`). A session carries a digest of
the password hash and the account's session counter, so a new password, a removed account or
logging out ends every session made before. Wrong passwords are throttled per address and per
account (`login_throttle`).
"""

from __future__ import annotations

import functools
import logging
from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session
from flask_babel import gettext as _
from flask_login import UserMixin, current_user, login_user, logout_user

from backoffice.staff_accounts import Account, StaffAccounts, normalise_name

from ..i18n import link
from .blueprint import bp, login_manager
from .login_throttle import LoginThrottle

log = logging.getLogger(__name__)

PUBLIC_VIEWS = ("login", "static")


class StaffUser(UserMixin):
    """The logged-in account. Its id includes a digest of the password hash, so changing the
    password (or removing the account) ends every session made with the old one."""

    def __init__(self, account: Account, key: str):
        self.name, self.role, self.key = account.name, account.role, key

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"

    def get_id(self) -> str:
        return f"{self.name}:{self.key}"


def accounts() -> StaffAccounts | None:
    path = current_app.config.get("STAFF_DB_PATH")
    return StaffAccounts(path) if path else None


def _session_user(account: Account) -> StaffUser | None:
    key = accounts().session_key(account.name)
    return StaffUser(account, key) if key else None


@login_manager.user_loader
def load_user(user_id: str) -> StaffUser | None:
    store = accounts()
    name, _sep, key = (user_id or "").partition(":")
    if store is None or not key:
        return None
    account = store.get(name)
    if account is None or store.session_key(account.name) != key:
        return None
    return StaffUser(account, key)


def editor_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not getattr(current_user, "can_edit", False):
            abort(403, "Editors only")
        return view(*args, **kwargs)

    return wrapped


def _now() -> float:
    return current_app.config["STAFF_CLOCK"]()


def _session_expired(now: float) -> bool:
    """Begun more than STAFF_SESSION_MAX_SECONDS ago, or idle for STAFF_SESSION_IDLE_SECONDS."""
    began, seen, cfg = session.get("staff_began"), session.get("staff_seen"), current_app.config
    return (
        not isinstance(began, (int, float))
        or not isinstance(seen, (int, float))
        or now - began > cfg["STAFF_SESSION_MAX_SECONDS"]
        or now - seen > cfg["STAFF_SESSION_IDLE_SECONDS"]
    )


@bp.before_request
def require_login():
    """Every staff page needs a live session: logged in, active in the last 30 minutes, begun less
    than 12 hours ago, and not ended on the server (logout, a new password)."""
    if request.endpoint and request.endpoint.split(".")[-1] in PUBLIC_VIEWS:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    now = _now()
    if _session_expired(now):
        logout_user()
        session.clear()
        flash(_("Your session has ended. Please log in again."))
        return login_manager.unauthorized()
    session["staff_seen"] = now
    return None


@bp.after_request
def no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def safe_next(target: str | None) -> str | None:
    """Only a path inside the staff area (no other site, no scheme). A carriage return or line feed
    (a header split) is a 400."""
    if not target:
        return None
    if any(ch in target for ch in "\r\n\x00"):
        abort(400, "The address to go back to may not contain line breaks.")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target:
        return None
    return target if parts.path.startswith(("/staff/", "/cy/staff/")) else None


def _throttle() -> LoginThrottle:
    return current_app.extensions["signpost_login_throttle"]


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Name and password; one message for every refusal (unknown name, wrong password). Attempts are
    throttled per address and per account (see `login_throttle`)."""
    if current_user.is_authenticated and request.method == "GET":
        return redirect(link("staff.dashboard"))
    back = safe_next(request.args.get("next"))
    if request.method == "GET":
        return render_template("staff/login.html", error=None)
    name = normalise_name(request.form.get("name", ""))
    throttle = _throttle()
    device = throttle.device(request, name)
    if not throttle.allow(request.remote_addr or "", name, device):
        log.info("a staff login was held back by the throttle")
        error = _("Too many tries. Wait 15 minutes and try again.")
        return render_template("staff/login.html", error=error), 429
    user = _authenticate(name, request.form.get("password", ""))
    if user is None:
        throttle.failed(name, device)
        log.info("a staff login was refused")
        error = _("That name and password were not accepted. Check them and try again.")
        return render_template("staff/login.html", error=error), 401
    return _start_session(user, throttle, back)


def _authenticate(name: str, password: str) -> StaffUser | None:
    store = accounts()
    account = store.authenticate(name, password) if store else None
    return _session_user(account) if account else None


def _start_session(user: StaffUser, throttle: LoginThrottle, back: str | None):
    """A new session (nothing from before it carries over), then `back` or the overview."""
    session.clear()
    login_user(user)
    session["staff_began"] = session["staff_seen"] = _now()
    log.info("staff login: %s", user.name)
    response = redirect(back or link("staff.dashboard"), 303)
    throttle.trust(response, user.name, secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))
    return response


@bp.post("/logout")
def logout():
    """End the session on the server: every cookie of this account stops working, copies too."""
    store = accounts()
    if store is not None and current_user.is_authenticated:
        store.end_sessions(current_user.name)
    logout_user()
    session.clear()
    flash(_("You have logged out."))
    return redirect(link("staff.login"), 303)
