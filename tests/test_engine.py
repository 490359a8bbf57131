"""The search engine (search_index/engine/): its hand-made ranker gives Whoosh's own BM25F scores, the
Whoosh behaviour it goes around is pinned here, and nothing else in the project imports Whoosh.

Indexes are real Whoosh indexes on disk; documents and queries are generated (hypothesis), so a
Whoosh update that changes scoring, postings or the build fails here before it changes a ranking.
"""

from __future__ import annotations

import ast
import json
import tempfile
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, resident_kib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh.fields import TEXT
from whoosh.lang.porter import stem as porter_stem
from whoosh.scoring import BM25F

from search_index.engine import (
    FIELD_BOOSTS,
    LABEL_FIELDS,
    TEXT_FIELDS,
    Document,
    DocumentBatch,
    Engine,
    ranking,
)
from search_index.engine.analysis import (
    SEPARATE_STEMS,
    FastText,
    analyzer,
    index_words,
    make_schema,
    name_term,
    query_terms,
    whoosh_fields,
)

# A small vocabulary, so that generated documents share words and queries match several fields.
WORDS = ["food", "bank", "parcel", "debt", "advice", "rent", "housing", "help", "baby", "club", "tŷ", "cafés"]
CATEGORIES = ["food", "money", "housing"]


def examples(n: int) -> settings:
    return settings(max_examples=n, deadline=None, suppress_health_check=[HealthCheck.too_slow])


texts = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)
field_texts = st.fixed_dictionaries({}, optional={name: texts for name in TEXT_FIELDS})
label_values = st.fixed_dictionaries(
    {
        "categories": st.lists(st.sampled_from(CATEGORIES), max_size=2, unique=True),
        "free": st.sampled_from([["0"], ["1"]]),
    }
)


@st.composite
def documents(draw, min_size: int = 1, max_size: int = 25) -> list[Document]:
    n = draw(st.integers(min_size, max_size))
    return [
        Document(key=f"doc-{i}", stored={"n": i}, text=draw(field_texts), labels=draw(label_values))
        for i in range(n)
    ]


queries = st.tuples(
    st.dictionaries(
        st.sampled_from(WORDS + ["missing"]), st.sampled_from([1.0, 0.5, 0.35]), min_size=1, max_size=4
    ),
    st.dictionaries(st.sampled_from(CATEGORIES), st.sampled_from([1.6, 3.2]), max_size=2),
)


def whoosh_scores(gen: Path, terms: dict[str, float], categories: dict[str, float]) -> dict[str, float]:
    """Whoosh's own scores for the query the ranker answers: Or(every term in every text field,
    boosted by the field's boost and the term's weight, + the category terms, scale=0.9), BM25F.

    Its matcher tree is walked document by document. (`Searcher.search` would also prune the leaves
    it has finished with as it goes, and the coordination then counts fewer leaves for the later
    documents: an artefact of document order that the ranker does not copy.)"""
    leaves = [Q.Term(f, t, boost=FIELD_BOOSTS[f] * w) for t, w in terms.items() for f in TEXT_FIELDS]
    leaves += [Q.Term("categories", c, boost=b) for c, b in categories.items()]
    ix = whoosh_index.open_dir(str(gen))
    scores = {}
    with ix.searcher(weighting=BM25F(B=ranking.B, K1=ranking.K1)) as searcher:
        matcher = Q.Or(leaves, scale=ranking.COORD_SCALE).matcher(searcher)
        while matcher.is_active():
            scores[searcher.stored_fields(matcher.id())["slug"]] = matcher.score()
            matcher.next()
    return scores


def engine_scores(engine: Engine, gen: Path, terms, categories) -> dict[str, float]:
    g = engine.open(gen)
    found = g.rank(terms, categories)
    keys = {n: key for key, n in g.docnum.items()}
    return {keys[d]: found.final(raw) for d, raw in found.raw.items() if d in keys}


def assert_same_scores(ours: dict[str, float], theirs: dict[str, float], leaves: int) -> None:
    assert set(ours) == set(theirs)
    if leaves > 1:  # (Whoosh scores a single-leaf query 0 for every document; the ranker keeps it)
        for key, score in theirs.items():
            assert ours[key] == pytest.approx(score, rel=1e-6, abs=1e-9), key


def matching_leaves(gen: Path, terms, categories) -> int:
    ix = whoosh_index.open_dir(str(gen))
    with ix.reader() as reader:
        fields = [(f, t) for t in terms for f in TEXT_FIELDS] + [("categories", c) for c in categories]
        return sum(1 for f, t in fields if (f, t.encode()) in reader)


@examples(40)
@given(docs=documents(), query=queries)
def test_the_ranker_gives_whooshs_bm25f_scores(docs, query):
    words, categories = query
    terms = query_terms(words)
    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        gen = Path(tmp) / "gen-1"
        gen.mkdir()
        engine.build(gen, docs)
        leaves = matching_leaves(gen, terms, categories)
        assert_same_scores(
            engine_scores(engine, gen, terms, categories), whoosh_scores(gen, terms, categories), leaves
        )


def whoosh_leaf_scores(gen: Path, terms: dict[str, float], categories: dict[str, float]) -> dict[str, float]:
    """The same query scored by Whoosh leaf by leaf, each (field, term) searched on its own with
    `Searcher.search` (segment by segment, with the whole index's statistics), then coordinated with
    the formula of Whoosh's `CoordMatcher` (which the test above checks on one segment). Whoosh's
    own walk of the whole Or tree across segments coordinates per segment, and fails outright when a
    term is left only in deleted documents, so it cannot be the reference here."""
    leaves = [Q.Term(f, t, boost=FIELD_BOOSTS[f] * w) for t, w in terms.items() for f in TEXT_FIELDS]
    leaves += [Q.Term("categories", c, boost=b) for c, b in categories.items()]
    summed: dict[str, float] = {}
    matching: dict[str, int] = {}
    ix = whoosh_index.open_dir(str(gen))
    with ix.searcher(weighting=BM25F(B=ranking.B, K1=ranking.K1)) as searcher:
        count = sum(1 for leaf in leaves if searcher.doc_frequency(leaf.fieldname, leaf.text))
        for leaf in leaves:
            for hit in searcher.search(leaf, limit=None):
                summed[hit["slug"]] = summed.get(hit["slug"], 0.0) + hit.score
                matching[hit["slug"]] = matching.get(hit["slug"], 0) + 1
    if count < 2:
        return summed
    scale = ranking.COORD_SCALE
    return {
        k: (v + (matching[k] - 1) / (count - scale) ** 2) * (count - 1) / count for k, v in summed.items()
    }


def built_then_updated(engine: Engine, tmp: Path, docs, changed, removed) -> Path:
    """`docs` built in tmp/gen-1, then updated with `changed` and `removed` into tmp/gen-2 (returned)."""
    one, two = tmp / "gen-1", tmp / "gen-2"
    one.mkdir()
    two.mkdir()
    engine.build(one, docs)
    engine.update(one, two, changed, removed)
    return two


@examples(30)
@given(docs=documents(min_size=2), changes=documents(max_size=6), query=queries, data=st.data())
def test_after_updates_with_deletions_the_ranker_still_gives_whooshs_scores(docs, changes, query, data):
    """Several segments, replaced and deleted documents (which Whoosh still counts in its
    statistics): the scores still agree."""
    words, categories = query
    terms = query_terms(words)
    removed = data.draw(st.lists(st.sampled_from([d.key for d in docs]), max_size=3, unique=True))
    changed = [c for c in changes if c.key not in removed]
    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        two = built_then_updated(engine, Path(tmp), docs, changed, removed)
        ours, theirs = (
            engine_scores(engine, two, terms, categories),
            whoosh_leaf_scores(two, terms, categories),
        )
        assert_same_scores(ours, theirs, leaves=2)


# --- the Whoosh behaviour the engine goes around ----------------------------------------------------


@examples(40)
@given(text=st.one_of(texts, st.text(max_size=80)))
def test_fast_text_indexes_exactly_what_whooshs_text_field_does(text):
    """The build indexes through `FastText.index` (index_words) instead of the analyzer chain."""
    ours = sorted(FastText(analyzer=analyzer(), phrase=False).index(text))
    theirs = sorted(TEXT(analyzer=analyzer(), phrase=False).index(text))
    assert ours == theirs


def test_porter_joins_mobile_and_mobility_and_the_index_keeps_them_apart():
    """Pins Porter's own behaviour (the reason for SEPARATE_STEMS), then checks that the index, the
    analyzer chain and the query side all give each family its own stem, and nothing else."""
    assert porter_stem("mobile") == porter_stem("mobility") == porter_stem("mobilities") == "mobil"
    assert porter_stem("memorial") == porter_stem("memory") == porter_stem("memories") == "memori"
    for family, words in SEPARATE_STEMS.items():
        for word in words:
            assert index_words(word) == [family]
            assert [t.text for t in analyzer()(word)] == [family]
            assert query_terms({word: 1.0}) == {family: 1.0, name_term(word): 1.0}
    assert index_words("mobile mobiles immobile") == ["mobil", "mobil", "immobil"]
    assert index_words("memory memories") == ["memori", "memori"]


@examples(25)
@given(docs=documents(max_size=40))
def test_the_build_writer_writes_what_whooshs_own_writer_writes(docs):
    """`BuildWriter` (lean posting pool, lengths read once per field) against Whoosh's writer:
    the same terms, postings, field lengths and stored documents."""
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp) / "ours", Path(tmp) / "theirs"
        ours.mkdir()
        theirs.mkdir()
        Engine().build(ours, docs)
        ix = whoosh_index.create_in(str(theirs), whoosh_index.open_dir(str(ours)).schema)
        with ix.writer() as writer:
            for doc in docs:
                writer.add_document(**whoosh_fields(doc))
        assert index_contents(ours) == index_contents(theirs)


def index_contents(gen: Path) -> dict:
    ix = whoosh_index.open_dir(str(gen))
    with ix.reader() as reader:
        n = reader.doc_count_all()
        terms = sorted(reader.all_terms())
        return {
            "postings": {t: list(reader.postings(*t).items_as("weight")) for t in terms},
            "lengths": {f: [reader.doc_field_length(d, f) for d in range(n)] for f in TEXT_FIELDS},
            "totals": {f: reader.field_length(f) for f in TEXT_FIELDS},
            "stored": [reader.stored_fields(d) for d in range(n)],
        }


@examples(25)
@given(docs=documents(min_size=2), data=st.data())
def test_the_ranker_reads_postings_and_lengths_as_whooshs_public_api_gives_them(docs, data):
    """`block_postings` and `column_lengths` read Whoosh's private block and column readers; they must
    give what the public (slow) API gives, or the fast path quietly reads something else."""
    removed = data.draw(st.lists(st.sampled_from([d.key for d in docs]), max_size=2, unique=True))
    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        ix = whoosh_index.open_dir(str(built_then_updated(engine, Path(tmp), docs, docs[:1], removed)))
        with ix.reader() as top:
            for reader, _ in top.leaf_readers():
                deleted = reader.deleted_docs_set if reader.has_deletions() else set()
                for field_name in TEXT_FIELDS:
                    assert ranking.column_lengths(reader, field_name) == ranking.public_lengths(
                        reader, field_name
                    )
                for field_name, btext in reader.all_terms():
                    ids, tfs = ranking.block_postings(reader, field_name, btext)
                    live = [(d, w) for d, w in zip(ids, tfs, strict=True) if d not in deleted]
                    pub_ids, pub_tfs = ranking.public_postings(reader, field_name, btext)
                    assert live == list(zip(pub_ids, pub_tfs, strict=True))
                    assert reader.doc_frequency(field_name, btext) == len(ids)  # deleted ones counted


def test_a_generation_is_whooshs_toc_and_seg_files_so_an_update_links_them_all(tmp_path):
    """`Engine.update` hard-links the `*.toc` and `*.seg` files of the old generation into the new
    one; Whoosh must keep nothing else there but its (empty) write lock, or the new generation would be
    missing it."""
    docs = [Document(f"d{i}", {"n": i}, {"title": f"food bank {i}"}, {"free": ["1"]}) for i in range(30)]
    engine = Engine()
    gens = [tmp_path / f"gen-{i}" for i in range(14)]
    gens[0].mkdir()
    engine.build(gens[0], docs)
    for i, (old, new) in enumerate(zip(gens, gens[1:], strict=False)):
        new.mkdir()
        # updates of one document until the segments are merged (MAX_SEGMENTS)
        engine.update(old, new, [Document(f"d{i}", {"n": -i}, {"title": "housing"}, {"free": ["0"]})], [])
    for gen in gens:
        files = [p for p in gen.iterdir() if not p.name.endswith("WRITELOCK")]
        assert {p.suffix for p in files} == {".toc", ".seg"}, sorted(p.name for p in gen.iterdir())
    first, last = engine.open(gens[0]), engine.open(gens[-1])
    assert len(first.docs) == len(last.docs) == 30
    assert first.docs[first.docnum["d3"]] == {"n": 3}  # the old generation is unchanged
    assert last.docs[last.docnum["d3"]] == {"n": -3}
    assert segment_count(gens[-1]) <= 10  # merged
    assert {last.docs[n]["n"] for n in last.docs_matching({"free": "0"})} == {-i for i in range(13)}
    assert len(last.rank({"hous": 1.0}).raw) == 13


def segment_count(gen: Path) -> int:
    with whoosh_index.open_dir(str(gen)).reader() as reader:
        return len(reader.leaf_readers())


class KeysFile:
    """An `Extra` of the simplest kind: the keys of a generation's documents, in a file beside it."""

    name = "keys"

    def build(self, gen, docs):
        (gen / "keys.json").write_text(json.dumps(sorted(k for k, _ in docs)))

    def update(self, old, new, changed, removed):
        keys = set(json.loads((old / "keys.json").read_text())) - set(removed)
        (new / "keys.json").write_text(json.dumps(sorted(keys | {k for k, _ in changed})))

    def open(self, gen):
        return json.loads((gen / "keys.json").read_text())


def test_an_extra_is_written_with_each_generation_and_read_when_one_is_opened(tmp_path):
    engine = Engine(extras=[KeysFile()])
    docs = [Document(f"d{i}", {"n": i}, {"body": "rent advice"}, {}) for i in range(5)]
    one, two = tmp_path / "gen-1", tmp_path / "gen-2"
    one.mkdir()
    two.mkdir()
    engine.build(one, docs)
    replaced = engine.update(
        one, two, [Document("d9", {"n": 9}, {}, {}), Document("d1", {"n": 10}, {}, {})], ["d2"]
    )
    assert replaced == {"d1": {"n": 1}, "d2": {"n": 2}}
    assert engine.open(one).extras["keys"] == ["d0", "d1", "d2", "d3", "d4"]
    assert engine.open(two).extras["keys"] == ["d0", "d1", "d3", "d4", "d9"]
    assert set(engine.open(two).docnum) == {"d0", "d1", "d3", "d4", "d9"}


def test_a_build_in_worker_processes_gives_the_same_generation_as_one_in_this_process(tmp_path):
    docs = [
        Document(f"d{i:03d}", {"n": i}, {"title": WORDS[i % 12], "body": " ".join(WORDS[: i % 7])}, {})
        for i in range(60)
    ]
    batches = [DocumentBatch(docs[i : i + 20]) for i in range(0, 60, 20)]
    one, split = tmp_path / "one", tmp_path / "split"
    one.mkdir()
    split.mkdir()
    engine = Engine()
    engine.build(one, docs)
    assert engine.build_batches(split, batches, workers=2) == [20, 20, 20]
    assert segment_count(split) == 3
    for word in WORDS[:6]:
        terms = query_terms({word: 1.0, "help": 0.5})
        assert engine_scores(engine, split, terms, {}) == pytest.approx(engine_scores(engine, one, terms, {}))


def test_a_documents_text_and_label_fields_are_the_schemas_fields():
    assert set(make_schema().names()) == set(TEXT_FIELDS) | set(LABEL_FIELDS) | {"slug", "data"}


# --- Whoosh stays behind the engine's door -------------------------------------------------------------


def whoosh_imports(node: ast.AST) -> bool:
    """Whether a syntax node imports Whoosh (`import whoosh...`, `from whoosh... import`, `__import__`)."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0:
        names = [node.module or ""]
    elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("__import__", "import_module"):
        names = [a.value for a in node.args[:1] if isinstance(a, ast.Constant)]
    return any(str(n).split(".")[0] == "whoosh" for n in names)


def test_nothing_outside_the_engine_imports_whoosh():
    offenders, seen = [], 0
    for package in ("search_index", "directory", "bot", "signpost", "bench", "scripts"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if (ROOT / "search_index" / "engine") in path.parents:
                continue
            seen += 1
            tree = ast.parse(path.read_text(encoding="utf-8"))
            offenders += [f"{path.relative_to(ROOT)}:{n.lineno}" for n in ast.walk(tree) if whoosh_imports(n)]
    assert not offenders, offenders
    assert seen > 30  # the walk did find the project's modules


def test_the_import_check_finds_each_form_of_import():
    for line in [
        "import whoosh",
        "import os, whoosh.index as wi",
        "from whoosh.query import Term",
        "__import__('whoosh')",
    ]:
        assert any(whoosh_imports(node) for node in ast.walk(ast.parse(line))), line
    assert not any(whoosh_imports(node) for node in ast.walk(ast.parse("from .engine import whoosh_fields")))


def test_kept_frequencies_are_the_same_numbers_in_less_room():
    """A segment keeps a term's frequencies in 2 bytes each when they are whole numbers (a word's
    are), and as doubles otherwise: the numbers, and so the scores, never change."""
    from search_index.engine.ranking import _frequencies

    for tfs, typecode in (
        ([1.0, 3.0, 9.0], "H"),
        ([1, 2, 65535], "H"),
        ([1.0, 2.5], "d"),
        ([1.0, 65536.0], "d"),
        ([1.0, -1.0], "d"),
        ([1.0, float("nan")], "d"),
        ([1.0, float("inf")], "d"),
        ([], "H"),
    ):
        kept = _frequencies(tfs)
        assert kept.typecode == typecode, tfs
        assert len(kept) == len(tfs) and all(a == b or a != a for a, b in zip(kept, tfs, strict=True)), tfs


@given(st.lists(st.integers(min_value=0, max_value=6), min_size=0, max_size=40), st.integers(1, 45))
def test_the_best_matches_are_found_by_score_then_document_order(scores, k):
    """`Matched.best` (numpy's partial sort) gives the first `k` of a full sort: best score first, ties
    by document order; `among` keeps only the allowed documents."""
    docs = np.arange(0, 3 * len(scores), 3)
    matched = ranking.Matched(docs, np.array(scores, dtype=float))
    full = sorted(zip(docs.tolist(), map(float, scores), strict=True), key=lambda x: (-x[1], x[0]))
    assert matched.best(k) == full[:k]
    allowed = frozenset(docs.tolist()[::2])
    assert [d for d, _ in matched.among(allowed).best(len(scores))] == [d for d, _ in full if d in allowed]
    assert all((d in matched) == (d % 3 == 0 and d < 3 * len(scores)) for d in range(-1, 3 * len(scores) + 2))


file_ops = st.lists(
    st.one_of(
        st.tuples(st.just("read"), st.integers(-1, 40)),
        st.tuples(st.just("readline"), st.integers(-1, 40)),
        st.tuples(st.just("readinto"), st.integers(0, 40)),
        st.tuples(st.just("seek"), st.integers(0, 80), st.sampled_from([0, 1, 2])),
        st.tuples(st.just("tell")),
    ),
    max_size=30,
)


@examples(300)
@given(st.binary(max_size=60).map(lambda b: b.replace(b"\x00", b"\n")), file_ops)
def test_a_segments_file_read_from_its_map_reads_as_a_copy_does(data, ops):
    """`whoosh_files.MapFile` (a view of the segment's map) answers every read in sequence as the
    `BytesIO` copy Whoosh made answers it."""
    from io import BytesIO

    from search_index.engine.whoosh_files import MapFile

    ours, theirs = MapFile(memoryview(data)), BytesIO(data)
    for op, *args in ops:
        if op == "seek":
            offset, whence = args
            offset = offset if whence == 0 else offset - 40  # back and forth from here or the end
            try:
                expected = theirs.seek(offset, whence)
            except ValueError:
                with pytest.raises(ValueError):
                    ours.seek(offset, whence)
                continue
            assert ours.seek(offset, whence) == expected
        elif op == "readinto":
            a, b = bytearray(args[0]), bytearray(args[0])
            assert ours.readinto(a) == theirs.readinto(b) and a == b
        else:
            assert getattr(ours, op)(*args) == getattr(theirs, op)(*args), (op, args)
        assert ours.tell() == theirs.tell()
    assert list(ours) == list(theirs)


def test_segments_are_read_from_their_maps_as_from_whooshs_copies(bundled_index_dir, monkeypatch):
    """Whoosh's compound storage opens a segment's files as `MapBufferFile`s (no copy of the terms and
    postings); every term, posting and stored document reads the same as through Whoosh's own copy."""
    from whoosh.filedb import compound, structfile

    from search_index.engine.whoosh_files import MapBufferFile, MapFile
    from search_index.index import current_generation

    gen = str(current_generation(bundled_index_dir))

    def everything() -> tuple[list, list, set]:
        ix = whoosh_index.open_dir(gen)
        kinds = set()
        with ix.reader() as reader:
            for leaf, _ in reader.leaf_readers():
                kinds.add(type(leaf._terms._dbfile.file))
            terms = []
            for field_name, text in reader.all_terms():
                postings = list(reader.postings(field_name, text).items_as("weight"))
                terms.append((field_name, text, postings, reader.doc_frequency(field_name, text)))
            stored = [fields for _, fields in reader.iter_docs()]
        ix.close()
        return terms, stored, kinds

    assert compound.BufferFile is MapBufferFile
    ours = everything()
    monkeypatch.setattr(compound, "BufferFile", structfile.BufferFile)
    theirs = everything()
    assert ours[2] == {MapFile} and theirs[2] != {MapFile}
    assert len(ours[0]) > 3_000 and len(ours[1]) > 50
    assert ours[:2] == theirs[:2]


def test_an_opened_generation_gives_back_the_pages_of_its_segments(bundled_index_dir):
    """Opening a generation reads every stored document (kept, decoded); then the pages of its segments'
    maps go back to the system, as `whoosh_files.give_back` does at any time: read again, the maps give
    the same scores. The maps are reached through Whoosh's reader (`whoosh_files.segment_maps`): one
    per segment, or this fails."""
    from search_index.engine import whoosh_files
    from search_index.index import ENGINE, current_generation

    gen = ENGINE.open(current_generation(bundled_index_dir))
    maps = whoosh_files.segment_maps(gen._reader)
    assert len(maps) == len(gen._reader.leaf_readers()) >= 1
    views = [np.frombuffer(m, dtype=np.uint8) for m in maps]
    assert [resident_kib(v) for v in views] == [0] * len(views)
    scores = gen.rank({"food": 1.0, "debt": 0.5}, {"food": 1.6})
    assert sum(int(v[::4096].sum()) for v in views) > 0  # every page read
    assert all(resident_kib(v) > 0 for v in views)
    whoosh_files.give_back(gen._reader)
    assert [resident_kib(v) for v in views] == [0] * len(views)
    assert gen.rank({"food": 1.0, "debt": 0.5}, {"food": 1.6}) == scores
    del views
