"""What crisis detection relies on in `snowballstemmer` (search_index/stems.py): the forms of one word
share a stem when folded (no accents, as crisis detection reads them), a stem too short to say which
word is not used, and without the library every word is read only as listed."""

import sys

import pytest

from search_index import crisis_reading, stems
from search_index.crisis import detect_crisis
from search_index.crisis_reading import _plain


def folded(word: str) -> str:
    return _plain(word)


@pytest.mark.parametrize(
    "code, unlisted, listed",
    [
        ("pl", "zabijecie", "zabije"),  # you (all) will kill / he will kill
        ("pl", "nieprzytomnego", "nieprzytomny"),  # unconscious
        ("pl", "pobiłby", "pobił"),  # would beat / beat
        ("pl", "zgwałciłby", "zgwałcił"),  # would rape / raped
        ("pt", "espancava", "espancou"),  # was beating / beat
        ("pt", "estrangulava", "estrangulou"),  # was strangling / strangled
        ("ro", "amenințase", "amenințat"),  # had threatened / threatened
        ("ar", "سيقتلونني", "يقتلني"),  # they will kill me / he kills me
        ("ar", "يهددونني", "يهددني"),  # they threaten me / he threatens me
    ],
)
def test_the_forms_of_a_word_share_a_stem_when_folded(code, unlisted, listed):
    a, b = stems.stem_of(code, folded(unlisted)), stems.stem_of(code, folded(listed))
    assert a is not None and a == b, (a, b)


@pytest.mark.parametrize(
    "code, word",
    [
        ("ro", "bate"),  # beats: its stem "bat" is also "bâtă" (a club)
        ("ro", "bata"),
        ("pl", "rano"),  # morning: its stem "ran" is also "ranię" (I wound)
        ("pt", "faca"),  # knife: its stem "fac" is also "face" (a face)
        ("pt", "mato"),  # a stem of three letters: "mat"
        ("ar", "دفع"),  # a word of three letters
    ],
)
def test_a_stem_too_short_to_say_which_word_is_not_used(code, word):
    assert stems.stem_of(code, folded(word)) is None


def test_a_language_without_a_stemmer_has_no_stems():
    assert stems.stemmer("en") is None and stems.stem_of("cy", "lladdodd") is None


def test_different_words_keep_different_stems():
    """ "يدفع" (pays, pushes) and "يضرب" (hits) are other words; "espancar" (beat) is no "esperar" (wait)."""
    assert stems.stem_of("ar", "يدفع") != stems.stem_of("ar", "يضرب")
    assert stems.stem_of("pt", "espancar") != stems.stem_of("pt", "esperar")


def test_without_the_library_words_are_read_as_listed(monkeypatch):
    """No snowballstemmer installed: no stems, a warning in the log, and the listed forms still read."""

    def clear():
        stems.stemmer.cache_clear()
        stems.stem_of.cache_clear()
        crisis_reading._stem_index.cache_clear()

    try:
        with monkeypatch.context() as m:
            m.setitem(sys.modules, "snowballstemmer", None)  # `import snowballstemmer` fails
            clear()
            assert stems.stemmer("pl") is None and stems.stem_of("pt", "espancava") is None
            assert detect_crisis("Zgwałcił mnie").kind == "sexual-violence"
            assert detect_crisis("Ele espancava-me todas as noites") is None
    finally:
        clear()  # the library back, and the concepts read with it
    assert detect_crisis("Ele espancava-me todas as noites") is not None


def test_a_single_word_search_checks_never_asks_the_language_model(monkeypatch):
    """Search asks `is_risk_word` of each word it may correct; a word that one of the four languages
    also has ("suport", Romanian support) must not load the language model (about 45 MB) for that: only
    a whole message is read by stems."""
    from search_index import crisis_reading
    from search_index.crisis import is_risk_word

    asked = []
    monkeypatch.setattr(crisis_reading, "model_guess", lambda text: asked.append(text) or ("ro", 1.0))
    assert not is_risk_word("suport")
    assert is_risk_word("rape")
    assert asked == []  # (is_risk_word answers False rather than raise, so the calls are counted)
