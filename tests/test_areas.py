"""search_index.areas: the Welsh name of an area, from whichever entries give one."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search_index import AreaNames, area_key


def entry(area: str, area_cy: str = "") -> SimpleNamespace:
    e = SimpleNamespace(area=area, area_cy=area_cy)
    e.field_in = lambda name, lang: (e.area_cy or e.area) if lang == "cy" else e.area
    return e


ENTRIES = [
    entry("Caia Park"),
    entry("Caia Park", "Parc Caia"),
    entry("caia  park", "Parc Caia"),  # the same area, as the filter compares it
    entry("Caia Park", "Parc  Caia Wrecsam"),  # outvoted: the name most entries give wins
    entry("Hightown"),
    entry("Gwersyllt", "Gwersyllt"),
]


@pytest.mark.parametrize(
    "area, lang, name",
    [
        ("Caia Park", "cy", "Parc Caia"),
        ("CAIA PARK", "cy", "Parc Caia"),
        ("Caia Park", "en", "Caia Park"),
        ("Hightown", "cy", "Hightown"),  # no entry gives a Welsh name
        ("Gwersyllt", "cy", "Gwersyllt"),
        ("Nowhere", "cy", "Nowhere"),
        ("", "cy", ""),
    ],
)
def test_an_area_is_named_by_what_its_entries_give(area, lang, name):
    assert AreaNames(ENTRIES).name(area, lang) == name


def test_an_entry_s_own_welsh_name_comes_first():
    names = AreaNames(ENTRIES)
    assert names.of(ENTRIES[3], "cy") == "Parc  Caia Wrecsam"
    assert names.of(ENTRIES[0], "cy") == "Parc Caia"
    assert names.of(ENTRIES[0], "en") == "Caia Park"


def test_every_name_of_an_area_is_known_for_reading_it():
    names = AreaNames(ENTRIES)
    assert names.names("Caia Park") == ["Caia Park", "Parc Caia", "Parc Caia Wrecsam"]
    assert names.names("Gwersyllt") == ["Gwersyllt"] and names.names("Hightown") == ["Hightown"]


def test_the_key_is_the_filter_s():
    assert area_key("Caia  park") == area_key("caia park") == "caia-park"
