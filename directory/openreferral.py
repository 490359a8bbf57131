"""A read-only Open Referral UK 3.0 API over the directory, open to any site (CORS *).

Every path of the UK profile's openapi.json: `/` (version, profile, openapi_url), `/services`,
`/services/{id}`, `/taxonomies`, `/taxonomies/{id}`, `/taxonomy_terms`, `/taxonomy_terms/{id}`,
`/service_at_locations`, `/service_at_locations/{id}`. Lists come in the `Page` envelope
(`per_page` 50 by default, at most 200). A parameter this API does not know, or a value it cannot
read, is a 400 with a JSON message saying what it takes; never ignored.

Filters mean what the specification says:
- `search`: the site's own search (its ranking is kept);
- `taxonomy_term_id`: services carrying that term (a term's UUID, or a Signpost category id);
- `taxonomy_id`: services carrying any term of that taxonomy (an unknown UUID: nothing);
- `minimum_age=N`: services whose stated minimum age is at least N;
- `maximum_age=N`: services whose stated maximum age is at most N;
- `day`, `start_time`, `end_time`: services with a weekly session on that day, opening at or after
  `start_time` and closing at or before `end_time` (one session meets all three);
- `modified_after`, `organization_id`;
- on `/service_at_locations` also `postcode` (same postcode district) and `postcode` with
  `proximity` (metres from the postcode, for locations with coordinates; the postcode's centre is
  where the directory's own entries place it).
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, redirect, request, url_for

from search_index import Entry, last_modified

from . import oruk
from .core import get_core

bp = Blueprint("openreferral", __name__, url_prefix="/openreferral")

PAGING = ("page", "per_page")
SERVICE_FILTERS = (
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "minimum_age",
    "maximum_age",
    "day",
    "start_time",
    "end_time",
    "modified_after",
    "organization_id",
)


@bp.after_request
def allow_any_origin(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.errorhandler(oruk.BadParameter)
def bad_parameter(exc: oruk.BadParameter):
    return jsonify({"error": "bad request", "message": str(exc)}), 400


@bp.get("/", strict_slashes=False)
def root():
    """Which standard this API follows (the official validator reads this first)."""
    _check_names(())
    return jsonify({"version": oruk.VERSION, "profile": oruk.PROFILE_URL, "openapi_url": oruk.OPENAPI_URL})


@bp.get("/services")
def services():
    """Services (one-to-one fields and their organization), a page at a time, filtered."""
    feed = get_feed()
    entries = _filtered(feed, PAGING + SERVICE_FILTERS)
    return _page(entries, feed.service_summary)


@bp.get("/services/<service_id>")
def service(service_id: str):
    """One service in full (closed ones too, with status 'defunct'); a slug redirects to its id."""
    _check_names(())
    feed = get_feed()
    entry = feed.by_id.get(service_id.lower())
    if entry is None and service_id in feed.by_slug:
        return redirect(url_for(".service", service_id=oruk.service_id(service_id)), 301)
    return _one("service", service_id, feed.service(entry) if entry else None)


@bp.get("/service_at_locations")
def service_at_locations():
    """Each service at each of its locations, a page at a time, filtered (also by place)."""
    feed = get_feed()
    entries = _filtered(feed, PAGING + SERVICE_FILTERS + ("postcode", "proximity"))
    pairs = _near(feed, feed.service_at_locations(entries))
    return _page(pairs, lambda pair: feed.service_at_location(*pair, full=False))


@bp.get("/service_at_locations/<sal_id>")
def service_at_location(sal_id: str):
    _check_names(())
    feed = get_feed()
    found = feed.sal_by_id.get(sal_id.lower())
    return _one("service_at_location", sal_id, feed.service_at_location(*found) if found else None)


@bp.get("/taxonomies")
def taxonomies():
    _check_names(PAGING)
    return _page(get_feed().taxonomies())


@bp.get("/taxonomies/<taxonomy_id>")
def taxonomy(taxonomy_id: str):
    _check_names(())
    feed = get_feed()
    key = feed.taxonomy_by_id.get(taxonomy_id.lower()) or (
        taxonomy_id if taxonomy_id in oruk.TAXONOMIES else None
    )
    return _one("taxonomy", taxonomy_id, feed.taxonomy(key, with_terms=True) if key else None)


@bp.get("/taxonomy_terms")
def taxonomy_terms():
    """Terms of both taxonomies (`taxonomy_id` narrows to one)."""
    _check_names(PAGING + ("taxonomy_id",))
    feed = get_feed()
    terms = feed.terms
    if request.args.get("taxonomy_id", "").strip():
        wanted = _taxonomy_id(feed, request.args["taxonomy_id"])
        terms = [t for t in terms if t["taxonomy_id"] == wanted]
    return _page(terms)


@bp.get("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id: str):
    _check_names(())
    return _one("taxonomy term", term_id, get_feed().term_by_id.get(term_id.lower()))


# --- helpers ---------------------------------------------------------------------------------


def get_feed() -> oruk.Feed:
    """The ORUK view of the live index, made once per index generation (and site address)."""
    core = get_core()
    index = core.index
    root = request.url_root
    cache = current_app.extensions.setdefault("openreferral", {})
    if cache.get("index") is not index or cache.get("root") != root:
        cats = {c.id for c in index.categories}
        cache["feed"] = oruk.Feed(
            entries=sorted(index.entries.values(), key=lambda e: e.title.lower()),
            categories=index.categories,
            modified=last_modified(core.content_dir),
            page_url=lambda slug: url_for("services.entry", slug=slug, _external=True),
            category_url=lambda cid: (
                url_for("pages.category", category_id=cid, _external=True) if cid in cats else ""
            ),
        )
        cache["index"], cache["root"] = index, root
    return cache["feed"]


def _one(kind: str, given: str, found: dict | None):
    """The object found as JSON, or a 404 saying no `kind` has the id `given`."""
    if found is None:
        return jsonify({"error": "not found", "message": f"No {kind} with id '{given[:100]}'"}), 404
    return jsonify(found)


def _page(items: list, render=None):
    """The page the request asks for; `render` turns each item on it into its JSON object."""
    args = request.args
    page_number = oruk.whole_number("page", args["page"], 1) if args.get("page") else 1
    per_page = (
        oruk.whole_number("per_page", args["per_page"], 1, oruk.MAX_PER_PAGE)
        if args.get("per_page")
        else oruk.DEFAULT_PER_PAGE
    )
    return jsonify(oruk.page(items, page_number, per_page, render))


def _check_names(allowed: tuple[str, ...]) -> None:
    for name in request.args:
        if name not in allowed:
            takes = f"this path takes {', '.join(allowed)}" if allowed else "this path takes no parameters"
            raise oruk.BadParameter(f"unknown parameter '{name[:40]}'; {takes}")
        if len(request.args.getlist(name)) > 1:
            raise oruk.BadParameter(f"'{name[:40]}' is given more than once; give it once")


def _taxonomy_id(feed: oruk.Feed, value: str) -> str | None:
    """The UUID of a taxonomy given by UUID or key; None for a well-formed UUID nobody knows."""
    value = value.strip()
    if value in oruk.TAXONOMIES:
        return oruk.oid("taxonomy", value)
    if not oruk.UUID_RE.match(value):
        raise oruk.BadParameter(
            f"'taxonomy_id' must be a taxonomy's UUID (see /taxonomies), not '{value[:40]}'"
        )
    return value.lower() if value.lower() in feed.taxonomy_by_id else None


def _term_id(feed: oruk.Feed, value: str) -> str | None:
    value = value.strip()
    if value in feed.category_by_id:
        return oruk.term_id(oruk.SIGNPOST, value)
    if not oruk.UUID_RE.match(value):
        raise oruk.BadParameter(
            f"'taxonomy_term_id' must be a term's UUID (see /taxonomy_terms) or a category id, not '{value[:40]}'"
        )
    return value.lower()


def _filtered(feed: oruk.Feed, allowed: tuple[str, ...]) -> list[Entry]:
    """The entries the request's filters let through (search order when searching, else by title)."""
    _check_names(allowed)
    args = {k: v for k, v in request.args.items() if v.strip()}
    checks = []
    if "taxonomy_term_id" in args:
        wanted = _term_id(feed, args["taxonomy_term_id"])
        checks.append(lambda e: any(t == wanted for _, _, t in feed.term_ids(e)))
    if "taxonomy_id" in args:
        taxonomy = _taxonomy_id(feed, args["taxonomy_id"])
        key = feed.taxonomy_by_id.get(taxonomy or "")
        checks.append(lambda e: key is not None and any(k == key for k, _, _ in feed.term_ids(e)))
    if "minimum_age" in args:
        low = oruk.age("minimum_age", args["minimum_age"])
        checks.append(lambda e: e.age_range is not None and e.age_range.low >= low)
    if "maximum_age" in args:
        high = oruk.age("maximum_age", args["maximum_age"])
        checks.append(
            lambda e: e.age_range is not None and e.age_range.high is not None and e.age_range.high <= high
        )
    if {"day", "start_time", "end_time"} & set(args):
        on = oruk.day(args["day"]) if "day" in args else None
        start = oruk.time_of_day("start_time", args["start_time"]) if "start_time" in args else None
        end = oruk.time_of_day("end_time", args["end_time"]) if "end_time" in args else None
        checks.append(lambda e: any(_session_fits(s, on, start, end) for s in oruk.sessions(e)))
    if "modified_after" in args:
        since = oruk.date_time("modified_after", args["modified_after"])
        checks.append(lambda e: e.slug in feed.modified and feed.modified[e.slug] >= since)
    if "organization_id" in args:
        org = args["organization_id"].strip().lower()
        if not oruk.UUID_RE.match(org):
            raise oruk.BadParameter(f"'organization_id' must be an organization's UUID, not '{org[:40]}'")
        checks.append(lambda e: feed.organization(e)["id"] == org)
    if "proximity" in args and "postcode" not in args:
        raise oruk.BadParameter("'proximity' needs a 'postcode' to measure from")
    if "search" in args:
        core = get_core()
        text = " ".join(args["search"].split())[:500]
        found = core.search(text, channel="api", limit=max(len(core.index.entries), 1))
        entries = [feed.by_slug[h.slug] for h in found.hits if h.slug in feed.by_slug]
    else:
        entries = [e for e in feed.entries if e.status != "closed"]
    return [e for e in entries if all(check(e) for check in checks)]


def _session_fits(s: oruk.Session, on: int | None, start: int | None, end: int | None) -> bool:
    return (
        (on is None or on in s.days)
        and (start is None or s.opens >= start)
        and (end is None or s.closes <= end)
    )


def _near(feed: oruk.Feed, pairs: list[tuple[Entry, int]]) -> list[tuple[Entry, int]]:
    """Keep the service-at-locations in the asked postcode district, or within `proximity` metres."""
    args = {k: v for k, v in request.args.items() if v.strip()}
    if "postcode" not in args:
        return pairs
    district, full = oruk.postcode(args["postcode"])
    if "proximity" not in args:
        return [(e, i) for e, i in pairs if _district(oruk.places(e)[i].postcode) == district]
    try:
        metres = float(args["proximity"])
    except ValueError:
        metres = -1.0
    if not 0 < metres <= 1_000_000:
        raise oruk.BadParameter(f"'proximity' must be a distance in metres, not '{args['proximity'][:40]}'")
    centre = _postcode_centre(feed, full, district)
    if centre is None:
        raise oruk.BadParameter(
            f"postcode '{args['postcode'][:20]}' cannot be placed: no entry with coordinates gives it; "
            "use 'postcode' alone for its district"
        )
    out = []
    for e, i in pairs:
        place = oruk.places(e)[i]
        if (
            place.latitude is not None
            and oruk.distance_m(centre, (place.latitude, place.longitude)) <= metres
        ):
            out.append((e, i))
    return out


def _district(text: str) -> str | None:
    try:
        return oruk.postcode(text)[0]
    except oruk.BadParameter:
        return None


def _postcode_centre(feed: oruk.Feed, full: str, district: str) -> tuple[float, float] | None:
    """The mean of the coordinates the directory's entries give for this postcode (or district)."""
    for key in (full, None):
        points = [
            (p.latitude, p.longitude)
            for e in feed.entries
            for p in oruk.places(e)
            if p.latitude is not None
            and (oruk.normal_postcode(p.postcode) == key if key else _district(p.postcode) == district)
        ]
        if points and (key or len(full) == len(district)):
            return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return None
