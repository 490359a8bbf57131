"""The staff area against an attacker and against bad luck: paths out of content/services/, links,
huge files, simultaneous saves, failed commits and failed writes, sessions, login throttling, `next`."""

from __future__ import annotations

import errno
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from staff_fixtures import csrf_token, login
from test_staff_edit import form_of, post_edit

from backoffice.editing import MAX_ENTRY_BYTES, EntryPathError, entry_path

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client


@pytest.fixture
def editor(staff_client):
    login(staff_client)
    return staff_client


def _post(client, path: str, data: dict):
    data = dict(data, csrf_token=csrf_token(client, "/staff/new"))
    return client.post(path, data=data)


# --- paths -------------------------------------------------------------------------------------
BAD_SLUGS = [
    "../../../../tmp/owned",
    "../outside",
    "..",
    "a/b",
    "/etc/passwd",
    "Food-Bank",
    "food_bank",
    "food-bank.md",
    "food--bank",
    "-food",
    "food bank",
    "x" * 81,
    "food\x00bank",
]


@pytest.mark.parametrize("slug", BAD_SLUGS)
def test_entry_path_refuses_anything_but_a_slug(content_dir, slug):
    with pytest.raises(EntryPathError):
        entry_path(content_dir, slug)


def test_preview_never_reads_or_writes_outside_the_services_folder(editor, content_dir, tmp_path):
    secret = content_dir.parent / "outside.md"
    secret.write_text("---\ntitle: SECRET-FRONT-MATTER\n---\n")
    before = sorted(p for p in tmp_path.rglob("*") if ".git" not in p.parts)
    for slug in BAD_SLUGS + ["../outside", "../../outside"]:
        r = _post(editor, "/staff/preview", {"slug": slug, "title": "Owned", "summary": "x"})
        assert r.status_code == 400, slug
        assert "SECRET-FRONT-MATTER" not in r.get_data(as_text=True)
    after = sorted(p for p in tmp_path.rglob("*") if ".git" not in p.parts)
    assert after == before  # nothing written anywhere
    assert not Path("/tmp/owned.md").exists()


def test_a_symbolic_link_out_of_the_folder_is_not_followed(editor, content_dir, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\ntitle: Not ours\nsummary: SECRET\ncategories: [food]\n---\n")
    (content_dir / "services" / "linked.md").symlink_to(outside)
    assert editor.get("/staff/edit/linked").status_code == 400
    r = _post(editor, "/staff/preview", {"slug": "linked", "title": "Linked"})
    assert r.status_code == 400 and "SECRET" not in r.get_data(as_text=True)
    r = _post(editor, "/staff/edit/linked", {"title": "Linked", "summary": "x", "action": "save"})
    assert r.status_code == 400
    r = _post(
        editor, "/staff/new", {"title": "Linked", "summary": "x", "categories": "food", "action": "save"}
    )
    assert r.status_code == 400
    assert outside.read_text().startswith("---\ntitle: Not ours")


def test_an_entry_file_over_256_kb_is_refused_with_a_message(editor, content_dir):
    big = content_dir / "services" / "big.md"
    big.write_text("---\ntitle: Big\nsummary: big\ncategories: [food]\n---\n" + "x" * MAX_ENTRY_BYTES)
    r = editor.get("/staff/edit/big")
    assert r.status_code == 400 and "256 KB" in r.get_data(as_text=True)
    original = (content_dir / "services" / "food-bank.md").read_text()
    r = post_edit(editor, "food-bank", body="y" * (MAX_ENTRY_BYTES + 1), action="save")
    assert r.status_code == 413 and "256 KB" in r.get_data(as_text=True)
    assert (content_dir / "services" / "food-bank.md").read_text() == original


# --- saving ------------------------------------------------------------------------------------
def _git(content_dir: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(content_dir), *args], capture_output=True, text=True, check=True
    ).stdout


def _repo(content_dir: Path) -> None:
    _git(content_dir, "init", "-q")
    _git(content_dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    _git(content_dir, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_of_six_simultaneous_saves_of_the_same_version_exactly_one_wins(staff_app, content_dir):
    _repo(content_dir)
    staff_app.config["COMMIT_DOMAIN"] = "hub.example.org"
    clients = []
    for n in range(6):
        client = staff_app.test_client()
        login(client)
        data = form_of(client, "food-bank")  # every editor opened the same version
        data.update(hours=f"Editor {n} was here", action="save")
        clients.append((client, data))
    start = threading.Barrier(6)
    statuses: list[int] = []

    def save(client, data):
        start.wait()
        statuses.append(client.post("/staff/edit/food-bank", data=data).status_code)

    threads = [threading.Thread(target=save, args=pair) for pair in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [303, 409, 409, 409, 409, 409]
    text = (content_dir / "services" / "food-bank.md").read_text()
    assert sum(f"Editor {n} was here" in text for n in range(6)) == 1
    log = _git(content_dir, "log", "--format=%an <%ae>|%cn <%ce>|%s").splitlines()
    assert len(log) == 2  # "start" and the one save
    assert log[0].startswith("sam <sam@hub.example.org>|sam <sam@hub.example.org>|Edit food-bank")
    assert _git(content_dir, "status", "--porcelain") == ""


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_failed_commit_is_reported_as_such(editor, content_dir):
    _repo(content_dir)
    hook = content_dir / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'refused by the hub policy' >&2\nexit 1\n")
    hook.chmod(0o755)
    r = post_edit(editor, "food-bank", hours="Mondays", action="save", follow_redirects=True)
    page = r.get_data(as_text=True)
    assert "Saved. The change is live now." in page
    assert "But the Git commit failed" in page and "refused by the hub policy" in page
    assert "Committed to Git" not in page


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EROFS])
def test_an_editor_whose_save_fails_keeps_the_typed_text(editor, content_dir, monkeypatch, err):
    def fail(path, text):
        raise OSError(err, "No space left on device" if err == errno.ENOSPC else "Read-only file system")

    monkeypatch.setattr("backoffice.editing.write_atomic", fail)
    original = (content_dir / "services" / "food-bank.md").read_text()
    r = post_edit(
        editor,
        "food-bank",
        hours="Typed with care on a Tuesday",
        body="A long body typed by hand.",
        action="save",
    )
    page = r.get_data(as_text=True)
    assert r.status_code == 503
    assert "Not saved: the file could not be written" in page
    assert "No space left on device" in page or "Read-only file system" in page
    assert "Typed with care on a Tuesday" in page and "A long body typed by hand." in page
    assert (content_dir / "services" / "food-bank.md").read_text() == original


# --- sessions ----------------------------------------------------------------------------------
class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(staff_app) -> Clock:
    staff_app.config["STAFF_CLOCK"] = clock = Clock()
    return clock


def _cookie(client) -> str:
    return client.get_cookie("session").value


def test_logout_ends_the_session_on_the_server(staff_app, staff_client):
    login(staff_client)
    assert staff_client.get("/staff/").status_code == 200
    copied = _cookie(staff_client)
    token = csrf_token(staff_client, "/staff/")
    assert staff_client.post("/staff/logout", data={"csrf_token": token}).status_code == 303
    thief = staff_app.test_client()
    thief.set_cookie("session", copied)
    r = thief.get("/staff/")
    assert r.status_code == 302 and "/staff/login" in r.headers["Location"]


def test_sessions_end_after_30_minutes_idle(staff_client, clock):
    login(staff_client)
    clock.now += 29 * 60
    assert staff_client.get("/staff/").status_code == 200
    clock.now += 29 * 60  # 29 minutes after the last request: still active
    assert staff_client.get("/staff/").status_code == 200
    clock.now += 31 * 60
    r = staff_client.get("/staff/")
    assert r.status_code == 302 and "/staff/login" in r.headers["Location"]
    assert "Your session has ended" in staff_client.get(r.headers["Location"]).get_data(as_text=True)


def test_sessions_end_12_hours_after_login_however_active(staff_client, clock):
    login(staff_client)
    for _ in range(35):  # a request every 20 minutes for 11 h 40 min
        clock.now += 20 * 60
        assert staff_client.get("/staff/").status_code == 200
    clock.now += 21 * 60
    assert staff_client.get("/staff/").status_code == 302


def test_login_starts_a_new_session(staff_client):
    with staff_client.session_transaction() as s:
        s["planted"] = "by someone else"
    before = _cookie(staff_client)
    login(staff_client)
    with staff_client.session_transaction() as s:
        assert "planted" not in s
    assert _cookie(staff_client) != before


# --- login throttling --------------------------------------------------------------------------
def _from(staff_app, address: str):
    client = staff_app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_guessing_is_throttled_per_account_but_a_trusted_browser_still_gets_in(staff_app, staff_client):
    from staff_fixtures import PASSWORD

    login(staff_client)  # sam's own browser has logged in before: it is trusted
    token = csrf_token(staff_client, "/staff/")
    staff_client.post("/staff/logout", data={"csrf_token": token})
    for n in range(5):  # an attacker spreads wrong passwords over five addresses
        assert login(_from(staff_app, f"192.0.2.{n}"), "sam", f"guess number {n}").status_code == 401
    attacker = _from(staff_app, "192.0.2.99")
    r = login(attacker, "sam", PASSWORD)  # even the right password: the account's budget is spent
    assert r.status_code == 429 and "Too many tries" in r.get_data(as_text=True)
    assert login(attacker, "vic").status_code == 303  # other accounts are not held up
    assert login(staff_client, "sam").status_code == 303  # sam's trusted browser is never held up


def test_guessing_is_throttled_per_address(staff_app):
    attacker = _from(staff_app, "198.51.100.7")
    for n in range(20):
        assert login(attacker, f"name{n}", "wrong password").status_code == 401
    assert login(attacker, "vic").status_code == 429
    assert login(_from(staff_app, "198.51.100.8"), "vic").status_code == 303


@pytest.mark.parametrize("bad", ["/staff/\r\nSet-Cookie: x=1", "/staff/%0d%0a", "/staff/\n", "/staff/\r"])
def test_a_line_break_in_next_is_a_400(staff_client, bad):
    from urllib.parse import unquote

    target = unquote(bad)
    r = staff_client.get("/staff/login", query_string={"next": target})
    assert r.status_code == 400
    token = csrf_token(staff_client)
    r = staff_client.post(
        "/staff/login",
        query_string={"next": target},
        data={"name": "sam", "password": "x", "csrf_token": token},
    )
    assert r.status_code == 400
