"""The language identifier is py3langid's, loaded with only the columns of its model for the languages
we ask about (`language.load_identifier`). What this relies on, pinned here: the identifier built that
way answers exactly as py3langid's own loading restricted by its `set_languages` (the same language
and the same probability, to the last bit) on messages of every kind the held-out sets have, in
English, Welsh and the languages of the directory's newer residents."""

from pathlib import Path

import pytest
import yaml

from search_index import language

TESTS = Path(__file__).resolve().parent


def _messages() -> list[str]:
    """Every 5th message of the held-out sets (crisis and meaning), and a few edge cases."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, list):
            for x in node:
                walk(x)
        elif isinstance(node, dict):
            for x in node.values():
                walk(x)

    for path in sorted(TESTS.glob("*_heldout*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    sample = list(dict.fromkeys(m for m in out if m.strip()))[::5]
    return [*sample, "", "999", "helo", "🙂🙂", "Dzień dobry, szukam pracy", "پێویستم بە یارمەتییە بۆ خواردن"]


@pytest.fixture(scope="module")
def identifiers():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    stock.set_languages(list(language.MODEL_LANGUAGES))
    return stock, language.load_identifier(language.MODEL_LANGUAGES)


def test_only_the_languages_asked_about_are_kept(identifiers):
    _, ours = identifiers
    assert set(ours.nb_classes) == set(language.MODEL_LANGUAGES)
    assert ours.nb_ptc.shape[1] == len(ours.nb_classes) == len(language.MODEL_LANGUAGES)


def test_the_identifier_answers_as_py3langid_restricted_by_itself(identifiers):
    stock, ours = identifiers
    messages = _messages()
    assert len(messages) > 1000
    differ = [
        (m, stock.classify(m), ours.classify(m)) for m in messages if stock.classify(m) != ours.classify(m)
    ]
    assert not differ, differ[:5]


def test_the_process_identifier_is_the_restricted_one():
    assert language._identifier().nb_ptc.shape[1] == len(language.MODEL_LANGUAGES)
