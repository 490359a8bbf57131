"""Write search_index/crisis_near_words.txt: real English words within typo distance of a crisis
concept word ("strange" near "strangle", "prison" near "poison", "overdone" near "overdose").

Crisis detection fixes typos of its concept words; these real words are never "fixed" into risk
words. Run after changing the concepts:  python scripts/crisis_near_words.py [WORDLIST...]
(default: Debian's /usr/share/dict/british-english and american-english).
"""

from __future__ import annotations

import sys
from pathlib import Path

from search_index.crisis import NEAR_WORDS, typo_forms, typo_limit, typo_targets
from search_index.lexicon import edit_distance, fold

DEFAULT = ["/usr/share/dict/british-english", "/usr/share/dict/american-english", "/usr/share/dict/words"]


def near_words(words: set[str]) -> list[str]:
    targets = typo_targets()
    by_key: dict[tuple[str, int], list[str]] = {}
    for t in targets:
        by_key.setdefault((t[0], len(t)), []).append(t)
    out = set()
    for w in words:
        if w in targets:
            continue
        for form, _ in typo_forms(w):  # "wedding" is checked as itself and as "wedd" + "ing"
            limit = typo_limit(form)
            if not limit or form in targets:
                continue
            for n in range(len(form) - limit, len(form) + limit + 1):
                for t in by_key.get((form[0], n), ()):
                    lim = min(limit, typo_limit(t))
                    if edit_distance(form, t, lim) <= lim:
                        out.add(w)
    return sorted(out)


def main(paths: list[str]) -> None:
    words: set[str] = set()
    for p in paths or DEFAULT:
        path = Path(p)
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="ignore").split():
                w = fold(line).replace("'", "")
                if w.isalpha() and w.isascii():
                    words.add(w)
    found = near_words(words)
    NEAR_WORDS.write_text("\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} real words near crisis words -> {NEAR_WORDS}")


if __name__ == "__main__":
    main(sys.argv[1:])
