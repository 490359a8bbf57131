"""Fit search's scope reader and write search_index/search_scope.npz (or, --sentence, its second opinion).

    python scripts/train_search_scope.py            # measure by sets left out, fit, write
    python scripts/train_search_scope.py --check    # measure only, write nothing
    python scripts/train_search_scope.py --sentence [--check]   # the second opinion (see below)

The scope reader says how likely a message asks for what a directory of community services offers at
all (not a leisure centre, a trade or a council office), read from the query vector search makes of
the whole message (the meaning layer's, `engine.meaning`). It learns from the search sets' lay words
and messages (each has a right answer in the directory: 1) and their unanswerable messages (0), those
whose own words lean English (search asks it about no other message): the odd sets only,
tests/meaning_dev.yml, meaning_heldout.yml (set 1) and meaning_heldout_3.yml ... _13.yml. The even
sets (2-12) are never read here: they stay the honest measure of what the reader changes
(tests/meaning_eval.py). Each message's vector is the one search makes of it, by searching the
bundled directory (about ten seconds).

Each odd set's messages are scored by a reader fitted on the other odd sets; the two thresholds come
from those left-out scores:
- `low`: a good match to a message scored under it is not confident: at most MAX_DOUBTED of the
  left-out answerable messages score under it;
- `high`: a near match (`search.NEAR_GOOD`) to a message scored from it up is confident: at most
  MAX_TRUSTED of the left-out unanswerable messages reach it.

Figures of this fitting (2026-11-30, the shipped file; 1,112 answerable and 339 unanswerable
messages): low 0.066 (12 answerable and 150 unanswerable left-out messages under it), high 0.911
(714 and 17 from it up). With it, by tests/meaning_eval.py on the even sets (never read here): of
unanswerable messages, "no good match" 236 -> 241 of 264; right answers confident 854 -> 862 of 974;
lay words and messages found as before (527 of 579, 447 of 464). On the odd sets: 340 -> 347 of 365
and 1,131 -> 1,153 of 1,291. (The reader on the sentence encoder's vector, which this one replaces
because it tripled the time of a search: 250 and 877 on the even sets.)

`--sentence` fits the second opinion (search_index/search_scope_sentence.npz), which search asks only
when the reader above is unsure: the same logistic regression on the sentence encoder's vector of the
message (`engine.sentence`) beside its product with the vector of the first result's own sentence
closest to the message (`search_scope.second_features`), learned from the messages search asks the
scope reader about (English, a near or good match, no crisis) in every search set, dev and held-out
1-17 (SECOND_SETS), with its thresholds by the same recipe from each set's messages scored by a reader
fitted without that set. Figures of this fitting (2026-12-01): see docs/benchmarks.md, "The
seventeenth round's search".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search_index import crisis_sentence, search_scope  # noqa: E402
from search_index.language import welsh_or_english  # noqa: E402

# the sets learned from: the odd ones (the development set counts as set 0)
SETS = [(0, "meaning_dev.yml"), (1, "meaning_heldout.yml")] + [
    (n, f"meaning_heldout_{n}.yml") for n in range(3, 14, 2)
]
L2 = 3e-3
ROUNDS = 600
RATE = 0.5
MAX_DOUBTED = 0.01  # of left-out answerable messages, at most this share under `low`
MAX_TRUSTED = 0.05  # of left-out unanswerable messages, at most this share from `high` up
# the second opinion learns from every set written so far (a later set stays its honest measure)
SECOND_SETS = [(0, "meaning_dev.yml"), (1, "meaning_heldout.yml")] + [
    (n, f"meaning_heldout_{n}.yml") for n in range(2, 18)
]


def messages(sets_read=SETS) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, labels (1 answerable, 0 unanswerable) and set numbers of the sets learned from."""
    texts: list[str] = []
    labels: list[int] = []
    sets: list[int] = []
    for number, name in sets_read:
        data = yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))
        rows = [(row[0], 1) for row in data["lay"]]
        rows += [(row["q"] if isinstance(row, dict) else row[0], 1) for row in data["messages"]]
        rows += [(text, 0) for text in data["unanswerable"]]
        for text, label in rows:
            if welsh_or_english(str(text)) != "en":  # search asks the reader about English alone
                continue
            texts.append(str(text))
            labels.append(label)
            sets.append(number)
    return texts, np.array(labels), np.array(sets)


def vectors(texts: list[str]) -> dict[str, np.ndarray]:
    """Each message's query vector as search reads it for the scope reader (`SearchIndex._in_scope`),
    for the messages search asks the reader about (English, a near or good match, no crisis), by
    searching the bundled directory with the reader listening only."""
    import tempfile

    from search_index import SearchIndex, build_index

    seen: dict[str, np.ndarray] = {}
    asking: list[str] = []

    with tempfile.TemporaryDirectory() as tmp:
        build_index(ROOT / "content", Path(tmp))
        index = SearchIndex.open(Path(tmp), content_dir=ROOT / "content")
        meaning = index._meaning
        vector = meaning.vector

        def listen(weighted):  # the first query vector a search makes is the whole message's
            made = vector(weighted)
            if asking[-1] not in seen and made is not None:
                seen[asking[-1]] = np.asarray(made, dtype=np.float32)
            return made

        meaning.vector = listen
        for text in texts:
            asking.append(text)
            index.search(text)
    return seen


def asked(texts: list[str]) -> dict[str, str | None]:
    """The texts search asks the scope reader about (English, a near or good match, no crisis), each
    with the first result's own sentence closest to it (what the second reader reads it against), by
    searching the bundled directory with the reader listening."""
    import tempfile

    from search_index import SearchIndex, build_index
    from search_index.search import _own_sentences

    heard: list[bool] = []
    real = search_scope.probability

    def listen(vector):
        heard.append(True)
        return real(vector)

    out: dict[str, str | None] = {}
    with tempfile.TemporaryDirectory() as tmp:
        build_index(ROOT / "content", Path(tmp))
        index = SearchIndex.open(Path(tmp), content_dir=ROOT / "content")
        in_scope, against = index._in_scope, []

        def judge(message, hits, own, text=None):  # the first result's sentence closest to the message
            against.append(index._meaning.closest_text(message, _own_sentences(hits[0].entry)))
            return in_scope(message, hits, own, text)

        index._in_scope = judge
        search_scope.probability = listen
        second, search_scope.load_second = search_scope.load_second, lambda: None  # the first reader alone
        try:
            for text in texts:
                heard.clear()
                against.clear()
                index.search(text)
                if heard:
                    out[text] = against[-1]
        finally:
            search_scope.probability = real
            search_scope.load_second = second
    return out


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """The sentence encoder's vectors of the texts (rows), encoded a batch at a time."""
    from search_index.engine.sentence import encode

    rows = [np.asarray(encode(texts[i : i + 64]), dtype=np.float32) for i in range(0, len(texts), 64)]
    return np.concatenate(rows)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights (already scaled: a message's score is `vector @ weights + bias`) and bias, by the same
    logistic regression as crisis detection's sentence reader (answerable and unanswerable messages
    weigh the same in total)."""
    w, b = crisis_sentence.fit(x, y, l2=L2, rounds=ROUNDS, rate=RATE)
    return (w * crisis_sentence.SCALE).astype(np.float32), b


def left_out(x: np.ndarray, y: np.ndarray, sets: np.ndarray) -> np.ndarray:
    """Each message's probability from a reader fitted without its set."""
    p = np.zeros(len(y))
    for number in sorted(set(sets.tolist())):
        group = sets == number
        w, b = fit(x[~group], y[~group])
        p[group] = search_scope.probabilities(w, b, x[group])
    return p


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="measure only, write nothing")
    ap.add_argument("--sentence", action="store_true", help="the second opinion, on the sentence encoder")
    args = ap.parse_args()
    if args.sentence:
        texts, y, sets = messages(SECOND_SETS)
        heard = asked(texts)
        kept = np.array([t in heard for t in texts])
        texts = [t for t in texts if t in heard]
        y, sets = y[kept], sets[kept]
        said = sorted({s for s in heard.values() if s})  # entries' sentences, encoded as search does
        encoded = dict(
            zip(said, sentence_vectors([s[: search_scope.SECOND_UPTO] for s in said]), strict=True)
        )
        x = np.concatenate(
            [
                search_scope.second_features(v, encoded.get(heard[t]))
                for t, v in zip(texts, sentence_vectors(texts), strict=True)
            ]
        )
        model = search_scope.SECOND_MODEL
    else:
        texts, y, sets = messages()
        seen = vectors(texts)
        kept = np.array([t in seen for t in texts])
        texts = [t for t in texts if t in seen]
        y, sets = y[kept], sets[kept]
        x = np.array([seen[t] for t in texts], dtype=np.float32)
        model = search_scope.MODEL
    p = left_out(x, y, sets)
    low = float(np.quantile(p[y == 1], MAX_DOUBTED))
    high = float(np.quantile(p[y == 0], 1 - MAX_TRUSTED))
    print(f"{int((y == 1).sum())} answerable and {int((y == 0).sum())} unanswerable messages, sets left out:")
    print(
        f"low {low:.4f}: {int((p[y == 1] < low).sum())} answerable and "
        f"{int((p[y == 0] < low).sum())} unanswerable messages under it"
    )
    print(
        f"high {high:.4f}: {int((p[y == 1] >= high).sum())} answerable and "
        f"{int((p[y == 0] >= high).sum())} unanswerable messages from it up"
    )
    if args.check:
        return
    w, b = fit(x, y)
    np.savez(model, weights=w, bias=np.float32(b), low=low, high=high)
    print(f"wrote {model.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
