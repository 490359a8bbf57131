"""The entry fields for places, opening times, organisation details and sources: read and checked."""

from __future__ import annotations

import textwrap

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
