"""Pages a resident may need to hide: never cached, and no page title carries what they typed.

A page title ends up in the browser's history, its tabs and bookmarks, and on a shared screen; a
cached page can be shown again to the next person at the computer.
"""

from __future__ import annotations

import html
import re

import pytest
from conftest import BOT_ENTRIES, make_app, make_content


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One site for the module: these tests only read pages (nothing is recorded without a database)."""
    root = tmp_path_factory.mktemp("private-pages")
    return make_app(make_content(root / "content", BOT_ENTRIES), root / "index")


@pytest.fixture
def client(site):
    return site.test_client()


def title(response) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", response.get_data(as_text=True), re.S).group(1))


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/search?q=Sarah+Jones+22+Bryn+Offa+food+bank", "Search results – Signpost Wrexham"),
        ("/cy/search?q=Sarah+Jones+22+Bryn+Offa+banc+bwyd", "Canlyniadau chwilio – Arwyddbost Wrecsam"),
        ("/search?q=Sarah+Jones+my+husband+hits+me", "Help now – Signpost Wrexham"),
        ("/cy/search?q=Sarah+Jones+I+want+to+kill+myself", "Help nawr – Arwyddbost Wrecsam"),
        ("/search?q=Sarah+Jones+zzzqqq", "Search results – Signpost Wrexham"),  # nothing found
        ("/search", "Search – Signpost Wrexham"),
    ],
)
def test_the_search_page_title_never_carries_the_residents_words(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert title(response) == expected
    assert (
        "Sarah Jones" in html.unescape(response.get_data(as_text=True)) or path == "/search"
    )  # shown on the page


CRISIS_PAGES = [  # in English here, in Welsh under /cy
    "/search?q=my+husband+hits+me",
    "/search?q=I+want+to+kill+myself",
    "/categories/domestic-abuse",
    "/services/live-fear-free",
]


@pytest.mark.parametrize("lang", ["", "/cy"])
@pytest.mark.parametrize("path", CRISIS_PAGES)
def test_crisis_results_and_domestic_abuse_pages_are_never_cached(client, lang, path):
    response = client.get(lang + path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert 'id="exit-this-page"' in response.get_data(as_text=True)  # the pages that offer the quick exit


@pytest.mark.parametrize("path", ["/search?q=food+bank", "/categories/food", "/services/caia-food-bank", "/"])
def test_everyday_pages_may_be_cached_as_before(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
