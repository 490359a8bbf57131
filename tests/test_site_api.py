"""The JSON search API (the Open Referral UK API is tested in test_oruk_api.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def app(read_only_app):
    return read_only_app  # these tests only read: one site for the session (conftest)


@pytest.fixture
def core(app):
    return app.extensions["signpost"]


# --- /api/search -----------------------------------------------------------------------------


def test_api_search_shape_and_order(client, core):
    response = client.get("/api/search?q=club")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    assert set(body) >= {"query", "crisis", "crisis_kind", "suggestion", "results"}
    assert body["query"] == "club"
    assert body["crisis"] is False and body["crisis_kind"] is None and body["crisis_tier"] is None
    expected_results = core.search("club", channel="cli")
    assert body["confident"] is expected_results.confident
    expected = [h.slug for h in expected_results.hits]
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
    assert body["crisis_kind"] == "suicide" and body["crisis_tier"] in ("crisis", "urgent")
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
