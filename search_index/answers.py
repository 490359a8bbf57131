"""Answers as people read them: the crisis message and a plain-text reply, in English and Welsh.

Shared by the CLI (`signpost ask`, `signpost chat`) and the bot, so every front-end says the same
thing in a crisis.
"""

from __future__ import annotations

from collections.abc import Callable

from .areas import AreaNames
from .crisis import CrisisSignal
from .entries import Entry
from .search import Results

CRISIS_LINES = {
    "en": {
        "intro": "It sounds like you might be in danger or going through something very hard. "
        "This service cannot send help itself, but these people can, right now:",
        "999": "If you or someone else is in immediate danger, call 999.",
        "samaritans": "Samaritans: call 116 123, free, any time, day or night.",
        "nhs111": "NHS 111 Wales: call 111 and press 2 for urgent mental health help.",
        "shout": "Shout: text SHOUT to 85258, free, any time, if talking is hard.",
        "livefearfree": "Live Fear Free (domestic abuse, sexual violence): 0808 80 10 800, free, 24 hours.",
        "101": "Police: call 101 to report it when you are safe, or 999 if it is happening now.",
        "helper": "If they are in danger now, call 999. Stay with them if it is safe to, and take away "
        "anything they could use to hurt themselves. You can talk it through with these lines too:",
        "concern": "Are you safe right now? If not, call 999. If you want to talk to someone, any time:",
        "concern_other": "Is someone in danger right now? If they are, call 999 and stay with them if it is "
        "safe to. You can talk it through with these lines, any time:",
    },
    "cy": {
        "intro": "Mae'n swnio fel y gallech fod mewn perygl neu'n mynd trwy rywbeth anodd iawn. "
        "Ni all y gwasanaeth hwn anfon help ei hun, ond gall y bobl hyn, nawr:",
        "999": "Os ydych chi neu rywun arall mewn perygl uniongyrchol, ffoniwch 999.",
        "samaritans": "Samariaid: ffoniwch 116 123, am ddim, unrhyw bryd, ddydd neu nos.",
        "nhs111": "GIG 111 Cymru: ffoniwch 111 a phwyso 2 am help brys gydag iechyd meddwl.",
        "shout": "Shout: tecstiwch SHOUT i 85258, am ddim, unrhyw bryd, os yw siarad yn anodd.",
        "livefearfree": "Byw Heb Ofn (cam-drin domestig, trais rhywiol): 0808 80 10 800, am ddim, 24 awr.",
        "101": "Yr heddlu: ffoniwch 101 i roi gwybod pan fyddwch yn ddiogel, neu 999 os yw'n digwydd nawr.",
        "helper": "Os ydyn nhw mewn perygl nawr, ffoniwch 999. Arhoswch gyda nhw os yw'n ddiogel, a "
        "symudwch unrhyw beth y gallen nhw ei ddefnyddio i frifo eu hunain. Gallwch siarad â'r llinellau hyn hefyd:",
        "concern": "Ydych chi'n ddiogel nawr? Os nad ydych, ffoniwch 999. Os hoffech siarad â rhywun, unrhyw bryd:",
        "concern_other": "Ydy rhywun mewn perygl nawr? Os ydyn nhw, ffoniwch 999 ac arhoswch gyda nhw os yw'n "
        "ddiogel. Gallwch siarad am y peth â'r llinellau hyn, unrhyw bryd:",
    },
}

_ORDER = {
    "suicide": ("999", "samaritans", "nhs111", "shout"),
    "self-harm": ("999", "samaritans", "nhs111", "shout"),
    "abuse": ("999", "livefearfree", "samaritans"),
    "sexual-violence": ("999", "livefearfree", "101", "samaritans"),
    "danger": ("999", "livefearfree", "samaritans", "nhs111"),
}
_HELPER = ("samaritans", "nhs111", "shout")  # a third person at risk: the helper's lines after 999
_CONCERN = ("samaritans", "shout", "nhs111")

LABELS = {
    "en": {
        "phone": "Phone",
        "email": "Email",
        "website": "Website",
        "hours": "Hours",
        "cost": "Cost",
        "where": "Where",
        "why": "Why",
        "none": "Sorry, I could not find a service for that.",
        "try": "Try other words, for example",
        "closed": "Temporarily closed",
        "did_you_mean": "Did you mean",
        "helplines": "If you need to talk to someone now: Samaritans 116 123 (free, any time). In an emergency call 999.",
        "no_match": "I don't have a good match for that.",
        "human_route": "A person can help you find the right place: drop in to the community hub, ask Citizens "
        "Advice, or browse the services by topic.",
        "might_help": "These might help:",
    },
    "cy": {
        "phone": "Ffôn",
        "email": "E-bost",
        "website": "Gwefan",
        "hours": "Oriau",
        "cost": "Cost",
        "where": "Ble",
        "why": "Pam",
        "none": "Mae'n ddrwg gen i, ni allwn ddod o hyd i wasanaeth ar gyfer hynny.",
        "try": "Rhowch gynnig ar eiriau eraill, er enghraifft",
        "closed": "Ar gau dros dro",
        "did_you_mean": "Oeddech chi'n golygu",
        "helplines": "Os oes angen i chi siarad â rhywun nawr: Samariaid 116 123 (am ddim, unrhyw bryd). Mewn argyfwng ffoniwch 999.",
        "no_match": "Does gen i ddim ateb da i hynny.",
        "human_route": "Gall rhywun eich helpu i ddod o hyd i'r lle iawn: galwch heibio'r hyb cymunedol, "
        "gofynnwch i Gyngor ar Bopeth, neu porwch y gwasanaethau fesul pwnc.",
        "might_help": "Efallai y bydd y rhain yn helpu:",
    },
}

EXAMPLES = {
    "en": "food, debt, English classes, youth club",
    "cy": "bwyd, dyled, gwersi Saesneg, clwb ieuenctid",
}


def crisis_message(crisis: CrisisSignal | str, lang: str = "en") -> str:
    """The first thing said to a message that signals danger: the lines that fit, plainly.

    `crisis` is the signal (or, as before, only its kind). A softer signal ("concern") asks "Are you
    safe right now?", or, about someone else, whether they are in danger; a third person at risk gets
    what to do as a helper; sexual violence gets Live Fear Free and the police (999/101)."""
    lines = CRISIS_LINES.get(lang, CRISIS_LINES["en"])
    signal = crisis if isinstance(crisis, CrisisSignal) else None
    kind = signal.kind if signal else str(crisis)
    if signal and signal.tier == "concern" and signal.about == "other":
        return "\n".join([lines["concern_other"]] + [f"• {lines[k]}" for k in _HELPER])
    if signal and signal.tier == "concern":
        return "\n".join([lines["concern"]] + [f"• {lines[k]}" for k in _CONCERN])
    if signal and signal.about == "other" and kind in ("suicide", "self-harm", "danger"):
        return "\n".join([lines["helper"]] + [f"• {lines[k]}" for k in ("999",) + _HELPER])
    keys = _ORDER.get(kind, _ORDER["danger"])
    return "\n".join([lines["intro"]] + [f"• {lines[k]}" for k in keys])


CONTACT_KEYS = ("phone", "email", "website", "hours", "cost")


def contact_lines(
    entry: Entry,
    lang: str = "en",
    keys: tuple[str, ...] = CONTACT_KEYS,
    *,
    where: bool = True,
    show: Callable[[Entry, str, str], str] | None = None,
    areas: AreaNames | None = None,
) -> list[str]:
    """An entry's details as `Label: value` lines in the order of `keys`, then where it is (address,
    area, postcode) when `where`: the one wording of them for the site's text, the web chat and the
    bot. `show(entry, key, lang)` gives a field's text (default `entry.field_in`); `areas` names the
    area in Welsh when the entry does not (`SearchIndex.area_names()`)."""
    lab = LABELS.get(lang, LABELS["en"])
    show = show or _field_in
    out = [f"{lab[key]}: {show(entry, key, lang)}" for key in keys if entry.field_in(key, lang)]
    place = place_text(entry, lang, areas)
    if where and place:
        out.append(f"{lab['where']}: {place}")
    return out


def place_text(entry: Entry, lang: str = "en", areas: AreaNames | None = None) -> str:
    """Where an entry is, in `lang`: its address, area and postcode. The area is in Welsh in Welsh
    when the entry gives `area_cy`, or when `areas` knows a Welsh name for it from other entries."""
    area = areas.of(entry, lang) if areas is not None else entry.field_in("area", lang)
    return ", ".join(x for x in (entry.address, area, entry.postcode) if x)


def _field_in(entry: Entry, key: str, lang: str) -> str:
    return entry.field_in(key, lang)


def entry_text(entry: Entry, lang: str = "en", areas: AreaNames | None = None) -> str:
    """An entry as a short text message (for SMS, WhatsApp, the terminal); `areas` as in `contact_lines`."""
    lab = LABELS.get(lang, LABELS["en"])
    head = entry.title_in(lang)
    if entry.status == "temporarily-closed":
        head += f" ({lab['closed']})"
    return "\n".join([head, entry.summary_in(lang)] + contact_lines(entry, lang, areas=areas))


def no_good_match(lang: str = "en") -> str:
    """Said when no result is a good match: plainly, with the human route and the helplines."""
    lab = LABELS.get(lang, LABELS["en"])
    return "\n".join([lab["no_match"], lab["human_route"], lab["helplines"]])


def results_text(results: Results, lang: str = "en", limit: int = 5, areas: AreaNames | None = None) -> str:
    """A whole answer as plain text: crisis help first, then the services, or a kind 'no results'.
    When no result is a good match it says so first and lists them under "These might help".
    `areas` names each entry's area in Welsh as the site and the bot do (`SearchIndex.area_names()`)."""
    lab = LABELS.get(lang, LABELS["en"])
    parts: list[str] = []
    if results.crisis and results.crisis.tier != "concern":
        parts.append(crisis_message(results.crisis, lang))
    elif results.hits and not results.confident:
        parts.append(no_good_match(lang) + "\n\n" + lab["might_help"])
    for n, hit in enumerate(results.hits[:limit], 1):
        body = entry_text(hit.entry, lang, areas).split("\n")
        parts.append(
            "\n".join(
                [f"{n}. {body[0]}"]
                + [f"   {line}" for line in body[1:]]
                + [f"   {lab['why']}: {hit.why(lang)}"]
            )
        )
    if not results.hits:
        msg = [lab["none"]]
        if results.suggestion:
            msg.append(f"{lab['did_you_mean']}: {results.suggestion}?")
        msg.append(f"{lab['try']}: {EXAMPLES.get(lang, EXAMPLES['en'])}.")
        if not results.crisis:
            msg.append(lab["helplines"])
        parts.append("\n".join(msg))
    if results.crisis and results.crisis.tier == "concern":  # softer: the helplines beside the results
        parts.append(crisis_message(results.crisis, lang))
    return "\n\n".join(parts)
