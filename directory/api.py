"""/api/search: the same search as the page, as JSON, for widgets and partner sites."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from .core import area_names, get_core
from .i18n import link, page_lang
from .query import Item, parse_search, run_search

bp = Blueprint("api", __name__)
MAX_LIMIT = 50


@bp.get("/api/search")
def search():
    """`{"query", "crisis", "crisis_kind", "crisis_tier", "confident", "suggestion", "notes", "results": [...]}`,
    filters as on /search. `confident` is false when no result is a good match."""
    core = get_core()
    req = parse_search(request.args, core.index.category_by_id)
    lang = page_lang()
    limit = _limit(request.args.get("limit"), current_app.config["SEARCH_LIMIT"])
    outcome = run_search(core, req, lang=lang, channel="api", limit=limit)
    res = outcome.results
    body = {
        "query": req.q,
        "lang": lang,
        "crisis": res is not None and res.is_crisis,
        "crisis_kind": res.crisis.kind if res is not None and res.crisis else None,
        "crisis_tier": res.crisis.tier if res is not None and res.crisis else None,
        "confident": bool(res.confident) if res is not None else None,
        "suggestion": res.suggestion if res is not None else None,
        "notes": req.notes,
        "results": [_result(item, lang, req.open_now) for item in outcome.items],
    }
    response = jsonify(body)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _result(item: Item, lang: str, open_asked: bool) -> dict:
    e = item.entry
    out = {
        "slug": e.slug,
        "title": e.title_in(lang),
        "summary": e.summary_in(lang),
        "url": link("services.entry", slug=e.slug, _external=True),
        "categories": list(e.categories),
        "why": item.why,
        "score": item.score,
        "crisis_line": item.crisis_line,
        "phone": e.phone or None,
        "email": e.email or None,
        "website": e.website or None,
        "hours": e.field_in("hours", lang) or None,
        "cost": e.field_in("cost", lang) or None,
        "free": e.is_free,
        "ages": e.ages or None,
        "area": area_names().of(e, lang) or None,
        "status": e.status,
    }
    if open_asked:
        out["open_now"] = item.open_now
    return out


def _limit(value: str | None, default: int) -> int:
    try:
        return max(1, min(MAX_LIMIT, int(str(value))))
    except (TypeError, ValueError):
        return default
