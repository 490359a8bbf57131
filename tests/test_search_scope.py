"""Search's scope reader (search_index/search_scope.py): whether a message asks for what a directory of
community services offers at all, read from the query vector search already makes of the message. A
good word match to a message it finds out of scope is not confident; a near one, to the entry closest
in meaning, to a message it is sure of is; a crisis is never read by it (a Welsh message is, as the
vocabulary reads it in English); without its file or the meaning layer search judges as before;
nothing is encoded for a message it is sure of.
When it is unsure, its second opinion reads the message in context (the sentence encoder's vector)
against the first result's own sentence closest to it."""

import logging
import shutil
import textwrap
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from search_index import SearchIndex, build_index, search, search_scope
from search_index.engine import sentence

CONTENT = Path(__file__).resolve().parent.parent / "content"

# Written for this test (never a search set's message). Out of scope: trades; the woodwork workshop
# matches "repair" and "shop". (A leisure class, "kids swimming lessons" at the football club for kids,
# is beyond a reader of word vectors: "swimming" is a sport, "kids" children.)
OUT_OF_SCOPE = ["tablet repair shop", "watch repair shop"]
# In scope, in slang the words do not read ("leccy": electricity), short of a good match on words alone.
SURELY_IN_SCOPE = "cant afford leccy"


@pytest.fixture
def reader_off(monkeypatch):
    """Search as it judges without the reader."""
    monkeypatch.setattr(search_scope, "load", lambda: None)


@pytest.fixture
def reader_file(monkeypatch):
    """Point the reader at another weights file, read afresh."""

    def point(path):
        monkeypatch.setattr(search_scope, "MODEL", path)
        search_scope.load.cache_clear()

    yield point
    search_scope.load.cache_clear()


@pytest.fixture
def encodes(monkeypatch):
    """The texts the sentence encoder is asked to encode, in order."""
    seen: list[str] = []
    real = sentence.encode

    def counting(texts):
        seen.extend(texts)
        return real(texts)

    monkeypatch.setattr(sentence, "encode", counting)
    search_scope._encoded.cache_clear()  # no entry's sentence kept from an earlier search
    yield seen
    search_scope._encoded.cache_clear()


@pytest.fixture
def scored(monkeypatch):
    """The probabilities the reader gave, in order (a search asks it once at most)."""
    seen: list[float] = []
    real = search_scope.probability

    def recording(vector):
        p = real(vector)
        seen.append(p)
        return p

    monkeypatch.setattr(search_scope, "probability", recording)
    return seen


def probability_of(index, monkeypatch, message):
    """The reader's probability for `message`, from the first query vector search makes of it (the whole
    message's, which search reads it by), whether or not search asks the reader."""
    made = []
    real = index._meaning.vector

    def listen(weighted):
        made.append(real(weighted))
        return made[-1]

    with monkeypatch.context() as m:
        m.setattr(index._meaning, "vector", listen)
        index.search(message)
    return search_scope.probability(made[0])


def test_the_shipped_reader_loads():
    r = search_scope.load()
    assert r.weights.shape == (search_scope.DIMENSIONS,) and np.isfinite(r.weights).all()
    assert np.isfinite(r.bias) and 0 < r.low < 0.5 < r.high < 1


@pytest.mark.parametrize("message", OUT_OF_SCOPE)
def test_a_good_word_match_out_of_scope_is_not_confident(bundled, monkeypatch, scored, message):
    res = bundled.search(message)
    assert not res.confident and not any(h.good for h in res.hits), res.hits[:1]
    assert len(scored) == 1 and scored[0] < search_scope.load().low
    monkeypatch.setattr(search_scope, "load", lambda: None)
    assert bundled.search(message).confident  # the words alone found a good match


def test_a_near_match_surely_in_scope_is_confident(bundled, monkeypatch, scored):
    res = bundled.search(SURELY_IN_SCOPE)
    assert res.confident and res.hits[0].good and res.hits[0].slug == "wrexham-citizens-advice"
    assert len(scored) == 1 and scored[0] >= search_scope.load().high
    monkeypatch.setattr(search_scope, "load", lambda: None)
    assert not bundled.search(SURELY_IN_SCOPE).confident


def test_a_near_match_to_an_entry_not_the_closest_in_meaning_is_not_raised(bundled, monkeypatch):
    """Were the reader sure "pottery classes" asks for what the directory offers (classes are), the
    English classes that match "classes" are not what the message is closest to in meaning: no good
    match (the reader says the message is in scope, not that this entry meets it)."""
    sure = replace(search_scope.load(), high=0.0)  # every message surely in scope
    monkeypatch.setattr(search_scope, "load", lambda: sure)
    assert probability_of(bundled, monkeypatch, "pottery classes") >= sure.high
    assert not bundled.search("pottery classes").confident
    monkeypatch.setattr(search, "NEAR_GOOD", 1.0)  # every admissible match near: still not the closest
    assert not bundled.search("pottery classes").confident


# Another directory's service (written for this test), which offers what the reader finds out of scope
REPAIR_CAFE = """\
    ---
    title: Caia repair cafe
    summary: "Volunteers repair tablets, phones and laptops for free."
    categories: [community]
    tags: [tablet repairs, phone repairs, laptop repairs, repair shop]
    questions:
      - "Can someone fix my tablet?"
    area: Caia Park, Wrexham
    contact_via: caia-park-partnership-hub
    languages: [en]
    verified: 2026-11-30
    ---

    Bring a broken tablet, phone or laptop and a volunteer will try to repair it with you.
    """


def test_an_entry_whose_own_text_offers_it_keeps_its_good_match(tmp_path, monkeypatch):
    """The reader learned what this directory lacks; in another that offers it, the entry's own text
    says so and its good match stands."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "services" / "caia-repair-cafe.md").write_text(textwrap.dedent(REPAIR_CAFE), encoding="utf-8")
    build_index(content, tmp_path / "index")
    other = SearchIndex.open(tmp_path / "index", content_dir=content)
    message = OUT_OF_SCOPE[0]
    assert probability_of(other, monkeypatch, message) < search_scope.load().low
    res = other.search(message)
    assert res.confident and res.hits[0].slug == "caia-repair-cafe"
    monkeypatch.setattr(search_scope, "OWN_TEXT", 1.01)  # the entry's own text not heard
    assert not other.search(message).confident


def test_english_and_welsh_are_read_and_never_a_crisis(bundled, scored):
    assert bundled.search("I want to kill myself").crisis is not None
    assert scored == []
    bundled.search("tablet repair shop")
    assert len(scored) == 1
    assert bundled.search("help gyda dyled").confident  # Welsh: read in its English meaning
    assert len(scored) == 2


def test_nothing_is_encoded_for_a_message_it_is_sure_of(bundled, encodes, scored):
    for message in [*OUT_OF_SCOPE, SURELY_IN_SCOPE, "food bank"]:
        bundled.search(message)
    assert len(scored) == 4 and encodes == []


def test_a_message_with_no_match_is_never_read(bundled, scored):
    assert not bundled.search("wedding dress").confident
    assert scored == []


def test_without_its_weights_search_judges_as_before(bundled, reader_file, tmp_path, caplog):
    reader_file(tmp_path / "missing.npz")
    with caplog.at_level(logging.WARNING):
        assert bundled.search(OUT_OF_SCOPE[0]).confident
        assert not bundled.search(SURELY_IN_SCOPE).confident
    assert caplog.text.count("scope reader is off") == 1


def test_with_damaged_weights_search_judges_as_before(bundled, reader_file, tmp_path, caplog):
    bad = tmp_path / "bad.npz"
    np.savez(bad, weights=np.zeros(7, np.float32), bias=0.0, low=0.1, high=0.9)
    reader_file(bad)
    with caplog.at_level(logging.WARNING):
        assert bundled.search(OUT_OF_SCOPE[0]).confident
    assert "scope reader is off" in caplog.text


def test_without_the_meaning_layer_search_judges_as_before(bundled, monkeypatch, scored):
    monkeypatch.setattr(bundled._meaning, "vector", lambda weighted: None)
    assert bundled.search(OUT_OF_SCOPE[0]).confident
    assert not bundled.search(SURELY_IN_SCOPE).confident
    assert scored == [None, None]


# Written for this test (never a search set's message). Errands for a trade that a word of a service
# matches ("service" at a mental health service, "fix" at the woodwork workshop's repairs, "garden" at the
# gardening project), which the first reader is unsure of and the second, reading the message in
# context, finds out of scope.
READ_IN_CONTEXT_OUT = ["who can service my car", "who can fix my van", "someone to fix my garden fence"]
# Right answers the first reader is unsure of, which the second keeps.
READ_IN_CONTEXT_IN = ["support for carers", "help for carers"]
# Welsh, read through the vocabulary's English: a leisure class at the English classes for adults (the
# words match "i oedolion", for adults, and "gwersi", lessons), and needs the directory meets.
WELSH_OUT = ["gwersi piano i oedolion", "gwersi nofio i bobl hŷn"]
WELSH_IN = ["help gyda dyled", "grŵp i dadau", "dosbarth Saesneg i oedolion"]


@pytest.fixture
def second_off(monkeypatch):
    """Search as the first reader judges alone."""
    return lambda: monkeypatch.setattr(search_scope, "load_second", lambda: None)


def test_the_shipped_second_reader_loads():
    r = search_scope.load_second()
    assert r.weights.shape == (search_scope.SECOND_DIMENSIONS,) and np.isfinite(r.weights).all()
    assert np.isfinite(r.bias) and 0 < r.low < 0.5 < r.high < 1


@pytest.mark.parametrize("message", READ_IN_CONTEXT_OUT)
def test_an_unsure_good_match_read_in_context_as_out_of_scope_is_not_confident(
    bundled, encodes, scored, second_off, message
):
    res = bundled.search(message)
    assert not res.confident and not any(h.good for h in res.hits), res.hits[:1]
    reader = search_scope.load()
    assert len(scored) == 1 and reader.low <= scored[0] < search_scope.SECOND_UNDER  # the first unsure
    # the message encoded once, and the first result's own sentence closest to it
    assert encodes[0] == message and len(encodes) == 2
    assert encodes[1] in search._own_sentences(res.hits[0].entry)
    second_off()
    assert bundled.search(message).confident  # the first reader alone kept the good match


@pytest.mark.parametrize("message", READ_IN_CONTEXT_IN)
def test_an_unsure_good_match_read_in_context_as_in_scope_stays_confident(bundled, encodes, message):
    res = bundled.search(message)
    assert res.confident
    assert encodes == [message, encodes[1]] and encodes[1] in search._own_sentences(res.hits[0].entry)
    bundled.search(message)
    assert encodes[2:] == [message]  # the entry's sentence is kept for the next message


@pytest.mark.parametrize("message", WELSH_OUT)
def test_a_welsh_message_is_read_in_context_in_the_vocabularys_english(bundled, encodes, second_off, message):
    res = bundled.search(message)
    assert not res.confident
    assert "lessons" in encodes[0] and not set(encodes[0].split()) & set(message.split()[:1])  # "gwersi"
    second_off()
    assert bundled.search(message).confident  # the first reader alone kept the good match


@pytest.mark.parametrize("message", WELSH_IN)
def test_a_welsh_message_the_directory_meets_stays_confident(bundled, message):
    assert bundled.search(message).confident


def test_without_the_second_reader_or_the_encoder_the_first_judges_alone(
    bundled, monkeypatch, tmp_path, caplog
):
    message = READ_IN_CONTEXT_OUT[0]
    monkeypatch.setattr(sentence, "encode", lambda texts: None)  # the encoder off
    assert bundled.search(message).confident
    monkeypatch.undo()
    monkeypatch.setattr(search_scope, "SECOND_MODEL", tmp_path / "missing.npz")
    search_scope.load_second.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            assert bundled.search(message).confident
            assert bundled.search(READ_IN_CONTEXT_OUT[1]).confident
        assert caplog.text.count("second scope reader is off") == 1
    finally:
        monkeypatch.undo()
        search_scope.load_second.cache_clear()


@pytest.mark.parametrize(
    "message",
    [
        "who can service my car " * 10,  # English, longer than the encoder reads by its own loops
        "pwy all drwsio fy nghar " * 10,  # Welsh
    ],
)
def test_a_long_message_is_not_read_in_context(encodes, message):
    assert len(message) > search_scope.SECOND_UPTO
    assert search_scope.second_opinion(message, "Car repairs.") is None
    assert encodes == []
    assert search_scope.second_opinion(message[: search_scope.SECOND_UPTO], "Car repairs.") is not None


def test_an_entrys_own_sentences_and_the_one_closest_to_a_message(bundled):
    entry = bundled.get("cpp-dementia-day-care")
    parts = search._own_sentences(entry)
    assert parts[:2] == [entry.title, entry.summary] and all(q in parts for q in entry.questions)
    assert ", ".join(entry.tags) in parts  # the tags as one
    body = [s for s in parts if s in entry.body]
    assert len(body) >= 2 and all(s not in entry.body_cy for s in body)  # the description, in English
    assert all("\n" not in s and not s.startswith(" ") for s in parts)

    def closest(*words):
        return bundled._meaning.closest_text(bundled._meaning.vector(dict.fromkeys(words, 1.0)), parts)

    assert "GP or social worker about a referral" in closest("referral", "gp", "social", "worker")
    assert "nan and need a break" in closest("nan", "break")
    assert bundled._meaning.closest_text(None, parts) is None
    assert bundled._meaning.closest_text(bundled._meaning.vector({"nan": 1.0}), []) is None


# Written for this test: a message, a sentence of an entry that offers what it asks, and one of an entry
# that offers something else.
AGAINST = [
    (
        "support for carers",
        "A weekly day service for people living with dementia, giving their carers a break.",
        "Football training for children aged 5 to 11.",
    ),
    (
        "help paying my gas bill",
        "Free, confidential advice on debt, benefits and energy bills.",
        "A weekly woodwork session in the community shed.",
    ),
    (
        "where can my toddler play with other kids",
        "Stay and play sessions for parents and children under four.",
        "Advice on claiming Universal Credit.",
    ),
]


@pytest.mark.parametrize("message, same, other", AGAINST)
def test_the_second_reader_reads_the_message_against_the_entrys_own_sentence(message, same, other):
    """Read against an entry's sentence that offers what it asks, a message is surely more in scope than
    against one that offers something else: the reader judges whether this entry meets it, not only
    whether a directory would."""
    assert (
        search_scope.second_opinion(message, same)[0] > search_scope.second_opinion(message, other)[0] + 0.2
    )
