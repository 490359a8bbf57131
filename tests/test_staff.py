"""The staff area: accounts (`signpost staff`), login and lockout, sessions, what staff see."""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import make_app
from staff_fixtures import PASSWORD, csrf_token, login

from backoffice.staff_accounts import AccountError, StaffAccounts
from backoffice.staff_store import staff_db_path
from signpost.cli import cli

GENERIC = "That name and password were not accepted."

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Cheap PBKDF2 keeps these tests quick; the hashing test below puts scrypt back."""
    monkeypatch.setattr("backoffice.staff_accounts.HASH_METHOD", "pbkdf2:sha256:1000")


# --- the account store -------------------------------------------------------------------------


def test_passwords_are_stored_hashed_only(tmp_path, monkeypatch):
    monkeypatch.setattr("backoffice.staff_accounts.HASH_METHOD", "scrypt")
    store = StaffAccounts(tmp_path / "staff.db")
    store.add("Sam", PASSWORD, "editor")
    raw = (tmp_path / "staff.db").read_bytes()
    assert PASSWORD.encode() not in raw
    conn = sqlite3.connect(tmp_path / "staff.db")
    [(hashed,)] = conn.execute("SELECT password_hash FROM accounts").fetchall()
    conn.close()
    assert hashed.startswith("scrypt:")
    assert store.authenticate("sam", PASSWORD).name == "sam"  # names are not case-sensitive
    assert store.authenticate("SAM ", PASSWORD).role == "editor"


@pytest.mark.parametrize(
    "name, password, role",
    [
        ("", PASSWORD, "editor"),
        ("Sam Jones", PASSWORD, "editor"),
        ("sam", "short", "editor"),
        ("sam", PASSWORD, "admin"),
    ],
)
def test_bad_accounts_are_refused(tmp_path, name, password, role):
    with pytest.raises(AccountError):
        StaffAccounts(tmp_path / "staff.db").add(name, password, role)


def test_wrong_passwords_never_lock_the_account_in_the_store(tmp_path):
    """Guessing is slowed by the site's login throttle; a lock here would let anyone keep staff out."""
    store = StaffAccounts(tmp_path / "staff.db")
    store.add("sam", PASSWORD)
    for _ in range(20):
        assert store.authenticate("sam", "wrong password") is None
    assert store.authenticate("sam", PASSWORD) is not None


def test_end_sessions_changes_the_session_key(tmp_path):
    store = StaffAccounts(tmp_path / "staff.db")
    store.add("sam", PASSWORD)
    key = store.session_key("sam")
    store.end_sessions("sam")
    assert store.session_key("sam") not in (None, key)


def test_passwd_role_remove(tmp_path):
    store = StaffAccounts(tmp_path / "staff.db")
    store.add("sam", PASSWORD, "viewer")
    key = store.session_key("sam")
    store.set_password("sam", "another long password")
    assert store.session_key("sam") != key
    assert store.authenticate("sam", PASSWORD) is None
    store.set_role("sam", "editor")
    assert store.get("sam").can_edit
    store.remove("sam")
    assert store.get("sam") is None and store.all() == []
    with pytest.raises(AccountError):
        store.remove("sam")


# --- signpost staff ----------------------------------------------------------------------------
def test_staff_add_prompts_twice_and_lists(db_path):
    runner = CliRunner()
    result = runner.invoke(
        cli, ["staff", "add", "sam", "--db", str(db_path)], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert "Repeat for confirmation" in result.output
    assert PASSWORD not in result.output  # hidden input
    result = runner.invoke(
        cli,
        ["staff", "add", "vic", "--role", "viewer", "--db", str(db_path)],
        input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    result = runner.invoke(cli, ["staff", "list", "--db", str(db_path)])
    assert result.output.splitlines() == ["sam\teditor", "vic\tviewer"]
    assert StaffAccounts(staff_db_path(db_path)).authenticate("vic", PASSWORD).role == "viewer"


def test_staff_commands_with_the_environment(db_path, monkeypatch):
    monkeypatch.setenv("SIGNPOST_DB", str(db_path))
    monkeypatch.setenv("SIGNPOST_STAFF_PASSWORD", PASSWORD)
    runner = CliRunner()
    assert runner.invoke(cli, ["staff", "add", "ci-bot"]).exit_code == 0
    again = runner.invoke(cli, ["staff", "add", "ci-bot"])
    assert again.exit_code == 1 and again.output.startswith("Error: there is already an account 'ci-bot'")
    monkeypatch.setenv("SIGNPOST_STAFF_PASSWORD", "short")
    bad = runner.invoke(cli, ["staff", "add", "other"])
    assert bad.exit_code == 1 and "at least 10 characters" in bad.output
    monkeypatch.setenv("SIGNPOST_STAFF_PASSWORD", "a brand new password")
    assert runner.invoke(cli, ["staff", "passwd", "ci-bot"]).exit_code == 0
    assert runner.invoke(cli, ["staff", "role", "ci-bot", "viewer"]).exit_code == 0
    store = StaffAccounts(staff_db_path(db_path))
    assert store.authenticate("ci-bot", "a brand new password").role == "viewer"
    assert runner.invoke(cli, ["staff", "remove", "ci-bot"]).exit_code == 0
    assert runner.invoke(cli, ["staff", "remove", "ci-bot"]).exit_code == 1
    empty = runner.invoke(cli, ["staff", "list"])
    assert "No staff accounts yet" in empty.output


# --- the site: refusing without a login ----------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/staff/",
        "/staff/report",
        "/staff/report.csv",
        "/staff/corrections",
        "/staff/edit/food-bank",
        "/staff/new",
        "/cy/staff/",
        "/cy/staff/report",
    ],
)
def test_staff_pages_refuse_without_a_login(staff_client, path):
    r = staff_client.get(path)
    assert r.status_code == 302
    login_path = "/cy/staff/login" if path.startswith("/cy/") else "/staff/login"
    assert r.headers["Location"].startswith(login_path)
    assert "unmet" not in r.get_data(as_text=True).lower()


def test_no_default_account(staff_client):
    for name, password in [("admin", "admin"), ("staff", "staff"), ("admin", "password"), ("", "")]:
        r = login(staff_client, name, password)
        assert r.status_code == 401
    assert staff_client.get("/staff/").status_code == 302


def test_login_and_logout(staff_client):
    r = login(staff_client)
    assert r.status_code == 303 and r.headers["Location"].endswith("/staff/")
    page = staff_client.get("/staff/")
    assert page.status_code == 200 and "Log out (sam)" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    token = csrf_token(staff_client, "/staff/")
    assert staff_client.post("/staff/logout", data={"csrf_token": token}).status_code == 303
    assert staff_client.get("/staff/").status_code == 302


def test_welsh_staff_area(staff_client):
    r = login(staff_client, prefix="/cy")
    assert r.headers["Location"].endswith("/cy/staff/")
    assert staff_client.get("/cy/staff/").status_code == 200


def test_one_message_for_unknown_name_and_wrong_password(staff_client):
    unknown = login(staff_client, "nobody", PASSWORD).get_data(as_text=True)
    wrong = login(staff_client, "sam", "not the password").get_data(as_text=True)
    for body in (unknown, wrong):
        assert GENERIC in body
    strip = lambda html: re.sub(r'name="csrf_token" value="[^"]+"|value="[^"]*"', "", html)  # noqa: E731
    assert strip(unknown) == strip(wrong)
    assert login(staff_client, "vic").status_code == 303


def test_login_needs_the_csrf_token(staff_client):
    r = staff_client.post("/staff/login", data={"name": "sam", "password": PASSWORD})
    assert r.status_code == 400
    assert staff_client.get("/staff/").status_code == 302


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/staff/report", "/staff/report"),
        ("https://evil.example/staff/", "/staff/"),
        ("//evil.example/x", "/staff/"),
        ("/elsewhere", "/staff/"),
        ("/\\evil.example", "/staff/"),
    ],
)
def test_login_goes_back_only_inside_the_staff_area(staff_client, target, expected):
    token = csrf_token(staff_client)
    r = staff_client.post(
        "/staff/login",
        query_string={"next": target},
        data={"name": "sam", "password": PASSWORD, "csrf_token": token},
    )
    assert r.status_code == 303
    assert r.headers["Location"] == expected


def test_session_cookie_flags(staff_client):
    r = login(staff_client)
    cookie = next(c for c in r.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_secure_cookie_with_signpost_https(content_dir, index_dir, db_path, accounts, monkeypatch):
    monkeypatch.setenv("SIGNPOST_HTTPS", "1")
    app = make_app(content_dir, index_dir, DB_PATH=db_path)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    client = app.test_client()
    r = login(client)
    cookie = next(c for c in r.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie


def test_a_new_password_ends_old_sessions(staff_client, accounts):
    login(staff_client)
    assert staff_client.get("/staff/").status_code == 200
    accounts.set_password("sam", "a completely new password")
    assert staff_client.get("/staff/").status_code == 302


def test_a_removed_account_is_logged_out(staff_client, accounts):
    login(staff_client, "vic")
    accounts.remove("vic")
    assert staff_client.get("/staff/").status_code == 302


def test_viewers_read_but_cannot_edit(staff_client):
    login(staff_client, "vic")
    assert staff_client.get("/staff/").status_code == 200
    assert staff_client.get("/staff/report").status_code == 200
    assert staff_client.get("/staff/edit/food-bank").status_code == 403
    assert staff_client.get("/staff/new").status_code == 403
    assert "New entry" not in staff_client.get("/staff/").get_data(as_text=True)


# --- what staff see ----------------------------------------------------------------------------
@pytest.fixture
def searched(staff_client):
    for q in (
        "food parcel",
        "snorkelling lessons",
        "Snorkelling lessons",
        "youth club",
        "I want to kill myself",
    ):
        staff_client.get("/search", query_string={"q": q})
    staff_client.get("/api/search", query_string={"q": "debt"})
    return staff_client


def test_overview_shows_unmet_needs_stale_broken_and_queue(searched, content_dir, staff_app):
    (content_dir / "services" / "youth-club.md").write_text(
        "---\ntitle: Youth club\ncategories: youth\n---\n"
    )
    staff_app.extensions["signpost"].rebuild()
    login(searched)
    page = searched.get("/staff/").get_data(as_text=True)
    assert re.search(r"<td>snorkelling lessons</td><td>2</td>", page)
    assert "Not checked for 12 months" in page and "Live Fear Free helpline" in page  # never checked
    assert "youth-club.md:3: &#39;categories&#39; must be a list" in page
    assert "Suggested corrections (0)" in page


def test_report_page_has_svg_charts_without_inline_style(searched):
    login(searched)
    r = searched.get("/staff/report")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert html.count("<svg") >= 3
    assert "snorkelling lessons" in html
    assert re.search(r"Crisis messages by kind.*<td>suicide</td><td>1</td>", html, re.S)
    assert not re.search(r"\sstyle=", html)
    assert "<script>" not in html
    assert "'unsafe-inline'" not in r.headers["Content-Security-Policy"]
    filtered = searched.get("/staff/report?since=2999-01-01").get_data(as_text=True)
    assert "snorkelling lessons" not in filtered


def test_report_csv_download(searched):
    login(searched)
    r = searched.get("/staff/report.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert "attachment" in r.headers["Content-Disposition"]
    lines = r.get_data(as_text=True).splitlines()
    assert lines[0] == "section,item,channel,count"
    assert "unmet needs,snorkelling lessons,web 2,2" in lines
    assert "crisis messages,,,1" in lines
    assert any(line.startswith("searches by week,") and line.endswith(",api,1") for line in lines)


def test_report_before_any_search(content_dir, index_dir, tmp_path, accounts, db_path):
    app = make_app(content_dir, index_dir, DB_PATH=db_path)
    client = app.test_client()
    login(client)
    assert client.get("/staff/report").status_code == 200
    assert client.get("/staff/").status_code == 200


def test_report_shows_the_answers_to_did_this_help(searched, staff_app):
    analytics = staff_app.extensions["analytics"]
    analytics.record_feedback(channel="bot", helped=True, categories=["food"], lang="cy")
    analytics.record_feedback(channel="web", helped=False, categories=["food", "money"], lang="en")
    analytics.record_feedback(channel="chat", helped=True, categories=["food"], lang="en")
    login(searched)
    page = searched.get("/staff/report").get_data(as_text=True)
    assert "Did this help? (answers in the chat)" in page
    assert "<td>food</td><td>2</td><td>1</td>" in page and "<td>bot</td><td>1</td><td>0</td>" in page
    assert "<td>English</td><td>1</td><td>1</td>" in page and "<td>Welsh</td><td>1</td><td>0</td>" in page
    csv_lines = searched.get("/staff/report.csv").get_data(as_text=True).splitlines()
    assert csv_lines[-2:] == ["helped by language,en,,1", "did not help by language,en,,1"]
    welsh = searched.get("/cy/staff/report").get_data(as_text=True)
    assert "Oedd hyn o help?" in welsh and "<td>Cymraeg</td><td>1</td><td>0</td>" in welsh
    # an answer whose language was not recorded: the back office's one wording, in both languages
    from backoffice.analytics import NOT_RECORDED

    analytics.record_feedback(channel="bot", helped=False, categories=["food"], lang="")
    page = searched.get("/staff/report").get_data(as_text=True)
    assert f"<td>{NOT_RECORDED}</td><td>0</td><td>1</td>" in page and NOT_RECORDED == "Not recorded"
    welsh = searched.get("/cy/staff/report").get_data(as_text=True)
    assert "<td>Heb ei gofnodi</td><td>0</td><td>1</td>" in welsh


@pytest.mark.parametrize("method", ["scrypt", "pbkdf2:sha256:1000"])
def test_hashes_made_by_werkzeug_before_still_verify(tmp_path, method):
    """Accounts made while the back office hashed with Werkzeug keep working, with no migration."""
    from werkzeug.security import generate_password_hash

    store = StaffAccounts(tmp_path / "staff.db")
    store.add("sam", "a different password", "editor")
    conn = sqlite3.connect(tmp_path / "staff.db")
    with conn:
        conn.execute("UPDATE accounts SET password_hash = ?", (generate_password_hash(PASSWORD, method),))
    conn.close()
    assert store.authenticate("sam", PASSWORD).name == "sam"
    assert store.authenticate("sam", PASSWORD + "x") is None


def test_an_unknown_hash_format_matches_no_password():
    from backoffice.passwords import check_password, hash_password

    assert not check_password("md5$salt$0123", PASSWORD)
    assert not check_password("not a hash", PASSWORD)
    assert check_password(hash_password(PASSWORD, "pbkdf2:sha256:1000"), PASSWORD)
