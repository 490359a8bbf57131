"""Corrections: 'Is something wrong here?', the short public form on every entry page, and the
staff's queue of what residents sent (`/staff/corrections`; editors mark an item done).

Protected by the app-wide CSRF token, a honeypot field (`website_url`, which people never see and
must stay empty) and a rate limit per client address, kept in memory only as a keyed hash: the
address itself is never stored, in memory or on disk.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.corrections import MAX_CONTACT, MAX_MESSAGE, CorrectionError, Corrections

from ..core import entry_or_404, get_core
from ..i18n import link, page_lang
from .auth import editor_required, safe_next
from .blueprint import bp as staff_bp

log = logging.getLogger(__name__)

bp = Blueprint("corrections", __name__)
HONEYPOT = "website_url"


class RateLimiter:
    """At most `limit` events per `per` seconds for each client, counted in memory."""

    def __init__(self, limit: int = 5, per: float = 3600.0):
        self.limit, self.per = limit, per
        self._key = secrets.token_bytes(32)  # new each start: the hashes mean nothing elsewhere
        self._events: dict[bytes, list[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        key = hmac.new(self._key, (client or "-").encode(), hashlib.sha256).digest()[:16]
        now = time.monotonic()
        with self._lock:
            if len(self._events) > 10_000:
                self._events = {k: v for k, v in self._events.items() if now - v[-1] < self.per}
            recent = [t for t in self._events.get(key, []) if now - t < self.per]
            if len(recent) >= self.limit:
                self._events[key] = recent
                return False
            recent.append(now)
            self._events[key] = recent
            return True


def queue() -> Corrections | None:
    path = current_app.config.get("STAFF_DB_PATH")
    return Corrections(path) if path else None


def limiter() -> RateLimiter:
    return current_app.extensions["signpost_correction_limiter"]


@bp.post("/services/<slug>/correction")
def suggest(slug: str):
    """Queue a suggestion for staff; thank the resident and go back to the entry."""
    entry = entry_or_404(slug)
    form = request.form
    message = form.get("message", "")
    contact = form.get("contact", "")
    back = link("services.entry", slug=entry.slug) + "#correction"
    if form.get(HONEYPOT, "").strip():  # a robot filled the field people cannot see
        log.info("dropped a correction with the honeypot field filled")
        flash(_("Thank you. Staff will check this entry."))
        return redirect(back, 303)
    if not limiter().allow(request.remote_addr or ""):
        return _form_again(
            entry,
            message,
            contact,
            _("You have sent several suggestions in a short time. Please try again in an hour."),
            429,
        )
    store = queue()
    if store is None:
        return _form_again(entry, message, contact, _("Sorry, suggestions cannot be taken right now."), 503)
    try:
        store.add(entry.slug, message, contact, page_lang())
    except CorrectionError:
        text = (message or "").strip()
        if not text:
            error = _("Please say what is wrong.")
        elif len(text) > MAX_MESSAGE:
            error = _("Please keep it under %(n)s characters.", n=MAX_MESSAGE)
        else:
            error = _("Please keep the contact details under %(n)s characters.", n=MAX_CONTACT)
        return _form_again(entry, message, contact, error, 400)
    except Exception:
        log.exception("could not queue a correction for %s", entry.slug)
        return _form_again(entry, message, contact, _("Sorry, suggestions cannot be taken right now."), 503)
    flash(_("Thank you. Staff will check this entry."))
    return redirect(back, 303)


def _form_again(entry, message: str, contact: str, error: str, status: int):
    return render_template(
        "staff/correction.html",
        entry=entry,
        message=message[: MAX_MESSAGE * 2],
        contact=contact[: MAX_CONTACT * 2],
        error=error,
    ), status


class DailyContactPruning:
    """Deletes the contact details of corrections closed more than 90 days ago: at the running
    site's first request, then once a day (a request after a quiet day does it)."""

    EVERY_S = 86400.0

    def __init__(self):
        self._last: float | None = None
        self._lock = threading.Lock()

    def __call__(self) -> None:
        now = time.monotonic()
        if self._last is not None and now - self._last < self.EVERY_S:
            return
        if not self._lock.acquire(blocking=False):
            return  # another request is doing it
        try:
            self._last = now
            store = queue()
            if store is not None and store.path.is_file():
                store.forget_old_contacts()
        except Exception:
            log.warning("could not delete old correction contacts", exc_info=True)
        finally:
            self._lock.release()


# --- the staff's queue --------------------------------------------------------------------------
@staff_bp.get("/corrections")
def correction_list():
    store = queue()
    status = request.args.get("status", "open")
    items = store.list(status=None if status == "all" else "open") if store else []
    return render_template(
        "staff/corrections.html", items=items, entries=get_core().index.entries, status=status
    )


@staff_bp.post("/corrections/<int:item_id>/done")
@editor_required
def correction_done(item_id: int):
    store = queue()
    if store is None or not store.mark_done(item_id, current_user.name):
        abort(404, "No such open suggestion")
    flash(_("Marked as done."))
    back = safe_next(request.form.get("next"))
    return redirect(back or link("staff.dashboard"), 303)


def init_app(app) -> None:
    app.before_request(DailyContactPruning())
    limit = int(app.config.get("CORRECTION_RATE_LIMIT", 5))
    app.extensions["signpost_correction_limiter"] = RateLimiter(
        limit, float(app.config.get("CORRECTION_RATE_PERIOD", 3600))
    )
    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/cy", name="corrections_cy")
