"""The search results page: crisis help first, then services, or a kind "nothing found"."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from .core import area_names, get_core
from .i18n import page_lang
from .pages import EXIT_CATEGORIES, needs_exit
from .query import parse_search, run_search

bp = Blueprint("search", __name__)
MAX_SHOWN = 200  # "Show more" goes up to this many services


def area_options(areas: list[str], lang: str) -> list[tuple[str, str]]:
    """The area filter's options as (value, label): the value is always the area's English name
    (so `?area=` links work in both languages), the label its name in `lang`, in the order of the labels."""
    names = area_names()
    return sorted(((a, names.name(a, lang)) for a in areas), key=lambda o: (o[1].casefold(), o[0]))


@bp.get("/search")
def results():
    """Results in the core's order, with why each matched; filters in a plain GET form."""
    core = get_core()
    index = core.index
    req = parse_search(request.args, index.category_by_id)
    lang = page_lang()
    step = current_app.config["SEARCH_LIMIT"]
    raw = request.args.get("n", "")
    shown = min(int(raw), MAX_SHOWN) if raw.isdigit() and int(raw) > step else step
    shown -= shown % step
    # "seen" marks the same search shown again (more results, back from the list): recorded once
    outcome = run_search(
        core, req, lang=lang, channel="web", limit=shown + 1, record=request.args.get("seen") != "1"
    )
    more = outcome.items[shown] if len(outcome.items) > shown and shown < MAX_SHOWN else None
    outcome.items = outcome.items[:shown]
    res = outcome.results
    return render_template(
        "search.html",
        req=req,
        outcome=outcome,
        crisis=res.crisis if res is not None else None,
        suggestion=res.suggestion if res is not None and res.suggestion and res.suggestion != req.q else None,
        more=more and {"params": req.params(n=shown + step, seen="1"), "anchor": f"s-{more.entry.slug}"},
        categories=index.categories,
        areas=area_options(index.areas(), lang),
        languages=index.languages(),
        show_exit=req.category in EXIT_CATEGORIES
        or needs_exit(res.crisis if res is not None else None, [i.entry for i in outcome.items]),
    )
