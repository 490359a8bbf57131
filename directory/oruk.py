"""Our entries and categories in the Open Referral UK (HSDS 3.0 UK profile) shape, for other directories.

Field names, required fields and enums follow the published v3 schemas: a service needs id, name,
status (active | inactive | defunct | temporarily closed) and url; a taxonomy term id, name and
description; nested objects an id. Our ids are the entry slugs and category ids (stable, readable);
ids of nested objects are UUIDs derived from them, so they stay the same between calls.
"""

from __future__ import annotations

import math
import uuid

from search_index import Category, Entry

from .hours import parse_hours
from .i18n import language_name

STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "defunct"}
TAXONOMY = {
    "id": "signpost-categories",
    "name": "Signpost categories",
    "description": "The categories of Wrexham's Signpost community services directory.",
}
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "signpost:" + ":".join(parts)))


def taxonomy_term(category: Category) -> dict:
    return {
        "id": category.id,
        "code": category.id,
        "name": category.name,
        "description": category.description or category.name,
        "taxonomy": TAXONOMY["name"],
        "taxonomy_id": TAXONOMY["id"],
        "language": "en",
    }


def service(entry: Entry, page_url: str, categories: dict[str, Category]) -> dict:
    """One entry as an ORUK v3 service; `page_url` is the entry's page on this site."""
    slug = entry.slug
    out: dict = {
        "id": slug,
        "name": entry.title,
        "description": "\n\n".join(x for x in (entry.summary, entry.body) if x),
        "url": entry.website or page_url,
        "status": STATUS.get(entry.status, "inactive"),
    }
    if entry.email:
        out["email"] = entry.email
    ages = entry.age_range
    if ages is not None:
        out["minimum_age"] = ages.low
        if ages.high is not None:
            out["maximum_age"] = ages.high
    if entry.ages:
        out["eligibility_description"] = entry.ages
    if entry.verified:
        out["assured_date"] = entry.verified.isoformat()
    if entry.referral:
        out["application_process"] = entry.referral
    if entry.status == "temporarily-closed":
        out["alert"] = "This service is temporarily closed."
    if entry.cost:
        out["fees_description"] = entry.cost
        option = {"id": stable_id(slug, "cost"), "option": entry.cost}
        if entry.is_free:
            option.update(amount=0, currency="GBP")
        out["cost_options"] = [option]
    out["languages"] = [
        {"id": stable_id(slug, "language", code), "name": language_name(code, "en"), "code": code}
        for code in entry.languages
    ]
    org_name = entry.organisation or entry.title
    out["organization"] = {
        "id": stable_id("organization", org_name),
        "name": org_name,
        "description": f"Runs {entry.title}.",
    }
    out["phones"] = [{"id": stable_id(slug, "phone"), "number": entry.phone}] if entry.phone else []
    out["service_areas"] = [{"id": stable_id(slug, "area"), "name": entry.area}] if entry.area else []
    out["schedules"] = _schedules(entry)
    out["attributes"] = [_attribute(slug, categories[c]) for c in entry.categories if c in categories]
    out["service_at_locations"] = _locations(entry)
    return out


def _schedules(entry: Entry) -> list[dict]:
    if not entry.hours:
        return []
    sessions = parse_hours(entry.hours) or ()
    if len(sessions) <= 1:
        extra = sessions[0].ical() if sessions else {}
        return [{"id": stable_id(entry.slug, "schedule"), "description": entry.hours, **extra}]
    return [
        {"id": stable_id(entry.slug, "schedule", str(i)), "description": entry.hours, **s.ical()}
        for i, s in enumerate(sessions)
    ]


def _attribute(slug: str, category: Category) -> dict:
    return {
        "id": stable_id(slug, "attribute", category.id),
        "link_id": slug,
        "link_type": "service_category",
        "link_entity": "service",
        "taxonomy_term_id": category.id,
        "label": category.name,
        "taxonomy_term": taxonomy_term(category),
    }


def _locations(entry: Entry) -> list[dict]:
    if not (entry.address or entry.postcode):
        return []
    location: dict = {
        "id": stable_id(entry.slug, "location"),
        "location_type": "physical",
        "name": entry.address or entry.area or entry.title,
        "addresses": [
            {
                "id": stable_id(entry.slug, "address"),
                "address_1": entry.address or entry.area or "",
                "city": "Wrexham",
                "state_province": "Wales",
                "postal_code": entry.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ],
    }
    if entry.access:
        location["accessibility"] = [{"id": stable_id(entry.slug, "access"), "description": entry.access}]
    return [{"id": stable_id(entry.slug, "service_at_location"), "location": location}]


def page(items: list, page_number: int, per_page: int) -> dict:
    """The ORUK paginated envelope around `items` (all of them; this cuts out the page)."""
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    start = (page_number - 1) * per_page
    contents = items[start : start + per_page]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= pages,
        "empty": not contents,
        "contents": contents,
    }


def int_param(value: str | None, default: int, low: int, high: int) -> int:
    """A page number or size from the query string: unreadable means the default; clamped to [low, high]."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return max(low, min(high, n))
