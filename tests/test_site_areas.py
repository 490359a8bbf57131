"""Areas on Welsh pages: the Welsh name an entry gives (`area_cy`) wherever the site shows the area.

In the test content the lunch club gives "Parc Caia" for Caia Park and the food bank, in the same
area, gives no Welsh name: both show "Parc Caia" on Welsh pages. No entry gives a Welsh name for the
youth club's "Wrexham city centre", so it stays in English. The filter's value stays the English
name in both languages, so `?area=Caia+Park` links keep working.
"""

from __future__ import annotations

import html
import re

import pytest
from conftest import ENTRIES, make_app, make_content

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
CARD_LINK = re.compile(r'<h3><a href="(?:/cy)?/services/([a-z0-9-]+)"')


@pytest.fixture
def client(read_only_app):
    return read_only_app.test_client()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.get_data(as_text=True))


def area_shown(text: str) -> list[str]:
    """Every area the page shows in a card's "Area" row or a "Where" row."""
    rows = re.findall(r"<dt>(?:Area|Ardal|Where|Ble)</dt><dd[^>]*>(.*?)</dd>", text, re.S)
    return [re.sub(r"\s+", " ", r).strip() for r in rows]


@pytest.mark.parametrize(
    "url",
    [
        "/cy/search?q=food+bank",  # a result card
        "/cy/search?area=Caia+Park",  # browsing by the area filter alone
        "/cy/categories/food",  # a browse page
        "/cy/services/food-bank",  # the entry page
        "/cy/services/food-bank/print",  # the print slip
        "/cy/list?s=food-bank",  # a shared "My list"
        "/cy/list/print?s=food-bank",
    ],
)
def test_welsh_pages_give_the_welsh_area_name_an_entry_in_that_area_gives(client, url):
    text = page(client, url)
    shown = area_shown(text)
    assert shown and all("Parc Caia" in row for row in shown if "Caia" in row), shown
    assert "Caia Park" not in " ".join(shown)


@pytest.mark.parametrize("url", ["/cy/services/food-bank/print", "/cy/list?s=food-bank"])
def test_the_text_to_copy_gives_the_welsh_area_too(client, url):
    box = re.search(r"<textarea[^>]*>(.*?)</textarea>", page(client, url), re.S).group(1)
    assert "Parc Caia" in box and "Caia Park" not in box


def test_an_area_no_entry_names_in_welsh_stays_in_english(client):
    assert area_shown(page(client, "/cy/services/youth-club")) == ["Wrexham city centre"]


@pytest.mark.parametrize("url", ["/search?q=food+bank", "/services/food-bank", "/list?s=food-bank"])
def test_english_pages_keep_the_english_name(client, url):
    text = page(client, url)
    assert "Caia Park" in text and "Parc Caia" not in text


def test_the_welsh_area_filter_shows_welsh_names_with_the_same_values(client):
    text = page(client, "/cy/search?q=lunch&area=Caia+Park")
    options = dict(re.findall(r'<option value="([^"]*)"(?: selected)?>([^<]*)</option>', text))
    assert options["Caia Park"] == "Parc Caia"
    assert options["Wrexham city centre"] == "Wrexham city centre"
    assert '<option value="Caia Park" selected>Parc Caia</option>' in text
    assert set(CARD_LINK.findall(text)) >= {"lunch-club"}
    assert "youth-club" not in CARD_LINK.findall(text)


def test_the_english_filter_is_unchanged(client):
    text = page(client, "/search?q=lunch&area=Caia+Park")
    assert '<option value="Caia Park" selected>Caia Park</option>' in text
    assert "Parc Caia" not in text


def test_the_welsh_filter_lists_areas_in_the_order_of_their_welsh_names(tmp_path):
    entries = dict(ENTRIES)
    entries["youth-club"] = entries["youth-club"].replace(
        "area: Wrexham city centre\n", "area: Wrexham city centre\n        area_cy: Canol dinas Wrecsam\n"
    )
    client = make_app(make_content(tmp_path / "content", entries), tmp_path / "index").test_client()

    def options(url: str) -> list[tuple[str, str]]:
        select = re.search(r'<select id="f-area".*?</select>', page(client, url), re.S).group(0)
        return re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select)

    assert options("/cy/search?q=bwyd") == [
        ("Wrexham city centre", "Canol dinas Wrecsam"),
        ("Caia Park", "Parc Caia"),
    ]
    assert options("/search?q=food") == [
        ("Caia Park", "Caia Park"),
        ("Wrexham city centre", "Wrexham city centre"),
    ]


def test_the_welsh_json_api_gives_the_welsh_area(client):
    response = client.get("/cy/api/search?q=food+bank")
    results = {r["slug"]: r for r in response.get_json()["results"]}
    assert results["food-bank"]["area"] == "Parc Caia"
