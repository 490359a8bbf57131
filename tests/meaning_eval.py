"""Scores search by meaning on a set in the format of tests/meaning_heldout.yml.

python tests/meaning_eval.py tests/meaning_dev.yml     # figures and misses (for tuning: dev only)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def evaluate(index, data: dict) -> dict:
    """lay: first result of a right kind; messages: one in the top 3; unanswerable: said so;
    confident: share of right answers (lay and messages) that were confident."""
    misses: list[str] = []
    lay_ok = right = right_confident = 0
    for word, kinds in data["lay"]:
        res = index.search(word)
        hits = [h for h in res.hits if not h.crisis_line]
        ok = bool(hits) and bool(set(hits[0].entry.categories) & set(kinds))
        lay_ok += ok
        if ok:
            right += 1
            right_confident += res.confident
            if not res.confident:
                misses.append(f"not confident: {word!r} -> {hits[0].slug}")
        else:
            misses.append(f"lay miss: {word!r} -> {[h.slug for h in hits[:2]]}, want {kinds}")
    msg_ok = 0
    for m in data["messages"]:
        res = index.search(m["q"])
        hits = [h for h in res.hits if not h.crisis_line][:3]
        ok = any(set(h.entry.categories) & set(m["expect"]) for h in hits)
        msg_ok += ok
        if ok:
            right += 1
            right_confident += res.confident
            if not res.confident:
                misses.append(f"not confident: {m['q']!r}")
        else:
            misses.append(f"message miss: {m['q']!r} -> {[h.slug for h in hits]}, want {m['expect']}")
    said_no = 0
    for q in data["unanswerable"]:
        res = index.search(q)
        no = not res.confident or not res.hits
        said_no += no
        if not no:
            misses.append(f"confident on unanswerable: {q!r} -> {res.hits[0].slug} ({res.hits[0].why()})")
    return {
        "lay": (lay_ok, len(data["lay"])),
        "messages": (msg_ok, len(data["messages"])),
        "unanswerable": (said_no, len(data["unanswerable"])),
        "confident": (right_confident, right),
        "misses": misses,
    }


def main(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    from search_index import SearchIndex, build_index

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as ix:
        build_index(ROOT / "content", ix)
        figures = evaluate(SearchIndex.open(ix, content_dir=ROOT / "content"), data)
    for m in figures.pop("misses"):
        print(m)
    print(" ".join(f"{k} {a}/{b}={a / b:.2f}" for k, (a, b) in figures.items()))


if __name__ == "__main__":
    main(sys.argv[1])
