"""Search's scope reader: does a message ask for what a directory of community services offers at all?

Words and word vectors judge how well an entry meets the words of a message; they cannot tell that
"tablet repair shop" asks for a trade when a woodwork workshop that offers repairs matches "repair"
and "shop", nor that "kids swimming lessons" asks for a leisure centre when a football club for kids
matches "kids". A sentence encoder reads the whole message in context: this reader takes the
message's vector from the bundled one (`engine.sentence`, all-MiniLM-L6-v2) and scores it with a
logistic regression (384 weights and a bias, `search_scope.npz`, fitted by
`scripts/train_search_scope.py` on the odd search sets; the even ones are its honest measure).

Search asks it only about a message in English with a near or good match (`search.NEAR_GOOD`): a
good match to a message scored under `low` is not confident, and a near one, to the entry closest in
meaning, to a message scored from `high` up is ("cant afford leccy": "leccy" is electricity, which
the words do not read). It says whether a directory of community services offers such things, not
whether this one does, nor which entry: so a good match is kept when the entry's own text says, read
by the same encoder, what the message asks (`OWN_TEXT`): in a directory with a repair cafe for
tablets, the cafe still answers "tablet repair shop". Without its file, or without the encoder,
search judges on words and word vectors as before (one warning is logged).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL = Path(__file__).with_name("search_scope.npz")
DIMENSIONS = 384  # all-MiniLM-L6-v2's vectors
# A good match is kept whatever the reader says when the message is this close (cosine) to one of the
# entry's own title, summary, tags or questions: the entry says it offers what is asked
OWN_TEXT = 0.7


@dataclass(frozen=True)
class Reader:
    weights: np.ndarray  # (DIMENSIONS,) float32: a message's score is vector @ weights + bias
    bias: float
    low: float  # under this probability a good match is not confident
    high: float  # from this probability up a near match is


def probabilities(weights: np.ndarray, bias: float, vectors: np.ndarray) -> np.ndarray:
    """How likely each message (a row of unit sentence vectors) asks for what the directory offers."""
    z = np.asarray(vectors, dtype=np.float64) @ np.asarray(weights, dtype=np.float64) + bias
    return 1 / (1 + np.exp(-z))


@lru_cache(maxsize=1)
def load() -> Reader | None:
    """The reader from search_scope.npz; None (logged once) when it cannot be read."""
    try:
        with np.load(MODEL) as data:
            w = np.asarray(data["weights"], dtype=np.float32)
            if w.shape != (DIMENSIONS,) or not np.isfinite(w).all():
                raise ValueError(f"weights of shape {w.shape}, expected ({DIMENSIONS},) finite numbers")
            return Reader(w, float(data["bias"]), float(data["low"]), float(data["high"]))
    except Exception as exc:
        log.warning("search's scope reader is off (%s): good matches are judged on words alone", exc)
        return None


def read(text: str) -> tuple[float, np.ndarray] | None:
    """How likely `text` asks for what the directory offers, and its sentence vector; None without the
    reader or the encoder. Never raises."""
    reader = load()
    if reader is None:
        return None
    from .engine.sentence import encode

    vectors = encode([text])
    if vectors is None:
        return None
    return float(probabilities(reader.weights, reader.bias, vectors)[0]), vectors[0]


def probability(text: str) -> float | None:
    """How likely `text` asks for what the directory offers; None without the reader or the encoder."""
    got = read(text)
    return None if got is None else got[0]


def closest(vector: np.ndarray, texts: list[str]) -> float:
    """The highest cosine similarity of a message's sentence vector to any of `texts` (an entry's own
    title, summary, tags and questions); 0 when there are none or the encoder cannot read them."""
    from .engine.sentence import encode

    vectors = encode(texts) if texts else None
    return float((vectors @ vector).max()) if vectors is not None and len(vectors) else 0.0
