"""'Is something wrong here?': the public form, its protections, and the staff's queue."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from staff_fixtures import csrf_token, login

from backoffice.corrections import MAX_MESSAGE, CorrectionError, Corrections
from backoffice.staff_store import staff_db_path

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client

# --- the store ---------------------------------------------------------------------------------


def test_queue_add_list_and_mark_done(tmp_path):
    q = Corrections(tmp_path / "staff.db")
    first = q.add(
        "food-bank", "  The phone number changed.\r\nIt is 01632 960999 now. ", "jo@example.org", "en"
    )
    second = q.add("youth-club", "Now on Wednesdays", "", "cy")
    assert [c.id for c in q.list()] == [second, first]
    item = q.get(first)
    assert item.message == "The phone number changed.\nIt is 01632 960999 now."
    assert item.contact == "jo@example.org" and item.is_open
    assert q.open_counts() == {"food-bank": 1, "youth-club": 1}
    assert q.mark_done(first, "sam")
    assert not q.mark_done(first, "sam")  # already done
    assert [c.id for c in q.list()] == [second]
    done = q.get(first)
    assert (done.status, done.done_by) == ("done", "sam") and done.done_at
    assert len(q.list(status=None)) == 2
    assert [c.slug for c in q.list(slug="youth-club")] == ["youth-club"]


@pytest.mark.parametrize(
    "message, contact",
    [("", ""), ("   ", ""), ("x" * (MAX_MESSAGE + 1), ""), ("fine", "y" * 201)],
)
def test_queue_refuses_empty_or_too_long(tmp_path, message, contact):
    with pytest.raises(CorrectionError):
        Corrections(tmp_path / "staff.db").add("food-bank", message, contact)


def test_old_contacts_are_forgotten(tmp_path):
    q = Corrections(tmp_path / "staff.db")
    item = q.add("food-bank", "wrong hours", "07700 900123")
    q.mark_done(item, "sam")
    assert q.forget_old_contacts(days=90) == 0
    conn = sqlite3.connect(tmp_path / "staff.db")
    with conn:
        conn.execute("UPDATE corrections SET done_at = '2020-01-01T00:00:00Z'")
    conn.close()
    assert q.forget_old_contacts(days=90) == 1
    assert q.get(item).contact == ""


def _closed_long_ago(db: Path, contact: str = "07700 900123") -> tuple[Corrections, int, int]:
    """Two done corrections with contacts: one closed 100 days ago, one closed now."""
    q = Corrections(db)
    old, new = q.add("food-bank", "wrong hours", contact), q.add("youth-club", "moved", contact)
    q.mark_done(old, "sam")
    q.mark_done(new, "sam")
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE corrections SET done_at = '2020-01-01T00:00:00Z' WHERE id = ?", (old,))
    conn.close()
    return q, old, new


def test_prune_command_deletes_contacts_of_corrections_closed_90_days_ago(db_path):
    from click.testing import CliRunner

    from backoffice.analytics import Analytics
    from signpost.cli import cli

    Analytics(db_path).connect().close()
    q, old, new = _closed_long_ago(staff_db_path(db_path))
    result = CliRunner().invoke(cli, ["prune", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "Deleted the contact details of 1 correction(s) closed more than 90 days ago" in result.output
    assert q.get(old).contact == "" and q.get(new).contact == "07700 900123"


def test_the_running_site_deletes_old_contacts(staff_app, staff_client, db_path):
    q, old, new = _closed_long_ago(staff_db_path(db_path))
    assert staff_client.get("/").status_code == 200
    assert q.get(old).contact == "" and q.get(new).contact == "07700 900123"


# --- the public form ---------------------------------------------------------------------------
def post(client, slug: str = "food-bank", prefix: str = "", **fields):
    token = csrf_token(client, f"{prefix}/services/{slug}")
    data = {"message": "The phone number has changed", "contact": "", "website_url": "", "csrf_token": token}
    data.update(fields)
    return client.post(f"{prefix}/services/{slug}/correction", data=data)


def queued(db_path) -> list:
    return Corrections(staff_db_path(db_path)).list(status=None)


def test_every_entry_page_has_the_form_in_both_languages(staff_client):
    en = staff_client.get("/services/food-bank").get_data(as_text=True)
    assert "Is something wrong here?" in en
    assert 'action="/services/food-bank/correction"' in en
    assert 'name="website_url"' in en and 'maxlength="1000"' in en
    cy = staff_client.get("/cy/services/food-bank").get_data(as_text=True)
    assert "Oes rhywbeth o&#39;i le yma?" in cy or "Oes rhywbeth o'i le yma?" in cy
    assert 'action="/cy/services/food-bank/correction"' in cy


def test_a_suggestion_is_queued_and_the_resident_thanked(staff_client, db_path):
    r = post(staff_client, message="Phone changed to 01632 960123", contact="jo@example.org")
    assert r.status_code == 303 and r.headers["Location"].endswith("/services/food-bank#correction")
    page = staff_client.get("/services/food-bank").get_data(as_text=True)
    assert "Thank you. Staff will check this entry." in page
    [item] = queued(db_path)
    assert (item.slug, item.lang, item.contact) == ("food-bank", "en", "jo@example.org")
    # the contact stays in the staff database only, never in the analytics one
    staff_client.get("/search?q=food")
    assert b"jo@example.org" not in db_path.read_bytes()


def test_welsh_suggestions_go_back_to_the_welsh_page(staff_client, db_path):
    r = post(staff_client, prefix="/cy", message="Mae'r rhif ffôn wedi newid")
    assert r.status_code == 303 and r.headers["Location"].endswith("/cy/services/food-bank#correction")
    assert queued(db_path)[0].lang == "cy"


def test_honeypot_filled_is_dropped_quietly(staff_client, db_path):
    r = post(staff_client, website_url="http://spam.example")
    assert r.status_code == 303
    assert queued(db_path) == []


def test_without_a_csrf_token_it_is_refused(staff_client, db_path):
    r = staff_client.post("/services/food-bank/correction", data={"message": "x", "website_url": ""})
    assert r.status_code == 400
    assert queued(db_path) == []


def test_empty_or_too_long_is_shown_again_with_the_reason(staff_client, db_path):
    r = post(staff_client, message="   ")
    assert r.status_code == 400 and "Please say what is wrong." in r.get_data(as_text=True)
    r = post(staff_client, message="x" * 1001, contact="kept@example.org")
    body = r.get_data(as_text=True)
    assert r.status_code == 400 and "under 1000 characters" in body and "kept@example.org" in body
    assert queued(db_path) == []


def test_unknown_entry_is_404(staff_client):
    token = csrf_token(staff_client, "/services/food-bank")
    r = staff_client.post("/services/no-such/correction", data={"message": "x", "csrf_token": token})
    assert r.status_code == 404


def test_rate_limit_per_client_address(staff_client, staff_app, db_path):
    for _ in range(5):
        assert post(staff_client).status_code == 303
    r = post(staff_client)
    assert r.status_code == 429
    assert "try again in an hour" in r.get_data(as_text=True)
    assert len(queued(db_path)) == 5
    other = staff_app.test_client()  # another address is not held back
    token = csrf_token(other, "/services/food-bank")
    r = other.post(
        "/services/food-bank/correction",
        data={"message": "x", "csrf_token": token},
        environ_overrides={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert r.status_code == 303


def test_the_client_address_is_never_stored(staff_client, staff_app, db_path):
    token = csrf_token(staff_client, "/services/food-bank")
    staff_client.post(
        "/services/food-bank/correction",
        data={"message": "x", "csrf_token": token},
        environ_overrides={"REMOTE_ADDR": "198.51.100.23"},
    )
    limiter = staff_app.extensions["signpost_correction_limiter"]
    assert all(len(k) == 16 and b"198.51" not in k for k in limiter._events)
    for path in (db_path, staff_db_path(db_path)):
        assert b"198.51.100.23" not in path.read_bytes()


# --- the staff side ----------------------------------------------------------------------------
def test_staff_see_suggestions_next_to_the_entry_and_mark_them_done(staff_client, db_path):
    post(staff_client, message="Opening hours are wrong", contact="07700 900123")
    login(staff_client)
    page = staff_client.get("/staff/").get_data(as_text=True)
    assert "Opening hours are wrong" in page and "07700 900123" in page and "Caia food bank" in page
    edit_page = staff_client.get("/staff/edit/food-bank").get_data(as_text=True)
    assert "Opening hours are wrong" in edit_page  # beside the form for that entry
    [item] = queued(db_path)
    token = csrf_token(staff_client, "/staff/")
    r = staff_client.post(
        f"/staff/corrections/{item.id}/done", data={"csrf_token": token, "next": "/staff/corrections"}
    )
    assert r.status_code == 303 and r.headers["Location"].endswith("/staff/corrections")
    assert queued(db_path)[0].status == "done"
    assert "Opening hours are wrong" not in staff_client.get("/staff/corrections").get_data(as_text=True)
    assert "Opening hours are wrong" in staff_client.get("/staff/corrections?status=all").get_data(
        as_text=True
    )
    r = staff_client.post(f"/staff/corrections/{item.id}/done", data={"csrf_token": token})
    assert r.status_code == 404


def test_viewers_cannot_mark_done_and_nobody_without_login(staff_client, staff_app, db_path):
    post(staff_client)
    [item] = queued(db_path)
    anonymous = staff_app.test_client()
    token = csrf_token(anonymous, "/staff/login")
    r = anonymous.post(f"/staff/corrections/{item.id}/done", data={"csrf_token": token})
    assert r.status_code == 302 and "/staff/login" in r.headers["Location"]
    login(staff_client, "vic")
    token = csrf_token(staff_client, "/staff/")
    assert (
        staff_client.post(f"/staff/corrections/{item.id}/done", data={"csrf_token": token}).status_code == 403
    )
    assert queued(db_path)[0].is_open
