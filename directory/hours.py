"""Opening hours are free text written by volunteers; read the simple forms to answer "open now?".

Understood: "Monday to Friday 9am to 5pm", "Mon-Fri 9:00-17:00", "Tuesdays 9:30-12:00",
"Monday, Wednesday and Friday 10am-2pm; Saturday 10am-1pm", "9am-5pm weekdays", "Daily 8am to 8pm",
"24 hours", "24/7", "any time, day or night". Anything else reads as "not known" (None), never as
open or closed: it is better to say we do not know than to send someone to a locked door.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_ALIASES = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_GROUPS = {
    "weekdays": range(5), "weekday": range(5), "weekends": (5, 6), "weekend": (5, 6),
    "daily": range(7), "every day": range(7), "everyday": range(7), "7 days a week": range(7),
    "seven days a week": range(7),
}  # fmt: skip

_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun"
)
_GROUP = "|".join(sorted((re.escape(g) for g in _GROUPS), key=len, reverse=True))
_TIME = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday|midnight)"
_TO = r"\s*(?:-|to|until|till|til)\s*"
_ALWAYS = r"24\s*hours|24\s*/\s*7|24\s*hrs|any\s*time|day\s+(?:and|or)\s+night|round\s+the\s+clock"
_TOKEN = re.compile(
    rf"(?P<always>{_ALWAYS})"
    rf"|(?P<range>\b(?P<t1>{_TIME}){_TO}(?P<t2>{_TIME})(?![\w:]))"
    rf"|(?P<dayrange>\b(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\b)"
    rf"|(?P<group>\b(?:{_GROUP})\b)"
    rf"|(?P<day>\b(?:{_DAY})\b)"
)


@dataclass(frozen=True)
class Session:
    """Open on `days` (0 = Monday) from `opens` to `closes`, in minutes after midnight."""

    days: tuple[int, ...]
    opens: int
    closes: int

    def covers(self, when: dt.datetime) -> bool:
        minute = when.hour * 60 + when.minute
        return when.weekday() in self.days and self.opens <= minute < self.closes

    def ical(self) -> dict:
        """As Open Referral schedule fields (RFC 5545 style)."""
        return {
            "freq": "WEEKLY",
            "byday": ",".join(ICAL_DAYS[d] for d in self.days),
            "opens_at": _hhmm(self.opens),
            "closes_at": _hhmm(self.closes),
        }


ALWAYS = (Session(tuple(range(7)), 0, 24 * 60),)


def parse_hours(text: str) -> tuple[Session, ...] | None:
    """The sessions in `text`, or None when they cannot be read with confidence."""
    t = (text or "").lower().replace("–", "-").replace("—", "-").replace("a.m.", "am").replace("p.m.", "pm")
    if not t.strip():
        return None
    sessions: list[Session] = []
    days: list[int] = []
    span: tuple[int, int] | None = None
    always = False
    times_first: bool | None = None  # "9am-5pm Mon-Fri" rather than "Mon-Fri 9am-5pm"

    def flush() -> None:
        nonlocal days, span
        if days and span:
            sessions.append(Session(tuple(sorted(set(days))), *span))
            days, span = [], None

    for m in _TOKEN.finditer(t):
        if m.group("always"):
            always = True
            continue
        if times_first is None:
            times_first = bool(m.group("range"))
        if m.group("range"):
            new_span = _time_range(m.group("t1"), m.group("t2"))
            if new_span is None:
                return None
            if times_first:
                flush()
                span = new_span
            elif days:
                span = new_span
                flush()
            else:  # a second time range for the same days ("Monday 9-12, 1-5"): keep the days
                if not sessions:
                    return None
                sessions.append(Session(sessions[-1].days, *new_span))
        else:
            days.extend(_days(m))
    flush()
    if always and not sessions:
        return ALWAYS
    if not sessions or days or span:  # days without times ("Tuesdays, ask for the time"): not known
        return None
    return tuple(sessions)


def is_open(text: str, when: dt.datetime) -> bool | None:
    """True or False when the hours can be read, None when they cannot."""
    sessions = parse_hours(text)
    if sessions is None:
        return None
    return any(s.covers(when) for s in sessions)


def _days(m: re.Match) -> list[int]:
    if m.group("dayrange"):
        a, b = _day_number(m.group("d1")), _day_number(m.group("d2"))
        return list(range(a, b + 1)) if a <= b else list(range(a, 7)) + list(range(0, b + 1))
    if m.group("group"):
        return list(_GROUPS[" ".join(m.group("group").split())])
    return [_day_number(m.group("day"))]


def _day_number(word: str) -> int:
    word = word.rstrip("s") if word.endswith("days") else word
    for i, name in enumerate(DAY_NAMES):
        if word == name:
            return i
    return _DAY_ALIASES[word]


def _time_range(a: str, b: str) -> tuple[int, int] | None:
    start, start_half = _clock(a)
    end, end_half = _clock(b)
    if start is None or end is None:
        return None
    if start_half is None and end_half == "pm" and start < 12 * 60 and start + 12 * 60 <= end:
        start += 12 * 60  # "1-3pm"
    if start_half is None and end_half is None and end <= start and end < 12 * 60:
        end += 12 * 60  # "10-2" on a 12-hour clock
    if end == 0:
        end = 24 * 60  # "until midnight"
    if not 0 <= start < end <= 24 * 60:
        return None
    return start, end


def _clock(text: str) -> tuple[int | None, str | None]:
    text = text.strip()
    if text in ("noon", "midday"):
        return 12 * 60, "pm"
    if text == "midnight":
        return 0, "am"
    m = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?", text)
    if not m:
        return None, None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if minute > 59 or hour > 24 or (half and not 1 <= hour <= 12):
        return None, None
    if half == "pm" and hour != 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return hour * 60 + minute, half


def _hhmm(minutes: int) -> str:
    minutes = min(minutes, 24 * 60 - 1)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
