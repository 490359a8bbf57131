"""Relevance on the bundled directory: residents' messages written from the source documents.

Each message must find a right service in the top 3, every crisis message must be flagged and no
harmless one. The whole set must reach 90% hit@3; the crisis and harmless rows must all pass.
"""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = yaml.safe_load((ROOT / "tests" / "relevance_questions.yml").read_text(encoding="utf-8"))


def test_there_are_enough_questions():
    assert len(QUESTIONS) >= 60
    kinds = {q["kind"] for q in QUESTIONS}
    assert {"plain", "question", "needs", "typo", "welsh", "crisis", "benign"} <= kinds


@pytest.mark.parametrize("q", [q for q in QUESTIONS if q["crisis"]], ids=lambda q: q["q"])
def test_crisis_messages_are_flagged_and_get_crisis_lines_first(bundled, q):
    res = bundled.search(q["q"])
    assert res.is_crisis
    assert res.hits[0].crisis_line
    assert set(h.slug for h in res.hits[:3]) & set(q["expect"])


@pytest.mark.parametrize("q", [q for q in QUESTIONS if not q["crisis"]], ids=lambda q: q["q"])
def test_harmless_messages_are_not_crisis(bundled, q):
    assert not bundled.search(q["q"]).is_crisis


def test_hit_at_3_over_the_whole_set(bundled):
    scored = [q for q in QUESTIONS if q["expect"]]
    misses = []
    for q in scored:
        slugs = [h.slug for h in bundled.search(q["q"]).hits[:3]]
        if not set(slugs) & set(q["expect"]):
            misses.append(f"{q['q']!r} -> {slugs}, expected {q['expect']}")
    rate = 1 - len(misses) / len(scored)
    assert rate >= 0.90, "\n".join(misses)
