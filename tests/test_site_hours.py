"""Reading free-text opening hours for "open now", and saying "not known" when we cannot."""

from __future__ import annotations

import datetime as dt

import pytest

from directory.hours import is_open, parse_hours

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def at(weekday: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 4, 14 + weekday, hour, minute)  # 14 April 2025 was a Monday


# (opening hours as written, times they are open, times they are closed)
OPENING_HOURS = [
    (
        "Monday to Friday 9am to 5pm",
        [at(MON, 9), at(FRI, 16, 59)],
        [at(FRI, 17), at(SAT, 12), at(MON, 8, 59)],
    ),
    ("Mon-Fri 9:00-17:00", [at(WED, 12)], []),
    ("Tuesdays 9:30-12:00", [at(TUE, 9, 30)], [at(TUE, 12), at(WED, 10)]),
    ("Tuesdays 9.30 to 12 noon", [at(TUE, 11)], []),
    ("Thursdays 1-3pm", [at(THU, 14)], [at(THU, 10)]),
    ("Fridays 10-2", [at(FRI, 13)], []),
    (
        "Monday, Wednesday and Friday 10am-2pm; Saturday 10am-1pm",
        [at(WED, 11), at(SAT, 12, 30)],
        [at(TUE, 11)],
    ),
    ("9am-5pm Mon-Fri, 10am-1pm Sat", [at(SAT, 10)], [at(SAT, 14)]),
    ("Monday 9am-12pm, 1pm-5pm", [at(MON, 13, 30)], [at(MON, 12, 30)]),
    ("9am to 5pm weekdays", [], [at(SUN, 10)]),
    ("Weekends 10am to 4pm", [at(SUN, 10)], []),
    ("Daily 8am to 8pm", [at(SUN, 19)], []),
    ("Saturday 6pm to midnight", [at(SAT, 23, 59)], []),
    ("24 hours", [at(SUN, 3)], []),
    ("24/7", [at(WED, 3)], []),
    ("Free, any time, day or night", [at(WED, 3)], []),
]


@pytest.mark.parametrize(("text", "open_at", "closed_at"), OPENING_HOURS)
def test_is_open(text, open_at, closed_at):
    assert [when for when in open_at if is_open(text, when) is not True] == [], text
    assert [when for when in closed_at if is_open(text, when) is not False] == [], text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Tuesdays (ask at the hub for the time)",
        "Weekly (ask at the hub for the day and time)",
        "Ask at reception",
        "9am to 5pm",  # which days?
        "Monday 9am-5pm, Tuesday",  # Tuesday's times are missing
        "Monday 25:00-26:00",
        "Monday 5pm to 9am",
        "Term time only",
    ],
)
def test_hours_that_cannot_be_read_are_not_known(text):
    assert parse_hours(text) is None
    assert is_open(text, at(MON, 12)) is None


def test_schedule_fields_for_open_referral():
    (session,) = parse_hours("Mon-Fri 9:00-17:30")
    assert session.ical() == {
        "freq": "WEEKLY",
        "byday": "MO,TU,WE,TH,FR",
        "opens_at": "09:00",
        "closes_at": "17:30",
    }
