"""The real site in a real browser: axe-core finds no WCAG 2.2 AA problems, and a resident can search,
open a service, print it, switch language and leave quickly, with the keyboard alone if need be.

Needs Debian's Chromium (apt-get install -y chromium) and axe-core (npm install, at the repository root).
The tests fail, rather than skip, when either is missing: CI installs both.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.slow


def _require_axe() -> None:
    if not AXE.exists():
        pytest.fail(
            "axe-core is missing: run `npm install` at the repository root (package.json lists axe-core)",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """The site under waitress on a free loopback port, in a thread, for this module."""
    from conftest import make_content
    from waitress import create_server

    from directory import create_app

    root = tmp_path_factory.mktemp("site")
    app = create_app(
        {"TESTING": True, "CONTENT_DIR": make_content(root / "content"), "INDEX_DIR": root / "index"}
    )
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from conftest import launch_chromium
    from playwright.sync_api import sync_playwright

    _require_axe()
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and page.csp_errors.append(msg.text))
    # The exit button leaves for BBC Weather; this machine has no internet, so answer for it.
    page.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!doctype html><title>BBC Weather</title><h1>Weather</h1>",
        ),
    )
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    page.evaluate(
        AXE.read_text(encoding="utf-8") + "\n;0"
    )  # evaluated by the browser, not blocked by our CSP
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {node['target']}: {node['failureSummary']}" for node in v["nodes"][:5])
    return "\n".join(lines)


AXE_PAGES = [
    "/",
    "/search?q=club",
    "/search?q=I+want+to+kill+myself",
    "/search?q=xqzzyplugh",
    "/services/food-bank",
    "/services/hostile-entry",
    "/services/food-bank/print",
    "/categories/domestic-abuse",
    "/list?s=food-bank,youth-club",
    "/list/print?s=food-bank,youth-club",
    "/no-such-page",
    "/cy/",
    "/cy/search?q=bwyd&free=1&open=now",
]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_wcag_violations(page, base_url, path):
    page.goto(base_url + path)
    violations = axe_violations(page)
    assert not violations, f"{path}:\n{describe(violations)}"
    assert not page.csp_errors, f"{path}: {page.csp_errors}"


@pytest.mark.parametrize("path", ["/", "/search?q=club&age=10", "/services/food-bank/print"])
def test_no_wcag_violations_on_a_phone(browser, base_url, path):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    try:
        page.goto(base_url + path)
        violations = axe_violations(page)
        assert not violations, f"{path}:\n{describe(violations)}"
    finally:
        context.close()


def test_axe_finds_problems_when_there_are_some(page, base_url):
    """The check above can fail: break a page on purpose and axe must say so."""
    page.goto(base_url + "/")
    page.evaluate("document.querySelector('label[for=q]').remove()")
    assert "label" in {v["id"] for v in axe_violations(page)}


def test_search_open_print_and_switch_language(page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("What do you need help with?").fill("food bank")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=food+bank")
    assert page.locator("h1").inner_text() == "Results for “food bank”"
    page.get_by_role("link", name="Caia food bank").first.click()
    page.wait_for_url("**/services/food-bank")
    assert page.get_by_role("link", name="01632 960001").get_attribute("href") == "tel:01632960001"
    page.get_by_role("link", name="Print or share").click()
    page.wait_for_url("**/services/food-bank/print")
    assert page.locator("svg.qr").is_visible()
    assert page.get_by_role("button", name="Print this slip").is_visible()  # shown by app.js
    assert "Caia food bank" in page.locator("#copy-box").input_value()
    page.goto(base_url + "/services/food-bank")
    page.get_by_role("link", name="Cymraeg").click()
    page.wait_for_url("**/cy/services/food-bank")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator("h1").inner_text() == "Banc bwyd Caia"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(base_url + "/services/food-bank")


def test_add_to_my_list_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "/search?q=club")
        page.get_by_role("button", name="Add to my list: Wrexham youth club").click()
        page.wait_for_url("**/search?q=club&seen=1#s-youth-club")  # back at the same card
        page.wait_for_load_state("load")
        assert page.locator(".flash").inner_text() == "Added “Wrexham youth club” to your list."
        page.wait_for_function(  # the browser scrolls to the card once the page has loaded
            "() => { const r = document.querySelector('#s-youth-club').getBoundingClientRect();"
            " return r.top >= 0 && r.top < innerHeight; }",
            timeout=10_000,
        )
        page.get_by_role("link", name="My list").click()
        page.wait_for_url("**/list**")  # the click navigates: wait for the list page itself
        page.get_by_role("link", name="Wrexham youth club").wait_for(state="visible", timeout=10_000)
        page.goto(base_url + "/search?q=club")
        page.get_by_text("Filter the results").click()  # <details> opens without JavaScript
        page.get_by_label("Age of the person who needs help").fill("70")
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**age=70**")
        assert page.get_by_role("link", name="Lunch club for older people").is_visible()
        assert page.get_by_role("link", name="Wrexham youth club").count() == 0
    finally:
        context.close()


def _focus_is_visible(page) -> bool:
    return page.evaluate("""() => {
        const el = document.activeElement, s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
        const marked = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
        return onScreen && marked;
    }""")


def test_keyboard_reaches_skip_link_and_search_box_with_visible_focus(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert _focus_is_visible(page), "the skip link must show when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q", "Tab never reached the search box"
    assert _focus_is_visible(page), "the search box must show it has the focus"
    page.keyboard.type("youth club")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=youth+club")


def test_leave_quickly_replaces_the_page_in_history(page, base_url):
    page.goto(base_url + "/")
    page.goto(base_url + "/search?q=I+want+to+kill+myself")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url("https://www.bbc.co.uk/weather")
    page.go_back()
    assert page.url == base_url + "/", "Back must not return to the page they left"


def test_leaving_the_chat_quickly_deletes_the_conversation_on_the_server(page, browser, base_url):
    page.goto(base_url + "/chat")
    page.fill("#chat-text", "my partner hits me")
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".chat-crisis")
    cookies = page.context.cookies()  # as if someone copied the cookie before the resident left
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url("https://www.bbc.co.uk/weather")
    later = browser.new_context()
    later.add_cookies(cookies)
    try:
        other = later.new_page()
        for _ in range(100):  # the page told the server in the background: wait for it to be gone
            other.goto(base_url + "/chat")
            if "partner hits me" not in other.content():
                break
            time.sleep(0.1)
        assert (
            "partner hits me" not in other.content()
            and "Tell me in a few words what you need" in other.content()
        )
    finally:
        later.close()


def test_escape_three_times_leaves(page, base_url):
    page.goto(base_url + "/")
    page.goto(base_url + "/categories/domestic-abuse")
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.co.uk/weather")
    page.go_back()
    assert page.url == base_url + "/"


# --- the new pages, on a small phone and a desk screen ------------------------------------------
SIZES = {"phone": {"width": 320, "height": 568}, "desktop": {"width": 1280, "height": 800}}
NEW_PAGES = [
    "/search?q=I+want+to+kill+myself",
    "/cy/search?q=I+want+to+kill+myself",
    "/search?q=controlling+partner",
    "/services/youth-club",
    "/cy/services/food-bank",
    "/list?s=food-bank,youth-club",
    "/chat",
    "/cy/chat",
    "/search?q=" + "a" * 300,
]


@pytest.fixture(params=sorted(SIZES))
def sized(request, browser):
    context = browser.new_context(viewport=SIZES[request.param])
    page = context.new_page()
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=200, body="<title>BBC</title>"))
    yield page
    context.close()


def _uncovered_on_first_screen(page, selector: str) -> bool:
    """The element is inside the first screen and nothing (the sticky exit bar) lies on top of it."""
    return page.evaluate(
        """(sel) => {
            const el = document.querySelector(sel);
            if (!el) return false;
            const r = el.getBoundingClientRect();
            if (r.top < 0 || r.bottom > innerHeight || r.width === 0) return false;
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return hit === el || el.contains(hit);
        }""",
        selector,
    )


@pytest.mark.parametrize("path", NEW_PAGES)
def test_new_pages_have_no_wcag_violations_and_never_scroll_sideways(sized, base_url, path):
    sized.goto(base_url + path)
    violations = axe_violations(sized)
    assert not violations, f"{path}:\n{describe(violations)}"
    assert sized.evaluate("document.documentElement.scrollWidth <= innerWidth"), f"{path} scrolls sideways"


def test_a_crisis_search_shows_a_number_to_tap_on_the_first_screen_of_a_small_phone(sized, base_url):
    sized.goto(base_url + "/search?q=i+want+to+kill+myself")
    assert _uncovered_on_first_screen(sized, '.crisis a[href^="tel:"]')
    assert _uncovered_on_first_screen(sized, "#exit-this-page")
    assert "kill" not in sized.locator("h1").inner_text()


def test_a_crisis_message_in_the_chat_shows_a_number_to_tap_on_the_first_screen(sized, base_url):
    sized.goto(base_url + "/chat")
    sized.fill("#chat-text", "i want to kill myself")
    sized.locator("#chat-form button[type=submit]").click()
    sized.wait_for_load_state()
    assert _uncovered_on_first_screen(sized, '#latest a[href^="tel:"]')
    violations = axe_violations(sized)
    assert not violations, describe(violations)


def test_domestic_abuse_words_get_the_exit_button(sized, base_url):
    sized.goto(base_url + "/search?q=controlling+partner")
    assert _uncovered_on_first_screen(sized, "#exit-this-page")


def test_the_welsh_chat_greets_in_welsh(sized, base_url):
    sized.goto(base_url + "/cy/chat")
    first = sized.locator(".chat-bot").first.inner_text()
    assert "Dywedwch wrtha i" in first and "Hello" not in first and "/" not in first


def test_add_to_my_list_stays_on_the_card_with_javascript(page, base_url):
    page.goto(base_url + "/search?q=club")
    page.evaluate("window.scrollTo(0, 200)")
    before = page.url
    page.get_by_role("button", name="Add to my list: Wrexham youth club").click()
    page.get_by_role("button", name="Remove from my list: Wrexham youth club").wait_for()
    assert page.url == before
    assert page.locator("#list-count").inner_text() == "(1)"
    assert "Added" in page.locator("#list-status").inner_text()
    page.goto(base_url + "/list")
    page.get_by_role("button", name="Copy link").click()
    assert page.locator(".copy-status").inner_text() == "Link copied"
    page.get_by_role("button", name="Copy the list as text").click()
    assert page.locator(".copy-status").inner_text() == "List copied"


def test_exit_this_page_empties_my_list_and_what_the_browser_stored(page, base_url):
    """A resident who leaves in a hurry leaves nothing behind: the list they made is gone when they (or
    the next person at the computer) press Back or open "My list" again, and so is anything the site's
    pages kept in the browser's storage."""
    page.goto(base_url + "/search?q=club")
    page.get_by_role("button", name="Add to my list: Wrexham youth club").click()
    page.get_by_role("button", name="Remove from my list: Wrexham youth club").wait_for()
    page.goto(base_url + "/list")
    assert page.get_by_role("link", name="Wrexham youth club").is_visible()
    page.evaluate("localStorage.setItem('seen', 'youth-club'); sessionStorage.setItem('seen', 'youth-club')")
    page.goto(base_url + "/categories/domestic-abuse")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url("https://www.bbc.co.uk/weather")
    for _ in range(100):  # the page told the server in the background: wait for its answer to arrive
        if not page.context.cookies(base_url):
            break
        time.sleep(0.1)
    page.go_back()
    assert page.url == base_url + "/list"
    assert page.get_by_role("link", name="Wrexham youth club").count() == 0
    assert "Your list is empty" in page.locator("main").inner_text()
    assert page.locator("#list-count").inner_text() == ""
    page.wait_for_function("localStorage.length + sessionStorage.length === 0", timeout=10_000)
