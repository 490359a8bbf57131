"""The whole directory as an Open Referral UK package, and such packages read back.

Two forms: JSON, an array of fully nested services (the UK profile's `service_package`); and the
tabular data package, one CSV file per object type with `datapackage.json` describing them. Reading
a tabular package joins its tables back into nested services, so both forms import the same way.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from search_index import LoadResult, last_modified

from . import oruk

# table name -> (columns, {column: datapackage type}); object keys not listed here are not exported.
TABLES: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name", "description", "email", "website"),
    "services": (
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "alert",
        "last_modified",
        "application_process",
        "fees_description",
    ),
    "locations": ("id", "location_type", "name", "latitude", "longitude"),
    "addresses": (
        "id",
        "location_id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ),
    "accessibility": ("id", "location_id", "description"),
    "service_at_locations": ("id", "service_id", "location_id"),
    "schedules": ("id", "service_id", "freq", "byday", "opens_at", "closes_at", "description"),
    "phones": ("id", "service_id", "number"),
    "languages": ("id", "service_id", "name", "code"),
    "cost_options": ("id", "service_id", "option", "amount"),
    "service_areas": ("id", "service_id", "name"),
    "attributes": ("id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "label", "value"),
    "taxonomies": ("id", "name", "description", "uri", "version"),
    "taxonomy_terms": (
        "id",
        "code",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "taxonomy_id",
        "term_uri",
        "term",
        "language",
    ),
}
TYPES = {
    "minimum_age": "number",
    "maximum_age": "number",
    "latitude": "number",
    "longitude": "number",
    "amount": "number",
    "assured_date": "date",
    "last_modified": "datetime",
}
# nested list key of a service -> table
SERVICE_LISTS = {
    "schedules": "schedules",
    "phones": "phones",
    "languages": "languages",
    "cost_options": "cost_options",
    "service_areas": "service_areas",
    "attributes": "attributes",
}


class PackageError(ValueError):
    """A package that cannot be read at all; the message starts with its path."""


def feed_for(loaded: LoadResult, content_dir: Path, site_url: str | None = None) -> oruk.Feed:
    """The ORUK view of the loaded content; `site_url` gives each service's page on the website."""
    base = site_url.rstrip("/") if site_url else None
    return oruk.Feed(
        entries=sorted(loaded.entries, key=lambda e: e.title.lower()),
        categories=loaded.categories,
        modified=last_modified(content_dir),
        page_url=(lambda slug: f"{base}/services/{slug}") if base else None,
        category_url=(lambda cid: f"{base}/categories/{cid}") if base else None,
    )


def services_json(feed: oruk.Feed) -> str:
    """Every service (closed ones too), fully nested, as a JSON array."""
    return json.dumps([feed.service(e) for e in feed.entries], ensure_ascii=False, indent=2) + "\n"


def write_tabular(feed: oruk.Feed, folder: Path) -> list[Path]:
    """Write the tabular data package (CSV files and datapackage.json) into `folder`."""
    rows: dict[str, dict[str, dict]] = {name: {} for name in TABLES}

    def add(table: str, obj: dict) -> None:
        rows[table].setdefault(obj["id"], obj)

    for e in feed.entries:
        s = feed.service(e)
        add("organizations", s["organization"])
        add("services", s)
        for key, table in SERVICE_LISTS.items():
            for item in s.get(key, []):
                add(table, item)
        for item in s.get("attributes", []):
            if "taxonomy_term" in item:
                add("taxonomy_terms", item["taxonomy_term"])
        for sal in s["service_at_locations"]:
            add("service_at_locations", sal)
            loc = sal["location"]
            add("locations", loc)
            for address in loc.get("addresses", []):
                add("addresses", address)
            for access in loc.get("accessibility", []):
                add("accessibility", access)
    for taxonomy in feed.taxonomies():
        add("taxonomies", taxonomy)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    resources = []
    for name, columns in TABLES.items():
        path = folder / f"{name}.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for obj in rows[name].values():
            writer.writerow([_cell(obj.get(c)) for c in columns])
        path.write_text(buffer.getvalue(), encoding="utf-8")
        written.append(path)
        resources.append(
            {
                "name": name,
                "path": path.name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": c, "type": TYPES.get(c, "string")} for c in columns],
                    "primaryKey": "id",
                },
            }
        )
    descriptor = {
        "name": "signpost-open-referral-uk",
        "title": "Signpost directory, Open Referral UK 3.0",
        "profile": "tabular-data-package",
        "resources": resources,
    }
    package = folder / "datapackage.json"
    package.write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
    return [package, *written]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(value)
    return str(value)


def read_tabular(folder: Path) -> tuple[list[dict], list[str]]:
    """Nested services from a tabular package; also the problems met (PATH: what is wrong)."""
    problems: list[str] = []
    descriptor_path = folder / "datapackage.json"
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in descriptor["resources"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PackageError(f"{descriptor_path}: not a readable data package ({exc})") from None
    tables: dict[str, list[dict]] = {}
    for name, resource in resources.items():
        path = folder / str(resource.get("path", f"{name}.csv"))
        types = {f["name"]: f.get("type", "string") for f in resource.get("schema", {}).get("fields", [])}
        try:
            with path.open(encoding="utf-8", newline="") as f:
                tables[name] = [_typed(row, types, path, problems) for row in csv.DictReader(f)]
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            problems.append(f"{path}: cannot be read ({exc})")
    if "services" not in tables:
        raise PackageError(f"{descriptor_path}: the package has no services table")

    def by(table: str, key: str) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for row in tables.get(table, []):
            out.setdefault(row.get(key, ""), []).append(row)
        return out

    orgs = {row["id"]: row for row in tables.get("organizations", [])}
    terms = {row["id"]: row for row in tables.get("taxonomy_terms", [])}
    locations = {row["id"]: row for row in tables.get("locations", [])}
    children = {key: by(table, "service_id") for key, table in SERVICE_LISTS.items() if key != "attributes"}
    attributes = by("attributes", "link_id")
    sals = by("service_at_locations", "service_id")
    addresses, access = by("addresses", "location_id"), by("accessibility", "location_id")
    services = []
    for row in tables["services"]:
        service = dict(row)
        if row.get("organization_id") in orgs:
            service["organization"] = orgs[row["organization_id"]]
        for key, index in children.items():
            service[key] = index.get(row["id"], [])
        service["attributes"] = []
        for attribute in attributes.get(row["id"], []):
            attribute = dict(attribute)
            if attribute.get("taxonomy_term_id") in terms:
                attribute["taxonomy_term"] = terms[attribute["taxonomy_term_id"]]
            service["attributes"].append(attribute)
        service["service_at_locations"] = []
        for sal in sals.get(row["id"], []):
            location = dict(locations.get(sal.get("location_id", ""), {"id": sal.get("location_id", "")}))
            location["addresses"] = addresses.get(location["id"], [])
            location["accessibility"] = access.get(location["id"], [])
            service["service_at_locations"].append({**sal, "location": location})
        services.append(service)
    return services, problems


def _typed(row: dict, types: dict[str, str], path: Path, problems: list[str]) -> dict:
    out: dict = {}
    for key, value in row.items():
        if key is None or value in ("", None):
            continue
        if types.get(key) in ("number", "integer"):
            try:
                number = float(value)
            except ValueError:
                problems.append(f"{path}: '{key}' of {row.get('id', '?')} is not a number: '{value[:40]}'")
                continue
            out[key] = int(number) if number.is_integer() and key not in ("latitude", "longitude") else number
        else:
            out[key] = value
    return out
