"""How text becomes index terms, and what the index holds: analyzers, schema, field boosts.

Every word is lowercased, its accents folded and apostrophes dropped, stop words removed and the
rest stemmed (Porter, except for the few words in `SEPARATE_STEMS`). `index_words` does exactly what
`analyzer()` does, in one pass; the index is built with it (`FastText`), and queries are turned into
terms with it too.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from whoosh.analysis import (
    STOP_WORDS,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint

__all__ = [
    "FIELD_BOOSTS",
    "LABEL_FIELDS",
    "SEPARATE_STEMS",
    "TEXT_FIELDS",
    "analyzer",
    "index_words",
    "make_schema",
    "name_term",
    "plain_analyzer",
    "plain_words",
    "query_terms",
    "query_words",
    "stem",
    "whoosh_fields",
]

# How much a match in each text field counts.
FIELD_BOOSTS = {
    "title": 3.0,
    "tags": 2.5,
    "questions": 1.6,
    "summary": 2.0,
    "catnames": 1.2,
    "organisation": 0.8,
    "body": 1.0,
    "welsh": 1.5,
}
TEXT_FIELDS = tuple(FIELD_BOOSTS)
# Fields of exact values, for filters (and "categories" also for ranking: see `Generation.rank`).
LABEL_FIELDS = ("categories", "languages", "status", "free", "area")


def analyzer():
    """Words: lowercase, accents folded, apostrophes dropped, stop words removed, stemmed (`stem`)."""
    return plain_analyzer() | StopFilter(minsize=1) | StemFilter(stemfn=stem, cachesize=50000)


def plain_analyzer():
    """Words as written (lowercase, no accents, no stemming): the vocabulary for typo correction."""
    return (
        RegexTokenizer(r"\w+(?:['’]\w+)*")
        | LowercaseFilter()
        | SubstitutionFilter(r"['’]", "")
        | CharsetFilter(accent_map)
    )


_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_APOSTROPHES_RE = re.compile(r"['’]")
_STEMS: dict[str, str] = {}

# Word families that the Porter stemmer joins although they mean different things to a resident:
# family name -> its words. Each family keeps a stem of its own (its name), so the other words of
# Porter's stem no longer match it. "mobility" (getting about: disability support, scooters) and
# "mobilities" are Porter's "mobil", as are "mobile" and "mobiles" (a phone, a mobile library): with
# the family, "mobile phone shop" is no longer read as mobility support. "memorial" (a place to
# remember the dead) is Porter's "memori", as are "memory" and "memories" (forgetting, dementia). Add a family only for a
# pair that misleads searches in this directory; tests/test_engine.py pins Porter's own stems of
# each listed word, so a family that Porter no longer needs shows up.
SEPARATE_STEMS: dict[str, tuple[str, ...]] = {
    "mobility": ("mobility", "mobilities"),
    "memorial": ("memorial", "memorials"),
}
_OWN_STEM = {word: family for family, words in SEPARATE_STEMS.items() for word in words}


def stem(word: str) -> str:
    """The stem of one lowercased word (Porter's, or its `SEPARATE_STEMS` family), cached: the one
    stemmer of the index and the core."""
    stemmed = _STEMS.get(word)
    if stemmed is None:
        stemmed = _OWN_STEM.get(word) or porter_stem(word)
        if len(_STEMS) < 200_000:
            _STEMS[word] = stemmed
    return stemmed


def index_words(text: str) -> list[str]:
    """The terms `analyzer()` makes of `text`, in order, in one pass (about 5x faster).

    ASCII text (nearly all of it) is lowercased once and split with one regular expression;
    anything else goes word by word through the same steps as the analyzer's filters.
    """
    out: list[str] = []
    stops = STOP_WORDS
    if text.isascii():
        for word in _WORD_RE.findall(text.lower()):
            if "'" in word:
                word = word.replace("'", "")
            if word not in stops:
                out.append(stem(word))
        return out
    for word in _WORD_RE.findall(text):
        word = _APOSTROPHES_RE.sub("", word.lower()).translate(accent_map)
        if word and word not in stops:
            out.append(stem(word))
    return out


# A word that an entry uses only as a name (see `search_index.index.name_words`) is indexed as
# `name_term(word)`, the word as written with this mark, which no stem ends with: it is matched by
# the resident's word as written ("shout" finds Shout), never through the stemmer ("shouts" does not).
NAME_MARK = "_"


def name_term(word: str) -> str:
    """The index term of a name word (lowercase, accents folded, apostrophes dropped)."""
    return word + NAME_MARK


def query_words(text: str) -> list[str]:
    """The index terms a resident's `text` matches: its stems (`index_words`), then each of its
    words as a name (`name_term`)."""
    folded = _APOSTROPHES_RE.sub("", text.lower()).translate(accent_map)
    return index_words(text) + [name_term(w) for w in _WORD_RE.findall(folded) if w.isalpha()]


def query_terms(words: dict[str, float]) -> dict[str, float]:
    """Index terms of weighted query words (`query_words`), each with its best weight."""
    terms: dict[str, float] = {}
    for word, weight in words.items():
        for term in query_words(word):
            terms[term] = max(terms.get(term, 0.0), weight)
    return terms


def plain_words(text: str) -> set[str]:
    """The distinct words `plain_analyzer()` makes of `text` that are all letters (typo vocabulary)."""
    if text.isascii():
        words = {w.replace("'", "") for w in _WORD_RE.findall(text.lower())}
    else:
        words = {_APOSTROPHES_RE.sub("", w.lower()).translate(accent_map) for w in _WORD_RE.findall(text)}
    return {w for w in words if w.isalpha()}


class FastText(TEXT):
    """A TEXT field that indexes through `index_words` instead of Whoosh's chain of generators.

    The terms and frequencies are exactly those of its analyzer (tests/test_fuzz.py and
    tests/test_engine.py check it).
    """

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            return super().index(value, **kwargs)
        counts = Counter(index_words(value))
        return [(w.encode("utf-8"), n, float(n), pack_uint(n)) for w, n in counts.items()]


def make_schema() -> Schema:
    """The index's fields: the document's key and stored value, the text fields, the label fields."""
    ana = analyzer()
    text = {name: FastText(analyzer=ana, phrase=False) for name in TEXT_FIELDS}
    return Schema(
        slug=ID(stored=True, unique=True),
        data=STORED,
        **text,
        categories=KEYWORD(commas=False, lowercase=False),
        languages=KEYWORD(commas=False, lowercase=True),
        status=ID,
        free=ID,
        area=ID,
    )


def whoosh_fields(doc) -> dict:
    """The fields of `make_schema` for a `Document` (labels joined by spaces; "-" for none)."""
    fields = {"slug": doc.key, "data": json.dumps(doc.stored, ensure_ascii=False)}
    fields.update(doc.text)
    for name, values in doc.labels.items():
        fields[name] = " ".join(values) or "-"
    return fields
