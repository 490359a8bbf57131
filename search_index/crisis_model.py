"""A learned second reader for crisis detection.

The rules of `crisis.py` read what their writers thought of; on messages written by people who had
not read them (held-out sets 12-14) they caught 55-79% on the first run. This reader learns from
labelled messages instead: a logistic regression over

- the words of each clause, by stem, and each pair of neighbouring stems ("took", "took all"),
- the letters of each word, three at a time ("<ta", "tab", "abl", ... of "tablets"), so that a
  misspelt or unseen form of a word shares most of its features with the forms it was fitted on
  ("tablest", "paracetemol"), and
- the concepts the rules tag in a clause, and each pair of them ("substance", "take&substance"),

hashed (CRC-32) into `DIMENSIONS` features, each 0 or 1. `scripts/train_crisis_model.py` fits it
on the held-out sets (never the blind one being written), the development table and the safety
reviews' probes; the weights ship in `crisis_model.npz` (about 110 KB). The letter triples were chosen
over the bundled word vectors as dense features (see the script): left out by set, they carried the
reader alone further (80% -> 83% of risk at 2.5% of harmless) than the vectors did (81%), with the
rules a few messages apart, and they need nothing but the words.

It has two jobs, and neither silences the rules:

- when the rules find nothing, it raises a concern (the helplines beside the results and "Are you
  safe right now?") for a message it reads as likely a risk (`threshold`), never an alarm on its own;
- when the rules raise a crisis (not an urgent one) in a message it is sure is harmless (`soften`),
  that crisis becomes a concern: "we got hammered 6-0, any coaching for under 10s?" keeps the
  helplines beside its results instead of above them.

Without its file, or with a damaged one, the rules work alone (one warning is logged).
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL = Path(__file__).with_name("crisis_model.npz")
DIMENSIONS = 2**15


def feature_ids(clauses: Iterable[Sequence[tuple[str, Iterable[str]]]], stem) -> list[int]:
    """The features of a message: `clauses` are lists of (word, concept tags) as the rules read them."""
    ids: set[int] = set()

    def add(name: str) -> None:
        ids.add(zlib.crc32(name.encode("utf-8")) % DIMENSIONS)

    for clause in clauses:
        stems = [stem(word) for word, _ in clause]
        for k, s in enumerate(stems):
            add("w:" + s)
            marked = "<" + clause[k][0] + ">"
            for i in range(len(marked) - 2):
                add("c:" + marked[i : i + 3])
            if k + 1 < len(stems):
                add("b:" + s + " " + stems[k + 1])
        tags = sorted({tag for _, tagged in clause for tag in tagged})
        for i, a in enumerate(tags):
            add("t:" + a)
            for b in tags[i + 1 :]:
                add("p:" + a + "&" + b)
    return sorted(ids)


def fit(rows: list[list[int]], labels: Sequence[int], *, l2: float, rounds: int, rate: float):
    """Weights and bias of a logistic regression on 0/1 features given as the ids set in each row;
    risk and harmless rows weigh the same in total. Gradient descent from zero: the same rows give
    the same weights."""
    y = np.asarray(labels, dtype=np.float64)
    ids = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    counts = np.array([len(r) for r in rows])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    share = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean())) / len(y)
    w = np.zeros(DIMENSIONS)
    b = 0.0
    for _ in range(rounds):
        z = np.add.reduceat(w[ids], starts) + b
        g = (1 / (1 + np.exp(-z)) - y) * share
        w -= rate * (np.bincount(ids, weights=np.repeat(g, counts), minlength=DIMENSIONS) + l2 * w)
        b -= rate * g.sum()
    return w.astype(np.float32), float(b)


@lru_cache(maxsize=1)
def load() -> tuple[np.ndarray, float, float, float] | None:
    """(weights, bias, threshold, soften) from crisis_model.npz; None (logged once) when it cannot be
    read. A file without `soften` softens nothing."""
    try:
        with np.load(MODEL) as data:
            w = np.asarray(data["weights"], dtype=np.float32)
            if w.shape != (DIMENSIONS,):
                raise ValueError(f"weights of shape {w.shape}, expected ({DIMENSIONS},)")
            soften = float(data["soften"]) if "soften" in data.files else 0.0
            return w, float(data["bias"]), float(data["threshold"]), soften
    except Exception as exc:
        log.warning("crisis detection's learned reader is off (%s): the rules work alone", exc)
        return None


def probability(ids: list[int]) -> float | None:
    """How likely the message is a risk, from its feature ids; None without the model."""
    model = load()
    if model is None:
        return None
    w, b = model[0], model[1]
    return float(1 / (1 + np.exp(-(w[ids].sum() + b))))


def threshold() -> float | None:
    """The probability from which a message the rules pass is a concern."""
    model = load()
    return None if model is None else model[2]


def soften() -> float:
    """The probability under which a crisis the rules raise is only a concern (0 without the model)."""
    model = load()
    return 0.0 if model is None else model[3]
