"""The search results page: crisis help first, then services, or a kind "nothing found"."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from .core import get_core
from .i18n import page_lang
from .pages import EXIT_CATEGORIES, needs_exit
from .query import parse_search, run_search

bp = Blueprint("search", __name__)


@bp.get("/search")
def results():
    """Results in the core's order, with why each matched; filters in a plain GET form."""
    core = get_core()
    index = core.index
    req = parse_search(request.args, index.category_by_id)
    lang = page_lang()
    outcome = run_search(core, req, lang=lang, channel="web", limit=current_app.config["SEARCH_LIMIT"])
    res = outcome.results
    return render_template(
        "search.html",
        req=req,
        outcome=outcome,
        crisis=res.crisis if res is not None else None,
        suggestion=res.suggestion if res is not None and res.suggestion and res.suggestion != req.q else None,
        categories=index.categories,
        areas=index.areas(),
        languages=index.languages(),
        show_exit=req.category in EXIT_CATEGORIES
        or needs_exit(res.crisis if res is not None else None, [i.entry for i in outcome.items]),
    )
