"""What a chat message is for, when it is not a search: small talk, a language, a follow-up question.

Each intent has example messages in `intents.yml` (English and Welsh). A message is read as stems
(the index's own Porter stemmer, from `search_index.lexicon`), without the words that say nothing
("it", "please", "mae"); Welsh examples also count with their mutated forms ("gostio" for "costio").
Each intent scores the message's words it knows, rarer words counting more (a word in one intent's
examples says more than a word in five). The best intent is taken only when nothing is left over:
a word that no example, no service on screen and no place explains is a new need, so "is it free?"
is a question about the service shown and "is there free legal advice?" is a new search.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from search_index import (
    MUTATION_TRIGGERS,
    is_mutated_form,
    load_vocabulary,
    mutations,
    radicals,
    stem,
    tokenize,
)

DATA_FILE = Path(__file__).with_name("intents.yml")
SMALL_TALK = ("greeting", "thanks", "bye", "abilities", "person", "welsh", "english")
FOLLOW_UPS = ("cost", "hours", "where", "contact", "who", "more", "nearer", "details")
TELLING_INTENTS = 3  # a word in the examples of at most this many intents tells them apart
_WELSH_CLITIC = re.compile(r"(?<=\w)['’]([rn])\b")  # "mae'r", "mae'n": two words in Welsh


def words_of(text: str) -> list[str]:
    """`lexicon.tokenize`, with Welsh "'r" and "'n" split off their word ("mae'r" -> "mae", "r")."""
    return tokenize(_WELSH_CLITIC.sub(r" \1", text or ""))


@dataclass(frozen=True)
class Reading:
    """What a message was read as. `intent` is None for a search (or nothing we recognise)."""

    intent: str | None
    matched: tuple[str, ...] = ()  # the message's words that the intent's examples have
    leftover: tuple[str, ...] = ()  # words nothing explained (a new need, a name...)
    ordinal: int | str | None = None  # 1, 2, 3 or "last": which service on the page
    places: tuple[str, ...] = ()  # words of a known area ("caia", "park")


def keys(text: str) -> list[str]:
    """A message as the stems the intents are scored on (the words that say nothing removed)."""
    model = _model()
    return [stem(w) for w in words_of(text) if w not in model.ignore]


@dataclass
class _Model:
    ignore: set[str]
    vocab: dict[str, set[str]]
    phrasing: dict[str, set[str]]  # every word of the examples, small ones too ("what can you do")
    exact: dict[tuple[str, ...], str]  # each example as words -> its intent
    weight: dict[str, float]
    ordinals: dict[str, int | str]
    person_search: str
    telling: float  # the weight of a word in TELLING_INTENTS intents' examples


@lru_cache(maxsize=1)
def _model() -> _Model:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    ignore = set(load_vocabulary().stopwords)  # compared as words: "his" and "hi" share a stem
    for words in (data.get("ignore") or {}).values():
        ignore.update(t for w in words for t in words_of(str(w)))
    ignore -= {t for w in data.get("keep") or [] for t in words_of(str(w))}
    vocab: dict[str, set[str]] = {}
    phrasing: dict[str, set[str]] = {}
    exact: dict[tuple[str, ...], str] = {}
    mutated: dict[str, set[str]] = {}
    for intent, by_lang in (data.get("intents") or {}).items():
        known = vocab.setdefault(str(intent), set())
        for lang, examples in (by_lang or {}).items():
            for example in examples or []:
                exact.setdefault(tuple(words_of(str(example))), str(intent))
                for word in words_of(str(example)):
                    phrasing.setdefault(str(intent), set()).add(word)
                    if word in ignore:
                        continue
                    known.add(stem(word))
                    if lang == "cy":
                        mutated.setdefault(str(intent), set()).update(stem(f) for f in mutations(word))
    # A mutated Welsh form counts only where no example has it as a word of its own ("more" is the
    # nasal mutation of "bore", as in "bore da", but it belongs to "more").
    direct = set().union(*vocab.values()) if vocab else set()
    for intent, forms in mutated.items():
        vocab[intent].update(forms - direct)
    count = len(vocab) or 1
    df: dict[str, int] = {}
    for known in vocab.values():
        for k in known:
            df[k] = df.get(k, 0) + 1
    weight = {k: math.log(1 + count / n) for k, n in df.items()}
    telling = math.log(1 + count / TELLING_INTENTS)
    ordinals: dict[str, int | str] = {}
    for which, words in (data.get("ordinals") or {}).items():
        value: int | str = int(which) if str(which).isdigit() else str(which)
        for w in words:
            for t in tokenize(str(w)):
                ordinals[t] = value
    person = str(data.get("person_search") or "drop in advice")
    return _Model(ignore, vocab, phrasing, exact, weight, ordinals, person, telling)


def person_search() -> str:
    """The words that find the hub's drop-in in a directory that does not say which entry it is."""
    return _model().person_search


def _places(words: list[str], places: set[str], ignore: set[str]) -> dict[int, str]:
    """Which of `words` name a known place (by position), each as the stem of the place's word: a
    word of the place's name, or its Welsh mutation where Welsh mutates ("Mharc" after "ym", "Barc"
    after "i": "parc"). A word that only looks mutated ("barc" on its own) is not read as one."""
    found: dict[int, str] = {}
    for i, word in enumerate(words):
        if word in ignore:
            continue
        key = stem(word)
        if key in places:
            found[i] = key
            continue
        known = {r for r in radicals(word) if stem(r) in places}
        if known and is_mutated_form(word, words[i - 1] if i else None, known):
            found[i] = stem(min(known))
    return found


def read(text: str, *, context: set[str] = frozenset(), places: set[str] = frozenset()) -> Reading:
    """Read a message; `context` are the stems of the services on screen, `places` of known areas."""
    model = _model()
    words = words_of(text)
    ordinal = next((model.ordinals[w] for w in words if w in model.ordinals), None)
    placed = _places(words, places, model.ignore)
    place_words = tuple(placed.values())
    # the word that mutates a place's name names the place too ("ym" in "ym Mharc Caia")
    naming = {i - 1 for i in placed if i and words[i - 1] in MUTATION_TRIGGERS}
    stems = [
        stem(w) for i, w in enumerate(words) if w not in model.ignore and i not in placed and i not in naming
    ]
    ordinal_stems = {stem(w) for w in words if w in model.ordinals}
    rest = [k for k in stems if k not in ordinal_stems]
    if tuple(words) in model.exact:  # an example word for word
        return Reading(model.exact[tuple(words)], tuple(rest), (), ordinal, place_words)
    best, best_score = None, (0.0, 0)
    # The telling words decide; the small words break ties ("what can you do" is small talk, "what
    # does it cost" a question about a service). With services on screen a tie left after that goes
    # to a question about them; otherwise to small talk.
    order = sorted(model.vocab, key=lambda i: (i in FOLLOW_UPS) != bool(context))
    for intent in order:
        known = model.vocab[intent]
        score = (
            sum(model.weight.get(k, 0.0) for k in rest if k in known),
            sum(1 for w in words if w in model.phrasing.get(intent, ())),
        )
        if score[0] > 0 and score > best_score:
            best, best_score = intent, score
    known = model.vocab.get(best or "", set())
    matched = tuple(k for k in rest if k in known)
    leftover = tuple(k for k in rest if k not in known and k not in context)
    # A question word alone ("what is it?") is in too many intents' examples to tell them apart.
    telling = any(model.weight.get(k, 0.0) >= model.telling for k in matched)
    if best is None or leftover or not telling:
        return Reading(None, matched, leftover, ordinal, place_words)
    return Reading(best, matched, (), ordinal, place_words)
