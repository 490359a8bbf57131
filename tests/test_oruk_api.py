"""The Open Referral UK 3.0 API, checked as the official validator does: every path of the UK
openapi.json, first/middle/last pages and the ids they list, against the official schemas with formats."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import uuid

import pytest
from conftest import ENTRIES, make_app, make_content
from oruk_schema import FORMATS, assert_valid, errors, file_schema, openapi, response_schema

from directory import create_app, oruk

# Two entries with places and structured opening times (made-up places and coordinates).
PLACES = {
    "town-hub": """\
        ---
        title: Town advice hub
        summary: Advice on money and housing at two places in town.
        organisation: Example Advice Trust
        organisation_website: https://example.org/trust
        organisation_email: trust@example.org
        categories: [advice, money]
        ages: "16-25"
        address: "2 Example Street, Wrexham"
        postcode: "LL11 1AA"
        latitude: 53.0460
        longitude: -2.9930
        locations:
          - name: Example library
            address: "3 Example Lane"
            city: Wrexham
            postcode: "LL13 8BB"
            latitude: 53.0300
            longitude: -2.9700
        opening_times:
          - days: [monday, wednesday]
            opens: "10:00"
            closes: "14:00"
          - days: [saturday]
            opens: "09:00"
            closes: "12:00"
        ---

        Walk in.
        """,
    "far-group": """\
        ---
        title: Faraway group
        summary: A group somewhere else.
        categories: [community]
        ages: "18+"
        address: "9 Distant Road"
        postcode: "CH1 1ZZ"
        latitude: 53.1900
        longitude: -2.8900
        hours: "Fridays 7pm to 9pm"
        ---
        """,
}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One site for the module: the API only reads."""
    root = tmp_path_factory.mktemp("oruk-site")
    return make_app(make_content(root / "content", {**ENTRIES, **PLACES}), root / "index")


@pytest.fixture
def client(app):
    return app.test_client()


def get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.get_data(as_text=True)[:300])
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()


def contents(client, url: str) -> list[dict]:
    return get(client, url)["contents"]


def ids(client, url: str) -> set[str]:
    return {item["id"] for item in contents(client, url)}


def sid(slug: str) -> str:
    return oruk.service_id(slug)


# --- the validator's flow ---------------------------------------------------------------------


def validate_feed(client, base: str = "/openreferral") -> dict[str, int]:
    """Root, then each list path (first, middle, last page), then each {id} path with listed ids."""
    root = get(client, base + "/")
    assert_valid(root, response_schema("/"), "/")
    assert root["version"] == "HSDS-UK-3.0"
    checked: dict[str, int] = {}
    listed: dict[str, list[str]] = {}
    paths = openapi()["paths"]
    for path in [p for p in paths if p != "/" and "{" not in p]:
        first = get(client, f"{base}{path}?page=1")
        pages = {1, max(1, first["total_pages"] // 2), first["total_pages"]}
        listed[path] = []
        for n in sorted(pages):
            body = get(client, f"{base}{path}?page={n}")
            assert_valid(body, response_schema(path), f"{path}?page={n}")
            listed[path] += [item["id"] for item in body["contents"]]
        assert listed[path], f"{path} lists nothing"
        checked[path] = len(pages)
    for path in [p for p in paths if "{id}" in p]:
        collection = path.replace("/{id}", "")
        for item_id in listed[collection]:
            body = get(client, f"{base}{path.replace('{id}', item_id)}")
            assert_valid(body, response_schema(path), f"{path} {item_id}")
        checked[path] = len(listed[collection])
    return checked


def test_every_path_of_the_openapi_file_validates(client):
    checked = validate_feed(client)
    assert set(checked) == set(openapi()["paths"]) - {"/"}
    assert checked["/services/{id}"] == 9  # every visible service


def test_the_bundled_directory_validates_on_several_pages(bundled_app):
    client = bundled_app.test_client()
    first = get(client, "/openreferral/services?per_page=10")
    assert first["total_pages"] > 3
    checked = validate_feed(client)
    assert checked["/services/{id}"] == len(bundled_app.extensions["signpost"].index.visible())


def test_formats_are_checked():
    """The validator would miss slug ids, bad dates or URIs unless formats are really checked."""
    good = {"id": sid("food-bank"), "name": "x", "status": "active"}
    schema = file_schema("compiled/service_list.json")
    assert not errors(good, schema)
    bad_values = {
        "uuid": {"id": "food-bank"},
        "date-time": {"last_modified": "yesterday"},
        "uri": {"url": "not a web address"},
        "email": {"email": "nobody"},
    }
    for fmt, change in bad_values.items():
        assert errors({**good, **change}, schema), f"format {fmt} is not checked"
    date_schema = {"type": "string", "format": "date"}
    assert errors("2025-13-40", date_schema) and not errors("2025-01-31", date_schema)
    assert set(bad_values) | {"date"} == set(FORMATS)


# --- root, ids, slugs -------------------------------------------------------------------------


def test_root(client):
    root = get(client, "/openreferral/")
    assert root == {"version": "HSDS-UK-3.0", "profile": oruk.PROFILE_URL, "openapi_url": oruk.OPENAPI_URL}


def test_ids_are_uuid5_of_the_slug_in_the_documented_namespace(client):
    assert oruk.ID_NAMESPACE == uuid.UUID("dd5dfc78-ca93-5ec6-9b06-2a8789f7d0b7")
    s = get(client, f"/openreferral/services/{sid('food-bank')}")
    assert s["id"] == str(uuid.uuid5(oruk.ID_NAMESPACE, "service/food-bank"))
    assert [a["value"] for a in s["attributes"] if a["link_type"] == "identifier"] == ["food-bank"]
    assert s == get(client, f"/openreferral/services/{sid('food-bank')}")  # stable


def test_a_slug_redirects_to_the_uuid(client):
    response = client.get("/openreferral/services/food-bank")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/openreferral/services/{sid('food-bank')}")


@pytest.mark.parametrize(
    "url",
    [
        "/openreferral/services/no-such-thing",
        f"/openreferral/services/{uuid.uuid4()}",
        f"/openreferral/service_at_locations/{uuid.uuid4()}",
        "/openreferral/taxonomies/nope",
        "/openreferral/taxonomy_terms/nope",
    ],
)
def test_unknown_ids_are_json_404s(client, url):
    body = get(client, url, 404)
    assert body["error"] == "not found" and body["message"]


def test_one_service_in_full(client):
    s = get(client, f"/openreferral/services/{sid('food-bank')}")
    assert (s["name"], s["status"], s["url"], s["email"]) == (
        "Caia food bank",
        "active",
        "https://example.org/food",
        "food@example.org",
    )
    assert s["minimum_age"] == 0 and "maximum_age" not in s
    assert s["assured_date"] == "2025-04-11"
    assert s["cost_options"][0]["amount"] == 0
    assert s["phones"][0]["number"] == "01632 960001"
    assert s["organization"]["name"] == "Caia Park Partnership"
    assert (s["schedules"][0]["byday"], s["schedules"][0]["opens_at"], s["schedules"][0]["closes_at"]) == (
        "MO,TU,WE,TH,FR",
        "09:00",
        "17:00",
    )
    address = s["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"]) == ("1 Example Road, Wrexham", "LL13 9ZZ")
    terms = [a["taxonomy_term"]["code"] for a in s["attributes"] if "taxonomy_term" in a]
    assert terms == ["food", "money", "1102", "1107"]


def test_service_without_website_links_to_our_page(client):
    s = get(client, f"/openreferral/services/{sid('youth-club')}")
    assert s["url"] == "http://localhost/services/youth-club"
    assert (s["minimum_age"], s["maximum_age"]) == (8, 18)
    assert "amount" not in s["cost_options"][0]  # "£1 a session" is kept as text, not guessed
    assert s["organization"]["name"] == "Wrexham youth club"


@pytest.mark.parametrize(
    ("slug", "status"),
    [("paused-group", "temporarily closed"), ("closed-service", "defunct"), ("samaritans", "active")],
)
def test_status_mapping(client, slug, status):
    s = get(client, f"/openreferral/services/{sid(slug)}")
    assert_valid(s, response_schema("/services/{id}"))
    assert s["status"] == status


def test_closed_services_are_not_listed(client):
    assert sid("closed-service") not in ids(client, "/openreferral/services?per_page=200")


def test_places_organisation_and_opening_times(client):
    s = get(client, f"/openreferral/services/{sid('town-hub')}")
    assert s["organization"]["website"] == "https://example.org/trust"
    assert s["organization"]["email"] == "trust@example.org"
    locations = [sal["location"] for sal in s["service_at_locations"]]
    assert [(loc["name"], loc.get("latitude")) for loc in locations] == [
        ("2 Example Street, Wrexham", 53.046),
        ("Example library", 53.03),
    ]
    assert [(x["byday"], x["opens_at"], x["closes_at"]) for x in s["schedules"]] == [
        ("MO,WE", "10:00", "14:00"),
        ("SA", "09:00", "12:00"),
    ]


def test_service_at_location_in_full_validates_as_both_schemas(client):
    sal_id = contents(client, "/openreferral/service_at_locations?per_page=200")[0]["id"]
    body = get(client, f"/openreferral/service_at_locations/{sal_id}")
    assert_valid(body, file_schema("compiled/service_at_location.json"))
    assert_valid(body, file_schema("compiled/service.json"))
    assert body["service"]["id"] == body["service_id"]


def test_service_at_locations_come_from_addresses_locations_or_the_area(client):
    listed = contents(client, "/openreferral/service_at_locations?per_page=200")
    with_place = ("food-bank", "town-hub", "far-group", "youth-club", "lunch-club")
    assert {x["service_id"] for x in listed} == {sid(s) for s in with_place}
    assert len(listed) == 6  # the hub is at two places; samaritans and others name no place
    youth = next(x for x in listed if x["service_id"] == sid("youth-club"))
    assert youth["location"]["name"] == "Wrexham city centre" and "latitude" not in youth["location"]


# --- taxonomies -------------------------------------------------------------------------------


def test_two_taxonomies_and_their_terms(client, app):
    taxonomies = contents(client, "/openreferral/taxonomies")
    assert [t["name"] for t in taxonomies] == ["Signpost categories", "Open Eligibility"]
    oe = get(client, f"/openreferral/taxonomies/{taxonomies[1]['id']}")
    food = next(t for t in oe["taxonomy_terms"] if t["code"] == "1102")
    assert food["name"] == "Food" and food["term_uri"].startswith(
        "https://github.com/auntbertha/openeligibility"
    )
    mentoring = next(t for t in oe["taxonomy_terms"] if t["code"] == "1308")
    parent = get(client, f"/openreferral/taxonomy_terms/{mentoring['parent_id']}")
    assert parent["name"] == "Support Network"
    ours = get(client, f"/openreferral/taxonomies/{taxonomies[0]['id']}")
    categories = app.extensions["signpost"].index.categories
    assert [t["code"] for t in ours["taxonomy_terms"]] == [c.id for c in categories]
    assert ours["taxonomy_terms"][1]["term_uri"] == "http://localhost/categories/food"
    only_ours = contents(
        client, f"/openreferral/taxonomy_terms?taxonomy_id={taxonomies[0]['id']}&per_page=200"
    )
    assert len(only_ours) == len(categories)


# --- paging -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "page_number", "size", "first", "last", "empty"),
    [
        ("", 1, 9, True, True, False),
        ("per_page=2", 1, 2, True, False, False),
        ("per_page=2&page=2", 2, 2, False, False, False),
        ("per_page=2&page=5", 5, 1, False, True, False),
        ("per_page=2&page=9", 9, 0, False, True, True),
        ("per_page=100000", 1, 9, True, True, False),
    ],
)
def test_pages(client, query, page_number, size, first, last, empty):
    body = get(client, f"/openreferral/services?{query}")
    assert (body["page_number"], body["size"], body["first_page"], body["last_page"], body["empty"]) == (
        page_number,
        size,
        first,
        last,
        empty,
    )
    assert body["total_items"] == 9


def test_per_page_default_and_maximum():
    items = list(range(450))
    assert oruk.page(items, 1, oruk.DEFAULT_PER_PAGE)["size"] == 50
    assert oruk.whole_number("per_page", "100000", 1, oruk.MAX_PER_PAGE) == 200
    assert oruk.page(items, 3, 200)["size"] == 50


# --- filters ------------------------------------------------------------------------------------


def test_search_keeps_the_ranking(client):
    assert contents(client, "/openreferral/services?search=food+bank")[0]["id"] == sid("food-bank")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("taxonomy_term_id=food", {"food-bank", "lunch-club"}),
        (f"taxonomy_term_id={oruk.term_id('signpost-categories', 'food')}", {"food-bank", "lunch-club"}),
        (f"taxonomy_term_id={oruk.term_id('open-eligibility', '1107')}", {"food-bank", "town-hub"}),
        (f"taxonomy_term_id={uuid.uuid4()}", set()),
        (f"taxonomy_id={uuid.uuid4()}", set()),
        ("minimum_age=16", {"town-hub", "lunch-club", "far-group"}),
        ("minimum_age=18", {"lunch-club", "far-group"}),
        ("maximum_age=18", {"youth-club"}),
        ("minimum_age=10&maximum_age=30", {"town-hub"}),
        ("day=tuesday", {"food-bank", "youth-club", "samaritans", "live-fear-free"}),
        ("day=TU&start_time=17:00", {"youth-club"}),
        ("day=saturday&end_time=12:00", {"town-hub"}),
        ("start_time=18:00&end_time=21:00", {"youth-club", "far-group"}),
        ("search=club&taxonomy_term_id=young-people", {"youth-club"}),
    ],
)
def test_filters(client, query, expected):
    slugs = {oruk_slug(item) for item in contents(client, f"/openreferral/services?{query}&per_page=200")}
    assert slugs == expected


def oruk_slug(item: dict) -> str:
    return next(slug for slug in {**ENTRIES, **PLACES} if sid(slug) == item["id"])


def test_taxonomy_id_lists_services_with_any_term_of_it(client):
    taxonomies = contents(client, "/openreferral/taxonomies")
    for taxonomy in taxonomies:
        listed = ids(client, f"/openreferral/services?taxonomy_id={taxonomy['id']}&per_page=200")
        assert len(listed) == 9


def test_minimum_age_lists_no_service_for_younger_people(client):
    listed = contents(client, "/openreferral/services?minimum_age=16&per_page=200")
    assert listed
    for item in listed:
        assert item["minimum_age"] >= 16
        assert item.get("maximum_age", 200) >= 16


def test_postcode_and_proximity(client):
    def near(query):
        return {
            x["location"]["name"] for x in contents(client, f"/openreferral/service_at_locations?{query}")
        }

    assert near("postcode=LL11+1AA&proximity=1000") == {"2 Example Street, Wrexham"}
    assert near("postcode=LL11+1AA&proximity=5000") == {"2 Example Street, Wrexham", "Example library"}
    assert near("postcode=ll13%208bb") == {"Example library", "1 Example Road, Wrexham"}
    assert near("postcode=CH1") == {"9 Distant Road"}


def test_modified_after_and_last_modified_from_git(tmp_path):
    content = make_content(
        tmp_path / "content", {"food-bank": ENTRIES["food-bank"], "youth-club": ENTRIES["youth-club"]}
    )
    env = {"GIT_COMMITTER_DATE": "2024-05-01T12:00:00Z", "GIT_AUTHOR_DATE": "2024-05-01T12:00:00Z"}
    git = ["git", "-C", str(content), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True, env={**env, "PATH": "/usr/bin:/bin"})
    with open(content / "services" / "youth-club.md", "a", encoding="utf-8") as f:
        f.write("\nNew line.\n")
    client = create_app(
        {"TESTING": True, "CONTENT_DIR": content, "INDEX_DIR": tmp_path / "i", "SECRET_KEY": "t"}
    ).test_client()
    by_slug = {oruk_slug(s): s["last_modified"] for s in contents(client, "/openreferral/services")}
    assert by_slug["food-bank"] == "2024-05-01T12:00:00Z"  # the commit
    assert by_slug["youth-club"][:4] == str(dt.date.today().year)  # edited since: the file's time
    recent = ids(client, "/openreferral/services?modified_after=2025-01-01T00:00:00Z")
    assert recent == {sid("youth-club")}


# --- bad values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=-1",
        "page=1.5",
        "page=abc",
        "per_page=0",
        "minimum_age=abc",
        "minimum_age=-1",
        "maximum_age=1e999",
        "taxonomy_term_id=' OR 1=1",
        "taxonomy_id=not-a-uuid",
        "day=someday",
        "start_time=25:00",
        "end_time=noon",
        "modified_after=yesterday",
        "organization_id=x",
        "colour=blue",
        "proximity=100",
        "postcode=NOT A POSTCODE",
        "day=monday&day=friday",
    ],
)
@pytest.mark.parametrize("path", ["/openreferral/services", "/openreferral/service_at_locations"])
def test_bad_values_are_a_json_400(client, path, query):
    if query.startswith(("proximity", "postcode")) and path.endswith("/services"):
        query = query.replace("proximity", "colour").replace("postcode", "colour")
    body = get(client, f"{path}?{query}", 400)
    assert body["error"] == "bad request"
    name = re.split(r"[=&]", query)[0]
    assert name in body["message"]


def test_a_postcode_no_entry_places_is_a_400_with_proximity(client):
    body = get(client, "/openreferral/service_at_locations?postcode=SW1A+1AA&proximity=500", 400)
    assert "cannot be placed" in body["message"]


@pytest.mark.parametrize("path", ["/openreferral/taxonomies", "/openreferral/taxonomy_terms"])
def test_list_paths_refuse_unknown_parameters(client, path):
    assert get(client, f"{path}?search=x", 400)["error"] == "bad request"


# --- the entry page shows the new fields ----------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        (
            "",
            [
                "Also at",
                "Example library, 3 Example Lane, Wrexham, LL13 8BB",
                "Monday, Wednesday: 10:00–14:00",
            ],
        ),
        ("/cy", ["Hefyd yn", "Example library", "Dydd Llun, Dydd Mercher: 10:00–14:00"]),
    ],
)
def test_entry_page_shows_places_times_and_organisation(client, prefix, words):
    page = client.get(f"{prefix}/services/town-hub").get_data(as_text=True)
    for word in [*words, "https://example.org/trust", "mailto:trust@example.org"]:
        assert word in page


def test_the_root_answers_without_the_trailing_slash(client):
    assert get(client, "/openreferral")["version"] == "HSDS-UK-3.0"


# --- a directory nobody tuned on ------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_generated_directory_validates(tmp_path, seed):
    from oruk_generated import generated_content

    content = generated_content(tmp_path / "c", seed)
    app = create_app(
        {"TESTING": True, "CONTENT_DIR": content, "INDEX_DIR": tmp_path / "i", "SECRET_KEY": "t"}
    )
    assert not [p for p in app.extensions["signpost"].index.problems() if p["severity"] == "error"]
    client = app.test_client()
    checked = validate_feed(client)
    assert checked["/services/{id}"] == len(app.extensions["signpost"].index.visible())
    for query in ("minimum_age=16", "maximum_age=10", "day=tuesday&start_time=09:00", "minimum_age=0"):
        for item in contents(client, f"/openreferral/services?{query}&per_page=200"):
            if query.startswith("minimum_age"):
                assert item["minimum_age"] >= int(query.split("=")[1])
            if query.startswith("maximum_age"):
                assert item["maximum_age"] <= 10


@pytest.mark.parametrize("path", ["/openreferral/", f"/openreferral/services/{oruk.service_id('food-bank')}"])
def test_paths_with_no_parameters_refuse_them(client, path):
    assert "takes no parameters" in get(client, f"{path}?full=true", 400)["message"]
