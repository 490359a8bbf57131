"""English words that nothing else knows, read through WordNet.

A resident's word that the vocabulary does not read, no entry uses and the word-vector model knows
only in pieces ("dumps", "bedsit", "skint") may still be an English word of WordNet 3.0 (Princeton,
Debian's `wordnet-base`, installed by `scripts/install-system-deps`). `english_senses` gives its
senses as WordNet words: each sense's other words and the words of what it is a kind of ("bedsit":
bedsitter, apartment, flat; "dumps": mopes, low spirits), which search then reads as it reads a Welsh
word's English senses (see `SearchIndex._read_english`).

The files are read where they lie, by a binary search of the sorted index files and a seek into the
data files, so nothing is loaded into memory; without them every word has no senses.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from .lexicon import WORDNET

log = logging.getLogger(__name__)

_PARTS = (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv"))
# WordNet's own rules for the base form of an inflected word (as its `morphy` has them)
_ENDINGS = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("ies", "y")),
    "v": (
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
DESCRIBED = 4  # the senses `described_senses` gives
SENSES = 2  # the senses a word is read by: its first two (WordNet lists the commonest first)
WORDS_PER_SENSE = 8


@lru_cache(maxsize=4096)
def english_senses(word: str, folder: Path = WORDNET) -> tuple[str, ...]:
    """A lowercase English word's first senses in WordNet, commonest first, each as the words of
    the sense (not the word itself) and then of what it is a kind of, space-separated: "dole" ->
    ("share portion part percentage", "pogy pogey social welfare welfare public assistance").
    Empty for a word WordNet lacks, or without WordNet."""
    out: list[str] = []
    for part, offset, bases in _first_senses(word, folder):
        words = _read([], _sense_words, folder, part, offset, bases)
        if words:
            out.append(" ".join(words))
    return tuple(out)


@lru_cache(maxsize=4096)
def synonyms(word: str, folder: Path = WORDNET) -> tuple[str, ...]:
    """The other single words of a lowercase English word's commonest sense in WordNet whose own
    commonest sense it is too: "grandmother" -> grandma, granny, grannie, gran, nanna; not
    "stress" for "accentuate" (stress is first of all strain), nor "house" for "firm". Empty for a
    name, a word WordNet lacks, or without WordNet."""
    for part, offset, bases in _first_senses(word, folder)[:1]:
        own = _read(([], []), _synset, folder, part, offset)[0]
        if any(w.lower() in bases and not w.islower() for w in own):
            return ()  # a name
        others = [w for w in dict.fromkeys(_plain(w) for w in own) if w not in bases and w.isalpha()]
        return tuple(w for w in others if [s[:2] for s in _first_senses(w, folder)[:1]] == [(part, offset)])
    return ()


@lru_cache(maxsize=4096)
def described_senses(word: str, folder: Path = WORDNET) -> tuple[str, ...]:
    """A lowercase English word's commonest senses in WordNet (its first DESCRIBED of each part of
    speech), each as its words, the words of what it is a kind of, and its definition: "grub" ->
    ("chow chuck eats fare meal repast informal terms for a meal", "larva ... "). Empty for a name,
    a word WordNet lacks, or without WordNet."""
    out: list[str] = []
    for part, offset, bases in _first_senses(word, folder, DESCRIBED):
        words = _read([], _sense_words, folder, part, offset, bases)
        if words:
            out.append(" ".join([*words, _read("", _definition, folder, part, offset)]).strip())
    return tuple(out)


@lru_cache(maxsize=4096)
def is_lemma(word: str, folder: Path = WORDNET) -> bool:
    """Does WordNet list this lowercase word as written, in a sense that is not a name ("telly",
    "christian", "dada")? Not an inflected form ("theres"), a name alone ("hela", a goddess;
    "chester", a city: an instance of something, not a kind), a misspelling, or without WordNet."""
    if not word.isascii() or not word.isalpha() or len(word) < 3 or not _present(folder):
        return False
    return any(
        not _read(True, _is_instance, folder, part, offset)
        for part, name in _PARTS
        for offset in _read([], _offsets, folder / f"index.{name}", word)
    )


@lru_cache(maxsize=4096)
def is_verb_form(word: str, folder: Path = WORDNET) -> bool:
    """Is this lowercase word a past or "-ing" form of an English verb WordNet lists ("went",
    "bought", "heading", "been")? Not the verb as written ("go"), not its "-s" form ("kids"), nor a
    word WordNet lacks, nor without WordNet."""
    if not word.isascii() or not word.isalpha() or len(word) < 3 or not _present(folder):
        return False
    irregular = _exceptions(folder, "v").get(word)
    if not irregular and not word.endswith(("ed", "ing")):
        return False
    return any(
        _read([], _offsets, folder / "index.verb", base) for base in _bases(word, "v", folder) if base != word
    )


@lru_cache(maxsize=4096)
def tag_count(word: str, folder: Path = WORDNET) -> int:
    """How often a lowercase English word's senses were tagged in WordNet's sense-tagged texts (its
    `cntlist.rev`: "help" 257, "debt" 6, "comestible" 0), under its base forms of each part of
    speech, the most of them: how common the word is, to put a dictionary's everyday senses before
    its rare ones. A noun's or a verb's endings are undone, not an adjective's: "demander" is no
    "demand" made more so. 0 for a word WordNet lacks or never saw tagged, or without WordNet."""
    if not word.isascii() or not word.isalpha() or not _present(folder):
        return 0
    bases = {word, *_bases(word, "n", folder), *_bases(word, "v", folder)}
    return max(_read(0, _tag_count, folder / "cntlist.rev", b) for b in bases)


_ANIMAL, _PERSON = 5, 18  # WordNet's lexicographer files noun.animal and noun.person
_COGNITION, _COMMUNICATION = 9, 10  # noun.cognition ("fact", "truth"), noun.communication ("pun", "joke")
# noun.animal, artifact, body, food, object, plant, substance: what one could hold or be struck by
_WEAPON = 4565375  # the offset of "weapon, arm, weapon system" in data.noun
_ARTIFACT = 6  # noun.artifact: a made thing
_HELD = frozenset((5, 6, 8, 13, 17, 20, 27))
# what a written work is a kind of, in its first sense's words ("bible": handbook, "textbook": book)
_WRITTEN_WORKS = frozenset("book text document handbook publication edition manuscript volume".split())


@lru_cache(maxsize=4096)
def is_an_animal(word: str, folder: Path = WORDNET) -> bool:
    """Is this lowercase English word first of all an animal in WordNet, and never a person ("stray",
    "budgie", "seagull", "horses")? Not "dog", "cow" or "snake", which WordNet also lists as people
    (an insult names a person), nor a word WordNet lacks, nor without WordNet."""
    files = _noun_files(word, folder)
    return bool(files) and files[0] == _ANIMAL and _PERSON not in files


@lru_cache(maxsize=4096)
def is_a_person(word: str, folder: Path = WORDNET) -> bool:
    """Is this lowercase English word's commonest noun sense in WordNet a person ("walker", "owner",
    "driver")? Not a word WordNet lacks, nor without WordNet."""
    files = _noun_files(word, folder)
    return bool(files) and files[0] == _PERSON


@lru_cache(maxsize=4096)
def is_a_saying(word: str, folder: Path = WORDNET) -> bool:
    """Is this lowercase English word's commonest noun sense in WordNet something said or known ("puns",
    "jokes", "questions", "facts", "news"), and none of its senses a thing one could hold or be struck by
    ("book" and "cable" are also things; "belt", "fist" and "punch" are no sayings)? Not a word WordNet
    lacks, nor without WordNet."""
    files = _noun_files(word, folder)
    if not files or files[0] not in (_COGNITION, _COMMUNICATION) or set(files) & _HELD:
        return False
    written = set(" ".join(english_senses(word, folder)[:1]).split()) & _WRITTEN_WORKS
    return not written  # "the bible", "his textbook", "a letter": things one could hold


@lru_cache(maxsize=4096)
def is_a_weapon(word: str, folder: Path = WORDNET) -> bool:
    """Is this lowercase English word or phrase ("water gun") first of all a kind of weapon in WordNet
    ("gun", "pistol", "air gun"; not "knife", first an edge tool, nor "water gun", a plaything)? Not a
    word WordNet lacks, nor without WordNet."""
    senses = _first_senses(word, folder, 1)
    if not senses or senses[0][0] != "n":
        return False
    seen: set[int] = set()
    kinds = [senses[0][1]]
    while kinds:  # what it is a kind of, and what that is a kind of, up to WordNet's roots
        offset = kinds.pop()
        if offset == _WEAPON:
            return True
        if offset not in seen:
            seen.add(offset)
            kinds.extend(o for part, o in _read(([], []), _synset, folder, "n", offset)[1] if part == "n")
    return False


def names_no_weapon(modifier: str, weapon: str, folder: Path = WORDNET) -> bool:
    """Does a word before a weapon's name make, as WordNet knows the pair, a made thing that is no
    weapon: "water gun" (a plaything), "staple gun", "spray gun"; not "air gun" or "paintball gun"
    (kinds of gun), "big gun" or "hired gun" (people), nor a pair WordNet lacks ("nerf gun")?"""
    pair = f"{modifier} {weapon}"
    senses = _first_senses(pair, folder, 1)
    if not senses or senses[0][0] != "n" or not is_a_weapon(weapon, folder):
        return False
    made = _read(-1, _lexicographer_file, folder, senses[0][1]) == _ARTIFACT
    return made and not is_a_weapon(pair, folder)


def is_a_modifier(word: str, folder: Path = WORDNET) -> bool:
    """Is this lowercase English word first of all a noun in WordNet, one that may name a kind of thing
    before another noun ("finger" in "finger gun", "speed" in "speed gun"; not "big", an adjective)?"""
    senses = _first_senses(word, folder, 1)
    return bool(senses) and senses[0][0] == "n"


def _noun_files(word: str, folder: Path) -> list[int]:
    """The lexicographer files of a word's noun senses, commonest first, under its first base form that
    WordNet has as a noun; empty for a word of fewer than three letters, one WordNet lacks, or without
    WordNet."""
    if not word.isascii() or not word.isalpha() or len(word) < 3 or not _present(folder):
        return []
    for base in _bases(word, "n", folder):
        offsets = _read([], _offsets, folder / "index.noun", base)
        if offsets:
            return [_read(-1, _lexicographer_file, folder, offset) for offset in offsets]
    return []


def _lexicographer_file(folder: Path, offset: int) -> int:
    """The number of a noun sense's lexicographer file (5: noun.animal, 18: noun.person)."""
    with (folder / "data.noun").open("rb") as f:
        f.seek(offset)
        return int(f.readline().split()[1])


def _is_instance(folder: Path, part: str, offset: int) -> bool:
    """Is this sense an instance of something (a name: a person, a place), not a kind of it?"""
    name = dict(_PARTS)[part]
    with (folder / f"data.{name}").open("rb") as f:
        f.seek(offset)
        fields = f.readline().decode("utf-8", errors="replace").partition("|")[0].split()
    at = 4 + 2 * int(fields[3], 16)
    return any(fields[at + 1 + 4 * i] == "@i" for i in range(int(fields[at])))


def _definition(folder: Path, part: str, offset: int) -> str:
    """A sense's definition, without its examples ("informal terms for a meal")."""
    name = dict(_PARTS)[part]
    with (folder / f"data.{name}").open("rb") as f:
        f.seek(offset)
        gloss = f.readline().decode("utf-8", errors="replace").partition("|")[2]
    return gloss.split('"')[0].strip(" ;\n")


def _first_senses(word: str, folder: Path, senses: int = 0) -> list[tuple[str, int, list[str]]]:
    """(part of speech, data offset, the word's forms) of a word's first SENSES senses, commonest
    first: of a word WordNet has as written ("dumps"), those alone. (With `senses`, that many.)"""
    senses = senses or SENSES
    head, _, rest = word.partition(" ")  # a phrase of words ("laid off"): its first word inflected
    tail = "_" + rest.replace(" ", "_") if rest else ""
    if (
        not word.isascii()
        or not all(w.isalpha() for w in word.split(" "))
        or len(word) < 3
        or not _present(folder)
    ):
        return []
    found: list[tuple] = []  # (sense number, part order, part, offset, the word's forms, as written)
    for order, (part, name) in enumerate(_PARTS):
        bases = [base + tail for base in _bases(head, part, folder)]
        for base in bases:  # the first base form WordNet has
            offsets = _read([], _offsets, folder / f"index.{name}", base)
            found.extend(
                (n, order, part, offset, bases, base == word.replace(" ", "_"))
                for n, offset in enumerate(offsets[:senses])
            )
            if offsets:
                break
    if any(f[-1] for f in found):
        found = [f for f in found if f[-1]]
    return [(part, offset, bases) for _, _, part, offset, bases, _ in sorted(found)[:senses]]


def _read(otherwise, reading, *args):
    """What `reading(*args)` reads from WordNet's files, or `otherwise` when they cannot be read."""
    try:
        return reading(*args)
    except (OSError, ValueError, IndexError, UnicodeDecodeError) as exc:
        log.warning("WordNet could not be read for a word: %s", exc)
        return otherwise


@lru_cache(maxsize=4)
def _present(folder: Path) -> bool:
    """Are WordNet's files there? (Without them search reads no word through WordNet, quietly.)"""
    return all((folder / f"{kind}.{name}").is_file() for _, name in _PARTS for kind in ("index", "data"))


def _bases(word: str, part: str, folder: Path) -> list[str]:
    """The forms of `word` that WordNet may list it under for one part of speech: as written, by the
    exception list ("mugged" -> mug), and by the rules, with a doubled consonant undone ("kipping")."""
    forms = [word]
    irregular = _exceptions(folder, part).get(word)
    if irregular:
        forms.append(irregular)
    for ending, base in _ENDINGS[part]:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)] + base
            forms.append(stem)
            if not base and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                forms.append(stem[:-1])
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=8)
def _exceptions(folder: Path, part: str) -> dict[str, str]:
    name = dict(_PARTS)[part]
    try:
        lines = (folder / f"{name}.exc").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return {}
    return {p[0]: p[1] for p in (line.split() for line in lines) if len(p) >= 2}


def _offsets(index: Path, lemma: str) -> list[int]:
    """The data-file offsets of a lemma's senses, by a binary search of the sorted index file (its
    license lines, which begin with two spaces, come first)."""
    key = lemma.encode() + b" "
    with index.open("rb") as f:
        _seek_sorted(f, key, licence=True)
        for line in iter(f.readline, b""):
            if line.startswith(key):
                fields = line.decode("ascii", errors="replace").split()
                pointers = int(fields[3])
                return [int(o) for o in fields[4 + pointers + 2 :]]
            if not line.startswith(b"  "):
                return []
    return []


def _seek_sorted(f, key: bytes, licence: bool = False) -> None:
    """Put `f`, a file of sorted lines, at the first line not before `key`, by a binary search (with
    `licence`: the lines that begin with two spaces, an index file's licence, come first and are
    passed over)."""
    f.seek(0, 2)
    lo, hi = 0, f.tell()
    while lo < hi:  # the first line that starts at or after `mid` and is not before `key`
        mid = (lo + hi) // 2
        f.seek(mid)
        if mid:
            f.readline()
        line = f.readline()
        if line and (licence and line.startswith(b"  ") or line < key):
            lo = mid + 1
        else:
            hi = mid
    f.seek(lo)
    if lo:
        f.readline()


def _tag_count(counts: Path, lemma: str) -> int:
    """The tag counts of a lemma's senses, summed, by a binary search of `cntlist.rev` (sorted by
    sense key, "lemma%...": "sense_key sense_number tag_count" a line)."""
    key = lemma.encode() + b"%"
    with counts.open("rb") as f:
        _seek_sorted(f, key)
        total = 0
        for line in iter(f.readline, b""):
            if not line.startswith(key):
                break
            total += int(line.split()[-1])
        return total


def _sense_words(folder: Path, part: str, offset: int, bases: list[str]) -> list[str]:
    """A sense's own words other than the word (`bases`: its forms), then the words of the senses it
    is a kind of (or, for an adjective, is like): lowercase, with spaces for WordNet's underscores.
    None for a name ("Chester", a city): WordNet writes the word with a capital there."""
    own, kinds = _synset(folder, part, offset)
    if any(w.lower() in bases and not w.islower() for w in own):
        return []
    own = [_plain(w) for w in own]
    out = [w for w in own if w not in bases]
    for kind_part, kind_offset in kinds:
        out.extend(_plain(w) for w in _synset(folder, kind_part, kind_offset)[0])
    return list(dict.fromkeys(out))[:WORDS_PER_SENSE]


def _synset(folder: Path, part: str, offset: int) -> tuple[list[str], list[tuple[str, int]]]:
    name = dict(_PARTS)[part]
    with (folder / f"data.{name}").open("rb") as f:
        f.seek(offset)
        fields = f.readline().decode("utf-8", errors="replace").partition("|")[0].split()
    count = int(fields[3], 16)
    words = [fields[4 + 2 * i].split("(")[0] for i in range(count)]
    at = 4 + 2 * count
    kinds = []
    for i in range(int(fields[at])):
        symbol, target, target_part = fields[at + 1 + 4 * i : at + 4 + 4 * i]
        if symbol in ("@", "@i", "&"):  # a kind of; an instance of; (adjectives) similar to
            kinds.append(("a" if target_part == "s" else target_part, int(target)))
    return words, kinds


def _plain(lemma: str) -> str:
    """ "social_welfare" -> "social welfare"."""
    return lemma.replace("_", " ").lower()
