"""Measure crisis detection on a set of messages it was not written from.

    python scripts/crisis_measure.py FILE [FILE...]

Each FILE is YAML with `risk:` and/or `harmless:` lists of messages, or plain text with one risk
message per line. Prints the share of risk messages flagged, the share of harmless ones flagged, and
every miss. Use it on public material (published risk phrase lists, safety test suites) to judge the
mechanism; never copy such material into crisis_concepts.yml.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from search_index.crisis import detect_crisis


def load(path: Path) -> tuple[list[str], list[str]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        data = yaml.safe_load(text) or {}
        return [str(x) for x in data.get("risk", [])], [str(x) for x in data.get("harmless", [])]
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")], []


def main(paths: list[str]) -> int:
    risk: list[str] = []
    harmless: list[str] = []
    for p in paths:
        r, h = load(Path(p))
        risk += r
        harmless += h
    missed = [t for t in risk if detect_crisis(t) is None]
    flagged = [(t, s) for t in harmless if (s := detect_crisis(t)) is not None]
    if risk:
        print(f"risk flagged: {1 - len(missed) / len(risk):.1%} ({len(risk) - len(missed)}/{len(risk)})")
        for t in missed:
            print("  missed:", t)
    if harmless:
        print(f"harmless flagged: {len(flagged) / len(harmless):.1%} ({len(flagged)}/{len(harmless)})")
        for t, s in flagged:
            print(f"  flagged: {t} -> {s.kind}/{s.tier} ({s.phrase})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
