"""The website's pages: every route, every filter, both languages, safety and size."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import re
from zoneinfo import ZoneInfo

import pytest
from conftest import ENTRIES, ROOT, make_app, make_content, record_searches
from staff_fixtures import login

from search_index import load_directory
from search_index.answers import entry_text

pytest_plugins = ["staff_fixtures"]  # staff_client, for the staff-only sources


@pytest.fixture
def app(read_only_app):
    """Most tests here only read pages: they share one site (conftest.read_only_app); the few that
    write or need other content make their own."""
    return read_only_app


@pytest.fixture
def core(app):
    return app.extensions["signpost"]


LONDON = ZoneInfo("Europe/London")
CARD_LINK = re.compile(r'<h3><a href="(?:/cy)?/services/([a-z0-9-]+)"')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def slugs_on(page: str) -> list[str]:
    """The services listed on a results page, in order."""
    return CARD_LINK.findall(page)


def text(response) -> str:
    return response.get_data(as_text=True)


def fixed_clock(year, month, day, hour, minute=0):
    return lambda: dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


# --- every route answers ---------------------------------------------------------------------

ROUTES = [
    ("/", 200, "What do you need help with?"),
    ("/search?q=food", 200, "Caia food bank"),
    ("/search", 200, "Type what you need"),
    ("/categories/food", 200, "Food and essentials"),
    ("/categories/no-such-thing", 404, "Sorry, we cannot find that page"),
    ("/services/food-bank", 200, "Caia food bank"),
    ("/services/food-bank/print", 200, "<svg"),
    ("/services/no-such-service", 404, "Sorry, we cannot find that page"),
    ("/services/no-such-service/print", 404, "Sorry, we cannot find that page"),
    ("/services/closed-service", 410, "This service has closed"),
    ("/services/closed-service/print", 410, "This service has closed"),
    ("/list", 200, "Your list is empty"),
    ("/list?s=food-bank,youth-club", 200, "Wrexham youth club"),
    ("/list/print?s=food-bank", 200, "Caia food bank"),
    ("/no/such/page", 404, "What do you need help with?"),
    ("/list/add", 405, "Sorry, we could not read that request"),
    ("/cy/", 200, "Bwyd a hanfodion"),
    ("/cy/search?q=bwyd", 200, "Banc bwyd Caia"),
    ("/cy/categories/food", 200, "Bwyd a hanfodion"),
    ("/cy/services/food-bank", 200, "Banc bwyd Caia"),
    ("/cy/services/food-bank/print", 200, "Banc bwyd Caia"),
    ("/cy/services/closed-service", 410, "Mae’r gwasanaeth hwn wedi cau"),
    ("/cy/list", 200, "Fy rhestr"),
    ("/cy/list?s=food-bank", 200, "Banc bwyd Caia"),
    ("/cy/list/print?s=food-bank", 200, "Banc bwyd Caia"),
    ("/cy/services/no-such-service", 404, "Mae’n ddrwg gennym, ni allwn ddod o hyd i’r dudalen honno"),
    ("/cy/no/such/page", 404, "Gyda beth mae angen help arnoch chi?"),
    ("/search?q=I+want+to+kill+myself", 200, '<h1 id="crisis-title">Help now</h1>'),
    ("/cy/search?q=bwyd&open=now", 200, 'name="open" type="checkbox" value="now" checked'),
    ("/search?free=1", 200, "Caia food bank"),
    ("/categories/domestic-abuse", 200, 'id="exit-this-page"'),
    ("/services/hostile-entry", 200, "A safe link"),
    ("/list/print?s=food-bank,youth-club,samaritans", 200, "Samaritans, call 116 123"),
    # a filter that cannot be read is left out, and the page says so
    ("/search?q=club&age=abc", 200, "We could not read the age “abc”"),
    ("/search?q=club&age=-1", 200, "We could not read the age “-1”"),
    ("/search?q=club&age=999", 200, "We could not read the age “999”"),
    ("/search?q=club&category=nonsense", 200, "There is no category “nonsense”"),
    ("/search?q=club&lang=klingon", 200, "We could not read the language “klingon”"),
    # Welsh plurals: dau wasanaeth (a soft mutation after 2), 4 o wasanaethau
    ("/cy/categories/older-people", 200, "<p>2 wasanaeth</p>"),
    ("/cy/categories/food", 200, "<p>2 wasanaeth</p>"),
    ("/cy/categories/community", 200, "<p>4 o wasanaethau</p>"),
    ("/cy/categories/advice", 200, "<p>Dim gwasanaethau</p>"),
    ("/cy/categories/young-people", 200, "<p>1 gwasanaeth</p>"),
    ("/categories/young-people", 200, "<p>1 service</p>"),
    ("/categories/community", 200, "<p>4 services</p>"),
]


@pytest.mark.parametrize(("url", "status", "needle"), ROUTES)
def test_route(client, url, status, needle):
    response = client.get(url)
    assert response.status_code == status, url
    assert needle in text(response), f"{url}: {needle!r} not on the page"


# (url, what the page shows, what it must not show): each answers 200
SHOWS = [
    pytest.param(
        "/cy/",
        [
            '<html lang="cy">',
            "Bwyd a hanfodion",
            "Help brys nawr",
            'href="/cy/categories/food"',
            'action="/cy/search"',
        ],
        ["Food and essentials"],
        id="welsh-home-uses-welsh-category-names-and-links",
    ),
    pytest.param(
        "/search?q=food+bank",
        [
            "Free food parcels for anyone who is struggling",
            "<dt>Cost</dt><dd>Free</dd>",
            "<dt>Area</dt><dd>Caia Park</dd>",
        ],
        [],
        id="result-shows-summary-cost-and-area",
    ),
    pytest.param(
        "/search?q=my+partner+hits+me",
        [
            '<a href="tel:08088010800">0808 80 10 800</a>',
            'data-exit-to="https://www.bbc.co.uk/weather" href="/exit" rel="noreferrer"',
        ],
        [],
        id="abuse-crisis-shows-live-fear-free-and-exit",
    ),
    pytest.param(
        "/cy/search?q=I+want+to+kill+myself",
        ["Samariaid: ffoniwch", "Gadael y dudalen hon", '<h1 id="crisis-title">Help nawr</h1>'],
        [],
        id="welsh-crisis-message-is-welsh",
    ),
    pytest.param(
        "/search?q=yuoth+club&free=1",
        ['Did you mean <a href="/search?q=youth+club&amp;free=1">youth club</a>?'],
        [],
        id="did-you-mean-links-to-the-corrected-search",
    ),
    pytest.param(
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
        ["&lt;script&gt;alert(1)&lt;/script&gt;"],
        ["<script>alert(1)</script>"],
        id="query-is-escaped",
    ),
    pytest.param(
        "/services/food-bank",
        [
            '<a class="tel" href="tel:01632960001">01632 960001</a>',
            '<a href="mailto:food@example.org">food@example.org</a>',
            'href="https://example.org/food"',
            "Monday to Friday 9am to 5pm",
            "<dt>Cost</dt><dd>Free</dd>",
            "all ages",
            "Just turn up",
            "Step-free entrance",
            "English, Welsh, Polish",
            "1 Example Road, Wrexham, Caia Park, LL13 9ZZ",
            "Last checked: 11 April 2025",
            "<strong>Bring a bag</strong>",
            "<h3>What you get</h3>",  # Markdown headings sit under the page's h2
        ],
        ["example.org/food/contact-us", "Sources"],  # the sources are for staff only
        id="entry-page-details",
    ),
    pytest.param(
        "/cy/services/youth-club",
        ['<h1 lang="en">Wrexham youth club</h1>'],
        [],
        id="entry-without-welsh-title-is-marked-english-on-welsh-pages",
    ),
    pytest.param(
        "/services/paused-group",
        ["This service is temporarily closed"],
        [],
        id="temporarily-closed-banner",
    ),
    pytest.param(
        "/services/food-bank/print",
        [
            '<svg role="img" aria-label="QR code: scan it to open this page"',
            "http://localhost/services/food-bank",
            '<textarea id="copy-box" readonly',
            '<a href="tel:01632960001">01632 960001</a>',
        ],
        ["<nav", 'class="site-header"'],
        id="print-slip",
    ),
    pytest.param(
        "/list/print?s=food-bank,youth-club",
        ["http://localhost/list?s=food-bank,youth-club", "<svg"],
        [],
        id="list-print-has-a-qr-code-of-the-shared-list",
    ),
    pytest.param(
        "/search?q=food",
        [
            '<link rel="alternate" hreflang="en" href="http://localhost/search?q=food">',
            '<link rel="alternate" hreflang="cy" href="http://localhost/cy/search?q=food">',
            '<html lang="en-GB">',
        ],
        ["Exit this page"],  # no quick exit on ordinary results
        id="hreflang-alternates",
    ),
    pytest.param(
        "/cy/search?q=club",
        ["Gyda beth mae angen help arnoch chi?", "Hidlo’r canlyniadau"],
        ["What do you need help with?"],
        id="welsh-interface-text",
    ),
    pytest.param(
        "/search?q=xqzzyplugh",
        [
            "Sorry, we could not find a service for that",
            "Try other words",
            'href="/categories/food"',
            'href="tel:116123"',
        ],
        ['<h3><a href="/services/'],  # no result cards
        id="no-results-is-kind-and-helpful",
    ),
    pytest.param(
        "/cy/services/food-bank",
        [
            "<h1>Banc bwyd Caia</h1>",
            "Parseli bwyd am ddim",
            "Saesneg, Cymraeg, Pwyleg",
            "11 Ebrill 2025",
            'href="/cy/categories/food"',
            # no English description on a Welsh page: a link to the English page instead
            '<a href="/services/food-bank" hreflang="en">Darllen rhagor am y gwasanaeth hwn (yn Saesneg)</a>',
        ],
        ["Bring a bag"],
        id="welsh-entry-page",
    ),
]


@pytest.mark.parametrize(("url", "present", "absent"), SHOWS)
def test_page_shows(client, url, present, absent):
    response = client.get(url)
    assert response.status_code == 200, url
    page = text(response)
    assert [needle for needle in present if needle not in page] == [], url
    assert [needle for needle in absent if needle in page] == [], url


def test_cy_without_slash_redirects(client):
    response = client.get("/cy")
    assert response.status_code in (301, 308)
    assert response.headers["Location"].endswith("/cy/")


# --- the home page ---------------------------------------------------------------------------


def test_home_has_search_every_category_and_helplines(client, app):
    page = text(client.get("/"))
    assert '<label class="search-label" for="q">What do you need help with?</label>' in page
    for category in app.extensions["signpost"].index.categories:
        assert f'href="/categories/{category.id}"' in page
        assert category.name in page
    for number in ("tel:999", "tel:116123", "tel:111", "tel:08088010800", "sms:85258"):
        assert f'href="{number}"' in page
    assert "press 2" in page


# --- search ----------------------------------------------------------------------------------


def test_results_follow_the_core_order_with_reasons(client, core):
    expected = [h.slug for h in core.search("club", channel="cli").hits]
    page = text(client.get("/search?q=club"))
    assert slugs_on(page) == expected
    assert "Why this is here:" in page
    assert "Matches" in page


FILTERS = [
    # query string, must be listed, must not be listed
    ("q=club", {"youth-club", "lunch-club"}, set()),
    ("q=club&age=10", {"youth-club"}, {"lunch-club"}),
    ("q=club&age=70", {"lunch-club"}, {"youth-club"}),
    ("q=food&free=1", {"food-bank"}, {"lunch-club"}),
    ("q=food&lang=pl", {"food-bank"}, {"lunch-club"}),
    ("q=lunch&area=Caia+Park", {"lunch-club", "food-bank"}, {"youth-club"}),
    ("q=club&category=young-people", {"youth-club"}, {"lunch-club"}),
    ("category=older-people", {"lunch-club", "paused-group"}, {"food-bank", "youth-club"}),
    ("free=1", {"food-bank", "samaritans"}, {"youth-club", "lunch-club"}),
    ("age=12", {"youth-club", "food-bank"}, {"lunch-club"}),
    ("q=club&age=abc", {"youth-club", "lunch-club"}, set()),
    ("q=club&age=-1", {"youth-club", "lunch-club"}, set()),
    ("q=club&category=nonsense", {"youth-club", "lunch-club"}, set()),
    ("q=advice", set(), {"closed-service"}),
]


@pytest.mark.parametrize(("query", "present", "absent"), FILTERS)
def test_filters(client, query, present, absent):
    shown = set(slugs_on(text(client.get(f"/search?{query}"))))
    assert present <= shown, query
    assert not (absent & shown), query


def test_filter_form_keeps_the_values_and_works_without_js(client):
    page = text(client.get("/search?q=club&age=10&free=1&lang=pl&area=Caia+Park&category=food&open=now"))
    assert '<form class="search-form" action="/search" method="get"' in page
    assert (
        'name="age" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="3" size="4" value="10"'
        in page
    )
    assert '<option value="food" selected>' in page
    assert '<option value="pl" selected>Polish</option>' in page
    assert '<option value="Caia Park" selected>' in page
    assert 'name="free" type="checkbox" value="1" checked' in page
    assert 'name="open" type="checkbox" value="now" checked' in page
    assert '<details class="filters" open>' in page
    for control in ("f-category", "f-age", "f-area", "f-lang", "f-free", "f-open"):
        assert f'<label for="{control}">' in page


@pytest.mark.parametrize(
    ("clock", "open_slugs", "closed_slugs"),
    [
        (fixed_clock(2025, 4, 14, 10), {"food-bank"}, {"youth-club"}),  # a Monday morning
        (fixed_clock(2025, 4, 15, 19), {"youth-club"}, {"food-bank"}),  # a Tuesday evening
        (fixed_clock(2025, 4, 19, 12), set(), {"food-bank", "youth-club"}),  # a Saturday
    ],
)
def test_open_now(app, client, clock, open_slugs, closed_slugs):
    app.config["CLOCK"] = clock
    page = text(client.get("/search?q=club+food&open=now"))
    shown = set(slugs_on(page))
    assert open_slugs <= shown
    assert not (closed_slugs & shown)
    assert "lunch-club" in shown  # hours cannot be read: shown, and said so
    assert "Opening hours not known: check with them" in page
    assert "that are closed now are not shown" in page or "that is closed now is not shown" in page


def test_open_now_hides_temporarily_closed(app, client):
    app.config["CLOCK"] = fixed_clock(2025, 4, 17, 14)  # Thursday 2pm: the knitting group's hours
    page = text(client.get("/search?q=knitting&open=now"))
    assert "paused-group" not in slugs_on(page)


def test_crisis_help_comes_first_and_prominent(client):
    page = text(client.get("/search?q=I+want+to+kill+myself"))
    crisis_at = page.index('<section class="crisis"')
    first_result = page.index('<article class="card')
    assert page.index('<main id="main"') < crisis_at < first_result  # the crisis lines open the page
    crisis = page[crisis_at:first_result]
    assert '<h1 id="crisis-title">Help now</h1>' in crisis
    assert '<a href="tel:116123">116 123</a>' in crisis
    assert '<a href="tel:999">999</a>' in crisis
    assert "Exit this page" in page
    assert slugs_on(page)[0] == "samaritans"
    assert "Crisis help: available now" in page


def test_crisis_help_shows_even_with_no_results(tmp_path):
    content = make_content(
        tmp_path / "content", {k: v for k, v in ENTRIES.items() if k not in ("samaritans", "live-fear-free")}
    )
    app = make_app(content, tmp_path / "index")
    page = text(app.test_client().get("/search?q=I+want+to+kill+myself"))
    assert slugs_on(page) == []
    assert '<section class="crisis"' in page
    assert '<a href="tel:116123">116 123</a>' in page
    assert "Exit this page" in page


# --- categories and entries ------------------------------------------------------------------


def test_category_lists_every_visible_entry(client):
    page = text(client.get("/categories/community"))
    assert set(slugs_on(page)) == {"youth-club", "lunch-club", "hostile-entry", "paused-group"}


def test_domestic_abuse_pages_have_the_exit_button(client):
    for url in ("/categories/domestic-abuse", "/services/live-fear-free", "/cy/services/live-fear-free"):
        page = text(client.get(url))
        assert 'id="exit-this-page" data-exit data-exit-to="https://www.bbc.co.uk/weather" href="' in page, (
            url
        )
    assert "data-exit" not in text(client.get("/categories/food"))


def test_welsh_entry_page_says_free_in_welsh(client):
    main = text(client.get("/cy/services/food-bank")).split("<main")[1]
    assert "<dd>Am ddim</dd>" in main and "Free" not in main


def test_open_now_on_the_entry_page(app, client):
    app.config["CLOCK"] = fixed_clock(2025, 4, 14, 10)
    assert "Open now" in text(client.get("/services/food-bank"))
    app.config["CLOCK"] = fixed_clock(2025, 4, 14, 20)
    assert "Closed now" in text(client.get("/services/food-bank"))
    unknown = text(client.get("/services/lunch-club"))
    assert "Open now" not in unknown and "Closed now" not in unknown


def test_hostile_entry_is_sanitised(client):
    page = text(client.get("/services/hostile-entry"))
    body = page[page.index('<div class="prose"') : page.index('<p class="checked">')]
    assert "<script" not in body
    assert "alert('x')" not in body
    assert "javascript:" not in body
    assert "data:text" not in body
    assert "onerror" not in body and "onclick" not in body and "onmouseover" not in body
    assert "<iframe" not in body
    assert "style=" not in body
    assert '<a href="https://example.org/safe" rel="noopener noreferrer nofollow">A safe link</a>' in body
    assert "Welcome!" in body
    assert "&lt;b&gt;session&lt;/b&gt;" in page  # the summary is text, not HTML


def test_print_slip_copy_text_is_the_core_entry_text(client, core):
    page = text(client.get("/cy/services/food-bank/print"))
    box = re.search(r'<textarea id="copy-box" readonly rows="8">(.*?)</textarea>', page, re.S).group(1)
    expected = entry_text(core.index.get("food-bank"), "cy", core.index.area_names())
    expected += "\nhttp://localhost/cy/services/food-bank"
    assert box.replace("&#39;", "'").replace("&amp;", "&") == expected


def test_qr_code_encodes_the_absolute_url(client):
    import segno

    page = text(client.get("/services/youth-club/print"))
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)

    def modules(url: str) -> str:
        return re.search(r'd="([^"]+)"', segno.make(url, error="m").svg_inline(omitsize=True)).group(1)

    shown = re.search(r'd="([^"]+)"', svg).group(1)
    assert shown == modules("http://localhost/services/youth-club")
    assert shown != modules("/services/youth-club")  # absolute, so a phone can open it
    assert "viewBox" in svg  # scales with the CSS, for the big printed slip


# --- my list ---------------------------------------------------------------------------------


def csrf_token(client, url="/services/food-bank") -> str:
    return CSRF.search(text(client.get(url))).group(1)


def test_add_and_remove_from_my_list(client):
    token = csrf_token(client)
    response = client.post(
        "/list/add", data={"slug": "food-bank", "csrf_token": token, "next": "/services/food-bank"}
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/services/food-bank")
    page = text(client.get("/services/food-bank"))
    assert "Added “Caia food bank” to your list." in page
    assert "Remove from my list" in page
    client.post("/list/add", data={"slug": "youth-club", "csrf_token": token})
    listing = text(client.get("/list"))
    assert slugs_on(listing) == ["food-bank", "youth-club"]
    assert 'href="/list/print?s=food-bank,youth-club"' in listing
    printed = text(client.get("/list/print"))
    assert "Caia food bank" in printed and "Wrexham youth club" in printed
    client.post("/list/remove", data={"slug": "food-bank", "csrf_token": token})
    assert slugs_on(text(client.get("/list"))) == ["youth-club"]
    client.post("/list/clear", data={"csrf_token": token})
    assert "Your list is empty" in text(client.get("/list"))


def test_welsh_list_actions_stay_welsh(client):
    token = csrf_token(client, "/cy/services/food-bank")
    response = client.post("/cy/list/add", data={"slug": "food-bank", "csrf_token": token})
    assert response.headers["Location"].endswith("/cy/list")
    assert "Banc bwyd Caia" in text(client.get("/cy/list"))


def test_list_forms_need_the_csrf_token(client):
    response = client.post("/list/add", data={"slug": "food-bank"})
    assert response.status_code == 400
    assert "This form has expired" in text(response)
    assert "Your list is empty" in text(client.get("/list"))


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_list_redirects_stay_on_the_site(client, target):
    token = csrf_token(client)
    response = client.post("/list/add", data={"slug": "food-bank", "csrf_token": token, "next": target})
    assert response.headers["Location"] in ("/list", "http://localhost/list")


def test_cannot_add_unknown_or_closed_services(client):
    token = csrf_token(client)
    assert client.post("/list/add", data={"slug": "nope", "csrf_token": token}).status_code == 404
    assert client.post("/list/add", data={"slug": "closed-service", "csrf_token": token}).status_code == 404


def test_shared_list_needs_no_session_and_ignores_bad_slugs(client):
    page = text(client.get("/list?s=youth-club,../etc,NOPE,closed-service,food-bank,youth-club"))
    assert slugs_on(page) == ["youth-club", "food-bank"]
    assert "Keep these in my list" in page
    token = CSRF.search(page).group(1)
    client.post("/list/save", data={"s": "youth-club,food-bank", "csrf_token": token})
    assert slugs_on(text(client.get("/list"))) == ["youth-club", "food-bank"]


# --- languages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "toggle_text", "toggle_href"),
    [
        ("/", "Cymraeg", "/cy/"),
        ("/search?q=food&free=1", "Cymraeg", "/cy/search?q=food&amp;free=1"),
        ("/services/food-bank", "Cymraeg", "/cy/services/food-bank"),
        ("/cy/", "English", "/"),
        ("/cy/search?q=bwyd&age=5", "English", "/search?q=bwyd&amp;age=5"),
        ("/cy/categories/food", "English", "/categories/food"),
        ("/cy/list?s=food-bank", "English", "/list?s=food-bank"),
    ],
)
def test_language_toggle_links_to_the_same_page(client, url, toggle_text, toggle_href):
    page = text(client.get(url))
    lang = "cy" if toggle_text == "Cymraeg" else "en"
    assert f'<a href="{toggle_href}" hreflang="{lang}" lang="{lang}">{toggle_text}</a>' in page


# --- safety ----------------------------------------------------------------------------------

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/cy/",
        "/search?q=food",
        "/services/food-bank/print",
        "/nope",
        "/api/search?q=food",
        "/openreferral/services",
        "/static/site.css",
        "/services/closed-service",
    ],
)
def test_security_headers(client, url):
    with client.get(url) as response:
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (url, name)


def test_session_cookie_is_httponly_and_lax(client):
    client.get("/services/food-bank")
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"


PAGES = sorted({url for url, *_ in ROUTES} | {case.values[0] for case in SHOWS})  # every page above


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_safe_small_and_accessible(client, url):
    """No inline script, style or event handler and nothing from another site (the CSP allows none),
    under 100 KB, one h1, a skip link, and a label for every field."""
    response = client.get(url)
    page = text(response)
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), url
    assert not re.search(r"<style", page), url
    assert not re.search(r"\sstyle=", page), url
    assert not re.search(r"\son[a-z]+=", page), url
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//(?!www\.bbc\.co\.uk/weather|example\.org|localhost)""", page
    ), url
    assert len(response.data) < 100_000, url
    assert page.count("<h1") == 1, url
    assert 'class="skip-link" href="#main"' in page
    assert '<main id="main"' in page
    for field_id in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', page):
        assert f'for="{field_id}"' in page, (url, field_id)


def test_static_files_are_within_budget(client):
    for name in ("site.css", "app.js"):
        with client.get(f"/static/{name}") as response:
            assert response.status_code == 200
            assert len(response.data) < 30_000


# --- errors ----------------------------------------------------------------------------------


def test_unexpected_errors_get_a_friendly_page_and_are_logged(content_dir, index_dir, caplog):
    app = make_app(content_dir, index_dir, TESTING=False)

    def boom():
        raise RuntimeError("kaboom")

    app.add_url_rule("/boom", "boom", boom)
    app.add_url_rule("/cy/boom", "boom_cy", boom)
    client = app.test_client()
    response = client.get("/boom")
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in text(response)
    assert "kaboom" not in text(response)
    assert "RuntimeError: kaboom" in caplog.text
    welsh = client.get("/cy/boom")
    assert welsh.status_code == 500
    assert '<html lang="cy">' in text(welsh)
    assert "Mae’n ddrwg gennym, aeth rhywbeth o’i le ar ein hochr ni" in text(welsh)


def test_404_page_is_bilingual_with_a_search_box(client):
    page = text(client.get("/services/nope"))
    assert 'lang="cy">Mae’n ddrwg gennym, ni allwn ddod o hyd i’r dudalen honno' in page
    assert 'id="q" name="q"' in page


def test_json_errors_for_the_apis(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.is_json


@pytest.mark.parametrize(
    ("query", "shown", "links"),
    [
        ("", ["hostile-entry", "paused-group"], ['rel="next"']),
        ("?page=2", ["lunch-club", "youth-club"], ['rel="prev"']),
        ("?page=99", ["lunch-club", "youth-club"], ['rel="prev"']),
        ("?page=abc", ["hostile-entry", "paused-group"], ['rel="next"']),
    ],
)
def test_category_pages(app, client, query, shown, links):
    app.config["CATEGORY_PAGE_SIZE"] = 2
    page = text(client.get(f"/categories/community{query}"))
    assert slugs_on(page) == shown
    assert "<p>4 services</p>" in page
    for link in links:
        assert link in page


def test_list_is_capped(app, client):
    app.config["LIST_LIMIT"] = 2
    assert len(slugs_on(text(client.get("/list?s=food-bank,youth-club,lunch-club")))) == 2
    token = csrf_token(client)
    for slug in ("food-bank", "youth-club", "lunch-club"):
        client.post("/list/add", data={"slug": slug, "csrf_token": token})
    assert slugs_on(text(client.get("/list"))) == ["food-bank", "youth-club"]


def test_bundled_directory_pages_fit_the_budget(bundled_app):
    """Every page of the real directory, at its largest (a full list, the biggest category), under 100 KB."""
    client = bundled_app.test_client()
    index = bundled_app.extensions["signpost"].index
    slugs = [e.slug for e in index.visible()]
    full_list = ",".join(slugs[: bundled_app.config["LIST_LIMIT"]])
    urls = [
        "/",
        "/cy/",
        f"/list?s={full_list}",
        f"/list/print?s={full_list}",
        "/search?free=1",
        "/search?q=help",
    ]
    urls += [f"{lang}/categories/{c.id}" for c in index.categories for lang in ("", "/cy")]
    urls += [f"/services/{slug}{suffix}" for slug in slugs for suffix in ("", "/print")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.data) < 100_000, f"{url}: {len(response.data)} bytes"


# --- quick exit, a way to get in touch, sources ----------------------------------------------
def _site(tmp_path, extra: dict):
    content = make_content(tmp_path / "content", {**ENTRIES, **extra})
    return make_app(content, tmp_path / "index").test_client()


COURSE = """\
    ---
    title: Freedom course
    summary: A ten-week course for women who want to understand what happened in a past relationship.
    categories: [domestic-abuse, learning]
    tags: [freedom course, understanding relationships]
    contact_via: food-bank
    ---
    Ask at the hub.
    """


def test_quick_exit_follows_the_categories_of_the_results_not_the_words(tmp_path):
    client = _site(tmp_path, {"freedom-course": COURSE})
    page = text(client.get("/search?q=freedom+course"))  # no crisis words, an abuse service found
    assert '<section class="crisis"' not in page
    assert "Exit this page" in page and 'id="exit-hint"' in page
    assert "Exit this page" in text(client.get("/cy/search?q=freedom+course")).replace(
        "Gadael y dudalen hon", "Exit this page"
    )
    assert "Exit this page" in text(client.get("/search?category=domestic-abuse"))
    assert "Exit this page" in text(client.get("/services/freedom-course"))
    assert "Exit this page" not in text(client.get("/search?q=youth+club"))


def test_an_entry_without_contact_details_says_where_to_ask(client):
    page = text(client.get("/services/youth-club"))
    contact = page[page.index('id="contact"') : page.index("</section>", page.index('id="contact"'))]
    assert '<dt>Ask at</dt><dd><a href="/services/food-bank">Caia food bank</a>' in contact
    assert 'href="tel:01632960001"' in contact
    welsh = text(client.get("/cy/services/youth-club"))
    assert '<a href="/cy/services/food-bank">Banc bwyd Caia</a>' in welsh


def test_staff_see_the_sources(staff_client):
    login(staff_client)
    page = text(staff_client.get("/services/food-bank"))
    assert "Sources (staff only)" in page and "example.org/food/contact-us" in page
    assert "checked 2025-04-11 · phone, email, address" in page


def test_one_brand_in_each_language(client):
    """The Welsh pages and the Welsh chat call the service Arwyddbost, never Signpost."""
    for path in ("/cy/", "/cy/search?q=bwyd", "/cy/services/food-bank", "/cy/list", "/cy/chat"):
        body = text(client.get(path))
        visible = re.sub(r"<[^>]+>", " ", body[body.index("<body") :])
        assert "Signpost" not in visible, path
        assert "Arwyddbost" in visible, path


# --- the bundled directory --------------------------------------------------------------------
@pytest.fixture
def bundled(bundled_app):
    return bundled_app.test_client()


def _main(page: str) -> str:
    return page[page.index('<main id="main"') : page.index("</main>")]


def _contact(page: str) -> str:
    start = page.index('id="contact"')
    return page[start : page.index("</section>", start)]


def test_every_bundled_entry_page_gives_a_way_to_get_in_touch(bundled):
    """Its own phone, email or website, or "Ask at" a service that has one (followed to the end)."""
    slugs = [e.slug for e in load_directory(ROOT / "content").entries if e.status != "closed"]
    for slug in slugs:
        seen, current = [], slug
        while True:
            contact = _contact(text(bundled.get(f"/services/{current}")))
            if re.search(r'href="(tel:|sms:|mailto:|https?://)', contact):
                break
            ask = re.search(r'<dt>Ask at</dt><dd><a href="/services/([a-z0-9-]+)"', contact)
            assert ask, f"{slug}: no way to get in touch on /services/{current}"
            seen.append(current)
            current = ask.group(1)
            assert current not in seen, f"{slug}: 'Ask at' goes round in a circle: {seen}"


def test_no_welsh_entry_page_shows_english_field_text(bundled):
    """Every field on a Welsh entry page is in Welsh: nothing is marked English, and no English-only
    value of the entry (hours, cost, referral, access, organisation, area, description) appears."""
    for entry in load_directory(ROOT / "content").entries:
        if entry.status == "closed":
            continue
        main = _main(text(bundled.get(f"/cy/services/{entry.slug}")))
        assert 'lang="en"' not in main, f"{entry.slug}: English text on the Welsh page"
        for key in ("hours", "cost", "referral", "access", "organisation", "area", "summary", "title"):
            english, welsh = (
                getattr(entry, key),
                entry.field_in(key, "cy")
                if key
                not in (
                    "summary",
                    "title",
                )
                else getattr(entry, f"{key}_in")("cy"),
            )
            if english and english != welsh:
                assert html.escape(english, quote=False) not in main, f"{entry.slug}: {key} in English"
        for para in entry.body.split("\n\n"):
            assert html.escape(para.strip()[:60], quote=False) not in main, (
                f"{entry.slug}: English description"
            )


# --- the desk: more results, my list, static files --------------------------------------------
def _many(n: int) -> dict:
    return {
        f"club-{i:02d}": f"""\
        ---
        title: Knitting club number {i}
        summary: A knitting club that meets every week.
        categories: [community]
        tags: [knitting]
        phone: "01632 9600{i:02d}"
        hours: "Mondays 10am to 12pm"
        ---
        Knit.
        """
        for i in range(n)
    }


def test_more_results_past_the_first_twenty_each_search_recorded_once(tmp_path, monkeypatch):
    client = _site(tmp_path, _many(45))
    recorded = record_searches(monkeypatch, client.application)
    page = text(client.get("/search?q=knitting"))
    assert len(slugs_on(page)) == 20 and "The first 20 services found" in page
    more = re.search(r'href="(/search\?[^"]+)#s-([a-z0-9-]+)">Show more services', page)
    assert more and "seen=1" in more.group(1) and "n=40" in more.group(1)
    page2 = text(client.get(html.unescape(more.group(1))))
    assert len(slugs_on(page2)) == 40 and slugs_on(page2)[20] == more.group(2)  # the link opens at the 21st
    assert slugs_on(page2)[:20] == slugs_on(page)
    page3 = text(client.get("/search?q=knitting&n=60&seen=1"))
    assert 45 <= len(slugs_on(page3)) < 60 and "Show more services" not in page3
    assert len(recorded) == 1  # more pages of the same search are not counted again
    card = page[page.index('id="s-club-') :]
    card = card[: card.index("</article>")]
    assert 'href="tel:016329600' in card and "Mondays 10am to 12pm" in card  # phone and hours on cards


def test_add_to_my_list_comes_back_to_the_card_without_recording_the_search_again(client, monkeypatch):
    recorded = record_searches(monkeypatch, client.application)
    page = text(client.get("/search?q=food+bank"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    nxt = re.search(r'name="next" value="([^"]+#s-food-bank)"', page).group(1)
    resp = client.post(
        "/list/add", data={"csrf_token": token, "slug": "food-bank", "next": html.unescape(nxt)}
    )
    assert resp.status_code == 303
    location = resp.headers["Location"]
    assert location.endswith("#s-food-bank") and "seen=1" in location
    client.get(location.split("#")[0])
    assert len(recorded) == 1
    # sent by the page's script: JSON, and the page stays where it is
    resp = client.post(
        "/list/remove",
        data={"csrf_token": token, "slug": "food-bank"},
        headers={"X-Requested-With": "fetch"},
    )
    answer = resp.get_json()
    assert answer["saved"] is False and answer["count"] == 0 and answer["action"] == "/list/add"
    assert answer["label"] == "Add to my list" and "Caia food bank" in answer["message"]


def test_the_list_can_be_copied_as_text_and_as_a_link(client):
    page = text(client.get("/list?s=food-bank,samaritans"))
    link = re.search(r'id="list-link" value="([^"]+)"', page).group(1)
    assert link.endswith("/list?s=food-bank,samaritans")
    box = html.unescape(page[page.index('id="list-text"') : page.index("</textarea>")])
    assert "Caia food bank" in box and "Phone: 01632 960001" in box and link in box
    assert 'data-copy="list-link"' in page and 'data-copy="list-text"' in page


def test_static_files_have_versioned_addresses_long_caching_and_compression(client):
    page = text(client.get("/"))
    css = re.search(r'href="(/static/site\.css\?v=[0-9a-f]{10})"', page).group(1)
    icon = re.search(r'<link rel="icon" href="(/static/favicon\.svg\?v=[0-9a-f]{10})"', page).group(1)
    resp = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert resp.headers["Content-Encoding"] == "gzip"
    assert (
        "max-age=31536000" in resp.headers["Cache-Control"] and "immutable" in resp.headers["Cache-Control"]
    )
    with open(f"{client.application.static_folder}/site.css", "rb") as fh:
        assert gzip.decompress(resp.data) == fh.read()
    old = client.get("/static/site.css?v=0000000000")
    assert "immutable" not in old.headers.get("Cache-Control", "")  # an old version is not cached for a year
    assert client.get(icon).status_code == 200
    assert client.get("/favicon.ico").headers["Location"] == icon
