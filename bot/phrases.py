"""Everything the bot says to residents that the core does not already say, in English and Welsh.

The phrases themselves are in `phrases.yml` beside this file (data, like `intents.yml`), each with
its English (`en`) and Welsh (`cy`). Service details, the crisis lines and the "no results" wording
come from `search_index.answers`, so every front-end says the same thing there. Keep both languages
in step: a test checks every key has both, and that the Welsh differs from the English.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DATA_FILE = Path(__file__).with_name("phrases.yml")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
PHRASES: dict[str, dict[str, str]] = yaml.load(DATA_FILE.read_text(encoding="utf-8"), Loader=_LOADER)


def say(key: str, lang: str, **values: object) -> str:
    """A phrase in `lang` ("en" or "cy"), with its {placeholders} filled in."""
    text = PHRASES[key].get(lang) or PHRASES[key]["en"]
    return text.format(**values) if values else text


# Which extra line the short crisis reply carries for each kind of crisis (others: the abuse line,
# as for "danger" in the full crisis message).
CRISIS_SHORT_LINE = {"suicide": "crisis_short_health", "self-harm": "crisis_short_health"}


def crisis_short(kind: str | None, lang: str) -> str:
    """999, Samaritans 116 123 and the line that fits `kind`, in two short lines."""
    return (
        say("crisis_short", lang) + "\n" + say(CRISIS_SHORT_LINE.get(kind or "", "crisis_short_abuse"), lang)
    )
