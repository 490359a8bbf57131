"""Freshness: which entries have not been checked (`verified:`) for a while.

An entry is stale when its `verified:` date is more than `months` calendar months ago, or when it
has none. Closed entries are left out: residents never see them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from search_index.entries import Entry

STALE_MONTHS = 12


@dataclass(frozen=True)
class StaleEntry:
    entry: Entry
    months_ago: int | None  # None: never checked

    @property
    def verified(self) -> dt.date | None:
        return self.entry.verified

    def line(self, where: str | None = None) -> str:
        """WHERE: title — last checked DATE (N months ago) / never checked. WHERE is the entry's
        file as the reader should see it (default: its path inside the content folder)."""
        where = where or self.entry.path or f"{self.entry.slug}.md"
        if self.verified is None:
            return f"{where}: {self.entry.title} — never checked"
        unit = "month" if self.months_ago == 1 else "months"
        return f"{where}: {self.entry.title} — last checked {self.verified.isoformat()} ({self.months_ago} {unit} ago)"


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from `earlier` to `later` (0 when later is not after earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def stale_entries(
    entries: Iterable[Entry], months: int = STALE_MONTHS, today: dt.date | None = None
) -> list[StaleEntry]:
    """Entries not checked for `months` months (or never), never-checked first, then oldest first."""
    today = today or dt.date.today()
    cutoff = months_before(today, months)
    out = []
    for e in entries:
        if e.status == "closed":
            continue
        if e.verified is None:
            out.append(StaleEntry(e, None))
        elif e.verified < cutoff:
            out.append(StaleEntry(e, months_between(e.verified, today)))
    return sorted(out, key=lambda s: (s.verified is not None, s.verified or dt.date.min, s.entry.slug))
