"""A read-only Open Referral UK v3 API over the directory, open to any site (CORS *)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for

from search_index import Entry, Filters

from . import oruk
from .core import get_core

bp = Blueprint("openreferral", __name__, url_prefix="/openreferral")


@bp.after_request
def allow_any_origin(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/services")
def services():
    """Services, a page at a time; `search`, `taxonomy_term_id`, `minimum_age`, `maximum_age` narrow them."""
    core = get_core()
    args = request.args
    page_number = oruk.int_param(args.get("page"), 1, 1, 1_000_000)
    per_page = oruk.int_param(args.get("per_page"), oruk.DEFAULT_PER_PAGE, 1, oruk.MAX_PER_PAGE)
    term = args.get("taxonomy_term_id", "").strip()
    search = " ".join(args.get("search", "").split())[:500]
    if search:
        res = core.search(
            search,
            channel="api",
            filters=Filters(category=term or None),
            limit=max(len(core.index.entries), 1),
        )
        entries = [h.entry for h in res.hits]
    else:
        entries = [e for e in core.index.visible() if not term or term in e.categories]
    low = oruk.int_param(args.get("minimum_age"), -1, -1, 200)
    high = oruk.int_param(args.get("maximum_age"), -1, -1, 200)
    entries = [e for e in entries if _serves_ages(e, low, high)]
    cats = core.index.category_by_id
    items = [oruk.service(e, _page_url(e), cats) for e in entries]
    return jsonify(oruk.page(items, page_number, per_page))


@bp.get("/services/<service_id>")
def service(service_id: str):
    """One service in full (closed ones too, with status 'defunct')."""
    entry = get_core().index.get(service_id)
    if entry is None:
        return jsonify({"error": "not found", "message": f"No service with id '{service_id[:100]}'"}), 404
    return jsonify(oruk.service(entry, _page_url(entry), get_core().index.category_by_id))


@bp.get("/taxonomies")
@bp.get("/taxonomy_terms")
def taxonomies():
    """Our categories as taxonomy terms (filter services with ?taxonomy_term_id=<id>)."""
    args = request.args
    page_number = oruk.int_param(args.get("page"), 1, 1, 1_000_000)
    per_page = oruk.int_param(args.get("per_page"), oruk.DEFAULT_PER_PAGE, 1, oruk.MAX_PER_PAGE)
    terms = [oruk.taxonomy_term(c) for c in get_core().index.categories]
    return jsonify(oruk.page(terms, page_number, per_page))


def _page_url(entry: Entry) -> str:
    return url_for("services.entry", slug=entry.slug, _external=True)


def _serves_ages(entry: Entry, low: int, high: int) -> bool:
    """Does the service take anyone in [low, high]? (-1: not asked). No ages given means everyone."""
    ages = entry.age_range
    if ages is None:
        return True
    if low >= 0 and ages.high is not None and ages.high < low:
        return False
    return not (high >= 0 and ages.low > high)
