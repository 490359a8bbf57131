"""The entry fields for places, opening times, organisation details and sources: read and checked."""

from __future__ import annotations

import textwrap

import pytest
from conftest import make_content

from search_index import load_directory
from search_index.entries import Location, OpeningTime

HEAD = """\
---
title: Example group
summary: A group.
categories: [community]
"""


def load(tmp_path, front: str):
    text = HEAD + textwrap.dedent(front) + "---\n\nBody.\n"
    content = make_content(tmp_path / "c", {"example-group": text})
    return load_directory(content)


def test_all_the_new_fields(tmp_path):
    d = load(
        tmp_path,
        """\
        organisation: Example Trust
        organisation_website: https://example.org
        organisation_email: office@example.org
        address: "1 Example Street"
        latitude: 53.05
        longitude: -2.99
        opening_times:
          - days: weekdays
            opens: "9:30"
            closes: "17:00"
          - days: [saturday, sun]
            opens: "10:00"
            closes: "12:00"
        locations:
          - name: Example hall
            postcode: "LL00 0XX"
            latitude: 53.1
            longitude: -3
        sources:
          - url: https://example.org/contact
            checked: 2026-11-29
            states: [address]
        """,
    )
    assert not d.problems, [str(p) for p in d.problems]
    (e,) = d.entries
    assert (e.organisation_website, e.organisation_email, e.coordinates) == (
        "https://example.org",
        "office@example.org",
        (53.05, -2.99),
    )
    assert e.opening_times == (
        OpeningTime((0, 1, 2, 3, 4), "09:30", "17:00"),
        OpeningTime((5, 6), "10:00", "12:00"),
    )
    assert e.locations == (Location(name="Example hall", postcode="LL00 0XX", latitude=53.1, longitude=-3.0),)
    assert type(e).from_dict(e.to_dict()) == e  # as the index stores it


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("latitude: 53.05\n", 5, "give both 'latitude' and 'longitude'"),
        ("latitude: 153\nlongitude: 2\n", 5, "'latitude' must be a number from -90 to 90"),
        ("organisation_email: nobody\n", 5, "'organisation_email' does not look like an email"),
        ("organisation_website: example.org\n", 5, "'organisation_website' must start with https://"),
        ("opening_times: weekdays\n", 5, "'opening_times' must be a list of records"),
        (
            "opening_times:\n  - days: [someday]\n    opens: '9:00'\n    closes: '10:00'\n",
            6,
            "'days' cannot be read",
        ),
        (
            "opening_times:\n  - days: [monday]\n    opens: '19:00'\n    closes: '10:00'\n",
            6,
            "must be before",
        ),
        ("opening_times:\n  - days: [monday]\n    opens: noon\n    closes: '13:00'\n", 6, "24-hour clock"),
        (
            "opening_times:\n  - days: [monday]\n    from: '9:00'\n",
            7,
            "'from' is not known in 'opening_times'",
        ),
        ("locations:\n  - city: Wrexham\n", 6, "a location needs at least a 'name'"),
        ("locations:\n  - name: Hall\n    latitude: 1\n", 6, "give both 'latitude' and 'longitude'"),
        ("sources:\n  - url: https://example.org\n", 6, "a source needs 'checked"),
        ("sources:\n  - checked: 2026-01-01\n", 6, "a source needs 'url"),
        ("sources:\n  - url: example.org\n    checked: 2026-01-01\n", 6, "must start with https://"),
    ],
)
def test_mistakes_are_shown_at_their_line(tmp_path, front, line, message):
    d = load(tmp_path, front)
    assert not d.entries
    shown = [str(p) for p in d.errors]
    assert any(f"example-group.md:{line}: " in s and message in s for s in shown), shown


def test_unknown_open_eligibility_ids_are_reported(tmp_path):
    content = make_content(tmp_path / "c", {})
    path = content / "categories.yml"
    path.write_text(
        path.read_text().replace('open_eligibility: ["1102"]', 'open_eligibility: ["1102", "9999"]')
    )
    d = load_directory(content)
    food = next(c for c in d.categories if c.id == "food")
    assert food.open_eligibility == ("1102",)
    assert any("'9999' is not an Open Eligibility term id" in str(p) for p in d.errors)


def test_latitude_needs_no_quotes(tmp_path):
    d = load(tmp_path, "address: x\nlatitude: 53.05\nlongitude: -2.99\n")
    assert not d.warnings


def test_saving_from_the_staff_editor_keeps_places_times_and_sources(tmp_path):
    from backoffice.editing import fields_of, render_entry

    front = """\
        organisation_email: office@example.org
        locations:
          - name: Example hall
            postcode: "LL00 0XX"
        opening_times:
          - days: [monday]
            opens: "09:00"
            closes: "12:00"
        sources:
          - url: https://example.org/contact
            checked: 2026-11-29
        """
    d = load(tmp_path, front)
    (entry,) = d.entries
    original = (tmp_path / "c" / "services" / "example-group.md").read_text()
    saved = render_entry(fields_of(entry), entry.body, original)
    path = tmp_path / "c" / "services" / "example-group.md"
    path.write_text(saved)
    (again,) = load_directory(tmp_path / "c").entries
    assert (again.locations, again.opening_times) == (entry.locations, entry.opening_times)
    assert "sources:\n  - url: https://example.org/contact" in saved
    assert again.organisation_email == "office@example.org"
