"""Read an Open Referral UK 3.0 feed (a paged API, a JSON package or response, or a tabular package)
and write one Markdown entry per service.

Each entry gets what the feed states (contact details, opening times, places, ages, costs), its
taxonomy terms mapped onto the directory's categories where they can be, and a `sources:` record
of where it came from. An existing entry is never replaced without `update`; with it, an entry
whose local edit is newer than the feed's `last_modified` is kept and reported. A feed that is
partly broken gives `PATH-or-URL: what is wrong` messages and the rest is imported.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from search_index import (
    EMAIL_RE,
    LANG_RE,
    SLUG_RE,
    Category,
    ContentError,
    ancestors,
    last_modified,
    load_categories,
    open_eligibility,
    parse_clock,
    parse_days,
    slugify,
)

from . import oruk
from .oruk_package import PackageError, read_tabular

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 10_000
TIMEOUT = 30
BUNDLED_CATEGORIES = Path(__file__).resolve().parent.parent / "content" / "categories.yml"
STATUS_BACK = {
    "active": "active",
    "temporarily closed": "temporarily-closed",
    "inactive": "temporarily-closed",
}
STATUS_BACK["defunct"] = "closed"


class FeedError(Exception):
    """Nothing can be imported from this source; the message starts with its path or URL."""


@dataclass
class FeedService:
    data: dict
    origin: str  # the URL of the service, or "file (service id)"
    is_url: bool


@dataclass
class ImportReport:
    written: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    exists: list[str] = field(default_factory=list)
    kept_local: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{len(self.written)} new",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.exists)} already there (use --update)",
            f"{len(self.kept_local)} kept (local edit newer)",
            f"{len(self.problems)} problem(s)",
        ]
        return "Imported: " + ", ".join(parts)


# --- reading a feed --------------------------------------------------------------------------


def read_feed(source: str) -> tuple[list[FeedService], list[str]]:
    """The services of a feed (URL, JSON file, folder of JSON files, or tabular package folder)."""
    problems: list[str] = []
    if re.match(r"^https?://", source, re.I):
        services = _read_api(source, problems)
    else:
        path = Path(source)
        if path.is_dir() and (path / "datapackage.json").exists():
            try:
                found, more = read_tabular(path)
            except PackageError as exc:
                raise FeedError(str(exc)) from None
            problems += more
            services = [FeedService(s, f"{path} (service {s.get('id', '?')})", False) for s in found]
        elif path.is_dir():
            services = []
            for file in sorted(path.glob("*.json")):
                services += _services_in(_load_file(file, problems), str(file))
        elif path.is_file():
            services = _services_in(_load_file(path, problems), str(path))
        else:
            raise FeedError(f"{source}: no such file or folder, and not an http(s) address")
    merged = _merge(services)
    good = []
    for s in merged:
        if _is_service(s.data) and s.data["name"].strip():
            good.append(s)
        else:
            problems.append(f"{s.origin}: a service needs an 'id' and a 'name'; skipped")
    if not good:
        raise FeedError(f"{source}: no services found" + (f" ({problems[0]})" if problems else ""))
    return good, problems


def _load_file(path: Path, problems: list[str]):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        problems.append(f"{path}: not readable JSON ({exc})")
        return None


def _is_service(obj) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get("id"), str) and isinstance(obj.get("name"), str)


def _services_in(data, origin: str) -> list[FeedService]:
    """Every service a JSON document holds: a package, a page, a service, a SAL, an organization."""
    found: list[FeedService] = []

    def add(service: dict) -> None:
        found.append(FeedService(service, f"{origin} (service {service.get('id', '?')})", False))

    items = data if isinstance(data, list) else data.get("contents") if isinstance(data, dict) else None
    if isinstance(items, list):
        for item in items:
            found += _services_in(item, origin)
        return found
    if not isinstance(data, dict):
        return found
    if isinstance(data.get("service"), dict) and isinstance(data.get("location"), dict):
        service = dict(data["service"])
        sal = {k: v for k, v in data.items() if k in ("id", "service_id", "location_id", "location")}
        service.setdefault("service_at_locations", [sal])
        add(service)
    elif isinstance(data.get("services"), list) and "status" not in data:
        org = {k: v for k, v in data.items() if k != "services"}
        for service in data["services"]:
            if isinstance(service, dict):
                add({"organization": org, **service})
    elif "status" in data and _is_service(data):
        add(data)
    return found


def _merge(services: list[FeedService]) -> list[FeedService]:
    """One record per service id: the fullest version, with what the others add."""
    by_id: dict[str, FeedService] = {}
    order: list[str] = []
    for s in services:
        key = str(s.data.get("id"))
        if key not in by_id:
            by_id[key] = FeedService(dict(s.data), s.origin, s.is_url)
            order.append(key)
            continue
        kept = by_id[key]
        if len(s.data) > len(kept.data):
            kept.origin = s.origin
        for k, v in s.data.items():
            if v not in (None, "", [], {}) and kept.data.get(k) in (None, "", [], {}):
                kept.data[k] = v
    return [by_id[k] for k in order]


def _fetch_json(url: str):
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "signpost-import"}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (http(s) only)
        body = response.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise ValueError("the response is larger than 50 MB")
    return json.loads(body.decode("utf-8"))


def _get(url: str, problems: list[str]):
    try:
        return _fetch_json(url)
    except urllib.error.HTTPError as exc:
        problems.append(f"{url}: HTTP {exc.code} {exc.reason}")
    except (urllib.error.URLError, OSError) as exc:
        problems.append(f"{url}: cannot be reached ({getattr(exc, 'reason', exc)})")
    except (ValueError, UnicodeDecodeError) as exc:
        problems.append(f"{url}: not JSON ({exc})")
    return None


def _with_page(url: str, page: int) -> str:
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "page"] + [("page", str(page))]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _read_api(url: str, problems: list[str]) -> list[FeedService]:
    first = _get(url, problems)
    if first is None:
        raise FeedError(problems[-1])
    if isinstance(first, dict) and ("openapi_url" in first or "version" in first) and "contents" not in first:
        base = url.rstrip("/")
        listing = f"{base}/services"
        first = _get(_with_page(listing, 1), problems)
        if first is None:
            raise FeedError(problems[-1])
    elif isinstance(first, dict) and "contents" in first:
        listing = url
        base = url.split("/services")[0].rstrip("/") if "/services" in url else None
    else:
        return [FeedService(s.data, url, True) for s in _services_in(first, url)]
    items = list(first.get("contents") or [])
    pages = first.get("total_pages")
    pages = pages if isinstance(pages, int) and pages > 0 else 1
    for n in range(2, min(pages, MAX_PAGES) + 1):
        body = _get(_with_page(listing, n), problems)
        if isinstance(body, dict) and isinstance(body.get("contents"), list):
            items += body["contents"]
    out: list[FeedService] = []
    for item in items:
        if not _is_service(item):
            problems.append(f"{listing}: an item without 'id' and 'name' skipped")
            continue
        full_url = f"{base}/services/{urllib.parse.quote(item['id'], safe='')}" if base else None
        full = _get(full_url, problems) if full_url else None
        data = full if _is_service(full) else item
        out.append(FeedService(data, full_url or listing, True))
    return out


# --- one service as an entry -----------------------------------------------------------------


@dataclass
class Mapping:
    """How feed terms become the directory's categories."""

    categories: list[Category]
    fallback: str

    def __post_init__(self) -> None:
        self.ids = {c.id for c in self.categories}
        self.by_name = {c.name.lower(): c.id for c in self.categories}
        self.by_oe: dict[str, list[str]] = {}
        for c in self.categories:
            for code in c.open_eligibility:
                self.by_oe.setdefault(code, []).append(c.id)

    def categories_of(self, service: dict) -> tuple[list[str], list[str]]:
        """(category ids, names of terms that map to none)."""
        own: list[str] = []
        mapped: list[str] = []
        unmapped: list[str] = []
        for attribute in service.get("attributes") or []:
            term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
            if not isinstance(term, dict):
                continue
            code, name = str(term.get("code") or ""), str(term.get("name") or term.get("term") or "")
            taxonomy = str(term.get("taxonomy") or "") + " " + str(term.get("taxonomy_id") or "")
            if oruk.oid("taxonomy", oruk.SIGNPOST) in taxonomy or "Signpost" in taxonomy:
                if code in self.ids:
                    own.append(code)
                    continue
            found = self._open_eligibility(code, name, taxonomy)
            found = found or ([self.by_name[name.lower()]] if name.lower() in self.by_name else [])
            found = found or ([code] if code in self.ids else [])
            mapped += found
            if not found and name:
                unmapped.append(name)
        chosen = own or mapped
        return list(dict.fromkeys(chosen)), list(dict.fromkeys(unmapped))

    def _open_eligibility(self, code: str, name: str, taxonomy: str) -> list[str]:
        terms = open_eligibility()
        if (
            "eligibility" not in taxonomy.lower()
            and oruk.oid("taxonomy", oruk.OPEN_ELIGIBILITY) not in taxonomy
        ):
            return []
        if code not in terms:
            code = next((t.id for t in terms.values() if t.name.lower() == name.lower()), "")
        for term in ancestors(code):
            if term in self.by_oe:
                return self.by_oe[term]
        return []


def _ages(service: dict) -> str:
    low, high = service.get("minimum_age"), service.get("maximum_age")
    low = int(low) if isinstance(low, int | float) and 0 <= low < 1000 else None
    high = int(high) if isinstance(high, int | float) and 0 <= high < 1000 else None
    if low is not None and high is not None and low <= high:
        return f"{low}-{high}"
    if low is not None:
        return f"{low}+"
    if high is not None:
        return f"0-{high}"
    return ""


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int | float) and value != "" else ""


def _web(value) -> str:
    text = _text(value)
    return text if re.match(r"^https?://\S+$", text) else ""


def _email(value) -> str:
    text = _text(value)
    return text if EMAIL_RE.match(text) else ""


def _phone(service: dict) -> str:
    pools = [service.get("phones")]
    pools += [c.get("phones") for c in service.get("contacts") or [] if isinstance(c, dict)]
    for sal in service.get("service_at_locations") or []:
        location = sal.get("location") if isinstance(sal, dict) else None
        if isinstance(location, dict):
            pools.append(location.get("phones"))
    for pool in pools:
        for phone in pool or []:
            if isinstance(phone, dict) and _text(phone.get("number")):
                return _text(phone["number"])
    return ""


def entry_fields(service: dict, origin: str, mapping: Mapping, problems: list[str]) -> tuple[dict, str]:
    """The entry's front matter (in order) and body for one feed service."""
    f: dict = {}
    name = _text(service.get("name"))
    description = str(service.get("description") or "").strip()
    summary, _, body = description.partition("\n\n")
    summary = " ".join(summary.split())
    if len(summary) > 300:
        first = re.match(r"^(.{20,300}?[.!?])\s", summary + " ")
        summary, body = (first.group(1) if first else summary[:300]), description
    f["title"] = name
    f["summary"] = summary or name
    org = service.get("organization") if isinstance(service.get("organization"), dict) else {}
    if _text(org.get("name")) and _text(org.get("name")) != name:
        f["organisation"] = _text(org.get("name"))
    if _web(org.get("website")):
        f["organisation_website"] = _web(org.get("website"))
    if _email(org.get("email")):
        f["organisation_email"] = _email(org.get("email"))
    categories, unmapped = mapping.categories_of(service)
    if not categories:
        categories = [mapping.fallback]
        problems.append(f"{origin}: no term maps to a category; filed under '{mapping.fallback}'")
    f["categories"] = categories
    if unmapped:
        f["tags"] = [t.lower() for t in unmapped][:12]
    if _ages(service):
        f["ages"] = _ages(service)
    areas = [a for a in service.get("service_areas") or [] if isinstance(a, dict) and _text(a.get("name"))]
    area = _text(areas[0]["name"]) if areas else ""
    if area and len(area) <= 80:
        f["area"] = area
    elif area:
        body = (body + "\n\nWho it is for: " + area).strip()
    if _phone(service):
        f["phone"] = _phone(service)
    if _email(service.get("email")):
        f["email"] = _email(service["email"])
    website = _web(service.get("url"))
    if website and not (origin.startswith("http") and _host(website) == _host(origin)):
        f["website"] = website  # a page on the feed's own site is the directory's page, not the service's
    schedules = [s for s in service.get("schedules") or [] if isinstance(s, dict)]
    hours = next((_text(s.get("description")) for s in schedules if _text(s.get("description"))), "")
    if hours:
        f["hours"] = hours
    times = [t for t in (_opening_time(s, origin, problems) for s in schedules) if t]
    if times:
        f["opening_times"] = times
    cost = _text(service.get("fees_description")) or _text(service.get("fees"))
    options = [o for o in service.get("cost_options") or [] if isinstance(o, dict)]
    if not cost and options:
        cost = _text(options[0].get("option")) or ("Free" if options[0].get("amount") == 0 else "")
    if cost:
        f["cost"] = cost
    codes = [
        _text(x.get("code")).lower().split("-")[0]
        for x in service.get("languages") or []
        if isinstance(x, dict)
    ]
    if [c for c in codes if LANG_RE.match(c)]:
        f["languages"] = list(dict.fromkeys(c for c in codes if LANG_RE.match(c)))
    if _text(service.get("application_process")):
        f["referral"] = _text(service["application_process"])
    locations, access = _locations(service, area, origin, problems)
    if access:
        f["access"] = access
    if locations:
        f["locations"] = locations
    f["status"] = STATUS_BACK.get(str(service.get("status")), "active")
    assured = str(service.get("assured_date") or "")[:10]
    try:
        f["verified"] = dt.date.fromisoformat(assured).isoformat()
    except ValueError:
        pass
    states = [k for k in ("phone", "email", "website", "hours") if k in f]
    states += ["address"] if any(loc.get("address") or loc.get("postcode") for loc in locations) else []
    source: dict = {"url": origin} if origin.startswith(("http://", "https://")) else {"document": origin}
    source["checked"] = dt.date.today().isoformat()
    if states:
        source["states"] = states
    f["sources"] = [source]
    return f, body.strip()


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc.lower()


def _opening_time(schedule: dict, origin: str, problems: list[str]) -> dict | None:
    byday, opens, closes = schedule.get("byday"), schedule.get("opens_at"), schedule.get("closes_at")
    if not (byday and opens and closes) or schedule.get("freq") not in (None, "", "WEEKLY"):
        return None
    days = parse_days(str(byday))
    start, end = parse_clock(str(opens)), parse_clock(str(closes))
    if days is None or start is None or end is None or start >= end:
        problems.append(
            f"{origin}: schedule {schedule.get('id', '?')} cannot be read ({byday} {opens}-{closes})"
        )
        return None
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    return {"days": [names[d] for d in days], "opens": start, "closes": end}


def _locations(service: dict, area: str, origin: str, problems: list[str]) -> tuple[list[dict], str]:
    out: list[dict] = []
    access = ""
    for sal in service.get("service_at_locations") or []:
        location = sal.get("location") if isinstance(sal, dict) else None
        if not isinstance(location, dict):
            continue
        addresses = [a for a in location.get("addresses") or [] if isinstance(a, dict)]
        physical = next(
            (a for a in addresses if a.get("address_type") != "postal"), addresses[0] if addresses else {}
        )
        rec: dict = {}
        name = _text(location.get("name"))
        street = ", ".join(
            x for x in (_text(physical.get("address_1")), _text(physical.get("address_2"))) if x
        )
        if name:
            rec["name"] = name
        if street:
            rec["address"] = street
        if _text(physical.get("city")):
            rec["city"] = _text(physical["city"])
        if _text(physical.get("postal_code")):
            rec["postcode"] = _text(physical["postal_code"])
        lat, lon = _float(location.get("latitude")), _float(location.get("longitude"))
        if lat is not None and lon is not None:
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                rec["latitude"], rec["longitude"] = lat, lon
            else:
                problems.append(
                    f"{origin}: location '{name}' has coordinates {lat}, {lon} that are not on Earth; left out"
                )
        accessibility = [a for a in location.get("accessibility") or [] if isinstance(a, dict)]
        if not access and accessibility:
            access = _text(accessibility[0].get("description"))
        if set(rec) == {"name"} and rec["name"] == area:
            continue  # the service's area as a place: the area field already says it
        if any(rec.get(k) for k in ("name", "address", "postcode")):
            out.append(rec)
    return out, access


def _float(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number == number else None


# --- writing entries -------------------------------------------------------------------------

ORDER = (
    "title",
    "summary",
    "organisation",
    "organisation_website",
    "organisation_email",
    "categories",
    "tags",
    "ages",
    "area",
    "phone",
    "email",
    "website",
    "hours",
    "opening_times",
    "cost",
    "languages",
    "referral",
    "access",
    "locations",
    "status",
    "verified",
    "sources",
)


def _yaml_value(value) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(str(value))
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def render(fields: dict, body: str) -> str:
    """The entry file: front matter in the guide's order (every text quoted), then the body."""
    lines = ["---"]
    for key in ORDER:
        if key not in fields:
            continue
        value = fields[key]
        if key in ("categories", "tags", "languages"):
            lines.append(f"{key}: [{', '.join(_yaml_value(v) for v in value)}]")
        elif key in ("opening_times", "locations", "sources"):
            lines.append(f"{key}:")
            for record in value:
                first = True
                for k, v in record.items():
                    shown = (
                        f"[{', '.join(_yaml_value(x) for x in v)}]" if isinstance(v, list) else _yaml_value(v)
                    )
                    if k == "checked":
                        shown = str(v)
                    lines.append(f"  {'- ' if first else '  '}{k}: {shown}")
                    first = False
        elif key == "verified":
            lines.append(f"verified: {value}")
        else:
            lines.append(f"{key}: {_yaml_value(value)}")
    lines.append("---")
    text = "\n".join(lines) + "\n"
    return text + ("\n" + body.strip() + "\n" if body.strip() else "")


def import_feed(
    source: str, content_dir: Path, update: bool = False, fallback: str | None = None
) -> ImportReport:
    """Import every service of `source` into `content_dir/services/`."""
    report = ImportReport()
    services, report.problems = read_feed(source)
    content_dir.mkdir(parents=True, exist_ok=True)
    categories_file = content_dir / "categories.yml"
    if not categories_file.exists():
        shutil.copyfile(BUNDLED_CATEGORIES, categories_file)
        report.notes.append(f"{categories_file}: created from Signpost's categories")
    try:
        categories, _ = load_categories(categories_file)
    except ContentError as exc:
        raise FeedError(str(exc)) from None
    ids = [c.id for c in categories]
    if fallback and fallback not in ids:
        raise FeedError(f"{fallback}: not a category in {categories_file}")
    mapping = Mapping(categories, fallback or ("community" if "community" in ids else ids[0]))
    folder = content_dir / "services"
    folder.mkdir(exist_ok=True)
    local_times = last_modified(content_dir)
    taken: set[str] = set()
    for s in services:
        slug = _slug(s.data, taken, folder)
        taken.add(slug)
        fields, body = entry_fields(s.data, s.origin, mapping, report.problems)
        text = render(fields, body)
        target = folder / f"{slug}.md"
        feed_time = _feed_time(s.data.get("last_modified"))
        if target.exists():
            if not update:
                report.exists.append(slug)
                continue
            if target.read_text(encoding="utf-8").split("\nsources:")[0] == text.split("\nsources:")[0]:
                report.unchanged.append(slug)
                continue
            local = local_times.get(slug)
            if local is not None and feed_time is not None and local > feed_time:
                report.kept_local.append(slug)
                report.notes.append(
                    f"{target}: kept; edited here {local:%Y-%m-%d %H:%M} UTC, after the feed's {feed_time:%Y-%m-%d %H:%M} UTC"
                )
                continue
            report.updated.append(slug)
        else:
            report.written.append(slug)
        target.write_text(text, encoding="utf-8")
        if feed_time is not None:
            stamp = feed_time.timestamp()
            os.utime(target, (stamp, stamp))
    return report


def _slug(service: dict, taken: set[str], folder: Path) -> str:
    """The entry's file name: the slug the feed gives (a Signpost feed), else one from the name.

    A file already there with a name-made slug is the same service only when it came from it (its
    `sources` name the service's id); otherwise the new entry gets the next free name.
    """
    given = next(
        (
            str(a.get("value"))
            for a in service.get("attributes") or []
            if isinstance(a, dict) and a.get("link_type") == oruk.IDENTIFIER_LINK_TYPE
        ),
        "",
    )
    if SLUG_RE.match(given) and given not in taken:
        return given
    slug = slugify(str(service.get("name") or "service"))
    candidate, n = slug, 2
    while candidate in taken or _someone_else(folder / f"{candidate}.md", str(service.get("id"))):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _someone_else(path: Path, service_id: str) -> bool:
    try:
        return service_id not in path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    except (OSError, UnicodeDecodeError):
        return True


def _feed_time(value) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
