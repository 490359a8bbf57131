""" "My list": services a resident (or a worker helping them) collects, to print or share as one sheet.

Kept in the session cookie (POST forms with CSRF, no JavaScript needed), or given in the address as
/list?s=slug1,slug2 so a list can be shared or bookmarked without any session.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
)
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from search_index import entry_text

from .core import area_names, get_core
from .entry_pages import qr_svg
from .i18n import link, page_lang

bp = Blueprint("mylist", __name__)

SESSION_KEY = "my_list"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def saved_slugs() -> list[str]:
    value = session.get(SESSION_KEY, [])
    return [s for s in value if isinstance(s, str)] if isinstance(value, list) else []


def parse_slugs(text: str) -> list[str]:
    out: list[str] = []
    for part in (text or "").split(","):
        part = part.strip()
        if _SLUG.match(part) and len(part) <= 80 and part not in out:
            out.append(part)
    return out[: current_app.config["LIST_LIMIT"]]


def _listed() -> tuple[list, str | None]:
    """The entries asked for (?s=… wins over the session) and the shared value, if any."""
    shared = request.args.get("s")
    slugs = parse_slugs(shared) if shared is not None else saved_slugs()
    index = get_core().index
    entries = [e for e in (index.get(s) for s in slugs) if e is not None and e.status != "closed"]
    return entries, shared


def _back(default: str) -> str:
    target = request.form.get("next", "")
    ok = target.startswith("/") and not target.startswith(("//", "/\\")) and "\n" not in target
    return target if ok else default


@bp.get("/list")
def show():
    """The list, with links to print it and to share it."""
    entries, shared = _listed()
    share = ",".join(e.slug for e in entries)
    share_url = link("mylist.show", s=share, _external=True) if share else ""
    lang = page_lang()
    text = "\n\n".join(entry_text(e, lang, area_names()) for e in entries) + (
        f"\n\n{share_url}" if share_url else ""
    )
    return render_template(
        "list.html",
        entries=entries,
        shared=shared is not None,
        share=share,
        share_url=share_url,
        list_text=text,
    )


@bp.get("/list/print")
def print_list():
    """Every service on the list on one printable sheet."""
    entries, shared = _listed()
    share = ",".join(e.slug for e in entries)
    share_url = link("mylist.show", s=share, _external=True) if share else ""
    label = _("QR code: scan it to open this list")
    return render_template(
        "list_print.html",
        entries=entries,
        share_url=share_url,
        shared=shared,
        qr=qr_svg(share_url, label) if share_url else None,
    )


@bp.post("/list/add")
def add():
    """Add one service to the list in the session."""
    entry = get_core().index.get(request.form.get("slug", ""))
    if entry is None or entry.status == "closed":
        abort(404, "No such service")
    slugs = saved_slugs()
    if entry.slug not in slugs and len(slugs) < current_app.config["LIST_LIMIT"]:
        slugs.append(entry.slug)
        session[SESSION_KEY] = slugs
    message = _("Added “%(title)s” to your list.", title=entry.title_in(page_lang()))
    if _by_script():
        return _answer(entry.slug in slugs, message, entry.title_in(page_lang()))
    flash(message)
    return redirect(_back(link("mylist.show")), 303)


@bp.post("/list/remove")
def remove():
    """Take one service off the list."""
    slug = request.form.get("slug", "")
    slugs = saved_slugs()
    entry = get_core().index.get(slug)
    title = entry.title_in(page_lang()) if entry else slug
    message = _("Removed “%(title)s” from your list.", title=title)
    if slug in slugs:
        slugs.remove(slug)
        session[SESSION_KEY] = slugs
        if not _by_script():
            flash(message)
    if _by_script():
        return _answer(False, message, title)
    return redirect(_back(link("mylist.show")), 303)


def _by_script() -> bool:
    """The page's script sent the form (fetch), so it stays where it is: answer with JSON."""
    return request.headers.get("X-Requested-With") == "fetch"


def _answer(saved: bool, message: str, title: str):
    label = _("Remove from my list") if saved else _("Add to my list")
    return jsonify(
        saved=saved,
        count=len(saved_slugs()),
        message=message,
        action=link("mylist.remove" if saved else "mylist.add"),
        label=label,
        aria_label=f"{label}: {title}",
    )


@bp.post("/list/save")
def save():
    """Keep a shared list (?s=…) as your own."""
    slugs = saved_slugs()
    for slug in parse_slugs(request.form.get("s", "")):
        if slug not in slugs and get_core().index.get(slug) and len(slugs) < current_app.config["LIST_LIMIT"]:
            slugs.append(slug)
    session[SESSION_KEY] = slugs
    flash(_("These services are now in your list."))
    return redirect(link("mylist.show"), 303)


@bp.post("/list/clear")
def clear():
    """Empty the list."""
    session.pop(SESSION_KEY, None)
    flash(_("Your list is empty now."))
    return redirect(link("mylist.show"), 303)


def _this_page_again() -> str:
    """Where a list button comes back to: this page, marked `seen=1` so a search is not recorded twice."""
    if not request.query_string:
        return request.path
    args = request.args.to_dict(flat=False)
    args["seen"] = ["1"]
    return request.path + "?" + urlencode(args, doseq=True)


def list_form() -> dict:
    """What every "Add to / Remove from my list" button on a page shares, worked out once per
    request (a search page has twenty of them)."""
    got = g.get("list_form")
    if got is None:
        got = g.list_form = {
            "saved": set(saved_slugs()),
            "token": generate_csrf(),
            "next": _this_page_again(),
            "add": link("mylist.add"),
            "remove": link("mylist.remove"),
        }
    return got


@bp.app_context_processor
def list_context() -> dict:
    return {"my_list": saved_slugs, "list_form": list_form}
