"""The resident vocabulary: turn a message in a resident's own words into the words services use.

A message goes through four small steps, each one easy to test on its own:

1. `tokenize` — lowercase words, apostrophes dropped ("can't" -> "cant"), Welsh letters kept.
2. filler is dropped ("where can I get help with", "I need", "please").
3. spelling: British/American forms and compounds ("foodbank" -> "food bank") are folded.
4. phrases from the vocabulary add the words services use ("skint" -> money, debt, benefits) and
   hint at categories; Welsh words (with their mutated forms) add their English meaning.

The vocabulary lives in `vocabulary.yml` beside this module and can be extended per directory with
`content/vocabulary.yml` in the same format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import marisa_trie
import yaml

from .engine.analysis import stem as _porter_stem

BUILTIN = Path(__file__).with_name("vocabulary.yml")
# WordNet's lists of irregular forms ("threw throw"), from Debian's `wordnet-base`
WORDNET = Path("/usr/share/wordnet")
# Object pronouns a phrasal verb takes between its verb and its particle ("kicked me out")
OBJECT_PRONOUNS = frozenset("me us him her them you it em".split())
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# control characters, zero-width characters, line/paragraph separators, bidi embeddings and isolates
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
MAX_WORDS = 40


def clean_text(text: str, limit: int = 2000, *, normalise: bool = True) -> str:
    """No control or invisible characters, single spaces, at most `limit` characters; NFKC unless
    `normalise` is False (text shown back as typed). The one cleaner of the site, the bot and search."""
    text = (text or "")[: limit * 2]
    if normalise:
        text = unicodedata.normalize("NFKC", text)
    text = _CONTROL_RE.sub(" ", text)
    return " ".join(text.split())[:limit]


def fold(text: str) -> str:
    """Lowercase without accents: "Tŷ" -> "ty", "Pêl-droed" -> "pel-droed"."""
    if text.isascii():  # nothing to decompose: most of what an index build folds
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


WordSet = marisa_trie.Trie  # what `word_set` makes


def word_set(words: Iterable[str] = ()) -> WordSet:
    """A large word list that never changes (a dictionary's 60,000 words), as a MARISA trie: the same
    `in`, `len` and iteration as a frozenset of the words (for strings), in a fraction of its memory."""
    return marisa_trie.Trie(words)


def tokenize(text: str) -> list[str]:
    """Lowercase words, accents folded, apostrophes removed: "I can't" -> ["i", "cant"]."""
    text = fold(clean_text(text))
    return [re.sub(r"['’]", "", m.group()) for m in _WORD_RE.finditer(text)]


def written_words(text: str) -> list[str]:
    """`tokenize`'s words as written, accents kept: "Obiad dla seniorów" -> ["obiad", "dla", "seniorów"]
    (one for each of its words: a stemmer reads a word by its accents)."""
    text = unicodedata.normalize("NFC", clean_text(text).lower())
    return [re.sub(r"['’]", "", m.group()) for m in _WORD_RE.finditer(text)]


def stem(word: str) -> str:
    """The index's stemmer for English words; other words (Welsh, Polish...) as they are."""
    return _porter_stem(word) if word.isascii() else word


def phrase_stem(word: str) -> str:
    """`stem` as the vocabulary reads its phrases: a consonant doubled before "-ing" or "-ed" is
    single, as Porter's own rule has it and the index's stemmer does not ("forgetting" and
    "forgetful" are both "forget", "robbed" and "rob" both "rob"; "falling" stays "fall")."""
    s = stem(word)
    if word.endswith(("ing", "ed")) and len(s) > 3 and s[-1] == s[-2] and s[-1] not in "aeiouylsz":
        return s[:-1]
    return s


@lru_cache(maxsize=4)
def irregular_forms(folder: Path = WORDNET) -> dict[str, str]:
    """Irregular English forms -> their base ("threw", "thrown" -> throw; "children" -> child) by
    WordNet's exception lists, those alone that the stemmer does not already read alike. Empty
    without the files (a machine set up by hand)."""
    out: dict[str, str] = {}
    for name in ("verb.exc", "noun.exc"):
        try:
            lines = (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and parts[0].isalpha() and parts[1].isalpha():
                if phrase_stem(parts[0]) != phrase_stem(parts[1]):
                    out.setdefault(parts[0], parts[1])
    return out


def base_stem(word: str) -> str:
    """`phrase_stem` of a word's base form: of "throw" for "threw" and "thrown" (`irregular_forms`)."""
    return phrase_stem(irregular_forms().get(word, word))


@dataclass(frozen=True)
class Expansion:
    """What one resident phrase adds: service words, and categories it points at."""

    phrase: str
    words: tuple[str, ...]
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Understanding:
    """A message after the vocabulary has read it."""

    words: tuple[str, ...]  # the resident's own content words, in order (after spelling fixes)
    added: dict[str, float]  # service words added by phrases, with their weight
    categories: dict[str, float]  # category ids hinted at, with their weight
    notes: tuple[tuple[str, str], ...]  # (resident phrase, what it was read as)
    sources: dict[str, str] = field(default_factory=dict)  # added word -> the resident phrase behind it
    # a Welsh message's words that the vocabulary does not read -> their English senses by the Welsh-English
    # dictionary ("anghofio" -> forget; a Polish, Portuguese or Arabic one's by its language's: "jedzenie" ->
    # food), for the meaning layer (see `SearchIndex.understand`)
    senses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the language search read the message in through its dictionary when it is neither English nor
    # Welsh ("pl", "pt", "ar": `language.dictionary_language`), else None
    read_in: str | None = None


@dataclass
class Vocabulary:
    filler: list[tuple[str, ...]] = field(default_factory=list)
    stopwords: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    spellings: dict[str, str] = field(default_factory=dict)
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], Expansion] = field(default_factory=dict)
    welsh: dict[str, Expansion] = field(default_factory=dict)
    max_phrase: int = 1
    mutated: set[str] = field(default_factory=set)  # the mutated first words of its Welsh phrases
    # the phrases by the base forms of their words (see `_by_base`), made when first asked
    _based: dict[tuple[str, ...], Expansion] | None = field(default=None, compare=False, repr=False)

    def merge_file(self, path: Path) -> None:
        data = (
            yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
            or {}
        )  # every value a string
        for phrase in data.get("filler", []):
            toks = tuple(tokenize(phrase))
            if toks:
                self.filler.append(toks)
        self.filler.sort(key=len, reverse=True)
        self.stopwords.update(w for s in data.get("stopwords", []) for w in tokenize(s))
        self.weak.update(w for s in data.get("weak", []) for w in tokenize(s))
        for a, b in (data.get("spellings") or {}).items():
            self.spellings[str(a).lower()] = str(b).lower()
        for word in data.get("compounds", []) or []:
            parts = tuple(str(word).split())
            self.compounds["".join(parts)] = parts
        for phrase, targets in (data.get("phrases") or {}).items():
            self._add_phrase(str(phrase), targets)
        for phrase, targets in (data.get("welsh") or {}).items():
            exp = _expansion(str(phrase), targets)
            toks = tokenize(str(phrase))
            if len(toks) == 1:
                for form in mutations(toks[0]):
                    self.welsh.setdefault(form, exp)
            else:
                self._add_phrase(str(phrase), targets)
                # the words before a phrase mutate its first word as they do a single word's: "i bobl
                # ifanc" (for young people), "bêl-droed i blant" (football for children, after "y")
                for form in mutations(toks[0]) - {toks[0]}:
                    key = (phrase_stem(form), *(phrase_stem(t) for t in toks[1:]))
                    self.phrases.setdefault(key, exp)
                    self.mutated.add(form)

    def _add_phrase(self, phrase: str, targets) -> None:
        key = tuple(phrase_stem(t) for t in tokenize(phrase))
        if not key:
            return
        self.phrases[key] = _expansion(phrase, targets)
        self.max_phrase = max(self.max_phrase, len(key))
        self._based = None

    def by_base(self) -> dict[tuple[str, ...], Expansion]:
        """The phrases of two words or more keyed by their words' base forms (`base_stem`): "thrown
        out" is also "throw out", so that "threw me out" reads as it does."""
        if self._based is None:
            based: dict[tuple[str, ...], Expansion] = {}
            for key, exp in self.phrases.items():
                if len(key) > 1:
                    based.setdefault(tuple(base_stem(t) for t in tokenize(exp.phrase)), exp)
            self._based = based
        return self._based

    def known_words(self) -> set[str]:
        """Every word the vocabulary itself knows, so typo correction leaves them alone."""
        words = set(self.stopwords) | set(self.weak) | set(self.spellings) | set(self.compounds)
        words.update(self.welsh)
        words.update(self.mutated)
        for exp in list(self.phrases.values()) + list(self.welsh.values()):
            words.update(tokenize(exp.phrase))
            for w in exp.words:
                words.update(tokenize(w))
        for f in self.filler:
            words.update(f)
        return words

    def understand(self, words: list[str]) -> Understanding:
        """Read already-corrected words: drop filler, fold spellings, expand phrases."""
        words = self._drop_filler(words)
        folded: list[str] = []
        added: dict[str, float] = {}
        sources: dict[str, str] = {}
        joined: list[str] = []
        for w in words:
            w = self.spellings.get(w, w)
            parts = self.compounds.get(w)
            if parts:  # "foodbank": search the word itself, and its parts a little less
                joined.append(w)
                for part in parts:
                    added[part] = max(added.get(part, 0.0), 0.5)
                    sources.setdefault(part, w)
            folded.extend(parts or (w,))
        cats: dict[str, float] = {}
        notes: list[tuple[str, str]] = []
        stems = [phrase_stem(w) for w in folded]
        bases = [base_stem(w) for w in folded]  # "threw", "thrown": throw
        used = [False] * len(folded)
        everywhere = list(range(len(folded)))
        # a phrase of two words or more is also read with an object pronoun between its words: a
        # phrasal verb's ("kicked me out", "chuck us out")
        spread = [j for j in everywhere if folded[j] not in OBJECT_PRONOUNS]
        for n in range(min(self.max_phrase, len(folded)), 0, -1):
            ways = (everywhere, spread) if n > 1 else (everywhere,)
            for positions, i in [(p, i) for p in ways for i in range(len(p) - n + 1)]:
                span = positions[i : i + n]
                if any(used[j] for j in span):
                    continue
                exp = self.phrases.get(tuple(stems[j] for j in span))
                if exp is None and n > 1:  # a single word is its own: "broke" (money) is not "break"
                    exp = self.by_base().get(tuple(bases[j] for j in span))
                if exp is None and n == 1:
                    exp = self.welsh.get(folded[i])
                if exp is None:
                    continue
                if n > 1:
                    for j in span:
                        used[j] = True
                weight = 0.8 if n > 1 else 0.6
                welsh = n == 1 and self.welsh.get(folded[i]) is exp
                if welsh:  # a Welsh word is the resident's own word: its English meaning counts fully
                    weight = 1.0
                shown = " ".join(folded[span[0] : span[-1] + 1])
                for w in exp.words:
                    added[w] = max(added.get(w, 0.0), weight)
                    sources.setdefault(w, shown)
                    # one step further for Welsh: "unig" -> "lonely" -> company, befriending...
                    more = self.phrases.get(tuple(phrase_stem(t) for t in tokenize(w))) if welsh else None
                    for w2 in more.words if more else ():
                        added[w2] = max(added.get(w2, 0.0), 0.5)
                        sources.setdefault(w2, shown)
                    for c in more.categories if more else ():
                        cats[c] = cats.get(c, 0.0) + 0.5
                for c in exp.categories:
                    cats[c] = cats.get(c, 0.0) + 1.0
                notes.append((shown, ", ".join(exp.words[:3]) or ", ".join(exp.categories)))
        content = [
            w
            for w in folded
            if w not in self.stopwords and not any(w in self.compounds.get(j, ()) for j in joined)
        ]
        return Understanding(tuple(joined + content), added, cats, tuple(notes), sources)

    def _drop_filler(self, words: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(words):
            for f in self.filler:
                if tuple(words[i : i + len(f)]) == f:
                    i += len(f)
                    break
            else:
                out.append(words[i])
                i += 1
        return out


def _expansion(phrase: str, targets) -> Expansion:
    if isinstance(targets, str):
        targets = [targets]
    words = tuple(str(t) for t in targets or [] if not str(t).startswith("@"))
    cats = tuple(str(t)[1:] for t in targets or [] if str(t).startswith("@"))
    return Expansion(phrase, words, cats)


_SOFT = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "m": "f", "ll": "l", "rh": "r"}
_NASAL = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
_ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}


def mutations(word: str) -> set[str]:
    """A Welsh word and its soft, nasal and aspirate mutations: bwyd -> fwyd, mwyd; tai -> dai, nhai, thai."""
    forms = {word}
    for table in (_SOFT, _NASAL, _ASPIRATE):
        for radical in sorted(table, key=len, reverse=True):
            if word.startswith(radical):
                if radical in ("l", "r"):
                    continue
                if radical in ("ll", "rh") or not word.startswith(("ll", "rh")):
                    forms.add(table[radical] + word[len(radical) :])
                break
    forms.discard("")
    return forms


def radicals(word: str) -> set[str]:
    """The words that mutate into `word` (the reverse of `mutations`): ddiwrnod -> diwrnod; ardd -> gardd."""
    out = set()
    for table in (_SOFT, _NASAL, _ASPIRATE):
        for radical, mutated in table.items():
            if word.startswith(mutated) and len(word) > len(mutated):
                if radical in ("ll", "rh") or mutated not in ("l", "r") or not word.startswith(("ll", "rh")):
                    out.add(radical + word[len(mutated) :])
    out.discard(word)
    return out


# The words after which Welsh mutates the next one (soft, nasal, aspirate), and the beginnings only a
# mutated Welsh word has. A word is read as a mutation only with one of these, so an English typo
# ("bension") is still corrected while "tan ddiwrnod" and "i fwyd" are left as written.
MUTATION_TRIGGERS = frozenset(
    "am ar at dan tan dros drwy trwy gan heb hyd i o wrth dy ei yn neu pa pan mor rhy dau dwy ail "
    "fy ym yng a gyda efo tua tri chwe na".split()
)
WELSH_MUTATED_STARTS = ("dd", "ngh", "mh", "nh", "ng")


def is_mutated_form(word: str, previous: str | None, known) -> bool:
    """`word` is a Welsh mutation of a word in `known`, going by where it stands."""
    if not (word.startswith(WELSH_MUTATED_STARTS) or previous in MUTATION_TRIGGERS):
        return False
    return any(r in known for r in radicals(word))


def load_vocabulary(extra: Path | None = None) -> Vocabulary:
    """The built-in vocabulary, plus a directory's own `vocabulary.yml` when given and present."""
    vocab = Vocabulary()
    vocab.merge_file(BUILTIN)
    if extra is not None and extra.is_file():
        vocab.merge_file(extra)
    return vocab


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit), stopping early once it
    exceeds `limit`: the typo distance of the search corrector and of crisis detection."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]
