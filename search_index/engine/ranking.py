"""BM25F ranking of one opened generation, computed from each term's postings (read once and kept).

Whoosh's own matcher tree (a union of 8 fields x every query word, with a coordination wrapper)
walks every candidate document in pure Python for every query: 100-800 ms on 10,000 entries.
`Ranker` computes the same scores (same formula, statistics and field boosts as Whoosh's `BM25F`
under `Or(..., scale=0.9)`) from the postings read once per term and kept, so a query costs one
dictionary update per matching (term, document). tests/test_engine.py checks the scores against
Whoosh's own searcher, and pins the parts of Whoosh read directly here (`leaf_postings`,
`read_lengths`).
"""

from __future__ import annotations

import json
import threading
import weakref
from array import array
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from math import log
from operator import add, eq, mul, truediv
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as Q
from whoosh.searching import Searcher

from .analysis import FIELD_BOOSTS

K1 = 1.2
B = 0.75
COORD_SCALE = 0.9
_CACHE_POSTINGS = 600_000  # postings kept per opened index (13 bytes each), or 60 per entry if more
_SEGMENT_POSTINGS = 250_000  # raw postings kept per segment (6 bytes each), or 30 per entry if more


@dataclass
class TermPostings:
    """One term over the text fields: matching documents (sorted), their summed field-boosted
    BM25 score, and in how many fields each matched."""

    docs: array
    scores: array
    fields: array
    leaves: int  # fields whose vocabulary has the term (Whoosh counts these for coordination)

    def __contains__(self, doc: int) -> bool:
        i = bisect_left(self.docs, doc)
        return i < len(self.docs) and self.docs[i] == doc


class Matched(Mapping):
    """The raw summed score of each matching document: document numbers (sorted) and their scores,
    as numpy arrays (a query sums its terms' postings into one array: no dictionary per posting)."""

    def __init__(self, docs: np.ndarray, scores: np.ndarray):
        self.docs = docs
        self.scores = scores

    def _at(self, doc: int) -> int:
        i = int(np.searchsorted(self.docs, doc))
        return i if i < len(self.docs) and self.docs[i] == doc else -1

    def __getitem__(self, doc: int) -> float:
        i = self._at(doc)
        if i < 0:
            raise KeyError(doc)
        return float(self.scores[i])

    def __contains__(self, doc: object) -> bool:
        return isinstance(doc, int) and self._at(doc) >= 0

    def __iter__(self):
        return iter(self.docs.tolist())

    def __len__(self) -> int:
        return len(self.docs)

    def among(self, allowed: frozenset[int] | None) -> Matched:
        """Only the documents of `allowed` (None: all)."""
        if allowed is None:
            return self
        keep = np.isin(self.docs, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))
        return Matched(self.docs[keep], self.scores[keep])

    def best(self, k: int) -> list[tuple[int, float]]:
        """The `k` best (document, raw score), best first, ties by document order."""
        scores = self.scores
        if k < len(scores):
            part = np.argpartition(-scores, k - 1)[:k]
            cut = scores[part].min()
            part = np.flatnonzero(scores >= cut)  # with every document tied with the k-th: the order is exact
        else:
            part = np.arange(len(scores))
        order = part[np.lexsort((self.docs[part], -scores[part]))][:k]
        return list(zip(self.docs[order].tolist(), scores[order].tolist(), strict=True))


@dataclass
class Scores:
    """Raw summed scores by document; `final()` applies Whoosh's coordination (order-preserving)."""

    raw: Matched
    used: list[tuple[str, float, TermPostings]]  # (term or category, weight, postings), query order
    shift: float
    factor: float

    def final(self, raw: float) -> float:
        return (raw - self.shift) * self.factor


class Segment:
    """What one Whoosh segment holds for search, kept while any opened generation uses the segment
    (a segment's files never change once written, so after an update only the new one is read;
    deletions live in each generation's table of contents, not here)."""

    def __init__(self, reader, load: Callable[[dict], Any]):
        # every document, deleted ones too: which are deleted depends on the generation reading it
        self.docs: dict[int, Any] = {}
        self.keys: dict[int, str] = {}
        shared: dict[str, str] = {}  # one copy of each short text many documents repeat ("Free", areas...)
        for docnum in range(reader.doc_count_all()):
            fields = reader.stored_fields(docnum)
            if "data" in fields:
                data = json.loads(fields["data"])
                for key, value in data.items():
                    if type(value) is str and len(value) <= 200:
                        data[key] = shared.setdefault(value, value)
                    elif type(value) is list:
                        data[key] = [shared.setdefault(v, v) if type(v) is str else v for v in value]
                self.docs[docnum] = load(data)
                self.keys[docnum] = shared.get(fields["slug"], fields["slug"])  # the document's own copy
        # the stored documents are not read again: let Whoosh drop its copy of them (MBs per segment)
        perdoc = getattr(reader, "_perdoc", None)
        for cache in (getattr(perdoc, "_readers", {}), getattr(perdoc, "_colfiles", {})):
            cache.pop("_stored", None)
        self.lengths: dict[str, array] = {}
        self.lock = threading.Lock()
        # each term's postings here, read once and kept for every generation that has this segment
        # (so a new generation after an edit does not read the big segments' postings again)
        self._terms: dict[tuple[str, bytes], tuple[array, array] | None] = {}
        self._terms_held = 0
        self._terms_limit = max(_SEGMENT_POSTINGS, 30 * len(self.docs))

    def term(self, reader, field_name: str, btext: bytes) -> tuple[array, array] | None:
        """(document numbers, frequencies) of a term in this segment, deleted documents included;
        None when the segment does not have it."""
        key = (field_name, btext)
        got = self._terms.get(key, False)
        if got is not False:
            return got
        if (field_name, btext) in reader:
            ids, tfs = leaf_postings(reader, field_name, btext)
            got = (array("i", ids), _frequencies(tfs))
        else:
            got = None
        with self.lock:
            if key not in self._terms:
                self._terms[key] = got
                self._terms_held += len(got[0]) if got else 0
                while self._terms_held > self._terms_limit and len(self._terms) > 1:
                    old = self._terms.pop(next(iter(self._terms)))
                    self._terms_held -= len(old[0]) if old else 0
        return got

    def field_lengths(self, reader, field_name: str) -> array:
        """Each document's length in the field, as Whoosh's scorer sees it (byte-quantised)."""
        with self.lock:
            got = self.lengths.get(field_name)
            if got is None:
                got = self.lengths[field_name] = read_lengths(reader, field_name)
            return got


def _frequencies(tfs: Sequence[float]) -> array:
    """A term's frequencies in 2 bytes each when they are all whole numbers under 65,536 (as a
    word's are), else in 8; the same numbers either way, so the same scores."""
    try:
        small = array("H", map(int, tfs))
    except (OverflowError, ValueError):  # negative, too large, not a number
        return array("d", tfs)
    return small if all(map(eq, small, tfs)) else array("d", tfs)


_SEGMENTS: weakref.WeakValueDictionary = weakref.WeakValueDictionary()
_SEGMENTS_LOCK = threading.Lock()


def segment_for(index_root: Path, reader, load: Callable[[dict], Any]) -> Segment:
    """The `Segment` of this segment reader, shared by every generation under `index_root` open in
    this process."""
    key = (str(index_root), reader.segment().segment_id(), load)
    with _SEGMENTS_LOCK:
        seg = _SEGMENTS.get(key)
        if seg is None:
            seg = _SEGMENTS[key] = Segment(reader, load)
        return seg


def read_lengths(reader, field_name: str) -> array:
    """Every document's length in a field, as Whoosh's scorer sees it (one byte each, quantised)."""
    try:
        return column_lengths(reader, field_name)
    except (AttributeError, ImportError, TypeError):  # another codec: ask document by document
        return public_lengths(reader, field_name)


def column_lengths(reader, field_name: str) -> array:
    """`read_lengths` from Whoosh 2.7's length column, read whole (its private reader)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN
    from whoosh.util.numeric import byte_to_length

    column = reader._perdoc._cached_reader(f"_{field_name}_len", LENGTHS_COLUMN)
    if column is None:
        return array("f", [1.0]) * reader.doc_count_all()
    table = [float(byte_to_length(b)) if b else 1.0 for b in range(256)]
    return array("f", [table[b] for b in column.load()])


def public_lengths(reader, field_name: str) -> array:
    """`read_lengths` through Whoosh's public API, document by document (slower)."""
    count = reader.doc_count_all()
    return array("f", [float(reader.doc_field_length(d, field_name, 1) or 1) for d in range(count)])


def leaf_postings(reader, field_name: str, btext: bytes) -> tuple[Sequence[int], Sequence[float]]:
    """(document numbers, term frequencies) of one term in one segment, deleted ones included."""
    try:
        return block_postings(reader, field_name, btext)
    except AttributeError:  # another codec: the public, slower way (it skips deleted documents)
        return public_postings(reader, field_name, btext)


def block_postings(reader, field_name: str, btext: bytes) -> tuple[list[int], list[float]]:
    """`leaf_postings` whole blocks at a time, from Whoosh 2.7's own block reader (private)."""
    ids: list[int] = []
    weights: list[float] = []
    m = reader._terms.matcher(field_name, btext, reader.schema[field_name].format, scorer=None)
    while m.is_active():
        if m._ids is None:
            m._read_ids()
        if m._weights is None:
            m._read_weights()
        ids.extend(m._ids)
        weights.extend(m._weights)
        m._next_block()
    return ids, weights


def public_postings(reader, field_name: str, btext: bytes) -> tuple[list[int], list[float]]:
    """`leaf_postings` through Whoosh's public matcher, posting by posting (skips deleted ones)."""
    ids: list[int] = []
    weights: list[float] = []
    m = reader.postings(field_name, btext)
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return ids, weights


def _merge(into: dict[int, float], other: dict[int, float]) -> dict[int, float]:
    """Add `other`'s scores into `into` (either may be reused): the smaller is looped over."""
    if len(other) > len(into):
        into, other = other, into
    get = into.get
    for d, v in other.items():
        into[d] = get(d, 0.0) + v
    return into


class Ranker:
    """BM25F scores of one opened generation, term by term, with a bounded cache."""

    def __init__(self, reader, leaves: list[tuple[object, int, Segment, frozenset]]):
        self._reader = reader
        self._leaves = leaves  # (segment reader, first doc number, Segment, deleted doc numbers)
        self._docs = reader.doc_count_all()
        self._avg = {f: (reader.field_length(f) / (self._docs or 1)) or 1 for f in FIELD_BOOSTS}
        self._norms: dict[tuple[int, str], array] = {}
        self._cache: OrderedDict[tuple[str, str], TermPostings] = OrderedDict()
        self._cached = 0
        self._cache_limit = max(_CACHE_POSTINGS, 60 * self._docs)
        self._lock = threading.Lock()

    def postings(self, field_name: str, text: str) -> TermPostings:
        """A word (field "" = every text field, boosted) or a label ("categories", id)."""
        key = (field_name, text)
        with self._lock:
            got = self._cache.get(key)
            if got is not None:
                self._cache.move_to_end(key)
                return got
            got = self._load(field_name, text)
            self._cache[key] = got
            self._cached += len(got.docs)
            while self._cached > self._cache_limit and len(self._cache) > 1:
                _, old = self._cache.popitem(last=False)
                self._cached -= len(old.docs)
            return got

    def _norm(self, leaf: int, field_name: str) -> array:
        got = self._norms.get((leaf, field_name))
        if got is None:
            reader, _, seg, _ = self._leaves[leaf]
            avg = self._avg[field_name]
            got = array("d", [K1 * ((1 - B) + B * n / avg) for n in seg.field_lengths(reader, field_name)])
            self._norms[(leaf, field_name)] = got
        return got

    def _load(self, field_name: str, text: str) -> TermPostings:
        btext = text.encode("utf-8")
        score: dict[int, float] = {}
        count: Counter[int] = Counter()
        leaves = 0
        fields = FIELD_BOOSTS.items() if not field_name else ((field_name, 0.0),)
        for name, boost in fields:
            found = [seg.term(reader, name, btext) for reader, _, seg, _ in self._leaves]
            df = sum(len(f[0]) for f in found if f)  # as Whoosh counts: deleted documents too
            if not df:
                continue
            leaves += 1
            c = boost * (log(self._docs / (df + 1)) + 1) * (K1 + 1)  # Whoosh's idf and BM25 numerator
            for leaf, (_, base, _, deleted) in enumerate(self._leaves):
                if found[leaf] is None:
                    continue
                ids, tfs = found[leaf]
                if boost:  # c * tf / (tf + norm[doc]), looped in C by map()
                    norm = self._norm(leaf, name)
                    values = map(truediv, map(mul, tfs, repeat(c)), map(add, tfs, map(norm.__getitem__, ids)))
                else:  # labels score their weight
                    values = iter(tfs)
                part = dict(zip(map(add, ids, repeat(base)) if base else ids, values, strict=True))
                for d in deleted:
                    part.pop(d + base, None)
                count.update(part.keys())
                score = _merge(score, part)
        docs = sorted(score)
        return TermPostings(
            array("i", docs),
            array("d", map(score.__getitem__, docs)),
            array("b", map(count.__getitem__, docs)),
            leaves,
        )

    def rank(self, terms: Mapping[str, float], categories: Mapping[str, float]) -> Scores:
        """Whoosh's score for every matching document of Or(terms x fields + categories, scale=0.9),
        and the postings used (term, weight, postings) in query order."""
        used = [(t, w, self.postings("", t)) for t, w in terms.items()]
        used += [(c, b, self.postings("categories", c)) for c, b in categories.items()]
        used = [u for u in used if u[2].leaves]
        leaves = sum(p.leaves for _, _, p in used)
        # Coordination, as Whoosh's CoordMatcher: (score + (matching - 1) / (leaves - 0.9)^2)
        # * (leaves - 1) / leaves, `matching` being how many (field, word) leaves match the entry.
        # (With a single leaf Whoosh scores everything 0; we keep the score.)
        bonus = 1 / (leaves - COORD_SCALE) ** 2 if leaves > 1 else 0.0
        # summed in one array, term by term (each term's documents are distinct), longest postings first
        acc = np.zeros(self._docs)
        hit = np.zeros(self._docs, dtype=bool)
        for _, weight, p in sorted(used, key=lambda u: -len(u[2].docs)):
            docs = np.frombuffer(p.docs, dtype=np.intc)
            values = np.frombuffer(p.scores, dtype=np.float64) * weight
            if bonus:
                values += np.frombuffer(p.fields, dtype=np.int8) * bonus
            acc[docs] += values
            hit[docs] = True
        matched = np.flatnonzero(hit)
        acc = Matched(matched, acc[matched])
        if leaves > 1:
            return Scores(acc, used, bonus, (leaves - 1) / leaves)
        return Scores(acc, used, 0.0, 1.0)

    def docs_matching(self, labels: Mapping[str, str]) -> frozenset[int]:
        """Document numbers (deleted ones left out) that have every (label field, value)."""
        query = Q.And([Q.Term(name, value) for name, value in labels.items()])
        with self._lock:
            searcher = Searcher(self._reader)  # not closed: it would close our reader
            return frozenset(query.docs(searcher))
