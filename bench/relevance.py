"""Relevance on the bundled questions (tests/relevance_questions.yml): hit@3 and MRR@10 for any engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_FILE = ROOT / "tests" / "relevance_questions.yml"


def load_questions(path: Path = QUESTIONS_FILE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass
class Relevance:
    """hit@3 and MRR@10 over the questions that expect a service (all kinds, Welsh included)."""

    hits: int = 0
    scored: int = 0
    reciprocal_ranks: list[float] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def hit_at_3(self) -> float:
        return self.hits / self.scored if self.scored else 0.0

    @property
    def mrr_at_10(self) -> float:
        return sum(self.reciprocal_ranks) / len(self.reciprocal_ranks) if self.reciprocal_ranks else 0.0


def score(ranked: Callable[[str], list[str]], questions: list[dict] | None = None) -> Relevance:
    """Ask `ranked(message) -> slugs, best first` every question and score the answers."""
    rel = Relevance()
    for q in questions if questions is not None else load_questions():
        if not q["expect"]:
            continue
        slugs = ranked(q["q"])[:10]
        rank = next((i + 1 for i, s in enumerate(slugs) if s in q["expect"]), None)
        hit = rank is not None and rank <= 3
        rel.scored += 1
        rel.hits += hit
        rel.reciprocal_ranks.append(1 / rank if rank else 0.0)
        kind = rel.by_kind.setdefault(q["kind"], [0, 0])
        kind[0] += hit
        kind[1] += 1
        if not hit:
            rel.misses.append(f"[{q['kind']}] {q['q']!r} -> {slugs[:3]}")
    return rel
