"""Validation of entry files: every problem is PATH:LINE with something a volunteer can do."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from search_index.entries import (
    ContentError,
    Entry,
    load_directory,
    parse_ages,
    parse_entry,
    parse_entry_text,
)

CATS = {"food", "money", "crisis", "parenting"}
MISTAKES = Path(__file__).with_name("entry_mistakes.yml")  # front matter, line, what the message says


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """---
title: Parent group
summary: A weekly group for parents.
categories: [parenting, food]
tags: [mums, dads]
hours: "Tuesdays 9:30 to 12:00"
verified: 2025-04-11
ages: 0-18
cost: Free
languages: [en, cy]
contact_via: family-hub
---

Come along **every week**.
"""


def test_good_entry_loads_every_field(tmp_path):
    entry, problems = parse_entry(write(tmp_path, "parent-group.md", GOOD), CATS)
    assert problems == []
    assert entry.slug == "parent-group"
    assert entry.categories == ("parenting", "food")
    assert entry.hours == "Tuesdays 9:30 to 12:00"
    assert entry.verified == dt.date(2025, 4, 11)
    assert entry.is_free
    assert entry.age_range.includes(7) and not entry.age_range.includes(19)
    assert entry.body == "Come along **every week**."


@pytest.mark.parametrize(
    "front, line, expected",
    [(m["front"], m["line"], m["says"]) for m in yaml.safe_load(MISTAKES.read_text(encoding="utf-8"))],
)
def test_a_mistake_is_named_at_its_line_with_the_fix(tmp_path, front, line, expected):
    path = write(tmp_path, "broken.md", f"---\n{front}---\nBody\n")
    entry, problems = parse_entry(path, CATS)
    errors = [p for p in problems if p.severity == "error"]
    assert entry is None and errors, [str(p) for p in problems]
    assert (errors[0].line, expected in errors[0].message) == (line, True), [str(p) for p in problems]
    assert all(p.line == line for p in errors), [str(p) for p in problems]
    assert all(str(p).startswith(f"{path}:") for p in problems)
    # the one warning an entry without a phone, email, website or address gets, and no other
    assert all("no way to get in touch" in p.message for p in problems if p.severity != "error")


def test_no_front_matter(tmp_path):
    entry, problems = parse_entry(write(tmp_path, "plain.md", "# Just a heading\n"), CATS)
    assert entry is None
    assert problems[0].line == 1 and "must start with a line '---'" in problems[0].message


def test_bad_file_name(tmp_path):
    entry, problems = parse_entry(write(tmp_path, "Bad Name.md", GOOD), CATS)
    assert entry is None and "lowercase words joined by '-'" in problems[0].message


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes(GOOD.replace("Parent", "Caf\xe9").encode("latin-1"))
    entry, problems = parse_entry(path, CATS)
    assert entry is None and "UTF-8" in problems[0].message


@pytest.mark.parametrize(
    "line, field, value, hint",
    [
        ("hours: 9:30", "hours", "9:30", 'hours: "9:30"'),
        ("phone: 101", "phone", "101", 'phone: "101"'),
        ("cost: no", "cost", "no", 'cost: "no"'),
        ("area: null", "area", "null", 'area: "null"'),
    ],
)
def test_yaml_11_traps_keep_the_text_and_warn(tmp_path, line, field, value, hint):
    path = write(tmp_path, "trap.md", f"---\ntitle: X\nsummary: Y\ncategories: [food]\n{line}\n---\n")
    entry, problems = parse_entry(path, CATS)
    assert entry is not None, problems
    assert getattr(entry, field) == value
    warning = [p for p in problems if p.severity == "warning"]
    assert warning and warning[0].line == 5 and hint in warning[0].message


def test_language_no_stays_norwegian(tmp_path):
    path = write(
        tmp_path, "nor.md", "---\ntitle: X\nsummary: Y\ncategories: [food]\nlanguages: [en, no]\n---\n"
    )
    entry, problems = parse_entry(path, CATS)
    assert entry.languages == ("en", "no")
    assert any('quote it: "no"' in p.message for p in problems)


def test_unknown_key_is_a_warning_with_a_suggestion(tmp_path):
    path = write(
        tmp_path,
        "typo.md",
        "---\ntitle: X\nsummary: Y\ncategories: [food]\nphnoe: '101'\nphone: '101'\n---\n",
    )
    entry, problems = parse_entry(path, CATS)
    assert entry is not None
    assert [(p.severity, p.line) for p in problems] == [("warning", 5)]
    assert "did you mean 'phone'?" in problems[0].message


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("8-18", 8, 18),
        ("60+", 60, None),
        ("under 5", 0, 4),
        ("16 to 24", 16, 24),
        ("18 and over", 18, None),
        ("all ages", 0, None),
        ("0-1", 0, 1),
        ("11–16", 11, 16),
    ],
)
def test_parse_ages(text, low, high):
    ages = parse_ages(text)
    assert (ages.low, ages.high) == (low, high)


def test_parse_ages_unreadable():
    assert parse_ages("young people") is None


def test_broken_entry_does_not_stop_the_rest(tmp_path):
    (tmp_path / "services").mkdir()
    write(tmp_path, "categories.yml", "- id: food\n  name: Food\n  name_cy: Bwyd\n")
    write(tmp_path / "services", "good.md", "---\ntitle: Good\nsummary: Fine.\ncategories: [food]\n---\n")
    write(tmp_path / "services", "bad.md", "---\ntitle: Bad\ncategories: [nope]\n---\n")
    d = load_directory(tmp_path)
    assert [e.slug for e in d.entries] == ["good"]
    assert {p.line for p in d.errors} == {2, 3}


def test_missing_content_folder(tmp_path):
    with pytest.raises(ContentError, match="no such content folder"):
        load_directory(tmp_path / "nowhere")
    with pytest.raises(ContentError, match="no categories file"):
        load_directory(tmp_path)


# --- sources, contact_via and the Welsh fields ----------------------------------------------------
SOURCED = """---
title: Advice centre
summary: Advice.
categories: [money]
phone: "01978 000000"
sources:
  - url: https://www.example.org/contact
    checked: 2026-11-29
    states: [phone, address]
  - document: "A strategy paper, 2008"
    checked: 2007-12-01
hours_cy: "Dydd Llun"
hours: "Mondays"
cost: Free of charge
referral_cy: Galwch heibio
---

English text.

<!-- cy -->

Testun Cymraeg.
"""


def test_sources_and_welsh_fields_load_and_round_trip(tmp_path):
    entry, problems = parse_entry(write(tmp_path, "advice.md", SOURCED), CATS)
    assert problems == []
    assert [(s.url, s.document, s.checked, s.states) for s in entry.sources] == [
        ("https://www.example.org/contact", "", dt.date(2026, 11, 29), ("phone", "address")),
        ("", "A strategy paper, 2008", dt.date(2007, 12, 1), ()),
    ]
    assert (entry.body, entry.body_cy) == ("English text.", "Testun Cymraeg.")
    assert entry.body_in("cy") == "Testun Cymraeg." and entry.body_in("en") == "English text."
    assert entry.field_in("hours", "cy") == "Dydd Llun" and entry.field_in("hours", "en") == "Mondays"
    assert entry.field_in("cost", "cy") == "Am ddim" and entry.field_in("cost", "en") == "Free of charge"
    assert entry.field_in("referral", "cy") == "Galwch heibio" and entry.field_in("access", "cy") == ""
    assert Entry.from_dict(entry.to_dict()) == entry


def test_a_cost_that_is_not_just_free_stays_as_written_without_cost_cy():
    entry = Entry(slug="x", title="X", summary="Y", categories=("food",), cost="Free for under 5s")
    assert entry.field_in("cost", "cy") == "Free for under 5s"


def test_contact_via_must_name_an_entry_and_no_contact_is_a_warning(tmp_path):
    (tmp_path / "categories.yml").write_text("- {id: food, name: Food, name_cy: Bwyd}\n", encoding="utf-8")
    services = tmp_path / "services"
    services.mkdir()
    write(services, "the-hub.md", "---\ntitle: Hub\nsummary: S.\ncategories: [food]\nphone: '101'\n---\n")
    write(services, "group.md", "---\ntitle: G\nsummary: S.\ncategories: [food]\ncontact_via: the-hub\n---\n")
    write(services, "typo.md", "---\ntitle: T\nsummary: S.\ncategories: [food]\ncontact_via: the-hb\n---\n")
    write(services, "lonely.md", "---\ntitle: L\nsummary: S.\ncategories: [food]\n---\n")
    d = load_directory(tmp_path)
    assert sorted(e.slug for e in d.entries) == ["group", "lonely", "the-hub"]
    assert [(Path(p.path).name, p.line, p.severity) for p in d.problems] == [
        ("lonely.md", 2, "warning"),
        ("typo.md", 5, "error"),
    ]
    assert "no way to get in touch" in d.problems[0].message
    assert "did you mean 'the-hub'?" in d.problems[1].message


def test_text_is_checked_as_its_file_would_be(tmp_path):
    """The staff editor checks a form's text before it is a file: the same entry, the same messages."""
    broken = (
        "---\ntitle: Food bank\nsummary: Parcels\ncategories: [food, snorkelling]\nphone: 01978\n---\nBody\n"
    )
    for text in (broken, broken.replace(", snorkelling", "").replace("phone: 01978\n", "")):
        path = tmp_path / "food-bank.md"
        path.write_text(text, encoding="utf-8")
        from_file = parse_entry(path, CATS, shown="content/services/food-bank.md")
        from_text = parse_entry_text(text, "food-bank", CATS, shown="content/services/food-bank.md")
        assert from_text == from_file
    assert from_text[0] is not None and from_text[0].path == "services/food-bank.md"  # in the content folder
    assert not [p for p in from_file[1] if p.severity == "error"]
    assert any("snorkelling" in p.message for p in parse_entry_text(broken, "food-bank", CATS)[1])


def test_text_under_a_bad_name_is_refused_with_the_file_name():
    entry, problems = parse_entry_text("---\ntitle: X\n---\n", "Food Bank", CATS)
    assert entry is None
    assert [(p.path, p.line) for p in problems] == [("Food Bank.md", 1)]
    assert "must be lowercase words joined by '-'" in problems[0].message
