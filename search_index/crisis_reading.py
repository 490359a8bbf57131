"""Crisis detection, reading a message: its words normalised and tagged with the concepts of
`crisis_concepts.yml`, and the rules that combine concepts within a clause (`_signals`).

The first layer of `crisis`: it imports nothing from the other crisis modules."""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from . import stems
from .language import (
    MODEL_LANGUAGES,
    MODEL_SURE,
    _arabic_script,
    english_grammar_words,
    model_guess,
    ordinary_english_words,
)
from .lexicon import clean_text, edit_distance, fold, mutations, stem
from .wordnet import is_a_modifier, is_a_person, is_a_weapon, names_no_weapon

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("crisis_concepts.yml")
NEAR_WORDS = Path(__file__).with_name("crisis_near_words.txt")

KINDS = ("suicide", "self-harm", "abuse", "sexual-violence", "danger")
TIERS = ("urgent", "crisis", "concern")

# Which categories fit each kind, best first: used to put the right crisis lines first.
KIND_CATEGORIES = {
    "suicide": ("mental-health",),
    "self-harm": ("mental-health", "health"),
    "abuse": ("domestic-abuse",),
    "sexual-violence": ("domestic-abuse",),
    "danger": ("domestic-abuse", "hate-crime", "health"),
}

MAX_CHARS = 10_000
_WINDOW = 40  # a clause longer than this is read in overlapping windows: rules stay linear
_TIER_RANK = {"urgent": 0, "crisis": 1, "concern": 2}
_KIND_RANK = {k: i for i, k in enumerate(("danger", "sexual-violence", "abuse", "suicide", "self-harm"))}


@dataclass(frozen=True)
class CrisisSignal:
    """What a message signals. `urgent` and `tier` agree: urgent is tier "urgent"."""

    kind: str  # one of KINDS
    phrase: str  # the words that matched, as the resident wrote them (after folding)
    urgent: bool = False  # happening now: the emergency line (999) first
    tier: str = "crisis"  # "urgent" (999 first), "crisis" (helplines first), "concern" (helplines beside)
    about: str = "self"  # "self": the writer; "other": someone the writer is worried about

    def __post_init__(self) -> None:
        if self.urgent:
            object.__setattr__(self, "tier", "urgent")
        elif self.tier == "urgent":
            object.__setattr__(self, "urgent", True)

    @property
    def categories(self) -> tuple[str, ...]:
        return KIND_CATEGORIES[self.kind]


# --- the concept data ---------------------------------------------------------------------------


@dataclass
class _Concepts:
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # base key -> concept names
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)  # first key
    radicals: dict[str, Collection[str]] = field(default_factory=dict)  # Welsh mutated form -> radicals
    harmless: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first key (or "*")
    topic_after: frozenset[str] = frozenset()
    topic_before: frozenset[str] = frozenset()
    slang: dict[str, str] = field(default_factory=dict)
    after_desire: dict[str, str] = field(default_factory=dict)
    irregular: dict[str, str] = field(default_factory=dict)
    targets: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # typo targets by (first, len)
    # a language section's small words as the English words the rules read (`read_as_english`)
    glosses: dict[str, dict[str, str]] = field(default_factory=dict)
    letters: dict[str, frozenset[str]] = field(default_factory=dict)  # letters only that language writes
    own_words: dict[str, frozenset[str]] = field(default_factory=dict)  # its words no other list has
    # words of the sections added after Welsh (Polish, Arabic) that no English or Welsh list has: matched
    # only as written, never the target of a respelling ("gwallt", Welsh hair, is no Polish "gwalt")
    as_written_only: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()  # words never "corrected": concept words and real words near them


_RISK_CONCEPTS = frozenset(
    "suicide kill death sexual violence weapon overdose substance hang drown poison shoot burn cut "
    "harm self_harm medical spiked bleeding fire_state break_in touch abuse_term".split()
)


@lru_cache(maxsize=1)
def _concept_data() -> dict:
    """crisis_concepts.yml as plain strings, read once."""
    return yaml.load(DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))


# The sections of crisis_concepts.yml in languages other than English. Their words are matched as
# written (after folding), never through the English stemmer ("tabled", a Welsh tablet, must not take
# in "table"; a Polish "bije" is no stem of anything); each language says which other forms of a
# written word stand for it: Welsh its soft, nasal and aspirate mutations ("gyllell" for "cyllell"),
# Arabic its attached conjunctions, prepositions and article ("وزوجي" and my husband, "بالسكين" with
# the knife). Polish lists its inflected forms as words of their own.
def _arabic_forms(word: str) -> set[str]:
    """An Arabic word with the clitics written joined to its front: "و" and, "ف" so, "ب" with, "ل" for,
    "ال" the, and their combinations ("وال", "بال", "فال", "لل"); a word that already has the article
    takes only the conjunctions and prepositions before it."""
    forms = {word}
    if not word or word.isascii():
        return forms
    fronts = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
    forms.update(f + word for f in fronts)
    if not word.startswith("ال"):
        forms.update(f + "ال" + word for f in ("", "و", "ف", "ب", "وب", "فب"))
        forms.update(f + "ل" + word for f in ("ل", "ول", "فل"))  # "للطفل": for the child
    return forms


LANGUAGES: dict[str, object] = {
    "welsh": mutations,
    "polish": None,
    "arabic": _arabic_forms,
    "portuguese": None,
    "romanian": None,
    "ukrainian": None,  # every form listed: no stemmer reads Ukrainian or Bulgarian here
    "bulgarian": None,
    "urdu": None,  # its small words are separate: the Arabic section's joined clitics are not its own
    "spanish": None,  # a few forms listed, the rest read by their stems (`STEMMED`)
    "turkish": None,  # Snowball's Turkish stems nouns only: its verbs' common forms are listed
    "lithuanian": None,
    "hungarian": None,
}
# The sections a blind safety review has not yet passed: a message written in one of them is flagged at
# most as a concern (the helplines beside the results and "Are you safe right now? If not, call 999"),
# never as a crisis or an urgent alarm. The sixteenth round's review of Ukrainian, Bulgarian and Urdu
# (155 probes written by a reviewer who read only the sections) found them flagging 18 of 71 look-alikes
# ("не витримую цю спеку", I can't stand this heat; a blocked nose; a course of antibiotics finished) and
# reading 8 of 84 dangers said in words they do not list: a first reading, not yet one to raise alarms.
# The seventeenth round's Spanish, Turkish, Lithuanian and Hungarian are provisional too: no review yet.
PROVISIONAL = frozenset({"ukrainian", "bulgarian", "urdu", "spanish", "turkish", "lithuanian", "hungarian"})
# The sections whose words are also read by their stem, in a message written in that language (its
# ISO 639-1 code, as the language model names it): see `_stemmed_in` and `_stem_keys`.
STEMMED = {
    "polish": "pl",
    "portuguese": "pt",
    "romanian": "ro",
    "arabic": "ar",
    "spanish": "es",
    "turkish": "tr",
    "lithuanian": "lt",
    "hungarian": "hu",
}


def _language_forms(section: str, word: str) -> set[str]:
    """The forms a word of a language section also stands for (its mutations, its clitics); the word."""
    forms = LANGUAGES.get(section)
    return set(forms(word)) if callable(forms) else {word}


def _language_words(data: dict) -> dict[str, set[str]]:
    """Each language section's words as written: section -> words."""
    out: dict[str, set[str]] = {}
    for section in LANGUAGES:
        words = out.setdefault(section, set())
        for items in (data.get(section) or {}).values():
            for item in items:
                words.update(_plain(item).split())
    return out


@lru_cache(maxsize=1)
def _concepts() -> _Concepts:
    data = _concept_data()
    c = _Concepts()
    c.slang = {str(k): str(v) for k, v in (data.get("slang") or {}).items()}
    c.irregular = {str(k): str(v) for k, v in (data.get("irregular") or {}).items()}
    c.after_desire = {str(k): str(v) for k, v in (data.get("after_desire") or {}).items()}
    movable: dict[str, frozenset[str]] = {}
    own_letters: dict[str, frozenset[str]] = {}  # a word is the section's own only with one of these
    own_glossed: dict[str, frozenset[str]] = {}  # words read as English that still say the language
    for section, reading in (data.get("read_as_english") or {}).items():
        c.glosses[section] = {_plain(k): _plain(v) for k, v in (reading.get("words") or {}).items()}
        c.letters[section] = frozenset(reading.get("letters") or "")
        movable[section] = frozenset(_plain(w) for w in reading.get("movable") or ())
        own_letters[section] = frozenset(reading.get("own_letters") or "")
        own_glossed[section] = frozenset(_plain(w) for w in reading.get("own") or ())
    words: dict[str, set[str]] = {}
    language_words = _language_words(data)
    english_grammar = english_grammar_words()  # "for" is English, never a mutated Welsh "môr"
    for section, section_words in language_words.items():
        for w in section_words:
            for form in _language_forms(section, w):
                if form != w and form not in english_grammar:  # "for" is English, not "môr" mutated
                    c.radicals.setdefault(form, set()).add(w)
    for section in ("concepts", *LANGUAGES):
        as_written = section != "concepts"
        glosses = c.glosses.get(section, {})
        for name, items in (data.get(section) or {}).items():
            for item in items:
                toks = _plain(item).split()
                if glosses and len(toks) > 1:  # read as a message in the language is: "myślę about"
                    toks = [g for t in toks for g in glosses.get(t, t).split()]
                if len(toks) == 2 and set(toks) & movable.get(section, frozenset()):
                    swapped = tuple(reversed(toks))  # "się włamuje" as "włamuje się"
                    c.phrases.setdefault(swapped[0], []).append((swapped, name))
                if not toks:
                    continue
                if len(toks) == 1:  # a word of a language section as written (its other forms are
                    # radicals), never through the English stemmer: "tabled" (tablet) must not take in "table"
                    keys = {toks[0]} if as_written else {toks[0], _base(toks[0], c)}
                    for key in keys:
                        words.setdefault(key, set()).add(name)
                else:  # a phrase's words as written too: a mutated "gerdded" finds "cerdded",
                    # never the stem "cerdd"
                    key = tuple(toks) if as_written else tuple(_base(t, c) for t in toks)
                    c.phrases.setdefault(key[0], []).append((key, name))
    c.words = {k: frozenset(v) for k, v in words.items()}
    for h in data["harmless"]:
        pattern = tuple(
            t if t == "*" else _base(t, c)
            for t in _plain(h.replace("*", " zzany ")).replace("zzany", "*").split()
        )
        c.harmless.setdefault(pattern[0], []).append(pattern)
    c.topic_after = frozenset(_base(_plain(w), c) for w in data.get("topic_after", ())) | frozenset(
        _plain(w) for w in data.get("topic_after", ())
    )
    c.topic_before = frozenset(_base(_plain(w), c) for w in data.get("topic_before", ())) | frozenset(
        _plain(w) for w in data.get("topic_before", ())
    )
    concept_words = {w for w in words if w.isalpha()}
    for items in (data.get("concepts") or {}).values():
        for item in items:
            concept_words.update(_plain(item).split())
    written = set().union(*language_words.values())
    english_lists = {
        w for items in (data.get("concepts") or {}).values() for item in items for w in _plain(item).split()
    }
    english = ordinary_english_words()
    c.as_written_only = frozenset(
        set().union(*(w for s, w in language_words.items() if s != "welsh"))
        - english_lists
        - language_words.get("welsh", set())
    )
    for section in c.glosses:  # a section's own words: in no other section's list, no English word; a
        # provisional section's words take none from an established one ("cortar" stays Portuguese's own)
        others = english_lists.union(
            *(
                w
                for s, w in language_words.items()
                if s != section and (s not in PROVISIONAL or section in PROVISIONAL)
            )
        )
        c.own_words[section] = frozenset(
            w
            for w in language_words.get(section, ())
            if w not in others
            and w not in english
            and w not in c.glosses[section]
            and (not own_letters[section] or own_letters[section] & set(w))
        ) | frozenset(w for w in own_glossed[section] if w not in others and w not in english)
    near = set(NEAR_WORDS.read_text(encoding="utf-8").split()) if NEAR_WORDS.is_file() else set()
    c.known = frozenset(concept_words | near | set(c.slang) | set(c.irregular) | written)
    for w in typo_targets(data):
        c.targets.setdefault((w[0], len(w)), []).append(w)
    # kept as tuples (nearly all hold one radical): 0.5 MB where the sets took 2.3 (10,762 forms)
    c.radicals = {form: tuple(sorted(found)) for form, found in c.radicals.items()}
    return c


def typo_targets(data: dict | None = None) -> list[str]:
    """The concept words a typo may be corrected to: single English words of five letters or more."""
    if data is None:
        data = yaml.load(
            DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader)
        )
    out = set()
    for items in (data.get("concepts") or {}).values():
        for item in items:
            toks = _plain(item).split()
            if len(toks) == 1 and len(toks[0]) >= 5 and toks[0].isalpha():
                out.add(toks[0])
    return sorted(out)


def typo_limit(word: str) -> int:
    """How many edits a typo of a word this long may have: one up to eight letters, then two."""
    return 0 if len(word) < 5 else 1 if len(word) <= 8 else 2


def typo_forms(word: str) -> list[tuple[str, str]]:
    """The forms of a word a typo is looked for in: the word, and its stem before "-ing", "-ed" or "-s"
    ("disapearing": "disapear" + "ing"), each with the ending to put back."""
    forms = [(word, "")]
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            forms.append((word[: -len(ending)], ending))
    return forms


def _fold(text: str) -> str:
    """`fold`, and what it leaves of letters other languages write two ways: a Polish "ł" is often
    typed "l" ("złamał", "zlamal"); Arabic drops its stretching stroke (tatweel), and writes a final
    "ى" for "ي" and "ة" for "ه" (after `fold` has taken off the vowel marks and the hamza)."""
    return fold(text).translate(_MORE_FOLDING)


_MORE_FOLDING = str.maketrans({"ł": "l", "ı": "i", "\u0640": None, "ى": "ي", "ة": "ه"})


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", _fold(str(text)).replace("'", "").replace("’", "")).split())


def _base(word: str, c: _Concepts) -> str:
    base = stem(c.irregular.get(word, word))
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeioulsz":  # "pinn" -> "pin"
        base = base[:-1]
    return base


# --- normalising ----------------------------------------------------------------------------------

_DOTTED = re.compile(r"\b(?:[a-z]\.){1,}[a-z]\b\.?")
_OD = re.compile(r"\bod(?:['’]d|['’]?ed|['’]?ing)\b")
_SA = re.compile(r"\bsa(?:['’]d|['’]ed)\b")  # "got sa'd at a party": sexually assaulted
_LAUGHING_FACES = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f639]")  # 😂 🤣 😆 😅 😹
_CONTRACTIONS = (
    (re.compile(r"\b(\w+)n['’]t\b"), r"\1nt"),
    (re.compile(r"\bi['’]m\b"), "i am"),
    (re.compile(r"['’]ll\b"), " will"),
    (re.compile(r"['’]ve\b"), " have"),
    (re.compile(r"['’]re\b"), " are"),
    (re.compile(r"\bi['’]d\b"), "i would"),
    (re.compile(r"\b(it|that|there)['’]d\b"), r"\1 would"),  # "it'd be easy" ("he'd" may be "he had")
    # but said of what someone will do, it is "would": "said he'd cut my throat", "swore she'd kill him"
    (
        re.compile(r"\b(said|says|swore|swears|threatened|told me|told us|texted)\s+(he|she|they)['’]d\b"),
        r"\1 \2 would",
    ),
    (re.compile(r"\b(he|she|it|there|that|who|what|someone|somebody)['’]s\b"), r"\1 is"),
    # anyone's "'s" before a verb's helper is "is" or "has", never whose: "mum's going to kill me",
    # "my dad's been drinking", "grandad's gone blue" (but "mum's phone", "grandad's breathing")
    (re.compile(r"\b(\w+)['’]s (?=(?:been|going|gonna|gone|got|getting)\b)"), r"\1 is "),
    (re.compile(r"(\w)['’]n\b"), r"\1 yn"),  # Welsh: "dwi'n", "mae'n", "e'n"
    (re.compile(r"(\w)['’]r\b"), r"\1 yr"),  # Welsh: "llyncu'r tabledi", "mae'r tŷ"
)
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n\r\u2026()\[\]{}\"|\u060c\u061b\u061f]+")  # and Arabic ، ؛ ؟
_TOKEN = re.compile(r"[^\W_]+")
_BREAK_WORDS = frozenset("but because though although however ond achos oherwydd".split())
_SUBJECTS = frozenset("i he she they we someone somebody".split())
_REPEAT = re.compile(r"(\w)\1+")


@dataclass
class _Token:
    text: str  # the word after normalising
    keys: frozenset[str]  # word, base form, Welsh radicals
    tags: set[str] = field(default_factory=set)
    start: dict[str, int] = field(default_factory=dict)  # concept -> end of the phrase starting here
    borrowed: frozenset[str] = frozenset()  # keys that are listed forms sharing the word's stem


def _words(text: str) -> list[list[str]]:
    """Clauses of words after folding, contractions and slang (no language model asked: a single word
    search checks, "suport", is never read by stems)."""
    return _read_words(text, stems=False)[0]


def written_in(text: str) -> str | None:
    """The language section a message is read in (see `_written_in`), or None for English."""
    return _written_in(text, _prepared(text), _concepts())


def in_a_provisional_language(text: str, phrase: str) -> bool:
    """Whether a message is read in a provisional section (`PROVISIONAL`): it is written in one, or the
    words that signal danger are a provisional section's own ("evde gaz kokusu var", where the English
    "var" leaves the message to no section)."""
    c = _concepts()
    if written_in(text) in PROVISIONAL:
        return True
    words = set(_plain(phrase).split())
    return any(words & c.own_words.get(section, frozenset()) for section in PROVISIONAL)


def _prepared(text: str) -> list[list[str]]:
    """The message folded, its contractions and markers read, split into its parts' words."""
    text = _fold(clean_text(text, limit=MAX_CHARS))
    text = _OD.sub(" overdosed ", text)
    text = _SA.sub(" sexually assaulted ", text)
    text = _LAUGHING_FACES.sub(" lol ", text)  # "burn the house down 😂": a laugh, as "lol" is
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    text = re.sub(r"['’`‘]", "", text)
    text = _STARRED.sub(_uncensored, text)
    text = _joined_commas().sub(" ", text)  # "grozi, że zabije dzieci": one thing said
    return [_TOKEN.findall(part) for part in _CLAUSE_BREAK.split(text)]


def _read_words(text: str, stems: bool = True) -> tuple[list[list[str]], str | None]:
    """`_words`, and the language section whose stems the message is read with (`_stemmed_in`), if any
    (with `stems`)."""
    c = _concepts()
    clauses: list[list[str]] = []
    parts = _prepared(text)
    section = _written_in(text, parts, c)
    glosses = c.glosses.get(section or "", {})
    for found in parts:
        words: list[str] = []
        own_glosses = glosses if glosses and not _an_english_part(found, section, c) else {}
        if own_glosses:  # the language's small words as English ones, and no English slang
            found = [g for w in found for g in own_glosses.get(w, w).split()]
        else:
            found = _joined(found, c)
        for k, w in enumerate(found):
            if w in _BREAK_WORDS:
                if words:
                    clauses.append(words)
                words = []
                continue
            if words and words[-1] in ("and", "so") and w in _SUBJECTS:
                words.pop()
                clauses.append(words)
                words = []
            counted = w.isdigit() and (
                k + 1 < len(found)
                and found[k + 1].startswith(_UNITS)
                or k
                and found[k - 1] in ("is", "was", "at", "of", "sugars", "sugar", "bm", "levels", "temp")
            )  # "my 2 year old", "his sugar is 2.1": a number, not "to"
            words.extend(
                [w] if counted or own_glosses else c.slang.get(w, w).split()
            )  # "my 2 year old" is no "to"
        if words:
            clauses.append(words)
    someone = any("third" in c.words.get(w, ()) for words in clauses for w in words)
    return [_no_more(_numbers(_felt_by_the_writer(words, someone))) for words in clauses], (
        _stemmed_in(text, section) if stems else None
    )


# A clause that is only a fear, its feeler unsaid, in a message that names someone, is the writer's
# fear of them: "he's back. scared" is "he's back. i am scared" (not "exam tomorrow. so scared")
_FEARFUL = frozenset("scared afraid frightened terrified petrified".split())
_SO = frozenset("so really proper well too very dead".split())


def _felt_by_the_writer(words: list[str], someone: bool) -> list[str]:
    rest = words[1:] if words[:1] and words[0] in _SO else words
    if (
        someone
        and rest[:1]
        and rest[0] in _FEARFUL
        and len(words) <= 4
        and rest[1:2] not in (["not"], ["so"])
    ):
        return ["i", "am", *words]
    return words


def _stemmed_in(raw: str, section: str | None) -> str | None:
    """The language section a message is read with by stems: the section its words say it is written in
    (`_written_in`; Arabic by its script), when the language model agrees and is sure (for a language
    the model knows; Lithuanian and Hungarian by their words alone). Both must agree,
    so that a word of another language never changes how an English or Welsh message is read; the model
    (about 45 MB once loaded, as search loads it for the same messages) is asked only then."""
    if section is None and _arabic_script(raw):
        section = "arabic"
    code = STEMMED.get(section or "")
    if code is None:
        return None
    if code not in MODEL_LANGUAGES:  # a language the model does not know (Lithuanian, Hungarian): its words
        return section
    lang, prob = model_guess(" ".join(raw.split())[:MAX_CHARS])
    return section if lang == code and prob >= MODEL_SURE else None


def _an_english_part(found: list[str], section: str | None, c: _Concepts) -> bool:
    """A part of a message in another language that is written in English ("mam dość, took all my tabs,
    przepraszam mamo"): most of its words are English, and more of them than that language's own (as
    `_written_in` counts them). It is read as English: "my" is then no Polish "we"."""
    if section is None:
        return False
    own, glossed = c.own_words[section], c.glosses[section]  # its small words say nothing either way
    english = ordinary_english_words()
    theirs = sum(1 for w in found if len(w) > 1 and w in english and w not in own and w not in glossed)
    return 2 * theirs > len(found) and theirs > sum(1 for w in found if w in own)


def _written_in(raw: str, parts: list[list[str]], c: _Concepts) -> str | None:
    """The language section (of those `read_as_english`) a message is written in: more of its words are
    that section's own than are English words, or it has letters only that language writes; None
    for a message in English or Welsh. The first section that says so, unless a provisional section
    (`PROVISIONAL`) has more of its own: a Bulgarian message may hold a word only the Ukrainian lists
    have, a Spanish one a word only the Portuguese lists have ("cortar"), and a section not yet reviewed
    never takes a message from one that was on a tie."""
    words = [w for found in parts for w in found]
    english = ordinary_english_words()
    lowered = raw.lower() if isinstance(raw, str) else ""
    scores: dict[str, int] = {}
    for section, own in c.own_words.items():
        glossed = c.glosses[section]  # its small words ("i", "na", "to") say nothing either way
        mine = sum(1 for w in words if w in own) + 3 * any(ch in c.letters.get(section, ()) for ch in lowered)
        theirs = sum(1 for w in words if len(w) > 1 and w in english and w not in own and w not in glossed)
        if mine and mine > theirs:
            scores[section] = mine
    if not scores:
        return None
    first = next(iter(scores))
    provisional = [s for s in scores if s in PROVISIONAL and scores[s] > scores[first]]
    return max(provisional, key=lambda s: scores[s]) if provisional else first


@lru_cache(maxsize=1)
def _joined_commas() -> re.Pattern:
    """A comma before a word of a language section's `joins` (Polish writes one before every "że",
    that): the grammar's comma, not the end of what is said."""
    data = _concept_data()
    joins = sorted(
        {
            w
            for section in LANGUAGES
            for item in (data.get(section) or {}).get("joins", ())
            for w in [_plain(item)]
        }
    )
    if not joins:
        return re.compile(r"(?!)")
    return re.compile(r",\s*(?=(?:" + "|".join(map(re.escape, joins)) + r")\b)")


_UNITS = ("year", "yr", "month", "week", "wk", "day", "hour", "hr", "min", "mg", "ml", "oed", "blwydd")


def _joined(found: list[str], c: _Concepts) -> list[str]:
    """Two words that, joined, are one word of slang: "sewer slide" is "sewerslide" (suicide), "un alive"
    is "unalive"."""
    out: list[str] = []
    k = 0
    while k < len(found):
        pair = found[k] + found[k + 1] if k + 1 < len(found) else ""
        if len(pair) >= 7 and (pair in c.slang or pair in _JOINABLE):
            out.append(pair)
            k += 2
        else:
            out.append(found[k])
            k += 1
    return out


_JOINABLE = frozenset("unalive unalived unaliving".split())


def _numbers(words: list[str]) -> list[str]:
    """Numbers written as words, as digits: "twenty paracetamol" is "20 paracetamol"."""
    return [_NUMBER_WORDS.get(w, w) for w in words]


_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
    if w != "_"
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100", "dozen": "12"}


def _no_more(words: list[str]) -> list[str]:
    """ "can't do this no more" is "can't do this anymore" (a double negative of speech)."""
    for k in range(1, len(words) - 1):
        if words[k] == "no" and words[k + 1] == "more" and _NEGATIONS & set(words[:k]):
            return words[:k] + ["anymore"] + words[k + 2 :]
    return words


_NEGATIONS = frozenset("cant cannot dont wont not never couldnt wouldnt aint".split())


_STARRED = re.compile(r"(?<![\w*#@$])[a-z]*(?:[*#@$]+[a-z]*)+(?![\w*#@$])")


def _uncensored(m: re.Match) -> str:
    """A risk word written with its letters starred out ("r*ped", "k*ll", "su**ide"): the concept word of
    that shape, if exactly one fits."""
    word = m.group(0)
    letters = re.sub(r"[*#@$]", "", word)
    if len(letters) < 1 or len(word) > 30:
        return word
    shape = re.compile(
        "".join(
            f"[a-z]{{1,{len(run) + 1}}}" if run[0] in "*#@$" else re.escape(run)
            for run in re.findall(r"[*#@$]+|[a-z]+", word)
        )
    )
    fits = [w for w in _concept_spellings() if shape.fullmatch(w)]
    risky = [w for w in fits if _tags_of(w) & _RISK_CONCEPTS] or fits  # "r*p*d": raped before ripped
    return risky[0] if len(risky) == 1 else word


@lru_cache(maxsize=1)
def _concept_spellings() -> tuple[str, ...]:
    data = _concept_data()
    words = {
        w for items in (data.get("concepts") or {}).values() for item in items for w in _plain(item).split()
    }
    return tuple(sorted(w for w in words if len(w) >= 3 and w.isalpha()))


def _keys(word: str, c: _Concepts) -> frozenset[str]:
    keys = {word, _base(word, c)}
    for radical in c.radicals.get(word, ()):
        keys.add(radical)
    borrowed = _borrowed_verb(word, c)
    if borrowed:
        keys.add(borrowed)
    return frozenset(keys)


def _borrowed_verb(word: str, c: _Concepts) -> str | None:
    """The English verb a Welsh verb-noun borrows with "-io" ("stabio", "stalkio", "slapio"), when the
    lists hold that verb; None for any other word, and for English words that end so ("radio",
    "patio")."""
    if len(word) < 6 or not word.endswith("io") or word in c.words or word in ordinary_english_words():
        return None
    root = word[:-2]
    return root if root in c.words else None


def _stem_keys(word: str, c: _Concepts, section: str | None) -> frozenset[str]:
    """In a message read with a section's stems, a word that no list holds as written: the forms of that
    section that share its stem ("espancava": espanca, espancar, espancou), whose concepts and phrases it then
    takes. None for a listed word (it says what it says) or a word too short to stem."""
    if section is None or word in c.words or word in c.radicals:
        return frozenset()
    s = stems.stem_of(STEMMED[section], word)
    return _stem_index(section).get(s, frozenset()) if s is not None else frozenset()


@lru_cache(maxsize=len(STEMMED))
def _stem_index(section: str) -> dict[str, frozenset[str]]:
    """A language section's words (single words and the words of its phrases) by their stem: stem ->
    the listed words. Made when a message in that language is first read, so a process that reads only
    English and Welsh never loads a stemmer."""
    code = STEMMED[section]
    by_stem: dict[str, set[str]] = {}
    for w in _language_words(_concept_data()).get(section, ()):
        if (s := stems.stem_of(code, w)) is not None:
            by_stem.setdefault(s, set()).add(w)
    return {s: frozenset(ws) for s, ws in by_stem.items()}


def _known(word: str, c: _Concepts) -> bool:
    return word in c.known or _base(word, c) in c.words or word in c.radicals


def _spell(word: str, c: _Concepts) -> str:
    """A word as meant: squeezed letters, "-in'" as "-ing", a typo of a concept word fixed."""
    return _spelled(word) if len(word) <= 30 else word


@lru_cache(maxsize=20_000)
def _spelled(word: str) -> str:
    c = _concepts()
    if _known(word, c) or not word.isalpha() or len(word) > 30 or word in ordinary_english_words():
        return word  # a real word as written: "good" is not "god", "odd" not "od", "soon" not "son"
    for squeezed in (_REPEAT.sub(r"\1", word), _REPEAT.sub(r"\1\1", word)):
        if squeezed != word and _known(squeezed, c) and squeezed not in c.as_written_only:
            return squeezed
    if word.endswith("in") and (_known(word + "g", c) or _base(word + "g", c) in c.phrases):
        return word + "g"
    for form, ending in typo_forms(word):
        limit = typo_limit(form)
        if not limit:
            continue
        best: tuple[int, str] | None = None
        for n in range(len(form) - limit, len(form) + limit + 1):
            for cand in c.targets.get((form[0], n), ()):
                if typo_limit(cand) < 1:
                    continue
                d = edit_distance(form, cand, min(limit, typo_limit(cand)))
                if d <= min(limit, typo_limit(cand)) and (best is None or (d, cand) < best):
                    best = (d, cand)
        if best:
            return best[1] + ending
    return word


_VERB_TAGS = ("kill", "hang", "drown", "shoot", "poison", "cut", "harm", "burn")
# concepts a listed form has by its own ending: lent only to a word of its stem that ends as it does
# ("يهددونني", they threaten me, as "يهددني")
_OF_THE_FORM = frozenset({"object_first"})
_OBJECT_WORDS = frozenset("my the your his her their it a an some this that them me".split())


def _tokens(words: list[str], c: _Concepts, stemmed: str | None = None) -> list[_Token]:
    """A clause's words as tokens with their concepts; `stemmed` is the language section the message is
    read with by stems (`_stemmed_in`): its words the lists do not hold also take the concepts of the
    listed forms they share a stem with (`_stem_keys`)."""
    words = [_spell(w, c) for w in words]
    out: list[_Token] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        prev = words[i - 1] if i else ""
        prev2 = words[i - 2] if i > 1 else ""
        # a sound-alike after a wish: "i wanna dye" (but "i want to dye my hair" is hair dye)
        if w in c.after_desire and "desire" in _tags_of(prev2 if prev == "to" else prev):
            if nxt not in _OBJECT_WORDS and not ({"body_part"} & _tags_of(nxt)):
                w = c.after_desire[w]
        # a short typo just before "myself"/"himself": "kil myself", "hrt myself"
        elif not _known(w, c) and 3 <= len(w) <= 5 and {"reflexive_self", "reflexive_other"} & _tags_of(nxt):
            for tag in _VERB_TAGS:
                cands = [
                    k
                    for k, v in c.words.items()
                    if tag in v and k.isalpha() and len(k) <= 6 and k not in c.as_written_only
                ]
                hit = next((k for k in sorted(cands) if edit_distance(w, k, 1) <= 1), None)
                if hit:
                    w = hit
                    break
        borrowed = _stem_keys(w, c, stemmed)
        out.append(_Token(w, _keys(w, c) | borrowed, borrowed=borrowed))
    for i, tok in enumerate(out):
        for key in tok.keys:
            for name in c.words.get(key, ()):
                if name in _OF_THE_FORM and key in tok.borrowed and key[-2:] != tok.text[-2:]:
                    continue  # "يدفعني" (pushes me) says who by its ending: "يدفع" (pays) has not that ending
                tok.tags.add(name)
                tok.start.setdefault(name, i + 1)
            for phrase, name in c.phrases.get(key, ()):
                end = _phrase_end(out, i, phrase)
                if end is not None:
                    for j in range(i, end):
                        out[j].tags.add(name)
                    tok.start[name] = max(tok.start.get(name, 0), end)
    _drop_lookalikes(out, c)
    return out


def _phrase_end(out: list[_Token], i: int, phrase: tuple[str, ...]) -> int | None:
    """Where a listed phrase that starts at token `i` ends (one past its last word), or None when the
    words that follow are not its words. A word that only says how much may stand between two of its
    words: "smells really strongly of gas" is "smells of gas", "i so want to die" is "want to die"."""
    k = i + 1
    for word in phrase[1:]:
        while k < len(out) and out[k].text in _HOW_MUCH and word not in out[k].keys:
            k += 1
        if k >= len(out) or word not in out[k].keys:
            return None
        k += 1
    return k


# words that say how much, between a phrase's words
_HOW_MUCH = frozenset(
    "really rly rlly realy very so strongly quite totally literally actually seriously proper properly "
    "genuinely defo definitely fully badly".split()
)


@lru_cache(maxsize=4096)
def _tags_of(word: str) -> frozenset[str]:
    c = _concepts()
    tags: set[str] = set()
    for key in _keys(word, c):
        tags.update(c.words.get(key, ()))
    return frozenset(tags)


def _drop_lookalikes(tokens: list[_Token], c: _Concepts) -> None:
    """Look-alike spans ("kill time", "kick me out") and topic uses ("knife crime") lose their risk tags;
    a topic use is marked `read`: the rules have judged that word, and meaning leaves it out."""
    for i in range(len(tokens)):
        starting = [p for key in (*tokens[i].keys, "*") for p in c.harmless.get(key, ())]
        for pattern in starting:
            n = len(pattern)
            if i + n <= len(tokens) and all(
                p == "*" or p in tokens[i + j].keys for j, p in enumerate(pattern)
            ):
                for j in range(i, i + n):
                    tokens[j].tags -= _RISK_CONCEPTS | {
                        "death",
                        "follow",
                        "jump",
                        "touch",
                        "victim",
                        "third",
                        "concern",
                    }
        tok = tokens[i]
        if "weapon" in tok.tags and _no_weapon_named(tokens, i):
            tok.tags -= {"weapon", "shoot"}  # "a water gun", "a plastic sword", Welsh "cyllell fara"
        if "missing" in tok.start and any(t.text in _INSTITUTIONS for t in tokens[max(0, i - 3) : i]):
            for j in range(i, tok.start["missing"]):  # "the landlord won't answer my texts": a service
                tokens[j].tags.discard("missing")  # that does not reply is no one missing
        risky = tok.tags & _RISK_CONCEPTS
        if risky:
            end = max((tok.start.get(t, i + 1) for t in risky), default=i + 1)
            nxt = tokens[end] if end < len(tokens) else None
            before = tokens[i - 1] if i else None
            noun = not tok.text.endswith(
                ("al", "ed", "ing", "ly")
            )  # "bereaved by suicide", not "by suicidal thoughts"
            if (
                before is not None
                and i > 1
                and noun
                and (
                    before.text in ("by", "to", "from", "through", "gan", "trwy", "i")
                    or "topic_link" in before.tags
                )
            ):
                lost = next((t for t in tokens[max(0, i - 4) : i - 1] if t.keys & c.topic_before), None)
                if lost is not None:  # "bereaved by suicide", "affected by domestic abuse", "colli rhywun i"
                    before = lost
            if before is not None and before.keys & c.topic_before:
                before.tags.clear()
                for j in range(i, end):
                    tokens[j].tags -= _RISK_CONCEPTS
                    tokens[j].tags.add("read")
            elif nxt is not None and nxt.keys & c.topic_after:
                for j in range(i, end):
                    tokens[j].tags -= _RISK_CONCEPTS
                    tokens[j].tags.add("read")
                tokens[end].tags.clear()


def _no_weapon_named(tokens: list[_Token], i: int) -> bool:
    """The weapon's name at `i` names a toy with the word before it ("a nerf gun", "a toy sword"), or a
    made thing WordNet knows as no weapon ("water gun", "staple gun"), and nothing near it makes it one
    ("held a staple gun to my head", "spraying acid from a water gun"). A fake, a replica or a printed
    plastic gun may be pointed at someone, and a kitchen's knife cuts as any other: all stay weapons."""
    before = tokens[i - 1] if i else None
    if before is None or not before.text.isalpha():
        return False
    if any(t.tags & _MADE_A_WEAPON for t in tokens) or any(
        "body_part" in t.tags or t.text in ("head", "face", "throat") for t in tokens[i + 1 : i + 5]
    ):
        return False
    return bool(before.keys & _TOYS) or names_no_weapon(before.text, tokens[i].text)


# --- reading a clause ---------------------------------------------------------------------------

# Words passed over when looking back from a verb for who does it.
_SKIP = frozenset(
    """is am are was were be been being has have had do does did dont doesnt didnt will would wont
    just really so literally honestly actually still also seriously always keeps keep kept never not then
    to and then said says saying told tells going gonna want wants wanted might may could can cant
    should shall must tried trying try think thinking feel feeling like kinda kind of proper totally
    fully even constantly sometimes often again already now tonight today yesterday a an the about
    talking talk talks isnt wasnt arent werent aint threatened threatening threatens threaten took
    take taken takes has got gets get getting keeps who that yn mae wedi fy ei wnaeth fe mi y r
    bod roedd oedd ddim dim eisiau isio moyn ac a hefyd""".split()
)


_DETERMINERS = frozenset(
    "my your his her our their its the a an this that these those some any no every fy dy ei ein eich eu y yr".split()
)
_BEFORE_LIFE = frozenset(
    "to be been being of with for in on about my this the y i fy yn mi fi ar continue keep carry".split()
)
_INTIMATE = frozenset(
    "private privates bum bottom breasts boobs chest crotch genitals groin thigh thighs".split()
)
# People whose "he'll kill me if..." is almost always a figure of speech (a partner or an ex is never here)
_FIGURE_AGENTS = frozenset(
    "mum mam mom dad nan gran grandad sister brother teacher boss coach nain taid bos athro athrawes".split()
)
_IF_OR_WHEN = frozenset("if when os pan".split())
_TELLING = frozenset("tell told telling leave leaving deud dweud ddeud gadael police heddlu".split())


def _telling(tok: _Token) -> bool:
    """Leaving or telling (or the police): the English and Welsh words above, or the `telling` words of
    the other languages' sections ("odejdę", "deixar", "plec", "أترك")."""
    return tok.text in _TELLING or "telling" in tok.tags


_PREPOSITIONS = frozenset("on at in to with from into of for by about over under near outside".split())
_THING_PRONOUNS = frozenset("it this that which what there".split())
# "this" and "that" where Romanian says them, after the noun ("autobuzul ăsta", this bus)
_SAID_AFTER = frozenset("asta ala aia acesta aceasta acela aceea".split())
# Words that may stand between a wish and death: "wish they were dead", "want to go to sleep and not wake up"
_GLUE = frozenset(
    """to be just really go and so all i he she they we was were am is are been could would never not
    off literally honestly actually rather fall asleep sleep about it kinda better simply quietly
    peacefully finally totally already gonna going want wanna me myself themselves himself herself
    of thinking think how ways painless quick quickly easy easiest best way forever permanently
    properly completely fully na yn i mi fe eisiau isio cysgu a ac jyst mynd""".split()
)
# After a method verb, words that leave it with no object: "tried to cut again", "going to jump tonight"
_NO_OBJECT = frozenset(
    "again before tonight now today anymore soon later tomorrow deeper more lol tbh honestly though fr "
    "properly badly myself is was eto heno nawr rwan heddiw fory yfory".split()
)


class _Clause:
    def __init__(self, tokens: list[_Token]):
        self.tokens = tokens
        self.at: dict[str, list[int]] = {}
        for i, tok in enumerate(tokens):
            for tag in tok.tags:
                self.at.setdefault(tag, []).append(i)

    def has(self, tag: str) -> bool:
        return tag in self.at

    def pos(self, tag: str) -> list[int]:
        return self.at.get(tag, [])

    def near(self, i: int, tag: str, before: int = 0, after: int = 0) -> int | None:
        for j in self.pos(tag):
            if i - before <= j <= i + after and j != i:
                return j
        return None

    def words(self, i: int, j: int) -> str:
        i, j = max(0, min(i, j)), min(len(self.tokens), max(i, j) + 1)
        return " ".join(t.text for t in self.tokens[i:j])

    def subject(self, i: int) -> str | None:
        """Who does the thing at `i`: "self", "other", "thing", or None when nobody is named."""
        person = _welsh_person(self.tokens[i].text) if i < len(self.tokens) else None
        if person is not None:  # a Welsh past says who by its ending: "llyncais" (I), "llyncodd" (he, she)
            return person
        for j in range(i - 1, max(-1, i - 8), -1):
            tok = self.tokens[j]
            if tok.text in ("i", "we", "dw", "dwi", "dwim", "rwy", "rydw", "ydw", "wi", "sai", "fi", "ni"):
                return "self"
            if "vehicle" in tok.tags and j + 1 < len(self.tokens) and self.tokens[j + 1].text in _SAID_AFTER:
                if not tok.tags & {"third", "intruder_who"}:
                    continue  # Romanian "autobuzul ăsta mă omoară": this bus (no driver) is "killing" me
            if tok.tags & {"third", "vehicle", "intruder_who"} and tok.text not in ("her", "him", "them"):
                return "other"
            if tok.text in ("her", "him", "them") and j and self.tokens[j - 1].text in _PERCEIVED:
                return "other"  # "i saw him slap a lady": who is seen does it
            if tok.text == "hi" and j and self.tokens[j - 1].text in _WELSH_SHE_BEFORE:
                return "other"  # Welsh "mae hi": she
            if tok.tags & {"violence", "victim", "follow", "touch"}:
                continue
            if tok.text in _SKIP or tok.text in ("me", "us", "my") or tok.tags & {"desire", "attempt", "now"}:
                continue
            if tok.text in _THING_PRONOUNS:
                return "thing"
            if tok.text == "old" and j and self.tokens[j - 1].text.rstrip("s") in ("year", "yr", "month"):
                return "other"  # "my 14 year old punched me": a person, named by age
            if tok.text in ("fod", "bod") and j and self.tokens[j - 1].text in ("ei", "eu"):
                return "other"  # Welsh reported speech, "dweud ei fod eisiau...": that he (she, they)
            if j and self.tokens[j - 1].text in _DETERMINERS:  # "my phone", "this heat", "the bus"
                if j > 1 and self.tokens[j - 2].text in _PREPOSITIONS:  # "banging on my door": an object
                    continue
                if j > 1 and self.tokens[j - 2].tags & {"violence", "harm", "touch", "take", "cut", "have"}:
                    continue  # "pulled my hair and dragged me": the object of an earlier act
                return "thing"
            # another word (an object, an adjective, an earlier verb): keep looking for who acts
        return None

    def negated(self, i: int) -> bool:
        return self.near(i, "negation", before=3) is not None


def _signals(cl: _Clause) -> Iterable[CrisisSignal]:
    """Every signal the rules find in one clause: each reader of `_CLAUSE_READERS` in turn."""
    for reader in _CLAUSE_READERS:
        yield from reader(cl)


def _kit(cl: _Clause):
    """What every clause reader uses: the tokens, whether the clause says "now", `sig` (a signal over
    words i..j; a crisis said with "now" is urgent) and `about` (whose the act at i is)."""
    toks = cl.tokens
    now = cl.has("now")

    def sig(kind, i, j, tier="crisis", about="self"):
        if tier == "crisis" and now and kind != "danger":
            tier = "urgent"
        return CrisisSignal(kind, cl.words(i, j), tier == "urgent", tier, about)

    def about(i, default="self"):
        s = cl.subject(i)
        return "other" if s == "other" else default

    return toks, now, sig, about


def _acts_on_oneself(cl: _Clause) -> Iterable[CrisisSignal]:
    """A person acting on themselves, means at hand or held, a high place, harm done to the writer, the words that name it."""
    toks, now, sig, about = _kit(cl)
    # the writer or someone else acts on themselves: "kill myself", "cut herself", "set myself alight"
    for tag in ("kill", "hang", "drown", "shoot", "poison", "jump", "cut", "harm", "burn"):
        for i in cl.pos(tag):
            r = cl.near(i, "reflexive_self", after=3) or cl.near(i, "reflexive_self", before=2)
            o = cl.near(i, "reflexive_other", after=3)
            if r is None and o is None:  # a reflexive that does not say whose (Polish "się"): the doer's
                n = cl.near(i, "reflexive_any", after=1)
                n = n if n is not None else cl.near(i, "reflexive_any", before=1)
                if n is None:
                    continue
                r, o = (None, n) if cl.subject(min(i, n)) == "other" else (n, None)
            j = r if r is not None else o
            if j > i and any(t.text in _A_THING for t in toks[i + 1 : j]):
                continue  # "hang the curtains myself", "cut the hedge herself": who did it, not to whom
            if tag in ("jump",) and not (cl.has("vehicle") or cl.has("high_place") or cl.has("water")):
                continue
            kind = "self-harm" if tag in ("cut", "harm", "burn") else "suicide"
            tier = "concern" if cl.negated(i) else "crisis"
            yield sig(kind, i, j, tier, "self" if r is not None else "other")
    for i, tok in enumerate(toks):
        if (
            tok.text in ("gas", "gassing")
            and i + 1 < len(toks)
            and toks[i + 1].tags & {"reflexive_self", "reflexive_other"}
        ):
            yield sig(
                "suicide", i, i + 1, "crisis", "self" if "reflexive_self" in toks[i + 1].tags else "other"
            )
        if tok.text in ("set", "setting", "rhoi") and cl.near(i, "reflexive_self", after=2) is not None:
            if cl.near(i, "burn", after=5) is not None or cl.near(i, "fire_state", after=5) is not None:
                yield sig("suicide", i, i + 3, "crisis", "self")
    for i in cl.pos("weapon") + cl.pos("cut"):
        on = next((j for j in range(i + 1, min(len(toks), i + 3)) if toks[j].text == "on"), None)
        if (
            on is not None
            and on + 1 < len(toks)
            and toks[on + 1].tags & {"reflexive_self", "reflexive_other"}
        ):
            who = "self" if "reflexive_self" in toks[on + 1].tags else "other"
            yield sig("suicide", i, on + 1, "crisis", who)
    for i in cl.pos("burn"):
        h = cl.near(i, "home_place", after=3)
        if h is not None and cl.has("threat") and cl.subject(i) != "self":
            yield sig("danger", i, h, "urgent")
    # harm to one's own head or skin: "i bang my head against the wall", "i burn my skin with a lighter"
    for i in sorted(set(cl.pos("harm") + cl.pos("burn"))):
        if (
            i + 2 < len(toks)
            and toks[i + 1].text == "fy"
            and "body_part" in toks[i + 2].tags
            and "burn" in toks[i].tags
        ):
            yield sig("self-harm", i, i + 2, "crisis", "self")  # "dwi 'di llosgi fy mreichiau"
        if i + 2 < len(toks) and toks[i + 1].text == "my":
            part = toks[i + 2]
            after = toks[i + 3].text if i + 3 < len(toks) else None
            present = not toks[i].text.endswith("ed")  # "bash my head" (but "i banged my head": a knock)
            if part.text in ("head", "face") and (
                after in ("against", "until", "till", "off") or after is None and present
            ):
                yield sig("self-harm", i, i + 3, "crisis", "self")
            elif (
                "burn" in toks[i].tags
                and "body_part" in part.tags
                and after in ("with", "when", "until", "till")
            ):
                yield sig("self-harm", i, i + 2, "crisis", "self")
    # hurting oneself until one bleeds: "punching walls till my knuckles bleed", "i scratch till i bleed"
    for i in cl.pos("bleeding"):
        until = next(
            (j for j in range(max(0, i - 4), i) if toks[j].text in ("until", "till", "til", "nes")), None
        )
        if until is not None and any(t.tags & {"harm", "violence", "cut"} for t in toks[:until]):
            if any(t.tags & {"self", "reflexive_self"} for t in toks[:i]):  # "i", "my knuckles"
                yield sig("self-harm", until, i, "crisis", "self")
    for j in range(len(toks) - 2):  # "punching the wall till my knuckles crack"
        if toks[j].text in ("until", "till", "til") and toks[j + 1].text == "my":
            hurt = any(t.text.startswith(_HURTS) for t in toks[j + 2 : j + 5])
            h = next((k for k in range(j) if toks[k].tags & {"harm", "violence", "cut"}), None)
            if hurt and h is not None and cl.subject(h) in ("self", None):
                yield sig("self-harm", j, j + 3, "crisis", "self")
    # found with the means, hiding from someone: "found my son with a noose", "hiding in the bathroom from him"
    for i, tok in enumerate(toks):
        if tok.text == "found" and any(
            toks[j].tags & {"hang", "substance", "cut", "weapon"} for j in range(i + 1, min(len(toks), i + 6))
        ):
            if any("third" in toks[j].tags for j in range(i + 1, min(len(toks), i + 4))):
                yield sig("danger", i, min(len(toks) - 1, i + 5), "urgent", "other")
        if tok.text in ("hiding", "hide", "hid", "cuddio") and any(
            toks[j].text in ("from", "rhag") and j + 1 < len(toks) and "third" in toks[j + 1].tags
            for j in range(i + 1, min(len(toks), i + 6))
        ):
            yield sig("danger", i, min(len(toks) - 1, i + 5), "urgent", "self")
    # on a high place or the railway, now or wanting to: "i'm on the bridge", "going to the railway line tonight"
    for i in cl.pos("high_place") + cl.pos("vehicle"):
        if "railway" not in toks[i].text and "track" not in toks[i].text and "high_place" not in toks[i].tags:
            continue
        k = i - 1  # "on the top floor of the multi storey": the words of a place's top pass over
        while k > 0 and toks[k - 1].text in _ON_TOP and toks[k].text in _ON_TOP | _DETERMINERS:
            k -= 1
        if k < i - 1 and k > 0 and toks[k - 1].text in _DETERMINERS:
            i = k
        welsh_to = (
            i > 1 and toks[i - 2].text == "i" and toks[i - 1].text in ("yr", "y")
        )  # "mynd i'r draphont"
        if (
            i
            and toks[i - 1].text in _DETERMINERS
            and i > 1
            and (toks[i - 2].text in ("on", "at", "to", "ar") or welsh_to)
        ):
            s = cl.subject(i - 2)
            if s == "self" and (now or cl.has("desire")):
                yield sig("suicide", i - 2, i, "crisis", "self")
            elif (
                s == "self"
                and (len(toks) <= 6 or i >= 3 and toks[i - 3].text in ("am", "i", "im"))  # not "we parked on"
                or s in ("self", None)
                and cl.words(0, i - 2).split()[-1:]
                and any(t.text in _STANDING for t in toks[: i - 1])
            ):
                yield sig("suicide", i - 2, i, "concern", "self")  # "standing on the bridge over the river"
            elif s == "other" and (cl.has("negation") or cl.has("desire") or cl.has("threat")):
                yield sig(
                    "suicide", i - 2, i, "crisis", "other"
                )  # "my mate is on the bridge and won't come down"
    # means at hand, beside the writer: "a bottle of pills next to me", "all my meds in front of me"
    for i in cl.pos("substance") + cl.pos("poison"):
        for j in range(i + 1, min(len(toks) - 1, i + 8)):
            pair = (toks[j].text, toks[j + 1].text)
            if pair in (("next", "to"), ("in", "front"), ("beside", "me"), ("in", "my")) and any(
                t.text in ("me", "of") for t in toks[j + 1 : j + 4]
            ):
                many = cl.near(i, "amount", before=4, after=4) is not None  # "a bottle of", "all my"
                yield sig("suicide", i, j + 1, "crisis" if many else "concern", "self")
                break
            if pair == ("in", "my") and j + 2 < len(toks) and toks[j + 2].text in ("hand", "hands"):
                # "i've got the pills in my hand" (not "my nan's pills in my hand, do i crush them", "tablets
                # in my hand and the leaflet says with food": a dose)
                the = i > 0 and toks[i - 1].text == "the"
                if the and not any(t.text in _A_DOSE for t in toks):
                    yield sig("suicide", i, j + 2, "concern", "self")
                break
    # a blade, a rope or pills held or kept close, with the urge or the thoughts: "sh urges bad tonight,
    # blades in my drawer", "sat with the razor for an hour", "knife in my hand and the thoughts are back"
    urge = any(t.text in _URGES for t in toks) or now
    for i in cl.pos("weapon") + cl.pos("cut") + cl.pos("hang") + cl.pos("substance"):
        held = _has(
            [t.text for t in toks[i + 1 : i + 5]],
            (("in", "my", "hand"), ("in", "my", "drawer"), ("in", "my", "room"), ("yn", "fy", "llaw")),
        ) or (i > 1 and toks[i - 2].text in ("sat", "sitting", "sit") and toks[i - 1].text == "with")
        held = (
            held
            or i > 1
            and toks[i - 1].text == "the"
            and toks[i - 2].text == "with"
            and i > 2
            and toks[i - 3].text in ("sat", "sitting")
        )
        if (
            held
            and (urge or toks[i].text in ("razor", "blade", "blades", "rope", "noose"))
            and cl.subject(i) != "other"
        ):
            yield sig("self-harm" if "cut" in toks[i].tags else "suicide", i, i + 3, "crisis", "self")
            break
    # means at hand: "a bottle of vodka and all my pills"
    for i in cl.pos("substance"):
        a = cl.near(i, "amount", before=3)
        if (
            a is not None
            and toks[a].text in ("all", "every", "whole")
            and cl.has("have")
            and cl.subject(a) != "thing"
        ):
            yield sig("suicide", a, i, "concern", about(a))
    # harm done to the writer, said without who did it: "i was assaulted", "i got punched"
    for i in cl.pos("violence"):
        if (
            i
            and toks[i - 1].text in ("was", "were", "got", "been", "being", "get")
            and (
                cl.subject(i - 1) == "self"
                or i == 1
                or i == 2
                and toks[0].text in ("just", "been", "have", "ive")
            )
        ):
            if toks[i].text.endswith("ed") or toks[i].text in (
                "hit",
                "beaten",
                "beat",
                "stabbed",
                "shot",
                "bitten",
            ):
                drunk = toks[i].text in ("smashed", "hammered", "wasted", "battered") and any(
                    t.text in _NIGHT_OUT for t in toks
                )  # "got smashed at the party"
                drunk = drunk or any(t.text in _SPORT for t in toks)  # "we got beat 6-1 at netball"
                drunk = drunk or (  # "i've been hit with a £300 overdraft charge"
                    i + 1 < len(toks) and toks[i + 1].text == "with" and any(t.text in _CHARGES for t in toks)
                )
                if not drunk and not (
                    i + 1 < len(toks)
                    and toks[i + 1].text == "by"
                    and i + 2 < len(toks)
                    and toks[i + 2].text in _DETERMINERS
                ):
                    yield sig("abuse", i - 1, i, "crisis", "self")
    for i in cl.pos("jump"):  # "i got jumped on the way home": set upon
        if toks[i].text == "jumped" and i and toks[i - 1].text in ("got", "was", "been", "get", "getting"):
            if cl.subject(i - 1) in ("self", None) and not (
                i + 1 < len(toks) and toks[i + 1].text in ("up", "at", "in")
            ):
                yield sig("abuse", i - 1, i, "crisis", "self")
    for i in cl.pos("set_fire"):
        if cl.near(i, "reflexive_self", after=3) is not None:
            yield sig("suicide", i, i + 2)
        elif cl.near(i, "home_place", after=5) is not None or cl.near(i, "victim", after=3) is not None:
            yield sig("danger", i, i + 3, "urgent")

    # words that name it: "suicidal", "self harm", "unalive"
    for i in cl.pos("suicide"):
        if "suicide" not in toks[i].start:
            continue  # inside a phrase read from its first word ("end it all")
        end = toks[i].start["suicide"]
        who = "other" if any(t.text in ("his", "her", "their") for t in toks[i:end]) else about(i)
        yield sig("suicide", i, end - 1, "concern" if cl.negated(i) else "crisis", who)
    for i in cl.pos("self_harm"):
        yield sig("self-harm", i, i + 1, "concern" if cl.negated(i) else "crisis", about(i))

    # a wish or a plan, then death: "i just want to go to sleep and never wake up"
    for i in cl.pos("desire") + cl.pos("attempt"):
        for j in cl.pos("death"):
            if not (i < j <= i + 7) or "desire" in toks[j].tags:
                continue
            if toks[j].text in ("die", "dye") and j + 1 < len(toks) and toks[j + 1].text in _DETERMINERS:
                continue  # "die my hair": dye, for death takes no object
            if (
                toks[j].text in ("vanish", "disappear")
                and j + 2 < len(toks)
                and toks[j + 1].text in ("from", "off")
            ):
                if any(t.text in _ONLINE | _APPS for t in toks[j + 2 : j + 5]):
                    continue  # "vanish from social media": from a thing online, not from life
            s = cl.subject(i)
            if s == "thing" and toks[i].text not in ("way", "ways", "how"):
                continue
            between = toks[i + 1 : j]
            if not all(t.text in _GLUE or t.tags & {"negation", "desire", "glue"} for t in between):
                continue
            after = (
                toks[toks[j].start.get("death", j + 1)]
                if toks[j].start.get("death", j + 1) < len(toks)
                else None
            )
            if after is not None and toks[j].text in ("wake", "woke") and after.text in _WAKE_WHEN:
                continue  # "i don't want to wake up early": the hour, not the waking
            if any(t.text in ("he", "she", "they", "themselves", "himself", "herself") for t in between):
                s = "other"
            tier = "concern" if cl.negated(i) else "crisis"
            if "attempt" in toks[i].tags and i and toks[i - 1].text == "just":
                tier = "urgent"
            yield sig(
                "suicide", i, toks[j].start.get("death", j + 1) - 1, tier, "other" if s == "other" else "self"
            )


def _death_wished_or_planned(cl: _Clause) -> Iterable[CrisisSignal]:
    """Death wished, planned or said; despair; the world better without the writer; "i'm done"."""
    toks, now, sig, about = _kit(cl)
    # a going, then not coming back: "thinking of going up there tonight and not coming back"
    for j in cl.pos("death"):
        if toks[j].text not in ("not", "never") or j < 2 or toks[j - 1].text != "and":
            continue
        end = toks[j].start.get("death", j + 1)
        if end == j + 1 or end < len(toks) and toks[end].text in _BACK_WHEN:
            continue  # "going out and not coming back till late"
        i = next((k for k in range(j - 2, max(-1, j - 9), -1) if "desire" in toks[k].tags), None)
        if i is not None and cl.subject(i) in ("self", None):
            yield sig("suicide", i, end - 1, "concern" if cl.negated(i) else "crisis", "self")

    # a wish or an attempt, then a method verb with nothing after it: "tried to cut again", "gonna jump"
    for i in cl.pos("desire") + cl.pos("attempt"):
        for j in range(i + 1, min(len(toks), i + 4)):
            verb = toks[j].tags & {"cut", "hang", "jump", "drown", "overdose", "shoot"}
            if not verb or "weapon" in toks[j].tags:
                continue
            end = max(toks[j].start.get(v, j + 1) for v in verb)  # "pull the trigger": the phrase is the act
            after = toks[end].text if end < len(toks) else None
            if after is not None and after not in _NO_OBJECT:
                continue
            if not all(t.text in _GLUE for t in toks[i + 1 : j]) or cl.subject(i) == "thing":
                continue
            kind = "self-harm" if "cut" in verb else "suicide"
            yield sig(kind, i, j, "concern" if cl.negated(i) else "crisis", about(i))

    # talk of ending it, said of someone: "my partner keeps talking about ending it"
    for i in cl.pos("talk_of"):
        end = toks[i].start.get("talk_of", i + 1)
        if end < len(toks) and "death" in toks[end].tags and toks[end].start.get("death", end + 1) > end + 1:
            if not _complement(toks, toks[end].start["death"]):
                yield sig("suicide", i, toks[end].start["death"] - 1, "crisis", about(i))
        elif end < len(toks) and toks[end].tags & {"kill", "suicide"}:
            continue  # "talking about killing himself": read by the rules of the act itself
    # ending it, said as a thing to do: "who'll stop me going ahead and ending it?"
    for j in cl.pos("death"):
        end = toks[j].start.get("death", j + 1)
        if toks[j].text in ("end", "ending") and end == j + 2 and toks[j + 1].text == "it":
            if (end == len(toks) or toks[end].text == "and") and cl.subject(j) in ("self", None):
                if not cl.negated(j) and not any(t.text == "we" for t in toks):  # "we're ending it": a couple
                    yield sig("suicide", j, j + 1, "concern", "self")
    # a way it would be done, or pills taken or kept, said plainly: "thinking about how i'd do it",
    # "i've collected pills", "i took pills" (not "i took my pills", "tablets for my back")
    for j in range(len(toks) - 3):
        if (
            toks[j].text in ("how", "where", "when")
            and toks[j + 1].text == "i"
            and toks[j + 2].text in _MODALS
        ):
            k = j + 3 + (toks[j + 3].text in ("just", "actually"))
            if k + 1 < len(toks) and toks[k].text == "do" and toks[k + 1].text == "it" and k + 2 == len(toks):
                yield sig("suicide", j, k + 1, "concern", "self")
    for i in cl.pos("substance"):
        if toks[i].text not in _ANY_PILLS or i + 1 < len(toks) and toks[i + 1].text not in ("and", "but"):
            continue
        k = next((k for k in range(max(0, i - 3), i) if toks[k].text in _TOOK_OR_KEPT), None)
        if k is not None and not any(t.text in _DETERMINERS - {"some", "a"} for t in toks[k:i]):
            if cl.subject(k) in ("self", None):
                yield sig("suicide", k, i, "concern", "self")
    # death said plainly by the writer: "tonight is the night i end it"
    for j in cl.pos("death"):
        if j and toks[j - 1].text in ("i", "ill", "will") and toks[j].start.get("death", j + 1) > j + 1:
            yield sig("suicide", j - 1, toks[j].start["death"] - 1, "crisis", "self")
    # a means turned on oneself: "i'm going to use it on myself"
    for j in range(len(toks) - 3):
        if toks[j].text in ("use", "turn", "using") and toks[j + 1].text in ("it", "this", "them", "that"):
            if toks[j + 2].text == "on" and toks[j + 3].tags & {"reflexive_self", "reflexive_other"}:
                who = "self" if "reflexive_self" in toks[j + 3].tags else "other"
                yield sig("suicide", j, j + 3, "crisis", who)
    # wanting out of life: "i want out of this life"
    for i in cl.pos("desire"):
        if i + 3 < len(toks) and toks[i + 1].text == "out" and toks[i + 2].text == "of":
            if any("life" in t.tags for t in toks[i + 3 : i + 5]):
                yield sig("suicide", i, i + 4, "crisis", about(i))
    # someone waiting outside the home: "my ex is outside my house", "someone standing outside my window"
    for j in range(len(toks) - 2):
        k = (
            j + 2 if toks[j].text == "allan" and toks[j + 1].text == "i" else j + 1
        )  # Welsh "tu allan i fy nhy"
        if (
            toks[j].text in ("outside", "allan")
            and k + 1 < len(toks)
            and toks[k].text in ("my", "our", "fy", "r", "y")
        ):
            parked = any("vehicle" in t.tags for t in toks[max(0, j - 5) : j]) and not cl.has("third")
            if toks[k + 1].tags & {"home_place", "near_place"} and cl.subject(j) == "other" and not parked:
                yield sig("danger", j, k + 1, "crisis", "self")

    # a method verb with no object, at the end of what is said: "walking to the bridge now to jump",
    # "i've started cutting again"; and harm done "on purpose"
    for j, tok in enumerate(toks):
        verb = tok.tags & {"cut", "jump"}
        if not verb or "weapon" in tok.tags or tok.text in ("cut", "blade", "razor"):
            continue
        after = toks[j + 1].text if j + 1 < len(toks) else None
        if after == "off" and j + 2 == len(toks) and "jump" in verb:
            after = None  # "thought about jumping off"
        if after is not None and after not in _NO_OBJECT or cl.subject(j) == "thing":
            continue
        if "cut" in verb and tok.text.endswith("ing") and cl.subject(j) in ("self", None):
            yield sig("self-harm", j, j, "crisis", "self")
        elif tok.text.startswith(("jump", "leap", "neidio")) and (
            cl.has("high_place") or cl.has("vehicle") or cl.has("water")
        ):
            yield sig("suicide", j, j, "crisis", about(j))
    for j, tok in enumerate(toks[:-1]):  # "looking at the river and thinking of jumping in"
        if tok.text.startswith(("jump", "neidio")) and toks[j + 1].text in ("in", "mewn") and cl.has("water"):
            if j + 2 == len(toks) or toks[j + 2].text in _NO_OBJECT:
                yield sig("suicide", j, j + 1, "crisis", about(j))
    for j in range(len(toks) - 1):
        if (
            toks[j].text == "on"
            and toks[j + 1].text in ("purpose", "purpose.")
            or toks[j].text == "deliberately"
        ):
            h = next((k for k in range(max(0, j - 8), j) if toks[k].tags & {"cut", "harm", "burn"}), None)
            if h is not None and cl.subject(h) in ("self", None):
                yield sig("self-harm", h, j + 1, "crisis", "self")
            elif (
                h is not None
                and cl.subject(h) == "other"
                and any(t.text in ("she", "he", "they") for t in toks[j - 3 : j])
            ):
                yield sig(
                    "self-harm", h, j + 1, "crisis", "other"
                )  # "she's been cutting, says she does it on purpose"
            m = next((k for k in range(max(0, j - 12), j) if toks[k].text.rstrip("s") in _WOUNDS), None)
            if h is None and m is not None:  # "marks all up her arms and she does it on purpose"
                yield sig("self-harm", m, j + 1, "crisis", about(m))
            c = next(
                (k for k in range(max(0, j - 8), j) if toks[k].text.startswith(("crash", "drive", "drove"))),
                None,
            )
            if c is not None and cl.subject(c) in ("self", None):
                yield sig("suicide", c, j + 1, "crisis", "self")  # "i'm going to crash my car on purpose"

    # the world better without me: "everyone's better off without me", "better if i was gone"
    for i in cl.pos("better"):
        w = cl.near(i, "without", after=3)
        weak = toks[i].text in _WEAK_BETTER  # "they'd be fine without me": said of a day off too
        if (
            w is not None
            and w + 1 < len(toks)
            and (
                toks[w + 1].text in ("me", "us", "them", "him", "her", "fi", "i")
                or "object_first" in toks[w + 1].tags
            )
            and not (weak and _for_a_while(toks, w + 2))
            and not (w + 2 < len(toks) and toks[w + 2].text.endswith("ing"))  # "without me singing"
        ):
            who = (
                "self"
                if toks[w + 1].text in ("me", "us", "fi", "i") or "object_first" in toks[w + 1].tags
                else "other"
            )
            yield sig("suicide", i, w + 1, "concern" if weak else "crisis", who)
        if weak:
            continue
        gone = next(
            (
                j
                for j in range(i + 1, min(len(toks), i + 8))
                if toks[j].text in ("gone", "dead", "here", "around", "died", "die", "dies")
            ),
            None,
        )
        if gone is not None and any(toks[k].text == "if" for k in range(i + 1, gone)):
            if (
                toks[gone].text in ("gone", "dead", "died", "die", "dies")
                or cl.near(gone, "negation", before=3) is not None
            ):
                who = (
                    "other" if any(toks[k].text in ("he", "she", "they") for k in range(i, gone)) else "self"
                )
                yield sig("suicide", i, gone, "crisis", who)

    # not being here much longer: "i won't be around much longer", "i won't be here for long"
    for i in cl.pos("presence"):
        end = toks[i].start.get("presence")
        if end is None or cl.near(i, "negation", before=2) is None:
            continue
        rest = " ".join(t.text for t in toks[end : end + 3])
        if not rest or rest.startswith(
            ("much longer", "for long", "for much longer", "anymore", "much more", "soon")
        ):
            yield sig("suicide", i, end, "crisis", about(i))

    # despair about oneself: "i feel trapped", "i'm such a burden"; denied hope: "i don't matter"
    for i in cl.pos("despair"):
        end = toks[i].start.get("despair", i + 1)
        if (
            i
            and toks[i - 1].text in _DETERMINERS - {"my"}
            and toks[i].text not in ("burden", "failure", "baich")
        ):
            continue  # "an empty can", "a broken washing machine": said of a thing
        after = toks[end].text if end < len(toks) else None
        if after in ("at", "for", "in", "on", "with", "of") and not (
            toks[i].text in ("burden", "baich")
            and after in ("on", "to", "ar", "i")
            and end + 1 < len(toks)
            and (toks[end + 1].tags & {"third", "victim", "partner"} or toks[end + 1].text in _EVERYONE)
        ):  # "useless at maths", "no way out of the car park" (but "a burden on everyone")
            continue
        s = cl.subject(i)
        if s == "thing" and _there(toks, i):
            s = "there"
        felt = any(t.text in ("feel", "feeling", "felt", "i", "teimlo", "im") for t in toks[:i])
        if (
            s == "self"
            or s in (None, "there")
            and felt
            or s == "other"
            and cl.near(i, "self", before=6) is None
        ):
            yield sig("suicide", i, end - 1, "concern", "self" if s != "other" else "other")
    for i in cl.pos("despair_denied"):
        n = cl.near(i, "negation", before=4)
        end = toks[i].start.get("despair_denied", i + 1)
        after = toks[end + 1].text if end + 1 < len(toks) else ""
        if (
            end < len(toks)
            and toks[end].text in ("of", "from", "at")
            and after not in ("this", "it", "here", "everything")
        ):
            continue  # "no way out of the car park" (not "no way out of this")
        if n is not None and (cl.subject(n) != "thing" or _there(toks, n)):
            yield sig("suicide", n, toks[i].start.get("despair_denied", i + 1) - 1, "concern", about(n))
    # "i'm done", "i'm finished" at the end of a clause, or done with everything
    if len(toks) <= 4 and toks and toks[-1].text in ("done", "finished") and cl.has("self"):
        yield sig("suicide", 0, len(toks) - 1, "concern")
    for i in range(2, len(toks)):
        if toks[i].text in ("done", "finished") and toks[i - 1].text == "am" and toks[i - 2].text == "i":
            rest = tuple(t.text for t in toks[i + 1 :])
            if len(toks) > 4 and (not rest or rest[0] == "with" and rest[1:] in _ALL_OF_IT):
                yield sig("suicide", i - 2, len(toks) - 1, "concern")
    # everyone better off, with nothing after it: "he keeps saying we'd all be better off" (without him)
    for k in range(1, len(toks) - 1):
        if (
            toks[k].text == "better"
            and toks[k + 1].text == "off"
            and toks[k - 1].text in ("be", "all", "are")
        ):
            nxt = toks[k + 2].text if k + 2 < len(toks) else ""
            if nxt in ("", "and", "if", "gone", "now", "anyway"):
                yield sig("suicide", k, k + 1, "concern", about(k))
    # for ever, after a way of stopping being: "switching off for good", "go to sleep forever"
    for j in cl.pos("forever"):
        end = toks[j].start.get("forever")
        if (
            end is None
            or end < len(toks)
            and not (toks[end].tags & {"now"} or toks[end].text in _AFTER_FOREVER)
        ):
            continue  # inside the phrase, or "for good food", "sleep forever after the exams"
        k = j - 1
        while k >= 0 and toks[k].text in ("myself", "meself", "off", "out", "away", "asleep", "just"):
            k -= 1
        if k >= 0 and "fade_out" in toks[k].tags:
            yield sig("suicide", k, end - 1, "concern" if cl.negated(k) else "crisis", about(k))
    # the means dwelt on: "i keep thinking about the rope in the shed", "can't stop looking at the pills"
    for i in cl.pos("dwell"):
        end = toks[i].start.get("dwell")
        if end is None:
            continue
        means = next(
            (
                k
                for k in range(end, min(len(toks), end + 5))
                if toks[k].tags & _MEANS or toks[k].text in _TRACKS
            ),
            None,
        )
        told = _has([t.text for t in toks], _LONG_AGO)  # "the bridge collapse on the news"
        if means is not None and cl.subject(i) != "other" and not told:
            yield sig("suicide", i, means, "concern")
    # someone there again and again: "my ex keeps turning up at my work", "he's always parked outside"
    for i in cl.pos("lurk"):
        who = cl.subject(i)
        again = any(t.text in _AGAIN for t in toks)
        if who == "other" and again and not any(t.text in ("late", "early", "drunk") for t in toks[i:]):
            if any(t.tags & {"partner", "third"} and t.text not in ("him", "her", "them") for t in toks[:i]):
                yield sig("abuse", max(0, i - 3), toks[i].start.get("lurk", i + 1) - 1, "crisis", "self")
    # the writer afraid of harming a child: "scared i'll hurt my baby", "the voices tell me to hit my kids"
    for i in cl.pos("harm") + cl.pos("kill") + cl.pos("violence"):
        child = next((k for k in range(i + 1, min(len(toks), i + 4)) if toks[k].text in _MY_CHILDREN), None)
        if child is None or cl.subject(i) == "other":
            continue
        if any(t.text in _AFRAID_TO_HARM for t in toks[:i]) or cl.near(i, "fear", before=6) is not None:
            yield sig("danger", i, child, "crisis", "other")


def _hopelessness_and_overdoses(cl: _Clause) -> Iterable[CrisisSignal]:
    """Hopelessness about living, goodbyes and softer signals; medicines and overdoses."""
    toks, now, sig, about = _kit(cl)
    # hopelessness about living: "nothing to live for", "dont want to be alive", "tired of living"
    for j in cl.pos("life"):
        if "life" not in toks[j].start:
            continue  # inside a phrase read from its first word ("carry on")
        prev = toks[j - 1] if j else None
        if prev is None or not (
            prev.text in _BEFORE_LIFE
            or prev.tags & {"desire", "glue"}
            or prev.tags & {"hopeless", "negation"}
            and prev.text not in ("no", "dim", "not")
        ):
            continue
        h = cl.near(j, "negation", before=5)
        h = h if h is not None else cl.near(j, "hopeless", before=4)
        end = toks[j].start.get("life", j + 1)
        if h is None or _complement(toks, end):
            continue
        if toks[j].text in ("wake", "woke") and end < len(toks) and toks[end].text in _WAKE_WHEN:
            continue  # "i don't want to wake up early": the hour, not the waking
        if toks[j].text.startswith("carr") and end < len(toks) and toks[end].text.endswith("ing"):
            if "life" not in toks[end].tags:
                continue  # "can't carry on working nights": a task, not life
        soft = toks[h].text in ("hate", "sick", "enough", "tired") and toks[j].text not in (
            "living",
            "alive",
            "exist",
        )
        yield sig("suicide", h, j, "concern" if soft else "crisis", about(h))
    for j in cl.pos("life"):
        if toks[j].text in ("life", "bywyd") and cl.near(j, "hopeless", after=3) is not None:
            k = cl.near(j, "hopeless", after=3)
            if toks[k].text in ("pointless", "worthless", "over", "worth", "nothing", "hopeless", "point"):
                yield sig("suicide", j, k, "crisis", about(j))
            elif toks[k].text in ("shit", "crap", "meaningless", "unbearable") and toks[j].text == "life":
                yield sig("suicide", j, k, "concern", about(j))  # "life is shit": ask

    # better off without me, goodbye letters, can't go on, softer signals
    for i in cl.pos("better_without"):
        end = toks[i].start.get("better_without")
        if end is None:
            continue
        said = cl.words(i, end - 1)
        if "miss" in toks[i].keys and cl.near(i, "negation", before=4) is None:
            continue  # "you'll miss me" (but "nobody will miss me")
        if end < len(toks) and toks[end].text.endswith("ing") and toks[end - 1].text == "me":
            continue  # "better off without me singing at karaoke": without what the writer does
        yield sig(
            "suicide",
            i,
            end - 1,
            "crisis",
            "other" if said in ("miss him", "miss her", "miss them") else about(i),
        )
    for i in cl.pos("goodbye"):
        end = toks[i].start.get("goodbye")
        if end is None or any(t.text.startswith("charit") for t in toks):
            continue  # "giving my things away to charity shops"
        if (
            end == i + 1
            and i
            and toks[i - 1].text in ("saying", "said", "say")
            and cl.subject(i - 1) in ("self", None)
        ):
            if (
                i + 2 < len(toks)
                and toks[i + 1].text == "to"
                and toks[i + 2].text in ("my", "everyone", "everybody", "all")
            ):
                rest = toks[i + 3 :]
                people = toks[i + 2].text != "my" or bool(rest) and rest[0].tags & {"third", "victim"}
                if people and not any(t.text in _SEEING_OFF for t in rest):
                    yield sig("suicide", i - 1, i + 2, "concern", "self")
                continue
        if end == i + 1:  # a single word: "goodbye" needs its letter, note or message
            n = next(
                (
                    j
                    for j in range(i - 2, i + 4)
                    if 0 <= j < len(toks) and _GOODBYE_CARRIERS & {toks[j].text, toks[j].text.rstrip("s")}
                ),
                None,
            )
            if n is None:
                continue
            yield sig("suicide", i, n, "crisis", about(i))
        elif any(t.text in ("holiday", "back", "today", "thanks", "thank") for t in toks[end:]) and not any(
            t.tags & {"death", "kill", "suicide"} for t in toks
        ):
            continue  # "last message before i go on holiday, will ring when i'm back"
        else:
            yield sig("suicide", i, end - 1, "crisis", about(i))
    for i in cl.pos("cant_go_on"):
        end = toks[i].start.get("cant_go_on")
        if end is None:
            continue
        nxt = toks[end] if end < len(toks) else None
        if nxt is not None and not (nxt.text in _GOING_ON or "life" in nxt.tags or "now" in nxt.tags):
            continue  # "can't go on holiday", "can't carry on working nights"
        if (
            nxt is not None
            and nxt.text == "without"
            and end + 1 < len(toks)
            and toks[end + 1].text in ("a", "an", "the")
        ):
            continue  # "can't carry on without a car"
        yield sig("suicide", i, end - 1, "crisis", about(i))
    for i in cl.pos("concern"):
        end = toks[i].start.get("concern", i)
        if (
            end + 1 < len(toks)
            and toks[end].text in ("with", "about", "of", "o")
            and toks[end + 1].text in _DETERMINERS | {"all"}
        ):
            if (
                toks[end + 1].text not in ("my",)
                or end + 2 < len(toks)
                and toks[end + 2].text not in ("life", "self")
            ):
                continue  # "can't cope with the garden", "nobody cares about the potholes"
        if (
            end + 1 < len(toks)
            and toks[end].text in ("with", "about")
            and toks[end + 1].text.endswith("ing")
            and "life" not in toks[end + 1].tags
        ):
            continue  # "can't cope with caring", "can't cope with moving": a task, not life itself
        if "concern" in toks[i].start:
            yield sig("suicide", i, toks[i].start["concern"] - 1, "concern", about(i))

    # medicines and overdoses: "took 30 paracetamol", "pills saved up", "tried to od"
    for i in cl.pos("overdose"):
        word = toks[i].text
        acted = any(_past(toks[j]) for j in range(max(0, i - 4), i + 1)) or word.endswith(("ed", "ing"))
        intends = any(cl.near(i, t, before=5) is not None for t in ("take", "desire", "attempt"))
        if word in ("od", "ods") and not (acted or intends):
            continue
        if (
            not acted
            and i + 2 < len(toks)
            and toks[i + 1].text == "of"
            and not toks[i + 2].tags & {"substance", "poison"}
        ):
            if toks[i + 2].text not in _DETERMINERS | {"all", "every"}:
                continue  # "an overdose of sugar", "an overdose of sunshine": a figure of speech
        yield sig("suicide", max(0, i - 2), i, "urgent" if acted else "crisis", about(i))
    for i in cl.pos("substance"):
        amount = cl.near(i, "amount", before=6, after=2)
        t = cl.near(i, "take", before=8, after=3)
        if t is None and amount is not None:  # "had a bottle of wine and a handful of sleeping tablets"
            t = cl.near(amount, "take", before=8)
        if (
            amount is not None
            and not (cl.has("desire") or cl.has("death") or cl.has("kill"))
            and toks[amount].text in ("every", "each", "all")
            and amount + 1 < len(toks)
            and toks[amount + 1].text in _TIMES
        ):
            amount = None  # "every morning", "every day": how often, not how many
        meant = cl.has("desire") or cl.has("death") or cl.has("kill") or cl.has("attempt")
        if not meant and any(
            t.text in ("every", "bob") and k + 1 < len(toks) and toks[k + 1].text in _TIMES
            for k, t in enumerate(toks)
        ):
            amount = (
                None  # "yn cymryd llwyth o dabledi bob bore": every morning (but "every night i think of...")
            )
        number = next(
            (
                j
                for j in range(max(0, i - 4), i)
                if toks[j].text.isdigit() and 8 <= int(toks[j].text[:6]) < 10_000
            ),
            None,
        )
        prescribed = _has(
            [t.text for t in toks], (("as", "prescribed"), ("as", "the", "doctor"), ("doctor", "told"))
        )
        swallowed = any(t.text.startswith(("swallow", "took them", "necked", "downed")) for t in toks)
        carried = not swallowed and (
            prescribed
            or i + 3 < len(toks)
            and toks[i + 1].text in ("to", "into", "back")
            and toks[i + 2].text in _DETERMINERS
            and toks[i + 3].text in _ERRANDS
        )
        if t is not None and (amount is not None or number is not None) and not carried:
            past = any(_past(toks[j]) for j in range(max(0, min(t, i) - 2), max(t, i) + 1))
            yield sig("suicide", min(t, i), max(t, i), "urgent" if past else "crisis", about(min(t, i)))


def _means_and_methods(cl: _Clause) -> Iterable[CrisisSignal]:
    """Means made ready, jumping, cutting, a rope or a gun come by, belongings given away."""
    toks, now, sig, about = _kit(cl)
    # means made ready: "pills saved up", "a stash of tablets", "the noose is ready", "bleach to drink"
    for i in sorted(
        set(cl.pos("substance") + cl.pos("hang") + cl.pos("poison") + cl.pos("cut") + cl.pos("weapon"))
    ):
        s = cl.near(i, "stockpile", before=6, after=6)
        if s is not None:
            yield sig("suicide", min(s, i), max(s, i), "crisis", about(min(s, i)))
    for i in cl.pos("poison"):  # "bought weedkiller to drink"
        if (
            i + 2 < len(toks)
            and toks[i + 1].text == "to"
            and "take" in toks[i + 2].tags
            and cl.subject(i) != "thing"
        ):
            yield sig("suicide", i, i + 2, "crisis", about(i))
        t = cl.near(i, "take", before=4)
        wants = any(cl.near(i, x, before=7) is not None for x in ("desire", "attempt", "threat"))
        done = t is not None and (_past(toks[t]) or t > 0 and toks[t - 1].text == "wedi")  # "wedi llyncu"
        if t is not None and (wants or done) and cl.subject(t) != "thing":
            yield sig("suicide", t, i, "urgent" if done else "crisis", about(t))
    for i in cl.pos("substance"):
        k = cl.near(i, "kill", before=6, after=4)
        k = k if k is not None else cl.near(i, "death", before=4, after=4)
        if k is not None:
            yield sig("suicide", min(k, i), max(k, i), "crisis", about(min(k, i)))

    # jumping: "gonna jump off the bridge", "stepping in front of a lorry", "on the edge of the car park"
    for i in cl.pos("jump"):
        f = cl.near(i, "jump_from", after=3)
        if f is None:
            continue
        p = next(
            (cl.near(f, t, after=5) for t in ("high_place", "vehicle", "water") if cl.near(f, t, after=5)),
            None,
        )
        if p is None:  # a window, when it is meant: "i want to jump out of my bedroom window"
            w = next(
                (k for k in range(f + 1, min(len(toks), f + 5)) if toks[k].text.startswith("window")), None
            )
            if w is not None and any(
                cl.near(i, t, before=5) is not None for t in ("desire", "attempt", "threat")
            ):
                yield sig("suicide", i, w, "crisis", about(i))
            elif w is not None and cl.subject(i) in ("self", None) and not cl.negated(i):
                yield sig("suicide", i, w, "concern", "self")  # "jump out of the window": ask
            continue
        wants = any(cl.near(i, t, before=5) is not None for t in ("desire", "attempt", "threat")) or now
        if "water" in toks[p].tags and "high_place" not in toks[p].tags and not wants:
            continue
        if toks[p].text in ("road", "roads") and not wants:
            continue  # "drove off the road to miss a deer"
        if toks[f].text == "in" and toks[f].start.get("jump_from") == f + 1 and "water" not in toks[p].tags:
            continue  # "jump in the car": in, not into
        if "water" in toks[p].tags and any(t.text.startswith(_LEISURE) for t in toks):
            continue  # "walk into the sea for the boxing day dip"
        moving = toks[p].text in ("traffic", "motorway")  # "jump into traffic" (not "jump into the car")
        if (
            wants
            or "high_place" in toks[p].tags
            or "vehicle" in toks[p].tags
            and (toks[f].text != "into" or moving)
        ):
            if cl.subject(i) != "thing" and (wants or cl.subject(i) in ("self", None)):
                yield sig("suicide", i, p, "concern" if cl.negated(i) else "crisis", about(i))
    for i in cl.pos("edge"):
        rail = next(
            (
                j
                for j in range(i + 1, min(len(toks), i + 6))
                if "railway" in toks[j].text or "track" in toks[j].text
            ),
            None,
        )
        p = cl.near(i, "high_place", after=6)
        p = p if p is not None else rail
        if p is not None and "bridge" != toks[i].text and cl.subject(i) in ("self", None, "other"):
            yield sig("suicide", i, p, "crisis", about(i))

    # cutting again, or deeper: "i cut again last night", "cutting deeper every time"
    for i in cl.pos("cut"):
        ahead = toks[i + 1 : i + 5]
        deeper = any(t.text in ("deeper", "again", "eto", "ddyfnach") for t in ahead)
        deeper = deeper and not any(
            t.text in ("my", "his", "her", "the", "some", "fy", "ei", "eu", "y", "yr") for t in ahead[:2]
        )
        if deeper and cl.subject(i) in ("self", None) and not cl.has("third"):
            yield sig("self-harm", i, i + 1, "crisis", "self")
    # a rope or a noose come by: "i bought a rope", "he's gone out with a rope", "there's a noose"
    for i in cl.pos("hang"):
        word = toks[i].text
        if word == "noose" and not cl.negated(i):
            yield sig("suicide", i, i, "crisis", about(i))
        elif (
            word == "rope"
            and i + 1 < len(toks)
            and toks[i + 1].text not in _AFTER_A_ROPE | _TIMES | _FUNCTION_WORDS
        ):
            continue  # "a rope burn", "a rope swing": a rope that names another thing
        elif word == "rope" and i and toks[i - 1].text in ("a", "some", "the"):
            verb = toks[i - 2].text if i > 1 else ""
            for_something = any(t.text == "for" for t in toks[i + 1 : i + 3])  # "a rope for the tent"
            up = i + 1 < len(toks) and toks[i + 1].text == "up"
            if verb in ("put", "tied", "hung", "fixed", "set") and up and not for_something:
                yield sig("suicide", i - 2, i + 1, "crisis", about(i - 2))  # "i've put a rope up in the loft"
            elif (
                verb in ("bought", "buy", "buying", "got", "get", "getting", "ordered", "order")
                and not for_something
            ):
                yield sig("suicide", i - 2, i, "concern", about(i - 2))
            elif verb == "with" and any(t.text in ("out", "off", "left", "gone") for t in toks[:i]):
                yield sig("suicide", i - 2, i, "crisis", about(i - 2))
        elif (
            word in ("rhaff", "raff")
            and i > 1
            and toks[i - 1].text == "i"
            and toks[i - 2].text == "gen"
            and (i + 1 == len(toks) or toks[i + 1].text in ("a", "ac"))  # not "raff dynnu", a tow rope
        ):
            yield sig("suicide", i - 2, i, "concern", "self")  # "mae gen i raff": i have a rope
    # belongings given away: "i've given away all my things", "giving my possessions away"
    for i, tok in enumerate(toks):
        if tok.text.startswith(("giv", "gave")) and not any(t.text.startswith("charit") for t in toks):
            b = cl.near(i, "belongings", after=4)
            if b is not None and any(t.text == "away" for t in toks[i + 1 : b + 3]):
                yield sig("suicide", i, b, "concern", about(i))
    # a rope round the neck: "the rope is around my neck", "put a belt round his neck"
    for i in cl.pos("hang"):
        for j in range(i + 1, min(len(toks) - 2, i + 5)):
            if toks[j].text in ("around", "round") and toks[j + 1].text in ("my", "his", "her", "their"):
                if toks[j + 2].text == "neck":
                    who = "self" if toks[j + 1].text == "my" else "other"
                    yield sig("suicide", i, j + 2, "crisis", who)
    # a method turned on oneself until death: "drink myself to death", "starve myself to death"
    for j in range(len(toks) - 3):
        if toks[j + 1].tags & {"reflexive_self", "reflexive_other"} and toks[j + 2].text == "to":
            if toks[j + 3].text == "death" and toks[j].tags & {
                "take",
                "harm",
                "cut",
                "burn",
                "poison",
                "drown",
            }:
                who = "self" if "reflexive_self" in toks[j + 1].tags else "other"
                yield sig("suicide", j, j + 3, "crisis", who)
    # a gun come by: "i'm buying a gun" (a rope is read below)
    for i in cl.pos("weapon"):
        if "shoot" in toks[i].tags or toks[i].text in ("firearm", "pistol", "rifle", "shotgun", "revolver"):
            if (
                i > 1
                and toks[i - 1].text in ("a", "some")
                and toks[i - 2].text in _COME_BY
                and not cl.negated(i)
            ):
                if cl.subject(i - 2) in ("self", None):
                    yield sig("suicide", i - 2, i, "concern", "self")
    # cutting and burning a body: "been cuttin my arms", "cutting her arms", "slit my wrist"
    for i in cl.pos("cut"):
        b = cl.near(i, "body_part", after=4)
        into = cl.near(i, "body_part", after=6)  # "carve a scar into my arm"
        if b is None and into is not None and toks[into - 2].text in ("into", "in"):
            b = into
        if b is None and i > 1 and toks[i - 1].text in ("efo", "hefo", "gyda", "gydag"):
            # Welsh "torri fy mraich efo rasal": "torri" (cut, or break) says cut with the blade after it
            part = cl.near(i, "body_part", before=4)
            if part is not None and any(t.text in _WELSH_CUT_VERBS for t in toks[max(0, part - 4) : part]):
                b = part
        if b is not None and toks[i].text not in ("stab",):
            owner = next((toks[j].text for j in range(i + 1, b)), "")
            yield sig("self-harm", i, b, "crisis", "other" if owner in ("his", "her", "their") else about(i))

    # Welsh "torri" (cut, or break) with more than a bone's break: arms cut again, bleeding, both wrists
    for i, tok in enumerate(toks):
        part = cl.near(i, "body_part", after=4) if tok.text in _WELSH_CUT_VERBS else None
        if part is not None and (
            toks[part].text in _BOTH_LIMBS or any(t.text in ("eto", "gwaed", "gwaedu") for t in toks)
        ):
            owner = "other" if any(t.text in ("ei", "eu") for t in toks[i + 1 : part]) else "self"
            yield sig("self-harm", i, part, "crisis", owner)


def _struck_by_someone(toks: list[_Token], i: int) -> int | None:
    """In a passive ("is being hit by his carer", "was pushed by a man"), the person it was done to:
    the nearest person before the act, when a person follows "by"."""
    if not (0 < i < len(toks) - 2 and toks[i - 1].text in _PASSIVE and toks[i + 1].text == "by"):
        return None
    if not any(t.tags & {"third", "partner"} for t in toks[i + 2 : i + 5]):
        return None  # "hit by a car", "hit by the bill": a thing
    return next((j for j in range(i - 2, max(-1, i - 6), -1) if toks[j].tags & {"third", "self"}), None)


_PASSIVE = frozenset("being been was were is are got getting gets get".split())


def _done_to(act: _Token, tok: _Token) -> bool:
    """Whether a word after an act of violence names whom it is done to: a victim's word, or after a verb
    anyone the concept table names as a person, but a subject's pronoun ("slapping my gran", "hit the
    old lady"; not "an abusive ex", where the word before says who the person is)."""
    if "victim" in tok.tags:
        return True
    return "third" in tok.tags and tok.text not in _SUBJECT_PRONOUNS and act.text not in _SAYS_WHO_IS


_A_DOSE = frozenset("for dose leaflet crush prescribed prescription food meal calpol".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i e o fo nhw".split())
_SAYS_WHO_IS = frozenset("violent abusive aggressive controlling rough".split())


def _violence_and_abuse(cl: _Clause) -> Iterable[CrisisSignal]:
    """Violence to a person or near, abuse named, coercive control, sexual violence."""
    toks, now, sig, about = _kit(cl)
    # violence to a person: "he punched me", "my partner hurts our children", "threatened to stab me"
    for i in cl.pos("violence"):
        if toks[i].text.startswith("threat") and i + 1 < len(toks) and toks[i + 1].text == "to":
            continue  # "threatened to evict me": the verb after says what; a violent one is read itself
        v = next((j for j in range(i + 1, min(len(toks), i + 4)) if _done_to(toks[i], toks[j])), None)
        if v is not None and [t.text for t in toks[v + 1 : v + 4]] in (
            ["on", "the", "back"],
            ["on", "the", "shoulder"],
        ):
            continue  # "slapped the boss on the back at his leaving do": a friendly slap
        if v is None:  # "threatens to kill the dog and me"
            v = next(
                (
                    j
                    for j in range(i + 3, min(len(toks), i + 7))
                    if toks[j].text in ("me", "us") and toks[j - 1].text == "and"
                ),
                None,
            )
        if v is None:  # "smashed my head", "threw a chair at me", "threw a kettle of boiling water at me"
            v = next(
                (
                    j
                    for j in range(i + 1, min(len(toks), i + 9))
                    if toks[j].text in ("me", "us")
                    and toks[j - 1].text in ("at", "into", "against")
                    or j < i + 6
                    and toks[j].tags & {"body_part"} | (_STRUCK & {toks[j].text})
                    and toks[j - 1].text in ("my", "our")
                ),
                None,
            )
            if v is not None and toks[v].text not in ("me", "us"):
                v = v - 1  # the victim is the owner: "my" head
        if v is None:  # "my grandad is being hit by his carer": the one it is done to comes first
            v = _struck_by_someone(toks, i)
        # the writer named before the act (Welsh "fy", Polish "mnie") or joined to it (Arabic "يضربني")
        welsh_victim = (
            i > 0
            and (toks[i - 1].text in ("fy", "ein") or "object_first" in toks[i - 1].tags)
            or "object_first" in toks[i].tags
        ) and toks[i].text not in ("hurt",)
        if welsh_victim and any("figure_subject" in t.tags for t in toks[max(0, i - 5) : i]):
            continue  # "mae fy nhraed yn fy lladd": my feet are killing me
        if v is None and not welsh_victim:
            continue
        s = cl.subject(i)
        if s == "self" and not welsh_victim or s == "thing" and not welsh_victim:
            continue
        if _a_thing_is_killing(toks, i):
            continue  # "the bonfire smoke is killing me": a thing said to kill is a figure of speech
        if any(t.text in _ANIMALS for t in toks[i + 1 : i + 8]) and any(
            t.text == "by" for t in toks[i + 1 : i + 3]
        ):
            continue  # "got jumped by my dog": an animal
        if s != "self" and _young_agent(toks, i) and not (i + 1 < len(toks) and toks[i + 1].text == "by"):
            continue  # "my little boy hit his sister", "the baby kicked me": a small child's, not abuse
        if "kill" in toks[i].tags and s is None and not cl.has("threat"):
            continue
        if any(toks[j].tags & {"substance", "poison"} for j in range(max(0, i - 6), i)):
            continue  # the means does it: "will 20 tablets kill me"
        victim = toks[v].text if v is not None else "me"
        reported = any(
            t.text in ("said", "says", "saying", "threatened", "threatens", "told", "tells") for t in toks
        )
        joking = any(t.text in ("lol", "haha", "hahaha", "lmao", "jk", "lool") for t in toks)
        # a partner's "i'll kill you", or a kill for telling or leaving, is never read as a joke or a figure
        menacing = cl.has("partner") or (
            any(_telling(t) for t in toks[i:]) and not any(t.text in _FIGURE_AGENTS for t in toks[:i])
        )  # "he'll kill me for telling anyone" (not "my sister will kill me for telling you")
        if "kill" in toks[i].tags and not reported and joking and not menacing:
            continue
        if (
            "kill" in toks[i].tags
            and not reported
            and not menacing
            and v is not None
            and v + 1 < len(toks)
            and toks[v + 1].text == "for"
        ):
            continue  # "my mum will kill me for being late": a reason given is a figure of speech
        meant = cl.has("threat") or cl.has("attempt") or any(t.text.startswith(_THREAT_STEMS) for t in toks)
        if (
            "kill" in toks[i].tags
            and not (reported or meant)
            and v is not None
            and _with_a_thing(toks, v + 1)
        ):
            continue  # "my boss is killing me with all this overtime": a figure of speech
        if v is not None and _steadied(toks, v + 1):
            continue  # "a man grabbed my arm to stop me falling": a hand to help
        if _knocked_own(toks, i, s):
            continue  # "my daughter hit her head at the park": an accident
        if toks[i].text.startswith(("break", "broke")) and any(t.text in _FALLING for t in toks):
            continue  # "she's scared she'll slip and break her hip": a fall
        if toks[i].text == "abuse" and i and toks[i - 1].text in _SHOUTED:
            continue  # "kids shout abuse at my husband": words (a hate incident to report), not blows
        accident = _by_accident(toks, i)
        if accident == "unmeant":
            continue  # "she hit me by accident"
        if accident == "asleep" and _doer(toks, i) in _CHILDREN:
            continue  # "my kid kicked me in his sleep"
        if accident == "asleep":  # "my husband hits me in his sleep": maybe so, maybe not; ask
            yield sig("abuse", i, v if v is not None else i, "concern", "self")
            continue
        if "kill" in toks[i].tags and any(t.text in _IF_OR_WHEN for t in toks) and cl.subject(i) != "self":
            if (
                any(t.text in _FIGURE_AGENTS for t in toks[:i])
                and not cl.has("partner")
                and not any(_telling(t) for t in toks[i:])
            ):
                continue  # "my nan says she'll murder me if i miss her 90th", "bydd mam yn fy lladd i os..."
        if (
            "kill" in toks[i].tags
            and cl.subject(i) == "other"
            and any(t.text in _FIGURE_AGENTS for t in toks[:i])
        ):
            at_work = any(t.text in _WORK_FIGURES for t in toks[:i])  # "my boss is going to murder me"
            if (
                (at_work or any(t.text in _LATE for t in toks))
                and not cl.has("partner")
                and not cl.has("weapon")
            ):
                continue  # "my boss is going to murder me, i'm late again": a figure of speech
        if "kill" in toks[i].tags and not reported and any(t.text in ("if", "when") for t in toks):
            if cl.subject(i) == "other" and any(t.text in _FIGURE_AGENTS for t in toks[:i]):
                continue  # "my dad will murder me if i'm late home": said of a parent, a figure of speech
            if cl.has("partner") or any(
                t.text in ("leave", "leaving", "tell", "told") or "telling" in t.tags for t in toks[i:]
            ):
                yield sig(
                    "abuse", i, v if v is not None else i, "crisis", "self"
                )  # "if i leave he'll kill me"
                continue
            yield sig(
                "abuse", i, v if v is not None else i, "concern", "self"
            )  # maybe a figure of speech: ask
            continue
        if s is None and victim not in ("me", "us", "fi", "ni") and not welsh_victim:
            continue
        household = ("kids", "children", "child", "baby", "son", "daughter", "plant")
        mine = victim in ("me", "us", "fi", "ni", "my", "our") or welsh_victim or victim in household
        mine = mine or v is not None and "object_first" in toks[v].tags  # Polish "bił mnie"
        yield sig("abuse", i, v if v is not None else i, "crisis", "self" if mine else "other")
    for i, end in _hands_round_the_neck(cl):
        if any(t.text in _HANDS_ON_WORK for t in toks[:i]):
            continue  # "the osteopath put his hands round my neck and it clicked"
        yield sig("abuse", i, end, "crisis")
    # violence happening near: "there's been a stabbing outside", "a man was shot", "he's smashing my windows"
    for i, tok in enumerate(toks):
        pain = i + 1 < len(toks) and toks[i + 1].text in ("pain", "pains", "feeling", "ache")
        game = i + 1 < len(toks) and toks[i + 1].text in ("game", "games", "range", "star", "gallery")
        if tok.text in ("stabbing", "shooting") and i and toks[i - 1].text == "a" and not pain and not game:
            yield sig("danger", i - 1, i, "urgent", "other")
        elif tok.text in ("stabbed", "shot") and i and toks[i - 1].text in ("was", "been", "got", "just"):
            if cl.subject(i - 1) != "self":  # the writer's own is read below, with when it happened
                yield sig("danger", i - 1, i, "urgent", "other")
        elif (
            tok.text in ("smashing", "kicking", "breaking", "banging", "trashing", "wrecking")
            and i + 2 < len(toks)
            and cl.subject(i) == "other"
            and (
                toks[i + 1].text in ("my", "our", "the")
                and toks[i + 2].text.rstrip("s") in ("window", "door", "house", "flat", "place", "home")
                or toks[i + 1].text == "up"
                and toks[i + 2].text in ("the", "my", "our", "everything")
            )
        ):
            yield sig("danger", i, i + 2, "urgent", "self")
    # someone shut away with the means: "my daughter is in the bathroom with a razor and won't open the door"
    if cl.has("third") and any(t.text in ("locked", "open", "bathroom") for t in toks):
        for j, tok in enumerate(toks[:-2]):
            if tok.text == "with" and toks[j + 1].text in ("a", "her", "his", "some", "the"):
                means = toks[j + 2].tags & {"cut", "weapon", "substance", "hang", "poison"}
                if means and cl.subject(j) != "self":
                    yield sig("suicide", j, j + 2, "crisis", "other")
    # abuse named: "my partner is abusive", "i'm a victim of domestic violence", "i'm going through domestic abuse"
    for i in cl.pos("abuse_term"):
        end = toks[i].start.get("abuse_term", i + 1)
        said_of = next((j for j in range(max(0, i - 4), i) if toks[j].text in _UNDERGOING), None)
        if (
            said_of is not None
            and cl.subject(said_of) in ("self", "other")
            or any(t.text in ("me", "us") for t in toks[end : end + 2])
        ):
            mine = cl.has("self") or cl.has("partner")  # "my husband is abusive": the writer's danger
            yield sig("abuse", i, end - 1, "crisis", "self" if mine else "other")
    # forced to touch: "he forced me to touch him"
    for i in cl.pos("coerce"):
        v = cl.near(i, "victim", after=2)
        t = v + 1 + (v + 1 < len(toks) and toks[v + 1].text == "to") if v is not None else None
        if t is not None and t < len(toks) and "touch" in toks[t].tags:  # "made me touch him"
            yield sig("sexual-violence", i, t, "crisis", "self" if toks[v].text in ("me", "us") else "other")
    # coercive control: "he locks me in the house", "won't let me leave the flat and took my keys"
    for i in cl.pos("control"):
        for_me = _has(
            [t.text for t in toks[i : i + 8]],
            (("for", "me"), ("to", "help", "me")),
        )
        if "control" in toks[i].start and cl.subject(i) in ("other", None) and not for_me:
            yield sig("abuse", i, toks[i].start["control"] - 1, "crisis")
    # a tracking device found among the writer's things: "found an airtag in my bag that isnt mine"
    for i, tok in enumerate(toks):
        if tok.text in _TRACKERS and _planted(toks, i):
            yield sig("abuse", i, i, "crisis")
            break
    for i in cl.pos("fear"):
        f = cl.near(i, "fear_of", after=3)
        if f is not None and not _alone_out(toks, toks[f].start.get("fear_of", f + 1)):
            yield sig("abuse", i, f + 2, "crisis")
            continue
        p = cl.near(i, "partner", after=4)
        if (
            f is None
            and p is not None
            and toks[p - 1].text in ("my", "fy")
            and toks[p - 2].text in ("of", "ofn", "o")
        ):
            yield sig("abuse", i, p, "crisis")  # "terrified of my boyfriend", "ofn fy mhartner"

    # held down, smothered: "he held a pillow over my face", "put his hand over my mouth"
    for j in range(1, len(toks) - 2):
        if toks[j].text == "over" and toks[j + 1].text in ("my", "her", "his", "our"):
            if toks[j + 2].text not in ("face", "mouth", "nose", "head"):
                continue
            v = next((k for k in range(max(0, j - 5), j) if toks[k].text in _PRESSED), None)
            if v is not None and cl.subject(v) == "other":
                yield sig(
                    "abuse", v, j + 2, "crisis", "self" if toks[j + 1].text in ("my", "our") else "other"
                )
            elif v is not None and cl.subject(v) == "self" and toks[j + 1].text in ("her", "his"):
                yield sig("danger", v, j + 2, "crisis", "other")  # "i held a pillow over her face"
    # a hand under someone's clothes: "a man put his hand up my skirt"
    for j in range(1, len(toks) - 2):
        if toks[j].text in ("up", "under", "down", "inside", "in") and toks[j + 1].text in ("my", "her"):
            if toks[j + 2].text.rstrip("s") not in _CLOTHES:
                continue
            h = next(
                (k for k in range(max(0, j - 4), j) if toks[k].text in ("hand", "hands", "fingers")), None
            )
            if h is not None and cl.subject(h) in ("other", None) and cl.near(h, "self", before=4) is None:
                yield sig(
                    "sexual-violence", h, j + 2, "crisis", "self" if toks[j + 1].text == "my" else "other"
                )

    # sexual violence: "he raped me", "a man touched me", "made me have sex", "forced himself on me"
    for i in cl.pos("sexual"):
        v = cl.near(i, "victim", after=2)
        mine = (
            v is not None
            and (toks[v].text in ("me", "us", "fi", "ni") or "object_first" in toks[v].tags)
            or i > 0
            and (toks[i - 1].text in ("fy", "ein") or "object_first" in toks[i - 1].tags)
            or "object_first" in toks[i].tags  # "اغتصبني": the writer joined to the act
        )
        tier = "concern" if cl.negated(i) and cl.near(i, "negation", before=1) is not None else "crisis"
        yield sig("sexual-violence", i, v if v is not None else i, tier, "self" if mine else about(i))
    for i in cl.pos("touch"):
        v = next((j for j in range(i + 1, min(len(toks), i + 3)) if "victim" in toks[j].tags), None)
        if (
            v is None
            and i + 2 < len(toks)
            and toks[i + 1].text in ("my", "her", "his")
            and toks[i + 2].text in _INTIMATE
        ):
            v = i + 1
            if toks[i + 1].text == "my":
                yield sig("sexual-violence", i, i + 2, "crisis", "self")
                continue
        if v is None and i > 0 and (toks[i - 1].text in ("fy", "ein") or "object_first" in toks[i - 1].tags):
            v = i - 1  # Welsh "yn fy nghyffwrdd", Polish "mnie dotykał": me
        if v is None and "object_first" in toks[i].tags:
            v = i  # "يلمسني": touches me
        s = cl.subject(i)
        earlier = any(
            "third" in toks[j].tags and toks[j].text not in ("her", "him", "them") for j in range(i)
        )
        joined = "object_first" in toks[i].tags  # "يلمسني": done to the writer, by someone else
        if v is not None and (s == "other" or s != "self" and (earlier or joined)) and not cl.negated(i):
            mine = toks[v].text in ("me", "us", "fy", "ein", "fi", "ni") or "object_first" in toks[v].tags
            yield sig("sexual-violence", min(i, v), max(i, v), "crisis", "self" if mine else "other")
    for i in cl.pos("coerce"):
        x = cl.near(i, "sex_word", after=10)
        r = cl.near(i, "reflexive_other", after=1)
        if x is not None or (
            r is not None and r + 1 < len(toks) and toks[r + 1].text in ("on", "upon", "arna")
        ):
            yield sig("sexual-violence", i, x if x is not None else r + 1, "crisis")
    for i in cl.pos("spiked"):
        if any(t.text in ("about", "on", "of", "against") for t in toks[max(0, i - 2) : i]):
            continue  # "teach her about drink spiking": a topic
        if toks[i].start.get("spiked", i + 1) > i + 1:  # "something in my drink"
            yield sig("danger", i, toks[i].start["spiked"] - 1, "crisis", "self")
            continue
        if any(
            toks[j].text in ("got", "get", "been", "was", "were", "be", "getting")
            for j in range(max(0, i - 3), i)
        ):
            yield sig("danger", max(0, i - 2), i, "crisis", about(i))


def _a_person_named_before(toks: list[_Token], i: int) -> bool:
    """A word WordNet knows first as a person, with "the", "a" or "my" before it, in the four words before
    `i`: "the driver isn't moving", "a cyclist isn't breathing" (not "the queue", "the traffic")."""
    return any(
        toks[j - 1].text in _DETERMINERS and is_a_person(toks[j].text) for j in range(max(1, i - 4), i)
    )


def _aimed_at_someone(toks: list[_Token], i: int) -> bool:
    """The weapon at `i` pointed or aimed at a person: "a man pointed a gun at me", "he aimed his rifle at
    my dad" (not "pointed the rifle at the target", "pointed at the knife he wanted")."""
    if not any(t.text in _AIMED for t in toks[max(0, i - 4) : i]):
        return False
    before = toks[i - 1].text if i else ""
    if (
        before.isalpha()
        and before not in _DETERMINERS | _STILL_A_WEAPON
        and is_a_modifier(before)
        and not is_a_weapon(f"{before} {toks[i].text}")
    ):
        return False  # "pointed a finger gun", "a speed gun": a kind of it WordNet does not call a weapon
    if any(t.text in _ON_SCREEN for t in toks):
        return False  # "the actor pointed the gun at her in the last scene"
    after = toks[i + 1 : i + 5]
    for k, t in enumerate(after[:-1]):
        if t.text in _AT_SOMEONE:
            return any(
                u.tags & {"self", "third", "victim"} or u.text in _PEOPLE_OBJECTS
                for u in after[k + 1 : k + 3]
            )
    return False


_PERCEIVED = frozenset("saw seen see sees seeing watched watching watch heard hear caught".split())
_STILL_A_WEAPON = frozenset("fake replica imitation pellet air".split())  # pointed at someone, it is one
_ON_SCREEN = frozenset("actor actress scene film movie episode game fortnite cod warzone".split())
_AT_SOMEONE = frozenset("at towards toward ata ato ati atom atyn tuag".split())  # Welsh "ata i", at me
_AIMED = frozenset(
    "pointed pointing points aimed aiming aims brandished brandishing pwyntio bwyntio anelu pwyntiodd anelodd".split()
)


def _brought_to_use(toks: list[_Token], i: int) -> bool:
    """A weapon at `i` being brought or taken somewhere people are, or for someone: "bringing a knife to
    school tomorrow", "bringing his dad's knife in tomorrow for the kid who grassed", "taking a knife to
    the party" (never for a thing or a task: "bring knives for food tech", "a knife to cut the cake", "a
    plastic sword to the fancy dress party")."""
    if not any(t.text in _BRINGING for t in toks[max(0, i - 4) : i]):
        return False
    if any(t.text in ("my", "fy") for t in toks[max(0, i - 3) : i]):
        return False  # the writer's own tools: "can i take my chef's knives to college"
    if any(t.keys & _NO_WEAPON for t in toks[max(0, i - 2) : i + 2]):
        return False  # "a plastic sword", "a cake knife", Welsh "cyllell fara" (a bread knife)
    after = [t.text for t in toks[i + 1 : i + 9]]
    if after[:1] == ["in"] and (len(after) == 1 or after[1] in _WHEN_IN | {"to"}):
        return (
            True  # brought into school: "bringing it in tomorrow", "brought a blade in to settle something"
        )
    for k, w in enumerate(after):
        rest = [x for x in after[k + 1 : k + 6] if x not in _DETERMINERS]
        if w in ("for", "to", "i") and rest and rest[0] not in _GATHERINGS:  # for whom, or what to do
            return any(
                x in _SOMEONE | _PEOPLE_OBJECTS or is_a_person(x) for x in rest[: 2 if w == "for" else 4]
            )
    return bool(set(after) & _GATHERINGS)


_BRINGING = frozenset("bring brings bringing brought take takes taking took sneak sneaking dod mynd".split())
# where people gather (Welsh "dod â chyllell i'r ysgol": bring a knife to school)
_GATHERINGS = frozenset(
    "school college skl party town park club match gig disco youth meet meetup ysgol coleg parti".split()
)
_PEOPLE_OBJECTS = frozenset("him her them me us someone somebody yo fo hi nhw".split())
_WHEN_IN = frozenset("tomorrow today tonight later monday tuesday wednesday thursday friday".split())
# what makes a blade no weapon: a toy, a kitchen's (Welsh "bara", bread)
_NO_WEAPON = frozenset("plastic toy fake foam nerf cake bread butter bara fara cacen gacen".split())
_TOYS = frozenset("toy toys foam nerf tegan".split())
# what makes a toy or a tool a weapon all the same: a threat, a blow, fear, a poison
_MADE_A_WEAPON = frozenset({"threat", "violence", "fear", "fear_of", "kill", "poison", "substance", "harm"})


# words before a verb that make it a request to others: "pls follow me there", "so follow us"
_REQUESTING = frozenset("please pls plz plse just so then and now x xx lol go".split())


def _danger_and_deadly_questions(cl: _Clause) -> Iterable[CrisisSignal]:
    """Immediate danger, the heart, fumes; how deadly a means is, asked."""
    toks, now, sig, about = _kit(cl)
    # immediate danger: a weapon near, a fire at home, followed, a break-in, someone not breathing
    for i in cl.pos("weapon"):
        place = cl.near(i, "near_place", before=8, after=6)
        held = cl.near(i, "have", before=3) is not None and (cl.has("third") or cl.has("intruder_who"))
        if place is not None or held or _aimed_at_someone(toks, i):
            yield sig(
                "danger", min(i, place if place is not None else i), max(i, place or i), "urgent", "self"
            )
        elif _brought_to_use(toks, i):  # "he's bringing a knife to school tomorrow"
            yield sig("danger", max(0, i - 3), i, "crisis", "other")
    for i in cl.pos("fire_state"):
        if "fire_state" in toks[i].start:
            h = cl.near(i, "home_place", before=6, after=4)
            h = h if h is not None else cl.near(i, "near_place", before=6, after=6)
            h = (
                h if h is not None else cl.near(i, "appliance", before=4, after=2)
            )  # "the chip pan's caught fire"
            every = any(
                t.text == "every" and k + 1 < len(toks) and toks[k + 1].text in _TIMES
                for k, t in enumerate(toks)
            )
            smoke_of = (
                toks[i].text == "smoke"
                and any(t.text in _SMOKE_SOURCES for t in toks)
                and not any(t.text in ("fire", "flames", "alight", "burning", "ablaze") for t in toks)
                and not any(t.text in _SMOKE_ALARM for t in toks)
            )  # "smoke coming from next door's chimney": where smoke belongs
            if h is not None and not every and not smoke_of:  # "the smoke comes in every weekend": a nuisance
                yield sig("danger", min(h, i), toks[i].start["fire_state"] - 1, "urgent")
    for i in cl.pos("follow"):
        v = next(
            (
                j
                for j in range(i + 1, min(len(toks), i + 3))
                if toks[j].text in ("me", "us", "home", "my", "i") or "object_first" in toks[j].tags
            ),
            None,
        )
        if v is None and ("object_first" in toks[i].tags or i and "object_first" in toks[i - 1].tags):
            v = i  # "ktoś mnie śledzi", "يلاحقني": the writer named before the act or joined to it
        passive = (
            i > 0
            and toks[i - 1].text in ("being", "been", "was", "am", "getting", "got", "yn", "fy")
            and not toks[i].text.endswith("ing")  # "i'm stalking their instagram": the writer does it
        )
        s = cl.subject(i)
        if any(t.text in _ANIMALS for t in toks[max(0, i - 4) : i]):
            continue  # "a dog follows me home": an animal
        if toks[i].text in ("follow", "chase") and (i == 0 or toks[i - 1].text in _REQUESTING):
            continue  # "follow us for updates", "pls follow me on my new account": asked of others
        if _followed_by_a_thing(toks, i):
            continue  # "followed by spam calls", "followed on instagram": not someone at the writer's heels
        if (v is not None or passive) and s != "thing" and s != "self" or passive and s == "self":
            who = "other" if passive and v is None and s == "other" else "self"  # "my friend was stalked"
            yield sig("danger", i, v if v is not None else i, "urgent", who)
    for i in cl.pos("break_in"):
        if "break_in" not in toks[i].start:
            continue
        end = toks[i].start["break_in"]
        single = end == i + 1
        s = cl.subject(i)
        if single and (cl.near(i, "home_place", after=4) is not None or cl.near(i, "near_place", after=4)):
            yield sig("danger", i, end - 1, "urgent")
        elif not single and s in ("other", None) and (cl.has("third") or cl.near(i, "home_place", after=3)):
            obj = toks[end].text if end < len(toks) else None
            if obj is not None and obj not in _NO_OBJECT and cl.near(end - 1, "home_place", after=3) is None:
                if obj in _DETERMINERS or toks[end - 1].text.endswith("into"):
                    continue  # "break into the music industry", "break into a bank vault"
            yield sig("danger", i, end - 1, "urgent")
    for i in cl.pos("intruder_who"):
        if (
            toks[i].text.endswith("s")
            and i + 1 < len(toks)
            and toks[i + 1].tags & {"home_place", "near_place"}
        ):
            continue  # "in a stranger's flat": the stranger's home, not the writer's
        if cl.near(i, "home_place", after=4) is not None or cl.near(i, "near_place", after=5) is not None:
            yield sig("danger", i, i + 3, "urgent")
    for i in cl.pos("medical"):
        if cl.has("desire") and cl.near(i, "death", before=1, after=1) is not None:
            continue
        end = toks[i].start.get("medical", i + 1)
        if toks[i].text.startswith("chok") and end < len(toks) and toks[end].text in _CHOKED_ONES:
            continue  # "he chokes me", "choke an opponent": done to someone (the violence rules read it)
        thing = cl.subject(i) == "thing" and not _a_person_named_before(toks, i)  # "the driver isn't moving"
        if (
            thing
            and not _there(toks, i)
            or any(t.text in _LAUGHTER or t.text.startswith("apnoea") for t in toks)
        ):
            continue  # "the queue is not moving", "can't breathe i'm laughing so much", sleep apnoea
        if toks[i].text in ("co", "carbon", "larwm") and not any(t.text in _SOUNDING for t in toks):
            continue  # "where can i buy a carbon monoxide alarm": not one going off
        if end == i + 1 and not _said_of_a_person(toks, i, cl.subject(i)):
            continue  # "a collapsed lung", "collapsed in laughter", "the tent collapsed"
        verb = toks[i].text.endswith(("ing", "ed"))
        if verb and end == i + 1 and end + 1 < len(toks) and toks[end].text in _DETERMINERS - {"me"}:
            if not toks[end + 1].tags & {"third", "victim", "self", "body_part"}:
                continue  # "the tree is choking my garden": done to a thing
        yield sig("danger", i, end - 1, "urgent", about(i))
    for i, tok in enumerate(toks):  # a fit: "my mum has taken something and is fitting"
        if (
            tok.text == "fitting"
            and i
            and toks[i - 1].text in ("is", "was", "started", "keeps", "been", "still")
        ):
            no_object = i + 1 == len(toks) or toks[i + 1].text in _AFTER_COLLAPSE  # not "fitting a kitchen"
            if cl.subject(i) in ("other", "self") and no_object and _said_of_a_person(toks, i, cl.subject(i)):
                yield sig("danger", i - 1, i, "urgent", about(i))
    for i in cl.pos("bleeding"):
        if cl.near(i, "heavily", before=3, after=4) is not None:
            yield sig("danger", i, i + 2, "urgent", about(i))
        elif any(t.text in ("head", "chest", "neck", "throat", "stomach") for t in toks[max(0, i - 3) : i]):
            yield sig("danger", max(0, i - 3), i, "urgent", about(i))  # "my head is bleeding"
    # pain in the chest with a sign of the heart: "terrible pain in her chest and she's gone grey"
    for i, tok in enumerate(toks):
        if tok.text in _PAIN and any(t.text in _CHEST for t in toks[max(0, i - 3) : i + 5]):
            if any(t.text in _HEART_SIGNS for t in toks):
                yield sig("danger", i, min(len(toks) - 1, i + 4), "urgent", about(i))
                break
    # a car's fumes: "sat in the car with the engine running in the garage"
    for i, tok in enumerate(toks):
        if tok.text in ("engine", "engines", "exhaust", "car") and any(
            t.text in ("garage", "hose", "hosepipe", "pipe") for t in toks
        ):
            if any(t.text in ("running", "on", "hose", "hosepipe", "pipe") for t in toks[i + 1 : i + 4]):
                yield sig("suicide", i, i + 2, "crisis", about(i))
    # how deadly a means is, asked: "is the canal deep enough to drown in", "do people feel it when they
    # hang", "what are the chances of surviving a jump from the viaduct"
    words = [t.text for t in toks]
    if toks and toks[0].text in _ASKING | _YES_NO and any(t.tags & _METHODS for t in toks):
        deadly = set(words) & _DEADLY or _has(words, (("deep", "enough"), ("high", "enough"), ("feel", "it")))
        leisure = any(
            t.text.startswith(_LEISURE + _THRILLS) for t in toks
        )  # "deep enough to jump in for a swim"
        if (
            deadly
            and not leisure
            and not _for_a_thing(words)
            and not any(t.text in _TOPIC_FRAME for t in toks)
        ):
            yield sig("suicide", 0, len(toks) - 1, "crisis", "self")
    # a question of how to die, or how much would kill: "how many tablets would it take to not wake up",
    # "what height would you need to jump from to die", "how long does it take to bleed out"
    if (
        toks
        and toks[0].text in _ASKING
        or any(t.text in ("quickest", "easiest", "painless", "fastest") for t in toks)
    ):
        for j, tok in enumerate(toks):
            phrase = tok.start.get("death", j + 1) > j + 1  # "not wake up", "be dead" (not "a death")
            fatal = "death" in tok.tags and (phrase or tok.text == "die") and "death" in tok.start
            fatal = fatal or tok.text == "bleed" and j + 1 < len(toks) and toks[j + 1].text == "out"
            victim = toks[j + 1 : j + 3]
            kills = (
                "kill" in tok.tags
                and bool(victim)
                and (
                    victim[0].text in ("you", "someone", "somebody", "people", "me", "yourself", "myself")
                    or victim[0].text == "a"
                    and len(victim) > 1
                    and victim[1].text in ("person", "human", "man", "woman")
                )
            )
            if (
                (fatal or kills)
                and not any("third" in t.tags and t.text not in ("them", "it", "him", "her") for t in toks)
                and not any(_past(t) or t.text in ("did", "was", "were") for t in toks[:j])
            ):
                if not any(t.tags & {"read"} for t in toks):
                    yield sig("suicide", 0, j, "crisis", "self")
                    break
    # enough to do it, asked: "how many paracetamol would it take", "is 40 of her tablets enough",
    # "how high does a bridge need to be", "if someone ate a whole pack how long till it kicks in"
    drugs = any(t.tags & {"substance", "poison"} for t in toks)
    lots = any(w.isdigit() and len(w) <= 3 and int(w) >= 8 for w in words) or bool(
        set(words) & {"whole", "all", "pack", "packet", "box", "bottle", "rest"}
    )
    dosing = _has(
        words, (("can", "i", "take"), ("safe",), ("dose", "for"), ("can", "i", "give"), ("how", "often"))
    )
    if not dosing and (
        drugs
        and "how" in words
        and "many" in words
        and _has(words, (("would", "it", "take"), ("would", "that", "take")))
        or drugs
        and lots
        and "enough" in words
        and not _has(words, (("enough", "for"), ("enough", "to", "last")))  # "enough for the week"
        or drugs
        and lots
        and _has(words, (("kicks", "in"), ("kick", "in"), ("how", "long", "till"), ("how", "long", "until")))
        or cl.has("high_place")
        and _has(words, (("need", "to", "be"), ("needs", "to", "be"), ("high", "enough")))
        and not _for_a_thing(words)
    ):
        yield sig("suicide", 0, len(toks) - 1, "crisis", "self")


def _done_or_at_risk(cl: _Clause) -> Iterable[CrisisSignal]:
    """Pills taken, no point, a painless way; a child at night; means at home; someone missing; money or pictures used, a child and a grown man."""
    toks, now, sig, about = _kit(cl)
    # pills taken a while ago, said as done: "took the pills an hour ago", "swallowed them 20 mins ago"
    for i in cl.pos("substance"):
        took = any(toks[k].text in ("took", "taken", "swallowed", "had") for k in range(max(0, i - 3), i))
        ago = _has([t.text for t in toks[i + 1 : i + 6]], (("ago",), ("hour", "ago"), ("since",)))
        if took and ago and i and toks[i - 1].text in ("the", "those", "all", "some", "load", "loads", "a"):
            yield sig("suicide", max(0, i - 2), i, "urgent", about(i))
    # no point in anything: "there's no point in anything anymore", "no point in living"
    for k in range(len(toks) - 1):
        if toks[k].text == "no" and toks[k + 1].text == "point":
            rest = tuple(t.text for t in toks[k + 2 : k + 5])
            if (
                not rest
                or rest[0] in ("anymore", "now")
                or rest[:1] in (("in",), ("to",))
                and rest[1:2]
                and (
                    rest[1] in _ALL_OF_LIFE
                    or rest[1:3] in (("it", "all"), ("carrying", "on"), ("going", "on"))
                )
            ):
                yield sig("suicide", k, k + 1 + len(rest), "concern", "self")
    # what's the point, and nothing after it: "whats the point anymore", "what is the point of anything"
    for k in range(len(toks) - 3):
        said = [t.text for t in toks[k : k + 4]]
        if said == ["what", "is", "the", "point"] or said[:3] == ["whats", "the", "point"]:
            rest = tuple(t.text for t in toks[k + 4 - (said[0] == "whats") : k + 7])
            if not rest or rest[:1] in (("anymore",), ("any",)) or rest[:2] in _POINTLESS:
                yield sig("suicide", k, k + 3, "concern", "self")
    # a painless way to go: "been googling painless ways to go all night"
    for j in range(len(toks) - 2):
        if toks[j].text in ("painless", "quickest", "easiest", "quick", "easy", "peaceful") and toks[
            j + 1
        ].text in (
            "way",
            "ways",
        ):
            rest = [t.text for t in toks[j + 2 : j + 5]]
            if rest[:2] == ["to", "go"] and (
                len(rest) == 2
                or rest[2] in _TIMES | {"all", "now", "tonight", "without", "painlessly", "quietly"}
            ):
                yield sig("suicide", j, j + 3, "crisis", about(j))
            elif rest[:1] == ["out"] and len(rest) == 1:
                yield sig("suicide", j, j + 2, "crisis", about(j))
    # someone coming into a child's room at night: "her stepdad comes into her room at night"
    for j in range(len(toks) - 3):
        if toks[j].text in ("comes", "came", "coming", "gets", "got") and toks[j + 1].text in ("into", "in"):
            if toks[j + 2].text in ("my", "her", "his") and toks[j + 3].text in ("room", "bed", "bedroom"):
                if (
                    any(t.text in ("night", "nights", "nos") for t in toks[j + 4 : j + 7])
                    and cl.subject(j) == "other"
                ):
                    who = "self" if toks[j + 2].text == "my" else "other"
                    yield sig("sexual-violence", j, j + 3, "crisis", who)
    # a rope at hand, thought about: "mae gen i raff yn y garej a dwi'n meddwl amdani"
    for i in cl.pos("hang"):
        if (
            toks[i].text in ("rope", "rhaff", "raff", "noose")
            and any(t.text in ("thinking", "meddwl", "think", "looking") for t in toks[i + 1 :])
            and not any(t.text in ("for", "i'r") for t in toks[i + 1 : i + 3])
        ):
            yield sig("suicide", i, i, "crisis", about(i))
    # the gas turned on in a closed room: "turned the gas on and shut all the windows"
    for j, tok in enumerate(toks):
        if tok.text == "gas" and any(t.text == "on" for t in toks[j + 1 : j + 3]):
            if any(t.text in ("shut", "closed", "sealed", "blocked", "taped") for t in toks[j + 2 :]):
                yield sig("suicide", j, j + 2, "crisis", about(j))
    # a blade held to the body: "holding a knife to my wrist"
    for i in cl.pos("weapon"):
        if (
            i + 3 < len(toks)
            and toks[i + 1].text in ("to", "against", "on")
            and toks[i + 2].text in ("my", "his", "her")
        ):
            if "body_part" in toks[i + 3].tags or toks[i + 3].text in ("throat", "neck"):
                who = "self" if toks[i + 2].text == "my" and cl.subject(i) in ("self", None) else "other"
                kind = "self-harm" if who == "self" else "abuse"
                yield sig(
                    kind, i, i + 3, "crisis", "self" if kind == "abuse" and toks[i + 2].text == "my" else who
                )
    # someone in the water, a small child alone by water or in a car: "a woman in the river by the bridge"
    for i in cl.pos("water"):
        if i > 1 and toks[i - 1].text in _DETERMINERS and toks[i - 2].text == "in":
            who = next((t for t in toks[max(0, i - 6) : i - 2] if t.text in _SOMEONE), None)
            if who is not None and not any(t.text.startswith(_LEISURE) for t in toks):
                yield sig("danger", i - 2, i, "urgent", "other")
    if any(t.text in _YOUNG | _CHILDREN and t.text not in ("son", "daughter") for t in toks):
        alone = any(t.text in ("alone", "left") for t in toks) or any(
            toks[k].text == "own" and toks[k - 1].text in ("his", "her", "their") for k in range(1, len(toks))
        )
        hazard = cl.has("water") or any(t.text in ("road", "hot", "motorway") for t in toks)
        if alone and hazard:
            yield sig("danger", 0, len(toks) - 1, "urgent", "other")
        took = next((k for k, t in enumerate(toks) if t.text in _SWALLOWED), None)
        if took is not None and any(t.tags & {"substance", "poison"} for t in toks[took:]):
            if any(t.text in _YOUNG | {"toddler", "kid", "child", "babi"} for t in toks[:took]):
                yield sig("danger", 0, len(toks) - 1, "urgent", "other")  # "my toddler swallowed my tablets"
    # a small child, or someone taken medicines by mistake: "gave my 2 year old my iron tablets, she ate
    # 6", "my son's bitten a washing pod", "mam's taken her whole week of tablets at once by mistake"
    age = _age(toks)
    small_child = age is not None and age < 6 or any(t.text in _YOUNG | {"toddler"} for t in toks)
    swallowed = any(t.text in _SWALLOWED for t in toks)
    given = any(t.text in ("gave", "given", "took", "taken", "had") for t in toks)
    mistake = _has([t.text for t in toks], (("by", "mistake"), ("accidentally",), ("by", "accident")))
    if any(t.tags & {"substance", "poison"} for t in toks):
        if (
            swallowed
            and small_child
            or (swallowed or given)
            and mistake
            and (small_child or cl.has("amount") or (age or 0) >= 70)
        ):
            yield sig("danger", 0, len(toks) - 1, "urgent", "other")
    # the phone or the keys taken by a partner: "he smashed my phone so i couldn't call anyone"
    for i, tok in enumerate(toks):
        if (
            tok.text in ("smashed", "broke", "took", "hid", "hides", "takes", "smashes", "snatched")
            and cl.subject(i) == "other"
        ):
            if i + 2 < len(toks) and toks[i + 1].text == "my" and toks[i + 2].text.rstrip("s") in _LIFELINES:
                if i + 3 < len(toks) and toks[i + 3].text not in _PREPOSITIONS | {"so", "and", "because"}:
                    continue  # "broke my phone screen"
                if _by_accident(toks, i) == "unmeant":
                    continue
                if cl.has("partner") or any(t.text in ("couldnt", "cant", "cannot", "stop") for t in toks):
                    yield sig("abuse", i, i + 2, "crisis", "self")
    # made to do things: "he made me do stuff i didn't want to"
    for i in cl.pos("coerce"):
        if (
            i + 3 < len(toks)
            and toks[i + 1].text == "me"
            and toks[i + 2].text == "do"
            and toks[i + 3].text in ("stuff", "things", "it", "sexual")
        ):
            if cl.subject(i) == "other" and any("negation" in t.tags for t in toks[i + 3 :]):
                yield sig("sexual-violence", i, i + 3, "concern", "self")
    # an attack that is sexual: "someone attacked me sexually", "ymosod arna i'n rhywiol"
    for i in cl.pos("violence"):
        if cl.near(i, "sex_word", after=4) is not None and cl.subject(i) != "self":
            if toks[cl.near(i, "sex_word", after=4)].text in ("sexually", "rhywiol", "sexual"):
                yield sig("sexual-violence", i, cl.near(i, "sex_word", after=4), "crisis", "self")
    # hiding injuries: "how do i hide the scars on my thighs", "long sleeves so no one sees my arms"
    if any(t.text in _HIDING for t in toks) and (
        any(t.text.rstrip("s") in _WOUNDS for t in toks) or any("body_part" in t.tags for t in toks)
    ):
        w = next(k for k, t in enumerate(toks) if t.text in _HIDING)
        old = any(t.text in ("old", "faded") for t in toks)  # "cover old scars for my wedding"
        if not old and cl.subject(w) in ("self", None) and any(t.text in ("my", "me", "i") for t in toks):
            yield sig("self-harm", w, len(toks) - 1, "crisis", "self")
    # the writer gone, and the others better for it: "an easier life if i wasn't in it"
    for i in cl.pos("my_absence"):
        if "my_absence" in toks[i].start and (cl.has("better") or cl.has("better_without")):
            end = toks[i].start["my_absence"]
            who = "other" if any(t.text in ("he", "she", "they") for t in toks[i:end]) else "self"
            yield sig("suicide", i, end - 1, "crisis", who)
    # means made ready at home: charcoal in a sealed room; a hose from the exhaust (petrol and a lighter:
    # `_across_clauses`)
    for j, tok in enumerate(toks):
        if tok.text in ("charcoal", "barbecue", "bbq") and any(
            t.text in ("bedroom", "taped", "sealed", "shut", "closed") for t in toks
        ):
            yield sig("suicide", j, j, "crisis", about(j))
        if tok.text == "exhaust" and any(t.text in ("hose", "hosepipe", "pipe", "tube") for t in toks):
            yield sig("suicide", j, j, "crisis", about(j))
    # water and no way out of it: "going down to the river, i can't swim and that's the point"
    if cl.has("water") and any(
        toks[k].text == "swim" and "negation" in toks[k - 1].tags for k in range(1, len(toks))
    ):
        yield sig("suicide", 0, len(toks) - 1, "crisis", "self")
    # climbing over a high place's railings: "a man on the bridge climbing over the railings"
    for j, tok in enumerate(toks):
        if tok.text.startswith("climb") and cl.has("high_place"):
            if any(t.text.rstrip("s") in _RAILINGS for t in toks[j + 1 : j + 4]):
                yield sig("suicide", j, j + 2, "crisis", about(j))
    # someone missing or out of reach who is at risk: "my nan has dementia and has wandered off",
    # "my friend messaged saying goodbye and now she's not answering"
    first_age = _age(toks)
    young = first_age is not None and first_age < 16
    for i in cl.pos("missing"):
        if "missing" not in toks[i].start:
            continue
        end = toks[i].start["missing"]
        if any(t.text in ("airport", "flight", "plane", "holiday") for t in toks):
            continue  # "texted goodbye from the airport and now his phone is off"
        if (
            cl.has("goodbye")
            or cl.has("cut")
            or cl.has("suicide")
            or any(t.text in ("note", "cuts") for t in toks)
        ):
            yield sig("suicide", i, end - 1, "crisis", "other")
        elif cl.has("vulnerable") or young:
            yield sig("danger", i, end - 1, "urgent", "other")
        elif (first_age or 0) >= 75 or any(t.text in _UNSEEN_SIGNS for t in toks):
            yield sig("danger", i, end - 1, "crisis", "other")  # "not seen her for a week, post piling up"
    # money taken or kept from the writer: "he takes my wages", "she controls all the money"
    for i, tok in enumerate(toks):
        if (
            tok.text in ("takes", "took", "controls", "keeps", "rheoli", "cymryd")
            and cl.subject(i) == "other"
        ):
            rest = toks[i + 1 : i + 4]
            if any("money_word" in t.tags for t in rest) and any(
                t.text in ("my", "all", "the", "fy", "her") for t in rest
            ):
                if not any(
                    t.text in ("to", "for") for t in toks[i + 1 : i + 6]
                ):  # "...to the post office for me"
                    yield sig("abuse", i, i + 3, "crisis", "self")
    # pictures used to threaten or to groom: "he has pictures of my son and wants money or he'll send them"
    for i, tok in enumerate(toks):
        if tok.text.rstrip("s") in _PICTURES:
            rest = toks[i + 1 :]
            threat = any(t.text in ("send", "share", "post", "show", "leak") for t in toks) and any(
                t.text in ("or", "unless", "money", "pay") for t in toks
            )
            child = (
                cl.has("vulnerable")
                or young
                or any(
                    t.text in ("son", "daughter", "merch", "mab", "kids", "children", "plant") for t in toks
                )
            )
            asking = any(t.text.startswith(("ask", "gofyn", "want", "beg")) for t in toks)
            asked = any(
                t.text
                in ("man", "dyn", "ddyn", "online", "ar-lein", "stranger", "we", "someone", "somebody", "app")
                for t in toks
            ) and (any("sex_word" in t.tags or t.text in ("back", "more") for t in toks) or asking)
            mine = any(t.text in ("me", "i") for t in toks)
            if threat or child and asked:
                yield sig(
                    "sexual-violence", i, min(len(toks) - 1, i + 4), "crisis", "self" if mine else "other"
                )
                break
    # a child and a grown man who wants to meet: "my 12 yr old is talking to a grown man who wants to meet her"
    adult = any(
        t.text
        in ("grown", "older", "adult", "stranger", "fella", "man", "lads", "men", "guy", "bloke", "barbat")
        for t in toks
    )
    said = [t.text for t in toks]
    secret = _has(said, (("not", "to", "tell"), ("dont", "tell"), ("our", "secret")))
    lure = any(
        t.text
        in ("meet", "secret", "pictures", "photos", "pics", "money", "phones", "gifts", "cars", "undress")
        for t in toks
    ) or _has(said, _UNDRESSING)
    if young and (adult and lure or secret):
        mine = any(t.text in ("i", "me") for t in toks)
        yield sig("sexual-violence", 0, len(toks) - 1, "crisis", "self" if mine else "other")


# a child asked to undress: "asked my 11 yr old to go on a private call and take his top off"
_UNDRESSING = (
    ("top", "off"),
    ("clothes", "off"),
    ("shirt", "off"),
    ("everything", "off"),
    ("trousers", "down"),
    ("pants", "down"),
    ("no", "clothes"),
    ("without", "clothes"),
    ("strip",),
    ("underwear",),
)
# where someone feared is, in Welsh: here, back, outside, coming ("mae o yma", "mae hi tu allan")
_WELSH_HERE = ("yma", "nol", "yn ol", "allan", "tu allan", "tu fas", "yn dod")


def _done_by_others_and_signs(cl: _Clause) -> Iterable[CrisisSignal]:
    """Waking undressed, an intruder, fire spreading, a child alone; the body's signs; threats, silencing and grooming."""
    toks, now, sig, about = _kit(cl)
    # waking undressed with no memory: "woke up with no clothes on and no memory after a party"
    if any(t.text in ("clothes", "knickers", "undressed", "naked", "dillad") for t in toks) and any(
        t.text in ("memory", "remember", "blacked", "cofio") for t in toks
    ):
        yield sig("sexual-violence", 0, len(toks) - 1, "crisis", "self")
    # someone in the house: "someone's in my house, i heard the back door", "a man in my back garden"
    for i in range(len(toks)):
        if _someone_unknown(toks, i) and i + 3 < len(toks):
            k = i + 1 + (toks[i + 1].text in ("is", "s", "was"))
            k += k < len(toks) and toks[k].text in ("standing", "stood", "hiding", "waiting", "lurking")
            if k + 2 < len(toks) and toks[k].text == "in" and toks[k + 1].text in ("my", "our"):
                p = k + 2 + (toks[k + 2].text in _PLACE_SIDES and k + 3 < len(toks))  # "my back garden"
                working = any(t.text in _AT_WORK for t in toks[p + 1 :])  # "fixing the fence"
                if toks[p].text in _YARDS and not working:
                    yield sig("danger", i, p, "crisis", "self")  # "someone was standing in my garden"
                if "home_place" in toks[p].tags and not working:
                    yield sig("danger", i, p, "urgent", "self")
    # a fire that spreads: "the chip pan has caught fire and it's spreading"
    for i in cl.pos("fire_state"):
        if "fire_state" in toks[i].start and any(t.text.startswith("spread") for t in toks):
            yield sig("danger", i, toks[i].start["fire_state"] - 1, "urgent", "self")
    # a small child alone: "5 year old on his own next door screaming for his mum for hours"
    age = next(
        (
            int(t.text)
            for k, t in enumerate(toks)
            if t.text.isdigit()
            and k + 1 < len(toks)
            and toks[k + 1].text.startswith(("year", "yr", "oed", "blwydd"))
        ),
        None,
    )
    alone = any(t.text in ("alone", "left") for t in toks) or any(
        toks[k].text in ("own", "hun", "hunain") and toks[k - 1].text in ("his", "her", "their", "ei", "eu")
        for k in range(1, len(toks))
    )
    alone = alone or _has([t.text for t in toks], (("no", "adult"), ("no", "adults"), ("nobody", "home")))
    small = age is not None and age < 10 or any(t.text in _YOUNG | {"plentyn"} for t in toks)
    small = small or any(  # "the little boy next door"
        t.text == "little" and k + 1 < len(toks) and toks[k + 1].text in _LITTLE_ONES
        for k, t in enumerate(toks)
    )
    if alone and small and any(t.text in _UNATTENDED for t in toks):
        yield sig("danger", 0, len(toks) - 1, "urgent", "other")
    elif (
        alone
        and any(t.text in _CHILDREN | {"plant", "children"} for t in toks)
        and any(t.text in _DAYS_ON_END for t in toks)
        and not (_all_teenagers(toks) and not _has([t.text for t in toks], _WITHOUT_NEEDS))
    ):
        yield sig("danger", 0, len(toks) - 1, "crisis", "other")  # "the kids next door alone for days"
    # "GET HIM AWAY FROM ME"
    for j in range(len(toks) - 3):
        if (
            toks[j].text == "get"
            and toks[j + 1].text in ("him", "her", "them")
            and toks[j + 2].text == "away"
        ):
            yield sig("danger", j, j + 3, "urgent", "self")
    # a struggle heard, then a bang: "screaming at her for an hour, then a massive bang and now it's quiet"
    if any(t.text in ("screaming", "shouting", "sgrechian") for t in toks) and cl.has("third"):
        if any(t.text in ("bang", "thud", "smash", "crash") for t in toks):
            yield sig("danger", 0, len(toks) - 1, "urgent", "other")
    # swelling of the airway: "his face and throat are swelling up"
    if any(t.text.startswith("swell") for t in toks) and any(
        t.text in ("throat", "tongue", "lips", "face") for t in toks
    ):
        yield sig("danger", 0, len(toks) - 1, "urgent", "other" if cl.has("third") else "self")
    # a diabetic's low: "my diabetic husband is confused and sweating"
    if any(t.text.startswith("diabet") for t in toks) and any(
        t.text in ("confused", "sweating", "shaking", "drowsy", "sense", "unconscious") for t in toks
    ):
        yield sig("danger", 0, len(toks) - 1, "urgent", "other" if cl.has("third") else "self")
    # a fall and no getting up: "he's been on the floor since last night and can't get up"
    if _has([t.text for t in toks], (("on", "the", "floor"),)) and (
        _has([t.text for t in toks], (("cant", "get", "up"), ("since", "last"), ("for", "hours")))
    ):
        yield sig("danger", 0, len(toks) - 1, "urgent", "other" if cl.has("third") else "self")
    # ice broken, water and live wires: "the ice broke on the pond and my son went in"
    words = [t.text for t in toks]
    if (
        "ice" in words
        and any(w in ("broke", "cracked", "gave") for w in words)
        or "sparks" in words
        and "water" in words
    ):
        yield sig("danger", 0, len(toks) - 1, "urgent", "other" if cl.has("third") else "self")
    # a threat left for the writer: "notes saying i'm next"
    if _has(words, (("i", "am", "next"), ("you", "are", "next"), ("your", "next"), ("youre", "next"))):
        yield sig("danger", 0, len(toks) - 1, "crisis", "self")
    # a weapon to be turned on the family: "keeps saying he'll use it on the lot of us"
    if cl.has("weapon") or cl.has("shoot"):
        for j in range(len(toks) - 2):
            if (
                toks[j].text in ("use", "using")
                and toks[j + 1].text in ("it", "them")
                and toks[j + 2].text == "on"
            ):
                if any(
                    t.text in ("us", "me", "kids", "children", "lot", "family") for t in toks[j + 3 : j + 7]
                ):
                    yield sig("abuse", j, j + 2, "crisis", "self")
    # hiding from someone out looking: "hiding at my friend's, he's driving round looking for me"
    if any(w.startswith("hid") for w in words) and _has(
        words, (("looking", "for", "me"), ("coming", "for", "me"))
    ):
        yield sig("danger", 0, len(toks) - 1, "urgent", "self")
    # silencing: "she'll tell everyone if i say anything", "he'll cut my face if i talk to anybody"
    if (
        _has(words, _SILENCING)
        and cl.subject(0) != "self"
        and any(w in ("will", "ll", "says", "said", "threatens", "threatened") for w in words)
    ):
        yield sig("abuse", 0, len(toks) - 1, "crisis", "self")
    # an adult who asks for secrecy: "my teacher keeps messaging me and told me to delete the chats"
    if (
        _has(words, _SECRET)
        and any(w in _ADULT_ROLES for w in words)
        and (any(w in ("me", "her", "him") for w in words))
    ):
        mine = "me" in words
        yield sig("sexual-violence", 0, len(toks) - 1, "crisis", "self" if mine else "other")
    # a child used to carry drugs: "older lads ... now he has to carry packages for them"
    if (
        any(w in ("carry", "carrying", "deliver", "delivering", "run", "running") for w in words)
        and any(w in ("packages", "parcels", "drugs", "bags", "packets") for w in words)
        and any(w in ("older", "lads", "line", "lines", "dealers", "gang", "them") for w in words)
        and not any(
            w in ("job", "courier", "shop", "paid") for w in words
        )  # a weekend job delivering parcels
    ):
        yield sig("abuse", 0, len(toks) - 1, "crisis", "other")
    # an age gap: "my 14yo has a boyfriend who is 25"
    ages = _ages(toks)
    if any(a < 16 for a in ages) and any(a >= 18 for a in ages):
        yield sig("sexual-violence", 0, len(toks) - 1, "crisis", "other")
    # a child's night visits: "my foster brother goes in my little sister's room at night"
    for j in range(len(toks) - 3):
        if toks[j].text in (
            "goes",
            "went",
            "go",
            "comes",
            "came",
            "gets",
            "got",
            "creeps",
            "sneaks",
        ) and toks[j + 1].text in ("in", "into"):
            room = next(
                (
                    k
                    for k in range(j + 2, min(len(toks), j + 6))
                    if toks[k].text in ("room", "bed", "bedroom")
                ),
                None,
            )
            if room is not None and any(t.text in ("night", "nights", "nos") for t in toks[room : room + 4]):
                if cl.subject(j) == "other":
                    mine = toks[j + 2].text == "my" and room == j + 3
                    yield sig("sexual-violence", j, room, "crisis", "self" if mine else "other")
    # a gun taken out: "had the gun out in the shed again last night"
    for i in cl.pos("weapon"):
        if (
            toks[i].text in ("gun", "shotgun", "rifle", "pistol")
            and i + 1 < len(toks)
            and toks[i + 1].text == "out"
        ):
            if cl.subject(i) in ("self", None) and any(w in ("again", "nobody", "noone") for w in words):
                yield sig("suicide", i, i + 1, "crisis", "self")
    # the courage to do it: "wish i had the guts to just go through with it"
    for j in range(len(toks) - 2):
        if toks[j].text in ("guts", "courage", "nerve", "bottle") and toks[j + 1].text == "to":
            if _has(words[j:], (("do", "it"), ("go", "through", "with", "it"), ("end", "it"))):
                yield sig("suicide", j, len(toks) - 1, "crisis", "self")
    # not getting through the night: "does anyone care if i make it through tonight", "can't see me getting to christmas"
    if _has(
        words, (("make", "it", "through"), ("see", "me", "getting", "to"), ("see", "myself", "making", "it"))
    ):
        if any(t.text in _TIMES or "now" in t.tags for t in toks) and (
            cl.has("negation") or "care" in words or "if" in words
        ):
            yield sig("suicide", 0, len(toks) - 1, "crisis", "self")
    # a plea with someone there: "help he's here", "help plis mae o yma"
    plea = next((k for k, t in enumerate(toks) if t.text in ("help", "helpu")), None)
    if len(toks) <= 6 and plea is not None and (plea == 0 or toks[plea - 1].text not in ("i", "to", "yn")):
        for j in range(plea + 1, len(toks) - 2):
            if (
                toks[j].text in ("he", "she", "they")
                and toks[j + 1].text in ("is", "s", "are")
                and toks[j + 2].text in ("here", "back", "outside", "coming")
            ) or (
                toks[j].text == "mae"
                and toks[j + 1].text in ("o", "e", "fo", "hi", "nhw")
                and " ".join(t.text for t in toks[j + 2 : j + 4]).startswith(_WELSH_HERE)
            ):
                yield sig("danger", j, j + 2, "urgent", "self")
    # walked in on while undressed: "my mam's new fella keeps walking in on me in the shower"
    for j in range(len(toks) - 3):
        if (
            toks[j].text.startswith(("walk", "come", "came", "barg"))
            and toks[j + 1].text == "in"
            and toks[j + 2].text == "on"
        ):
            if any(
                t.text in ("shower", "bath", "changing", "undressed", "dressed", "toilet")
                for t in toks[j + 3 : j + 8]
            ):
                yield sig(
                    "sexual-violence", j, j + 3, "crisis", "self" if toks[j + 3].text == "me" else "other"
                )
    # bruises a grip leaves: "bruises on his arms shaped like fingers"
    if any(t.text.startswith("bruis") for t in toks) and any(
        t.text.startswith(("finger", "grip")) for t in toks
    ):
        yield sig(
            "abuse",
            0,
            len(toks) - 1,
            "crisis",
            "other" if any(t.text in ("his", "her") for t in toks) else "self",
        )
    # a threat to cut or burn a face: "he says he will cut my face if i talk to anybody"
    for i in cl.pos("cut") + cl.pos("burn"):
        if i + 2 < len(toks) and toks[i + 1].text == "my" and toks[i + 2].text in ("face", "throat", "neck"):
            if cl.subject(i) == "other" and any(
                t.text in ("will", "going", "gonna", "threatens", "threatened") for t in toks[:i]
            ):
                yield sig("abuse", i, i + 2, "crisis", "self")
    # joining someone who has died: "since my wife passed ... i might join her soon"
    for j in range(len(toks) - 1):
        if toks[j].text == "join" and toks[j + 1].text in ("her", "him", "them"):
            if any(t.text in _BEREAVED for t in toks) or any("death" in t.tags for t in toks):
                yield sig("suicide", j, j + 1, "crisis", "self")
    # a heart attack's signs: "his chest is tight like a band and he's sweating"
    if any(t.text in ("chest", "frest", "brest") for t in toks) and any(
        t.text in ("tight", "pain", "poen", "band", "crushing") for t in toks
    ):
        if any(
            t.text.startswith(("sweat", "chwys", "grey", "gray", "clammy")) or t.text in ("arm", "jaw")
            for t in toks
        ):
            yield sig("danger", 0, len(toks) - 1, "urgent", "other" if cl.has("third") else "self")
    # water in the house: "water is coming in through the doors", "the river is in my house"
    flood = any(t.text in ("flood", "flooding", "floods", "llifogydd", "floodwater") for t in toks) or any(
        toks[k].text in ("water", "river") and toks[k + 1].text in ("is", "coming", "s")
        for k in range(len(toks) - 1)
    )
    leak = any(t.text in ("ceiling", "roof", "pipe", "pipes", "tap", "leak", "leaking", "damp") for t in toks)
    if (
        flood
        and not leak
        and (  # not "water coming through my ceiling": a repair
            cl.has("home_place")
            or any(t.text in ("doors", "door", "upstairs", "knees", "grisiau") for t in toks)
        )
    ):
        yield sig("danger", 0, len(toks) - 1, "urgent", "self")
    # Welsh passive of violence: "yn cael ei guro" (being beaten)
    for j in range(len(toks) - 2):
        if (
            toks[j].text == "cael"
            and toks[j + 1].text in ("ei", "fy", "eu")
            and "violence" in toks[j + 2].tags
        ):
            yield sig("abuse", j, j + 2, "crisis", "self" if toks[j + 1].text == "fy" else "other")
    for i in cl.pos("danger"):
        end = toks[i].start.get("danger", i + 1)
        if end + 1 < len(toks) and toks[end].text == "to":  # "not safe to drive"
            continue
        if toks[i].text == "in" and (
            i
            and toks[i - 1].text in ("not", "no")
            or i > 1
            and toks[i - 1].text == "like"
            and toks[i - 2].text == "not"
        ):
            continue  # "feeling low but not like in danger" (not "not eating and in danger")
        if i and toks[i - 1].text in ("no", "not", "never", "without", "dim", "heb"):
            continue  # "no gas smell at all"
        gas = any(t.text in ("gas", "nwy") for t in toks[i : toks[i].start.get("danger", i + 1)])
        at_home = gas and cl.near(i, "home_place", before=4) is not None  # "the kitchen smells of gas"
        if "danger" in toks[i].start and (cl.subject(i) != "thing" or at_home):
            yield sig("danger", i, toks[i].start["danger"] - 1, "urgent" if now else "crisis", about(i))


_CLAUSE_READERS = (
    _acts_on_oneself,
    _death_wished_or_planned,
    _hopelessness_and_overdoses,
    _means_and_methods,
    _violence_and_abuse,
    _danger_and_deadly_questions,
    _done_or_at_risk,
    _done_by_others_and_signs,
)


# A goodbye for a while, or to a thing: "said goodbye to my sister at the airport", "to my old job"
# What carries a goodbye: "a goodbye letter", "neges ffarwel" ("neges" is not a plural of "nege")
_GOODBYE_CARRIERS = frozenset("letter note message text video llythyr neges nodyn".split())
_SEEING_OFF = frozenset("at airport station before tomorrow today job work school house flat for".split())
_WAKE_WHEN = frozenset("early earlier late at before for so".split())
# Words that say a named abuse is the writer's or someone's own: "my partner is abusive", "a victim of"
_UNDERGOING = frozenset(
    """is was gets got getting being been victim experiencing suffering through living survivor
    facing""".split()
)
_COME_BY = frozenset("bought buy buying got get getting ordered order ordering found".split())
_MODALS = frozenset("might would could will should d ll can".split())
_ANY_PILLS = frozenset("pills pill tablets tablet meds medication painkillers".split())
_TOOK_OR_KEPT = frozenset("took taken collected hoarded kept hidden swallowed".split())
_HURTS = ("crack", "break", "broke", "bruis", "bleed", "hurt", "sting", "burn", "split", "swell")
_ASKING = frozenset("how what whats which when where hw wat wot".split())
_YES_NO = frozenset("is would will do does can could are".split())
_METHODS = frozenset({"drown", "hang", "jump", "poison", "overdose", "shoot"})
_THRILLS = ("bungee", "sky", "zip", "tombston", "div", "parachut", "abseil")
_DEADLY = frozenset("survive surviving survival die dying deadly lethal fatal painless".split())
_SOMEONE = frozenset("someone somebody man woman person lad girl boy kid child guy bloke".split())
_LEISURE = ("swim", "paddl", "fish", "kayak", "canoe", "surf", "play", "fun", "row", "dip")
_LIFELINES = frozenset("phone mobile key keys card passport ring purse wallet".split())
_WOUNDS = frozenset("scar cut mark bruise burn wound scratch".split())
_HIDING = frozenset("hide hiding hid cover covering sleeves sleeve".split())
_RAILINGS = frozenset("railing barrier fence edge side wall".split())
_CHILD_WORDS = frozenset("kids children baby son daughter plant".split())
_PICTURES = frozenset("picture photo pic image video nude llun lluniau lun luniau".split())
# What a child (or anyone) swallowed by mistake is said with
_SWALLOWED = frozenset("swallowed drank drunk eaten ate bitten bit chewed llyncu".split())
# What may follow "what is the point" when it is the point of anything at all
_POINTLESS = frozenset(
    {
        ("of", "anything"),
        ("of", "it"),
        ("of", "me"),
        ("of", "life"),
        ("in", "anything"),
        ("in", "living"),
        ("of", "living"),
        ("in", "trying"),
        ("any", "more"),
    }
)
# Warning signs of the body (`_across_clauses`), each said in a few ways; two, one of them serious,
# are an emergency
_WARNING_SIGNS = {
    "confused": (
        ("confused",),
        ("talking", "nonsense"),
        ("not", "making", "sense"),
        ("doesnt", "know", "where"),
        ("didnt", "know", "what", "day"),
        ("dryslyd",),
        ("ddryslyd",),
        ("siarad", "yn", "od"),
        ("gwneud", "synnwyr"),
    ),
    "grey": (
        ("grey",),
        ("gone", "blue"),
        ("going", "blue"),
        ("lips", "are", "blue"),
        ("n", "las"),
        ("yn", "las"),
    ),
    "hot": (
        ("a", "fever"),
        ("high", "fever"),
        ("high", "temperature"),
        ("boiling", "hot"),
        ("burning", "up"),
        ("really", "hot"),
        ("overheating",),
        ("very", "hot"),
    ),
    "swollen": (
        ("puffing", "up"),
        ("puffed", "up"),
        ("puffy",),
        ("swollen",),
        ("swelling",),
        ("closing", "up"),
        ("chwyddo",),
        ("n", "cau"),
        ("throat", "closing"),
    ),
    "faint": (("faint",), ("woozy",), ("fainted",), ("passing", "out")),
    "shivery": (
        ("shivery",),
        ("shivering",),
        ("clammy",),
        ("sweaty",),
        ("sweating",),
        ("chwysu",),
        ("crynu",),
        ("oer", "fel", "rhew"),
        ("very", "cold"),
        ("oer", "iawn"),
    ),
    # a condition that makes a sign serious: "she's diabetic, gone all confused"
    "a condition": (("diabetic",), ("epileptic",), ("asthmatic",), ("heart", "condition"), ("sepsis",)),
    "cannot get up": (
        ("cant", "get", "up"),
        ("cannot", "get", "up"),
        ("methu", "codi"),
        ("couldnt", "get", "up"),
        ("on", "the", "floor", "since"),
        ("hasnt", "moved"),
        ("not", "moved"),
        ("ddim", "codi"),
        ("ddim", "yn", "gallu", "codi"),
        ("dim", "yn", "gallu", "codi"),
        ("ar", "y", "llawr"),
    ),
    "blood": (
        ("blood", "in", "it"),
        ("with", "blood"),
        ("bleeding",),
        ("gwaedu",),
        ("blood", "everywhere"),
        ("much", "blood"),
        ("up", "blood"),
        ("bringing", "up", "blood"),
        ("spurting",),
        ("blood", "pumping"),
        ("blood", "pouring"),
        ("pouring", "blood"),
        ("pumping", "blood"),
    ),
    # what brings blood up: "is it normal to cough up this much blood"
    "coughing": (
        ("cough", "up"),
        ("coughing",),
        ("coughed", "up"),
        ("pesychu",),
        ("peswch",),
    ),
    # a wound: "cut it on a window", "a deep gash"
    "a wound": (
        ("cut", "it", "on"),
        ("gash",),
        ("deep", "cut"),
        ("cut", "his", "arm"),
        ("cut", "her", "arm"),
    ),
    # what a fit looks like from outside: "shaking all over and foaming at the mouth"
    "the mouth": (("foaming", "at"), ("frothing", "at", "the", "mouth"), ("ewyn", "o", "i", "geg")),
    # a head hit, and sleepiness after it: "rolled off the bed onto her head, now she's really quiet"
    "a head injury": (
        ("onto", "her", "head"),
        ("onto", "his", "head"),
        ("fell", "on", "her", "head"),
        ("fell", "on", "his", "head"),
        ("hit", "her", "head"),
        ("hit", "his", "head"),
        ("banged", "her", "head"),
        ("banged", "his", "head"),
        ("taro", "i", "phen"),
        ("taro", "i", "ben"),
        ("bwrw", "ei", "phen"),
        ("bwrw", "ei", "ben"),
    ),
    "sleepy": (
        ("keeps", "falling", "asleep"),
        ("keep", "falling", "asleep"),
        ("drowsy",),
        ("gysglyd",),
        ("cysglyd",),
        ("hard", "to", "wake"),
    ),
    # a rash that does not fade under a glass (meningitis, sepsis)
    "a rash": (
        ("doesnt", "fade"),
        ("does", "not", "fade"),
        ("wont", "fade"),
        ("under", "a", "glass"),
        ("press", "a", "glass"),
        ("glass", "on", "it"),
        ("go", "away", "when"),
        ("dan", "wydr"),
        ("ddim", "yn", "diflannu"),
        ("ddim", "yn", "pylu"),
    ),
    # labour too soon: "my waters have broken and it's 3 weeks early"
    "labour": (
        ("waters", "have", "broken"),
        ("waters", "broke"),
        ("waters", "broken"),
        ("waters", "have", "gone"),
        ("waters", "gone"),
        ("baby", "coming"),
        ("dyfroedd",),
    ),
    "early": (("weeks", "early"), ("premature",), ("too", "early"), ("wythnos", "yn", "gynnar")),
    # a fit that goes on: "he's fitting and it won't stop"
    "a fit": (
        ("fitting", "and"),
        ("seizures",),
        ("seizing",),
        ("fit", "has", "lasted"),
        ("fit", "has", "gone", "on"),
        ("fit", "is", "lasting"),
        ("fit", "wont"),
        ("having", "a", "seizure"),
        ("jerking",),
        ("shaking", "all", "over"),
        ("ffit", "wedi"),
        ("convulsing",),
        ("convulsions",),
        ("cael", "ffit"),
        ("ffitio", "ers"),
    ),
    "not stopping": (
        ("wont", "come", "round"),
        ("going", "for", "over"),
        ("isnt", "stopping"),
        ("ddim", "yn", "stopio"),
        ("lasted", "over"),
        ("para", "dros"),
        ("wont", "stop"),
        ("not", "stopping"),
        ("hasnt", "stopped"),
        ("will", "not", "stop"),
        ("still", "going"),
    ),
    # a scald or a burn, and the skin it did: "pulled the kettle over on herself, skin's blistering"
    "a scald": (
        ("kettle", "over"),
        ("boiling", "water"),
        ("hot", "water", "over"),
        ("hot", "oil"),
        ("cup", "of", "tea"),
        ("cup", "of", "coffee"),
        ("hot", "coffee"),
        ("hot", "tea"),
        ("hot", "drink"),
        ("scalded",),
        ("scald",),
        ("chip", "pan"),
        ("dwr", "berwedig"),
    ),
    "the skin": (
        ("skin", "is", "peeling"),
        ("skin", "peeling"),
        ("peeling", "off"),
        ("skin", "coming", "off"),
        ("skin", "is", "coming"),
        ("blistery",),
        ("gone", "all", "white"),
        ("blisters",),
        ("skin", "came", "off"),
        ("blistering",),
        ("blistered",),
        ("skin", "is", "white"),
        ("charred",),
        ("pothelli",),
    ),
    "cannot feel": (
        ("cant", "feel", "his", "legs"),
        ("cant", "feel", "my", "legs"),
        ("cant", "feel", "her", "legs"),
        ("cannot", "feel"),
        ("cant", "feel", "his", "arms"),
        ("cant", "feel", "my", "arms"),
    ),
    "a needle": (("needle", "still"), ("needle", "in", "his"), ("needle", "in", "her")),
    "breathing": (
        ("asthma", "attack"),
        ("inhaler", "isnt", "working"),
        ("inhaler", "is", "not", "working"),
        ("inhaler", "not", "working"),
        ("inhaler", "doesnt", "work"),
        ("inhaler", "isnt", "helping"),
        ("inhaler", "not", "helping"),
        ("inhaler", "isnt", "doing"),
        ("inhaler", "is", "not", "doing"),
        ("barely", "breathing"),
        ("snoring", "noise"),
        ("breathing", "deep", "and", "fast"),
        ("cant", "breathe"),
        ("gwichian",),
        ("wheezing",),
        ("methu", "cael", "ei", "gwynt"),
        ("methu", "cael", "fy", "ngwynt"),
        ("rattly",),
        ("rattling",),
        ("gasping",),
        ("struggling", "to", "breathe"),
        ("wheezy",),
        ("cannot", "breathe"),
        ("methu", "anadlu"),
    ),
    "a fall": (
        ("came", "off"),
        ("after", "the", "fall"),
        ("car", "crash"),
        ("crashed",),
        ("fallen",),
        ("fell", "off"),
        ("fell", "down"),
        ("had", "a", "fall"),
        ("syrthio",),
        ("disgyn",),
        ("ddisgyn",),
        ("wedi", "cwympo"),
    ),
    "a broken bone": (
        ("funny", "angle"),
        ("hip", "has", "gone"),
        ("hips", "gone"),
        ("hip", "is", "gone"),
        ("bent", "the", "wrong"),
        ("pointing", "the", "wrong"),
        ("bone", "poking", "out"),
        ("bone", "sticking", "out"),
    ),
    "a stroke": (
        ("cant", "lift", "her", "arm"),
        ("cant", "lift", "his", "arm"),
        ("cant", "lift", "her", "right"),
        ("cant", "lift", "her", "left"),
        ("cant", "lift", "his", "right"),
        ("cant", "lift", "his", "left"),
        ("face", "has", "dropped"),
        ("face", "drooping"),
        ("side", "of", "face", "is", "down"),
        ("side", "of", "her", "face"),
        ("side", "of", "his", "face"),
        ("ochr", "o", "i", "wyneb"),
        ("ochr", "oi", "wyneb"),
        ("ochr", "i", "wyneb"),
    ),
    "speech": (
        ("words", "are", "coming", "out"),
        ("slurred",),
        ("slurring",),
        ("cant", "speak", "properly"),
        ("cant", "get", "his", "words", "out"),
        ("cant", "get", "her", "words", "out"),
        ("ddim", "yn", "gallu", "siarad"),
        ("ddim", "yn", "siarad", "yn", "iawn"),
        ("not", "speak"),
        ("cant", "talk", "properly"),
        ("disgyn", "un", "ochr"),
        ("wedi", "disgyn", "ar", "un", "ochr"),
        ("methu", "siarad"),
    ),
    "the heart": (
        ("chest", "hurts"),
        ("chest", "hurt"),
        ("chest", "pain"),
        ("poen", "yn", "ei", "frest"),
        ("poen", "yn", "fy", "mrest"),
        ("boen", "yn", "ei", "frest"),
        ("heart", "is", "doing"),
        ("hearts", "doing"),
        ("heart", "racing"),
        ("hearts", "racing"),
        ("heart", "is", "racing"),
        ("fluttery",),
    ),
    "not answering": (
        ("not", "answering"),
        ("ddim", "yn", "ateb"),
        ("not", "waking"),
        ("wont", "wake"),
        ("wont", "answer"),
    ),
    "neglect": (
        ("not", "allowed", "to", "eat"),
        ("isnt", "allowed", "to", "eat"),
        ("not", "allowed", "food"),
        ("isnt", "allowed", "food"),
        ("not", "let", "to", "eat"),
        ("sores",),
        ("rotting", "food"),
        ("same", "clothes", "for"),
        ("wont", "feed", "her"),
        ("wont", "feed", "him"),
        ("weeping",),
        ("soiled",),
    ),
    "thin": (
        ("skin", "and", "bone"),
        ("wasting", "away"),
        ("lost", "so", "much", "weight"),
        ("lost", "loads", "of", "weight"),
        ("see", "his", "ribs"),
        ("see", "her", "ribs"),
        ("see", "all", "his", "ribs"),
        ("see", "all", "her", "ribs"),
        ("ribs", "showing"),
        ("ribs", "sticking", "out"),
    ),
}
# signs too common to be alarming on their own beside a flagged word ("non-drowsy", "a cough")
_MILD_SIGNS = frozenset({"sleepy", "early", "coughing", "not stopping"})
_SERIOUS_SIGNS = frozenset(
    {
        "confused",
        "grey",
        "swollen",
        "cannot get up",
        "blood",
        "breathing",
        "a broken bone",
        "a stroke",
        "speech",
        "the heart",
        "not answering",
        "neglect",
        "cannot feel",
        "a needle",
        "a fit",
        "the skin",
        "the mouth",
        "a head injury",
        "a rash",
        "labour",
        "low oxygen",
    }
)
# Not eating, for days or by design
_STARVING = (
    ("havent", "eaten"),
    ("not", "eaten"),
    ("stopped", "eating"),
    ("water", "only"),
    ("purging",),
    ("bulimic",),
    ("anorexic",),
    ("pro", "ana"),
    ("sick", "after", "every", "meal"),
    ("not", "eating"),
    ("rhoi", "y", "gorau", "i", "fwyta"),
)
# a colour the skin should not be: "her lips look blue"
_SKIN_PARTS = frozenset("lips lip face skin fingers fingertips tongue gwefusau wyneb croen".split())
_COLOURS_OF_DANGER = frozenset("blue grey gray purple bluish bluey blueish greyish mottled las llwyd".split())
# treatments that leave the body open to infection, so that a fever is an emergency
_TREATMENTS = frozenset("chemo chemotherapy cemotherapi transplant".split())
_ASKED_IN_GENERAL = (("does", "chemo"), ("can", "chemo"), ("do", "you", "get"), ("is", "it", "common"))
_GIVING_WAY = frozenset("faint fainted fainting dizzy weak collapsed stairs heart chest blood".split())
# A debt made to be paid in fear: "they know where my mum lives", "or they'll do my brother"
_MADE_TO_PAY = (
    ("know", "where"),
    ("knows", "where"),
    ("or", "they"),
    ("or", "theyll"),
    ("work", "off"),
    ("work", "it", "off"),
    ("gwbod", "lle"),
    ("gwybod", "lle"),
    ("carry", "stuff"),
    ("move", "stuff"),
)
# Work that is not free: no pay, a debt to the boss, made to work for nothing, a threat if one speaks
_UNFREE = (
    ("cannot", "go"),
    ("cant", "leave"),
    ("not", "allowed", "out"),
    ("not", "allowed", "off"),
    ("not", "allowed", "to", "leave"),
    ("no", "pay"),
    ("no", "money"),
    ("no", "salary"),
    ("not", "paid"),
    ("not", "been", "paid"),
    ("without", "pay"),
    ("owe", "him"),
    ("owe", "them"),
    ("we", "owe"),
    ("free", "or"),
    ("if", "i", "complain"),
    ("if", "we", "talk"),
    ("if", "i", "talk"),
    ("if", "i", "go"),
    ("only", "20"),
    ("no", "salary"),
)
_NOWHERE_TO_SLEEP = (
    ("nowhere", "to", "sleep"),
    ("nowhere", "to", "go"),
    ("kicked", "out"),
    ("thrown", "out"),
    ("sleeping", "rough"),
    ("sleeping", "outside"),
)
_DID_IT = (("did", "it"), ("done", "it"), ("hits", "him"), ("hits", "her"), ("hit", "him"), ("hit", "her"))
# Words of an urge or of thoughts come back: "sh urges really bad", "the thoughts are back"
_URGES = frozenset("urge urges urging thoughts meddyliau ysfa".split())
# Signs that someone has not been about for days: "curtains shut, post piling up behind the door"
_UNSEEN_SIGNS = frozenset("curtains post milk letters mail newspapers papers lights llenni".split())
# Where smoke belongs: "smoke coming out of the chimney"
_SMOKE_SOURCES = frozenset(
    "chimney chimneys bonfire barbecue bbq stove burner fireplace incense simnai".split()
)
# Parts of a building, and signs of a fire out of its place: smoke there is a fire
_SMOKE_ALARM = frozenset(
    "roof room rooms house wall walls upstairs downstairs fence alarm exploded explosion breathe trapped flat "
    "stairs door".split()
)
_DAYS_ON_END = frozenset("days nights night overnight weekend week dyddiau nosweithiau nos wythnos".split())
_UNATTENDED = frozenset(
    "screaming crying hours hour night hot boeth locked awr water road car street freezing dark cold nappy".split()
)
_SOUNDING = frozenset("going beeping sounding canu pounding dizzy headache sick benysgafn off".split())
_ON_TOP = frozenset("top floor edge roof of very highest level side".split())
_STANDING = frozenset("standing stood sat sitting sefyll eistedd looking".split())
# Parts of the body a blow is said to land on: "smashed my head", "broke my jaw"
_STRUCK = frozenset(
    "head face neck throat hair nose jaw rib ribs teeth tooth eye eyes cheekbone skull".split()
)


def _age_at(toks: list[_Token], k: int, digits: int) -> int | None:
    """The age the number at `k` says, if it is one: "14 year old", "12 oed", "i am 13", "she is 12"."""
    word = toks[k].text
    if not word.isdigit() or len(word) > digits:
        return None
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    prev = toks[k - 1].text if k else ""
    after = toks[k + 2].text if k + 2 < len(toks) else ""
    lasting = prev in _FOR_A_TIME and after != "old"  # "for 3 years", "in 2 years": a time, not an age
    said = (
        nxt.startswith(("year", "yr", "oed", "blwydd"))
        and not lasting
        or prev in ("am", "is", "aged", "age", "s", "yn")
    )
    return int(word) if said else None


# (and Portuguese "há", for or ago: "há 3 anos", three years ago)
_FOR_A_TIME = frozenset("for in over after last past than about nearly almost since within every ha".split())


def _ages(toks: list[_Token]) -> list[int]:
    """Every age said in a clause: "my 14yo has a boyfriend who is 25" -> [14, 25]."""
    out = []
    for k, t in enumerate(toks):
        m = re.fullmatch(r"(\d{1,2})(?:yo|yrs?)", t.text)
        age = int(m.group(1)) if m else _age_at(toks, k, 2)
        if age is not None:
            out.append(age)
    return out


def _age(toks: list[_Token]) -> int | None:
    """The first age said in a clause: "14 year old", "12 yr old", "i am 13", "she is 12", "12 oed"."""
    return next((a for k in range(len(toks)) if (a := _age_at(toks, k, 3)) is not None), None)


_BEREAVED = frozenset("passed died dead death lost grave heaven funeral gone".split())
_AFTER_A_ROPE = _PREPOSITIONS | _NO_OBJECT | frozenset("and up ready yesterday today tonight from".split())
_JOKING = frozenset("lol haha hahaha hahahaha lmao lmfao jk rofl".split())
# Sport, where holds and blows are the game: "my brother pinned me in wrestling"
_SPORT = frozenset(
    "wrestling wrestlin judo karate boxing rugby football match sparring jitsu mma kickboxing taekwondo side "
    "netball hockey cricket game gem droed pel fifa chess gwyddbwyll rygbi pel-droed".split()
)
# A night out, where "got smashed" is drunk
_NIGHT_OUT = frozenset("party pub drinks drinking hangover drunk club night".split())
_ERRANDS = frozenset("pharmacy chemist chemists doctor doctors gp surgery clinic hospital".split())
_APPS = frozenset("media internet app apps grid chat group groups".split())
_ADULT_ROLES = frozenset(
    "teacher coach tutor man men adult older grown fella instructor leader manager bloke guy uncle stepdad "
    "grandad cousin lodger neighbour ewythr wncwl".split()
)
_SECRET = (
    ("delete", "the", "chats"),
    ("delete", "the", "messages"),
    ("delete", "our", "messages"),
    ("our", "secret"),
    ("keep", "secrets"),
    ("keep", "a", "secret"),
    ("our", "little", "secret"),
    ("keep", "it", "secret"),
    ("not", "to", "tell"),
    ("dont", "tell"),
    ("no", "one", "will", "believe"),
)
_SILENCING = (
    ("if", "i", "say", "anything"),
    ("if", "i", "tell", "anyone"),
    ("if", "i", "told", "anyone"),
    ("if", "i", "tell", "anybody"),
    ("if", "i", "talk", "to", "anybody"),
    ("if", "i", "go", "to", "the", "police"),
)
_EVERYONE = frozenset("everyone everybody you them people family pawb".split())
_ANIMALS = frozenset("dog dogs cat cats fox ci cath cwn gi goose geese swan swans seagull seagulls".split())
_LATE = frozenset("late again forgot forget missed miss lost broke".split())
_WORK_FIGURES = frozenset("boss teacher coach manager".split())
_WEAK_BETTER = frozenset("fine ok okay alright".split())


# What may follow a person's collapse: a place, a time, "and ..." (but "a collapsed lung" is no person's)
_AFTER_COLLAPSE = _PREPOSITIONS | _NO_OBJECT | frozenset("and again suddenly earlier yesterday just".split())
_LAUGHTER = frozenset("laughter laughing laughin giggles giggling stitches hysterics fits".split())


def _said_of_a_person(toks: list[_Token], i: int, subject: str | None) -> bool:
    """A one-word medical state said of a person: "she collapsed on the floor", "my dad collapsed"
    (not "a collapsed lung", "the tent collapsed", "collapsed in laughter")."""
    if subject == "thing" and _a_person_named_before(toks, i):
        subject = "other"  # "the referee collapsed"
    if subject == "thing" and not _there(toks, i) or any(t.text in _LAUGHTER for t in toks[i + 1 : i + 5]):
        return False
    person_next = i + 1 < len(toks) and (
        toks[i + 1].tags & {"third", "victim"} or toks[i + 1].text in _SOMEONE
    )  # "an unconscious girl"
    if person_next:
        return True
    nxt = toks[i + 1 : i + 3]
    if subject is None and nxt and nxt[0].text not in _AFTER_COLLAPSE:
        return False  # "collapsed lung recovery": a word before a noun
    return not (i and toks[i - 1].text in _DETERMINERS - {"my", "fy"})


def _for_a_while(toks: list[_Token], j: int) -> bool:
    """ "fine without me for a week", "ok without me on friday": an absence for a while, not for good."""
    if j >= len(toks):
        return False
    w = toks[j].text
    nxt = toks[j + 1].text if j + 1 < len(toks) else ""
    if w in ("for", "over") and nxt in ("a", "an", "one", "two", "few", "the") or nxt.isdigit():
        return not any(t.text in ("good", "ever", "rest", "always") for t in toks[j : j + 5])
    return w in ("today", "tonight", "tomorrow", "next", "until", "till", "while", "during", "on")


# What is pressed over a face, and what a hand goes under when it is an assault
_PRESSED = frozenset(
    "held holding hold holds put putting puts pressed pressing press pushed pushing forced".split()
)
_CLOTHES = frozenset(
    "skirt dress top shirt tshirt trouser jean knicker pant bra short underwear jumper blouse".split()
)
# After "scared to go home": the journey is what is feared ("alone in the dark", "at night")
_JOURNEY = frozenset("alone dark night late own myself walking".split())


def _alone_out(toks: list[_Token], end: int) -> bool:
    """ "scared to go home alone in the dark": fear of the way home, not of who is there."""
    rest = toks[end:]
    if any(t.tags & {"third", "partner"} for t in rest):
        return False  # "scared to go home alone, he's waiting"
    return any(t.text in _JOURNEY for t in rest[:4])


_CHILDREN = frozenset(
    "kid kids child son daughter toddler baby little boy girl hogyn hogan bachgen geneth babi merch ferch plentyn "
    "blentyn".split()
)
_SHOUTED = frozenset(
    "shout shouts shouting shouted yell yelling yelled scream screaming hurl hurling verbal".split()
)
_CHARGES = frozenset(
    "charge charges bill bills fine fines fee fees penalty overdraft sanction tax price costs rise increase".split()
)
_PAIN = frozenset("pain pains poen poenau agony".split())
_CHEST = frozenset("chest brest frest mrest".split())
_HEART_SIGNS = frozenset(
    """terrible awful crushing severe grey gray sweating sweaty clammy arm jaw breath breathe ofnadwy llwyd
    chwysu fraich braich anadlu""".split()
)


def _with_mutations(words: str) -> frozenset[str]:
    """English words and Welsh ones with their mutations ("ceg": "geg", "ngheg", "cheg")."""
    return frozenset(form for w in words.split() for form in mutations(w))


_TRACKERS = _with_mutations("tracker trackers airtag airtags traciwr tracwyr")
# found (or found hidden) by the writer; put there by someone else
_FOUND = frozenset(
    "found find finding discovered hidden ffeindio ffeindiais ffeindiodd cuddiedig hyd".split()
)
_PUT = frozenset("hid hidden put planted stuck taped cuddio cuddiodd rhoi".split())
# what may stand just before an unknown device ("found a tracker", Welsh "ffeindiais i draciwr") and
# just after it ("a tracker under my car", "airtag yn fy mag"): not "a fitness tracker", "a tracker mortgage"
_BEFORE_DEVICE = frozenset("a an some gps i".split()) | _FOUND | _PUT
_AFTER_DEVICE = frozenset(
    "in on under inside behind attached taped stuck hidden that which yn o ar dan wedi".split()
)


def _planted(toks: list[_Token], i: int) -> bool:
    """An unknown tracker at `i` among the writer's things: "found an airtag in my bag", "someone put a
    tracker under my car", Welsh "ffeindiais i draciwr o dan fy nghar". Not the writer's own ("my
    airtag", "the airtag that fell off my keys"), one the writer hid ("hid an airtag in my bike frame"),
    nor another kind ("a fitness tracker", "a tracker mortgage", "a tracker for my cat")."""
    if i == 0 or toks[i - 1].text not in _BEFORE_DEVICE:
        return False
    if i + 1 < len(toks) and toks[i + 1].text not in _AFTER_DEVICE:
        return False
    found = any(t.text in _FOUND | {"there"} for t in toks[:i])  # "found a tracker", "there's an airtag"
    put_by_another = any(
        t.text in _PUT
        and any(u.tags & {"third", "intruder_who"} or u.text in ("someone", "somebody") for u in toks[:k])
        for k, t in enumerate(toks)
    )
    return found or put_by_another


_OWNERS = frozenset("my our fy ein".split())
_LIPS = _with_mutations("lips lip mouth gwefusau gwefus ceg")
_DUSKY = _with_mutations("blue grey gray purple glas llwyd piws")


def _dusky_near(toks: list[_Token], i: int) -> bool:
    """A colour of too little oxygen said of the lips at `i`, within four words either way: the colour
    ends its clause or comes before the lips or a word of where ("lips blue", "blue round the mouth").
    Before another word it is a thing's colour ("a blue inhaler", "blue lipstick"), or a cause follows
    ("gone blue from the blueberries")."""
    for j in range(max(0, i - 4), min(len(toks), i + 5)):
        after = toks[j + 1].text if j + 1 < len(toks) else None
        if toks[j].text in _DUSKY and (after is None or after in _LIPS or after in _AFTER_COLOUR):
            return True
    return False


_AFTER_COLOUR = frozenset(
    "round around about on at and now again too already o ac rwan nawr".split()
)  # Welsh "o gwmpas"
_FALLING = frozenset("fall falling fell slip slipping slipped trip tripping tripped drowning".split())


def _doer(toks: list[_Token], i: int) -> str | None:
    """The person word nearest before `i`: "my kid kicked me" -> "kid"."""
    return next((t.text for t in reversed(toks[:i]) if t.tags & {"third"} or t.text in _YOUNG), None)


def _steadied(toks: list[_Token], j: int) -> bool:
    """ "grabbed my arm to stop me falling", "pulled me up to catch me": an act to keep someone from harm."""
    rest = [t.text for t in toks[j : j + 6]]
    if "to" not in rest or set(rest) & {"throat", "neck", "hair"}:
        return False
    after = rest[rest.index("to") + 1 :]
    return bool(after) and (
        after[0] in ("catch", "steady", "save")
        or after[0] in ("stop", "keep")
        and bool(set(after) & _FALLING)
    )


_PAST = frozenset(
    "took taken swallowed downed necked popped had done did overdosed drank drunk ate eaten wedi cymerais llyncais "
    "newydd nes wnes wnaeth wnaethon ddaru".split()  # Welsh "newydd gymryd" (just taken), "nes i" (I did)
)


_THREAT_STEMS = ("threat", "bygwth", "fygwth", "mygwth")
_ONLINE = frozenset(
    "instagram insta facebook fb tiktok twitter snapchat snap online youtube social whatsapp strava twitch "
    "reddit linkedin spotify pinterest threads".split()
)


def _followed_by_a_thing(toks: list[_Token], i: int) -> bool:
    """ "followed by spam calls", "followed on instagram": a follower that is no person, or online."""
    nxt = toks[i + 1 : i + 6]
    if nxt and nxt[0].text in ("on", "ar") and any(t.text in _ONLINE for t in nxt[1:3]):
        return True
    if any(
        t.text in ("every", "location", "turning", "turned", "outside", "home", "house")
        for t in toks[i + 1 :]
    ):
        return False  # "following my every move", "following my location and turning up at my house"
    for k, t in enumerate(nxt[:-1]):  # "following my running club on strava": a page followed online
        if (
            t.text in ("on", "ar")
            and nxt[k + 1].text in _ONLINE
            and not any(x.tags & {"victim", "reflexive_self"} or x.text in ("me", "us") for x in nxt[:k])
        ):
            return True
    if nxt and nxt[0].text == "by":
        rest = nxt[1:]
        person = any(t.tags & {"third", "intruder_who", "victim"} for t in rest) or any(
            t.text in ("someone", "somebody", "people", "men", "car", "van", "gang") for t in rest
        )
        return bool(rest) and not person
    return False


# Parts of the body that a person knocks themselves ("my son hit his head"): an accident
_KNOCKED = frozenset("head knee knees elbow arm leg toe toes finger hand face nose lip back shin".split())
_HER = frozenset(
    "she her daughter mum mam mom sister wife girlfriend nan gran girl aunt auntie niece".split()
)
_HIS = frozenset("he him son dad brother husband boyfriend grandad lad boy uncle nephew".split())


def _knocked_own(toks: list[_Token], i: int, s: str | None) -> bool:
    """The act at `i` falls on the doer's own body: "my daughter hit her head", "i banged my knee"."""
    if i + 2 >= len(toks) or toks[i + 2].text not in _KNOCKED:
        return False
    owner = toks[i + 1].text
    doer = next((t.text for t in reversed(toks[:i]) if t.tags & {"third", "self"} and t.text != "my"), None)
    if owner == "my":
        return s == "self"
    return (owner == "her" and doer in _HER) or (owner == "his" and doer in _HIS)


# What follows "killing me with" when it is a figure of speech: "all this overtime", "my arthritis"
_FIGURE_WITH = frozenset("all this these that those my so too worry stress kindness work the their".split())


def _with_a_thing(toks: list[_Token], j: int) -> bool:
    """Whether "with" at `j` brings a burden, not an instrument: "killing me with all this overtime"
    (but "with his fists", "with a pillow", "with the car" are instruments)."""
    if j + 1 >= len(toks) or toks[j].text not in ("with", "gyda", "efo"):
        return False
    rest = toks[j + 1 : j + 5]
    harmless = not any(
        t.tags & {"weapon", "substance", "poison", "victim", "third", "hang", "cut", "burn"} for t in rest
    )
    return toks[j + 1].text in _FIGURE_WITH and harmless


# Words that say an act goes on, or is meant, whatever else is said of it
_ONGOING = frozenset("every always keeps keep kept again says said claims claimed purpose still".split())


# what children left alone must not be without: "14 and 15, alone for days with no food"
_WITHOUT_NEEDS = (
    ("no", "food"),
    ("no", "electric"),
    ("no", "heat"),
    ("no", "heating"),
    ("cut", "off"),
    ("nothing", "to", "eat"),
)


_INSTITUTIONS = frozenset(
    "landlord landlady council agent agency school gp surgery office company housing bank dentist nursery".split()
)
_CHOKED_ONES = frozenset("me her him them us my his an a the someone somebody opponent people".split())


def _could_hurt_at(toks: list[_Token]) -> list[int]:
    """Where the writer says they could hurt someone: "i could strangle him", "fe allwn i ei ladd e"."""
    words = [t.text for t in toks]
    return [
        k
        for k in range(len(toks) - 2)
        if words[k : k + 2] in (["i", "could"], ["allwn", "i"]) and toks[k + 2].tags & {"violence", "kill"}
    ]


def _all_teenagers(toks: list[_Token]) -> bool:
    """Whether the children's ages said are all 13 or more ("they're 15 and 16")."""
    ages = [int(t.text) for t in toks if t.text.isdigit() and int(t.text) < 19]
    return bool(ages) and min(ages) >= 13


def _by_accident(toks: list[_Token], i: int) -> str | None:
    """How the act at `i` is said to have happened, from the few words after it: "unmeant" ("by
    accident", "accidentally", "by mistake"), "asleep" ("in his sleep"), or None — also when the
    clause says it goes on or was meant ("every night", "he says", "on purpose")."""
    if any(t.text in _ONGOING for t in toks):
        return None
    words = [t.text for t in toks[max(0, i - 1) : i + 7]]
    words += [t.text for t in toks[i + 7 :] if t.text in _TOOLS_THAT_SLIP]
    for k, w in enumerate(words):
        if (
            w in ("accidentally", "accidently", "damwain")
            or w in ("accident", "mistake")
            and words[k - 1] == "by"
        ):
            return "unmeant"
        if w == "sleep" and k > 1 and words[k - 1] in ("his", "her", "their") and words[k - 2] == "in":
            return "asleep"
        if w in _TOOLS_THAT_SLIP:
            return "unmeant"  # "sliced a bit of skin off my finger with the mandoline"
        if w in ("dropping", "dropped", "dropt") and words[k + 1 : k + 2] == ["it"]:
            return "unmeant"  # "she smashed her phone screen dropping it"
        if w in _ITCHES or w in ("from", "by") and set(words[k + 1 : k + 4]) & _PETS:
            return "unmeant"  # "scratches from the new kitten", "i scratch myself raw with my eczema"
    return None


_TOOLS_THAT_SLIP = frozenset(
    "mandoline grater peeler secateurs chisel strimmer hedgetrimmer lawnmower".split()
)
_ITCHES = frozenset("eczema psoriasis itch itchy itching hives rash chickenpox bites".split())
_YOUNG = frozenset("baby babies toddler toddlers infant newborn babi".split())
_LITTLE_ONES = frozenset("boy girl one son daughter lad".split())  # "my little boy" (not "little brother")


def _young_agent(toks: list[_Token], i: int) -> bool:
    """Whether the one who acts at `i` is a small child: the nearest person word before it is "baby",
    "toddler", "infant" or comes after "little" ("my little boy"), or "N year(s)/month(s) old" with N
    under 5; "my baby's dad" is not (the dad acts)."""
    for j in range(i - 1, max(-1, i - 6), -1):
        t = toks[j]
        if (
            t.text in ("old", "oed")
            and j >= 2
            and toks[j - 1].text.rstrip("s") in ("year", "month", "blwydd", "mis")
        ):
            n = toks[j - 2].text  # text speak is read first: "2" is "to", "4" is "for"
            under_five = n in ("a", "one", "two", "three", "four", "to", "for") or n.isdigit() and int(n) < 5
            return toks[j - 1].text.startswith(("month", "mis")) or under_five
        if t.text == "little" and j + 1 < i and toks[j + 1].text in _LITTLE_ONES:
            return True
        if "third" in t.tags or t.text in _YOUNG:
            return t.text in _YOUNG or (t.text in _LITTLE_ONES and j > 0 and toks[j - 1].text == "little")
    return False


def _past(tok: _Token) -> bool:
    """An act already done: "took", "swallowed", "cymerais", "llyncodd" (a Welsh past of `past_act`)."""
    return tok.text in _PAST or tok.text.endswith("ed") and "take" in tok.tags or tok.text in _welsh_past()


def _welsh_person(word: str) -> str | None:
    """Who a Welsh past verb of the concepts names by its ending: "cymerais" the writer ("self"),
    "cymerodd" someone else ("other"); None for any other word."""
    if word not in _welsh_verbs():
        return None
    return "self" if word.endswith("ais") else "other" if word.endswith("odd") else None


@lru_cache(maxsize=1)
def _welsh_verbs() -> frozenset[str]:
    """The single Welsh words of the concepts in a past tense ("torrais", "llyncodd"), with their mutations."""
    data = _concept_data()
    words = {
        _plain(w)
        for items in (data.get("welsh") or {}).values()
        for w in items
        if len(_plain(w).split()) == 1 and _plain(w).endswith(("ais", "odd"))
    }
    return frozenset(form for w in words for form in mutations(w))


@lru_cache(maxsize=1)
def _welsh_past() -> frozenset[str]:
    """The single words of `past_act` of each language section ("cymerais", "llyncodd"; Polish "wziąłem",
    Arabic "بلعت"), with their other forms (the mutated "gymerodd")."""
    data = _concept_data()
    out: set[str] = set()
    for section in LANGUAGES:
        for w in (data.get(section) or {}).get("past_act", ()):
            if len(_plain(w).split()) == 1:
                out.update(_language_forms(section, _plain(w)))
    return frozenset(out)


_PLACE_WORDS = frozenset(
    "in on at near with to into paying going doing working living yn ar efo gyda".split()
)
# What may follow "can't go on" when it is about going on living: "like this", "anymore", "without her"
_GOING_ON = frozenset(
    "like this that anymore any no much longer without with and i im so honestly tbh lol fr please help "
    "of ymlaen mwy heb fel".split()
)
_TIMES = frozenset(
    """morning mornings night nights evening day days week weeks today tomorrow bore nos christmas xmas
    birthday weekend month year summer easter nadolig""".split()
)
_WORLD = frozenset("world earth planet life byd".split())  # "can't live in this world": living itself
_LIFE_COMPLEMENTS = frozenset("like this that anymore any more now without life everything it me".split())


def _complement(toks: list[_Token], end: int) -> bool:
    """What follows a phrase ties it to a place, a thing or an errand: "can't go on the trip", "don't
    want to live in a flat", "can't carry on paying this rent". Then it is not about living."""
    if end >= len(toks):
        return False
    nxt = toks[end].text
    if nxt == "without" and end + 1 < len(toks) and toks[end + 1].text in ("a", "an", "the"):
        return True  # "can't carry on without a car"
    if nxt in _LIFE_COMPLEMENTS:
        return False
    if nxt in _PLACE_WORDS or nxt in _DETERMINERS or nxt.endswith("ing"):
        after = toks[end + 1].text if end + 1 < len(toks) else ""
        # "carry on living like this" (but "live in this flat": there "this" points at a place)
        life_next = after in _LIFE_COMPLEMENTS and not (nxt in _PLACE_WORDS and after in _DETERMINERS)
        ahead = {t.text for t in toks[end + 1 : end + 3]}
        return not (life_next or ahead & _TIMES or ahead & _WORLD)
    return False


def _there(toks: list[_Token], i: int) -> bool:
    """ "there is no way out", "there's no hope": "there" stands for no thing."""
    return any(t.text == "there" for t in toks[max(0, i - 3) : i])


def _windows(tokens: list[_Token]) -> Iterable[list[_Token]]:
    if len(tokens) <= _WINDOW:
        yield tokens
        return
    step = _WINDOW // 2
    for i in range(0, len(tokens) - step, step):
        yield tokens[i : i + _WINDOW]


_ABSENT = (
    ("wont", "be", "here"),
    ("will", "not", "be", "here"),
    ("not", "be", "here"),
    ("wont", "be", "around"),
    ("not", "going", "to", "be", "around"),
    ("not", "be", "around"),
    ("ill", "be", "here"),
    ("be", "here", "by"),
    ("ddim", "yma"),
    ("na", "fydda", "i", "yma"),
    ("na", "fyddai", "i", "yma"),
)
# a note left for when the writer is gone: "a letter for the kids in case i'm not here"
_FOR_WHEN_GONE = _ABSENT + (
    ("am", "not", "here"),
    ("am", "not", "around"),
    ("when", "i", "am", "gone"),
    ("after", "i", "am", "gone"),
    ("for", "after"),
    ("if", "something", "happens", "to", "me"),
    ("ar", "ol", "i", "fi", "fynd"),
)
_BACK_WHEN = frozenset(
    "till until til before after for tomorrow late early next this in on at by soon".split()
)
_ALL_OF_LIFE = frozenset("anything everything life living existing me".split())
_TEENS = frozenset(
    "teen teens teenager teenagers daughter son daughters sons niece nephew granddaughter grandson".split()
)
_STAYS_AWAY = (
    ("goes", "missing"),
    ("gone", "missing"),
    ("stays", "out"),
    ("staying", "out"),
    ("out", "all", "night"),
    ("overnight",),
    ("comes", "back", "with"),
    ("came", "back", "with"),
)
_GONE_MISSING = (
    ("goes", "missing"),
    ("going", "missing"),
    ("gone", "missing"),
    ("went", "missing"),
    ("out", "all", "night"),
    ("missing", "at", "night"),
    ("missing", "overnight"),
)
_NOTES = frozenset("note letter letters notes nodyn llythyr".split())
_WROTE = frozenset("written wrote write writing left leaving sgwennu ysgrifennu".split())
_TOOK_SOMETHING = (
    ("taken", "something"),
    ("took", "something"),
    ("taken", "summat"),
    ("had", "something"),
    ("taken", "stuff"),
)
_AFTER_TAKING = frozenset(
    """locked alone weird strange drowsy sleepy dizzy answering answer wake woke responding slurring
    shaking""".split()
)
_UNWELL = frozenset("sick vomiting vomit drowsy confused breathing thirsty chwydu".split())
# a height asked about for a thing: "for a bus to fit under", "high enough to stop the dog"
_HEIGHT_FOR_A_THING = (
    ("fit", "under"),
    ("fit", "through"),
    ("get", "under"),
    ("clearance",),
    ("to", "stop"),
    ("to", "keep"),
)


def _for_a_thing(words: list[str]) -> bool:
    """A height or a jump asked about for a thing or an animal: "for a bus to fit under", "high enough to
    stop the dog jumping over"."""
    return _has(words, _HEIGHT_FOR_A_THING) or bool(set(words) & _ANIMALS)


_DOWN_WITH_ME = tuple(
    ("take", who, "down", "with", "me") for who in ("her", "him", "them", "you", "everyone")
)
_GAMING = frozenset(
    "elden minecraft fortnite roblox gta xbox ps5 playstation nintendo level levels boss npc quest raid character duty "
    "warzone skyrim sims".split()
)
_PLACE_SIDES = frozenset("back front side rear".split())
_STRANGERS = frozenset("man men woman lad lads bloke blokes guy guys stranger strangers".split())


def _someone_unknown(toks: list[_Token], i: int) -> bool:
    """Someone the writer does not name at `i`: "someone", or a man, a lad, a stranger said with "a",
    "some" or a number, or first in the clause ("man in my garden at 2am"; not "my man", "the man")."""
    if toks[i].text in ("someone", "somebody", "someones", "somebodys"):
        return True
    before = toks[i - 1].text if i else None
    return toks[i].text in _STRANGERS and (before is None or before in _SOME)


_SOME = frozenset("a an some two three 2 3".split())
_YARDS = frozenset("garden yard shed drive driveway".split())


_AT_WORK = frozenset(
    "fixing cleaning visiting working mowing cutting doing painting building to getting fetching collecting "
    "measuring delivering from".split()
)  # "a lad in our back garden getting his football", "a man in my house from the council"
_PESTS = frozenset(
    "weeds weed rats rat mice mouse slugs slug pests moss ants wasps flies process zombies".split()
)
_INHALED = frozenset("gas glue aerosol aerosols deodorant butane lighter solvent solvents".split())
_FLAME = frozenset("match matches lighter spark flame ignite explode".split())


def _hands_round_the_neck(cl: _Clause) -> Iterable[tuple[int, int]]:
    """Where hands are round the writer's neck: a phrase of the concept, or a hand, up to two words,
    something that encircles, and "my" neck or throat, in English or Welsh ("his hands were round my
    neck", "roedd ei ddwylo fo rownd fy ngwddw i"). Spans of (first, last) token."""
    toks = cl.tokens
    phrases = [i for i in cl.pos("hands_on_neck") if "hands_on_neck" in toks[i].start]
    for i in phrases:
        yield i, toks[i].start["hands_on_neck"] - 1
    for i, t in enumerate(toks):
        if t.text not in _HANDS or i in phrases:  # (a listed phrase is read once)
            continue
        for j in range(i + 1, min(i + 4, len(toks) - 2)):
            if toks[j].text in _ROUND and toks[j + 1].text in ("my", "fy") and toks[j + 2].text in _NECK:
                yield i, j + 2
                break


_HANDS = frozenset("hand hands dwylo ddwylo nwylo llaw law".split())
_ROUND = frozenset("round around rownd am gwmpas".split())
_NECK = frozenset("neck throat gwddw gwddf ngwddw ngwddf".split())
# people whose work puts hands on a neck
_HANDS_ON_WORK = frozenset(
    "osteopath physio physiotherapist chiropractor masseuse masseur massage doctor dentist hairdresser barber".split()
)
_FOUND_OUT = frozenset("found finds knows tracked traced got".split())
_ADDRESS = frozenset("address postcode flat house cyfeiriad".split())
_OLDER = frozenset("older grown adult".split())
_GROWN_MEN = frozenset("men man lads guys blokes boys fellas people women".split())
_GIVEN = frozenset("phones phone money cash gifts presents clothes trainers cars lifts drink drugs".split())
_GONE_AFTER = frozenset(("", "after", "from", "anymore", "much", "to"))
_PETS = frozenset("dog dogs cat cats pet pets rabbit hamster kitten kittens puppy puppies".split())
_ARRANGING = frozenset(
    "rehome rehomed rehoming cancel cancelled cancelling tidying will wills rehoused".split()
)
# sparing others what comes after: "so nobody has to deal with it after", "so no one has to sort it out"
_SPARING_OTHERS = (
    ("nobody", "has", "to"),
    ("no", "one", "has", "to"),
    ("noone", "has", "to"),
    ("nobody", "will", "have", "to"),
    ("no", "one", "will", "have", "to"),
)
# A trip named: where the writer will be instead
_TRIPS = frozenset(
    "trip holiday holidays holidaying cruise coach spain florida abroad retiring ymddeol operation respite "
    "australia visiting flight flying hospital sbaen ffrainc gwyliau taith tramor ysbyty annual".split()
)


# What makes a flagged word ordinary, said beside it: an event watched from a bridge, a treat overdone,
# a pill organiser, a cupboard made safe, a remedy for an ailment, a hangover, a video game, a weekend
# away, a cause given for scratches, a tradesman in the house. Each must be said of the flagged words
# themselves, and none stands when anything else alarming is said beside them (`_alarm_beside`).
_EVENTS = frozenset("race regatta fireworks parade carnival sunset view views photos photo scenery".split())
_TREATS = frozenset(
    "chocolate chocolates sweets sugar cake cakes biscuits coffee caffeine carbs cheese pizza crisps "
    "telly tv netflix sun sunshine mince pies films movies boxsets turkey food pellets treats".split()
)
_BLADES = frozenset("razor razors blade blades cutting knife lighter sharpener rasel llafn".split())


# habits a partner is said to kill with: "my husband is killing me with his snoring"
_HABITS = frozenset(
    "snoring singing moaning nagging music cooking jokes driving whistling questions kindness chatter "
    "humming talking".split()
)


def _a_thing_is_killing(toks: list[_Token], i: int) -> bool:
    """Whether the kill at `i` is a figure of speech: going on now, and done by a thing or by children
    ("the bonfire smoke is killing me", "the kids are killing me", "mae'r traffic yn fy lladd i"), or
    with a habit ("my husband is killing me with his snoring", not "with his bare hands"); never with a
    weapon, a threat, a poison ("the gas is killing us"), nor a sign of the body or a trap."""
    words = [t.text for t in toks]
    if any(t.tags & {"weapon", "threat", "substance", "poison", "fire_state"} for t in toks) or any(
        w.startswith(_THREAT_STEMS) for w in words
    ):
        return False
    if set(words) & _KILLERS or any(
        _has(words, said) for name, said in _WARNING_SIGNS.items() if name not in _MILD_SIGNS
    ):
        return False
    if any(t.tags & {"violence"} and k != i for k, t in enumerate(toks)):
        return False  # "my son is killing me, he punched me in the face"
    if (
        words[i] == "killing"
        and words[i + 1 : i + 2] in (["me"], ["us"])
        and i > 1
        and words[i - 1] in ("is", "are")
    ):
        if words[i + 2 : i + 3] == ["with"]:
            return bool(set(words[i + 3 : i + 5]) & _HABITS)
        doer = toks[i - 2]  # "the bonfire smoke is killing me": the noun before "is"
    elif words[i] == "lladd" and words[i - 2 : i] == ["yn", "fy"] and words[i + 1 : i + 2] == ["i"] and i > 2:
        doer = toks[i - 3]
    else:
        return False
    person = doer.tags & {"third", "partner", "victim", "intruder_who"} or doer.text in _PRONOUNS_WHO_KILL
    return not person or doer.text in _CHILD_WORDS | {"kids", "children"}


_KILLERS = frozenset("gas fumes drugs pills fire trapped alarm overdose".split())
_PRONOUNS_WHO_KILL = frozenset("he she they someone somebody o e hi nhw".split())
_PARTNERS = frozenset("boyfriend girlfriend partner husband wife bf gf fella fiance fiancee".split())


# Words that start a thing named between a verb and "myself" ("hang the curtains myself")
_A_THING = frozenset("the a an some this that these those our their new y yr".split())
# What may follow "done with" when it is done with living: "i'm done with everything", "... with it all"
_ALL_OF_IT = frozenset(
    {
        ("everything",),
        ("it", "all"),
        ("all", "of", "it"),
        ("life",),
        ("living",),
        ("the", "world"),
        ("everyone",),
        ("this", "life"),
        ("it",),
        ("this",),
        ("all", "this"),
        ("everything", "now"),
    }
)
# What may follow "for good" when it ends what is said: "switching off for good tonight"
_AFTER_FOREVER = frozenset("and now tonight this i lol tbh honestly please x xx sorry soon".split())
# Means a person dwells on (`dwell`): a weapon, a rope, a height, poison, water, medicines
_MEANS = frozenset({"weapon", "shoot", "hang", "high_place", "poison", "water", "substance", "overdose"})
# Said of someone who comes again and again (`lurk`)
_PEACEFUL = frozenset("painless peaceful surest painfree".split())
_TRACKS = frozenset("railway railways tracks track trains motorway traffic rheilffordd".split())
_AGAIN = frozenset(
    "keep keeps kept keeping every always again agen agin constantly still daily nightly".split()
)
# The writer's own children (`_signals`: afraid of harming them)
_MY_CHILDREN = frozenset("baby babies kids kid children child son daughter toddler boy girl twins".split())
# Fear or compulsion of one's own act: "scared i'll hurt", "the voices tell me to", "so angry i could"
_AFRAID_TO_HARM = frozenset("voices voice urge urges intrusive could might worried frightened".split())
_LONG_AGO = (
    ("last", "year"),
    ("years", "ago"),
    ("in", "the", "war"),
    ("as", "a", "teen"),
    ("as", "a", "kid"),
    ("as", "a", "child"),
    ("used", "to"),
    ("in", "the", "paper"),
    ("on", "the", "news"),
    ("in", "the", "news"),
    ("news", "said"),
    ("news", "says"),
    ("the", "drama"),
    ("the", "film"),
    ("a", "film"),
    ("the", "book"),
    ("the", "programme"),
    ("the", "show"),
    ("a", "documentary"),
    ("the", "documentary"),
    ("the", "series"),
    ("as", "a", "teenager"),
    ("when", "we", "were"),
    ("in", "the", "60s"),
    ("in", "the", "70s"),
    ("in", "the", "80s"),
    ("in", "the", "90s"),
    ("last", "month"),
    ("llynedd",),
    ("flynyddoedd", "yn", "ol"),
    ("in", "the", "past"),
    ("when", "i", "was", "a"),
    ("when", "i", "was", "younger"),
    ("when", "i", "was", "little"),
    ("in", "blentyn"),
    ("yn", "blentyn"),
)


def _has(words: list[str], seqs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether any of the word sequences `seqs` stands in `words` (a sequence's first word is looked up
    first: most are absent, and the rules ask this tens of thousands of times a second)."""
    present = set(words)
    for q in seqs:
        if q[0] not in present:
            continue
        n = len(q)
        if any(words[k] == q[0] and tuple(words[k : k + n]) == q for k in range(len(words) - n + 1)):
            return True
    return False


# Words that make a risk word a subject of study, work or remembrance: "training on suicide", "a
# dissertation on self-harm", "memorial walk", "first aid course ... choking"
_TOPIC_FRAME = frozenset(
    """course courses class classes training dissertation essay research figures statistics memorial
    awareness workshop leaflet leaflets lesson lessons module volunteer volunteering fundraising
    fundraiser campaign documentary signs teacher teachers staff pupil pupils students novel book
    blog procedure policy role play llyfr traethawd hanes hyfforddiant cwrs""".split()
)


# The concepts that name an act of risk on their own, when a short message is nothing but them
_BARE_ANCHORS = {
    "suicide": "suicide",
    "kill": "suicide",
    "overdose": "suicide",
    "hang": "suicide",
    "drown": "suicide",
    "poison": "suicide",
    "shoot": "suicide",
    "self_harm": "self-harm",
    "harm": "self-harm",
    "sexual": "sexual-violence",
    "abuse_term": "abuse",
    "spiked": "danger",
}
_BARE_MAX = 4  # a message of at most this many words that are not function words
_MINOR_AGES = range(8, 18)


_MEANS_NAMED = frozenset("rope noose ligature railway tracks gun shotgun rifle rhaff".split())
_AFTER_A_MEANS = frozenset("is are in at and all of on by tonight now".split())
# Welsh "torri" (to cut, or to break) and its forms: a cut only with a blade ("efo rasal")
_WELSH_CUT_VERBS = frozenset(
    f + rest for f in ("t", "d", "nh", "th") for rest in ("orri", "orrais", "orrodd", "orrith", "orra")
)
# a verb before Welsh "hi" that makes it "she", not an English greeting: "mae hi", "dyw hi ddim"
# arms, wrists and legs, more than one: cut, not broken ("wedi torri ei breichiau")
_BOTH_LIMBS = frozenset(
    "breichiau mreichiau freichiau arddyrnau ngarddyrnau garddyrnau coesau nghoesau goesau".split()
)
_WELSH_SHE_BEFORE = frozenset(
    "mae ma roedd oedd fe mi wnaeth dyw dydy dydi ydy ydi bydd fydd gyda efo".split()
)
_WONT_NEED = (("wont", "be", "needing"), ("wont", "need"), ("will", "not", "need"), ("wont", "be", "using"))


_FUNCTION_WORDS = (
    _SKIP
    | _DETERMINERS
    | frozenset(
        "i me you it we us myself my our what when where why how there here this that of to in on at".split()
    )
)
