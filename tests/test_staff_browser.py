"""The staff area in a real browser (Debian's headless Chromium): log in, edit, preview, save.

Never downloads a browser: without /usr/bin/chromium the test fails with how to install it.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from staff_fixtures import PASSWORD

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client


@pytest.fixture
def live_site(content_dir, index_dir, db_path, accounts):
    from werkzeug.serving import make_server

    from directory import create_app

    app = create_app(
        {
            "TESTING": True,
            "CONTENT_DIR": content_dir,
            "INDEX_DIR": index_dir,
            "DB_PATH": db_path,
            "SECRET_KEY": "browser-test",
            "WATCH_CONTENT": True,
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", app
    finally:
        server.shutdown()
        app.extensions["signpost"].stop_watching()


@pytest.mark.slow
def test_login_edit_preview_save_in_chromium(live_site, content_dir):
    from conftest import launch_chromium
    from playwright.sync_api import expect, sync_playwright

    base, app = live_site
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page()
            # (a refused login answers 401, and there is no favicon: those "failed to load" lines are expected)
            page.on(
                "console",
                lambda m: (
                    problems.append(m.text)
                    if m.type == "error" and not m.text.startswith("Failed to load resource")
                    else None
                ),
            )
            page.on("pageerror", lambda e: problems.append(str(e)))

            page.goto(f"{base}/staff/")
            assert page.url.startswith(f"{base}/staff/login")
            page.fill("#name", "sam")
            page.fill("#password", "not the password")
            page.click("button[type=submit]")
            expect(page.locator(".error")).to_contain_text("not accepted")
            page.fill("#name", "sam")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_have_text("Staff area")

            page.goto(f"{base}/staff/edit/food-bank")
            expect(page.locator("#f-title")).to_have_value("Caia food bank")
            page.fill("#f-title", "Caia food bank and pantry")
            page.fill("#f-body", "Now with a **pantry** on Fridays.")
            page.click("button[value=preview]")
            preview = page.locator("#preview")
            expect(preview.locator("h3")).to_have_text("Caia food bank and pantry")
            expect(preview.locator(".prose strong")).to_have_text("pantry")
            expect(preview).to_contain_text("No problems found.")

            # the script refreshes the preview as you type (the button works without it)
            page.check("#f-categories-money")  # categories are ticked
            page.uncheck("#f-categories-money")
            page.fill("#f-email", "not an email")
            expect(preview).to_contain_text("does not look like an email address", timeout=5000)
            page.click("button[value=save]")
            summary = page.locator(".error-summary")
            expect(summary).to_contain_text("There is a problem")
            summary.get_by_role("link", name="'email' does not look like an email address").click()
            expect(page.locator("#f-email")).to_be_focused()
            expect(page.locator(".field-has-error .field-error")).to_contain_text("does not look like")
            page.fill("#f-email", "food@example.org")
            page.check("#f-categories-money")
            expect(preview).to_contain_text("No problems found.", timeout=5000)
            # the form and the preview fit the page, side by side on a desktop, one above the other on a phone
            for width in (1280, 320):
                page.set_viewport_size({"width": width, "height": 800})
                assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), width

            page.click("button[value=save]")
            expect(page.locator(".flash")).to_contain_text("Saved. The change is live now.")
            assert (
                "title: Caia food bank and pantry" in (content_dir / "services" / "food-bank.md").read_text()
            )

            page.goto(f"{base}/services/food-bank")
            expect(page.locator("h1")).to_have_text("Caia food bank and pantry")
            expect(page.locator(".prose")).to_contain_text("Now with a pantry on Fridays.")
        finally:
            browser.close()
    assert problems == []  # no script errors, nothing blocked by the Content-Security-Policy


@pytest.mark.slow
def test_staff_tables_and_charts_never_overflow(live_site, staff_client):
    """One 300-character word in the unmet needs must not make the page wider than the screen."""
    from conftest import launch_chromium
    from playwright.sync_api import sync_playwright

    base, app = live_site
    core = app.extensions["signpost"]
    long_word = "x" * 300
    for text in ("zzqqyy nothing", "food bank"):
        core.search(text, channel="web")
    # a search's need words are dictionary words, so a 300-letter word never comes from a search:
    # put one in the database as if it had, to hold the pages to it
    with sqlite3.connect(app.extensions["analytics"].path) as db:
        db.execute(
            "INSERT INTO searches (at, channel, lang, words, results, zero, crisis)"
            " VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'web', 'en', ?, 0, 1, 0)",
            (long_word,),
        )
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page()
            page.goto(f"{base}/staff/login")
            page.fill("#name", "sam")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            for width in (320, 1280):
                page.set_viewport_size({"width": width, "height": 700})
                for path in ("/staff/", "/staff/report"):
                    page.goto(base + path)
                    assert page.locator("td", has_text="xxxxxxxx").count() >= 1, path
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    assert wide <= width, (path, width, wide)
        finally:
            browser.close()
