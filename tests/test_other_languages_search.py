"""A Polish, Portuguese or Arabic message's words that the vocabulary does not read are read through
FreeDict's Polish-English, Portuguese-English and Arabic-English dictionaries (Debian's
dict-freedict-pol-eng, dict-freedict-por-eng and dict-freedict-ara-eng), as a Welsh message's are
through the Welsh-English one: an inflected word by the headwords sharing its Snowball stem (an Arabic
one without the small words written onto it, by its light stem), never "corrected" into an English
word, each dictionary loaded only when the first message in its language arrives, and a missing or
damaged dictionary means no reading, never an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from search_index import SearchIndex, language
from search_index.language import dictionary_meanings, read_freedict

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def _first_kinds(index: SearchIndex, message: str) -> set[str]:
    hits = [h for h in index.search(message).hits if not h.crisis_line]
    assert hits, message
    return set(hits[0].entry.categories)


@pytest.mark.parametrize(
    "lang, message, kinds",
    [
        ("pl", "jedzenie za darmo", {"food"}),  # Polish: free food (not a drama school: "darmo" is no typo)
        ("pl", "żłobek", {"early-years"}),  # Polish: a nursery
        ("pl", "szukam wolontariatu", {"community"}),  # Polish: looking for volunteering
        ("pl", "obiad dla seniorów", {"older-people", "food"}),  # Polish: dinner for older people
        ("pl", "zarejestrować się u lekarza", {"health"}),  # Polish: register with a doctor
        ("pl", "mieszkanie socjalne", {"housing"}),  # Polish: social housing
        ("pt", "ajuda com dívidas", {"money", "advice"}),  # Portuguese: help with debts
        ("pt", "quero ser voluntário", {"community"}),  # Portuguese: I want to volunteer
        ("ar", "لاجئ", {"migrants"}),  # Arabic: a refugee
        ("ar", "دروس انجليزي", {"language"}),  # Arabic: English lessons
        ("ar", "ديون", {"money", "advice"}),  # Arabic: debts
        ("ar", "مشرد", {"housing"}),  # Arabic: homeless
        ("ar", "أبحث عن عمل", {"money", "learning"}),  # Arabic: looking for work (the job centre)
        ("ar", "مساعدة في السكن", {"housing"}),  # Arabic: help with housing
    ],
)
def test_a_lay_message_in_a_read_language_finds_its_kind_of_service(bundled, lang, message, kinds):
    assert bundled.understand(message)[0].read_in == lang
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
        # Arabic: the dictionary lists its senses in the alphabet's order, read the commonest first
        ("ar", "لاجئ", ("refugees",)),  # a refugee: by its light stem, as "اللاجئون" (the refugees)
        ("ar", "للاجئين", ("refugees",)),  # "for refugees": ل before the word
        ("ar", "والديون", ("debts",)),  # "and the debts": و and the article before it
        ("ar", "ديون", ("debts",)),  # not the name "Dion", a headword too; "debits", never tagged, a stray
        ("ar", "مساعدتي", ("help", "assistance")),  # "my help": مساعدة, its ة written ت before "my"
        ("ar", "عمل", ("working", "work")),  # not "did", "worked": a verb's past senses come last
        ("ar", "الطالب", ("student", "agitated")),  # a student before a claimer or a demander
        ("ar", "من", ("from", "of")),  # function words first, not "honeydew" (المن, manna)
        ("ar", "ريكسهام", ()),  # Wrexham: no headword
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


@pytest.mark.parametrize(
    "message, lang",
    [
        ("طعام مجاني", "ar"),  # Arabic: free food
        ("مفت کھانا", None),  # Urdu (free food), in letters Arabic does not write: not read as Arabic
        ("میں پناہ گزین ہوں", None),  # Urdu: I am a refugee
    ],
)
def test_only_arabic_is_read_through_the_arabic_dictionary(message, lang):
    assert language.dictionary_language(message) == lang


def test_english_and_welsh_are_not_read_through_these_dictionaries(bundled):
    assert bundled.understand("free food for my kids")[0].read_in is None
    understanding, _ = bundled.understand("mae fy nhad yn anghofio popeth")
    assert understanding.read_in is None and understanding.senses["anghofio"] == ("forget",)


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_without_a_dictionary_search_still_answers(bundled_index_dir, tmp_path, monkeypatch, damage):
    index = tmp_path / "pol-eng.index"
    if damage == "damaged":
        real = language.DICTIONARIES["pl"]
        index.write_bytes(real.read_bytes())
        data = real.with_suffix(".dict.dz").read_bytes()
        index.with_suffix(".dict.dz").write_bytes(data[:40] + bytes(400) + data[440:])
    monkeypatch.setitem(language.DICTIONARIES, "pl", index)
    assert dictionary_meanings("pl", "jedzenie") == ()
    ix = SearchIndex.open(bundled_index_dir, content_dir=CONTENT)
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


def test_a_dictionary_is_loaded_only_when_a_message_in_its_language_arrives(bundled_index_dir):
    code = (
        "from search_index import SearchIndex, language; "
        f"ix = SearchIndex.open({str(bundled_index_dir)!r}, content_dir={str(CONTENT)!r}); "
        "loaded = lambda: language._dictionary.cache_info().currsize; "
        "print(loaded()); "
        "[ix.search(q) for q in ('food bank', 'benifits', 'ble mae banc bwyd', 'my toddler isnt talking yet')]; "
        "print(loaded()); ix.search('jedzenie za darmo'); print(loaded()); "
        "arabic = lambda: language._arabic_dictionary.cache_info().currsize; "
        "print(arabic()); ix.search('طعام مجاني'); print(arabic(), loaded())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["0", "0", "1", "0", "1", "1"]


def test_without_the_arabic_dictionary_an_arabic_message_is_unread(bundled_index_dir, tmp_path, monkeypatch):
    monkeypatch.setitem(language.DICTIONARIES, "ar", tmp_path / "ara-eng.index")
    assert dictionary_meanings("ar", "لاجئ") == ()
    ix = SearchIndex.open(bundled_index_dir, content_dir=CONTENT)
    assert ix.understand("لاجئ")[0].senses == {}
    assert not ix.search("لاجئ").confident  # answered as before the dictionary, never an error
