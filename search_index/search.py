"""Search: a resident's message in, plain results out.

`SearchIndex.open(index_dir)` opens one generation of the index and hands out plain values
(`Entry`, `Hit`, `Results`); no Whoosh object leaves this module. Each thread gets its own Whoosh
searcher, so the website's worker threads never share file handles.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as Q

from .crisis import KIND_WORDS, CrisisSignal, detect_crisis
from .entries import Category, Entry
from .index import FIELD_BOOSTS, area_key, current_generation, make_schema, read_meta
from .lexicon import Understanding, Vocabulary, load_vocabulary, tokenize

DEFAULT_LIMIT = 10
MAX_QUERY_CHARS = 500
CATEGORY_BOOST = 1.6
CLOSED_PENALTY = 0.6


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    matched: tuple[str, ...]  # the words that matched, as the resident wrote them where possible
    via: tuple[tuple[str, str], ...] = ()  # (resident phrase, what it was read as)
    crisis_line: bool = False  # put first because the message signals a crisis

    @property
    def slug(self) -> str:
        return self.entry.slug

    def why(self, lang: str = "en") -> str:
        return explain(self, lang)


@dataclass(frozen=True)
class Results:
    query: str
    hits: tuple[Hit, ...]
    crisis: CrisisSignal | None = None
    suggestion: str | None = None  # "did you mean", when the words were corrected or nothing matched
    corrections: tuple[tuple[str, str], ...] = ()
    total: int = 0

    @property
    def is_crisis(self) -> bool:
        return self.crisis is not None

    def __len__(self) -> int:
        return len(self.hits)


@dataclass(frozen=True)
class Filters:
    """Narrow the results: all optional."""

    category: str | None = None
    age: int | None = None
    free: bool = False
    language: str | None = None
    area: str | None = None

    def whoosh_filter(self) -> Q.Query | None:
        parts: list[Q.Query] = []
        if self.category:
            parts.append(Q.Term("categories", self.category))
        if self.free:
            parts.append(Q.Term("free", "1"))
        if self.language:
            parts.append(Q.Term("languages", self.language.lower()))
        if self.area:
            parts.append(Q.Term("area", area_key(self.area)))
        return Q.And(parts) if parts else None

    def allows(self, entry: Entry) -> bool:
        """The checks done on the entry itself (ages: entries with no age limit are for everyone)."""
        if self.age is None:
            return True
        ages = entry.age_range
        return ages is None or ages.includes(self.age)


def explain(hit: Hit, lang: str = "en") -> str:
    """One line on why an entry was shown, in English or Welsh."""
    words = ", ".join(f"“{w}”" for w in hit.matched[:4])
    if hit.crisis_line and lang == "cy":
        return "Llinell gymorth ar gyfer argyfwng: ar gael nawr"
    if hit.crisis_line:
        return "Crisis help: available now"
    if not words:
        return "Yn yr un categori" if lang == "cy" else "In a related category"
    if lang == "cy":
        return f"Yn cyfateb i {words}"
    return f"Matches {words}"


class SearchIndex:
    """One opened generation of the index: entries, categories, and search."""

    def __init__(self, gen_dir: Path, vocabulary: Vocabulary):
        self.path = gen_dir
        self._ix = whoosh_index.open_dir(str(gen_dir))
        meta = read_meta(gen_dir)
        self.meta = meta
        self.categories: list[Category] = [Category(**c) for c in meta.get("categories", [])]
        self.category_by_id = {c.id: c for c in self.categories}
        self.vocabulary = vocabulary
        self._local = threading.local()
        with self._ix.reader() as reader:
            stored = list(reader.all_stored_fields())
            self.generation = self._ix.latest_generation()
            self._spell = _SpellIndex({w.decode() if isinstance(w, bytes) else w: reader.doc_frequency("spell", w) for w in reader.lexicon("spell")})
        self.entries: dict[str, Entry] = {}
        for f in stored:
            entry = Entry.from_dict(json.loads(f["data"]))
            self.entries[entry.slug] = entry
        self._known = self._spell.words | vocabulary.known_words()
        self._field_names = set(make_schema().names())

    @classmethod
    def open(cls, index_dir: Path | str, vocabulary: Vocabulary | None = None,
             content_dir: Path | str | None = None) -> SearchIndex:
        gen = current_generation(Path(index_dir))
        if gen is None:
            raise FileNotFoundError(f"{index_dir}: no index here yet; run `signpost index` first")
        if vocabulary is None:
            extra = Path(content_dir) / "vocabulary.yml" if content_dir else None
            if extra is None:
                src = read_meta(gen).get("content")
                extra = Path(src) / "vocabulary.yml" if src else None
            vocabulary = load_vocabulary(extra)
        return cls(gen, vocabulary)

    # --- browsing --------------------------------------------------------------------------
    def get(self, slug: str) -> Entry | None:
        return self.entries.get(slug)

    def visible(self) -> list[Entry]:
        """Entries residents may see (not closed), by title."""
        return sorted((e for e in self.entries.values() if e.status != "closed"), key=lambda e: e.title.lower())

    def in_category(self, category_id: str) -> list[Entry]:
        return [e for e in self.visible() if category_id in e.categories]

    def problems(self) -> list[dict]:
        out = list(self.meta.get("category_problems", []))
        for probs in self.meta.get("file_problems", {}).values():
            out.extend(probs)
        return out

    # --- searching -------------------------------------------------------------------------
    def _searcher(self):
        s = getattr(self._local, "searcher", None)
        if s is None:
            s = self._ix.searcher()
            self._local.searcher = s
        return s

    def understand(self, text: str) -> tuple[Understanding, list[tuple[str, str]]]:
        words = tokenize(text[: MAX_QUERY_CHARS * 2])[:60]
        corrected, corrections = self._correct(words)
        return self.vocabulary.understand(corrected), corrections

    def _correct(self, words: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
        out: list[str] = []
        corrections: list[tuple[str, str]] = []
        for i, w in enumerate(words):
            if w in self._known or len(w) < 4 or not w.isalpha():
                out.append(w)
                continue
            split = self._spell.split(w)
            if split:
                out.extend(split)
                corrections.append((w, " ".join(split)))
                continue
            fixed = self._spell.correct(w)
            if fixed:
                out.append(fixed)
                corrections.append((w, fixed))
            else:
                out.append(w)
        # joined forms of adjacent words the index knows: "food bank" -> also "foodbank"
        for a, b in zip(words, words[1:]):
            joined = a + b
            if joined in self._spell.words and joined not in out:
                out.append(joined)
        return out, corrections

    def _terms(self, words: dict[str, float]) -> list[Q.Query]:
        """One query per distinct word: that word in every text field, boosted by field and weight."""
        ana = self._ix.schema["title"].analyzer
        seen: dict[str, float] = {}
        for word, weight in words.items():
            for tok in ana(word):
                seen[tok.text] = max(seen.get(tok.text, 0.0), weight)
        out: list[Q.Query] = []
        for text, weight in seen.items():
            fields = [Q.Term(f, text, boost=b * weight) for f, b in FIELD_BOOSTS.items()]
            out.append(Q.Or(fields))
        return out

    def search(self, text: str, *, limit: int = DEFAULT_LIMIT, filters: Filters | None = None,
               lang: str = "en") -> Results:
        """Answer a message: crisis signal, ranked hits with reasons, and a suggestion when useful."""
        text = text if isinstance(text, str) else ""
        crisis = detect_crisis(text)
        query_text = text[:MAX_QUERY_CHARS]
        understanding, corrections = self.understand(query_text)
        weights: dict[str, float] = {}
        for w in understanding.words:
            weight = 0.35 if w in self.vocabulary.weak else 1.0
            weights[w] = max(weights.get(w, 0.0), weight)
        for w, weight in understanding.added.items():
            for part in tokenize(w):
                if part not in self.vocabulary.stopwords:
                    weights[part] = max(weights.get(part, 0.0), weight * (0.5 if part in self.vocabulary.weak else 1.0))
        subqueries = self._terms(weights)
        for cid, n in understanding.categories.items():
            if cid in self.category_by_id:
                subqueries.append(Q.Term("categories", cid, boost=CATEGORY_BOOST * min(n, 2.0)))
        filters = filters or Filters()
        flt = filters.whoosh_filter()
        hits: list[Hit] = []
        total = 0
        searcher = self._searcher()
        if subqueries:
            q = Q.Or(subqueries, scale=0.9)
            wanted = None if filters.age is not None else max(limit * 3, 30)
            found = searcher.search(q, limit=wanted, filter=flt, terms=True)
            total = found.scored_length()
            originals = _surface_forms(understanding, corrections, self._ix.schema["title"].analyzer)
            for h in found:
                entry = self.entries.get(h["slug"])
                if entry is None or entry.status == "closed" or not filters.allows(entry):
                    continue
                score = h.score * (CLOSED_PENALTY if entry.status == "temporarily-closed" else 1.0)
                matched = _matched_words(h.matched_terms(), originals)
                via = tuple(n for n in understanding.notes if any(m in n[1] or m in n[0] for m in matched)) or understanding.notes[:1]
                hits.append(Hit(entry, round(score, 4), matched, via if matched else ()))
            hits.sort(key=lambda x: -x.score)
        if crisis:
            hits = self._crisis_first(crisis, hits, flt)
        hits = hits[:limit]
        suggestion = None
        if corrections:
            fixed = dict(corrections)
            suggestion = " ".join(fixed.get(w, w) for w in tokenize(query_text)[:20])
        elif not hits and understanding.words:
            suggestion = self._did_you_mean(understanding.words)
        return Results(query_text, tuple(hits), crisis, suggestion, tuple(corrections), total)

    def _crisis_first(self, crisis: CrisisSignal, hits: list[Hit], flt) -> list[Hit]:
        """Put the crisis lines that fit first: the emergency line (999) first when it is happening
        now, otherwise the lines for this kind of crisis, then the emergency line."""
        lines = [e for e in self.visible() if "crisis" in e.categories and e.status == "active"]
        if not lines:
            return hits
        words = {w: 1.0 for w in tokenize(KIND_WORDS[crisis.kind])}
        q = Q.Or(self._terms(words), scale=0.9)
        scores = {h["slug"]: h.score for h in self._searcher().search(q, limit=None)}
        order = {c: i for i, c in enumerate(crisis.categories)}
        emergency = [e for e in lines if set(e.categories) == {"crisis"} or "999" in e.phone]
        others = [e for e in lines if e not in emergency]

        def fit(e: Entry) -> tuple:
            best = min((order[c] for c in e.categories if c in order), default=len(order))
            return (best, -scores.get(e.slug, 0.0), e.slug)

        others.sort(key=fit)
        block = emergency[:1] + others[:2] if crisis.urgent else others[:2] + emergency[:1]
        block += [e for e in others[2:] if e not in block][: max(0, 3 - len(block))]
        chosen = {e.slug for e in block}
        top = [Hit(e, round(scores.get(e.slug, 0.0), 4), (), (), True) for e in block]
        return top + [h for h in hits if h.slug not in chosen]

    def _did_you_mean(self, words: tuple[str, ...]) -> str | None:
        out, changed = [], False
        for w in words:
            fixed = self._spell.correct(w, loose=True) if w not in self._spell.words else None
            out.append(fixed or w)
            changed |= bool(fixed)
        return " ".join(out) if changed else None


def _surface_forms(u: Understanding, corrections, ana) -> dict[str, str]:
    """Map each stemmed term back to the word the resident (or the vocabulary) used."""
    forms: dict[str, str] = {}
    for w in list(u.words) + [w for k in u.added for w in tokenize(k)]:
        for tok in ana(w):
            forms.setdefault(tok.text, w)
    return forms


def _matched_words(terms, forms: dict[str, str]) -> tuple[str, ...]:
    out: list[str] = []
    for field_name, text in terms or ():
        if field_name in ("categories", "spell"):
            continue
        t = text.decode("utf-8") if isinstance(text, bytes) else text
        w = forms.get(t, t)
        if w not in out:
            out.append(w)
    return tuple(out)


class _SpellIndex:
    """Typo correction against the words the directory uses (Damerau-Levenshtein, same first letter)."""

    def __init__(self, freqs: dict[str, int]):
        self.freqs = {w: f for w, f in freqs.items() if w.isalpha()}
        self.words = set(self.freqs)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for w in self.words:
            self._buckets[(w[0], len(w))].append(w)

    def correct(self, word: str, loose: bool = False) -> str | None:
        if len(word) < 4:
            return None
        limit = 1 if len(word) <= 5 else 2
        if loose:
            limit += 1 if len(word) >= 7 else 0
        best: tuple[int, int, str] | None = None
        for n in range(len(word) - limit, len(word) + limit + 1):
            for cand in self._buckets.get((word[0], n), ()):
                d = _dl_distance(word, cand, limit)
                if d <= limit:
                    key = (d, -self.freqs[cand], cand)
                    if best is None or key < best:
                        best = key
        return best[2] if best else None

    def split(self, word: str) -> list[str] | None:
        """'foodbank' -> ['food', 'bank'] when both halves are words of the directory."""
        for i in range(3, len(word) - 2):
            a, b = word[:i], word[i:]
            if a in self.words and b in self.words and self.freqs[a] > 0 and self.freqs[b] > 0:
                return [a, b]
        return None


def _dl_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, stopping early once it exceeds `limit`."""
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
