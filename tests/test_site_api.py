"""The JSON search API and the Open Referral UK v3 read API."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

VISIBLE = {
    "food-bank",
    "youth-club",
    "lunch-club",
    "samaritans",
    "live-fear-free",
    "hostile-entry",
    "paused-group",
}


# --- /api/search -----------------------------------------------------------------------------


def test_api_search_shape_and_order(client, core):
    response = client.get("/api/search?q=club")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    assert set(body) >= {"query", "crisis", "crisis_kind", "suggestion", "results"}
    assert body["query"] == "club"
    assert body["crisis"] is False and body["crisis_kind"] is None
    expected = [h.slug for h in core.search("club", channel="cli").hits]
    assert [r["slug"] for r in body["results"]] == expected
    first = body["results"][0]
    for key in (
        "slug",
        "title",
        "summary",
        "url",
        "categories",
        "why",
        "score",
        "phone",
        "website",
        "cost",
        "area",
    ):
        assert key in first
    assert first["url"] == f"http://localhost/services/{first['slug']}"
    assert first["why"].startswith("Matches")


def test_api_search_crisis(client):
    body = client.get("/api/search?q=I+want+to+kill+myself").get_json()
    assert body["crisis"] is True
    assert body["crisis_kind"] == "suicide"
    assert body["results"][0]["slug"] == "samaritans"
    assert body["results"][0]["crisis_line"] is True


def test_api_search_suggestion_and_filters(client):
    body = client.get("/api/search?q=yuoth+club&age=10").get_json()
    assert body["suggestion"] == "youth club"
    slugs = [r["slug"] for r in body["results"]]
    assert "youth-club" in slugs and "lunch-club" not in slugs


def test_api_search_bad_filters_become_notes(client):
    body = client.get("/api/search?q=club&age=abc&category=zzz").get_json()
    assert len(body["notes"]) == 2
    assert {"youth-club", "lunch-club"} <= {r["slug"] for r in body["results"]}


def test_api_search_in_welsh(client):
    body = client.get("/cy/api/search?q=bwyd").get_json()
    food = next(r for r in body["results"] if r["slug"] == "food-bank")
    assert food["title"] == "Banc bwyd Caia"
    assert food["url"] == "http://localhost/cy/services/food-bank"
    assert food["why"].startswith("Yn cyfateb i")


def test_api_search_open_now_and_limit(client, app):
    import datetime as dt
    from zoneinfo import ZoneInfo

    app.config["CLOCK"] = lambda: dt.datetime(2025, 4, 14, 10, tzinfo=ZoneInfo("Europe/London"))
    body = client.get("/api/search?q=club+food&open=now").get_json()
    states = {r["slug"]: r["open_now"] for r in body["results"]}
    assert states["food-bank"] is True
    assert states["lunch-club"] is None
    assert "youth-club" not in states
    assert len(client.get("/api/search?q=club&limit=1").get_json()["results"]) == 1


def test_api_search_without_words_is_empty(client):
    body = client.get("/api/search").get_json()
    assert body["results"] == [] and body["query"] == ""


# --- Open Referral UK ------------------------------------------------------------------------
# The required fields and enums of the ORUK v3 (HSDS 3.0 UK profile) schemas that our output uses.
# No schema package is published on PyPI, so the subset is written out here.

ID = {"type": "string", "minLength": 1}
TAXONOMY_TERM = {
    "type": "object",
    "required": ["id", "name", "description"],
    "properties": {
        "id": ID,
        "name": {"type": "string"},
        "description": {"type": "string"},
        "code": {"type": "string"},
        "taxonomy": {"type": "string"},
    },
}
SERVICE = {
    "type": "object",
    "required": ["id", "name", "status", "url"],
    "properties": {
        "id": ID,
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "url": {"type": "string", "pattern": "^https?://"},
        "email": {"type": "string", "pattern": "^[^@ ]+@[^@ ]+$"},
        "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "minimum_age": {"type": "number"},
        "maximum_age": {"type": "number"},
        "assured_date": {"type": "string", "format": "date"},
        "fees_description": {"type": "string"},
        "organization": {"type": "object", "required": ["id", "name", "description"]},
        "cost_options": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {"amount": {"type": "number"}, "option": {"type": "string"}},
            },
        },
        "languages": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {"name": {"type": "string"}, "code": {"type": "string"}},
            },
        },
        "phones": {"type": "array", "items": {"type": "object", "required": ["id", "number"]}},
        "service_areas": {"type": "array", "items": {"type": "object", "required": ["id"]}},
        "schedules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "freq": {"enum": ["WEEKLY", "MONTHLY"]},
                    "byday": {"type": "string"},
                    "opens_at": {"type": "string"},
                    "closes_at": {"type": "string"},
                    "description": {"type": "string"},
                },
            },
        },
        "attributes": {
            "type": "array",
            "items": {"type": "object", "required": ["id"], "properties": {"taxonomy_term": TAXONOMY_TERM}},
        },
        "service_at_locations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "location": {
                        "type": "object",
                        "required": ["id", "location_type"],
                        "properties": {
                            "location_type": {"enum": ["physical", "postal", "virtual"]},
                            "addresses": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": [
                                        "id",
                                        "address_1",
                                        "city",
                                        "state_province",
                                        "postal_code",
                                        "country",
                                        "address_type",
                                    ],
                                    "properties": {
                                        "address_type": {"enum": ["physical", "postal", "virtual"]}
                                    },
                                },
                            },
                        },
                    }
                },
            },
        },
    },
}


def page_of(item_schema: dict) -> dict:
    return {
        "type": "object",
        "required": [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array", "items": item_schema},
        },
    }


def validate(instance: dict, schema: dict) -> None:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_schema_subset_can_fail():
    with pytest.raises(AssertionError):
        validate({"id": "x", "name": "y", "status": "open", "url": "https://example.org"}, SERVICE)
    with pytest.raises(AssertionError):
        validate({"id": "x", "name": "y", "status": "active"}, SERVICE)


def test_services_page(client):
    response = client.get("/openreferral/services")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    validate(body, page_of(SERVICE))
    assert {s["id"] for s in body["contents"]} == VISIBLE
    assert body["total_items"] == len(VISIBLE)
    assert body["page_number"] == 1 and body["first_page"] and body["last_page"] and not body["empty"]
    assert body["size"] == len(VISIBLE) and body["total_pages"] == 1


@pytest.mark.parametrize(
    ("query", "page_number", "size", "first", "last", "empty"),
    [
        ("per_page=2", 1, 2, True, False, False),
        ("per_page=2&page=2", 2, 2, False, False, False),
        ("per_page=2&page=4", 4, 1, False, True, False),
        ("per_page=2&page=9", 9, 0, False, True, True),
        ("page=0", 1, 7, True, True, False),
        ("page=-3&per_page=0", 1, 1, True, False, False),
        ("per_page=100000", 1, 7, True, True, False),
        ("per_page=abc&page=xyz", 1, 7, True, True, False),
    ],
)
def test_services_pagination(client, query, page_number, size, first, last, empty):
    body = client.get(f"/openreferral/services?{query}").get_json()
    validate(body, page_of(SERVICE))
    assert (body["page_number"], body["size"], body["first_page"], body["last_page"], body["empty"]) == (
        page_number,
        size,
        first,
        last,
        empty,
    )
    assert body["total_items"] == len(VISIBLE)


def test_per_page_is_capped_at_200(client, app):
    from directory import oruk

    items = list(range(450))
    assert oruk.page(items, 1, oruk.int_param("100000", 50, 1, oruk.MAX_PER_PAGE))["size"] == 200
    assert oruk.page(items, 3, 200)["size"] == 50


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("taxonomy_term_id=food", {"food-bank", "lunch-club"}, {"youth-club", "samaritans"}),
        ("minimum_age=60", {"lunch-club", "food-bank", "samaritans"}, {"youth-club"}),
        ("maximum_age=10", {"youth-club", "food-bank"}, {"lunch-club"}),
        ("minimum_age=8&maximum_age=12", {"youth-club"}, {"lunch-club"}),
        ("search=food+bank", {"food-bank"}, {"youth-club"}),
        ("search=club&taxonomy_term_id=young-people", {"youth-club"}, {"lunch-club"}),
        ("minimum_age=abc", VISIBLE, set()),
    ],
)
def test_services_filters(client, query, present, absent):
    body = client.get(f"/openreferral/services?{query}").get_json()
    validate(body, page_of(SERVICE))
    ids = {s["id"] for s in body["contents"]}
    assert present <= ids and not (absent & ids)


def test_search_keeps_the_ranking(client):
    body = client.get("/openreferral/services?search=food+bank").get_json()
    assert body["contents"][0]["id"] == "food-bank"


def test_one_service_mapping(client):
    response = client.get("/openreferral/services/food-bank")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    s = response.get_json()
    validate(s, SERVICE)
    assert s["id"] == "food-bank" and s["name"] == "Caia food bank" and s["status"] == "active"
    assert s["url"] == "https://example.org/food"
    assert s["email"] == "food@example.org"
    assert s["minimum_age"] == 0 and "maximum_age" not in s
    assert s["assured_date"] == "2025-04-11"
    assert s["cost_options"][0]["amount"] == 0 and s["cost_options"][0]["option"] == "Free"
    assert [(lang["name"], lang["code"]) for lang in s["languages"]] == [
        ("English", "en"),
        ("Welsh", "cy"),
        ("Polish", "pl"),
    ]
    assert s["organization"]["name"] == "Caia Park Partnership"
    assert s["phones"][0]["number"] == "01632 960001"
    assert s["service_areas"][0]["name"] == "Caia Park"
    schedule = s["schedules"][0]
    assert schedule["description"] == "Monday to Friday 9am to 5pm"
    assert (schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "MO,TU,WE,TH,FR",
        "09:00",
        "17:00",
    )
    assert [a["taxonomy_term"]["id"] for a in s["attributes"]] == ["food", "money"]
    address = s["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["country"]) == (
        "1 Example Road, Wrexham",
        "LL13 9ZZ",
        "GB",
    )
    assert s["service_at_locations"][0]["location"]["accessibility"][0]["description"] == "Step-free entrance"


def test_service_without_website_links_to_our_page(client):
    s = client.get("/openreferral/services/youth-club").get_json()
    validate(s, SERVICE)
    assert s["url"] == "http://localhost/services/youth-club"
    assert (s["minimum_age"], s["maximum_age"]) == (8, 18)
    assert "amount" not in s["cost_options"][0]  # "£1 a session" is kept as text, not guessed
    assert s["organization"]["name"] == "Wrexham youth club"


@pytest.mark.parametrize(
    ("slug", "status"),
    [
        ("paused-group", "temporarily closed"),
        ("closed-service", "defunct"),
        ("samaritans", "active"),
    ],
)
def test_status_mapping(client, slug, status):
    s = client.get(f"/openreferral/services/{slug}").get_json()
    validate(s, SERVICE)
    assert s["status"] == status


def test_ids_of_nested_objects_are_stable(client):
    first = client.get("/openreferral/services/food-bank").get_json()
    second = client.get("/openreferral/services/food-bank").get_json()
    assert first == second


def test_unknown_service_is_a_json_404(client):
    response = client.get("/openreferral/services/no-such-thing")
    assert response.status_code == 404
    assert response.is_json and response.get_json()["error"] == "not found"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", ["/openreferral/taxonomies", "/openreferral/taxonomy_terms"])
def test_taxonomies(client, app, url):
    response = client.get(url)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    validate(body, page_of(TAXONOMY_TERM))
    categories = app.extensions["signpost"].index.categories
    assert [t["id"] for t in body["contents"]] == [c.id for c in categories]
    assert body["contents"][1]["name"] == "Food and essentials"


def test_every_service_validates(client):
    for slug in VISIBLE | {"closed-service"}:
        validate(client.get(f"/openreferral/services/{slug}").get_json(), SERVICE)
