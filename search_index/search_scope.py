"""Search's scope reader: does a message ask for what a directory of community services offers at all?

Words judge how well an entry meets the words of a message; they cannot tell that "tablet repair shop"
asks for a trade when a woodwork workshop that offers repairs matches "repair" and "shop", nor that
"kids swimming lessons" asks for a leisure centre when a football club for kids matches "kids". This
reader scores the whole message's meaning, the vector search already makes of it (the meaning layer's
query vector, `engine.meaning`: its words' WordLlama vectors weighted by how much each says), with a
logistic regression (a weight per dimension and a bias, `search_scope.npz`, fitted by
`scripts/train_search_scope.py` on the odd search sets; the even ones are its honest measure). It
costs a dot product a search: nothing is encoded for it.

Search asks it only about a message in English or Welsh (a Welsh one's vector is made of the English
meanings the vocabulary gives its words; or one read through its dictionary into English senses:
Polish, Portuguese, Arabic) with a near or good match (`search.NEAR_GOOD`): a good match to a
message scored under `low` is not confident, and a near one, to the entry closest in meaning, to a
message scored from `high` up is ("cant afford leccy": "leccy" is electricity, which
the words do not read). It says whether a directory of community services offers such things, not
whether this one does, nor which entry: so a good match is kept when the entry itself is close in
meaning to the message (`OWN_TEXT`, the cosine search has already computed for it): in a directory
with a repair cafe for tablets, the cafe still answers "tablet repair shop". Without its file, or
with the meaning layer off, search judges on words and word vectors as before (one warning is logged).

A second opinion, read in context: a bag of word vectors cannot tell "adult swimming lessons" (a leisure
class) from the English classes for adults, nor "register my baby's birth" (the registry office) from
health visiting for babies. When the reader above is unsure, a good match to a message it scores from `low` to
`SECOND_UNDER` or a near one to a message it scores from `low` to `high`, the message is encoded by the
bundled sentence encoder (`engine.sentence`, all-MiniLM-L6-v2, the one crisis detection reads by) and
judged against the first result's own text: the entry's sentence closest in meaning to the message
(chosen by the meaning layer's word vectors, cheaply: `search._own_sentences`) is encoded too (kept for
the next message that reaches it) and the second reader (`search_scope_sentence.npz`, a logistic
regression fitted by `scripts/train_search_scope.py --sentence` on every search set, its thresholds from
sets left out) reads the message's vector beside its product with that sentence's (`second_features`):
what the message says that this entry's own words say too, not only whether a directory would offer
such a thing. The good match stands from its `low` up, the near one is good from its `high` up. A
message either reader is sure of costs nothing more. Without the second file or the encoder, the first
reader judges alone as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .crisis_sentence import read_weights

log = logging.getLogger(__name__)

MODEL = Path(__file__).with_name("search_scope.npz")
DIMENSIONS = 256  # the meaning layer's vectors (wordllama-l2_supercat_256)
SECOND_MODEL = Path(__file__).with_name("search_scope_sentence.npz")
ENCODED = 384  # the sentence encoder's vectors (all-MiniLM-L6-v2)
SECOND_DIMENSIONS = 2 * ENCODED  # the message's vector, and its product with the entry sentence's
# the product's scale: of two unit vectors, its numbers are about 1/384 (the message's about 1/20)
PRODUCT_SCALE = 8.0
# A good match is kept whatever the reader says when the message is this close (cosine, the meaning
# layer's) to the entry: the entry says it offers what is asked
OWN_TEXT = 0.7
# A good match to a message the reader scores from this up stands without the second opinion (from its
# `low` up it stood before; asking about those from here to `high` as well answers 3 unanswerable
# messages more of 779 on the sets left out, makes 8 right answers of 2,871 less confident, and encodes
# twice as many messages)
SECOND_UNDER = 0.7
# A message longer than this (characters) is not asked about: it would be more tokens than the encoder
# multiplies by NumPy's own loops (`engine.sentence.EINSUM_UPTO`, 64), and the BLAS library's matrix
# product took up to a second and more for one message on the shared two-core machine. (No English
# message of the search sets is longer: the longest, of 180-200 characters, are 63 tokens at most.)
SECOND_UPTO = 200


@dataclass(frozen=True)
class Reader:
    weights: np.ndarray  # (DIMENSIONS,) float32: a message's score is vector @ weights + bias
    bias: float
    low: float  # under this probability a good match is not confident
    high: float  # from this probability up a near match is


def probabilities(weights: np.ndarray, bias: float, vectors: np.ndarray) -> np.ndarray:
    """How likely each message (a row of unit query vectors) asks for what the directory offers."""
    z = np.einsum("ij,j->i", np.asarray(vectors, dtype=np.float64), np.asarray(weights, dtype=np.float64))
    return 1 / (1 + np.exp(-(z + bias)))


@lru_cache(maxsize=1)
def load() -> Reader | None:
    """The reader from search_scope.npz; None (logged once) when it cannot be read."""
    return _read_reader(
        MODEL, DIMENSIONS, "search's scope reader is off (%s): good matches are judged on words alone"
    )


@lru_cache(maxsize=1)
def load_second() -> Reader | None:
    """The second opinion's reader from search_scope_sentence.npz; None (logged once) when it cannot be
    read."""
    return _read_reader(
        SECOND_MODEL, SECOND_DIMENSIONS, "search's second scope reader is off (%s): the first judges alone"
    )


def _read_reader(model: Path, dimensions: int, off: str) -> Reader | None:
    """A reader's weights, bias and thresholds from `model`; None, with `off` logged, when it cannot be read."""
    try:
        w, (bias, low, high) = read_weights(model, dimensions, "bias", "low", "high")
        return Reader(w, bias, low, high)
    except Exception as exc:
        log.warning(off, exc)
        return None


def probability(vector) -> float | None:
    """How likely a message asks for what the directory offers, from its query vector; None without
    the reader or the vector (the meaning layer off, or one of another size). Never raises."""
    reader = load()
    if reader is None or vector is None or np.shape(vector) != (DIMENSIONS,):
        return None
    return float(probabilities(reader.weights, reader.bias, np.asarray(vector)[None, :])[0])


def second_features(message: np.ndarray, sentence: np.ndarray | None) -> np.ndarray:
    """What the second reader reads (rows): the message's sentence vectors beside their products with
    the entry sentence's (none: zeros, the entry says nothing of it)."""
    message = np.atleast_2d(np.asarray(message, dtype=np.float32))
    if sentence is None:
        return np.hstack([message, np.zeros_like(message)])
    return np.hstack([message, message * np.asarray(sentence, dtype=np.float32) * PRODUCT_SCALE])


def second_opinion(text: str, sentence: str | None) -> tuple[float, Reader] | None:
    """How likely `text` asks for what the directory offers, read in context by the sentence encoder
    against `sentence`, the first result's own sentence closest to it, with the reader that scored it;
    None without that reader or the encoder, or for a text longer than SECOND_UPTO. Never raises."""
    reader = load_second()
    if reader is None or len(text) > SECOND_UPTO:
        return None
    from .engine.sentence import encode

    vectors = encode([text])
    if vectors is None or np.shape(vectors) != (1, ENCODED):
        return None
    entry = _encoded(sentence) if sentence else None
    return float(probabilities(reader.weights, reader.bias, second_features(vectors, entry))[0]), reader


@lru_cache(maxsize=1024)
def _encoded(sentence: str) -> np.ndarray | None:
    """An entry's sentence's vector (kept: the next message this entry answers reads it again; 1.5 KB
    each); None when the encoder cannot make it."""
    from .engine.sentence import encode

    vectors = encode([sentence[:SECOND_UPTO]])
    return vectors[0] if vectors is not None and np.shape(vectors) == (1, ENCODED) else None
