"""The staff area (/staff/, /cy/staff/): reports, stale and broken entries, corrections, editing.

Everything needs a login (Flask-Login; accounts from `signpost staff add`). Viewers read; editors
may also edit entries and close suggestions. Every form carries the app-wide CSRF token.
`init_app` also wires the parts of issue 5 that live with the running site: the correction form,
the content watcher (live edits) and the analytics retention.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Request,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
)
from flask_babel import gettext as _
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from markupsafe import Markup, escape

from backoffice.corrections import Corrections
from backoffice.editing import (
    FIELD_ORDER,
    LIST_KEYS,
    EntryPathError,
    EntryTooLarge,
    StaleEdit,
    check_text,
    digest,
    entry_path,
    fields_of,
    read_entry,
    render_entry,
    save_entry,
    split_list,
    today,
)
from backoffice.freshness import stale_entries
from backoffice.staff_accounts import Account, StaffAccounts, normalise_name
from backoffice.staff_store import staff_db_path
from search_index.entries import STATUSES, parse_entry, slugify

from . import corrections
from .core import get_core
from .i18n import language_name, link, page_lang
from .login_throttle import LoginThrottle
from .staff_form import FORM_FIELDS, place_problems

log = logging.getLogger(__name__)

bp = Blueprint(
    "staff", __name__, url_prefix="/staff", static_folder="staff_static", static_url_path="/static"
)
login_manager = LoginManager()
login_manager.session_protection = "strong"
login_manager.login_message = None
PUBLIC_VIEWS = ("login", "static")
EDITOR_MAX_CONTENT_LENGTH = 1024 * 1024  # an entry of up to 256 KB, form-encoded, with the other fields
_EDITOR_PATHS = re.compile(r"^(?:/cy)?/staff/(?:edit/[^/]+|new|preview)$")


class EditorRequest(Request):
    """The site's requests, except that the entry editor's may carry an entry file of up to 256 KB
    (the rest of the site keeps MAX_CONTENT_LENGTH)."""

    @property
    def max_content_length(self) -> int | None:
        if self.method == "POST" and _EDITOR_PATHS.match(self.path):
            return current_app.config["EDITOR_MAX_CONTENT_LENGTH"]
        return super().max_content_length


# --- accounts and sessions ---------------------------------------------------------------------
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


@bp.before_request
def require_login():
    """Every staff page needs a live session: logged in, active in the last 30 minutes, begun less
    than 12 hours ago, and not ended on the server (logout, a new password)."""
    if request.endpoint and request.endpoint.split(".")[-1] in PUBLIC_VIEWS:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    now, cfg = _now(), current_app.config
    began, seen = session.get("staff_began"), session.get("staff_seen")
    if (
        not isinstance(began, (int, float))
        or not isinstance(seen, (int, float))
        or now - began > cfg["STAFF_SESSION_MAX_SECONDS"]
        or now - seen > cfg["STAFF_SESSION_IDLE_SECONDS"]
    ):
        logout_user()
        session.clear()
        flash(_("Your session has ended. Please log in again."))
        return login_manager.unauthorized()
    session["staff_seen"] = now
    return None


@bp.after_request
def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _safe_next(target: str | None) -> str | None:
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
    back = _safe_next(request.args.get("next"))
    if request.method == "GET":
        return render_template("staff/login.html", error=None)
    store = accounts()
    name = normalise_name(request.form.get("name", ""))
    throttle = _throttle()
    device = throttle.device(request, name)
    if not throttle.allow(request.remote_addr or "", name, device):
        log.info("a staff login was held back by the throttle")
        error = _("Too many tries. Wait 15 minutes and try again.")
        return render_template("staff/login.html", error=error), 429
    account = store.authenticate(name, request.form.get("password", "")) if store else None
    user = _session_user(account) if account else None
    if user is None:
        throttle.failed(name, device)
        log.info("a staff login was refused")
        error = _("That name and password were not accepted. Check them and try again.")
        return render_template("staff/login.html", error=error), 401
    session.clear()  # a new session at login: nothing from before it carries over
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


# --- the overview ------------------------------------------------------------------------------
def _report(since: dt.date | None = None, limit: int = 20):
    analytics = current_app.extensions["analytics"]
    if analytics is None or not analytics.path.is_file():
        return None
    try:
        return analytics.report(since=since, limit=limit)
    except Exception:
        log.warning("could not read the analytics database %s", analytics.path, exc_info=True)
        return None


def _stale():
    months = int(current_app.config.get("STALE_MONTHS") or 12)
    return months, stale_entries(get_core().index.entries.values(), months)


def _queue() -> Corrections | None:
    return corrections.queue()


@bp.get("/")
def dashboard():
    """Unmet needs, stale entries, broken entries and the correction queue, on one page."""
    core = get_core()
    months, stale = _stale()
    store = _queue()
    open_items = store.list(status="open") if store else []
    return render_template(
        "staff/dashboard.html",
        report=_report(limit=10),
        months=months,
        stale=stale,
        problems=core.problems(),
        open_items=open_items,
        entries=core.index.entries,
        watching=core.watching,
    )


@bp.get("/report")
def report():
    """The full report with bar charts; ?since=YYYY-MM-DD."""
    since = _parse_day(request.args.get("since"))
    rep = _report(since=since, limit=30)
    charts = None
    if rep is not None:
        charts = {
            "weeks": stacked_chart(rep.weeks, rep.channels, _("Searches by week and channel")),
            "needs": bar_chart(_category_labels(rep.needs), _("Top needs by category")),
            "unmet": bar_chart(rep.unmet, _("Unmet needs")),
            "entries": bar_chart(_entry_labels(rep.entries), _("Entries most often shown first")),
        }
    return render_template(
        "staff/report.html", report=rep, charts=charts, since=since, feedback=_feedback(since)
    )


def _feedback(since: dt.date | None):
    """Answers to the bot's and the web chat's "Did this help?", or None without analytics."""
    analytics = current_app.extensions["analytics"]
    if analytics is None or not analytics.path.is_file():
        return None
    try:
        return analytics.feedback(since=since)
    except Exception:
        log.warning("could not read feedback from %s", analytics.path, exc_info=True)
        return None


@bp.get("/report.csv")
def report_csv():
    since = _parse_day(request.args.get("since"))
    rep = _report(since=since, limit=1000)
    if rep is None:
        abort(404, "No analytics database yet")
    name = f"signpost-report-{dt.date.today().isoformat()}.csv"
    return Response(
        rep.to_csv(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _parse_day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _category_labels(rows):
    cats = get_core().index.category_by_id
    return [(cats[c].name if c in cats else c, n) for c, n in rows]


def _entry_labels(rows):
    entries = get_core().index.entries
    return [(entries[s].title if s in entries else s, n) for s, n in rows]


# --- charts: server-rendered SVG, presentation attributes only (the CSP forbids inline style) ----
PALETTE = ("#1d70b8", "#00703c", "#d4351c", "#6f72af", "#b58840")


def bar_chart(rows: list[tuple[str, int]], title: str, width: int = 640) -> Markup:
    """Horizontal bars, one per (label, count)."""
    if not rows:
        return Markup("")
    bar_h, gap, label_w = 18, 8, 260
    top = max(n for _l, n in rows) or 1
    height = len(rows) * (bar_h + gap) + gap
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, n) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(1, round((width - label_w - 60) * n / top))
        short = label if len(label) <= 38 else label[:37] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end" font-size="13" fill="#0b0c0c">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{PALETTE[0]}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 13}" font-size="13" fill="#0b0c0c">{n}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_chart(
    weeks: list[tuple[str, dict[str, int]]], channels: list[str], title: str, width: int = 640
) -> Markup:
    """One bar per week, split by channel, with a legend."""
    if not weeks:
        return Markup("")
    bar_h, gap, label_w, legend_h = 18, 8, 90, 24
    top = max(sum(c.values()) for _w, c in weeks) or 1
    height = legend_h + len(weeks) * (bar_h + gap) + gap
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, ch in enumerate(channels):
        x = label_w + i * 90
        colour = PALETTE[i % len(PALETTE)]
        parts.append(
            f'<rect x="{x}" y="4" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 20}" y="16" font-size="13" fill="#0b0c0c">{escape(ch)}</text>'
        )
    for i, (week, counts) in enumerate(weeks):
        y = legend_h + gap + i * (bar_h + gap)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end" font-size="13" fill="#0b0c0c">{escape(week)}</text>'
        )
        x = label_w
        for j, ch in enumerate(channels):
            n = counts.get(ch, 0)
            if not n:
                continue
            w = max(1, round((width - label_w - 60) * n / top))
            parts.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="{bar_h}" fill="{PALETTE[j % len(PALETTE)]}"/>'
            )
            x += w
        parts.append(
            f'<text x="{x + 6}" y="{y + 13}" font-size="13" fill="#0b0c0c">{sum(counts.values())}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --- the correction queue ----------------------------------------------------------------------
@bp.get("/corrections")
def correction_list():
    store = _queue()
    status = request.args.get("status", "open")
    items = store.list(status=None if status == "all" else "open") if store else []
    return render_template(
        "staff/corrections.html", items=items, entries=get_core().index.entries, status=status
    )


@bp.post("/corrections/<int:item_id>/done")
@editor_required
def correction_done(item_id: int):
    store = _queue()
    if store is None or not store.mark_done(item_id, current_user.name):
        abort(404, "No such open suggestion")
    flash(_("Marked as done."))
    back = _safe_next(request.form.get("next"))
    return redirect(back or link("staff.dashboard"), 303)


# --- editing in the browser --------------------------------------------------------------------
def _entry_path(slug: str) -> Path:
    """The entry's file, checked inside content/services/ before any read or write (else a 400)."""
    try:
        return entry_path(get_core().content_dir, slug)
    except EntryPathError as exc:
        abort(400, str(exc))


def _read(path: Path) -> str | None:
    try:
        return read_entry(path)
    except (EntryPathError, EntryTooLarge) as exc:
        abort(400, str(exc))


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _form_fields(form) -> dict[str, object]:
    fields: dict[str, object] = {}
    for key in FIELD_ORDER:
        if key in ("categories", "languages"):  # checkboxes (or one text of codes separated by commas)
            values = [v for raw in form.getlist(key) for v in split_list(raw)]
            if key == "languages":
                values += [v for v in split_list(form.get("languages_more", "")) if v not in values]
            fields[key] = values
            continue
        raw = form.get(key, "")
        fields[key] = (
            split_list(raw, lines=(key == "questions")) if key in LIST_KEYS else " ".join(raw.split())
        )
    return fields


# Languages offered as checkboxes on the edit form (any other code can be typed).
COMMON_LANGUAGES = (
    "en",
    "cy",
    "pl",
    "pt",
    "ro",
    "uk",
    "ar",
    "ku",
    "fa",
    "cs",
    "sk",
    "bg",
    "lt",
    "ur",
    "zh",
    "bsl",
)


def _choices(fields: dict, text: str | None, problems) -> dict:
    """The checkboxes of the edit form and each problem placed beside its field."""
    lang = page_lang()
    cats = get_core().index.categories
    known = {c.id for c in cats}
    chosen_cats = list(fields.get("categories") or [])
    category_choices = [(c.id, c.label(lang)) for c in cats] + [(c, c) for c in chosen_cats if c not in known]
    codes = list(COMMON_LANGUAGES)
    codes += [c for c in get_core().index.languages() if c not in codes]
    codes += [c for c in (fields.get("languages") or []) if c not in codes]
    language_choices = [(c, f"{language_name(c, lang)} ({c})") for c in codes]
    field_problems, summary = place_problems(problems, text, FORM_FIELDS)
    return {
        "category_choices": category_choices,
        "language_choices": language_choices,
        "field_problems": field_problems,
        "summary": summary,
    }


def _category_ids() -> set[str]:
    return {c.id for c in get_core().index.categories}


def _candidate(slug: str, path: Path, original: str | None):
    """Fields, body, file text, the entry it makes and its problems, from the posted form."""
    fields = _form_fields(request.form)
    body = request.form.get("body", "")
    text = render_entry(fields, body, original)
    entry, problems = check_text(text, slug, _category_ids(), _shown(path))
    return fields, body, text, entry, problems


@bp.route("/edit/<slug>", methods=["GET", "POST"])
@editor_required
def edit(slug: str):
    """Edit one entry: Preview shows the result and the checks; Save writes, commits and goes live."""
    path = _entry_path(slug)
    original = _read(path)
    indexed = get_core().index.get(slug)
    if original is None and indexed is None:
        abort(404, "No such service")
    notice = None
    if request.method == "GET":
        entry, problems = (
            parse_entry(path, _category_ids(), shown=_shown(path)) if original is not None else (None, [])
        )
        if entry is None and indexed is not None:
            entry = indexed
            if original is not None:
                notice = _("The file has problems (below), so the form shows the last good version.")
        fields = fields_of(entry) if entry else {k: "" for k in FIELD_ORDER}
        return _edit_page(
            slug, fields, entry.full_body if entry else "", original, problems=problems, notice=notice
        )
    return _edit_post(slug, path, original)


@bp.route("/new", methods=["GET", "POST"])
@editor_required
def new():
    """A new entry: the same form; the file name comes from the title."""
    if request.method == "GET":
        fields = {k: ([] if k in LIST_KEYS else "") for k in FIELD_ORDER}
        fields["verified"] = today()
        return _edit_page(None, fields, "", None)
    slug = slugify(request.form.get("title", "")) if request.form.get("title", "").strip() else ""
    if not slug:
        fields = _form_fields(request.form)
        return _edit_page(
            None, fields, request.form.get("body", ""), None, error=_("Give the service a title first.")
        ), 422
    path = _entry_path(slug)
    if path.exists() or path.is_symlink():
        fields = _form_fields(request.form)
        return _edit_page(
            None,
            fields,
            request.form.get("body", ""),
            None,
            error=_(
                "There is already an entry called %(slug)s: edit that one, or change the title.", slug=slug
            ),
        ), 422
    return _edit_post(slug, path, None, creating=True)


def _edit_post(slug: str, path: Path, original: str | None, creating: bool = False):
    fields, body, text, entry, problems = _candidate(slug, path, original)
    errors = [p for p in problems if p.severity == "error"]
    action = request.form.get("action", "preview")

    def again(status: int, error: str | None = None):
        """The form as the editor typed it, with the preview, the checks and `error`."""
        return _edit_page(
            None if creating else slug,
            fields,
            body,
            original,
            preview=entry,
            text=text,
            problems=problems,
            base=request.form.get("base"),
            error=error,
        ), status

    if action != "save" or errors:
        return again(
            422 if action == "save" else 200,
            _("Not saved: fix the problems below first.") if action == "save" and errors else None,
        )
    base = None if creating else request.form.get("base", "")
    content_dir = get_core().content_dir
    try:
        saved = save_entry(
            content_dir,
            path,
            text,
            base,
            message=f"Edit {slug} via staff area (by {current_user.name})",
            author=current_user.name,
            email_domain=current_app.config["COMMIT_DOMAIN"],
        )
    except StaleEdit:
        return again(
            409,
            _(
                "Not saved: someone changed this entry since you opened it. Copy your changes, "
                "reload the page and make them again."
            ),
        )
    except EntryTooLarge as exc:
        return again(413, _("Not saved: %(why)s.", why=str(exc)))
    except OSError as exc:  # disk full, read-only folder: the typed text stays on the page
        log.error("could not save %s: %s", path, exc)
        return again(
            503,
            _(
                "Not saved: the file could not be written (%(why)s). Your text is still below: copy it "
                "somewhere safe and tell whoever looks after the server.",
                why=exc.strerror or str(exc),
            ),
        )
    log.info(
        "%s saved %s from the staff area%s",
        current_user.name,
        path,
        " (committed)" if saved.committed else "",
    )
    try:
        get_core().rebuild()
    except Exception:  # the watcher will try again; the file is saved
        log.warning("saved %s but could not update the index yet", path, exc_info=True)
    message = _("Saved. The change is live now.")
    if saved.committed:
        message += " " + _("Committed to Git.")
    elif saved.commit_error:
        message += " " + _("But the Git commit failed: %(why)s", why=saved.commit_error)
    flash(message)
    return redirect(link("staff.edit", slug=slug), 303)


def _edit_page(
    slug, fields, body, original, *, preview=None, text=None, problems=(), base=None, error=None, notice=None
):
    store = _queue()
    open_items = store.list(slug=slug, status="open") if (store and slug) else []
    return render_template(
        "staff/edit.html",
        **_choices(fields, text or original, problems),
        slug=slug,
        fields=fields,
        body=body,
        preview=preview,
        text=text,
        problems=list(problems),
        base=base or (digest(original) if original is not None else ""),
        error=error,
        notice=notice,
        statuses=STATUSES,
        categories=get_core().index.categories,
        open_items=open_items,
        path=_shown(_entry_path(slug)) if slug else None,
    )


@bp.post("/preview")
@editor_required
def preview():
    """The preview fragment for the edit page's script (the Preview button does the same without it).
    Reads only an entry inside content/services/; writes nothing."""
    slug = request.form.get("slug") or slugify(request.form.get("title", "") or "new-entry")
    path = _entry_path(slug)
    original = _read(path)
    _fields, _body, text, entry, problems = _candidate(slug, path, original)
    return render_template("staff/_preview.html", preview=entry, text=text, problems=problems)


# --- wiring ------------------------------------------------------------------------------------
def init_app(app) -> None:
    """Register the staff area and the correction form."""
    config = app.config
    if not config.get("STAFF_DB_PATH") and config.get("DB_PATH"):
        config["STAFF_DB_PATH"] = staff_db_path(config["DB_PATH"])
    config.setdefault("EDITOR_MAX_CONTENT_LENGTH", EDITOR_MAX_CONTENT_LENGTH)
    config.setdefault("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
    config.setdefault("STAFF_SESSION_MAX_SECONDS", 12 * 3600)
    config.setdefault("STAFF_CLOCK", time.time)
    app.extensions["signpost_login_throttle"] = LoginThrottle(app)
    app.request_class = EditorRequest
    config["SESSION_COOKIE_HTTPONLY"] = True
    config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")

    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/cy/staff", name="staff_cy")
    corrections.init_app(app)
    if not hasattr(app, "login_manager"):
        login_manager.init_app(app)
        login_manager.blueprint_login_views = {"staff": "staff.login", "staff_cy": "staff_cy.login"}
