"""Whatever anyone puts in the address, the site answers with a page, never a server error."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Text a browser can send: any character but lone surrogates (which cannot be encoded as UTF-8).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
PARAM_NAMES = st.sampled_from(
    [
        "q",
        "category",
        "age",
        "free",
        "lang",
        "area",
        "open",
        "page",
        "per_page",
        "search",
        "taxonomy_term_id",
        "minimum_age",
        "maximum_age",
        "taxonomy_id",
        "day",
        "start_time",
        "end_time",
        "postcode",
        "proximity",
        "modified_after",
        "limit",
        "s",
    ]
)
NUMBERS_AS_TEXT = st.integers(min_value=-(10**30), max_value=10**30).map(str)
PARAMS = st.dictionaries(PARAM_NAMES, st.one_of(ANY_TEXT, NUMBERS_AS_TEXT), max_size=6)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def app(read_only_app):
    return read_only_app  # these tests only read: one site for the session (conftest)


def check(client, path: str, params: dict) -> None:
    response = client.get(f"{path}?{urlencode(params)}")
    assert response.status_code < 500, (path, params)
    response.close()


@pytest.mark.parametrize(
    "path", ["/search", "/api/search", "/openreferral/services", "/openreferral/service_at_locations"]
)
@FUZZ
@given(params=PARAMS)
def test_search_pages_never_fail(client, path, params):
    check(client, path, params)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(["", "/cy"]), params=PARAMS)
def test_welsh_search_never_fails(client, prefix, params):
    check(client, f"{prefix}/search", params)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    slug=st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/?#"), min_size=1, max_size=80)
)
def test_any_service_address_gets_a_page(client, slug):
    from urllib.parse import quote

    response = client.get("/services/" + quote(slug, safe=""))
    assert response.status_code in (200, 404, 410)
    response.close()


HOSTILE = [
    "x" * 10_000,
    "title:(",
    '"unclosed',
    "AND OR",
    "*",
    "?",
    "'; DROP TABLE searches; --",
    "1' OR '1'='1",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "😀🍞🏠 help",
    "أحتاج مساعدة في الطعام",
    "я голодний",
    "\x00\x01\x02 food \x1f\x7f",
    "food\x00bank",
    "\u202e\u200b\ufeff",
    "%00%ff",
    "..\\..\\etc\\passwd",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "NOT NOT NOT",
    "food^2 AND bank~3",
    "a" * 501,
    " ",
    "\t\n\r",
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("path", ["/search", "/cy/search", "/api/search"])
def test_hostile_queries(client, path, query):
    response = client.get(path, query_string={"q": query})
    assert response.status_code == 200
    if path.endswith("/api/search"):
        assert response.is_json
        return
    body = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x" not in body


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_openreferral_search(client, query):
    response = client.get("/openreferral/services", query_string={"search": query})
    assert response.status_code == 200 and response.is_json


@pytest.mark.parametrize(
    "params",
    [
        {"q": "food", "age": "-1"},
        {"q": "food", "age": "abc"},
        {"q": "food", "age": "9" * 5000},
        {"q": "food", "age": "1e3"},
        {"q": "food", "age": "٣"},  # an Arabic-Indic digit
        {"q": "food", "age": "²"},  # isdigit() is true, int() fails
        {"q": "food", "free": "yes please"},
        {"q": "food", "lang": "../../"},
        {"q": "food", "area": "\x00"},
        {"q": "food", "category": "<b>"},
        {"q": "food", "open": "never"},
        {"q": "food", "limit": "-5"},
    ],
)
@pytest.mark.parametrize("path", ["/search", "/api/search"])
def test_hostile_filters(client, path, params):
    assert client.get(path, query_string=params).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "-1"},
        {"per_page": "100000"},
        {"per_page": "0"},
        {"page": "9" * 5000},
        {"minimum_age": "-1"},
        {"maximum_age": "abc"},
        {"taxonomy_term_id": "' OR 1=1"},
        {"page": "1.5"},
    ],
)
def test_hostile_openreferral_params(client, params):
    response = client.get("/openreferral/services", query_string=params)
    assert response.status_code in (200, 400)
    body = response.get_json()
    assert body["page_number"] >= 1 if response.status_code == 200 else body["error"] == "bad request"


def test_hostile_list_and_forms(client):
    assert client.get("/list", query_string={"s": "x" * 10_000 + ",\x00,<script>"}).status_code == 200
    assert client.post("/list/add", data={"slug": "\x00" * 1000}).status_code == 400  # no CSRF token
    assert client.post("/list/add", data={"x": "y" * 100_000}).status_code in (400, 413)
