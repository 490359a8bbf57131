"""`signpost export` and `signpost import oruk`: the official sample feed, a feed served over real HTTP,
round trips through JSON and the tabular package, updates, and broken feeds."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from conftest import ENTRIES, make_content
from oruk_schema import assert_valid, file_schema, schema_dir
from test_oruk_api import PLACES

from directory import oruk
from search_index import load_directory
from signpost.cli import cli


def sample_feed() -> Path:
    return schema_dir().parent / "sample-feed"


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def content(tmp_path) -> Path:
    return make_content(tmp_path / "content", {**ENTRIES, **PLACES})


def export_json(content: Path, out: Path) -> list[dict]:
    run("export", "--content", str(content), "--out", str(out))
    return json.loads(out.read_text(encoding="utf-8"))


# --- export ------------------------------------------------------------------------------------


def test_export_json_is_a_valid_service_package(content, tmp_path):
    services = export_json(content, tmp_path / "feed.json")
    assert_valid(services, file_schema("compiled/service_package.json"))
    assert len(services) == len(ENTRIES) + len(PLACES)  # closed services too
    assert {s["id"] for s in services} >= {oruk.service_id("food-bank"), oruk.service_id("closed-service")}


def test_export_to_standard_output_and_with_the_site_address(content):
    result = run("export", "--content", str(content), "--site-url", "https://signpost.example.org/")
    services = json.loads(result.stdout)
    youth = next(s for s in services if s["name"] == "Wrexham youth club")
    assert youth["url"] == "https://signpost.example.org/services/youth-club"


def test_export_csv_is_a_tabular_data_package(content, tmp_path):
    run("export", "--content", str(content), "--format", "oruk-csv", "--out", str(tmp_path / "pkg"))
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text())
    assert descriptor["profile"] == "tabular-data-package"
    names = {r["name"] for r in descriptor["resources"]}
    assert {"services", "organizations", "locations", "schedules", "taxonomy_terms", "attributes"} <= names
    for resource in descriptor["resources"]:
        header = (tmp_path / "pkg" / resource["path"]).read_text().splitlines()[0].split(",")
        assert header == [f["name"] for f in resource["schema"]["fields"]]


# --- round trips -----------------------------------------------------------------------------


def test_round_trip_json(content, tmp_path):
    first = tmp_path / "first.json"
    export_json(content, first)
    run("import", "oruk", str(first), "--content", str(tmp_path / "empty"))
    assert not load_directory(tmp_path / "empty").errors
    second = tmp_path / "second.json"
    export_json(tmp_path / "empty", second)
    assert second.read_text() == first.read_text()


def test_round_trip_tabular(content, tmp_path):
    run("export", "--content", str(content), "--format", "oruk-csv", "--out", str(tmp_path / "one"))
    run("import", "oruk", str(tmp_path / "one"), "--content", str(tmp_path / "empty"))
    run(
        "export", "--content", str(tmp_path / "empty"), "--format", "oruk-csv", "--out", str(tmp_path / "two")
    )
    for path in sorted((tmp_path / "one").iterdir()):
        assert (tmp_path / "two" / path.name).read_text() == path.read_text(), path.name


def test_imported_entry_keeps_places_times_and_organisation(content, tmp_path):
    export_json(content, tmp_path / "feed.json")
    run("import", "oruk", str(tmp_path / "feed.json"), "--content", str(tmp_path / "new"))
    hub = next(e for e in load_directory(tmp_path / "new").entries if e.slug == "town-hub")
    assert (hub.organisation, hub.organisation_website, hub.organisation_email) == (
        "Example Advice Trust",
        "https://example.org/trust",
        "trust@example.org",
    )
    assert [(loc.name, loc.postcode, loc.latitude) for loc in hub.locations] == [
        ("2 Example Street, Wrexham", "LL11 1AA", 53.046),
        ("Example library", "LL13 8BB", 53.03),
    ]
    assert [(t.byday, t.opens, t.closes) for t in hub.opening_times] == [
        ("MO,WE", "10:00", "14:00"),
        ("SA", "09:00", "12:00"),
    ]
    assert hub.categories == ("advice", "money") and hub.ages == "16-25"
    text = (tmp_path / "new" / "services" / "town-hub.md").read_text()
    assert "sources:\n  - document:" in text and "checked: " in text


# --- the official sample feed ------------------------------------------------------------------


def test_import_the_sample_feed_folder(tmp_path):
    result = run("import", "oruk", str(sample_feed()), "--content", str(tmp_path / "c"))
    assert "1 new" in result.stdout
    # the sample's coordinates (100, 101) are not on Earth: said so, and left out
    assert "not on Earth" in result.stderr
    directory = load_directory(tmp_path / "c")
    assert not directory.errors
    (entry,) = directory.entries
    assert entry.title == "Community Counselling"
    assert (entry.email, entry.website, entry.ages, entry.status) == (
        "email@example.com",
        "http://example.com/counselling",
        "12-100",
        "active",
    )
    assert entry.organisation == "Example Organization Inc."
    assert [(t.byday, t.opens, t.closes) for t in entry.opening_times] == [("TH,FR", "10:00", "18:00")]
    assert entry.locations[0].address == "1-30 Main Street" and entry.locations[0].latitude is None
    assert entry.verified.isoformat() == "2005-01-01"


class SampleApi(BaseHTTPRequestHandler):
    """The sample feed served as the validator's mock API does; one service id answers 500."""

    routes = {
        "/": "api_details.json",
        "/services": "service_list.json",
        "/services/ac148810-d857-441c-9679-408f346de14b": "service_full.json",
    }
    broken: set[str] = set()

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = urlsplit(self.path).path.rstrip("/") or "/"
        if path in self.broken:
            self.send_error(500)
            return
        name = self.routes.get(path)
        if name is None:
            self.send_error(404)
            return
        body = (sample_feed() / name).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def sample_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SampleApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    SampleApi.broken = set()


def test_import_from_an_api_over_http(sample_api, tmp_path):
    result = run("import", "oruk", sample_api + "/", "--content", str(tmp_path / "c"))
    assert "1 new" in result.stdout
    (entry,) = load_directory(tmp_path / "c").entries
    assert entry.title == "Community Counselling" and entry.opening_times
    text = (tmp_path / "c" / entry.path).read_text()
    assert f'url: "{sample_api}/services/ac148810-d857-441c-9679-408f346de14b"' in text


def test_a_service_the_api_cannot_give_in_full_is_imported_from_the_list(sample_api, tmp_path):
    SampleApi.broken = {"/services/ac148810-d857-441c-9679-408f346de14b"}
    result = run("import", "oruk", sample_api, "--content", str(tmp_path / "c"))
    assert f"{sample_api}/services/ac148810-d857-441c-9679-408f346de14b: HTTP 500" in result.stderr
    (entry,) = load_directory(tmp_path / "c").entries
    assert entry.title == "Community Counselling" and not entry.opening_times


def test_an_api_that_cannot_be_reached_is_one_error_line(tmp_path):
    from conftest import free_port

    result = run(
        "import", "oruk", f"http://127.0.0.1:{free_port()}/", "--content", str(tmp_path / "c"), ok=False
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: http://127.0.0.1:") and "cannot be reached" in result.stderr


# --- updates -------------------------------------------------------------------------------------


def test_existing_entries_are_kept_without_update(content, tmp_path):
    feed = tmp_path / "feed.json"
    export_json(content, feed)
    target = tmp_path / "c"
    run("import", "oruk", str(feed), "--content", str(target))
    path = target / "services" / "food-bank.md"
    path.write_text(path.read_text().replace("Caia food bank", "Caia food bank (edited)"))
    result = run("import", "oruk", str(feed), "--content", str(target))
    assert "0 new" in result.stdout and "food-bank.md: already there" in result.stderr
    assert "(edited)" in path.read_text()


def test_update_keeps_a_newer_local_edit_and_replaces_an_older_one(content, tmp_path):
    feed = tmp_path / "feed.json"
    services = export_json(content, feed)
    target = tmp_path / "c"
    run("import", "oruk", str(feed), "--content", str(target))
    newer = target / "services" / "food-bank.md"
    newer.write_text(newer.read_text().replace("Caia food bank", "Caia food bank (edited)"))
    older = target / "services" / "youth-club.md"
    older.write_text(older.read_text().replace("Wrexham youth club", "Old name"))
    stamp = time.time() - 10 * 365 * 86400
    os.utime(older, (stamp, stamp))
    an_hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    for s in services:  # the feed changed both an hour ago: after the old edit, before the new one
        s["name"] += " (new)"
        s["last_modified"] = oruk.iso(an_hour_ago)
    feed.write_text(json.dumps(services))
    result = run("import", "oruk", str(feed), "--content", str(target), "--update")
    assert "food-bank.md: kept; edited here" in result.stderr
    assert "(edited)" in newer.read_text()
    assert "Wrexham youth club (new)" in older.read_text()
    assert "1 updated" in result.stdout  # the others were imported from a newer feed: kept too


def test_update_with_nothing_new_leaves_files_alone(content, tmp_path):
    feed = tmp_path / "feed.json"
    export_json(content, feed)
    run("import", "oruk", str(feed), "--content", str(tmp_path / "c"))
    result = run("import", "oruk", str(feed), "--content", str(tmp_path / "c"), "--update")
    assert f"{len(ENTRIES) + len(PLACES)} unchanged" in result.stdout


# --- broken feeds --------------------------------------------------------------------------------


def test_a_partly_broken_folder_imports_what_it_can(tmp_path):
    folder = tmp_path / "feed"
    shutil.copytree(sample_feed(), folder)
    (folder / "broken.json").write_text('{"contents": [', encoding="utf-8")
    (folder / "nameless.json").write_text('[{"id": "x", "status": "active"}]', encoding="utf-8")
    result = run("import", "oruk", str(folder), "--content", str(tmp_path / "c"))
    assert f"{folder / 'broken.json'}: not readable JSON" in result.stderr
    assert len(load_directory(tmp_path / "c").entries) == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.json", "no such file or folder"),
        (lambda p: (p / "e.json").write_text("[]") and p / "e.json", "no services found"),
        (lambda p: (p / "x.json").write_text("not json") and p / "x.json", "not readable JSON"),
    ],
)
def test_feeds_with_nothing_to_import_are_one_error_line(tmp_path, make, message):
    source = make(tmp_path)
    result = run("import", "oruk", str(source), "--content", str(tmp_path / "c"), ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {source}: ") and message in result.stderr


def test_a_bad_number_in_a_tabular_package_is_reported(content, tmp_path):
    run("export", "--content", str(content), "--format", "oruk-csv", "--out", str(tmp_path / "pkg"))
    services = tmp_path / "pkg" / "services.csv"
    services.write_text(services.read_text().replace(",8,18,", ",eight,18,"))
    result = run("import", "oruk", str(tmp_path / "pkg"), "--content", str(tmp_path / "c"))
    assert "services.csv: 'minimum_age' of" in result.stderr and "is not a number: 'eight'" in result.stderr
    youth = next(e for e in load_directory(tmp_path / "c").entries if e.slug == "youth-club")
    assert youth.ages == "0-18"


def test_terms_of_other_taxonomies_map_onto_categories(tmp_path):
    service = {
        "id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "name": "Pantry",
        "status": "active",
        "attributes": [
            {"id": "a", "taxonomy_term": {"id": "t1", "name": "Food Pantry", "taxonomy": "Open Eligibility"}},
            {
                "id": "b",
                "taxonomy_term": {"id": "t2", "name": "Housing and homelessness", "taxonomy": "local"},
            },
            {"id": "c", "taxonomy_term": {"id": "t3", "name": "Knitting", "taxonomy": "local"}},
        ],
    }
    (tmp_path / "one.json").write_text(json.dumps(service))
    run("import", "oruk", str(tmp_path / "one.json"), "--content", str(tmp_path / "c"))
    (entry,) = load_directory(tmp_path / "c").entries
    assert entry.categories == ("food", "housing")
    assert entry.tags == ("knitting",)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_round_trip_of_a_generated_directory(tmp_path, seed):
    from oruk_generated import generated_content

    content = generated_content(tmp_path / "c", seed)
    assert not [p for p in load_directory(content).problems if p.severity == "error"]
    for fmt, name in (("oruk-json", "feed.json"), ("oruk-csv", "pkg")):
        run("export", "--content", str(content), "--format", fmt, "--out", str(tmp_path / f"1-{name}"))
        run("import", "oruk", str(tmp_path / f"1-{name}"), "--content", str(tmp_path / f"new-{fmt}"))
        assert not [p for p in load_directory(tmp_path / f"new-{fmt}").problems if p.severity == "error"]
        run(
            "export",
            "--content",
            str(tmp_path / f"new-{fmt}"),
            "--format",
            fmt,
            "--out",
            str(tmp_path / f"2-{name}"),
        )
        one, two = tmp_path / f"1-{name}", tmp_path / f"2-{name}"
        for a in sorted(one.iterdir()) if one.is_dir() else [one]:
            b = two / a.name if one.is_dir() else two
            assert b.read_text() == a.read_text(), (fmt, a.name)


def test_import_from_another_signpost_over_http(tmp_path):
    """A real server on loopback serving Signpost's own API; every visible service comes across."""
    from werkzeug.serving import make_server

    from directory import create_app

    source = make_content(tmp_path / "source", {**ENTRIES, **PLACES})
    app = create_app({"TESTING": True, "CONTENT_DIR": source, "INDEX_DIR": tmp_path / "i", "SECRET_KEY": "t"})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/openreferral"
        run("import", "oruk", url, "--content", str(tmp_path / "copy"))
    finally:
        server.shutdown()
    copied = {e.slug: e for e in load_directory(tmp_path / "copy").entries}
    original = {e.slug: e for e in load_directory(source).entries if e.status != "closed"}
    assert set(copied) == set(original)
    for slug, entry in original.items():
        assert copied[slug].categories == entry.categories, slug
        got = copied[slug]
        assert (got.phone, got.email, got.age_range and (got.age_range.low, got.age_range.high)) == (
            entry.phone,
            entry.email,
            entry.age_range and (entry.age_range.low, entry.age_range.high),
        ), slug
        assert got.website == entry.website, slug  # our page on the source site is not the service's website
    assert copied["town-hub"].opening_times == original["town-hub"].opening_times


def test_a_local_entry_with_the_same_name_is_never_taken_for_the_feeds(tmp_path):
    content = make_content(tmp_path / "c", {"pantry": ENTRIES["food-bank"]})
    service = {"id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "name": "Pantry", "status": "active"}
    (tmp_path / "one.json").write_text(json.dumps(service))
    run("import", "oruk", str(tmp_path / "one.json"), "--content", str(content))
    assert "Caia food bank" in (content / "services" / "pantry.md").read_text()
    assert service["id"] in (content / "services" / "pantry-2.md").read_text()
    service["name"] = "Pantry"
    service["description"] = "Now with a description."
    (tmp_path / "one.json").write_text(json.dumps(service))
    result = run("import", "oruk", str(tmp_path / "one.json"), "--content", str(content), "--update")
    assert "1 updated" in result.stdout
    assert "Now with a description." in (content / "services" / "pantry-2.md").read_text()
    assert "Caia food bank" in (content / "services" / "pantry.md").read_text()
