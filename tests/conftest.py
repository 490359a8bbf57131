"""Shared fixtures: a tiny content folder, its index, the core, and the website (flaskr style)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

# Test modules import helpers from staff_fixtures and also load it as a plugin; registered here, it
# is rewritten on first import whichever module comes first, so any staff test file runs on its own.
pytest.register_assert_rewrite("staff_fixtures")

from search_index.service import Signpost  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CATEGORIES = ROOT / "content" / "categories.yml"

# Phone numbers in these entries are from Ofcom's drama range (01632 960xxx), never real lines;
# the helplines keep their real, public numbers because the crisis handling is about them.
ENTRIES = {
    "food-bank": """\
        ---
        title: Caia food bank
        title_cy: Banc bwyd Caia
        summary: Free food parcels for anyone who is struggling, no questions asked.
        summary_cy: Parseli bwyd am ddim i unrhyw un sy'n ei chael hi'n anodd.
        organisation: Caia Park Partnership
        categories: [food, money]
        tags: [food bank, food parcel, skint, hungry]
        ages: "all ages"
        area: Caia Park
        address: "1 Example Road, Wrexham"
        postcode: "LL13 9ZZ"
        phone: "01632 960001"
        email: food@example.org
        website: https://example.org/food
        hours: "Monday to Friday 9am to 5pm"
        cost: Free
        languages: [en, cy, pl]
        referral: Just turn up
        access: Step-free entrance
        verified: 2025-04-11
        sources:
          - url: https://example.org/food/contact-us
            checked: 2025-04-11
            states: [phone, email, address]
        ---

        Come to the hub and ask at the desk. **Bring a bag** if you can.

        ## What you get

        - Tins and dry food
        - Toiletries
        """,
    "youth-club": """\
        ---
        title: Wrexham youth club
        summary: A youth club with games, sport and trips for young people.
        categories: [young-people, community]
        tags: [youth club, teenagers, things to do]
        ages: "8-18"
        area: Wrexham city centre
        hours: "Tuesdays 6pm to 8pm"
        cost: "£1 a session"
        languages: [en]
        verified: 2025-01-05
        contact_via: food-bank
        ---

        Drop in on a Tuesday evening.
        """,
    "lunch-club": """\
        ---
        title: Lunch club for older people
        summary: A hot lunch and company for older residents every Wednesday.
        categories: [older-people, food, community]
        tags: [lunch, older people, pensioners, lonely]
        ages: "60+"
        area: Caia Park
        hours: "Wednesdays (ask at the hub for the time)"
        cost: "£3 for lunch"
        languages: [en]
        contact_via: food-bank
        ---

        Ask at the hub.
        """,
    "samaritans": """\
        ---
        title: Samaritans, call 116 123
        title_cy: Y Samariaid, ffoniwch 116 123
        summary: Free, confidential listening any time, for anyone struggling to cope or thinking of suicide.
        categories: [crisis, mental-health]
        tags: [suicidal, want to die, can't cope, someone to talk to]
        phone: "116 123"
        hours: "24 hours"
        cost: Free
        status: active
        ---

        Call free, any time.
        """,
    "live-fear-free": """\
        ---
        title: Live Fear Free helpline
        summary: Free, confidential help 24 hours a day for anyone affected by domestic abuse.
        categories: [crisis, domestic-abuse]
        tags: [domestic abuse, partner hits me, controlling partner, scared at home]
        phone: "0808 80 10 800"
        hours: "24 hours"
        cost: Free
        ---

        Call any time, day or night.
        """,
    "hostile-entry": """\
        ---
        title: Community drop-in
        summary: "A drop-in <b>session</b> for everyone."
        categories: [community]
        tags: [drop in, coffee]
        hours: "Ask at reception"
        website: https://example.org/drop-in
        ---

        Welcome! <script>alert('x')</script>

        [Click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        <img src="x" onerror="alert(1)">

        <iframe src="https://evil.example/"></iframe>

        <p style="color:red" onclick="alert(1)">Styled</p>

        <a href="https://example.org/safe" onmouseover="alert(1)">A safe link</a>
        """,
    "paused-group": """\
        ---
        title: Knit and natter group
        summary: A weekly knitting group; paused while the hall is repaired.
        categories: [community, older-people]
        tags: [knitting, craft]
        hours: "Thursdays 1-3pm"
        status: temporarily-closed
        contact_via: food-bank
        ---

        Back soon.
        """,
    "closed-service": """\
        ---
        title: Old advice shop
        summary: An advice shop that has now closed for good.
        categories: [advice]
        tags: [advice shop]
        status: closed
        contact_via: food-bank
        ---

        Closed.
        """,
}


CHROMIUM = Path("/usr/bin/chromium")  # Debian's; the tests never download a browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    """A loopback port nothing listens on now (for a server started in another process)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_args(content: Path, index: Path, db: Path, *more: str) -> list[str]:
    """`serve --content C --index I --db D ...`: the command line the serve tests give the CLI."""
    return ["serve", "--content", str(content), "--index", str(index), "--db", str(db), *more]


@contextlib.contextmanager
def signpost_serve(
    args: list[str], *, cwd: Path, env: dict[str, str], ready: Callable[[int], bool] | None = None
):
    """`signpost serve ARGS` in its own process on a free loopback port, its output in cwd/serve.log.
    Yields (port, log) once `ready(port)` is true (default: the port takes a connection); fails with
    the log when it does not start within a minute; stops the process when the block ends."""
    port = free_port()
    log = cwd / "serve.log"
    with log.open("wb") as out:
        command = [sys.executable, "-m", "signpost", "serve", *args, "--port", str(port)]
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    try:
        deadline = time.monotonic() + 60
        while not _answers(port, ready):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"signpost serve did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield port, log
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
            proc.wait()


def _answers(port: int, ready: Callable[[int], bool] | None) -> bool:
    try:
        if ready is None:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        return ready(port)
    except OSError:
        return False


def launch_chromium(playwright):
    """Debian's headless Chromium through Playwright; fails (never skips) with how to install it."""
    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium is missing: install Debian's browser with `apt-get install -y chromium chromium-driver` "
            "(the tests never download a browser)",
            pytrace=False,
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def make_content(root: Path, entries: dict[str, str] = ENTRIES, categories: str | None = None) -> Path:
    """A content folder at `root` with `entries` (slug -> file text, dedented) and `categories` (the
    text of categories.yml; the bundled categories when None). The one writer of every test's content:
    these ENTRIES, the core's (tests/core_content.py) and the bot's (tests/bot_content.py)."""
    (root / "services").mkdir(parents=True, exist_ok=True)
    if categories is None:
        shutil.copy(BUNDLED_CATEGORIES, root / "categories.yml")
    else:
        (root / "categories.yml").write_text(categories, encoding="utf-8")
    for slug, text in entries.items():
        (root / "services" / f"{slug}.md").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A few tiny entries (one of them hostile HTML) with the bundled categories."""
    return make_content(tmp_path / "content")


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def core(content_dir: Path, index_dir: Path) -> Signpost:
    core = Signpost(content_dir, index_dir)
    core.ensure_index()
    return core


def make_app(content_dir: Path, index_dir: Path, **config):
    """The website for a test: TESTING, these folders, a secret key, then `config` (e.g. DB_PATH=)."""
    from directory import create_app

    base = {"TESTING": True, "CONTENT_DIR": content_dir, "INDEX_DIR": index_dir, "SECRET_KEY": "test-secret"}
    return create_app({**base, **config})


@pytest.fixture
def app(content_dir: Path, index_dir: Path):
    return make_app(content_dir, index_dir)


@pytest.fixture
def client(app):
    return app.test_client()


# --- shared read-only sites (issue 14, step 8) ---------------------------------------------------
# A test that only reads pages shares one website per content set for the whole session instead of
# writing content, building an index and making an app of its own. Nothing such a test does is kept
# on the server: without DB_PATH no search is recorded, the chat keeps its conversations in memory
# under each client's own session, and my list lives in the client's session cookie. A test that
# writes (staff, analytics, feedback, corrections, edits) or adds routes makes its own with make_app.


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory):
    """The website over ENTRIES, built once for the session; tests take it as `read_only_app`."""
    root = tmp_path_factory.mktemp("shared-site")
    return make_app(make_content(root / "content"), root / "index")


@pytest.fixture
def read_only_app(shared_app):
    """The shared website for one test: the settings it changes (CLOCK, LIST_LIMIT, ...) are put
    back after it (patch anything else with `monkeypatch`)."""
    saved = dict(shared_app.config)
    yield shared_app
    shared_app.config.clear()
    shared_app.config.update(saved)


@pytest.fixture(scope="session")
def bundled_app(tmp_path_factory):
    """The website over the bundled content/ folder, built once for the session (read-only tests)."""
    return make_app(ROOT / "content", tmp_path_factory.mktemp("bundled-site") / "index")


def record_searches(monkeypatch, app) -> list:
    """The searches `app` makes of its core from now on (the arguments of each), for the rest of the test."""
    core = app.extensions["signpost"]
    made: list = []
    search = core.search
    monkeypatch.setattr(core, "search", lambda *a, **kw: made.append(a) or search(*a, **kw))
    return made


# Messages that must get an answer, never an error, from every way of searching (words, meaning).
HOSTILE_MESSAGES = [
    "",
    " ",
    "a" * 10_000,
    "AND OR NOT",
    '"unclosed',
    "title:(",
    "*",
    "?",
    "food*",
    "'; DROP TABLE entries; --",
    "<script>alert(1)</script>",
    "😀🍞🏠",
    "مساعدة في الطعام",
    "pomoc jedzenie",
    "\x00\x01\x02 food \x7f",
    "slug:food-bank",
    "(((((",
    "food~2",
    "^^^",
    "\u202e\u200b",
    "foo\nbar\r\nbaz",
    "x" * 10_000,
    "\U0001f600\U0001f64f",
    "food\x00\x1b[31m bank\x7f",
    'title:(food OR "debt") AND NOT *',
]
