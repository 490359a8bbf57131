"""Editing an entry in the browser (editors only): the form, Preview with the same checks as
`signpost check`, and Save, which writes the file, commits it to Git and updates the index.

The page is drawn from one `EntryForm`: the fields and description as read or typed, the file on
disk, and after Preview or Save the text they make and its problems, each beside its field.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path

from flask import Request, abort, current_app, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

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
from search_index import STATUSES, Entry, Problem, language_name, parse_entry, slugify

from ..core import get_core
from ..i18n import link, page_lang
from .auth import editor_required
from .blueprint import bp
from .corrections import queue
from .form import FORM_FIELDS, place_problems

log = logging.getLogger(__name__)

EDITOR_MAX_CONTENT_LENGTH = 1024 * 1024  # an entry of up to 256 KB, form-encoded, with the other fields
_EDITOR_PATHS = re.compile(r"^(?:/cy)?/staff/(?:edit/[^/]+|new|preview)$")
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


class EditorRequest(Request):
    """The site's requests, except that the entry editor's may carry an entry file of up to 256 KB
    (the rest of the site keeps MAX_CONTENT_LENGTH)."""

    @property
    def max_content_length(self) -> int | None:
        if self.method == "POST" and _EDITOR_PATHS.match(self.path):
            return current_app.config["EDITOR_MAX_CONTENT_LENGTH"]
        return super().max_content_length


@dataclass(frozen=True)
class EntryForm:
    """What the edit page shows. `slug` is None for a new entry; `original` is the file on disk (None:
    none yet); `text`, `preview` and `problems` are what the form makes, after Preview or Save;
    `base` is the digest of the version the editor opened (a save over a newer one is refused)."""

    slug: str | None
    fields: dict[str, object]
    body: str = ""
    original: str | None = None
    text: str | None = None
    preview: Entry | None = None
    problems: tuple[Problem, ...] = ()
    base: str | None = None
    error: str | None = None
    notice: str | None = None

    @classmethod
    def blank(cls) -> EntryForm:
        fields = {k: ([] if k in LIST_KEYS else "") for k in FIELD_ORDER}
        return cls(None, {**fields, "verified": today()})

    @classmethod
    def opened(cls, slug: str, path: Path, original: str | None, indexed: Entry | None) -> EntryForm:
        """The entry as its file says, or its last good version when the file is broken."""
        entry, problems = (
            parse_entry(path, _category_ids(), shown=_shown(path)) if original is not None else (None, [])
        )
        notice = None
        if entry is None and indexed is not None:
            entry = indexed
            if original is not None:
                notice = _("The file has problems (below), so the form shows the last good version.")
        fields = fields_of(entry) if entry else {k: "" for k in FIELD_ORDER}
        body = entry.full_body if entry else ""
        return cls(slug, fields, body, original, problems=tuple(problems), notice=notice)

    @classmethod
    def posted(cls, slug: str | None, path: Path, original: str | None) -> EntryForm:
        """The form as the editor typed it, with the file it makes and that file's checks."""
        fields = _posted_fields(request.form)
        body = request.form.get("body", "")
        text = render_entry(fields, body, original)
        entry, problems = check_text(text, slug or path.stem, _category_ids(), _shown(path))
        base = request.form.get("base")
        return cls(slug, fields, body, original, text, entry, tuple(problems), base)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@bp.route("/edit/<slug>", methods=["GET", "POST"])
@editor_required
def edit(slug: str):
    """Edit one entry: Preview shows the result and the checks; Save writes, commits and goes live."""
    path = _entry_path(slug)
    original = _read(path)
    indexed = get_core().index.get(slug)
    if original is None and indexed is None:
        abort(404, "No such service")
    if request.method == "GET":
        return _edit_page(EntryForm.opened(slug, path, original, indexed))
    return _preview_or_save(EntryForm.posted(slug, path, original), path)


@bp.route("/new", methods=["GET", "POST"])
@editor_required
def new():
    """A new entry: the same form; the file name comes from the title."""
    if request.method == "GET":
        return _edit_page(EntryForm.blank())
    title = request.form.get("title", "")
    slug = slugify(title) if title.strip() else ""
    typed = EntryForm(None, _posted_fields(request.form), request.form.get("body", ""))
    if not slug:
        return _edit_page(replace(typed, error=_("Give the service a title first."))), 422
    path = _entry_path(slug)
    if path.exists() or path.is_symlink():
        error = _("There is already an entry called %(slug)s: edit that one, or change the title.", slug=slug)
        return _edit_page(replace(typed, error=error)), 422
    return _preview_or_save(EntryForm.posted(None, path, None), path)


@bp.post("/preview")
@editor_required
def preview():
    """The preview fragment for the edit page's script (the Preview button does the same without it).
    Reads only an entry inside content/services/; writes nothing."""
    slug = request.form.get("slug") or slugify(request.form.get("title", "") or "new-entry")
    path = _entry_path(slug)
    form = EntryForm.posted(slug, path, _read(path))
    return render_template(
        "staff/_preview.html", preview=form.preview, text=form.text, problems=form.problems
    )


def _preview_or_save(form: EntryForm, path: Path):
    """Preview (the page again, with the checks), or Save when there is no error."""
    action = request.form.get("action", "preview")
    if action != "save":
        return _edit_page(form), 200
    if form.errors:
        return _edit_page(replace(form, error=_("Not saved: fix the problems below first."))), 422
    slug = form.slug or path.stem
    try:
        saved = save_entry(
            get_core().content_dir,
            path,
            form.text,
            None if form.slug is None else (form.base or ""),
            message=f"Edit {slug} via staff area (by {current_user.name})",
            author=current_user.name,
            email_domain=current_app.config["COMMIT_DOMAIN"],
        )
    except (StaleEdit, EntryTooLarge, OSError) as exc:
        status, error = _not_saved(exc, path)
        return _edit_page(replace(form, error=error)), status
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


def _not_saved(exc: Exception, path: Path) -> tuple[int, str]:
    """The status and message for a save that failed; the typed text stays on the page."""
    if isinstance(exc, StaleEdit):
        return 409, _(
            "Not saved: someone changed this entry since you opened it. Copy your changes, "
            "reload the page and make them again."
        )
    if isinstance(exc, EntryTooLarge):
        return 413, _("Not saved: %(why)s.", why=str(exc))
    log.error("could not save %s: %s", path, exc)  # disk full, read-only folder
    return 503, _(
        "Not saved: the file could not be written (%(why)s). Your text is still below: copy it "
        "somewhere safe and tell whoever looks after the server.",
        why=exc.strerror or str(exc),
    )


def _edit_page(form: EntryForm) -> str:
    store = queue()
    slug = form.slug
    original = form.original
    return render_template(
        "staff/edit.html",
        **_choices(form),
        slug=slug,
        fields=form.fields,
        body=form.body,
        preview=form.preview,
        text=form.text,
        problems=list(form.problems),
        base=form.base or (digest(original) if original is not None else ""),
        error=form.error,
        notice=form.notice,
        statuses=STATUSES,
        categories=get_core().index.categories,
        open_items=store.list(slug=slug, status="open") if (store and slug) else [],
        path=_shown(_entry_path(slug)) if slug else None,
    )


def _choices(form: EntryForm) -> dict:
    """The checkboxes of the edit form and each problem placed beside its field."""
    lang = page_lang()
    index = get_core().index
    known = {c.id for c in index.categories}
    chosen = list(form.fields.get("categories") or [])
    codes = list(COMMON_LANGUAGES)
    codes += [c for c in index.languages() if c not in codes]
    codes += [c for c in (form.fields.get("languages") or []) if c not in codes]
    field_problems, summary = place_problems(form.problems, form.text or form.original, FORM_FIELDS)
    return {
        "category_choices": [(c.id, c.label(lang)) for c in index.categories]
        + [(c, c) for c in chosen if c not in known],
        "language_choices": [(c, f"{language_name(c, lang)} ({c})") for c in codes],
        "field_problems": field_problems,
        "summary": summary,
    }


def _posted_fields(form) -> dict[str, object]:
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


def _category_ids() -> set[str]:
    return {c.id for c in get_core().index.categories}


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
