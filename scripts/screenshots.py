"""Screenshots of the main pages, English and Welsh, on a phone and a desktop, into docs/screenshots/.

Serves the bundled directory (or --content DIR) under waitress on a loopback port, in a temporary
index, and drives the same headless Chromium the browser tests use (tests/conftest.py
`launch_chromium`). Run it after a change to the pages:

    .venv/bin/python scripts/screenshots.py [--content DIR] [--out docs/screenshots] [--only NAME]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# (file name, path, what to do before the picture: None or a search in the chat)
PAGES = (
    ("home", "/", None),
    ("search", "/search?q=skint+till+payday", None),
    ("crisis", "/search?q=i+want+to+kill+myself", None),
    ("domestic-abuse", "/search?q=my+husband+controls+my+money", None),
    ("service", "/services/cpp-lunch-club", None),
    ("chat", "/chat", "i want to end it all"),
    ("list", "/list", None),
)
SIZES = {"phone": (320, 568), "desktop": (1280, 800)}


def serve(content: Path, index: Path):
    from waitress import create_server

    from directory import create_app

    app = create_app({"CONTENT_DIR": content, "INDEX_DIR": index, "SECRET_KEY": "screenshots"})
    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    threading.Thread(target=server.run, daemon=True).start()
    return server, f"http://127.0.0.1:{server.effective_port}"


def shoot(base: str, out: Path, only: str | None = None, full_page: bool = False) -> list[Path]:
    from conftest import launch_chromium
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    made = []
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for size, (width, height) in SIZES.items():
                for lang, prefix in (("en", ""), ("cy", "/cy")):
                    page = browser.new_page(viewport={"width": width, "height": height})
                    for name, path, chat in PAGES:
                        if only and name != only:
                            continue
                        if name == "list":
                            page.goto(f"{base}{prefix}/services/cpp-lunch-club")
                            if page.locator("form.list-form button").count():
                                page.locator("form.list-form button").first.click()
                        page.goto(f"{base}{prefix}{path}")
                        if chat:
                            page.fill("#chat-text", chat)
                            page.locator("#chat-form button[type=submit]").click()
                            page.wait_for_load_state()
                        target = out / f"{name}-{lang}-{size}.png"
                        page.screenshot(path=str(target), full_page=full_page)
                        made.append(target)
                    page.close()
        finally:
            browser.close()
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", help="one page name, e.g. crisis")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="signpost-shots-") as tmp:
        server, base = serve(args.content, Path(tmp) / "index")
        try:
            for path in shoot(base, args.out, args.only, args.full_page):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            server.close()


if __name__ == "__main__":
    main()
