"""The areas a directory's entries are in, and their names in Welsh.

An entry names its area in `area` and may give the Welsh name in `area_cy`. Volunteers often write
the Welsh name on one entry of an area and not on the others, so the Welsh name of an area is the
one its entries give (the one most of them give, when they differ), for every entry in that area;
the English name is shown only where no entry gives a Welsh one. The English name stays the area's
value everywhere it is kept or linked (the site's `?area=` filter, the bot's chosen area).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .entries import Entry


def area_key(area: str) -> str:
    """An area as the filter compares it: lower case, spaces as hyphens ("Caia  park" -> "caia-park")."""
    return "-".join(area.lower().split()) or "-"


class AreaNames:
    """The Welsh names that `entries` give their areas."""

    def __init__(self, entries: Iterable[Entry]):
        given: dict[str, Counter[str]] = {}
        for entry in entries:
            welsh = " ".join((getattr(entry, "area_cy", "") or "").split())
            if entry.area and welsh:
                given.setdefault(area_key(entry.area), Counter())[welsh] += 1
        self._welsh = {key: sorted(names, key=lambda n: (-names[n], n)) for key, names in given.items()}

    def name(self, area: str, lang: str) -> str:
        """`area` (an `Entry.area`) as a page or reply in `lang` names it."""
        if lang == "cy" and area:
            names = self._welsh.get(area_key(area))
            if names:
                return names[0]
        return area

    def of(self, entry: Entry, lang: str) -> str:
        """The area of `entry` in `lang`: its own `area_cy` first, then the one its area's entries give."""
        own = entry.field_in("area", lang)
        return own if own != entry.area else self.name(entry.area, lang)

    def names(self, area: str) -> list[str]:
        """Every name `area` is known by: itself, then each Welsh name its entries give."""
        return [area] + [n for n in self._welsh.get(area_key(area), []) if n != area]
