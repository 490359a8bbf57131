"""Fixtures and helpers for the staff-area tests (accounts, a site with analytics, logging in)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_app

from backoffice.staff_accounts import StaffAccounts
from backoffice.staff_store import staff_db_path

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "var" / "signpost.db"


@pytest.fixture
def accounts(db_path: Path, monkeypatch) -> StaffAccounts:
    """An editor 'sam' and a viewer 'vic' (hashed with cheap PBKDF2 to keep the tests quick)."""
    monkeypatch.setattr("backoffice.staff_accounts.HASH_METHOD", "pbkdf2:sha256:1000")
    store = StaffAccounts(staff_db_path(db_path))
    store.add("sam", PASSWORD, "editor")
    store.add("vic", PASSWORD, "viewer")
    return store


@pytest.fixture
def staff_app(content_dir: Path, index_dir: Path, db_path: Path, accounts):
    return make_app(content_dir, index_dir, DB_PATH=db_path)


@pytest.fixture
def staff_client(staff_app):
    return staff_app.test_client()


def csrf_token(client, path: str = "/staff/login") -> str:
    """The session's CSRF token, read from a page's form as a browser would."""
    html = client.get(path).get_data(as_text=True)
    m = _TOKEN.search(html)
    assert m, f"no CSRF token on {path}"
    return m.group(1)


def login(client, name: str = "sam", password: str = PASSWORD, prefix: str = ""):
    token = csrf_token(client, f"{prefix}/staff/login")
    return client.post(
        f"{prefix}/staff/login", data={"name": name, "password": password, "csrf_token": token}
    )
