"""Search by meaning: the model shipped in the wordllama wheel, entry vectors kept with the index,
fusion with the words, filler words, confidence, and words alone when the model cannot be read."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import numpy as np
import pytest
import yaml
from click.testing import CliRunner
from conftest import HOSTILE_MESSAGES, resident_kib, signpost_serve
from meaning_eval import evaluate

from search_index import SearchIndex, build_index, search
from search_index.engine import meaning
from search_index.engine.meaning import EntryVectors, MeaningModel
from search_index.index import current_generation
from search_index.language import welsh_meanings
from signpost.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.fixture
def model_off(tmp_path, monkeypatch):
    """The model's files damaged: a copy of the package folder with a broken weights file."""
    broken = tmp_path / "wordllama"
    (broken / "weights").mkdir(parents=True)
    (broken / "tokenizers").mkdir()
    (broken / meaning.WEIGHTS_FILE).write_bytes(b"\x00not a safetensors file")
    (broken / meaning.TOKENIZER_FILE).write_bytes((meaning.model_dir() / meaning.TOKENIZER_FILE).read_bytes())
    monkeypatch.setattr(meaning, "model_dir", lambda: broken)
    yield broken
    meaning._LOADED.pop(str(broken), None)
    meaning._WARNED.discard(str(broken))


# --- the model --------------------------------------------------------------------------------


def test_loading_the_model_never_touches_the_network(tmp_path):
    """In a fresh process whose sockets refuse to connect, with the hub offline and no cache."""
    code = textwrap.dedent(
        """
        import socket, sys
        def refuse(*args, **kwargs):
            raise AssertionError("the network was used")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        from search_index.engine.meaning import MeaningModel
        model = MeaningModel.load()
        assert model is not None
        vectors = model.embed(["food bank", "debt advice"])
        assert vectors.shape == (2, 256)
        assert "wordllama" not in sys.modules  # its files are read, its code is not imported
        print("ok")
        """
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert not any(tmp_path.iterdir())  # nothing cached or downloaded


def test_the_bundled_files_read_by_path_give_wordllamas_own_vectors():
    """Pins what we rely on in wordllama 0.4: the two files at these paths, the tensor key, and
    that a text's vector is the mean of its token vectors, as its WordLlamaInference.embed says."""
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama import WordLlamaInference

    folder = meaning.model_dir()
    assert (folder / meaning.TOKENIZER_FILE).is_file() and (folder / meaning.WEIGHTS_FILE).is_file()
    with safe_open(str(folder / meaning.WEIGHTS_FILE), framework="np") as f:
        weights = f.get_tensor(meaning.TENSOR_KEY)
    assert weights.shape == (32000, 256)
    theirs = WordLlamaInference(weights, Tokenizer.from_file(str(folder / meaning.TOKENIZER_FILE)))
    texts = ["I'm skint till payday", "free English classes", "Samaritans"]
    ours = MeaningModel.load().embed(texts)
    np.testing.assert_allclose(ours, theirs.embed(texts, norm=True), atol=1e-5)


def test_a_search_gives_back_the_pages_of_the_files_it_read(bundled):
    """The word vectors and the index's segments are mapped from their files; after each message search
    hands the pages it read back to the system (the site held nearly all 16 MB of the word vectors after
    a few hundred messages), and what is read from them afterwards is the same."""
    from search_index.engine import whoosh_files

    model = MeaningModel.load()
    texts = ["I'm skint till payday", "free English classes", "Samaritans"]
    first = model.embed(texts)
    segments = [np.frombuffer(m, dtype=np.uint8) for m in whoosh_files.segment_maps(bundled._gen._reader)]
    assert sum(int(v[::4096].sum()) for v in segments) > 0  # every page of the segments read
    assert resident_kib(model._vectors) > 0 and all(resident_kib(v) > 0 for v in segments)
    found = bundled.search("I'm skint till payday")
    assert resident_kib(model._vectors) == 0 and [resident_kib(v) for v in segments] == [0] * len(segments)
    assert np.array_equal(model.embed(texts), first)
    assert bundled.search("I'm skint till payday") == found
    assert resident_kib(model._vectors) == 0
    del segments


def test_filler_words_weigh_little_and_numbers_nothing():
    model = MeaningModel.load()
    for filler in ("no", "up", "out", "till", "keeps", "help"):
        assert model.weight(filler) <= meaning.WEIGHT_MIN + 0.2, filler
    for word in ("food", "gas", "debt", "youth", "rent", "electric"):
        assert model.weight(word) == 1.0, word
    assert model.weight("30") == 0.0


def test_a_word_the_model_splits_says_as_much_as_its_rarity_in_the_directory(bundled):
    """ "meals" is "▁me" + "als" to the model, whose short pieces say little; few entries use it."""
    model = MeaningModel.load()
    assert not model.is_word("meals") and model.weight("meals") < 0.3
    assert bundled._says("meals") >= 0.8
    for whole in ("no", "up", "out", "help", "run"):  # a whole word keeps the model's judgment
        assert bundled._says(whole) == model.weight(whole), whole
    assert bundled._says("30") == 0.0
    top = bundled.search("I want to learn to make cheap tasty meals for the family").hits[0]
    assert top.slug == "cpp-cookery-sessions", top.why()


def test_a_common_word_says_what_the_vocabulary_reads_it_as(bundled):
    """ "work" is among the model's most frequent words, but the vocabulary reads it as jobs."""
    assert MeaningModel.load().weight("work") <= meaning.WEIGHT_MIN
    res = bundled.search("I need to find work")
    assert res.confident and {"learning", "money"} & set(res.hits[0].entry.categories), res.hits[0].why()


# --- entry vectors kept with the index ----------------------------------------------------------


def test_entry_vectors_are_stored_with_the_generation_and_updated_with_it(tmp_path):
    content = tmp_path / "content"
    import shutil

    shutil.copytree(CONTENT, content)
    ix = tmp_path / "ix"
    build_index(content, ix)
    first = current_generation(ix)
    before = EntryVectors.read(first)
    assert before is not None and len(before.slugs) == len(list((content / "services").glob("*.md")))
    old_bytes = (first / meaning.VECTORS_FILE).read_bytes()

    edited = content / "services" / "samaritans.md"
    edited.write_text(edited.read_text().replace("title: Samaritans", "title: Samaritans helpline"))
    (content / "services" / "the-venture.md").unlink()
    build_index(content, ix)
    second = current_generation(ix)
    after = EntryVectors.read(second)
    assert second != first
    assert "the-venture" not in after.row and len(after.slugs) == len(before.slugs) - 1
    assert np.array_equal(after.matrix[after.row["camhs"]], before.matrix[before.row["camhs"]])
    assert not np.array_equal(after.matrix[after.row["samaritans"]], before.matrix[before.row["samaritans"]])
    # the previous generation (still open by readers) was not written through its hard links
    assert (first / meaning.VECTORS_FILE).read_bytes() == old_bytes
    fresh = MeaningModel.load().embed([meaning.entry_text(SearchIndex.open(ix).get("samaritans"), {})])
    assert float(after.matrix[after.row["samaritans"]].astype(np.float32) @ fresh[0]) > 0.9


# --- fusion, filler, why ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "not_first"),
    [
        ("no gas", "samaritans"),
        ("electric meter run out", "wrexham-youth-clubs"),
    ],
)
def test_filler_words_never_make_a_match_on_their_own(bundled, message, not_first):
    res = bundled.search(message)
    assert not res.hits or res.hits[0].slug != not_first


def test_one_matching_word_of_three_is_not_a_good_match(bundled):
    """ "hire" alone matches the woodwork workshop (it can be hired); that is not a wedding venue."""
    res = bundled.search("wedding venue to hire")
    assert not res.confident and not any(h.good for h in res.hits)


def test_a_number_never_makes_a_match_beside_words(bundled):
    for hit in bundled.search("took 30 of them 40 times").hits:
        assert "30" not in hit.matched and "40" not in hit.matched
    assert bundled.search("999").hits[0].slug == "emergency-999"  # a number alone is what is asked for


def test_why_says_which_kind_of_match_it_was(bundled):
    skint = bundled.search("skint")
    assert skint.hits[0].why().startswith("Matches “skint” (")
    found = bundled.search("unemployed")
    by_meaning = [h for h in found.hits if h.close_to]
    assert by_meaning, [h.why() for h in found.hits]
    assert by_meaning[0].why() == "Close in meaning to “unemployed”"
    assert by_meaning[0].why("cy") == "Yn agos o ran ystyr i “unemployed”"


def test_welsh_reaches_meaning_through_the_welsh_vocabulary(bundled):
    res = bundled.search("bwyd", lang="cy")
    assert res.confident and "food" in res.hits[0].entry.categories


@pytest.mark.parametrize(
    "message, kind",
    [
        ("mae'r landlord eisiau i ni adael y fflat cyn y Nadolig", "housing"),
        ("mae fy merch yn cael ei bwlio ar y bws ysgol bob dydd", "young-people"),
        ("does gen i ddim arian i dalu am fwyd tan ddydd Gwener", "food"),
    ],
)
def test_a_welsh_message_on_the_english_page_is_read_as_welsh(bundled, message, kind):
    """Its words are weighed as Welsh whatever the page's language: the Welsh words the English model
    does not know are not taken for rare English words that no entry accounts for."""
    on_english_page, on_welsh_page = bundled.search(message, lang="en"), bundled.search(message, lang="cy")
    assert kind in on_english_page.hits[0].entry.categories, on_english_page.hits[0].slug
    assert on_english_page.confident and on_welsh_page.confident


@pytest.mark.parametrize(
    "message, word",
    [
        ("wants to be on the telly", "telly"),  # not "tell"
        ("I am christian and new in the town", "christian"),  # not "christmas"
        ("the lads keep taking the mick", "mick"),  # not "milk"
        ("she only says mama and dada", "dada"),  # not "dads"
        ("chinese takeaway near me", "takeaway"),  # not "take away"
    ],
)
def test_a_word_wordnet_lists_is_not_taken_for_a_typo(bundled, message, word):
    """British and informal words the English word list lacks, and words it writes with a capital,
    are real words when WordNet lists them as written: left as the resident wrote them."""
    understanding, corrections = bundled.understand(message)
    assert word not in dict(corrections) and word in understanding.words, corrections


def test_a_welsh_phrase_whose_first_word_is_mutated_finds_its_service(bundled):
    """ "bêl-droed" is "pêl-droed" (football) after a word that mutates it: read as the vocabulary's
    phrase, it leads to the football club with confidence, as the radical form does."""
    for message in ("sesiwn bêl-droed i'r plant", "sesiwn pêl-droed i'r plant"):
        res = bundled.search(message, lang="cy")
        assert res.confident and res.hits[0].slug == "wrexham-afc-grassroots-football", (
            message,
            res.hits[0].why(),
        )


def test_a_welsh_word_the_vocabulary_lacks_is_judged_by_its_english_meaning(bundled):
    """ "sinema" (cinema) and "agosaf" (nearest) are in the Welsh-English dictionary, not in the
    vocabulary: the English model weighs them, and no entry accounts for a cinema."""
    understanding, _ = bundled.understand("ble mae'r sinema agosaf", lang="cy")
    assert understanding.senses["sinema"] == ("cinema",)
    assert "maer" not in understanding.words  # "mae'r" is "mae" and the article, not a word "maer"
    for lang in ("cy", "en"):
        assert not bundled.search("ble mae'r sinema agosaf", lang=lang).confident, lang
    # an English message is not read through the Welsh dictionary ("plant" is a plant here)
    assert bundled.understand("plant pots for the garden")[0].senses == {}


def test_a_missing_or_damaged_welsh_dictionary_gives_no_meanings(tmp_path):
    """Read from the dictd files (an index and a gzip file): cut short or absent, nothing is read."""
    from search_index.language import WELSH_DICTIONARY, welsh_dictionary

    index = tmp_path / "cym-eng.index"
    index.write_bytes(WELSH_DICTIONARY.read_bytes())
    assert welsh_dictionary(index) == {}  # no .dict.dz beside it
    data = WELSH_DICTIONARY.with_suffix(".dict.dz").read_bytes()
    (tmp_path / "cym-eng.dict.dz").write_bytes(data[:40] + bytes(400) + data[440:])
    assert welsh_dictionary(index) == {}
    assert len(welsh_dictionary(WELSH_DICTIONARY)) > 10_000


def test_a_welsh_message_is_read_word_by_word_through_the_dictionary(bundled):
    """The article and the particle leaning on a word ("i'r", "dwi'n") are not words of their own,
    and a mutated word is read through the word it mutates from ("nhad": tad, father)."""
    assert welsh_meanings("nhad") == ("father",) and welsh_meanings("ysgol") == ("school", "ladder")
    understanding, _ = bundled.understand("mae fy nhad yn anghofio popeth i'r teulu", lang="en")
    assert understanding.senses["anghofio"] == ("forget",)
    assert "ir" not in understanding.words and "i" not in understanding.senses
    res = bundled.search("does dim bwyd yn y cwpwrdd i'r babi")
    assert "food" in res.hits[0].entry.categories and res.confident, [h.slug for h in res.hits[:3]]


@pytest.mark.parametrize(
    "word, senses",
    [
        ("llyfra", ("books",)),  # the plural -au as said in the north ("llyfrau")
        ("tylle", ("holes",)),  # ... and in the south ("tyllau")
        ("peryglus", ("dangerous", "danger")),  # an adjective in -us, then the noun it is made of
        ("medrus", ("skilful", "skill")),
        ("ddyledus", ("indebted", "debt")),  # mutated ("dyledus")
        ("gwarthus", ()),  # neither it nor a word it could be made of is in the dictionary
        ("ysgol", ("school", "ladder")),  # a headword as before
    ],
)
def test_spoken_welsh_and_adjectives_in_us_are_read_through_the_dictionary(word, senses):
    assert welsh_meanings(word) == senses


def test_a_welsh_word_is_read_by_the_sense_the_vocabulary_knows(bundled):
    """The dictionary's first sense of "dyledus" is "indebted", which the vocabulary does not read;
    its next, "debt", it reads as money: the message reaches debt advice."""
    res = bundled.search("rwy'n ddyledus i'r banc")
    assert "money" in res.hits[0].entry.categories and res.confident, [h.slug for h in res.hits[:3]]


def test_a_welsh_phrasal_verb_is_read_by_its_senses_base_forms(bundled):
    """ "taflu allan" is throw out, read as the vocabulary's "thrown out" (a home lost), as "threw me
    out" is in English."""
    understanding, _ = bundled.understand("cafodd fy mrawd ei daflu allan o'r fflat")
    assert "eviction" in understanding.added and "housing" in understanding.categories


def test_an_english_word_nothing_else_knows_is_read_through_wordnet(bundled):
    """Informal words that neither the vocabulary, the directory nor the model knows whole, read by
    their WordNet senses: "peckish" is hungry (food), "bedsitter" a flat (housing)."""
    res = bundled.search("peckish")
    assert "food" in res.hits[0].entry.categories and res.confident, [h.slug for h in res.hits[:3]]
    assert bundled.understand("peckish")[0].senses["peckish"][0] == "hungry"
    assert "housing" in bundled.search("bedsitter").hits[0].entry.categories
    # an ordinary English word is not read so (its senses are too wide: "taxi" is also "travel")
    assert bundled.understand("taxi to the station")[0].senses == {}


@pytest.mark.parametrize(
    "word, first",
    [
        ("peckish", "hungry"),
        ("knackered", "drained tired"),  # the words of what it is a kind of (or, here, is like)
        ("mopes", "dumps low spirits"),  # a plural as written: WordNet has it so
        ("kipped", "sleep slumber log z's catch some z's rest"),  # a verb by its exception list
    ],
)
def test_wordnet_senses(word, first):
    from search_index.wordnet import english_senses

    assert english_senses(word)[0] == first


def test_wordnet_describes_a_word_or_phrase_by_its_senses_words_and_definition(tmp_path):
    from search_index.wordnet import described_senses

    grub = described_senses("grub")
    assert "informal terms for a meal" in grub[0] and any("larva" in s for s in grub[1:])
    # a phrase of WordNet, its first word inflected ("laid" is "lay" by the exception list)
    assert any("dismiss, usually for economic reasons" in s for s in described_senses("laid off"))
    assert described_senses("chester") == () and described_senses("no such phrase") == ()
    assert described_senses("grub", tmp_path) == ()


def test_wordnet_says_how_common_a_word_is_by_its_tagged_senses(tmp_path):
    from search_index.wordnet import tag_count

    assert tag_count("student") > tag_count("claimer") == 0
    assert tag_count("debts") == tag_count("debt") > 0  # a noun's plural by its singular
    assert tag_count("dion") == tag_count("from") == tag_count("zzqx") == 0
    assert tag_count("student", tmp_path) == 0  # without WordNet's files


def test_wordnet_tells_a_word_it_lists_as_written(tmp_path):
    from search_index.wordnet import is_lemma

    assert is_lemma("telly") and is_lemma("christian") and is_lemma("dada")
    assert not is_lemma("theres")  # "there" is listed, its inflected look-alike is not
    assert not is_lemma("hela") and not is_lemma("chester")  # names only: a goddess, a city
    assert not is_lemma("benifits") and not is_lemma("dwi") and not is_lemma("a")
    assert not is_lemma("telly", tmp_path)  # without WordNet's files


@pytest.mark.parametrize(
    "message, category",
    [
        ("grub", "food"),  # informal terms for a meal (not the larva)
        ("shrink", "mental-health"),  # a physician who specializes in psychiatry (not to wither)
        ("got mugged", "hate-crime"),  # rob at gunpoint or with the threat of violence
        # a phrase of WordNet: dismiss, usually for economic reasons (its first sense, to stop, is
        # closest to "urgent help now", which is no kind of service a word's sense is judged by)
        ("laid off", "money"),
    ],
)
def test_a_word_the_directory_does_not_know_is_ranked_by_its_wordnet_sense(bundled, message, category):
    """A word that neither the directory nor the vocabulary knows, which the model knows only as
    another sense or not at all, is ranked by its WordNet sense closest to a kind of service; how
    good a match is stays judged on the resident's own words."""
    res = bundled.search(message)
    assert res.hits and category in res.hits[0].entry.categories, [h.slug for h in res.hits[:3]]


@pytest.mark.parametrize(
    "message, category",
    [
        ("smear test", "health"),  # no entry says "smear"
        # Romanian: an interpreter at the town hall (a Polish message's words are read through the
        # Polish-English dictionary: tests/test_other_languages_search.py)
        ("traducător la primărie", "language"),
    ],
)
def test_a_message_no_entry_has_the_words_of_gets_the_closest_in_meaning_as_might_help(
    bundled, message, category
):
    """Nothing matches its words, and nothing is close enough in meaning to be a good match: the
    closest entries by meaning are still shown (under "might help"), never as a confident answer."""
    res = bundled.search(message)
    assert res.hits and category in res.hits[0].entry.categories, [h.slug for h in res.hits[:3]]
    assert not res.confident and not any(h.good for h in res.hits)
    assert res.hits[0].why().startswith("Close in meaning to")
    assert res.found == ()  # a need the directory did not meet, for the staff's analytics


@pytest.mark.parametrize(
    "message, category",
    [
        ("mae fy mam yn oedrannus", "older-people"),  # aged: elderly
        ("cwrs garddwriaeth", "community"),  # horticulture: gardening
    ],
)
def test_a_welsh_word_is_read_by_a_wordnet_synonym_the_vocabulary_knows(bundled, message, category):
    """Its English sense is no word of the vocabulary, but one of its WordNet synonyms is."""
    assert category in bundled.understand(message)[0].categories


def test_a_wordnet_synonym_is_one_whose_commonest_sense_is_the_same():
    from search_index.wordnet import synonyms

    assert "grandma" in synonyms("grandmother") and "nan" not in synonyms("grandmother")  # nan: bread
    assert "stress" not in synonyms("accentuate")  # stress is first of all strain
    assert synonyms("chester") == () and synonyms("zzzzz") == ()


def test_wordnet_gives_no_senses_for_names_or_without_its_files(tmp_path):
    from search_index.wordnet import english_senses

    assert english_senses("chester") == ()  # a city: a name, which WordNet writes with a capital
    assert english_senses("zzzzz") == () and english_senses("the") == ()
    assert english_senses("peckish", tmp_path) == ()
    from search_index.wordnet import synonyms

    assert synonyms("grandmother", tmp_path) == ()


@pytest.mark.parametrize(
    "text, lang",
    [
        ("poeni'n arw", "cy"),  # the particle leaning on a word is Welsh: English has none
        ("cysgu'n wael", "cy"),
        ("cwpwrdd gwag", "cy"),  # no everyday word of either language: the dictionaries' words
        ("skint", "en"),
        ("help with the leccy", "en"),
        ("fish'n'chips shop near me", "en"),
        ("clases de inglés para adultos", None),  # "de" is a Welsh word too, but one of five
    ],
)
def test_a_short_welsh_message_is_told_from_english_by_its_clitics_and_the_dictionary(text, lang):
    from search_index.language import welsh_or_english

    assert welsh_or_english(text, "en") == lang


def test_a_welsh_message_is_read_through_the_vocabulary_in_english(bundled):
    """The English senses of a Welsh message's words are read by the resident vocabulary ("cwpwrdd
    gwag" is cupboard empty: empty cupboards, food) and what it reads them as is searched, also on the
    English page. A single word's reading counts only when the model finds the word close to it: "trên"
    is a train, which the vocabulary reads as training (the English homonym)."""
    understanding, _ = bundled.understand("mae'r cwpwrdd yn wag", lang="en")
    assert "food" in understanding.categories and "food bank" in understanding.added
    res = bundled.search("mae'r cwpwrdd yn wag")
    assert "food" in res.hits[0].entry.categories and res.confident, [h.slug for h in res.hits[:3]]
    assert bundled._reads_as("forget", ("dementia", "memory"))
    assert not bundled._reads_as("train", ("skills", "courses"))
    understanding, _ = bundled.understand("Faint o'r gloch mae'r trên i Gaerdydd?")
    assert "learning" not in understanding.categories and "courses" not in understanding.added
    assert not bundled.search("Faint o'r gloch mae'r trên i Gaerdydd?").confident


def test_an_english_clitic_is_not_part_of_the_word(bundled):
    """ "where's" is "where" and "is": not a rare word "wheres" that no entry accounts for."""
    understanding, _ = bundled.understand("where's the nearest petrol station, it's on my mate's road")
    assert not {"wheres", "its", "mates"} & set(understanding.words), understanding.words
    assert "mate" in understanding.words
    assert not bundled.search("where's the nearest petrol station").confident


@pytest.mark.parametrize(
    "message, kind",
    [
        ("my 14 year old is glued to his xbox all day, anything for him to do?", "young-people"),
        ("my 6 yr old has nits", "parenting"),
        ("my 80-year-old dad can't cook for himself any more", "older-people"),
    ],
)
def test_an_age_is_read_as_its_age_group_not_as_old(bundled, message, kind):
    """ "14 year old" is a teenager: not "old" (older people), nor a word the entry must account for."""
    understanding, _ = bundled.understand(message)
    assert not {"year", "yr", "old"} & set(understanding.words), understanding.words
    assert kind in bundled.search(message).hits[0].entry.categories, bundled.search(message).hits[0].slug


@pytest.mark.parametrize(
    "message, group, kind",
    [
        ("does my 3yo get any free childcare hours", "toddler", "early-years"),
        ("a playgroup for a 4 y/o", "toddler", None),
        ("my baby is 7 weeks old and won't settle", "baby", "early-years"),
        ("a lunch club, she is 79 and lives alone", "pensioner", "older-people"),
        ("my grandad's 91, lonely since he lost my nan", "pensioner", "older-people"),
        ("something for my dad to do, he is in his late 80s", "pensioner", None),
    ],
)
def test_an_age_written_short_or_said_of_someone_is_read_as_its_age_group(bundled, message, group, kind):
    """ "3yo", "4 y/o", "7 weeks old", "in his late 80s", "she is 79", "grandad's 91": ages, read as the
    vocabulary reads their age group (the number itself is no word of the need)."""
    understanding, _ = bundled.understand(message)
    expansion = bundled.vocabulary.phrases[(search.phrase_stem(group),)]
    assert set(expansion.words) <= set(understanding.added), understanding.added
    assert not {"3yo", "yo", "o", "weeks", "old", "79", "91", "80s", "late"} & set(understanding.words)
    if kind is not None:
        assert kind in bundled.search(message).hits[0].entry.categories, bundled.search(message).hits[0].slug


@pytest.mark.parametrize(
    "text",
    [
        "I'm 3 months behind with the rent",
        "my rent is 450 a month",
        "the bus is 20 minutes late again",
        "we are 5 in the house",
        "sold over 70 tickets",
        "room 12 at the hub",
    ],
)
def test_a_number_that_is_no_age_is_not_read_as_one(text):
    """A number after "is" or "'m" that goes on to say what it counts, or one that does not end the
    clause, is no age."""
    assert [m.group(0) for m in search._AGE.finditer(text) if search._age_group(m.group(0))] == []


def test_a_word_in_most_entries_says_little(bundled):
    """ "wrexham" is in most of the bundled entries: it tells none of them apart, so a message that
    matches little else is no good match, however much the word means to the model."""
    assert MeaningModel.load().weight("wrexham") == 1.0
    assert bundled._says("wrexham") <= search.WEIGHT_IN_MOST
    assert bundled._says("dementia") == 1.0
    assert not bundled.search("wrexham bus station").confident
    assert bundled.search("dementia support in wrexham").confident


@pytest.mark.parametrize(
    "typo, word", [("pregnent", "pregnant"), ("traslator", "translator"), ("employmnet", "employment")]
)
def test_a_typo_of_a_word_the_vocabulary_reads_is_corrected(bundled, typo, word):
    """No entry uses the word, but the resident vocabulary reads it ("pregnant": midwives, health visitors)."""
    assert word not in bundled._spell.freqs
    _, corrections = bundled.understand(typo)
    assert dict(corrections).get(typo) == word
    assert bundled.search(typo).confident


def test_a_real_english_word_is_not_corrected_into_one_the_vocabulary_reads(bundled):
    _, corrections = bundled.understand("electrician")  # not "electricity"
    assert corrections == []


# --- confidence ---------------------------------------------------------------------------------


def test_confident_on_a_clear_need_and_not_on_something_the_directory_lacks(bundled):
    assert bundled.search("food bank").confident
    assert bundled.search("I can't pay my rent").confident
    for message in ("wedding venue to hire", "zzzz qqqq", "up"):
        assert not bundled.search(message).confident, message
    # "help" alone is a call, not a search: the helplines and "Are you safe right now?", and no entry
    # passes for a match
    res = bundled.search("help")
    assert res.crisis and res.crisis.tier == "concern" and not any(h.good for h in res.hits)


def test_the_kinds_of_service_are_compared_with_the_words_an_entry_accounts_for(bundled):
    """Each category's name and description says what that kind of service is about: "debt" is
    closest to money, "baby" to the early years."""
    kinds = bundled._meaning.closeness_to_texts(["debt", "baby"], bundled._category_texts())
    assert set(kinds) == {c.id for c in bundled.categories}
    assert max(kinds, key=lambda c: kinds[c][0]) == "money"
    assert max(kinds, key=lambda c: kinds[c][1]) == "early-years"


def test_results_rank_higher_as_far_as_the_message_is_about_their_kind_of_service(bundled, monkeypatch):
    """ "hungry" is what the food category is about: the community fridge (food) gains more than
    Citizens Advice (advice, money), and no word counts for more than KIND_CLIP ("family" beside
    "Parents and families" does not outweigh the rest of the message)."""
    message = "hungry and skint till friday"
    most = search.KIND_RANK * search.KIND_CLIP
    with_kinds = {h.slug: h.score for h in bundled.search(message, limit=30).hits}
    monkeypatch.setattr(search, "KIND_RANK", 0.0)
    without = {h.slug: h.score for h in bundled.search(message, limit=30).hits}
    gain = {slug: with_kinds[slug] - without[slug] for slug in with_kinds.keys() & without.keys()}
    assert gain["cpp-community-fridge"] > gain["wrexham-citizens-advice"] > 0
    assert max(gain.values()) <= most + 1e-4
    monkeypatch.undo()
    top = bundled.search("I want to learn to make cheap tasty meals for the family").hits[0]
    assert top.slug == "cpp-cookery-sessions", top.why()


def test_a_word_an_entry_has_in_passing_is_no_good_match(bundled):
    """The text line's questions mention "phone" (you can text, not phone): a phone shop is not what
    a crisis line is about. A need that is what the entry's kind of service is about stays confident."""
    res = bundled.search("phone case shop")
    assert res.hits[0].slug == "shout-85258" and not res.confident
    for message, kind in [
        ("debt advice for a catalogue bill", "money"),
        ("baby weighing clinic", "early-years"),
        ("esol classes for my wife", "language"),
    ]:
        res = bundled.search(message)
        assert res.confident and kind in res.hits[0].entry.categories, (message, res.hits[0].slug)


def test_a_word_the_directory_has_in_another_form_is_familiar(bundled):
    """The directory says "redundant", "gcse" and "shoes": "redundancy", "gcses" and "shoe" are words
    it knows (the words search matches them alike), so an entry that does not account for one counts
    it as context, not as a need the directory may have nothing for. A stem of two letters says
    nothing ("died" is not the Welsh "di"); a word in no form of the directory stays unknown."""
    for word in ("redundancy", "gcses", "shoe"):
        assert word not in bundled._known and bundled._familiar(word), word
    assert "di" in bundled._known and not bundled._familiar("died")
    assert not bundled._familiar("catalogue")
    res = bundled.search("facing redundancy at work")
    assert res.confident and "learning" in res.hits[0].entry.categories, res.hits[0].why()


def test_ask_json_gains_confident_and_keeps_the_rest(tmp_path):
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["ask", "--json", "--content", str(CONTENT), "--index", str(tmp_path / "ix")],
        input="food bank\nwedding venue to hire\n\U0001f600\n" + "x" * 10_000 + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [a["confident"] for a in answers] == [True, False, False, False]
    for a in answers:
        assert set(a) <= {"query", "crisis", "confident", "results", "suggestion"}
        assert {"query", "crisis", "confident", "results"} <= set(a)
        for r in a["results"]:
            assert set(r) == {"slug", "title", "score", "why"}


def test_ask_says_plainly_when_nothing_is_a_good_match(tmp_path):
    runner = CliRunner()
    args = ["ask", "--content", str(CONTENT), "--index", str(tmp_path / "ix")]
    english = runner.invoke(cli, [*args, "wedding venue to hire"], catch_exceptions=False).stdout
    assert english.startswith("I don't have a good match for that.")
    assert "Citizens Advice" in english and "116 123" in english
    welsh = runner.invoke(
        cli, [*args, "--lang", "cy", "wedding venue to hire"], catch_exceptions=False
    ).stdout
    assert welsh.startswith("Does gen i ddim ateb da i hynny.")
    assert "Gyngor ar Bopeth" in welsh and "116 123" in welsh


# --- the model off: words alone -----------------------------------------------------------------


def test_a_damaged_model_means_words_alone_with_one_warning(model_off, tmp_path, caplog):
    build_index(CONTENT, tmp_path / "ix")  # builds without vectors
    assert EntryVectors.read(current_generation(tmp_path / "ix")) is None
    with caplog.at_level(logging.WARNING, logger="search_index.engine.meaning"):
        idx = SearchIndex.open(tmp_path / "ix", content_dir=CONTENT)
        res = idx.search("food bank")
        idx.search("skint")
        SearchIndex.open(tmp_path / "ix", content_dir=CONTENT).search("debt")
    assert res.hits and "food" in res.hits[0].entry.categories
    warnings = [r for r in caplog.records if "search by meaning is off" in r.getMessage()]
    assert len(warnings) == 1
    assert "words alone" in meaning.status()


def test_damaged_entry_vectors_are_made_again_when_the_index_opens(tmp_path, caplog):
    build_index(CONTENT, tmp_path / "ix")
    gen = current_generation(tmp_path / "ix")
    (gen / meaning.VECTORS_FILE).write_bytes(b"garbage")
    with caplog.at_level(logging.WARNING, logger="search_index.engine.meaning"):
        idx = SearchIndex.open(tmp_path / "ix", content_dir=CONTENT)
    assert idx._meaning.ok and len(idx._meaning.slugs) == len(idx.visible())
    assert idx.search("food bank").confident


def _fake_wordllama(root: Path) -> Path:
    """A `wordllama` package whose model files are damaged, found before the real one."""
    pkg = root / "wordllama"
    (pkg / "weights").mkdir(parents=True)
    (pkg / "tokenizers").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / meaning.WEIGHTS_FILE).write_bytes(b"damaged")
    (pkg / meaning.TOKENIZER_FILE).write_text("{")
    return root


def test_check_says_when_search_by_meaning_is_off(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(_fake_wordllama(tmp_path)), str(ROOT)])}
    cmd = [sys.executable, "-m", "signpost", "check", "--content", str(CONTENT)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "note: search by meaning is off" in done.stderr
    healthy = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert "search by meaning is off" not in healthy.stderr


@pytest.mark.slow
def test_serve_says_when_search_by_meaning_is_off_and_still_answers(tmp_path):
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(_fake_wordllama(tmp_path / "lib")), str(ROOT)]),
        "SIGNPOST_SECRET_KEY": "test",
    }
    args = ["--content", str(CONTENT), "--index", str(tmp_path / "ix"), "--db", str(tmp_path / "d.db")]
    with signpost_serve(args, cwd=tmp_path, env=env) as (port, log):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/search?q=food+bank", timeout=30) as r:
            assert "Caia Park community fridge" in r.read().decode()
    assert "note: search by meaning is off" in log.read_text()


# --- the held-out set (never tuned on) ----------------------------------------------------------


@pytest.mark.parametrize(
    "name, size, floors",
    [
        (
            "meaning_heldout.yml",
            (150, 40),
            {"lay": 0.97, "messages": 0.96, "unanswerable": 0.95, "confident": 0.89},
        ),
        (
            "meaning_heldout_2.yml",
            (130, 30),
            {"lay": 0.85, "messages": 0.95, "unanswerable": 0.93, "confident": 0.89},
        ),
        (
            "meaning_heldout_3.yml",
            (90, 30),
            {"lay": 0.96, "messages": 0.86, "unanswerable": 0.96, "confident": 0.93},
        ),
        (
            "meaning_heldout_4.yml",
            (126, 34),
            {"lay": 0.91, "messages": 0.93, "unanswerable": 0.97, "confident": 0.90},
        ),
        (
            "meaning_heldout_5.yml",
            (180, 45),
            {"lay": 0.91, "messages": 0.98, "unanswerable": 0.95, "confident": 0.93},
        ),
        (
            "meaning_heldout_6.yml",
            (166, 50),
            {"lay": 0.95, "messages": 0.98, "unanswerable": 0.98, "confident": 0.96},
        ),
        (
            "meaning_heldout_7.yml",
            (163, 50),
            {"lay": 0.94, "messages": 0.98, "unanswerable": 0.98, "confident": 0.97},
        ),
        # confident 162 -> 160 of 191 at the twelfth round's crisis refit: the learned reader no longer
        # raises a concern on two everyday messages ("They stopped my money because I missed an
        # appointment...", "Mae fy mab yn poeni'n ofnadwy cyn arholiadau..."), and a concern had made
        # their answers count as confident (the crisis lines are the answer); the results are the same
        (
            "meaning_heldout_8.yml",
            (212, 50),
            {"lay": 0.86, "messages": 0.92, "unanswerable": 0.94, "confident": 0.87},
        ),
        (
            "meaning_heldout_9.yml",
            (204, 50),
            {"lay": 0.92, "messages": 0.96, "unanswerable": 0.98, "confident": 0.92},
        ),
        (
            "meaning_heldout_10.yml",
            (201, 50),
            {"lay": 0.90, "messages": 0.93, "unanswerable": 0.96, "confident": 0.87},
        ),
        (
            "meaning_heldout_11.yml",
            (200, 50),
            {"lay": 0.78, "messages": 0.98, "unanswerable": 0.98, "confident": 0.80},
        ),
        # the eleventh round's blind set: 0.86 / 0.95 / 43 of 50 / 0.93 with the code of its start
        (
            "meaning_heldout_12.yml",
            (200, 50),
            {"lay": 0.92, "messages": 0.97, "unanswerable": 0.94, "confident": 0.92},
        ),
        # the twelfth round's blind set: 0.91 / 0.93 / 47 of 50 / 0.80 with the code of its start
        (
            "meaning_heldout_13.yml",
            (200, 50),
            {"lay": 0.90, "messages": 0.92, "unanswerable": 0.96, "confident": 0.89},
        ),
        # the thirteenth round's blind set (families and older people, several needs at once, and needs
        # no entry meets that share words with covered ones): 0.86 / 0.99 / 34 of 50 / 0.86 with the code
        # of its start; 36 of 50 unanswerable at its end (the scope reader)
        (
            "meaning_heldout_14.yml",
            (200, 50),
            {"lay": 0.85, "messages": 0.98, "unanswerable": 0.82, "confident": 0.92},
        ),
        # the fourteenth round's blind set (needs that sound like help services the directory does not
        # have; working people, students and migrants): 0.86 / 0.94 / 43 of 50 / 0.85 with the code of its
        # start; 0.90 / 0.94 / 43 of 50 / 0.88 at its end (Polish and Portuguese read by dictionary)
        (
            "meaning_heldout_15.yml",
            (200, 50),
            {"lay": 0.89, "messages": 0.93, "unanswerable": 0.90, "confident": 0.92},
        ),
        # the fifteenth round's blind set (needs nothing meets that share a key word with a service
        # that is there; older people, parents of young children, people new to Wrexham): 0.88 / 0.96 /
        # 42 of 50 / 0.83 with the code of its start; 0.89 / 0.97 / 42 of 50 / 0.90 at its end (Polish,
        # Portuguese and Arabic read by dictionary and judged for confidence). From the sixteenth
        # round the scope reader's second opinion has learned from every set up to this one: these and
        # the floors above count what it learned from (its honest figures, each set left out, are in
        # docs/benchmarks.md)
        (
            "meaning_heldout_16.yml",
            (200, 50),
            {"lay": 0.88, "messages": 0.96, "unanswerable": 0.90, "confident": 0.90},
        ),
        # the sixteenth round's blind set (everyday requests a resident might expect a hub to handle: a
        # shop, a trade, a council department, a hobby, a pet service; young people, carers, disabled
        # people, people on low pay, Welsh), never learned from: 0.95 / 0.96 / 38 of 50 / 0.91 with the
        # code of its start; 0.95 / 0.96 / 42 of 50 / 0.92 at its end (the scope reader's second opinion).
        # From the seventeenth round the second opinion has learned from it too: 45 of 50 / 0.93 (44 of 50
        # / 0.93 with a second reader fitted without it, docs/benchmarks.md)
        (
            "meaning_heldout_17.yml",
            (200, 50),
            {"lay": 0.94, "messages": 0.95, "unanswerable": 0.88, "confident": 0.92},
        ),
        # the seventeenth round's blind set (needs that share a word or a kind with a service that is
        # there but ask for what it does not give; older people, new arrivals, parents, people leaving
        # prison or care, Welsh), never learned from: 0.91 / 0.95 / 38 of 53 / 0.92 with the code of its start;
        # 0.91 / 0.95 / 38 of 53 / 0.93 at its end (the second opinion read against the entry's own sentence)
        (
            "meaning_heldout_18.yml",
            (200, 50),
            {"lay": 0.90, "messages": 0.94, "unanswerable": 0.70, "confident": 0.91},
        ),
    ],
)
def test_held_out_figures(bundled, name, size, floors):
    """Figures on the held-out sets, each written blind before a round of tuning. The issue's targets
    are lay 0.92, messages 0.95, unanswerable all but one, confident 0.95; these floors are about one
    example below what this version reaches (see docs/benchmarks.md), so that no change makes it
    clearly worse."""
    data = yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))
    assert len(data["lay"]) + len(data["messages"]) >= size[0] and len(data["unanswerable"]) >= size[1]
    figures = evaluate(bundled, data)
    detail = "\n".join(figures["misses"])
    for kind, floor in floors.items():
        assert figures[kind][0] / figures[kind][1] >= floor, f"{kind}\n{detail}"


# --- who, when, and buying: what else a word says -------------------------------------------------


def test_words_that_say_who_when_trade_or_hardship_are_told_apart_from_needs(bundled):
    """The model places words near a few plain words for each role: days, months and parts of the
    day are when, relatives who, buying and selling trade, being short of money hardship, though
    none of these is among the words that define them; needs play no role. A word the model knows
    only in pieces is never when ("nightclub": "night" + "club"); "cheap" is neither trade nor
    hardship."""
    roles_of = {
        "when": ["sunday", "january", "hour"],
        "who": ["cousin", "nephew", "grandson"],
        "trade": ["purchasing", "buying", "shops"],
        "hardship": ["afford", "affording"],
        None: ["bailiffs", "dentist", "mould", "asthma", "nightclub", "sunbed", "cheap"],
    }
    words = [w for ws in roles_of.values() for w in ws]
    roles = bundled._meaning.roles(words)
    assert set(roles) == set(meaning.WORD_ROLES)
    for role, ws in roles_of.items():
        for w in ws:
            played = {r for r in roles if roles[r][words.index(w)] >= 0.9}
            assert played == ({role} if role else set()), (w, played)
            if role is None:
                assert all(roles[r][words.index(w)] == 0 for r in roles), w


@pytest.mark.parametrize(
    "word, base",
    [
        ("purchases", "purchase"),
        ("selling", "sell"),
        ("dancing", "dance"),
        ("stopped", "stop"),
        ("boxes", "box"),
    ],
)
def test_a_word_is_judged_without_its_english_ending(word, base):
    assert base in meaning._base_forms(word)


def test_an_ending_is_taken_off_only_where_english_adds_it():
    """ "es" is an ending after s, x, z, ch and sh only: "shoes" is not "sho" (a whole word of the
    model's vocabulary, which would stand for it)."""
    assert meaning._base_forms("shoes") == ["shoes", "shoe"]
    for word in ("bus", "boss", "bonus", "basis"):
        assert meaning._base_forms(word) == [word]


def test_roles_are_nothing_when_the_model_is_off(model_off):
    index = meaning.MeaningIndex(None, {}, str)
    assert index.roles(["sunday", "cousin"]) == {role: [0.0, 0.0] for role in meaning.WORD_ROLES}


@pytest.mark.parametrize(
    "message, kind",
    [
        ("the bailiffs are coming on Sunday", "money"),
        ("mould in the flat since January", "housing"),
    ],
)
def test_a_day_or_month_the_directory_never_names_does_not_shake_a_clear_need(bundled, message, kind):
    """ "Sunday" is when the need is, not another need: an entry that does not mention it loses
    WHEN_AGAINST of its weight, not all of it (before, "the bailiffs are coming on Sunday" was not
    confident)."""
    res = bundled.search(message)
    assert res.confident and kind in res.hits[0].entry.categories, (message, res.hits[0].why())


@pytest.mark.parametrize(
    "message",
    ["next Sunday", "every January", "tattoo parlour open on Sunday", "wedding venue for next January"],
)
def test_a_day_or_month_never_makes_a_good_match(bundled, message):
    assert not bundled.search(message).confident, message


@pytest.mark.parametrize("message", ["my boyfriend", "a present for my girlfriend", "my husband is deaf"])
def test_a_partner_alone_is_no_domestic_abuse_match(bundled, message):
    """A domestic abuse service whose text mentions husbands and partners accounts for "husband",
    but a word that says who is no need on its own: not a good match, so not a confident answer."""
    res = bundled.search(message)
    assert not any(h.good and "domestic-abuse" in h.entry.categories for h in res.hits), message
    assert not res.confident, message


def test_a_partner_with_a_need_reaches_the_need(bundled):
    """The vocabulary reads "wife", "husband" as a partner, with no sign of abuse: what the message
    asks for leads (before, "my wife got made redundant" put Live Fear Free first)."""
    res = bundled.search("my wife got made redundant")
    assert "learning" in res.hits[0].entry.categories, res.hits[0].why()
    assert not any(h.good and "domestic-abuse" in h.entry.categories for h in res.hits)
    res = bundled.search("my wife wants to learn English")
    assert res.confident and "language" in res.hits[0].entry.categories


@pytest.mark.parametrize(
    "message, kind",
    [
        ("my baby will not feed", "early-years"),
        ("things to do with my toddler", "early-years"),
        ("dad and toddler group", "parenting"),
    ],
)
def test_who_is_the_need_when_the_service_is_for_those_people(bundled, message, kind):
    """A word that says who counts as a need for an entry whose kinds of service are about such
    people ("baby" and the early years), or that the vocabulary reads it as ("dad": parenting)."""
    res = bundled.search(message)
    assert res.confident and kind in res.hits[0].entry.categories, (message, res.hits[0].why())


@pytest.mark.parametrize(
    "message, kind",
    [
        ("worn out caring for my dad, he keeps forgetting things", "older-people"),
        ("my mum has dementia and i need a break", "older-people"),
    ],
)
def test_who_ranks_for_less_than_the_need_beside_it(bundled, message, kind):
    """ "my dad" says who the message is about; the vocabulary's reading of "dad" as parenting does
    not outrank the need beside it (before, the parent group came first)."""
    res = bundled.search(message)
    assert kind in res.hits[0].entry.categories, [h.slug for h in res.hits[:3]]
    assert not any(h.good and "parenting" in h.entry.categories for h in res.hits[:1])


def test_who_ranks_for_less_in_welsh_too(bundled):
    """ "Mam" is "mum" to the Welsh vocabulary (and "parents" after it): a person, who ranks for less
    than "anghofio" (forget, read as dementia) beside it."""
    res = bundled.search("Mae Mam yn anghofio pethau drwy'r amser")
    assert "older-people" in res.hits[0].entry.categories, [h.slug for h in res.hits[:3]]


@pytest.mark.parametrize(
    "message, kind",
    [
        ("support for new dads", "parenting"),
        ("my baby won't stop crying", "early-years"),
        ("my kids are hungry", "food"),
    ],
)
def test_who_still_ranks_when_it_is_the_need_or_a_kind_of_service(bundled, message, kind):
    """A word that says who is the need when nothing else says much ("new dads"), and a word
    that is itself what some services are for ("baby", "kids") is not cut."""
    res = bundled.search(message)
    assert any(kind in h.entry.categories for h in res.hits[:3]), [h.slug for h in res.hits[:3]]
    said = {"dad": 1.0, "forgetting": 1.0, "baby": 1.0}
    u = search.Understanding(tuple(said), {}, {}, ())
    kinds = {"parenting": [0.19, 0.1, 0.4], "early-years": [0.0, 0.1, 0.63]}
    ranked, _, cut = search._beside_who(u, said, list(said), [1.0, 0.0, 1.0], kinds)
    assert ranked["dad"] < 0.5 and ranked["forgetting"] == 1.0 and ranked["baby"] == 1.0, ranked


def test_abuse_by_a_partner_is_still_read_as_abuse(bundled):
    res = bundled.search("my husband hits me")
    assert res.crisis is not None and res.confident
    assert any("domestic-abuse" in h.entry.categories for h in res.hits[:3])


@pytest.mark.parametrize(
    "message",
    [
        "where can I buy a second hand washing machine",
        "where can I purchase a football kit",
        "buying a laptop for college",
        "best place to buy garden furniture",
    ],
)
def test_a_wish_to_buy_is_no_good_match_for_a_service_that_sells_nothing(bundled, message):
    """No entry of the bundled directory speaks of buying: a message that asks to buy something,
    however close its thing is to a service (a cot, college, a garden), gets no confident answer."""
    res = bundled.search(message)
    assert not res.confident, (message, res.hits[0].slug if res.hits else None)


@pytest.mark.parametrize(
    "message, kind",
    [
        ("no money to buy food for the kids", "food"),
        ("skint and cant buy food", "food"),
        ("cheap meals near me", "food"),
    ],
)
def test_buying_beside_a_need_the_directory_meets_is_still_answered(bundled, message, kind):
    """Buying when money is short ("no money", "skint": the vocabulary reads it as money) is part of
    a need a service may meet, not shopping."""
    res = bundled.search(message)
    assert res.confident and kind in {c for h in res.hits[:3] for c in h.entry.categories}, (
        message,
        [h.slug for h in res.hits[:3]],
    )


# --- a joined word is split only into words of its own language ---------------------------------


@pytest.mark.parametrize("message", ["flights to Thailand", "a holiday in Finland"])
def test_an_english_word_is_not_split_into_a_welsh_half(bundled, message):
    """ "thai" and "fin" are words the directory has only in its Welsh text (the mutated "tai",
    houses): an English message's "thailand" is not "thai land", nor housing."""
    res = bundled.search(message)
    assert res.corrections == () and not res.confident, (message, res.corrections)
    assert not any("housing" in h.entry.categories for h in res.hits[:1])


def test_a_joined_english_word_is_still_split(bundled):
    res = bundled.search("foodbank near me")
    assert res.confident and "food" in res.hits[0].entry.categories
    assert bundled.understand("is there a lunchclub")[1] == [("lunchclub", "lunch club")]


# --- the front-ends say so ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_core(tmp_path_factory):
    from search_index.live import LiveIndex

    core = LiveIndex(CONTENT, tmp_path_factory.mktemp("core-index"))
    core.ensure_index()
    return core


@pytest.mark.parametrize(
    ("lang", "plain", "heading"),
    [
        ("en", "I don't have a good match for that.", "These might help:"),
        ("cy", "Does gen i ddim ateb da i hynny.", "Efallai y bydd y rhain yn helpu:"),
    ],
)
def test_the_bot_says_when_nothing_is_a_good_match(bundled_core, lang, plain, heading):
    from bot.chats import ChatState
    from bot.conversation import Conversation

    conv = Conversation(bundled_core)
    reply = conv.reply(ChatState(lang=lang, lang_set=True), text="wedding venue to hire")
    assert reply.kind == "no_good_match"
    assert reply.text.startswith(plain) and "116 123" in reply.text
    assert any(b.data == "c" for row in reply.buttons for b in row)  # browse by topic
    (weak,) = reply.followups
    assert weak.kind == "results" and weak.text.startswith(heading)
    confident = conv.reply(ChatState(lang=lang, lang_set=True), text="food bank")
    assert confident.kind == "results"


@pytest.mark.parametrize(
    ("prefix", "plain", "heading"),
    [
        ("", "I don’t have a good match for that", "These might help"),
        ("/cy", "Does gen i ddim ateb da i hynny", "Efallai y bydd y rhain yn helpu"),
    ],
)
def test_the_site_says_when_nothing_is_a_good_match(bundled_app, prefix, plain, heading):
    client = bundled_app.test_client()
    page = client.get(f"{prefix}/search?q=wedding+venue+to+hire").get_data(as_text=True)
    assert plain in page.replace("&#39;", "’").replace("'", "’")
    assert heading in page and "116 123" in page and 'id="browse"' in page
    good = client.get(f"{prefix}/search?q=food+bank").get_data(as_text=True)
    assert plain not in good.replace("&#39;", "’").replace("'", "’")


@pytest.mark.parametrize("message", HOSTILE_MESSAGES)
def test_any_message_gets_an_answer(bundled, message):
    res = bundled.search(message)
    assert isinstance(res.confident, bool)
    for hit in res.hits:
        assert hit.why() and hit.why("cy")


def test_the_web_chat_says_when_nothing_is_a_good_match(bundled_app):
    import html

    from test_chat_web import Chat

    chat = Chat(bundled_app.test_client())
    chat.say("wedding venue to hire")
    assert "I don't have a good match for that." in chat.text
    assert "These might help:" in chat.text and "116 123" in chat.text
    assert html.escape("Browse by topic", quote=False) in chat.page.get_data(as_text=True)


@pytest.mark.parametrize(
    "message, slug",
    [
        ("my nan's memory is going", "cpp-dementia-day-care"),
        ("forgetful", "cpp-dementia-day-care"),
        ("memorial garden", "caia-park-memorial-garden"),
    ],
)
def test_memory_is_not_a_memorial(bundled, message, slug):
    """Porter reads "memory" and "memorial" as one stem ("memori"); the index keeps "memorial" a
    family of its own (SEPARATE_STEMS), so a failing memory does not lead to the memorial garden."""
    assert bundled.search(message).hits[0].slug == slug


def test_a_welsh_word_is_weighed_as_an_english_one_is(bundled):
    """In a Welsh message, "Wrecsam" (in most entries) says little, as "wrexham" does in English;
    and a word that no entry, nor the vocabulary, nor the Welsh-English dictionary knows ("mhasbort")
    counts against an entry that leaves it out, as an English word nobody knows does. A word any of
    them knows stays familiar ("nyledion", debts, mutated)."""
    understanding, _ = bundled.understand("Oes rhywun yn nabod plymwr da yn Wrecsam?", "cy")
    assert bundled._information(understanding, "cy")["wrecsam"] <= search.WEIGHT_IN_MOST
    assert not bundled._familiar("mhasbort", "cy") and not bundled._familiar("zzgwrthb", "cy")
    assert bundled._familiar("nyledion", "cy") and bundled._familiar("cawl", "cy")


def test_a_long_message_is_judged_on_what_it_names_not_its_whole_story(bundled):
    """Of the words an entry leaves out, only the heaviest MISSING_COUNTED count against a good
    match: the rest of a long message is the story around the need. A short message's words all
    count, as before (an unknown "passport" is no need the directory meets)."""
    said = dict.fromkeys(["need", "a", "b", "c", "d", "e"], 1.0)
    lexical = {"need": 1.0}
    assert search._coverage(said, list(said), lexical, None, {}) == pytest.approx(1 / 6)
    assert search._coverage(said, list(said), lexical, None, {}, 3) == pytest.approx(1 / 4)
    message = (
        "my son is 15 and lives on his playstation and energy drinks, never leaves his bedroom, "
        "skips school and barely talks to us any more"
    )
    res = bundled.search(message)
    assert res.confident and "young-people" in res.hits[0].entry.categories, res.hits[0].slug
    assert not bundled.search("where can I renew my passport").confident


def test_the_bar_for_a_good_match_falls_for_a_long_message(bundled):
    """A long message's vector is diluted by the story around its need, so the support a good match
    needs falls from GOOD_MATCH at LONG_FROM content words to LONG_GOOD_MATCH at LONG_FULL and more:
    a long message that names its need is answered with confidence; a short one is judged as before,
    and a long one that asks for what the directory lacks still gets no confident answer."""
    bars = [search._good_bar(n) for n in range(1, 14)]
    assert bars[: search.LONG_FROM] == [search.GOOD_MATCH] * search.LONG_FROM
    assert bars[search.LONG_FULL - 1 :] == [search.LONG_GOOD_MATCH] * (14 - search.LONG_FULL)
    assert all(a >= b for a, b in zip(bars, bars[1:], strict=False))
    for message, kind in [
        ("the gas meter has run out and I've got nothing to top up with till Monday", "advice"),
        ("Got a letter saying they're taking me to court over the rent, I'm two months behind", "housing"),
        # support between 0.45 and 0.5: confident since LONG_GOOD_MATCH is 0.45
        (
            "my mum has started forgetting names and leaving the cooker on, I work full time and cannot "
            "watch her all day",
            "older-people",
        ),
    ]:
        res = bundled.search(message)
        assert res.confident and kind in res.hits[0].entry.categories, (message, res.hits[0].why())
    for message in [
        "My cat's been limping for two days, is there a cheap vet near Caia Park?",
        "how do I get tickets for the next Wrexham AFC home game at the Racecourse",
        "soft play centre to book for my son's 5th birthday party",
    ]:
        assert not bundled.search(message).confident, message


def test_a_word_nothing_knows_is_judged_by_how_close_it_is_to_the_entrys_own_text(bundled, monkeypatch):
    """In a short message, a word neither the directory nor the vocabulary knows counts against an
    entry only as far as it is far from the entry's own text (its closest title, summary, tag or
    question): from fully below UNKNOWN_NEAR_LOW to not at all from UNKNOWN_NEAR_FULL. "secondhand" is
    close to what the community help group offers; a puppy, a guitar or a wedding dress are needs no
    entry offers."""
    against = {"cot": 0.3, "secondhand": 1.0, "tonight": 0.6}
    mid = (search.UNKNOWN_NEAR_LOW + search.UNKNOWN_NEAR_FULL) / 2
    assert search._unknown_against(against, {"secondhand": search.UNKNOWN_NEAR_FULL}) == {
        **against,
        "secondhand": 0,
    }
    assert search._unknown_against(against, {"secondhand": search.UNKNOWN_NEAR_LOW}) == against
    assert search._unknown_against(against, {"secondhand": mid})["secondhand"] == pytest.approx(0.5)
    parts = search._own_parts(bundled.get("cpp-community-help-group"))
    near, far = bundled._meaning.closest_part(["secondhand", "puppy"], parts)
    assert near >= search.UNKNOWN_NEAR_FULL > search.UNKNOWN_NEAR_LOW > far
    res = bundled.search("secondhand cot")
    assert res.confident and res.hits[0].slug == "cpp-community-help-group"
    for message in ("puppy classes", "guitar lessons", "pottery classes", "wedding dress"):
        assert not bundled.search(message).confident, message
    monkeypatch.setattr(search, "SHORT_MESSAGE", 0)  # judged as before: the unknown word counts fully
    # (on words and word vectors alone: the scope reader also finds a cot in scope, and makes this
    # near match a good one; tests/test_search_scope.py)
    monkeypatch.setattr(search.search_scope, "load", lambda: None)
    assert not bundled.search("secondhand cot").confident
