"""Crisis detection's learned reader (search_index/crisis_model.py): asked when the rules find nothing,
it raises a concern; sure that a message the rules flag is harmless, it softens their crisis to a concern
(never an urgent one, never to nothing); without its weights the rules work alone."""

import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from search_index import crisis, crisis_model
from search_index.crisis import detect_crisis

ROOT = Path(__file__).resolve().parent.parent

# Messages the rules pass and the learned reader catches, in words of our own (not from a held-out set)
BY_MODEL = [
    "i have been reading about how long it takes to fade away without food",
    "i've stopped eating and i hope it finishes me",
]
# Everyday look-alikes it leaves alone
NOT_BY_MODEL = [
    "where is the nearest food bank",
    "my boiler is broken and the landlord won't fix it",
    "i need help filling in a universal credit form",
    "is there a toddler group near caia park",
    "my grandad lives on his own and hardly anyone visits him",  # a worry for someone, no danger named
]


@pytest.fixture
def without_model(monkeypatch, tmp_path):
    crisis_model.load.cache_clear()
    monkeypatch.setattr(crisis_model, "MODEL", tmp_path / "missing.npz")
    yield
    crisis_model.load.cache_clear()


def test_the_shipped_weights_load():
    w, bias, threshold, soften = crisis_model.load()
    assert w.shape == (crisis_model.DIMENSIONS,) and np.isfinite(w).all()
    assert np.isfinite(bias) and 0.5 <= threshold < 1 and 0 < soften < 0.1


@pytest.mark.parametrize("text", BY_MODEL)
def test_the_reader_raises_a_concern_the_rules_miss(text, monkeypatch):
    s = detect_crisis(text)
    assert s is not None and s.tier == "concern", s
    monkeypatch.setattr(crisis, "_by_model", lambda *_: None)
    monkeypatch.setattr(crisis, "_by_sentence", lambda *_: None)
    assert detect_crisis(text) is None  # the rules alone pass it


@pytest.mark.parametrize("text", NOT_BY_MODEL)
def test_the_reader_leaves_everyday_messages_alone(text):
    assert detect_crisis(text) is None


# Crises the rules raise in everyday messages, in words of our own: the reader is sure they are harmless
SOFTENED = [
    "we got killed 6-0 on saturday, any football coaching for under 10s?",
    "my brother keeps killing me on fortnite, is there a gaming club",
]


@pytest.mark.parametrize("text", SOFTENED)
def test_the_reader_softens_a_crisis_it_is_sure_is_harmless(text, monkeypatch):
    s = detect_crisis(text)
    assert s is not None and s.tier == "concern", s
    monkeypatch.setattr(crisis, "_surely_harmless", lambda clauses: False)
    assert detect_crisis(text).tier == "crisis"  # the rules alone raise a crisis


@pytest.mark.parametrize(
    "text, tier",
    [("i took 30 paracetamol", "urgent"), ("he raped me", "crisis"), ("i want to kill myself", "crisis")],
)
def test_the_reader_never_softens_what_it_reads_as_a_risk(text, tier):
    assert detect_crisis(text).tier == tier


def test_the_reader_never_softens_an_urgent_signal(monkeypatch):
    monkeypatch.setattr(crisis, "_surely_harmless", lambda clauses: True)
    assert detect_crisis("someone is outside with a knife").tier == "urgent"
    assert detect_crisis("he raped me").tier == "concern"  # softened, never silenced


def test_without_the_weights_nothing_is_softened(without_model):
    assert detect_crisis(SOFTENED[0]).tier == "crisis"


def test_the_reader_never_overrules_the_rules():
    s = detect_crisis("i took 30 paracetamol")
    assert s is not None and s.tier == "urgent"


def test_without_the_weights_the_rules_work_alone(without_model, caplog):
    with caplog.at_level(logging.WARNING):
        assert crisis_model.probability(crisis.features(BY_MODEL[0])) is None
    assert "learned reader is off" in caplog.text
    assert detect_crisis("I want to kill myself").kind == "suicide"


def test_damaged_weights_leave_the_rules(monkeypatch, tmp_path):
    broken = tmp_path / "crisis_model.npz"
    broken.write_bytes(b"not a numpy file")
    crisis_model.load.cache_clear()
    monkeypatch.setattr(crisis_model, "MODEL", broken)
    try:
        assert crisis_model.probability([1, 2, 3]) is None
        assert detect_crisis("someone is outside with a knife").urgent
    finally:
        crisis_model.load.cache_clear()


def test_features_are_stable_across_processes():
    """Feature ids are CRC-32 hashes (Python's own hash() differs from run to run)."""
    text = "i have saved up my tablets"
    here = crisis.features(text)
    code = f"from search_index import crisis; print(crisis.features({text!r}))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert there.stdout.strip() == str(here)


def test_fitting_is_deterministic_and_learns():
    rows = [[1, 2], [1, 3], [4, 5], [4, 6]]
    labels = [1, 1, 0, 0]
    a = crisis_model.fit(rows, labels, l2=1e-3, rounds=200, rate=0.5)
    b = crisis_model.fit(rows, labels, l2=1e-3, rounds=200, rate=0.5)
    assert np.array_equal(a[0], b[0]) and a[1] == b[1]
    w, bias = a
    assert w[1] > 0 > w[4]


def test_a_misspelt_word_keeps_most_of_its_features():
    """The letters of each word, three at a time, are features: a typo the reader never saw shares
    most of them with the spelling it was fitted on."""

    def letters(word: str) -> set[int]:
        return set(crisis_model.feature_ids([[(word, [])]], lambda w: w)) - set(
            crisis_model.feature_ids([[("x", [])]], lambda w: w)
        )

    right, wrong = letters("paracetamol"), letters("paracetemol")
    assert len(right) >= 9 and len(right & wrong) >= 0.6 * len(right)
    assert not letters("paracetamol") & letters("bus")


def test_the_reader_needs_no_word_vectors(monkeypatch):
    """Without the bundled meaning model (missing or damaged), the reader reads exactly as before."""
    from search_index.engine import meaning

    before = crisis_model.probability(crisis.features(BY_MODEL[0]))
    monkeypatch.setattr(meaning.MeaningModel, "load", classmethod(lambda cls, folder=None: None))
    monkeypatch.setattr(meaning, "embed", lambda texts: None)
    monkeypatch.setattr(crisis, "_by_meaning", lambda clauses: None)
    assert crisis_model.probability(crisis.features(BY_MODEL[0])) == before
    s = detect_crisis(BY_MODEL[0])
    assert s is not None and s.tier == "concern", s
