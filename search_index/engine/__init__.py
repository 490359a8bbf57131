"""The search engine behind one door: documents in, ranked document numbers out.

This package is the only place that imports Whoosh. It knows nothing of files, entries or
residents; the index layer (`search_index/index.py`) turns entries into `Document`s and manages
the generation folders, and the search layer (`search_index/search.py`) turns a message into
weighted terms.

    engine = Engine(load=Entry.from_dict)          # how a stored document is read back
    engine.build(gen_dir, docs)                    # a full build into an empty folder
    engine.build_batches(gen_dir, batches, workers=4)   # the same, parsed and indexed in workers
    engine.update(old_dir, new_dir, changed, removed)   # a new generation from the old one
    g = engine.open(gen_dir)                       # one generation, read-only, shared by threads
    g.docs[n], g.docnum[key]                       # the live documents (loaded) by number and key
    g.rank({"food": 1.0}, {"food-category": 1.6})  # BM25F scores (see ranking.Scores)
    g.docs_matching({"free": "1"})                 # document numbers with these labels

Per-generation artefacts
------------------------
A generation folder holds Whoosh's files (`*.toc`, `*.seg`) and whatever else the layers above
keep there (the index layer writes `meta.json` and `state.json`). Something computed from the
documents and kept with each generation, such as entry vectors, is an `Extra` handed to the
`Engine`: it writes its own file(s) in the generation folder when a generation is built or updated,
and reads them when one is opened (`Generation.extras[name]`). A generation never changes once it is
current, so an extra writes a new file in the new folder on update (never edits the old one's).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader

from . import bulk_build, whoosh_files
from .analysis import FIELD_BOOSTS, LABEL_FIELDS, TEXT_FIELDS, whoosh_fields
from .ranking import Ranker, Scores, TermPostings, segment_for

__all__ = [
    "FIELD_BOOSTS",
    "LABEL_FIELDS",
    "MAX_SEGMENTS",
    "TEXT_FIELDS",
    "Document",
    "DocumentBatch",
    "Engine",
    "Extra",
    "Generation",
    "Scores",
    "TermPostings",
]

whoosh_files.install()  # segments' files read from their maps, not copies (see whoosh_files)

MAX_SEGMENTS = 10  # beyond this many segments, an update merges the small ones


@dataclass(frozen=True)
class Document:
    """What the engine indexes for one entry."""

    key: str  # unique (the entry's slug); an update replaces the document with the same key
    stored: dict  # JSON-able; read back through the engine's `load` when a generation is opened
    text: Mapping[str, str]  # words to rank by, per field of TEXT_FIELDS (weighted by FIELD_BOOSTS)
    labels: Mapping[str, Sequence[str]]  # exact values to filter by, per field of LABEL_FIELDS


class Extra(Protocol):
    """A per-generation artefact kept beside the index's files (see the module's documentation).

    `docs` and `changed` are (key, loaded document) pairs: the documents as `Engine.load` reads
    them back, the same objects a `Generation` holds. Keep the artefact by key: document numbers
    change when an update replaces a document or merges segments."""

    name: str

    def build(self, gen: Path, docs: Iterable[tuple[str, Any]]) -> None:
        """Write the artefact for a new generation holding exactly `docs`."""

    def update(
        self, old: Path, new: Path, changed: Sequence[tuple[str, Any]], removed: Sequence[str]
    ) -> None:
        """Write the artefact of `new`: `old`'s, with `changed` added or replaced and `removed` gone."""

    def open(self, gen: Path) -> Any:
        """Read the artefact of a generation (what `Generation.extras[name]` holds)."""


class Engine:
    """Builds, updates and opens index generations. `load` turns a stored document's JSON back into
    the object the layers above use (it must be a module-level function: it is also a cache key)."""

    def __init__(self, load: Callable[[dict], Any] = dict, extras: Sequence[Extra] = ()):
        self.load = load
        self.extras = tuple(extras)

    def build(self, gen: Path, docs: Iterable[Document]) -> None:
        """A full build of `docs` into `gen`, an empty folder, in this process."""
        self.build_batches(gen, [DocumentBatch(docs)])

    def build_batches(self, gen: Path, batches: Sequence[bulk_build.Batch], workers: int = 1) -> list:
        """A full build into `gen` (an empty folder) of what `batches` add; each batch's result, in
        order. A batch is a picklable callable `batch(add)` that calls `add(document)` for each of
        its documents; with `workers` > 1 each batch runs in its own worker process."""
        results = bulk_build.build(Path(gen), batches, workers)
        if self.extras:
            docs = _stored_documents(Path(gen), self.load)
            for extra in self.extras:
                extra.build(Path(gen), docs)
        return results

    def update(
        self, old: Path, new: Path, changed: Sequence[Document], removed: Sequence[str]
    ) -> dict[str, Any]:
        """Make generation `new` (an empty folder) from `old`: hard links to its files plus one small
        segment with the changes (small segments are merged once there are more than MAX_SEGMENTS).
        `old` is not changed. Returns the replaced and removed documents (loaded), by key."""
        old, new = Path(old), Path(new)
        for p in old.iterdir():
            if p.is_file() and p.suffix in (".toc", ".seg"):
                try:
                    os.link(p, new / p.name)
                except OSError:
                    shutil.copy2(p, new / p.name)
        ix = whoosh_index.open_dir(str(new))
        replaced: dict[str, Any] = {}
        with ix.searcher() as searcher:
            segments = len(searcher.reader().leaf_readers())
            for key in [d.key for d in changed] + list(removed):
                stored = searcher.document(slug=key)
                if stored and "data" in stored:
                    replaced[key] = self.load(json.loads(stored["data"]))
        merge = segments + 1 > MAX_SEGMENTS
        writer = ix.writer()
        try:
            for doc in changed:
                writer.update_document(**whoosh_fields(doc))
            for key in removed:
                writer.delete_by_term("slug", key)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(**({"mergetype": _merge_small_segments} if merge else {"merge": False}))
        ix.close()
        if self.extras:
            pairs = [(d.key, self.load(d.stored)) for d in changed]
            for extra in self.extras:
                extra.update(old, new, pairs, list(removed))
        return replaced

    def open(self, gen: Path) -> Generation:
        return Generation(Path(gen), self.load, self.extras)


class Generation:
    """One generation of the index, opened for searching: a snapshot that never changes, shared by
    threads (reads of postings are serialised, scoring is not)."""

    def __init__(self, path: Path, load: Callable[[dict], Any], extras: Sequence[Extra] = ()):
        self.path = path
        self._ix = whoosh_index.open_dir(str(path))
        self._reader = self._ix.reader()  # this generation, as it is now, for as long as we live
        self.docs: dict[int, Any] = {}  # document number -> loaded document (live documents only)
        self.docnum: dict[str, int] = {}  # key -> document number
        leaves = []
        for reader, base in self._reader.leaf_readers():
            seg = segment_for(path.parent, reader, load)
            deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
            leaves.append((reader, base, seg, deleted))
            for d, doc in seg.docs.items():
                if d not in deleted:
                    self.docs[base + d] = doc
                    self.docnum[seg.keys[d]] = base + d
        self._ranker = Ranker(self._reader, leaves)
        self.extras: dict[str, Any] = {extra.name: extra.open(path) for extra in extras}
        # every stored document was read (and is kept, decoded): their pages need not stay
        self.give_back()

    def rank(self, terms: Mapping[str, float], categories: Mapping[str, float] | None = None) -> Scores:
        """BM25F scores of every document matching any of `terms` (index terms, as `index_words`
        makes them, each with a weight) or `categories` (category id -> boost): Whoosh's scores for
        Or(terms x text fields + categories, scale=0.9) with its BM25F(B=0.75, K1=1.2)."""
        return self._ranker.rank(terms, categories or {})

    def give_back(self) -> None:
        """Hand the pages of the segments read so far back to the system (`whoosh_files.give_back`)."""
        whoosh_files.give_back(self._reader)

    def docs_matching(self, labels: Mapping[str, str]) -> frozenset[int]:
        """Numbers of the live documents that have every (label field, value), e.g. {"free": "1"}."""
        return self._ranker.docs_matching(labels)


class DocumentBatch:
    """A batch of documents given as they are (see `Engine.build_batches`); its result is how many."""

    def __init__(self, docs: Iterable[Document]):
        self.docs = docs

    def __call__(self, add: Callable[[Document], None]) -> int:
        count = 0
        for doc in self.docs:
            add(doc)
            count += 1
        return count


def _stored_documents(gen: Path, load: Callable[[dict], Any]) -> list[tuple[str, Any]]:
    """(key, loaded document) of every live document of a generation."""
    ix = whoosh_index.open_dir(str(gen))
    with ix.searcher() as searcher:
        return [
            (fields["slug"], load(json.loads(fields["data"])))
            for _, fields in searcher.reader().iter_docs()
            if "data" in fields
        ]


def _merge_small_segments(writer, segments):
    """Whoosh merge policy: fold every segment under a tenth of the largest into the new one."""
    largest = max((s.doc_count_all() for s in segments), default=0)
    small = [s for s in segments if s.doc_count_all() < max(largest // 10, 100)]
    if len(small) < 2:
        return list(segments)
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]
