"""`signpost serve` and the app in front of the internet: request bodies refused at the app's limit by
waitress itself (a real server, a 300 MB body), proxies, trusted host names, HSTS."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_content, serve_args, signpost_serve
from staff_fixtures import login

pytest_plugins = ["staff_fixtures"]  # db_path, accounts, staff_app, staff_client

MB = 1024 * 1024


@pytest.fixture
def served(tmp_path):
    """A real `signpost serve` process on a loopback port."""
    content = make_content(tmp_path / "content")
    env = dict(os.environ, SIGNPOST_SECRET_KEY="serve-test", SIGNPOST_DB=str(tmp_path / "d.db"))
    args = ["--content", str(content), "--index", str(tmp_path / "index")]
    with signpost_serve(args, cwd=tmp_path, env=env) as (port, _log):
        yield port


def _stream(port: int, head: bytes, chunk: bytes, total: int) -> tuple[int, bytes]:
    """Send `head`, then `chunk` repeatedly up to `total` bytes while the server reads; returns how
    many body bytes went out before the server answered or closed, and its answer."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sent = 0
    try:
        sock.sendall(head)
        sock.settimeout(0.05)
        while sent < total:
            try:
                answer = sock.recv(65536)
                if answer:
                    sock.settimeout(5)
                    return sent, answer + sock.recv(65536)
                return sent, b""  # closed
            except TimeoutError:
                pass
            except OSError:
                break
            try:
                sock.sendall(chunk)
            except OSError:  # the server closed the connection
                break
            sent += len(chunk)
        sock.settimeout(5)
        try:
            return sent, sock.recv(65536)
        except OSError:
            return sent, b""
    finally:
        sock.close()


def assert_cut_off(port: int, sent: int, answer: bytes) -> None:
    """The server stopped the body within 20 MB with a 413, and still serves. Waitress answers 413 and
    closes; when the close reaches us as a reset while we are still sending, the kernel drops the
    answer unread, so a connection cut short counts too."""
    assert answer.startswith(b"HTTP/1.1 413") or answer == b"", answer[:200]
    assert sent < 20 * MB
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET /api/search?q=food HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")


@pytest.mark.slow
def test_a_300_mb_body_is_refused_before_it_is_read(served):
    total = 300 * MB
    head = (
        f"POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {total}\r\n\r\n"
    ).encode()
    sent, answer = _stream(served, head, b"a" * MB, total)
    assert_cut_off(served, sent, answer)  # refused at the headers, not after buffering the body


@pytest.mark.slow
def test_a_300_mb_chunked_body_is_cut_off_at_the_limit(served):
    total = 300 * MB
    head = b"POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"%x\r\n" % MB + b"a" * MB + b"\r\n"
    sent, answer = _stream(served, head, chunk, total)
    assert_cut_off(served, sent, answer)  # cut off at the limit, not after buffering the body


def test_serve_tells_waitress_the_apps_body_limit(content_dir, tmp_path, monkeypatch):
    import waitress

    from signpost.cli import cli

    calls = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.update(app=app, **kw))
    monkeypatch.setenv("SIGNPOST_SECRET_KEY", "k")
    assert CliRunner().invoke(cli, serve_args(content_dir, tmp_path / "i", tmp_path / "d.db")).exit_code == 0
    app = calls["app"]
    assert calls["max_request_body_size"] == max(
        app.config["MAX_CONTENT_LENGTH"], app.config["EDITOR_MAX_CONTENT_LENGTH"]
    )
    assert calls["max_request_body_size"] < 2 * MB


# --- behind a proxy ----------------------------------------------------------------------------
def _app(content_dir: Path, index_dir: Path, db_path: Path, **config):
    from directory import create_app

    return create_app(
        {
            "TESTING": True,
            "CONTENT_DIR": content_dir,
            "INDEX_DIR": index_dir,
            "DB_PATH": db_path,
            "SECRET_KEY": "k",
            **config,
        }
    )


def test_trusted_hosts_answer_any_other_host_with_400(content_dir, index_dir, db_path):
    app = _app(content_dir, index_dir, db_path, TRUSTED_HOSTS=["directory.example.org"])
    client = app.test_client()
    assert client.get("/", headers={"Host": "directory.example.org"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_trusted_hosts_and_proxy_hops_come_from_the_environment(content_dir, index_dir, db_path, monkeypatch):
    monkeypatch.setenv("SIGNPOST_TRUSTED_HOSTS", "directory.example.org, .example.net")
    monkeypatch.setenv("SIGNPOST_PROXY_FIX", "1")
    monkeypatch.setenv("SIGNPOST_HTTPS", "1")
    app = _app(content_dir, index_dir, db_path)
    assert app.config["TRUSTED_HOSTS"] == ["directory.example.org", ".example.net"]
    assert app.config["PROXY_FIX"] == 1 and app.config["HTTPS"] is True
    client = app.test_client()
    r = client.get("/", headers={"X-Forwarded-Host": "directory.example.org", "X-Forwarded-Proto": "https"})
    assert r.status_code == 200
    assert r.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert client.get("/", headers={"X-Forwarded-Host": "evil.example"}).status_code == 400


def test_no_hsts_without_https(content_dir, index_dir, db_path):
    r = _app(content_dir, index_dir, db_path, HTTPS=False).test_client().get("/")
    assert "Strict-Transport-Security" not in r.headers


def test_behind_a_proxy_the_login_throttle_counts_the_real_address(content_dir, index_dir, db_path, accounts):
    app = _app(content_dir, index_dir, db_path, PROXY_FIX=1)
    for n in range(20):
        client = app.test_client()
        client.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.5"
        assert login(client, f"name{n}", "wrong password").status_code == 401
    client = app.test_client()
    client.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.5"
    assert login(client, "vic").status_code == 429
    other = app.test_client()
    other.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.6"  # same proxy, another resident
    assert login(other, "vic").status_code == 303
