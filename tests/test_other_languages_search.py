"""A Polish or Portuguese message's words that the vocabulary does not read are read through FreeDict's
Polish-English and Portuguese-English dictionaries (Debian's dict-freedict-pol-eng and
dict-freedict-por-eng), as a Welsh message's are through the Welsh-English one: an inflected word by
the headwords sharing its Snowball stem, never "corrected" into an English word, each dictionary
loaded only when the first message in its language arrives, and a missing or damaged dictionary
means no reading, never an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from search_index import SearchIndex, build_index, language
from search_index.language import dictionary_meanings, read_freedict

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    ix = tmp_path_factory.mktemp("other-languages-index")
    build_index(CONTENT, ix)
    return ix


@pytest.fixture(scope="module")
def bundled(index_dir):
    return SearchIndex.open(index_dir, content_dir=CONTENT)


def _first_kinds(index: SearchIndex, message: str) -> set[str]:
    hits = [h for h in index.search(message).hits if not h.crisis_line]
    assert hits, message
    return set(hits[0].entry.categories)


@pytest.mark.parametrize(
    "message, kinds",
    [
        ("jedzenie za darmo", {"food"}),  # Polish: free food (not a drama school: "darmo" is no typo)
        ("żłobek", {"early-years"}),  # Polish: a nursery
        ("szukam wolontariatu", {"community"}),  # Polish: looking for volunteering
        ("obiad dla seniorów", {"older-people", "food"}),  # Polish: dinner for older people
        ("zarejestrować się u lekarza", {"health"}),  # Polish: register with a doctor
        ("mieszkanie socjalne", {"housing"}),  # Polish: social housing
        ("ajuda com dívidas", {"money", "advice"}),  # Portuguese: help with debts
        ("quero ser voluntário", {"community"}),  # Portuguese: I want to volunteer
    ],
)
def test_a_polish_or_portuguese_lay_message_finds_its_kind_of_service(bundled, message, kinds):
    assert _first_kinds(bundled, message) & kinds, [h.slug for h in bundled.search(message).hits[:3]]


@pytest.mark.parametrize(
    "lang, word, senses",
    [
        ("pl", "jedzenie", ("food", "eat")),  # the Polish definitions after each gloss are left out
        ("pl", "za", ("at, for", "at, in")),  # not the acronym "ZA" (AS, Asperger's)
        ("pl", "pomoc", ("help, assistance, aid", "midfield")),  # the sport's sense after the everyday one
        ("pl", "lekarza", ("doctor, physician",)),  # inflected: "lekarz", by their Snowball stem
        ("pl", "seniorów", ("senior",)),
        ("pl", "wolontariatu", ("volunteering",)),
        ("pl", "mogę", ()),  # "I can": no "mogiła" (grave), though both stem to "mog"
        ("pl", "szukam", ("search, seek, look for",)),  # "szukać" by its stem as written, not "szukac"
        ("pl", "kupić", ("buy, purchase", "buy")),  # perfective: by its imperfective, "kupować"
        ("pl", "potrzebuję", ("need",)),  # the -uj- of the present: "potrzebować"
        ("pl", "dostać", ("get, receive",)),  # the verb "dostawać", not the noun "dostawa" (delivery)
        ("pl", "chcę", ()),  # no "chciwy" (greedy): an imperfective partner is a verb
        ("pt", "dívidas", ("debt",)),  # the plural of "dívida"
        ("pt", "aulas", ("lesson", "lecture")),
        ("pt", "grátis", ("as a gift, gratis", "for nothing, free")),  # numbered senses, numbers left out
        ("de", "essen", ()),  # no dictionary for the language
    ],
)
def test_a_word_is_read_through_its_languages_dictionary(lang, word, senses):
    assert dictionary_meanings(lang, word) == senses


def test_an_inflected_word_is_read_by_its_stem_in_a_message(bundled):
    understanding, corrections = bundled.understand("obiad dla seniorów")
    assert understanding.read_in == "pl" and understanding.senses["seniorow"] == ("senior",)
    assert understanding.senses["obiad"] == ("lunch, dinner",)


def test_the_typo_corrector_leaves_a_polish_or_portuguese_message_as_written(bundled):
    understanding, corrections = bundled.understand("jedzenie za darmo")
    assert corrections == [] and understanding.senses["darmo"] == ("free", "in vain")
    assert bundled.understand("benifits")[1] == [("benifits", "benefits")]  # English typos as before


def test_english_and_welsh_are_not_read_through_these_dictionaries(bundled):
    assert bundled.understand("free food for my kids")[0].read_in is None
    understanding, _ = bundled.understand("mae fy nhad yn anghofio popeth")
    assert understanding.read_in is None and understanding.senses["anghofio"] == ("forget",)


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_without_a_dictionary_search_still_answers(index_dir, tmp_path, monkeypatch, damage):
    index = tmp_path / "pol-eng.index"
    if damage == "damaged":
        real = language.DICTIONARIES["pl"]
        index.write_bytes(real.read_bytes())
        data = real.with_suffix(".dict.dz").read_bytes()
        index.with_suffix(".dict.dz").write_bytes(data[:40] + bytes(400) + data[440:])
    monkeypatch.setitem(language.DICTIONARIES, "pl", index)
    assert dictionary_meanings("pl", "jedzenie") == ()
    ix = SearchIndex.open(index_dir, content_dir=CONTENT)
    assert ix.understand("jedzenie za darmo")[0].senses == {}
    res = ix.search("jedzenie za darmo")
    assert res.hits and not res.confident  # answered as before the dictionary, never an error


def test_a_damaged_entry_is_skipped(tmp_path):
    """An index line pointing past the end of the data reads as an empty entry, not an error."""
    real = language.DICTIONARIES["pt"]
    index = tmp_path / "por-eng.index"
    index.write_text(real.read_text(encoding="utf-8") + "zzzz\t////\tB\n", encoding="utf-8")
    index.with_suffix(".dict.dz").write_bytes(real.with_suffix(".dict.dz").read_bytes())
    senses = read_freedict(index, lambda body: body)
    assert "zzzz" not in senses and senses["comida"] == ("meal",)


def test_a_dictionary_is_loaded_only_when_a_message_in_its_language_arrives(index_dir):
    code = (
        "from search_index import SearchIndex, language; "
        f"ix = SearchIndex.open({str(index_dir)!r}, content_dir={str(CONTENT)!r}); "
        "loaded = lambda: language._dictionary.cache_info().currsize; "
        "print(loaded()); "
        "[ix.search(q) for q in ('food bank', 'benifits', 'ble mae banc bwyd', 'my toddler isnt talking yet')]; "
        "print(loaded()); ix.search('jedzenie za darmo'); print(loaded())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["0", "0", "1"]
