"""The staff area (/staff/, /cy/staff/): reports, stale and broken entries, corrections, editing.

Everything needs a login (Flask-Login; accounts from `signpost staff add`). Viewers read; editors
may also edit entries and close suggestions. Every form carries the app-wide CSRF token.
`init_app` also wires the parts of issue 5 that live with the running site: the correction form,
the content watcher (live edits) and the analytics retention.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
from pathlib import Path
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
)
from flask_babel import gettext as _
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from markupsafe import Markup, escape

from search_index.corrections import Corrections
from search_index.editing import (
    FIELD_ORDER,
    LIST_KEYS,
    check_text,
    fields_of,
    git_commit,
    render_entry,
    split_list,
    today,
    write_atomic,
)
from search_index.entries import STATUSES, parse_entry, slugify
from search_index.freshness import stale_entries
from search_index.staff_accounts import Account, StaffAccounts
from search_index.staff_store import staff_db_path

from . import corrections
from .core import get_core
from .i18n import language_name, link, page_lang
from .staff_form import FORM_FIELDS, place_problems

log = logging.getLogger(__name__)

bp = Blueprint(
    "staff", __name__, url_prefix="/staff", static_folder="staff_static", static_url_path="/static"
)
login_manager = LoginManager()
login_manager.session_protection = "strong"
login_manager.login_message = None
PUBLIC_VIEWS = ("login", "static")


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


@bp.before_request
def require_login():
    if request.endpoint and request.endpoint.split(".")[-1] in PUBLIC_VIEWS:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


@bp.after_request
def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _safe_next(target: str | None) -> str | None:
    """Only a path inside the staff area (no other site, no scheme)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target:
        return None
    return target if parts.path.startswith(("/staff/", "/cy/staff/")) else None


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Name and password; one message for every refusal (unknown name, wrong password, locked)."""
    if current_user.is_authenticated:
        return redirect(link("staff.dashboard"))
    error = None
    if request.method == "POST":
        store = accounts()
        account = (
            store.authenticate(request.form.get("name", ""), request.form.get("password", ""))
            if store
            else None
        )
        user = _session_user(account) if account else None
        if user is not None:
            login_user(user)
            log.info("staff login: %s", user.name)
            return redirect(_safe_next(request.args.get("next")) or link("staff.dashboard"), 303)
        log.info("a staff login was refused")
        error = _(
            "That name and password were not accepted. After 5 failed tries, an account is locked for 15 minutes."
        )
    return render_template("staff/login.html", error=error), (401 if error else 200)


@bp.post("/logout")
def logout():
    logout_user()
    flash(_("You have logged out."))
    return redirect(link("staff.login"), 303)


# --- the overview ------------------------------------------------------------------------------
def _report(since: dt.date | None = None, limit: int = 20):
    analytics = get_core().analytics
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
    analytics = get_core().analytics
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
    return get_core().content_dir / "services" / f"{slug}.md"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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


def _candidate(slug: str, original: str | None):
    """Fields, body, file text, the entry it makes and its problems, from the posted form."""
    fields = _form_fields(request.form)
    body = request.form.get("body", "")
    text = render_entry(fields, body, original)
    entry, problems = check_text(text, slug, _category_ids(), _shown(_entry_path(slug)))
    return fields, body, text, entry, problems


@bp.route("/edit/<slug>", methods=["GET", "POST"])
@editor_required
def edit(slug: str):
    """Edit one entry: Preview shows the result and the checks; Save writes, commits and goes live."""
    path = _entry_path(slug)
    original = path.read_text(encoding="utf-8") if path.is_file() else None
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
    if path.exists():
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
    fields, body, text, entry, problems = _candidate(slug, original)
    errors = [p for p in problems if p.severity == "error"]
    action = request.form.get("action", "preview")
    if action != "save" or errors:
        status = 422 if action == "save" else 200
        return _edit_page(
            None if creating else slug,
            fields,
            body,
            original,
            preview=entry,
            text=text,
            problems=problems,
            base=request.form.get("base"),
            error=_("Not saved: fix the problems below first.") if action == "save" and errors else None,
        ), status
    if (original is None) != creating or (
        original is not None and request.form.get("base") != _digest(original)
    ):
        return _edit_page(
            slug,
            fields,
            body,
            original,
            preview=entry,
            text=text,
            problems=problems,
            base=request.form.get("base"),
            error=_(
                "Not saved: someone changed this entry since you opened it. Copy your changes, "
                "reload the page and make them again."
            ),
        ), 409
    write_atomic(path, text)
    committed = git_commit(
        get_core().content_dir,
        path,
        f"Edit {slug} via staff area (by {current_user.name})",
        current_user.name,
    )
    log.info(
        "%s saved %s from the staff area%s", current_user.name, path, " (committed)" if committed else ""
    )
    try:
        get_core().rebuild()
    except Exception:  # the watcher will try again; the file is saved
        log.warning("saved %s but could not update the index yet", path, exc_info=True)
    flash(_("Saved. The change is live now.") + (" " + _("Committed to Git.") if committed else ""))
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
        base=base or (_digest(original) if original is not None else ""),
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
    """The preview fragment for the edit page's script (the Preview button does the same without it)."""
    slug = request.form.get("slug") or slugify(request.form.get("title", "") or "new-entry")
    path = _entry_path(slug)
    original = path.read_text(encoding="utf-8") if path.is_file() else None
    _fields, _body, text, entry, problems = _candidate(slug, original)
    return render_template("staff/_preview.html", preview=entry, text=text, problems=problems)


# --- wiring ------------------------------------------------------------------------------------
def init_app(app) -> None:
    """Register the staff area and the correction form."""
    config = app.config
    if not config.get("STAFF_DB_PATH") and config.get("DB_PATH"):
        config["STAFF_DB_PATH"] = staff_db_path(config["DB_PATH"])
    config["SESSION_COOKIE_HTTPONLY"] = True
    config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")

    app.register_blueprint(bp)
    app.register_blueprint(bp, url_prefix="/cy/staff", name="staff_cy")
    corrections.init_app(app)
    if not hasattr(app, "login_manager"):
        login_manager.init_app(app)
        login_manager.blueprint_login_views = {"staff": "staff.login", "staff_cy": "staff_cy.login"}
