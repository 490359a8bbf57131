"""Starting the website: `signpost serve`, `flask --app directory run`, the secret key, the Welsh catalogue."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner
from conftest import serve_args, signpost_serve

from directory import create_app, i18n
from directory.settings import persistent_secret_key
from signpost.cli import cli
from signpost.config import BUNDLED_CONTENT

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "directory" / "translations" / "cy" / "LC_MESSAGES" / "messages.po"
WELSH_PLURALS = "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;"


# --- signpost serve --------------------------------------------------------------------------


def test_serve_builds_the_index_and_runs_waitress(content_dir, tmp_path, monkeypatch):
    import waitress

    calls = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.update(app=app, **kw))
    monkeypatch.setenv("SIGNPOST_SECRET_KEY", "from-the-environment")
    index = tmp_path / "idx"
    result = CliRunner().invoke(cli, serve_args(content_dir, index, tmp_path / "stats.db", "--port", "5099"))
    assert result.exit_code == 0, result.output
    assert "(first run)" in result.output
    assert "http://127.0.0.1:5099/" in result.output
    assert (calls["host"], calls["port"], calls["threads"]) == ("127.0.0.1", 5099, 4)
    app = calls["app"]
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["DB_PATH"] == tmp_path / "stats.db"
    assert index.exists()
    assert app.test_client().get("/search?q=food").status_code == 200
    assert (tmp_path / "stats.db").exists()  # searches are counted (anonymously) for the staff


def test_serve_reports_a_busy_port(content_dir, tmp_path, monkeypatch):
    import waitress

    def busy(app, **kw):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(waitress, "serve", busy)
    monkeypatch.setenv("SIGNPOST_SECRET_KEY", "x")
    result = CliRunner().invoke(cli, serve_args(content_dir, tmp_path / "i", tmp_path / "d.db"))
    assert result.exit_code != 0
    assert "Error: cannot listen on 127.0.0.1:5000 (Address already in use)" in result.output
    assert "Try --port 5001" in result.output


def test_serve_has_help():

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--content", "--index", "--host", "--port", "--db"):
        assert option in result.output


@pytest.mark.slow
def test_signpost_serve_for_real(content_dir, tmp_path):
    """The real command in its own process, answering on a loopback port."""
    env = {**os.environ, "SIGNPOST_SECRET_KEY": "test"}
    args = ["--content", str(content_dir), "--index", str(tmp_path / "i"), "--db", str(tmp_path / "d.db")]
    with signpost_serve(args, cwd=tmp_path, env=env) as (port, log):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/cy/", timeout=30) as response:
            assert "Bwyd a hanfodion" in response.read().decode()
    assert f"http://127.0.0.1:{port}/" in log.read_text()


@pytest.mark.slow
def test_flask_finds_the_app(tmp_path):
    env = {
        **os.environ,
        "SIGNPOST_SECRET_KEY": "x",
        "SIGNPOST_INDEX": str(tmp_path / "index"),
        "SIGNPOST_DB": str(tmp_path / "d.db"),
    }
    env.pop("SIGNPOST_CONTENT", None)
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "directory", "routes"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "/services/<slug>/print" in result.stdout
    assert "/cy/search" in result.stdout


def test_create_app_without_config_serves_the_bundled_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("SIGNPOST_CONTENT", raising=False)
    monkeypatch.setenv("SIGNPOST_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("SIGNPOST_DB", str(tmp_path / "stats.db"))
    monkeypatch.setenv("SIGNPOST_SECRET_KEY", "k")
    app = create_app()
    assert app.config["CONTENT_DIR"].resolve() == BUNDLED_CONTENT.resolve()
    assert app.config["INDEX_DIR"] == tmp_path / "index"
    assert app.config["SECRET_KEY"] == "k"
    page = app.test_client().get("/").get_data(as_text=True)
    assert "Food and essentials" in page


# --- the website's settings: defaults, then SIGNPOST_*, then the test mapping ------------------


def _clear_signpost_variables(monkeypatch):
    for name in [n for n in os.environ if n.startswith("SIGNPOST_")]:
        monkeypatch.delenv(name)


def test_the_website_reads_signpost_variables(content_dir, index_dir, tmp_path, monkeypatch):
    _clear_signpost_variables(monkeypatch)
    base = {"TESTING": True, "CONTENT_DIR": content_dir, "INDEX_DIR": index_dir}
    app = create_app(base)
    assert (app.config["STALE_MONTHS"], app.config["RETENTION_DAYS"], app.config["DB_PATH"]) == (
        12,
        365,
        None,
    )
    assert not app.config.get("SESSION_COOKIE_SECURE")

    monkeypatch.setenv("SIGNPOST_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("SIGNPOST_STALE_MONTHS", "6")
    monkeypatch.setenv("SIGNPOST_RETENTION_DAYS", " 30 ")
    monkeypatch.setenv("SIGNPOST_HTTPS", "yes")
    monkeypatch.setenv("SIGNPOST_SECRET_KEY", "1234")  # kept as typed, not read as a number
    app = create_app(base)
    assert app.config["DB_PATH"] == tmp_path / "env.db"
    assert (app.config["STALE_MONTHS"], app.config["RETENTION_DAYS"]) == (6, 30)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SECRET_KEY"] == "1234"
    assert app.extensions["analytics"].retention_days == 30

    app = create_app({**base, "DB_PATH": tmp_path / "mine.db", "STALE_MONTHS": 3, "SECRET_KEY": "t"})
    assert (app.config["DB_PATH"], app.config["STALE_MONTHS"], app.config["SECRET_KEY"]) == (
        tmp_path / "mine.db",
        3,
        "t",
    ), "the test mapping wins over the environment"


def test_a_bad_signpost_variable_is_named(content_dir, index_dir, tmp_path, monkeypatch):
    import waitress

    _clear_signpost_variables(monkeypatch)
    monkeypatch.setenv("SIGNPOST_RETENTION_DAYS", "a year")
    with pytest.raises(ValueError, match="SIGNPOST_RETENTION_DAYS must be a whole number, not 'a year'"):
        create_app({"TESTING": True, "CONTENT_DIR": content_dir, "INDEX_DIR": index_dir})
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: pytest.fail("the site must not start"))
    args = ["serve", "--content", str(content_dir), "--index", str(index_dir), "--db", str(tmp_path / "d.db")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: cannot start the website: SIGNPOST_RETENTION_DAYS must be a whole number, not 'a year'"
    )


def test_create_app_starts_watching_from_config(content_dir, index_dir):
    base = {"TESTING": True, "CONTENT_DIR": content_dir, "INDEX_DIR": index_dir}
    assert not create_app(base).extensions["signpost"].watching  # tests ask for it
    core = create_app({**base, "WATCH_CONTENT": True}).extensions["signpost"]
    try:
        assert core.watching
    finally:
        core.stop_watching()


# --- the secret key --------------------------------------------------------------------------


def test_secret_key_is_made_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SIGNPOST_SECRET_KEY", raising=False)
    first = persistent_secret_key(tmp_path)
    assert len(first) == 64
    assert persistent_secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv("SIGNPOST_SECRET_KEY", "env-wins")
    assert persistent_secret_key(tmp_path) == "env-wins"


def test_testing_apps_get_a_random_key(content_dir, index_dir):
    a = create_app({"TESTING": True, "CONTENT_DIR": content_dir, "INDEX_DIR": index_dir})
    b = create_app({"TESTING": True, "CONTENT_DIR": content_dir, "INDEX_DIR": index_dir})
    assert a.config["SECRET_KEY"] and a.config["SECRET_KEY"] != b.config["SECRET_KEY"]


# --- the Welsh catalogue ---------------------------------------------------------------------


def test_catalogue_is_compiled_when_missing_or_older(tmp_path):
    target = tmp_path / "cy" / "LC_MESSAGES"
    target.mkdir(parents=True)
    po = target / "messages.po"
    po.write_bytes(PO.read_bytes())
    assert i18n.compile_catalogues(tmp_path) == tmp_path
    mo = target / "messages.mo"
    assert mo.exists()
    os.utime(mo, (1, 1))
    i18n.compile_catalogues(tmp_path)
    assert mo.stat().st_mtime > 1


def test_every_interface_string_has_a_welsh_translation():
    with PO.open("rb") as fh:
        catalogue = read_po(fh)
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    found = {
        msgid if isinstance(msgid, str) else msgid[0]
        for _file, _line, msgid, _comments, _context in extract_from_dir(ROOT / "directory", method_map)
    }
    # the back office's wording that the staff pages show (babel.cfg's [python: backoffice/analytics.py])
    assert "[python: backoffice/analytics.py]" in (ROOT / "babel.cfg").read_text(encoding="utf-8")
    backoffice = list(extract_from_dir(ROOT / "backoffice", [("analytics.py", "python")]))
    assert backoffice, "backoffice/analytics.py marks the staff page's wording with N_"
    found |= {msgid for _file, _line, msgid, _comments, _context in backoffice}
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalogue if m.id}
    missing = sorted(found - set(translated))
    assert not missing, f"run pybabel extract/update (see babel.cfg) and translate: {missing}"
    for msgid, message in translated.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"no Welsh for {msgid!r}"
        assert not message.fuzzy, f"fuzzy translation for {msgid!r}"
        for placeholder in re.findall(r"%\(\w+\)s", msgid):
            assert all(placeholder in s for s in strings), (msgid, placeholder)


def test_welsh_plural_forms_header():
    assert f'"Plural-Forms: {WELSH_PLURALS}\\n"' in PO.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "variable, name",
    [("MALLOC_ARENA_MAX", "limit_malloc_arenas"), ("MALLOC_MMAP_THRESHOLD_", "large_blocks_own_pages")],
)
def test_serve_tunes_glibc_malloc_unless_the_operator_chose(monkeypatch, variable, name):
    import platform

    from signpost import cmd_serve

    tune = getattr(cmd_serve, name)
    monkeypatch.setenv(variable, "4")
    assert tune() is False  # the operator's setting wins
    monkeypatch.delenv(variable)
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt is glibc's")
    assert tune() is True
