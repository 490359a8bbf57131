"""The staff area in a real browser (Debian's headless Chromium): log in, edit, preview, save.

Never downloads a browser: without /usr/bin/chromium the test fails with how to install it.
"""

from __future__ import annotations

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
            page.fill("#f-categories", "food, nonsense")
            expect(preview).to_contain_text("unknown category 'nonsense'", timeout=5000)
            page.fill("#f-categories", "food, money")
            expect(preview).to_contain_text("No problems found.", timeout=5000)

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
