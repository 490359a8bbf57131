"""The directory in the Open Referral UK 3.0 shape (the UK profile of HSDS 3.0), for other directories.

Everything here is plain data in, plain dicts out: the API (`openreferral.py`) and the export
command both use it. Field names, required fields, enums and formats follow the UK profile's
schemas; every `id` is a UUID.

**Ids.** Each id is a version 5 UUID made from a readable key in the namespace `ID_NAMESPACE`
(dd5dfc78-ca93-5ec6-9b06-2a8789f7d0b7, itself uuid5(NAMESPACE_URL, "urn:signpost:openreferral")):
`service/<slug>`, `organization/<organisation name in lower case>`, `taxonomy/<taxonomy key>`,
`taxonomy_term/<taxonomy key>/<code>`, `attribute/<slug>/<taxonomy key>/<code>`,
`location/<slug>/<n>`, `address/<slug>/<n>`, `service_at_location/<slug>/<n>`,
`schedule/<slug>/<n>`, `contact/<slug>`, `phone/<slug>`, ... So an id never changes while the
entry's file keeps its name, and anyone can work it out from the slug. The slug itself is in each
service's `identifier` attribute (`link_type: "identifier"`, `value: <slug>`).

**Taxonomies.** Signpost's own categories (`signpost-categories`, code = category id) and Open
Eligibility 2.0 (`open-eligibility`, code = the published term id), which each category maps onto
in `content/categories.yml`.

**The UK openapi.json's quirk.** It validates `GET /service_at_locations/{id}` against the
*service* schema, so a full service_at_location also carries `name` and `status` (the service's):
it then validates against both the service and the service_at_location schemas.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from search_index import (
    DAY_CODES,
    OPEN_ELIGIBILITY_LIST_URI,
    OPEN_ELIGIBILITY_URI,
    OPEN_ELIGIBILITY_VERSION,
    Category,
    Entry,
    Location,
    ancestors,
    language_name,
    open_eligibility,
)

from .hours import parse_hours

ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:signpost:openreferral")
VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
OPENAPI_URL = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json"
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50

STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "defunct"}
SIGNPOST = "signpost-categories"
OPEN_ELIGIBILITY = "open-eligibility"
TAXONOMIES = {
    SIGNPOST: {
        "name": "Signpost categories",
        "description": "The categories of Signpost, Wrexham's community services directory.",
        "version": "1",
    },
    OPEN_ELIGIBILITY: {
        "name": "Open Eligibility",
        "description": "Open Eligibility human services taxonomy (Creative Commons BY-SA 3.0, Aunt Bertha, Inc.); "
        "each Signpost category maps onto one or more of its terms.",
        "uri": OPEN_ELIGIBILITY_URI,
        "version": OPEN_ELIGIBILITY_VERSION,
    },
}
IDENTIFIER_LINK_TYPE = "identifier"


def oid(*parts: str) -> str:
    """The UUID of the object named by `parts` (see the module's docstring)."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def service_id(slug: str) -> str:
    return oid("service", slug)


def term_id(taxonomy: str, code: str) -> str:
    return oid("taxonomy_term", taxonomy, code)


def iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- hours -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    """Open on `days` (0 = Monday) from `opens` to `closes`, in minutes after midnight."""

    days: tuple[int, ...]
    opens: int
    closes: int


def sessions(entry: Entry) -> list[Session]:
    """The entry's weekly sessions: its `opening_times`, else its `hours` where they can be read."""
    if entry.opening_times:
        return [Session(t.days, _minutes(t.opens), _minutes(t.closes)) for t in entry.opening_times]
    return [Session(s.days, s.opens, s.closes) for s in parse_hours(entry.hours) or ()]


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hhmm(minutes: int) -> str:
    minutes = min(minutes, 24 * 60 - 1)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- places ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """One location of an entry: its own address (first) or one of its `locations`."""

    name: str
    address: str
    city: str
    postcode: str
    latitude: float | None
    longitude: float | None
    access: str = ""


def places(entry: Entry) -> list[Place]:
    """The entry's address, then its other `locations`; with neither, the `area` it names."""
    out: list[Place] = []
    if entry.address or entry.postcode:
        point = entry.coordinates
        out.append(
            Place(
                name=entry.address or entry.area or entry.title,
                address=entry.address,
                city="",
                postcode=entry.postcode,
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                access=entry.access,
            )
        )
    for loc in entry.locations:
        out.append(_place(loc, access=entry.access if not out else ""))
    if not out and entry.area:  # no address given: the area it names is still where it is
        out.append(Place(name=entry.area, address="", city="", postcode="", latitude=None, longitude=None))
    return out


def _place(loc: Location, access: str) -> Place:
    return Place(
        name=loc.name or loc.address or loc.postcode,
        address=loc.address,
        city=loc.city,
        postcode=loc.postcode,
        latitude=loc.latitude,
        longitude=loc.longitude,
        access=access,
    )


# --- the feed --------------------------------------------------------------------------------


@dataclass
class Feed:
    """The ORUK view of one directory: entries and categories in, ORUK objects out.

    `page_url(slug)` and `category_url(id)` give this site's pages when there is a site (the API);
    `modified` gives each entry's last change (see `search_index.history`).
    """

    entries: list[Entry]
    categories: list[Category]
    modified: dict[str, dt.datetime] = field(default_factory=dict)
    page_url: Callable[[str], str] | None = None
    category_url: Callable[[str], str] | None = None

    def __post_init__(self) -> None:
        self.category_by_id = {c.id: c for c in self.categories}
        self.by_id = {service_id(e.slug): e for e in self.entries}
        self.by_slug = {e.slug: e for e in self.entries}
        oe = open_eligibility()
        used_oe: set[str] = set()
        for c in self.categories:
            for code in c.open_eligibility:
                used_oe.update(ancestors(code))
        # The Open Eligibility terms we publish: those our categories map onto, and their parents.
        self.oe_codes = [code for code in oe if code in used_oe]
        self.terms: list[dict] = [self._signpost_term(c) for c in self.categories]
        self.terms += [self._oe_term(code) for code in self.oe_codes]
        self.term_by_id = {t["id"]: t for t in self.terms}
        self.taxonomy_by_id = {oid("taxonomy", key): key for key in TAXONOMIES}
        self.sal_by_id: dict[str, tuple[Entry, int]] = {}
        for e in self.entries:
            for i, _ in enumerate(places(e)):
                self.sal_by_id[oid("service_at_location", e.slug, str(i))] = (e, i)

    # --- taxonomies ---
    def taxonomy(self, key: str, with_terms: bool = False) -> dict:
        out = {"id": oid("taxonomy", key), **TAXONOMIES[key]}
        if with_terms:
            out["taxonomy_terms"] = [t for t in self.terms if t["taxonomy_id"] == out["id"]]
        return out

    def taxonomies(self) -> list[dict]:
        return [self.taxonomy(key) for key in TAXONOMIES]

    def _signpost_term(self, c: Category) -> dict:
        term = {
            "id": term_id(SIGNPOST, c.id),
            "code": c.id,
            "name": c.name,
            "description": c.description or c.name,
            "taxonomy": TAXONOMIES[SIGNPOST]["name"],
            "taxonomy_id": oid("taxonomy", SIGNPOST),
            "term": c.name,
            "language": "en",
        }
        if self.category_url:
            term["term_uri"] = self.category_url(c.id)
        return term

    def _oe_term(self, code: str) -> dict:
        t = open_eligibility()[code]
        term = {
            "id": term_id(OPEN_ELIGIBILITY, code),
            "code": code,
            "name": t.name,
            "description": " > ".join(open_eligibility()[a].name for a in reversed(ancestors(code))),
            "taxonomy": f"Open Eligibility {OPEN_ELIGIBILITY_VERSION} ({OPEN_ELIGIBILITY_URI})",
            "taxonomy_id": oid("taxonomy", OPEN_ELIGIBILITY),
            "term_uri": OPEN_ELIGIBILITY_LIST_URI,
            "term": t.name,
            "language": "en",
        }
        if t.parent:
            term["parent_id"] = term_id(OPEN_ELIGIBILITY, t.parent)
        return term

    def term_ids(self, entry: Entry) -> list[tuple[str, str, str]]:
        """(taxonomy key, code, term id) of every term the entry carries, in order, no repeats."""
        out: list[tuple[str, str, str]] = []
        for cid in entry.categories:
            if cid in self.category_by_id:
                out.append((SIGNPOST, cid, term_id(SIGNPOST, cid)))
        seen: set[str] = set()
        for cid in entry.categories:
            for code in self.category_by_id[cid].open_eligibility if cid in self.category_by_id else ():
                if code not in seen:
                    seen.add(code)
                    out.append((OPEN_ELIGIBILITY, code, term_id(OPEN_ELIGIBILITY, code)))
        return out

    # --- services ---
    def organization(self, entry: Entry) -> dict:
        name = entry.organisation or entry.title
        org = {"id": oid("organization", " ".join(name.lower().split())), "name": name, "description": name}
        if entry.organisation_email:
            org["email"] = entry.organisation_email
        if entry.organisation_website:
            org["website"] = entry.organisation_website
        return org

    def service_summary(self, entry: Entry) -> dict:
        """The one-to-one fields of a service (the list schema), with its organization."""
        sid = service_id(entry.slug)
        out: dict = {"id": sid, "name": entry.title}
        description = "\n\n".join(x for x in (entry.summary, entry.body) if x)
        if description:
            out["description"] = description
        url = entry.website or (self.page_url(entry.slug) if self.page_url else "")
        if url:
            out["url"] = url
        if entry.email:
            out["email"] = entry.email
        out["status"] = STATUS.get(entry.status, "inactive")
        ages = entry.age_range
        if ages is not None:
            out["minimum_age"] = ages.low
            if ages.high is not None:
                out["maximum_age"] = ages.high
        if entry.verified:
            out["assured_date"] = entry.verified.isoformat()
        if entry.status == "temporarily-closed":
            out["alert"] = "This service is temporarily closed."
        if entry.slug in self.modified:
            out["last_modified"] = iso(self.modified[entry.slug])
        org = self.organization(entry)
        out["organization_id"] = org["id"]
        out["organization"] = org
        return out

    def service(self, entry: Entry, with_locations: bool = True) -> dict:
        """A fully nested service."""
        slug, sid = entry.slug, service_id(entry.slug)
        out = self.service_summary(entry)
        if entry.referral:
            out["application_process"] = entry.referral
        if entry.cost:
            out["fees_description"] = entry.cost
            option: dict = {"id": oid("cost_option", slug), "service_id": sid, "option": entry.cost}
            if entry.is_free:
                option["amount"] = 0
            out["cost_options"] = [option]
        else:
            out["cost_options"] = []
        out["languages"] = [
            {
                "id": oid("language", slug, code),
                "service_id": sid,
                "name": language_name(code, "en"),
                "code": code,
            }
            for code in entry.languages
        ]
        out["phones"] = (
            [{"id": oid("phone", slug), "service_id": sid, "number": entry.phone}] if entry.phone else []
        )
        out["contacts"] = []
        out["service_areas"] = (
            [{"id": oid("service_area", slug), "service_id": sid, "name": entry.area}] if entry.area else []
        )
        out["schedules"] = self.schedules(entry)
        out["attributes"] = self.attributes(entry)
        if with_locations:
            out["service_at_locations"] = [
                self.service_at_location(entry, i, nested=False) for i in range(len(places(entry)))
            ]
        return out

    def attributes(self, entry: Entry) -> list[dict]:
        sid = service_id(entry.slug)
        out = [
            {
                "id": oid("attribute", entry.slug, "identifier"),
                "link_id": sid,
                "link_type": IDENTIFIER_LINK_TYPE,
                "link_entity": "service",
                "label": "Signpost slug",
                "value": entry.slug,
            }
        ]
        for key, code, tid in self.term_ids(entry):
            out.append(
                {
                    "id": oid("attribute", entry.slug, key, code),
                    "link_id": sid,
                    "link_type": "service_type",
                    "link_entity": "service",
                    "taxonomy_term_id": tid,
                    "taxonomy_term": self.term_by_id[tid],
                }
            )
        return out

    def schedules(self, entry: Entry) -> list[dict]:
        sid = service_id(entry.slug)
        found = sessions(entry)
        if not found and not entry.hours:
            return []
        if not found:
            return [{"id": oid("schedule", entry.slug, "0"), "service_id": sid, "description": entry.hours}]
        out = []
        for i, s in enumerate(found):
            schedule = {
                "id": oid("schedule", entry.slug, str(i)),
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": ",".join(DAY_CODES[d] for d in s.days),
                "opens_at": _hhmm(s.opens),
                "closes_at": _hhmm(s.closes),
            }
            if entry.hours:
                schedule["description"] = entry.hours
            out.append(schedule)
        return out

    def location(self, entry: Entry, i: int) -> dict:
        place = places(entry)[i]
        lid = oid("location", entry.slug, str(i))
        loc: dict = {"id": lid, "location_type": "physical", "name": place.name}
        if place.latitude is not None:
            loc["latitude"], loc["longitude"] = place.latitude, place.longitude
        loc["addresses"] = []
        if place.address or place.postcode:
            loc["addresses"].append(
                {
                    "id": oid("address", entry.slug, str(i)),
                    "location_id": lid,
                    "address_1": place.address,
                    "city": place.city or "Wrexham",
                    "state_province": "Wales",
                    "postal_code": place.postcode,
                    "country": "GB",
                    "address_type": "physical",
                }
            )
        loc["accessibility"] = (
            [
                {
                    "id": oid("accessibility", entry.slug, str(i)),
                    "location_id": lid,
                    "description": place.access,
                }
            ]
            if place.access
            else []
        )
        return loc

    def service_at_location(self, entry: Entry, i: int, nested: bool = True, full: bool = True) -> dict:
        """Entry `entry` at its place `i`; `nested` adds the service, `full` the location's details."""
        sid = service_id(entry.slug)
        location = self.location(entry, i)
        if not full:
            location = {k: v for k, v in location.items() if k not in ("addresses", "accessibility")}
        out: dict = {
            "id": oid("service_at_location", entry.slug, str(i)),
            "service_id": sid,
            "location_id": location["id"],
            "location": location,
        }
        if nested:
            if full:
                service = self.service(entry, with_locations=False)
                out["name"] = f"{entry.title} at {location['name']}"
                out["status"] = service["status"]
            else:
                service = self.service_summary(entry)
            out["service"] = service
        return out

    def service_at_locations(self, entries: Iterable[Entry]) -> list[tuple[Entry, int]]:
        return [(e, i) for e in entries for i in range(len(places(e)))]


# --- pages -----------------------------------------------------------------------------------


def page(items: list, page_number: int, per_page: int, render: Callable | None = None) -> dict:
    """The ORUK `Page` envelope around `items` (all of them; this cuts out the page, then `render`s it)."""
    total = len(items)
    pages = max(1, math.ceil(total / per_page))
    start = (page_number - 1) * per_page
    contents = items[start : start + per_page]
    if render is not None:
        contents = [render(item) for item in contents]
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


# --- query parameters ------------------------------------------------------------------------


class BadParameter(ValueError):
    """A query parameter that cannot be used: the message says which and what it takes."""


UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DAYS = {
    **{
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    **{code.lower(): i for i, code in enumerate(DAY_CODES)},
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
}
POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$")


def whole_number(name: str, value: str, low: int, high: int | None = None) -> int:
    text = value.strip()
    if not re.fullmatch(r"[0-9]{1,9}", text):
        raise BadParameter(f"'{name}' must be a whole number, not '{value[:40]}'")
    number = int(text)
    if number < low:
        raise BadParameter(f"'{name}' must be at least {low}")
    return min(number, high) if high is not None else number


def age(name: str, value: str) -> float:
    try:
        number = float(value.strip())
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not 0 <= number <= 150:
        raise BadParameter(f"'{name}' must be an age in years from 0 to 150, not '{value[:40]}'")
    return number


def day(value: str) -> int:
    key = value.strip().lower()
    if key.endswith("s") and key[:-1] in _DAYS:
        key = key[:-1]
    if key not in _DAYS:
        raise BadParameter(f"'day' must be a day of the week, e.g. monday or MO, not '{value[:40]}'")
    return _DAYS[key]


def time_of_day(name: str, value: str) -> int:
    m = re.fullmatch(
        r"([01][0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9])?(?:Z|[+-][0-9]{2}:?[0-9]{2})?", value.strip()
    )
    if not m:
        raise BadParameter(f"'{name}' must be a time as HH:MM, e.g. 09:30, not '{value[:40]}'")
    return int(m.group(1)) * 60 + int(m.group(2))


def postcode(value: str) -> tuple[str, str]:
    """(outward code, full postcode without spaces) of a UK postcode or postcode district."""
    m = POSTCODE_RE.match(" ".join(value.upper().split()))
    if not m:
        raise BadParameter(f"'postcode' must be a UK postcode such as LL13 7YP, not '{value[:40]}'")
    return m.group(1), m.group(1) + (m.group(2) or "")


def normal_postcode(text: str) -> str:
    return "".join(text.upper().split())


def date_time(name: str, value: str) -> dt.datetime:
    text = value.strip()
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadParameter(
            f"'{name}' must be a date and time such as 2025-01-31T09:00:00Z, not '{value[:40]}'"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))
