"""End to end: `signpost serve` as a real process on loopback with SIGNPOST_DB; search over HTTP, the
staff area refuses strangers, an edited file goes live without a restart, the database holds no
personal data (need words only), and `signpost report` lists the unmet need."""

from __future__ import annotations

import http.client
import os
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from conftest import make_content, signpost_serve

LIVE_WITHIN = 10.0  # how long a saved edit may take to show; typically about a second
UNMET = "snorkelling lessons"


def get(port: int, path: str) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.fixture
def server(tmp_path):
    content = make_content(tmp_path / "content")
    db = tmp_path / "stats" / "signpost.db"
    env = dict(os.environ, SIGNPOST_DB=str(db), SIGNPOST_SECRET_KEY="e2e-secret", PYTHONUNBUFFERED="1")
    env.pop("SIGNPOST_CONTENT", None)
    args = ["--content", str(content), "--index", str(tmp_path / "index")]
    with signpost_serve(args, cwd=tmp_path, env=env, ready=lambda port: get(port, "/")[0] == 200) as (
        port,
        log,
    ):
        yield {"port": port, "content": content, "db": db, "log": log, "env": env, "cwd": tmp_path}


def wait_for_page(port: int, path: str, text: str) -> None:
    """Returns once `text` is on the page; fails when it is not there within LIVE_WITHIN seconds."""
    deadline = time.monotonic() + LIVE_WITHIN
    while time.monotonic() < deadline:
        if text in get(port, path)[2]:
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not on {path} within {LIVE_WITHIN} s")


def test_serve_end_to_end(server):
    port = server["port"]
    q = urllib.parse.quote_plus
    status, _h, body = get(port, "/search?q=" + q("food parcel call 07700 900123 or jo.bloggs@example.org"))
    assert status == 200 and "Caia food bank" in body
    for _ in range(2):
        status, _h, body = get(port, "/search?q=" + q(UNMET))
        assert status == 200
    assert get(port, "/api/search?q=debt")[0] == 200

    # strangers are refused by the staff area
    status, headers, body = get(port, "/staff/")
    assert status == 302 and headers["location"].startswith("/staff/login")
    assert get(port, "/staff/report.csv")[0] == 302

    # a saved edit is live without a restart
    path = server["content"] / "services" / "food-bank.md"
    path.write_text(path.read_text().replace("title: Caia food bank", "title: Caia community pantry"))
    wait_for_page(port, "/services/food-bank", "Caia community pantry")
    assert "Caia community pantry" in get(port, "/search?q=" + q("pantry"))[2]

    # a broken edit keeps the last good version and is logged as PATH:LINE: message
    lunch = server["content"] / "services" / "lunch-club.md"
    lunch.write_text(
        lunch.read_text().replace("categories: [older-people, food, community]", "categories: older-people")
    )
    deadline = time.monotonic() + LIVE_WITHIN
    while "lunch-club.md:" not in server["log"].read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "content/services/lunch-club.md:4: 'categories' must be a list" in server["log"].read_text()
    assert "Lunch club for older people" in get(port, "/services/lunch-club")[2]

    # the database: every search, no personal data
    conn = sqlite3.connect(server["db"])
    rows = conn.execute("SELECT channel, words, results FROM searches ORDER BY id").fetchall()
    conn.close()
    assert [r[0] for r in rows[:4]] == ["web", "web", "web", "api"]
    assert rows[0][1] == "food parcel call"
    assert rows[1] == ("web", UNMET, 0)
    raw = b"".join(p.read_bytes() for p in server["db"].parent.glob("signpost.db*"))
    for secret in (b"07700", b"900123", b"jo.bloggs", b"example.org"):
        assert secret not in raw
    assert not any("@" in r[1] for r in rows)

    # the report lists the unmet need
    report = subprocess.run(
        [sys.executable, "-m", "signpost", "report", "--db", str(server["db"])],
        capture_output=True,
        text=True,
        env=server["env"],
        cwd=server["cwd"],
        timeout=60,
    )
    assert report.returncode == 0, report.stderr
    unmet = report.stdout.split("Unmet needs", 1)[1].split("Crisis messages")[0]
    assert f"2  {UNMET}" in unmet
    assert Path(server["db"]).exists()
