"""Shared fixtures: a tiny content folder, its index, the core, and the website (flaskr style)."""

from __future__ import annotations

import contextlib
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

from search_index import SearchIndex, build_index  # noqa: E402
from search_index.live import LiveIndex  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CATEGORIES = ROOT / "content" / "categories.yml"

# One content set for every test: each service is written once in SERVICES, and a test's content
# folder is a selection of them (ENTRIES, SEARCH_ENTRIES, BOT_ENTRIES), always with the bundled
# categories. Phone numbers are from Ofcom's drama range (01632 960xxx), never real lines; the
# helplines keep their real, public numbers because the crisis handling is about them.
SERVICES = {
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

        Come to the hub and ask at the desk. **Bring a bag** if you can; see [our page](https://example.org/food).

        ## What you get

        - Tins and dry food
        - Toiletries
        """,
    "community-food-bank": """\
        ---
        title: Community food bank
        summary: Emergency food parcels for anyone who is struggling.
        categories: [food]
        tags: [food parcel, groceries]
        cost: Free
        ---

        Pick up a food parcel. No questions asked.
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
        title_cy: Clwb cinio i bobl hŷn
        tags: [lunch, hot meal, older people, pensioners, lonely]
        ages: "60+"
        area: Caia Park
        area_cy: Parc Caia
        email: lunch@example.org
        hours: "Wednesdays (ask at the hub for the time)"
        cost: "£3 for lunch"
        languages: [en]
        ---

        Ask at the hub.
        """,
    "debt-advice": """\
        ---
        title: Debt advice
        summary: Free, confidential help with debts, bills and benefits.
        categories: [money]
        tags: [debt, arrears, bailiffs]
        cost: Free
        ages: 18+
        ---
        """,
    "esol": """\
        ---
        title: English classes (ESOL)
        summary: English for speakers of other languages, all levels.
        categories: [language]
        tags: [english lessons]
        languages: [en, pl, ar]
        ---
        """,
    "english-classes": """\
        ---
        title: English classes (ESOL) at the hub
        title_cy: Dosbarthiadau Saesneg (ESOL) yn yr hyb
        summary: Free English classes for adults whose first language is not English.
        summary_cy: Dosbarthiadau Saesneg am ddim i oedolion nad Saesneg yw eu hiaith gyntaf.
        categories: [language, learning]
        tags: [English classes, ESOL, learn English, English lessons, improve my English]
        questions:
          - "Where can I learn English?"
        phone: "01632 960003"
        hours: "Mondays 10am to 12pm"
        cost: Free
        verified: 2020-01-01
        ---

        Beginners welcome.
        """,
    "community-fridge": """\
        ---
        title: Community fridge
        title_cy: Oergell gymunedol
        summary: Free surplus food from local shops, for anyone, to stop food going to waste.
        summary_cy: Bwyd dros ben am ddim o siopau lleol, i unrhyw un.
        categories: [food]
        tags: [free food, food, fridge]
        phone: "01632 960002"
        hours: "Thursdays 1pm to 3pm"
        ---

        Bring a bag.
        """,
    "baby-bank": """\
        ---
        title: Baby bank
        title_cy: Banc babanod
        summary: Free nappies, baby food and clothes for families who need them.
        summary_cy: Cewynnau, bwyd babanod a dillad am ddim i deuluoedd sydd eu hangen.
        categories: [food]
        tags: [baby food, nappies, food, baby clothes]
        website: https://example.org/baby
        ---

        Ask your health visitor.
        """,
    "pantry-paused": """\
        ---
        title: Community pantry
        title_cy: Pantri cymunedol
        summary: Low-cost food shopping for members; paused while the hall is repaired.
        summary_cy: Siopa bwyd rhad i aelodau; wedi'i oedi tra bo'r neuadd yn cael ei thrwsio.
        categories: [food]
        tags: [food, pantry, cheap food]
        status: temporarily-closed
        ---

        Back soon.
        """,
    "half-term-club": """\
        ---
        title: Half term holiday club
        title_cy: Clwb gwyliau hanner tymor
        summary: Games, crafts and sport for children in the school holidays and half term.
        summary_cy: Gemau, crefftau a chwaraeon i blant yng ngwyliau'r ysgol a hanner tymor.
        categories: [young-people]
        tags: [half term, school holidays, things to do, activities, kids]
        hours: "Half term weekdays 10am to 3pm"
        ---

        Book at the hub.
        """,
    "a-service-with-a-very-long-name-that-goes-on-and-on-past-telegrams-limit": """\
        ---
        title: A service with a very long name that goes on and on past Telegram's limit
        title_cy: Gwasanaeth gydag enw hir iawn
        summary: Debt advice with a deliberately long file name, to test button data limits.
        summary_cy: Cyngor dyled gydag enw ffeil hir.
        categories: [money]
        tags: [debt, debt advice, bills]
        ---

        Debt advice.
        """,
    "samaritans": """\
        ---
        title: Samaritans, call 116 123
        title_cy: Y Samariaid, ffoniwch 116 123
        summary: Free, confidential listening any time, for anyone struggling to cope or thinking of suicide.
        summary_cy: Gwrando cyfrinachol am ddim unrhyw bryd, i unrhyw un sy'n ei chael hi'n anodd ymdopi.
        categories: [crisis, mental-health]
        tags: [suicidal, want to die, can't cope, someone to talk to, listening]
        phone: "116 123"
        hours: "24 hours"
        cost: Free
        status: active
        ---

        Call free, any time, day or night.
        """,
    "nhs-111-mental-health": """\
        ---
        title: NHS 111 Wales, press 2 for mental health
        title_cy: GIG 111 Cymru, pwyswch 2 am iechyd meddwl
        summary: Call 111 and choose option 2 to talk to a mental health worker straight away.
        summary_cy: Ffoniwch 111 a dewiswch opsiwn 2 i siarad â gweithiwr iechyd meddwl ar unwaith.
        categories: [crisis, mental-health, health]
        tags: [mental health crisis, urgent mental health, struggling, talk]
        phone: "111"
        hours: "24 hours"
        cost: Free
        ---

        Free from any phone.
        """,
    "live-fear-free": """\
        ---
        title: Live Fear Free helpline, 0808 80 10 800
        title_cy: Llinell Gymorth Byw Heb Ofn, 0808 80 10 800
        summary: Free, confidential help 24 hours a day for anyone affected by domestic abuse or sexual violence.
        summary_cy: Help cyfrinachol am ddim 24 awr y dydd i unrhyw un sy'n cael ei effeithio gan gam-drin domestig.
        categories: [crisis, domestic-abuse]
        tags: [domestic abuse, partner hits me, controlling partner, scared at home, violence, safe]
        phone: "0808 80 10 800"
        hours: "24 hours"
        cost: Free
        ---

        Call any time, day or night.
        """,
    "emergency-999": """\
        ---
        title: Emergency, call 999
        title_cy: Argyfwng, ffoniwch 999
        summary: Call 999 if someone is in danger right now or their life is at risk.
        summary_cy: Ffoniwch 999 os oes rhywun mewn perygl nawr.
        categories: [crisis, health, domestic-abuse]
        tags: [emergency, police, ambulance, fire, danger]
        phone: "999"
        ---

        Police, ambulance, fire.
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
        title_cy: Hen siop gyngor
        summary: An advice shop that has now closed for good.
        summary_cy: Siop gyngor sydd wedi cau am byth.
        categories: [advice, money]
        tags: [advice shop, debt]
        website: https://example.org/advice-shop
        status: closed
        ---

        Closed.
        """,
    "old-warehouse": """\
        ---
        title: Old food warehouse
        summary: A food store that has closed.
        categories: [food]
        status: closed
        ---
        """,
}


def pick(names: str) -> dict[str, str]:
    """The services `names` (separated by spaces) from SERVICES, for a content folder; "slug=name"
    writes the service `name` as `slug`."""
    return {name.partition("=")[0]: SERVICES[name.rpartition("=")[2]] for name in names.split()}


# The website's folder (the content_dir fixture): a hostile entry, a paused and a closed one.
ENTRIES = pick(
    "food-bank youth-club lunch-club samaritans live-fear-free hostile-entry paused-group closed-service"
)
# The search core's folder: one food bank (that speaks no Polish), debt, youth, English classes,
# the crisis lines and a closed entry.
SEARCH_ENTRIES = pick(
    "food-bank=community-food-bank debt-advice youth-club esol samaritans live-fear-free emergency-999 "
    "old-warehouse"
)
# The bot's folder: enough food services to fill two pages, a paused and a closed one, a file name
# too long for Telegram's button data, and the four crisis lines.
BOT_ENTRIES = pick(
    "caia-food-bank=food-bank community-fridge lunch-club baby-bank pantry-paused english-classes "
    "half-term-club samaritans nhs-111-mental-health live-fear-free emergency-999 "
    "a-service-with-a-very-long-name-that-goes-on-and-on-past-telegrams-limit old-advice-shop=closed-service"
)
# The one categories file every test folder has: the bundled one.
CATEGORIES = BUNDLED_CATEGORIES.read_text(encoding="utf-8")


CHROMIUM = Path("/usr/bin/chromium")  # Debian's; the tests never download a browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def resident_kib(array) -> int:
    """KiB of the memory mapping that holds `array`'s data that are resident in this process (from
    /proc/self/smaps; Linux), for tests of pages given back."""
    address = array.ctypes.data
    inside = False
    with open("/proc/self/smaps", encoding="utf-8") as smaps:
        for line in smaps:
            first = line.split(maxsplit=1)[0]
            if "-" in first and not first.endswith(":"):  # a mapping: "start-end perms offset ..."
                start, end = (int(x, 16) for x in first.split("-"))
                inside = start <= address < end
            elif inside and first == "Rss:":
                return int(line.split()[1])
    raise LookupError(f"no mapping holds {address:#x}")


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


def make_content(root: Path, entries: dict[str, str] = ENTRIES, categories: str = CATEGORIES) -> Path:
    """A content folder at `root` with `entries` (slug -> file text, dedented) and `categories` (the
    text of categories.yml): the one writer of every test's content."""
    (root / "services").mkdir(parents=True, exist_ok=True)
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
def core(content_dir: Path, index_dir: Path) -> LiveIndex:
    core = LiveIndex(content_dir, index_dir)
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


@pytest.fixture(scope="module")
def bundled_index_dir(tmp_path_factory) -> Path:
    """An index of the bundled content/ folder, built once for a test module (read-only tests)."""
    ix = tmp_path_factory.mktemp("bundled-index")
    build_index(ROOT / "content", ix)
    return ix


@pytest.fixture(scope="module")
def bundled(bundled_index_dir: Path):
    """The bundled content/ folder's index, opened, for a test module."""
    return SearchIndex.open(bundled_index_dir, content_dir=ROOT / "content")


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
