"""A third reader for crisis detection: the whole message read in context by a sentence encoder.

The rules read the concepts their writers listed; the learned reader (`crisis_model`) reads words and
pairs of neighbouring words. Both miss a risk said in words they have not met in that order ("i dont
see myself making it to christmas"). This reader takes the message's vector from the bundled sentence
encoder (`engine.sentence`, all-MiniLM-L6-v2) and scores it with a logistic regression (384 weights
and a bias, `crisis_sentence.npz`, fitted by `scripts/train_crisis_sentence.py` on held-out sets 1-44
and 46, never on set 45, the honest measure of the twelfth round).

It is asked only where the rules, the meaning reader and the learned reader found nothing, and only
when the learned reader already gives the message at least `gate` (so a plain everyday message is
never encoded: about 4 ms saved on most messages). Then it raises a concern, never a crisis or an
urgent alarm, and it never silences anything. Without its file, or without the encoder, crisis
detection works as before (one warning is logged).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL = Path(__file__).with_name("crisis_sentence.npz")
DIMENSIONS = 384  # all-MiniLM-L6-v2's vectors
SCALE = 8.0  # vectors are of length 1: scaled so that plain gradient descent fits in a few hundred rounds


@dataclass(frozen=True)
class Reader:
    weights: np.ndarray  # (DIMENSIONS,) float32
    bias: float
    threshold: float  # the probability from which a message is a concern
    gate: float  # the learned reader's probability from which this reader is asked


def fit(
    x: np.ndarray, labels, *, l2: float, rounds: int, rate: float, weights=None
) -> tuple[np.ndarray, float]:
    """Weights and bias of a logistic regression on sentence vectors (rows of `x`), each row counting
    as `weights` says (1 each by default); risk and harmless rows weigh the same in total. Gradient
    descent from zero: the same rows give the same weights."""
    xs = np.asarray(x, dtype=np.float64) * SCALE
    y = np.asarray(labels, dtype=np.float64)
    count = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=np.float64)
    share = np.where(y == 1, 0.5 / count[y == 1].sum(), 0.5 / count[y == 0].sum()) * count
    w = np.zeros(xs.shape[1])
    b = 0.0
    for _ in range(rounds):
        g = (1 / (1 + np.exp(-(xs @ w + b))) - y) * share
        w -= rate * (xs.T @ g + l2 * w)
        b -= rate * g.sum()
    return w.astype(np.float32), float(b)


def probabilities(reader_weights: np.ndarray, bias: float, vectors: np.ndarray) -> np.ndarray:
    """How likely each message (a row of unit sentence vectors) is a risk."""
    z = np.asarray(vectors, dtype=np.float64) @ (np.asarray(reader_weights, dtype=np.float64) * SCALE) + bias
    return 1 / (1 + np.exp(-z))


def read_weights(model: Path, dimensions: int, *numbers: str) -> tuple[np.ndarray, list[float]]:
    """A logistic reader's weights (float32) and its named numbers from its .npz file (here and in
    `search_scope`); raises when the file cannot be read or the weights are not `dimensions` finite
    numbers."""
    with np.load(model) as data:
        w = np.asarray(data["weights"], dtype=np.float32)
        if w.shape != (dimensions,) or not np.isfinite(w).all():
            raise ValueError(f"weights of shape {w.shape}, expected ({dimensions},) finite numbers")
        return w, [float(data[name]) for name in numbers]


@lru_cache(maxsize=1)
def load() -> Reader | None:
    """The reader from crisis_sentence.npz; None (logged once) when it cannot be read."""
    try:
        w, (bias, threshold, gate) = read_weights(MODEL, DIMENSIONS, "bias", "threshold", "gate")
        return Reader(w, bias, threshold, gate)
    except Exception as exc:
        log.warning(
            "crisis detection's sentence reader is off (%s): the rules and other readers work alone", exc
        )
        return None


def probability(text: str) -> float | None:
    """How likely `text` is a risk, read by the sentence encoder; None without the reader or the
    encoder. Never raises."""
    reader = load()
    if reader is None:
        return None
    from .engine.sentence import encode

    vectors = encode([text])
    if vectors is None:
        return None
    return float(probabilities(reader.weights, reader.bias, vectors)[0])
