"""Which language a resident wrote in: Welsh or English by their words, other languages by a model.

Welsh and English are told apart by the words themselves: everyday Welsh and English words
(`language_words.yml`) and the Welsh service words of the vocabulary with their soft, nasal and
aspirate mutations ("fwyd", "mwyd" for "bwyd"). A single word is not enough on its own ("helo" is
also an English typo): it needs the language-identification model to agree.

`is_welsh_word` says whether a word is real Welsh (so the typo corrector keeps it as typed): a word
of those lists, or a headword of the FreeDict Welsh-English dictionary (Debian's
`dict-freedict-cym-eng`, installed by `scripts/install-system-deps`) as written or mutated.

Search reads the words of a Welsh message that its vocabulary does not read through that dictionary
(`welsh_meanings`), and those of a Polish, Portuguese or Arabic one through FreeDict's Polish-English,
Portuguese-English and Arabic-English dictionaries (`dict-freedict-pol-eng`, `dict-freedict-por-eng`,
`dict-freedict-ara-eng`: `dictionary_meanings`, `arabic_meanings`), each read by `read_freedict` with
its own way of telling English glosses from the rest, and loaded when the first message in its
language asks for it.

Other languages (Polish, Portuguese, Kurdish, Arabic, ...) come from py3langid, which ships its
model (a compressed table of character n-grams) inside the package: nothing is downloaded. It is
asked only when the words did not decide, and trusted only when it is sure. Arabic-script text with
letters that Arabic does not use but Sorani Kurdish does is Kurdish.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix
from pathlib import Path

import marisa_trie
import yaml
from babel import Locale, UnknownLocaleError

from .lexicon import BUILTIN, WordSet, fold, load_vocabulary, mutations, radicals, tokenize, word_set
from .stems import stemmer
from .wordnet import is_lemma, is_verb_form, tag_count

WORDS_FILE = Path(__file__).with_name("language_words.yml")
# The FreeDict Welsh-English dictionary's index: one line per headword, "headword<TAB>offset<TAB>length"
WELSH_DICTIONARY = Path("/usr/share/dictd/freedict-cym-eng.index")
# The other languages whose messages search reads through a FreeDict dictionary into English, by their
# ISO 639-1 code (`dictionary_meanings`): their indexes, as the Welsh one's
DICTIONARIES = {
    "pl": Path("/usr/share/dictd/freedict-pol-eng.index"),
    "pt": Path("/usr/share/dictd/freedict-por-eng.index"),
    "ar": Path("/usr/share/dictd/freedict-ara-eng.index"),  # read its own way: `arabic_meanings`
}
DICTIONARY_SENSES = 2  # of a word of those languages, the senses kept (search reads the first two)
# An inflected word is read as the headwords that share its Snowball stem, of STEM_LEAST letters or
# more, and its first SHARED_LEAST letters or all theirs ("domu": "dom"; "mogę", I can, is no
# "mogiła", grave, for their stem "mog")
STEM_LEAST = 3
SHARED_LEAST = 4
# The model's probability for one of `DICTIONARIES` as its first guess, for a message it is not sure
# of (`MODEL_SURE`), for the words nothing else reads to be read through that language's dictionary
# ("jedzenie za darmo": 0.85, "comida grátis": 0.54; of the search sets' English rows the model takes
# for Polish or Portuguese, none above 0.31)
READ_SURE = 0.5
# Debian's SCOWL word list (`wbritish`): names and places with a capital, ordinary words in lower case
ENGLISH_DICTIONARY = Path("/usr/share/dict/british-english")
# The languages the model may choose between: ours, the languages of Wrexham's newer residents,
# and neighbours that a message in one of those could be mistaken for (so it is not forced to pick
# one of ours). Anything outside `ANSWERED_ELSEWHERE` and en/cy is "not sure".
MODEL_LANGUAGES = (
    "en",
    "cy",
    "pl",
    "pt",
    "ku",
    "ar",
    "fa",
    "es",
    "fr",
    "de",
    "it",
    "nl",
    "cs",
    "sk",
    "ro",
    "tr",
)
OTHER_LANGUAGES = (
    "pl",
    "pt",
    "ku",
    "ckb",
    "ar",
)  # answered with the helplines, interpreting and English classes
MODEL_SURE = 0.9  # the model's probability needed to name a language on its own
_SORANI_LETTERS = set("ڕڵێۆەڤ")  # Kurdish (Sorani) letters that Arabic does not use
# Letters of the Persian and Urdu alphabets that Arabic does not write (its own are ك، ي، ه): a message
# with one is no Arabic to read through the Arabic dictionary ("مفت کھانا", free food, is Urdu)
_PERSIAN_LETTERS = set("پچژگکیٹڈڑںہھےۓ")


@dataclass(frozen=True)
class LanguageGuess:
    """`lang` is an ISO 639-1 code, or None when the message does not say (too short, numbers...)."""

    lang: str | None
    welsh_words: int = 0
    english_words: int = 0
    grammar: int = 0  # the small words of a sentence in `lang` ("mae", "gyda"; "is", "with")

    @property
    def sentence(self) -> bool:
        """Written in the language, not just a service's name ("food bank" in a Welsh chat): enough
        to turn the chat to it."""
        own, other = (
            (self.welsh_words, self.english_words)
            if self.lang == "cy"
            else (self.english_words, self.welsh_words)
        )
        return self.lang in ("en", "cy") and (
            (self.grammar >= 2 and own > other) or (self.grammar >= 1 and own >= 2 and other == 0)
        )


def _listed(data: dict, lang: str, *parts: str) -> set[str]:
    section = data.get(lang) or {}
    return {t for part in parts for w in section.get(part) or [] for t in tokenize(str(w))}


@lru_cache(maxsize=1)
def _grammar() -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}
    welsh, english = _listed(data, "welsh", "grammar"), _listed(data, "english", "grammar")
    return frozenset(welsh - english), frozenset(english - welsh)


def english_grammar_words() -> frozenset[str]:
    """The English function words of the word lists that are not also Welsh ("for", "be", "the")."""
    return _grammar()[1]


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}
    welsh = _listed(data, "welsh", "grammar", "words")
    english = _listed(data, "english", "grammar", "words")
    for word in load_vocabulary().welsh:  # single Welsh words, already with their mutated forms
        welsh.add(word)
    # The vocabulary's resident phrases and the service words everything maps to are English.
    builtin = yaml.safe_load(BUILTIN.read_text(encoding="utf-8")) or {}
    for phrase, targets in (builtin.get("phrases") or {}).items():
        english.update(tokenize(str(phrase)))
        english.update(t for w in _targets(targets) for t in tokenize(w))
    for targets in (builtin.get("welsh") or {}).values():
        english.update(t for w in _targets(targets) for t in tokenize(w))
    for word in list(welsh):
        welsh.update(mutations(word))
    both = welsh & english
    return frozenset(welsh - both), frozenset(english - both)


@lru_cache(maxsize=4)
def welsh_headwords(index_path: Path = WELSH_DICTIONARY) -> WordSet:
    """The one-word headwords of the FreeDict Welsh-English dictionary, folded (radical forms: see
    `is_welsh_word` for mutated ones). Empty without the dictionary (a machine set up by hand)."""
    try:
        lines = index_path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return word_set()
    heads = (line.split("\t", 1)[0] for line in lines if not line.startswith("00database"))
    return word_set(w for w in (fold(h) for h in heads if " " not in h) if w.isalpha())


_INDEX_DIGITS = {
    c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}


def _index_number(text: str) -> int:
    """A dictd index's offset or length: a number written in base 64 ("B0zR")."""
    n = 0
    for c in text:
        n = n * 64 + _INDEX_DIGITS[c]
    return n


def read_freedict(
    index_path: Path, glosses: Callable[[list[str]], list[str]], keep: int = 0, capitals: bool = True
) -> dict[str, tuple[str, ...]]:
    """A FreeDict dictionary into English, read once from its dictd files (the `.index`, and the
    `.dict.dz` beside it: gzip): each one-word headword (folded) -> its English senses in the
    dictionary's order, without their notes in brackets; the first `keep` (0: all). `glosses` picks
    a sense from an entry's lines after its headword line (the dictionaries write entries their own
    way). Without `capitals`, an entry whose headword it writes in capitals (Polish "ZA", an acronym)
    is left out when the same word in lower case has one ("za", for); the Welsh dictionary keeps both
    (its months: "Hydref", October, beside "hydref", autumn). Empty without the dictionary, or when it
    is damaged: nothing is read, search goes on."""
    import gzip
    import zlib

    try:
        lines = index_path.read_text(encoding="utf-8", errors="replace").splitlines()
        with gzip.open(index_path.with_suffix(".dict.dz")) as f:
            data = f.read()
    except (OSError, EOFError, zlib.error):  # none, or damaged: no meanings, search goes on
        return {}
    out: dict[str, list[str]] = {}
    upper: dict[str, list[str]] = {}  # without `capitals`: the senses of headwords in capitals
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database") or " " in parts[0]:
            continue
        try:
            start, size = _index_number(parts[1]), _index_number(parts[2])
        except KeyError:
            continue
        entry = data[start : start + size].decode("utf-8", errors="replace").strip().splitlines()
        head, body = (entry[0], entry[1:]) if entry else ("", [])
        written = head.split(" /")[0].split(" <")[0]  # the headword as the entry writes it ("ZA /zˈa/")
        word = fold(parts[0])
        senses = (upper if not capitals and written != written.lower() else out).setdefault(word, [])
        for sense in glosses(body):
            sense = " ".join(re.sub(r"\([^)]*\)?", " ", sense).split()).strip(" -")
            if sense and sense not in senses:
                senses.append(sense)
    for word, senses in upper.items():
        if not out.get(word):
            out[word] = senses
    return {
        w: tuple(senses[:keep] if keep else senses) for w, senses in out.items() if senses and w.isalpha()
    }


def _every_line(body: list[str]) -> list[str]:
    """The Welsh dictionary's glosses: each line of an entry is an English sense."""
    return body


# A sense's number at the start of a line ("1. food"; " 3." alone, a sense with no English gloss), and
# the next sense's number at the end of a gloss whose sense has no definition ("authority 2.")
_SENSE_NUMBER = re.compile(r"\s*\d+\.(?:\s+|$)")
_NEXT_SENSE = re.compile(r"\s+\d+\.$")


def _numbered_glosses(body: list[str]) -> list[str]:
    """The English glosses of an entry of the Polish and Portuguese dictionaries: each sense's first
    line, numbered ("1. food") when the entry has more than one, or the entry's first line. The lines
    after a gloss are not English: the Polish dictionary follows each with a definition in Polish
    ("coś, co można jeść; żywność, pokarm"), and a gloss in brackets is a note ("3. (osoba) lp": third
    person singular). A sense whose definition opens with a field or a register in brackets (sport,
    medicine, dated; a verbal noun) comes after the unmarked ones, the everyday senses: "pomoc" is
    help before it is midfield, "mieszkanie" a flat before it is living."""
    out: list[tuple[bool, str]] = []  # (marked, gloss)
    for i, line in enumerate(body):
        number = _SENSE_NUMBER.match(line)
        if number is None and i > 0:
            continue
        gloss = _NEXT_SENSE.sub("", line[number.end() :] if number else line).strip()
        marked = i + 1 < len(body) and body[i + 1].startswith("(")
        if gloss and not gloss.startswith("("):
            out.append((marked, gloss))
    return [gloss for _, gloss in sorted(out, key=lambda x: x[0])]


@lru_cache(maxsize=4)
def welsh_dictionary(index_path: Path = WELSH_DICTIONARY) -> dict[str, tuple[str, ...]]:
    """The FreeDict Welsh-English dictionary: each one-word headword (folded) -> its English senses in
    the dictionary's order ("ysgol" -> school, ladder), without their notes in brackets. Read once
    from the dictd files (`.index`, and `.dict.dz`: gzip); empty without the dictionary."""
    return read_freedict(index_path, _every_line)


@lru_cache(maxsize=4)
def _dictionary(index_path: Path) -> marisa_trie.BytesTrie:
    """A Polish or Portuguese FreeDict dictionary's first senses (`read_freedict`), kept as a MARISA
    trie (headword -> its senses, joined by _SENSES, after the headword as written when folding
    changed it, and _HEAD), its keys that begin with a stem found at once: loading the Polish one's
    30,600 headwords adds about 6 MB to the process (VmRSS), where a dict of tuples added 12; the
    Portuguese one's 9,200, about 3.5 MB. (The headwords as written are 0.1 MB of the Polish trie.)"""
    senses = read_freedict(index_path, _numbered_glosses, DICTIONARY_SENSES, capitals=False)
    written = _written_heads(index_path)
    return marisa_trie.BytesTrie(
        (w, (written.get(w, "") + _HEAD + _SENSES.join(s)).encode()) for w, s in senses.items()
    )


def _written_heads(index_path: Path) -> dict[str, str]:
    """The one-word headwords of a dictd index (in lower case) that folding changes, by their folded
    form ("szukac": "szukać"); the first when two fold alike. Empty without the index."""
    out: dict[str, str] = {}
    try:
        with index_path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                head = line.split("\t", 1)[0].lower()
                word = fold(head)
                if word != head and " " not in head:
                    out.setdefault(word, head)
    except OSError:
        return {}
    return out


_SENSES = "\x1f"  # between a word's senses in `_dictionary` (the unit separator: in no gloss)
_HEAD = "\x1e"  # after the headword as written in `_dictionary` (the record separator)


def dictionary_meanings(lang: str, word: str) -> tuple[str, ...]:
    """The first English senses (`DICTIONARY_SENSES`) of a word of a message in one of `DICTIONARIES`'
    languages, by its FreeDict dictionary (loaded when first asked, then kept): `word` lowercase, as
    written or with its accents folded ("seniorów", "seniorow"). A word that is no headword
    ("lekarza", "dívidas": inflected) is read as the headwords that share its Snowball stem
    (`stems.stemmer`: "lekarz", "dívida") and SHARED_LEAST letters from the start: of those, the ones
    that share the most, the closest in length first, each one's first sense, then their others
    ("długami": "długi", long, and "dług", debt; search reads a word by the sense its vocabulary
    knows); a headword's stem is taken as written as well as folded ("szukam": "szukać", whose folded
    "szukac" the stemmer leaves whole). A Polish verb form that shares its stem with no headword is
    read as the imperfective verb the dictionary lists (`_polish_verb`: "kupić", "potrzebuję").
    Empty when it has none, or without the dictionary or the stemmer."""
    path = DICTIONARIES.get(lang)
    if path is None:
        return ()
    if lang == "ar":
        return arabic_meanings(word, path)
    known = _dictionary(path)
    folded = fold(word)
    if folded in known or not len(known):
        return _senses(known, folded)
    stem = stemmer(lang)
    if stem is None:
        return ()
    stems = {fold(stem(word)), stem(folded)}  # by the stem of the word as written, or as folded
    found = {h for s in stems if len(s) >= STEM_LEAST and folded.startswith(s) for h in known.keys(s)}
    shared = {h: len(commonprefix([h, folded])) for h in found}
    # a headword's stem as written too: "szukac" is "szukać", whose stem "szuk" is "szukam"'s
    heads = {h: {stem(h), fold(stem(_written(known, h)))} for h in found}
    found = {h for h in found if shared[h] >= min(SHARED_LEAST, len(h)) and heads[h] & stems}
    if not found and lang == "pl":  # a Polish verb the dictionary lists by another form
        found = _polish_verb(known, stem, stems)
        shared = {h: len(commonprefix([h, folded])) for h in found}
    most = max((shared[h] for h in found), default=0)
    best = sorted((h for h in found if shared[h] == most), key=lambda h: (abs(len(h) - len(folded)), h))
    # each one's first sense, then their others
    out = dict.fromkeys(
        s for rank in range(DICTIONARY_SENSES) for h in best for s in _senses(known, h)[rank : rank + 1]
    )
    return tuple(out)[:DICTIONARY_SENSES]


# The Polish dictionary lists a verb by its imperfective infinitive ("kupować", buy), seldom by its
# perfective partner ("kupić"), which adds none of these to the stem: -ow-, -aw-, -yw-, -iw-
# ("kupić", "kupię": kupować; "dostać": dostawać)
_IMPERFECTIVE = ("ow", "aw", "yw", "iw")


def _polish_verb(known: marisa_trie.BytesTrie, stem: Callable[[str], str], stems: set[str]) -> set[str]:
    """The headwords of a Polish verb form that shares no stem with one (`dictionary_meanings`): the
    imperfective verb whose stem is the form's with an `_IMPERFECTIVE` suffix, and the -ować verb of
    a present form in -uj- ("potrzebuję", I need: potrzebować; "kupuję": kupować): an infinitive
    (in -ć), not the noun of the same stem ("dostawa", delivery). Of the form's stems as written
    and as folded, of STEM_LEAST letters or more."""
    wanted = {s + x for s in stems if len(s) >= STEM_LEAST for x in _IMPERFECTIVE}
    wanted |= {s[:-2] + "ow" for s in stems if s.endswith("uj") and len(s) - 2 >= STEM_LEAST}
    found = {_written(known, h): h for s in wanted for h in known.keys(s[:-2])}
    return {h for w, h in found.items() if w.endswith("ć") and {stem(h), fold(stem(w))} & wanted}


def _senses(known: marisa_trie.BytesTrie, word: str) -> tuple[str, ...]:
    found = known.get(word)
    return tuple(found[0].decode().split(_HEAD, 1)[1].split(_SENSES)) if found else ()


def _written(known: marisa_trie.BytesTrie, word: str) -> str:
    """A headword of `_dictionary` as the dictionary writes it ("szukac": "szukać")."""
    found = known.get(word)
    return (found[0].decode().split(_HEAD, 1)[0] if found else "") or word


# Arabic writes its small words onto the next one: "and" (و), "with" (ب), "for" (ل), "like" (ك) and
# the article (ال, "لل" after ل) before a word, "my", "his", "our"... (ي، ه، نا...) after it. FreeDict's
# Arabic-English dictionary lists a noun with the article or without, in the singular or the plural
# ("اللاجئون", the refugees, and no "لاجئ", refugee): a word is read as written, or without what may
# lean on it from before (`_arabic_forms`), each as a headword with or without the article; else by
# the headwords with its light stem (`_arabic_stem`: the suffixes of Larkey, Ballesteros and Connell's
# light10 stemmer removed: "لاجئ" and "اللاجئون" both "لاج"). Snowball's Arabic stemmer takes too much
# of a short word for this ("الديون", the debts: "الد"; "وظيفة", a job: "ظيف").
_ARABIC_ARTICLE = "ال"
_ARABIC_BEFORE = ("بال", "كال", "فال", "وال", "لل", "ال", "ب", "ل", "ك")  # after "و" (and), if any
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")  # light10's, in its order
# A noun in ة with "my", "your", "his"... after it writes the ة as ت: "مساعدتي" (my help) is "مساعدة"
_ARABIC_POSSESSED = ("تي", "تك", "ته", "تها", "تنا", "تهم", "تكم")
ARABIC_STEM_LEAST = 3  # a shorter light stem stands for too many words (an Arabic root has three letters)


@lru_cache(maxsize=2)
def _arabic_dictionary(index_path: Path) -> marisa_trie.BytesTrie:
    """FreeDict's Arabic-English dictionary (`read_freedict`): each one-word headword, folded (no
    vowel marks; a hamza's seat as its bare letter, "أ" as "ا", as `lexicon.fold` reads a message's
    words) and without the article -> all its English senses, lower case (the dictionary writes each
    with a capital) and joined by _SENSES, those of the headword with and without the article
    together. All of them: the dictionary lists a word's senses in the alphabet's order, not the
    commonest first ("الإدارة": admin, administratorship, administration...), so `_arabic_senses` picks
    among them when a word is read."""
    senses = read_freedict(index_path, _numbered_glosses)
    merged: dict[str, list[str]] = {}
    for word, its in senses.items():
        kept = merged.setdefault(_without_article(word), [])
        kept.extend(s for s in dict.fromkeys(s.lower() for s in its) if s not in kept)
    return marisa_trie.BytesTrie((w, _SENSES.join(s).encode()) for w, s in merged.items() if s)


def _without_article(word: str) -> str:
    return word[len(_ARABIC_ARTICLE) :] if word.startswith(_ARABIC_ARTICLE) and len(word) >= 4 else word


def arabic_meanings(word: str, index_path: Path = DICTIONARIES["ar"]) -> tuple[str, ...]:
    """The first English senses (`DICTIONARY_SENSES`) of a word of an Arabic message by FreeDict's
    Arabic-English dictionary (loaded when first asked, then kept): of its forms (`_arabic_forms`),
    the first that is a headword, with or without the article, or else the first with a light stem
    of ARABIC_STEM_LEAST letters or more that headwords share (`_arabic_stem`), the commonest of
    their senses (`_arabic_senses`). Empty when none has one, or without the dictionary."""
    known = _arabic_dictionary(index_path)
    forms = _arabic_forms(fold(word))
    for form in forms:  # a form that is a headword, before one that shares a stem with some
        senses = _arabic_senses(_senses_of(known, form))
        if senses:
            return senses
    for form in forms:
        stem = _arabic_stem(form)
        if len(stem) >= ARABIC_STEM_LEAST:
            found = [h for h in known.keys(stem) if _arabic_stem(h) == stem]
            senses = _arabic_senses([s for h in found for s in _senses_of(known, h)])
            if senses:
                return senses
    return ()


def _arabic_forms(word: str) -> list[str]:
    """A folded Arabic word as written, then without "and" (و) before it, then without what else may
    lean on it from before (`_ARABIC_BEFORE`: "للاجئين", for refugees, is "لاجئين" and, read as "لل",
    the article after ل, "اجئين"), each with the ة a word with "my", "his"... after it writes as ت
    ("مساعدتي": مساعدة), and without the article: the keys of `_arabic_dictionary` to look for. A
    form keeps three letters or more."""
    forms = [word]
    if len(word) >= 4 and word.startswith("و"):
        forms.append(word[1:])
    for form in list(forms):
        for before in _ARABIC_BEFORE:
            if form.startswith(before) and len(form) - len(before) >= 3:
                if before == "لل":  # ل (for) before a word that begins with ل ("لاجئين"), or the article
                    forms.append(form[1:])
                forms.append(form[len(before) :])
    for form in list(forms):
        forms.extend(
            form[: -len(p)] + "ة" for p in _ARABIC_POSSESSED if form.endswith(p) and len(form) > len(p) + 1
        )
    return list(dict.fromkeys(_without_article(f) for f in forms))


def _arabic_stem(word: str) -> str:
    """light10's suffixes taken off a folded Arabic word, each in its order once, if two letters or
    more are left ("اللاجئون" without its article: "لاجيون" -> "لاجي" -> "لاج")."""
    for suffix in _ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


def _arabic_senses(senses: list[str]) -> tuple[str, ...]:
    """The commonest `DICTIONARY_SENSES` of an Arabic word's English senses: first a sense of English
    function words alone ("من": from, of), then by how often WordNet's tagged texts used their words
    (`wordnet.tag_count`: "الطالب" is a student before a claimer), a verb's past or -ing form alone
    last (`wordnet.is_verb_form`, unless a word of its own: "rent"): the dictionary glosses a verb in
    the past, "عمل" is "did", "worked" as well as "work", which a resident means more often. A sense
    none of whose words is an ordinary English word or one WordNet saw is left out: the dictionary
    gives names ("ديون": Dion)."""
    grammar, ordinary = english_grammar_words(), ordinary_english_words()
    ranked: list[tuple[int, int, str]] = []  # (group, -count, sense)
    for sense in dict.fromkeys(senses):
        words = tokenize(sense)
        count = max((tag_count(w) for w in words), default=0)
        if not words or not (count or any(w in ordinary for w in words)):
            continue
        if len(words) == 1 and is_verb_form(words[0]) and not is_lemma(words[0]):  # "did"; "rent" is one
            ranked.append((2, -count, sense))
        elif all(w in grammar for w in words):
            ranked.append((0, 0, sense))
        else:
            ranked.append((1, -count, sense))
    ranked.sort(key=lambda x: x[:2])
    # after the first, a sense WordNet never saw tagged is more likely a stray than a second meaning
    # ("هي", she: "gospeler"; "مع", with: "glossiest")
    kept = ranked[:1] + [r for r in ranked[1:] if r[0] == 0 or r[1] < 0]
    return tuple(sense for *_, sense in kept)[:DICTIONARY_SENSES]


def _senses_of(known: marisa_trie.BytesTrie, word: str) -> list[str]:
    found = known.get(word)
    return found[0].decode().split(_SENSES) if found else []


def welsh_meanings(word: str) -> tuple[str, ...]:
    """The English senses of a folded Welsh word by the FreeDict dictionary, as written or, for a
    mutated form, of the word it mutates from ("nhad" -> father); else as the spoken form of a
    written one (`_spoken`: "hogia" -> hogiau, lads). An adjective made of a noun or a verb with
    -us ("pryderus", worried, of "pryder", worry) has that word's senses after its own: the dictionary
    may give it a weak word ("concerned") or none ("ffwndrus", of "ffwndro", bewilder). Empty when
    it has none."""
    known = welsh_dictionary()
    forms = [word, *sorted(radicals(word))]
    senses = next((known[f] for f in forms if f in known), ())
    if not senses:
        senses = next((known[s] for f in forms for s in _spoken(f) if s in known), ())
    root = next((known[r] for f in forms for r in _adjective_root(f) if r in known), ())
    return senses + tuple(s for s in root if s not in senses)


def _spoken(word: str) -> tuple[str, ...]:
    """The written forms a spoken Welsh word may stand for: the plural ending -au said and written
    -a in the north and -e in the south ("hogia", "pethe": hogiau, pethau)."""
    if len(word) >= 4 and word.endswith(("a", "e")):
        return (word[:-1] + "au",) if word.endswith("e") else (word + "u",)
    return ()


def _adjective_root(word: str) -> tuple[str, ...]:
    """The nouns and verbs an adjective in -us may be made of: "pryderus" of "pryder", "ffwndrus" of
    "ffwndro", "gofidus" of "gofid" (a verb's stem takes its ending: -o, -io, -u, -i)."""
    if len(word) < 6 or not word.endswith("us"):
        return ()
    stem = word[:-2]
    return (stem, stem + "o", stem + "io", stem + "u", stem + "i")


def ordinary_english_words(path: Path = ENGLISH_DICTIONARY) -> WordSet:
    """The words the SCOWL list writes in lower case: ordinary English words ("shout", "park"), not
    names ("Samaritan"). Empty without the list (a machine set up by hand). Read once per list, one
    set however it is asked for (`backoffice.need_words` shares it)."""
    return _ordinary_english_words(Path(path))


@lru_cache(maxsize=4)
def _ordinary_english_words(path: Path) -> WordSet:
    try:
        words = path.read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return word_set()
    return word_set(fold(w) for w in words if w[:1].islower() and not w.endswith(("'s", "’s")))


def is_welsh_word(word: str) -> bool:
    """A folded, lowercased word is real Welsh: an everyday or service word of the word lists (with
    their mutations), or a dictionary headword as written or mutated ("ganu" for "canu")."""
    if word in _word_lists()[0]:
        return True
    heads = welsh_headwords()
    return word in heads or any(r in heads for r in radicals(word))


def _targets(targets) -> list[str]:
    items = [targets] if isinstance(targets, str) else list(targets or [])
    return [str(t) for t in items if not str(t).startswith("@")]


_model = None
_model_lock = threading.Lock()


def _identifier():
    """py3langid's model, loaded once from the package's own data file (about half a second)."""
    global _model
    with _model_lock:
        if _model is None:
            _model = load_identifier(MODEL_LANGUAGES)
        return _model


def load_identifier(languages: tuple[str, ...]):
    """py3langid's identifier (its public constructor) with only `languages`' columns of its model:
    the same answers as its own loading restricted by `set_languages(languages)` (the same columns in
    the same order, as float16; tests/test_language_model.py pins it). Its model file is read one
    array at a time (NumPy's .npz compressed with LZMA, as `py3langid.modelio` writes it): the table of
    all 142 languages (28 MB) is cut to ours (3 MB) and freed before the state table (39 MB) is read,
    which is kept as read rather than copied into a Python array, and the states' rows and features
    are C ints rather than lists of Python ints. About 45 MB at most, where the stock loading keeps
    75 and holds 100 while it loads."""
    import lzma
    import shutil
    import tempfile
    from array import array

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    def ints(values) -> array:
        return array("i", np.ascontiguousarray(values, dtype=np.intc).tobytes())

    wanted = set(languages)
    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(MODEL_DIR / MODEL_FILE) as src:
            shutil.copyfileobj(src, tmp, length=1 << 20)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            classes = data["classes"].tolist()
            keep = [i for i, c in enumerate(classes) if c in wanted]  # as `set_languages` picks them
            ptc = data["ptc"][:, keep]
            pc = data["pc"][keep]
            nextmove = data["nextmove"]  # the state machine's moves, 256 a row (39 MB), as read
            row, output = ints(data["nextmove_row"]), ints(data["out_feat"])
    return LanguageIdentifier(
        ptc, pc, [classes[i] for i in keep], nextmove, output, norm_probs=True, tk_row=row
    )


@lru_cache(maxsize=256)
def model_guess(text: str) -> tuple[str, float]:
    """The model's language and probability for `text` (among MODEL_LANGUAGES); remembered for the
    last messages, as one search asks it up to three times of the same text (`dictionary_language`
    asks `identify_language`, then the model itself when it is not sure; confidence asks again)."""
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


def _arabic_script(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if "ARABIC" in unicodedata.name(c, ""))
    return bool(letters) and arabic * 2 > len(letters)


def welsh_or_english(text: str, page: str | None = None) -> str | None:
    """Whether a message's own words lean Welsh ("cy") or English ("en"); on a tie, the page's (or
    chat's) language if the message has a word of it; else None. The word lists alone (a Welsh
    clitic, "teimlo'n", counts as a Welsh word), without the model (which takes about 45 MB once
    loaded), for checks made on every search; a message with no everyday word of either language
    ("isel iawn" is, "anghofio" is not) by the dictionaries' words."""
    text = text or ""
    clitics = len(_WELSH_CLITIC.findall(text))
    words, cy, en = _counts(_WELSH_CLITIC.sub(" ", text))
    cy += clitics
    if cy == en == 0:  # no everyday word of either: the dictionaries' words ("isel", "anghofio"),
        # Welsh only when they are half the message or more ("aulas de inglês" is not Welsh for its "de")
        welsh = sum(1 for w in words if _only_welsh(w))
        cy = welsh if welsh * 2 >= len(words) else 0
        en = sum(1 for w in words if w in ordinary_english_words())
    if cy != en:
        return "cy" if cy > en else "en"
    return page if page in ("en", "cy") and (cy if page == "cy" else en) else None


# The Welsh article and particle leaning on a word ("mae'r", "teimlo'n"): Welsh, as English has none
_WELSH_CLITIC = re.compile(r"(?<=[^\W\d_])['’][nr]\b", re.IGNORECASE)


def _only_welsh(word: str) -> bool:
    """A Welsh word of the dictionary that is no ordinary English word ("isel", not "plant")."""
    return word.isalpha() and word not in ordinary_english_words() and is_welsh_word(word)


def _counts(text: str) -> tuple[list[str], int, int]:
    """The message's words (no bare numbers), and how many are everyday Welsh and English words."""
    words = [w for w in tokenize(text) if not w.isdigit()]
    welsh_list, english_list = _word_lists()
    return words, sum(1 for w in words if w in welsh_list), sum(1 for w in words if w in english_list)


def could_be_other_language(text: str, also_known: frozenset[str] = frozenset()) -> bool:
    """Whether a message may be in a language other than English or Welsh, judged by its words alone
    (no model): Arabic script, or three words or more of which fewer than half are English words of the
    dictionary, Welsh words or `also_known` (the words search corrected: "meels" is a typo of meals). `identify_language` names another language only then, so asking this first keeps the
    language model (about 45 MB once loaded) out of a process that only ever sees English and Welsh."""
    text = text or ""
    if _arabic_script(text):
        return True
    words, known = _known_words(text, also_known)
    return len(words) >= 3 and known * 2 < len(words)


def _known_words(text: str, also_known: frozenset[str] = frozenset()) -> tuple[list[str], int]:
    """The message's words, and how many are English words of the dictionary, Welsh words or `also_known`."""
    words, _, _ = _counts(text)
    english = ordinary_english_words()
    return words, sum(1 for w in words if w in english or w in also_known or is_welsh_word(w))


def dictionary_language(text: str, also_known: frozenset[str] = frozenset()) -> str | None:
    """The language of `DICTIONARIES` a message is written in, for search to read the words nothing
    else reads through its dictionary: a message whose words may be another language's
    (`could_be_other_language`, or `_may_be_other`) and that the model says is in it: surely
    (`identify_language`), or as its first guess at READ_SURE or more ("jedzenie za darmo"). None
    otherwise; the model is not asked when the words alone rule it out (an English message of English
    words in English letters, or of one word in them, never loads it)."""
    text = text or ""
    if not could_be_other_language(text, also_known) and not _may_be_other(text, also_known):
        return None
    guess = identify_language(text).lang
    if guess == "ar" and _PERSIAN_LETTERS & set(text):  # Urdu or Persian, not Arabic: no dictionary
        return None
    if guess is not None:
        return guess if guess in DICTIONARIES else None
    lang, prob = model_guess(" ".join(text.split()))
    return lang if lang in DICTIONARIES and prob >= READ_SURE else None


_ENGLISH_ACCENTS = set("éÉ")  # the accented letter an English message may write ("café", "fiancé")


def _may_be_other(text: str, also_known: frozenset[str]) -> bool:
    """A message `could_be_other_language` does not take for another language's (too short, or with
    words English also has: "para", "a") that still may be, when it is not Welsh: one with a letter
    English does not write ("żłobek", "comida grátis para a família"), or two words neither English nor
    Welsh nor `also_known` ("kurs angielskiego")."""
    if any(c.isalpha() and not c.isascii() and c not in _ENGLISH_ACCENTS for c in text):
        return welsh_or_english(text) != "cy"
    words, known = _known_words(text, also_known)
    return len(words) == 2 and not known and welsh_or_english(text) != "cy"


def identify_language(text: str) -> LanguageGuess:
    """The language of a message, or `lang=None` when it is too short or unclear to say."""
    text = text or ""
    if _arabic_script(text):
        return LanguageGuess("ckb" if _SORANI_LETTERS & set(text) else "ar")
    words, cy, en = _counts(text)
    if not words:
        return LanguageGuess(None)
    welsh_grammar, english_grammar = _grammar()
    grammar = {
        "cy": sum(1 for w in words if w in welsh_grammar),
        "en": sum(1 for w in words if w in english_grammar),
    }
    if cy >= 2 and cy > en:
        return LanguageGuess("cy", cy, en, grammar["cy"])
    if en >= 2 and en > cy:
        return LanguageGuess("en", cy, en, grammar["en"])
    lang, prob = model_guess(" ".join(text.split()))
    if cy == 1 and en == 0 and lang == "cy":
        return LanguageGuess("cy", cy, en, grammar["cy"])
    if en >= 1 and cy == 0 and lang == "en":
        return LanguageGuess("en", cy, en, grammar["en"])
    known = cy + en
    if prob >= MODEL_SURE and lang in OTHER_LANGUAGES and known * 2 < len(words) and _enough(words, text):
        return LanguageGuess(lang, cy, en)
    if prob >= MODEL_SURE and lang in ("en", "cy") and len(words) >= 3:
        return LanguageGuess(lang, cy, en, grammar[lang])
    return LanguageGuess(None, cy, en)


def _enough(words: list[str], text: str) -> bool:
    """Two words, or one long one with letters English does not use (ę, ã...): a model's guess on
    less is chance."""
    return len(words) >= 2 or (len(words[0]) >= 6 and not text.isascii())


def language_name(code: str, lang: str) -> str:
    """'pl' -> 'Polish' (or 'Pwyleg' in Welsh); codes Babel does not know are shown as written."""
    try:
        return Locale.parse({"en": "en_GB", "cy": "cy"}[lang]).languages.get(code, code)
    except (ValueError, KeyError, UnknownLocaleError):
        return code
