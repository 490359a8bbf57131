"""Scores search by meaning on a set in the format of tests/meaning_heldout.yml.

python tests/meaning_eval.py tests/meaning_dev.yml     # figures and misses (for tuning: dev only)
python tests/meaning_eval.py --words-alone tests/meaning_heldout_3.yml tests/meaning_heldout_2.yml
    # several sets on one index; --words-alone: as if the model were not installed (words alone)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _message(row) -> tuple[str, list[str]]:
    """A message row: `{q: ..., expect: [...]}` or `[message, [kinds]]` (sets 8 on)."""
    return (row["q"], row["expect"]) if isinstance(row, dict) else (row[0], row[1])


def evaluate(index, data: dict) -> dict:
    """lay: first result of a right kind; messages: one in the top 3; unanswerable: said so;
    confident: share of right answers (lay and messages) that were confident."""
    misses: list[str] = []
    # A lay word is answered by its first result, a message by one in its top 3.
    asked = [("lay", word, kinds, 1) for word, kinds in data["lay"]]
    asked += [("message", *_message(m), 3) for m in data["messages"]]
    answered = {"lay": 0, "message": 0}
    right_confident = 0
    for kind, query, kinds, top in asked:
        res = index.search(query)
        # crisis lines answer a message read as a crisis ("my boyfriend takes all my wages": Live Fear
        # Free, shown as a crisis line); otherwise they are not the answer to what was asked
        hits = [h for h in res.hits if res.crisis is not None or not h.crisis_line]
        good = [h for h in hits[:top] if set(h.entry.categories) & set(kinds)]
        if not good:
            misses.append(f"{kind} miss: {query!r} -> {[h.slug for h in hits[: max(top, 2)]]}, want {kinds}")
            continue
        answered[kind] += 1
        right_confident += res.confident
        if not res.confident:
            misses.append(f"not confident: {query!r} -> {good[0].slug}")
    said_no = 0
    for q in data["unanswerable"]:
        res = index.search(q)
        no = not res.confident or not res.hits
        said_no += no
        if not no:
            misses.append(f"confident on unanswerable: {q!r} -> {res.hits[0].slug} ({res.hits[0].why()})")
    return {
        "lay": (answered["lay"], len(data["lay"])),
        "messages": (answered["message"], len(data["messages"])),
        "unanswerable": (said_no, len(data["unanswerable"])),
        "confident": (right_confident, sum(answered.values())),
        "misses": misses,
    }


def main(args: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from search_index import SearchIndex, build_index
    from search_index.engine import meaning

    if "--words-alone" in args:  # the model's package as if not installed: search falls back to words
        meaning.model_dir = lambda: None
    paths = [a for a in args if a != "--words-alone"]
    with tempfile.TemporaryDirectory() as ix:
        build_index(ROOT / "content", ix)
        index = SearchIndex.open(ix, content_dir=ROOT / "content")
        for path in paths:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
            figures = evaluate(index, data)
            for m in figures.pop("misses"):
                print(m)
            print(
                f"{Path(path).name}:", " ".join(f"{k} {a}/{b}={a / b:.2f}" for k, (a, b) in figures.items())
            )


if __name__ == "__main__":
    main(sys.argv[1:])
