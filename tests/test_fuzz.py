"""Fuzzing the core with generated input: whatever a resident types or a volunteer saves, the core
answers (no exception escapes) and every problem points at a file and a line >= 1.

About 14,000 generated cases in all; the big runs are marked slow (they still run in CI).
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import CATEGORIES, make_content
from conftest import SEARCH_ENTRIES as ENTRIES
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search_index import Filters, SearchIndex, build_index, detect_crisis
from search_index.crisis import KINDS, TIERS
from search_index.engine.analysis import analyzer, index_words, plain_analyzer, plain_words
from search_index.entries import KNOWN_FIELDS, Entry, Problem, parse_entry
from search_index.lexicon import clean_text, fold, load_vocabulary, mutations, tokenize

CATEGORY_IDS = {"crisis", "food", "money", "mental-health", "domestic-abuse", "young-people", "language"}


def fuzz(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- what residents type -----------------------------------------------------------------------

WORDS = [
    "food",
    "bank",
    "foodbank",
    "skint",
    "debt",
    "bailiffs",
    "english",
    "lessons",
    "youth",
    "club",
    "where",
    "can",
    "i",
    "get",
    "help",
    "with",
    "my",
    "the",
    "please",
    "kill",
    "myself",
    "suicide",
    "sucidal",
    "overdose",
    "he",
    "hit",
    "me",
    "scared",
    "time",
    "phone",
    "died",
    "dying",
    "to",
    "learn",
    "bwyd",
    "dyled",
    "gwersi",
    "saesneg",
    "clwb",
    "ieuenctid",
    "fwyd",
    "nhai",
    "lladd",
    "fy",
    "hun",
    "marw",
    "dw",
    "eisiau",
    "ŵ",
    "ŷ",
    "café",
    "naïve",
    "can't",
    "don’t",
    "i'm",
    "99",
    "£5",
    "@food",
    "food~2",
    "AND",
    "OR",
    "NOT",
    "title:food",
    "*",
    "?",
    "(",
    ")",
    '"',
    "\\",
    "^^^",
    "\u202e",
    "\u200b",
    "\x00",
    "\n",
    "\r\n",
    "\t",
    "😀",
    "𝕗𝕠𝕠𝕕",
    "ﬁ",
    "ß",
    "İ",
    "ǅ",
    "0" * 40,
    "a" * 200,
    "x-y_z",
]
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
MESSAGES = st.one_of(
    ANY_TEXT,
    st.lists(st.one_of(st.sampled_from(WORDS), ANY_TEXT.map(lambda t: t[:12])), max_size=40).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(lambda w: "".join(w)),
)
FILTERS = st.builds(
    Filters,
    category=st.one_of(st.none(), st.sampled_from(sorted(CATEGORY_IDS)), st.text(max_size=10)),
    age=st.one_of(st.none(), st.integers(min_value=-10, max_value=10**6)),
    free=st.booleans(),
    language=st.one_of(st.none(), st.sampled_from(["en", "cy", "pl", "EN"]), st.text(max_size=5)),
    area=st.one_of(st.none(), st.sampled_from(["Caia Park", "caia  park", "Wrexham"]), st.text(max_size=15)),
)


@pytest.fixture(scope="module")
def idx(tmp_path_factory) -> SearchIndex:
    root = tmp_path_factory.mktemp("fuzz-index")
    content = make_content(root / "content", ENTRIES, CATEGORIES)
    build_index(content, root / "ix")
    return SearchIndex.open(root / "ix", content_dir=content)


def check_results(idx: SearchIndex, text, res, limit: int) -> None:
    assert res.query == (text[:500] if isinstance(text, str) else "")
    assert isinstance(res.hits, tuple) and len(res.hits) <= max(limit, 0)
    slugs = [h.slug for h in res.hits]
    assert len(slugs) == len(set(slugs)), slugs
    for h in res.hits:
        assert idx.get(h.slug) is h.entry, "every hit comes from the index that answered"
        assert h.entry.status != "closed"
        assert isinstance(h.score, float) and math.isfinite(h.score)
        assert all(isinstance(w, str) and w for w in h.matched)
        assert h.why("en") and h.why("cy")
    if res.is_crisis:
        assert res.crisis.kind in KINDS and res.crisis.tier in TIERS
        if res.crisis.tier == "concern":  # a softer signal: the helplines go beside the results
            assert not any(h.crisis_line for h in res.hits)
        else:
            assert limit == 0 or (res.hits and res.hits[0].crisis_line), "crisis lines first"
    crisis_lines = [h.crisis_line for h in res.hits]
    assert crisis_lines == sorted(crisis_lines, reverse=True), "crisis lines come before the rest"
    assert res.suggestion is None or isinstance(res.suggestion, str)


@pytest.mark.slow
@fuzz(2500)
@given(text=MESSAGES, lang=st.sampled_from(["en", "cy"]))
@example(text="", lang="en")
@example(text="I want to kill myself " * 100, lang="cy")
def test_search_answers_any_message(idx, text, lang):
    res = idx.search(text, lang=lang)
    check_results(idx, text, res, 10)


@fuzz(600)
@given(text=MESSAGES, filters=FILTERS, limit=st.integers(min_value=0, max_value=60))
def test_search_answers_any_message_with_any_filters(idx, text, filters, limit):
    res = idx.search(text, filters=filters, limit=limit)
    check_results(idx, text, res, limit)
    if filters.category and not res.is_crisis:
        assert all(filters.category in h.entry.categories for h in res.hits)


def test_the_filter_lists_are_those_of_the_visible_entries(idx):
    visible = idx.visible()
    assert idx.areas() == sorted({e.area for e in visible if e.area})
    assert idx.languages() == sorted({c for e in visible for c in e.languages})
    idx.areas().append("changed by a caller")
    assert "changed by a caller" not in idx.areas()


def test_search_answers_what_is_not_text(idx):
    for value in (None, 42, b"food bank", ["food"]):
        res = idx.search(value)
        assert res.hits == () or all(h.crisis_line for h in res.hits)


@pytest.mark.slow
@fuzz(2500)
@given(text=st.one_of(MESSAGES, st.text(max_size=3000)))
@example(text="su" + "i" * 5000 + "cide")
@example(text="kill " * 2000 + "myself")
def test_crisis_detection_reads_any_message(text):
    signal = detect_crisis(text)
    assert signal is None or (signal.kind in KINDS and isinstance(signal.phrase, str) and signal.categories)


VOCABULARY = load_vocabulary()


@pytest.mark.slow
@fuzz(2000)
@given(text=MESSAGES, limit=st.integers(min_value=0, max_value=3000))
def test_the_vocabulary_reads_any_message(text, limit):
    cleaned = clean_text(text, limit=limit)
    assert len(cleaned) <= limit and "\n" not in cleaned and "\x00" not in cleaned
    assert isinstance(fold(text), str)
    words = tokenize(text)
    assert all(w and "'" not in w and "’" not in w for w in words)
    assert tokenize(" ".join(words)) == words, "tokens read again are the same tokens"
    u = VOCABULARY.understand(words)
    assert all(isinstance(w, str) for w in u.words)
    assert all(0 < v <= 1 for v in u.added.values())
    for w in words[:5]:
        assert w in mutations(w)


# --- the index's own word splitting (it replaces Whoosh's analyzer chain when indexing) --------

TEXT_WITH_APOSTROPHES = st.lists(
    st.one_of(st.sampled_from(["'", "’", "can't", "O'Neil", "Tŷ", "CAFÉ", "İ", "ﬁsh", "_", "a'"]), ANY_TEXT),
    max_size=12,
).map(" ".join)


@pytest.mark.slow
@fuzz(1500)
@given(text=st.one_of(ANY_TEXT, TEXT_WITH_APOSTROPHES, st.sampled_from([e for e in ENTRIES.values()])))
def test_index_words_are_exactly_what_the_analyzer_makes(text):
    assert index_words(text) == [t.text for t in analyzer()(text)]
    assert plain_words(text) == {t.text for t in plain_analyzer()(text) if t.text.isalpha()}


# --- what volunteers save -------------------------------------------------------------------------

FIELD_KEYS = st.one_of(st.sampled_from(KNOWN_FIELDS), st.text(min_size=1, max_size=20))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
    st.dates(),
    st.datetimes(),
    st.sampled_from(
        ["food", "money", "crisis", "nope", "2025-04-11", "9:30", "no", "yes", "~", "8-18", "60+"]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
YAML_PIECES = st.sampled_from(
    [
        "title: Food bank",
        "summary: Free food.",
        "categories: [food, money]",
        "categories: food",
        "tags: [a, b",
        'title: "unclosed',
        "title: 'it''s'",
        "hours: 9:30",
        "languages: [no, en]",
        "verified: 2025-13-45",
        "verified: 2025-04-11",
        "ages: 8-18",
        "ages: teenagers",
        "status: open",
        "email: x@",
        "website: ftp://x",
        "phone: call us",
        "questions:",
        "  - Where?",
        "  - [nested]",
        "- item",
        "? complex",
        ": value",
        "&a x",
        "*a",
        "!!python/object:os.system",
        "<<: *a",
        "---",
        "...",
        "#comment",
        "\ttitle: tab",
        "title:",
        ":",
        "title: a: b",
        "key with spaces: v",
        "title: |",
        "  block",
        "title: >",
        "%YAML 1.1",
        "😀: 😀",
        "\ufeff",
    ]
)
YAMLISH = st.lists(st.one_of(YAML_PIECES, st.text(max_size=40)), max_size=25).map("\n".join)


def _dump(data: dict) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError, OverflowError):
        return "title: x\n"


def entry_files():
    """Whole files: front matter (well formed or not) and a body, or nothing like one."""
    front = st.one_of(YAMLISH, st.dictionaries(FIELD_KEYS, VALUES, max_size=12).map(_dump))
    opening = st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", "--- \n", "", "---"])
    closing = st.sampled_from(["\n---\n", "\n...\n", "\n---", "", "\n--- x\n"])
    return st.tuples(opening, front, closing, ANY_TEXT).map("".join)


class EntryFiles:
    """One scratch folder for generated files (hypothesis runs many examples per test)."""

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="signpost-fuzz-")
        self.root = Path(self._dir.name)

    def write(self, name: str, data: bytes) -> Path:
        path = self.root / name
        path.write_bytes(data)
        return path

    def close(self):
        self._dir.cleanup()


@pytest.fixture(scope="module")
def scratch():
    files = EntryFiles()
    yield files
    files.close()


def check_entry(path: Path, data: bytes) -> None:
    entry, problems = parse_entry(path, CATEGORY_IDS, shown="content/services/" + path.name)
    n_lines = data.count(b"\n") + 1
    assert isinstance(problems, list)
    for p in problems:
        assert isinstance(p, Problem)
        assert isinstance(p.line, int) and 1 <= p.line <= n_lines + 1, (p, n_lines)
        assert p.severity in ("error", "warning")
        assert isinstance(p.message, str) and p.message.strip()
        assert p.path == "content/services/" + path.name
        assert str(p).startswith(f"{p.path}:{p.line}: ")
    errors = [p for p in problems if p.severity == "error"]
    if entry is None:
        assert errors, "a file that is not loaded says why"
    else:
        assert isinstance(entry, Entry) and not errors
        assert entry.title and entry.summary and entry.categories
        assert set(entry.categories) <= CATEGORY_IDS
        assert entry.status in ("active", "temporarily-closed", "closed")
        assert entry.verified is None or isinstance(entry.verified, dt.date)
        Entry.from_dict(entry.to_dict())


@pytest.mark.slow
@fuzz(2500)
@given(text=entry_files())
@example(text="---\ntitle: Food\nsummary: Free food.\ncategories: [food]\n---\nBody\n")
@example(text="---\n" + "a:\n  " * 50 + "b\n---\n")
@example(text="---\ntitle: " + "[" * 200 + "\n---\n")
def test_any_entry_file_gives_an_entry_or_problems_with_lines(scratch, text):
    data = text.encode("utf-8")
    check_entry(scratch.write("entry.md", data), data)


@fuzz(1000)
@given(
    data=st.one_of(st.binary(max_size=3000), st.binary(max_size=500).map(lambda b: b"---\n" + b + b"\n---\n"))
)
@example(data=b"\xff\xfe---\n")
@example(data=b"---\ntitle: caf\xe9\n---\n")
def test_any_bytes_give_problems_not_exceptions(scratch, data):
    check_entry(scratch.write("entry.md", data), data)


@fuzz(300)
@given(
    name=st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1, max_size=60
    )
)
def test_any_file_name_gives_problems_not_exceptions(scratch, name):
    try:
        path = scratch.write(name + ".md", b"---\ntitle: X\nsummary: Y\ncategories: [food]\n---\n")
    except OSError:  # a name this file system refuses
        return
    check_entry(path, path.read_bytes())


def test_very_deep_nesting_is_a_problem_not_an_exception(scratch):
    data = ("---\ntitle: " + "[" * 5000 + "\n---\n").encode()
    check_entry(scratch.write("entry.md", data), data)


def test_a_build_survives_a_file_nested_too_deeply(tmp_path):
    content = make_content(tmp_path / "content", ENTRIES, CATEGORIES)
    (content / "services" / "deep.md").write_text("---\ntitle: " + "[" * 5000 + "\n---\n", encoding="utf-8")
    report = build_index(content, tmp_path / "ix")
    assert "deep" not in report.added and "food-bank" in report.added
    assert any(p.path.endswith("deep.md") and p.line == 2 and p.severity == "error" for p in report.problems)
    assert SearchIndex.open(tmp_path / "ix").search("food bank").hits
