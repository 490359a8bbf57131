"""The stems of words in the other languages crisis detection reads (Polish, Portuguese, Romanian,
Arabic; Spanish, Turkish, Lithuanian and Hungarian, provisionally), so that a form the concept lists do not hold ("zabijecie", "espancava", "amenințase",
"سيقتلونني") is read as the listed forms it shares a stem with ("zabije", "espancou", "amenințat",
"يقتلني").

Stems come from the Snowball algorithms of `snowballstemmer` (pure Python, about 2 MB installed, with no
data files; a language's stemmer is imported only when first asked for). Words are stemmed as crisis
detection reads them, folded (no accents, Polish "ł" as "l"), and the listed forms are folded the same
way, so both sides agree even where the algorithm would rather have the accents. A stem of fewer than
`MIN_STEM` letters stands for too many words (Romanian "bat" is both "bate", beats, and "bâtă", a club;
Polish "ran" both "ranię", I wound, and "rano", morning), so it is not used.

A stem is only safe once a message's language is known: Portuguese "faca" (knife) and English "face"
stem alike. `crisis_reading` asks for a language's stems only for a message written in it.
tests/test_stems.py pins what is relied on here. Without the library every word is read only as
listed, as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import lru_cache

log = logging.getLogger(__name__)

# ISO 639-1 code -> Snowball algorithm
ALGORITHMS = {
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ar": "arabic",
    "es": "spanish",
    "tr": "turkish",
    "lt": "lithuanian",
    "hu": "hungarian",
}
MIN_STEM = 4  # a shorter stem stands for too many words

_lock = threading.Lock()


@lru_cache(maxsize=len(ALGORITHMS))
def stemmer(code: str) -> Callable[[str], str] | None:
    """The Snowball stemming function of a language (by its ISO 639-1 code), or None for a language
    without one here, or without the library installed."""
    name = ALGORITHMS.get(code)
    if name is None:
        return None
    try:
        import snowballstemmer
    except ImportError:
        log.warning("snowballstemmer is not installed: %s words are read only as listed", name)
        return None
    algorithm = snowballstemmer.stemmer(name)

    def stem_word(word: str) -> str:
        with _lock:  # a Snowball stemmer keeps its state while it works: one word at a time
            return algorithm.stemWord(word)

    return stem_word


@lru_cache(maxsize=20_000)
def stem_of(code: str, word: str) -> str | None:
    """A word's stem in a language (by its ISO 639-1 code), or None when the stem is too short to stand
    for other words, or the language has no stemmer."""
    fn = stemmer(code)
    if fn is None or len(word) < MIN_STEM:
        return None
    s = fn(word)
    return s if len(s) >= MIN_STEM else None
