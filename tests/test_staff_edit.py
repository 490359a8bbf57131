"""Editing entries in the browser: the form, preview, the same messages as `signpost check`, saving
atomically, keeping what the form does not know, Git, and the change live straight away."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from staff_fixtures import login

from backoffice.editing import check_text, fields_of, render_entry, split_list
from search_index import load_directory
from search_index.entries import parse_entry
from signpost.cli import cli

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client


def form_of(client, slug: str) -> dict[str, str]:
    """The edit form's fields as the browser would post them."""
    html = client.get(f"/staff/edit/{slug}").get_data(as_text=True)
    data: dict[str, str] = {}
    for m in re.finditer(
        r'<input type="(?:text|hidden)" (?:id="[^"]*" )?name="([^"]+)" value="([^"]*)"', html
    ):
        data[m.group(1)] = _unescape(m.group(2))
    for m in re.finditer(r'<textarea id="[^"]*" name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[m.group(1)] = _unescape(m.group(2))
    m = re.search(r'<select id="f-status" name="status"[^>]*>.*?<option value="([^"]+)" selected', html, re.S)
    data["status"] = m.group(1)
    for name in ("categories", "languages"):  # ticked checkboxes, posted as one value each
        data[name] = re.findall(
            rf'<input type="checkbox" id="[^"]*" name="{name}" value="([^"]+)" checked>', html
        )
    return data


def post_edit(client, slug: str, follow_redirects: bool = False, **changes):
    """Opens the edit form of `slug`, makes `changes` in it and posts it back, as the browser would."""
    data = form_of(client, slug)
    data.update(changes)
    return client.post(f"/staff/edit/{slug}", data=data, follow_redirects=follow_redirects)


def _unescape(text: str) -> str:
    return (
        text.replace("&#34;", '"')
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )


@pytest.fixture
def editor(staff_client):
    login(staff_client)
    return staff_client


# --- the file text -----------------------------------------------------------------------------
def test_every_bundled_entry_round_trips_through_the_form():
    d = load_directory(ROOT / "content")
    ids = {c.id for c in d.categories}
    for entry in d.entries:
        original = (ROOT / "content" / entry.path).read_text(encoding="utf-8")
        text = render_entry(fields_of(entry), entry.full_body, original)
        again, problems = check_text(text, entry.slug, ids, entry.path)
        assert problems == parse_entry(ROOT / "content" / entry.path, ids, shown=entry.path)[1], entry.slug
        assert again == entry, entry.slug


@pytest.mark.parametrize(
    "value",
    [
        "9:30",
        "yes",
        "no",
        "0800 123",
        "01978",
        "1.5",
        "~",
        "null",
        "# not a comment",
        "- dash",
        "a: b",
        "'quoted'",
        '"double"',
        "[list]",
        "{map}",
        "ends with colon:",
        "tab\there",
        "Caf\u00e9 & b\u00e2r",
        "@home",
        "%",
    ],
)
def test_awkward_values_are_kept_exactly(value):
    fields = {
        "title": value,
        "summary": "S.",
        "categories": ["food"],
        "hours": value,
        "tags": [value, "x, y"],
        "contact_via": "hub",
    }
    text = render_entry(fields, "Body")
    entry, problems = check_text(text, "x", {"food"}, "x.md")
    assert entry is not None and problems == [], (text, problems)
    assert entry.title == " ".join(value.split()) and entry.hours == entry.title
    assert entry.tags == (entry.title, "x, y")


def test_unknown_keys_are_kept_and_comments_dropped():
    original = textwrap.dedent("""\
        ---
        # a note for volunteers
        title: Old
        summary: S.
        categories: [food]
        funding: "Lottery, until 2027"   # ends soon
        contacts:
          - name: Jo
        ---
        Body
        """)
    text = render_entry({"title": "New", "summary": "S.", "categories": ["food"]}, "Body", original)
    assert 'funding: "Lottery, until 2027"   # ends soon' in text
    assert "contacts:\n  - name: Jo" in text
    assert "# a note for volunteers" not in text
    assert text.endswith("---\n\nBody\n")


def test_split_list():
    assert split_list("food, money ,, housing") == ["food", "money", "housing"]
    assert split_list("Where can I eat?\r\n\r\nIs it free, really?", lines=True) == [
        "Where can I eat?",
        "Is it free, really?",
    ]


# --- the pages ---------------------------------------------------------------------------------
def test_edit_form_shows_the_entry(editor):
    data = form_of(editor, "food-bank")
    assert data["title"] == "Caia food bank"
    assert data["categories"] == ["food", "money"]
    assert data["verified"] == "2025-04-11"
    assert data["body"].startswith("Come to the hub")
    assert data["base"] and data["csrf_token"]
    assert editor.get("/staff/edit/no-such-entry").status_code == 404


def test_preview_shows_the_result_without_saving(editor, content_dir):
    before = (content_dir / "services" / "food-bank.md").read_text()
    r = post_edit(
        editor, "food-bank", title="Caia food bank and pantry", body="**New** description", action="preview"
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "<strong>New</strong> description" in html
    assert "No problems found." in html
    assert "title: Caia food bank and pantry" in html  # the file as it will be saved
    assert (content_dir / "services" / "food-bank.md").read_text() == before


def test_preview_endpoint_for_the_script(editor):
    data = form_of(editor, "food-bank")
    data.update(slug="food-bank", summary="")
    r = editor.post("/staff/preview", data=data, headers={"X-CSRFToken": data["csrf_token"]})
    assert r.status_code == 200
    assert "&#39;summary&#39; is required" in r.get_data(as_text=True)
    assert r.get_data(as_text=True).lstrip().startswith('<div id="preview"')


def test_the_messages_are_those_of_signpost_check(editor, content_dir):
    r = post_edit(
        editor,
        "youth-club",
        categories="young-people, youth",
        ages="teenagers",
        email="not an email",
        action="save",
    )
    assert r.status_code == 422
    html = _unescape(r.get_data(as_text=True))
    assert "Not saved: fix the problems below first." in html
    shown = re.findall(r'<li class="problem-(?:error|warning)"><code>([^<]+)</code></li>', html)
    # the same text written by hand and checked on the command line gives the same lines
    text = _unescape(re.search(r'<pre class="file-text">(.*?)</pre>', html, re.S).group(1))
    folder = content_dir.parent / "check"
    shutil.copytree(content_dir, folder)
    (folder / "services" / "youth-club.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--content", str(folder)])
    cli_lines = [
        line.replace(str(folder), str(content_dir))
        for line in result.output.splitlines()
        if "youth-club.md" in line
    ]
    assert shown and [_unescape(s) for s in shown] == cli_lines
    assert any("unknown category 'youth'" in s for s in shown)


def test_save_writes_the_file_and_it_is_live_at_once(editor, staff_app, content_dir):
    r = post_edit(
        editor,
        "food-bank",
        title="Caia food bank and pantry",
        hours="Monday to Friday 9:30 to 5",
        action="save",
    )
    assert r.status_code == 303 and r.headers["Location"].endswith("/staff/edit/food-bank")
    text = (content_dir / "services" / "food-bank.md").read_text()
    assert "title: Caia food bank and pantry\n" in text
    assert 'hours: "Monday to Friday 9:30 to 5"' in text
    assert "**Bring a bag** if you can; see [our page](https://example.org/food)." in text
    assert not list((content_dir / "services").glob(".*"))  # no temporary files left behind
    assert "Saved. The change is live now." in editor.get("/staff/edit/food-bank").get_data(as_text=True)
    core = staff_app.extensions["signpost"]
    assert core.index.get("food-bank").title == "Caia food bank and pantry"
    assert "Caia food bank and pantry" in editor.get("/services/food-bank").get_data(as_text=True)


def test_a_file_changed_since_the_form_was_opened_is_not_overwritten(editor, content_dir):
    data = form_of(editor, "food-bank")
    path = content_dir / "services" / "food-bank.md"
    path.write_text(path.read_text().replace("Caia food bank", "Edited by hand"))
    data.update(title="From the browser", action="save")
    r = editor.post("/staff/edit/food-bank", data=data)
    assert r.status_code == 409
    assert "Edited by hand" in path.read_text()


def test_a_broken_file_opens_with_its_last_good_version(editor, content_dir, staff_app):
    path = content_dir / "services" / "youth-club.md"
    path.write_text(
        path.read_text().replace("categories: [young-people, community]", "categories: young-people")
    )
    staff_app.extensions["signpost"].rebuild()
    html = editor.get("/staff/edit/youth-club").get_data(as_text=True)
    assert "the form shows the last good version" in html
    assert "must be a list" in _unescape(html)
    data = form_of(editor, "youth-club")
    assert data["categories"] == ["young-people", "community"]
    data["action"] = "save"
    assert editor.post("/staff/edit/youth-club", data=data).status_code == 303
    assert "categories: [young-people, community]" in path.read_text()
    assert staff_app.extensions["signpost"].problems() == []


def test_new_entry(editor, content_dir, staff_app):
    html = editor.get("/staff/new").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    data = {
        "csrf_token": token,
        "title": "Men's shed",
        "summary": "Woodwork and a cuppa.",
        "categories": "community",
        "body": "Come along.",
        "action": "save",
        "base": "",
        "slug": "",
        "status": "active",
    }
    r = editor.post("/staff/new", data=data)
    assert r.status_code == 303 and r.headers["Location"].endswith("/staff/edit/mens-shed")
    assert (content_dir / "services" / "mens-shed.md").is_file()
    assert staff_app.extensions["signpost"].index.get("mens-shed").title == "Men's shed"
    again = editor.post("/staff/new", data=data)
    assert again.status_code == 422 and "There is already an entry" in again.get_data(as_text=True)


def test_saving_needs_the_csrf_token(editor, content_dir):
    data = form_of(editor, "food-bank")
    del data["csrf_token"]
    data.update(title="No token", action="save")
    assert editor.post("/staff/edit/food-bank", data=data).status_code == 400
    assert "No token" not in (content_dir / "services" / "food-bank.md").read_text()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_save_commits_when_the_content_is_a_git_repository(editor, content_dir):
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(content_dir), *args], capture_output=True, text=True, check=True
        ).stdout

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")
    (content_dir / "unrelated.txt").write_text("not part of the edit")
    git("add", "unrelated.txt")  # staged by someone else: must not be swept into the staff's commit
    r = post_edit(editor, "food-bank", cost="Free, always", action="save")
    assert r.status_code == 303
    assert "Committed to Git." in editor.get("/staff/edit/food-bank").get_data(as_text=True)
    log = git("log", "-1", "--format=%s", "--name-only")
    assert log.splitlines()[0] == "Edit food-bank via staff area (by sam)"
    assert "services/food-bank.md" in log and "unrelated.txt" not in log


def test_save_without_git_repository_just_saves(editor, content_dir):
    assert post_edit(editor, "food-bank", cost="Free, always", action="save").status_code == 303
    assert "Committed to Git." not in editor.get("/staff/edit/food-bank").get_data(as_text=True)
    assert "cost: Free, always\n" in (content_dir / "services" / "food-bank.md").read_text()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_commit_works_without_a_git_identity(editor, content_dir, monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    subprocess.run(["git", "-C", str(content_dir), "init", "-q"], check=True)
    assert post_edit(editor, "food-bank", cost="Free", action="save").status_code == 303
    log = subprocess.run(
        ["git", "-C", str(content_dir), "log", "-1", "--format=%s|%an"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert log == "Edit food-bank via staff area (by sam)|sam"


def test_errors_are_summarised_at_the_top_and_shown_beside_their_fields(editor):
    page = _unescape(
        post_edit(
            editor,
            "youth-club",
            categories=["young-people", "youth"],
            ages="teenagers",
            email="not an email",
            action="save",
        ).get_data(as_text=True)
    )
    summary = page[
        page.index('<div class="error-summary"') : page.index("</div>", page.index("error-summary"))
    ]
    assert "There is a problem" in summary
    assert "<a href=\"#f-email\">'email' does not look like an email address" in summary
    assert "<a href=\"#f-ages\">'ages' cannot be read" in summary
    assert "<a href=\"#f-categories\">unknown category 'youth'" in summary
    assert page.index('<div class="error-summary"') < page.index('<form method="post" class="staff-form"')
    email = page[page.index('<div class="field field-has-error"><label for="f-email">') :]
    email = email[: email.index("</div>")]
    assert "does not look like an email address" in email and 'aria-describedby="f-email-error1"' in email
    # categories and languages are ticked, not typed: every category is offered, the chosen ones ticked
    form = form_of(editor, "youth-club")
    assert form["categories"] == ["young-people", "community"] and form["languages"] == ["en"]
    assert page.count('name="categories"') >= 15


def test_languages_can_be_ticked_or_typed(editor, content_dir):
    assert (
        post_edit(
            editor, "youth-club", languages=["en", "pl"], languages_more="so", action="save"
        ).status_code
        == 303
    )
    assert "languages: [en, pl, so]" in (content_dir / "services" / "youth-club.md").read_text()


def test_staff_pages_have_their_own_header(editor):
    page = editor.get("/staff/").get_data(as_text=True)
    assert '<header class="site-header staff-header">' in page and "Signpost staff area" in page
    public = editor.get("/").get_data(as_text=True)
    assert "staff-header" not in public
