"""Need words: the part of a resident's message that staff may keep, and nothing that identifies them.

The analytics never see what a resident typed. They get the *need words* of the message: the words
that the resident vocabulary or the directory's categories know ("skint", "foodbank", "bwyd"), and
ordinary dictionary words ("husband", "boiler"). Never kept: names, streets and places that are
not service words, numbers (house numbers, ages, dates, phone numbers), emails and web addresses.

The dictionaries are real word lists from Debian, installed by `scripts/install-system-deps`:

- English: `wbritish` (SCOWL), `/usr/share/dict/british-english`. It writes proper nouns with a
  capital ("Sarah", "Jones", "Dave", "March", "Acton") and ordinary words in lower case ("bill",
  "rose"), so a word that is *also* a name or a place ("Bill", "Rose", "Hope", "Park", "May") is
  told apart from one that never is. Such a word is kept only when the vocabulary knows it as a
  service word ("bill": bills and debt), and never when it is capitalised inside a sentence.
- Welsh: the FreeDict Welsh-English dictionary (`dict-freedict-cym-eng`), whose entries mark place
  and personal names (<pn>, <np>, a capital letter); every mutated form of a headword counts too.

Names are also recognised by where they stand: the words after "my name is", "call me", "I'm",
"called", "named" are dropped unless they are plainly ordinary words ("I'm homeless" keeps
"homeless"; "I'm Rose" keeps nothing). Without the word lists (a machine set up by hand), only
the words the vocabulary and the categories know are kept: fewer words, never more.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from search_index.language import ENGLISH_DICTIONARY, WELSH_DICTIONARY, ordinary_english_words
from search_index.lexicon import WordSet, clean_text, fold, mutations, tokenize, word_set

log = logging.getLogger(__name__)

ENGLISH_WORDS = ENGLISH_DICTIONARY
WELSH_INDEX = WELSH_DICTIONARY  # the one path of the Welsh dictionary, shared with the search
MAX_WORDS = 12
MAX_WORD_CHARS = 30

_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_EMAIL = re.compile(r"\S+\s*@\s*\S+")
# a word (letters, inner apostrophes or hyphens), a token with a digit, or the end of a sentence
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\w*\d[\w/.:,-]*|[.!?;\n]", re.UNICODE)
# the words that introduce a name: after these, name-like words are dropped
_NAME_AFTER_STRONG = (("name", "is"), ("my", "names"), ("call", "me"), ("called",), ("named",))
_NAME_AFTER_WEAK = (("im",), ("i", "am"), ("this", "is"), ("its",))
# numbers written as words (English and Welsh): a number is never a need word
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "dim un dau dwy tri tair pedwar pedair pump chwech saith wyth naw deg "
    "dau ddeg ugain cant mil cyntaf ail trydydd trydedd pedwerydd pumed chweched seithfed wythfed nawfed "
    "degfed".split()
)


@dataclass(frozen=True)
class WordList:
    """Words of one language: `common` ordinary words, `proper` names and places (both folded)."""

    common: WordSet
    proper: WordSet

    def ordinary(self, word: str) -> bool:
        """An ordinary word that is never a name or a place."""
        return word in self.common and word not in self.proper

    def name_like(self, word: str) -> bool:
        return word in self.proper or word not in self.common


EMPTY = WordList(word_set(), word_set())


@lru_cache(maxsize=4)
def english_words(path: Path = ENGLISH_WORDS) -> WordList:
    """The SCOWL word list: capitalised entries are names and places, those in lower case ordinary words."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split()
    except OSError as exc:
        log.warning("no English word list at %s (%s): only vocabulary words are kept", path, exc)
        return EMPTY
    proper = word_set(fold(w) for w in lines if w[:1].isupper() and not w.endswith(("'s", "’s")))
    # the ordinary words are the search's own set (the same words): one copy in memory, not two
    return WordList(ordinary_english_words(path), proper)


_B64 = {c: i for i, c in enumerate(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


@lru_cache(maxsize=4)
def welsh_words(index_path: Path = WELSH_INDEX) -> WordList:
    """The FreeDict Welsh-English dictionary: headwords and all their mutated forms. Entries whose
    headword is capitalised or tagged a proper noun (<pn>, <np>) are names and places."""
    try:
        index = index_path.read_text(encoding="utf-8").splitlines()
        with gzip.open(index_path.with_suffix(".dict.dz")) as fh:  # dictzip is gzip
            data = fh.read()
    except (OSError, EOFError) as exc:
        log.warning("no Welsh word list at %s (%s): only vocabulary words are kept", index_path, exc)
        return EMPTY
    common: set[str] = set()
    proper: set[str] = set()
    for line in index:
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database") or " " in parts[0]:
            continue
        head, offset, length = parts
        start = _b64_int(offset)
        definition = data[start : start + _b64_int(length)].decode("utf-8", "replace")
        first = definition.split("\n", 1)[0]
        is_proper = first[:1].isupper() or "<pn" in first or "<np" in first
        word = fold(head)
        for form in mutations(word) if word.isalpha() else {word}:
            (proper if is_proper else common).add(form)
    return WordList(word_set(common), word_set(proper))


def _b64_int(text: str) -> int:
    n = 0
    for ch in text.encode("ascii"):
        n = n * 64 + _B64[ch]
    return n


class NeedWords:
    """Picks the need words out of a message; see the module's docstring for what is kept.

    `known` are the service words (the vocabulary's words and the categories' names), `stopwords`
    the words that say nothing about a need.
    """

    def __init__(
        self,
        known: Iterable[str],
        stopwords: Iterable[str] = (),
        english: WordList | None = None,
        welsh: WordList | None = None,
    ):
        self.known = frozenset(known)
        self.stopwords = frozenset(stopwords)
        self.english = english_words() if english is None else english
        self.welsh = welsh_words() if welsh is None else welsh

    def extract(self, text: str, lang: str = "en") -> list[str]:
        """The need words of `text`, in order, each once, at most MAX_WORDS."""
        text = clean_text(text if isinstance(text, str) else "", 2000)
        text = _EMAIL.sub(" ", _URL.sub(" ", text))
        tokens = [m.group() for m in _TOKEN.finditer(text)]
        letters = [c for c in text if c.isalpha()]
        words = [t for t in tokens if t[:1].isalpha()]
        # ALL CAPS or Every Word Capitalised: a capital says nothing about names
        casing = bool(letters) and any(c.islower() for c in letters)
        casing = casing and not (len(words) > 2 and all(w[:1].isupper() for w in words))
        out: list[str] = []
        folded: list[str] = []  # the words so far, to spot "my name is" before a word
        sentence_start = True
        after_name = ""  # "strong" after "my name is", "weak" after "I'm", until a plain word
        for tok in tokens:
            if tok in ".!?;\n":
                sentence_start, after_name = True, ""
                continue
            if not tok[:1].isalpha():  # a number, a date, a house or flat number, a postcode
                sentence_start = False
                folded.append("#")
                continue
            word = "".join(tokenize(tok))
            # a capital inside a sentence marks a name; an acronym ("GP", "PIP") does not
            capital = casing and not sentence_start and tok[:1].isupper() and not tok.isupper()
            sentence_start = False
            folded.append(word)
            if after_name and self._name_like(word, capital, strong=after_name == "strong"):
                after_name = "weak"  # "my name is Sarah Jones": every name-like word that follows
                continue
            after_name = ""
            intro = self._introduces_name(folded)
            if intro:
                after_name = intro
            if self._keep(word, capital, lang) and word not in out:
                out.append(word)
        return out[:MAX_WORDS]

    @staticmethod
    def _introduces_name(folded: list[str]) -> str:
        for tail in _NAME_AFTER_STRONG:
            if tuple(folded[-len(tail) :]) == tail:
                return "strong"
        for tail in _NAME_AFTER_WEAK:
            if tuple(folded[-len(tail) :]) == tail:
                return "weak"
        return ""

    def _name_like(self, word: str, capital: bool, strong: bool) -> bool:
        if strong or capital:
            return True
        if word in self.stopwords:
            return False
        return self.english.name_like(word) and (word not in self.known or word in self.english.proper)

    def _keep(self, word: str, capital: bool, lang: str) -> bool:
        if len(word) < 2 or len(word) > MAX_WORD_CHARS or word in self.stopwords or word in _NUMBER_WORDS:
            return False
        if capital:  # a capital inside a sentence: a name or a place unless never one
            return word not in self.english.proper and (word in self.known or word in self.english.common)
        if word in self.known:
            return True
        if self.english.ordinary(word):
            return True
        return lang == "cy" and self.welsh.ordinary(word)
