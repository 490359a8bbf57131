"""The resident vocabulary: filler, spellings, compounds, phrases and Welsh (with mutations)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search_index.lexicon import load_vocabulary, mutations, phrase_stem, tokenize, word_set


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_tokenize_folds_case_accents_and_apostrophes():
    assert tokenize("I can't find a Tŷ — Pêl-droed!") == ["i", "cant", "find", "a", "ty", "pel", "droed"]


def test_tokenize_drops_control_characters():
    assert tokenize("food\x00\x07bank\u200b") == ["food", "bank"]


@pytest.mark.parametrize(
    "message, words",
    [
        ("Where can I get help with debt", ("debt",)),
        ("is there anywhere that does food parcels please", ("food", "parcels")),
        ("I need english lessons", ("english", "lessons")),
        ("ble galla i gael help gyda dyled", ("dyled",)),
        ("mae angen help arnaf gyda fy nyled", ("help", "nyled")),  # "arnaf": on me (who needs it)
        ("oes cymorth ar gael arnon ni", ("cymorth",)),
    ],
)
def test_filler_is_dropped(vocab, message, words):
    assert vocab.understand(tokenize(message)).words == words


@pytest.mark.parametrize(
    "message, expect_words, expect_category",
    [
        ("I'm skint till payday", {"money", "debt"}, "money"),
        ("can't afford to top up the meter", {"energy", "gas"}, "money"),
        ("my toddler isn't talking yet", {"speech", "language"}, "early-years"),
        ("packed in my job", {"jobs", "employment"}, "learning"),
        ("told to leave my flat", {"homeless", "eviction"}, "housing"),
        ("nowhere to sleep tonight", {"homeless"}, "housing"),
        ("english lessons", {"esol"}, "language"),
        ("my brother drinks too much", {"alcohol"}, "health"),
        ("my son might be autistic", {"autism"}, "disability"),
        ("bwyd", {"food"}, None),
        ("gwersi Saesneg", {"english", "lessons"}, None),
        ("clwb ieuenctid", {"club", "youth"}, None),
        ("gofal plant", {"childcare"}, None),
        ("iechyd meddwl", {"mental health"}, None),
        ("dyled", {"debt"}, None),
        ("tai", {"housing"}, None),
    ],
)
def test_phrases_add_service_words(vocab, message, expect_words, expect_category):
    u = vocab.understand(tokenize(message))
    assert expect_words <= set(u.added), u.added
    if expect_category:
        assert expect_category in u.categories


def test_spellings_and_compounds(vocab):
    u = vocab.understand(tokenize("counseling center foodbank"))
    assert u.words == ("foodbank", "counselling", "centre")
    assert {"food", "bank"} <= set(u.added)


@pytest.mark.parametrize(
    "word, forms",
    [
        ("bwyd", {"bwyd", "fwyd", "mwyd"}),
        ("tai", {"tai", "dai", "nhai", "thai"}),
        ("gofal", {"gofal", "ofal", "ngofal"}),
        ("llety", {"llety", "lety"}),
        ("cymorth", {"cymorth", "gymorth", "nghymorth", "chymorth"}),
    ],
)
def test_welsh_mutations(word, forms):
    assert mutations(word) == forms


def test_mutated_welsh_is_understood(vocab):
    assert "food" in vocab.understand(tokenize("angen fwyd")).added
    assert "housing" in vocab.understand(tokenize("help gyda nhai")).added


def test_a_welsh_phrase_is_understood_with_its_first_word_mutated(vocab):
    """The word before a phrase mutates its first word as it does a single word: "bêl-droed" (after
    "y", football), "gyn-filwyr" (after "i", veterans), "gam-drin" (after "ei", abused)."""
    assert "football" in vocab.understand(tokenize("y bêl-droed i blant")).added
    assert "veterans" in vocab.understand(tokenize("help i gyn-filwyr")).added
    assert "abuse" in vocab.understand(tokenize("wedi cael ei gam-drin")).added
    assert "young people" in vocab.understand(tokenize("clwb i bobl ifanc")).added
    assert "bel" in vocab.known_words() and "ngham" in vocab.known_words()
    # only the first word mutates, and only as Welsh mutates: "droed" alone is not the phrase
    assert "football" not in vocab.understand(tokenize("droed")).added


def test_directory_can_extend_the_vocabulary(tmp_path):
    extra = tmp_path / "vocabulary.yml"
    extra.write_text("phrases:\n  brew club: [lunch club, '@community']\n", encoding="utf-8")
    vocab = load_vocabulary(extra)
    u = vocab.understand(tokenize("brew club"))
    assert "lunch club" in u.added and "community" in u.categories


def test_radicals_reverse_the_welsh_mutations():
    from search_index.lexicon import radicals

    assert "diwrnod" in radicals("ddiwrnod") and "bwyd" in radicals("fwyd")
    assert "gardd" in radicals("ardd") and "plant" in radicals("mhlant") and "tai" in radicals("thai")
    for word in ("diwrnod", "bwyd", "plant", "tai"):
        assert all(word in radicals(form) for form in mutations(word) - {word})


def test_a_mutated_form_is_recognised_only_where_welsh_mutates():
    from search_index.lexicon import is_mutated_form

    known = {"diwrnod", "bwyd", "pension"}
    assert is_mutated_form("ddiwrnod", "tan", known)
    assert is_mutated_form("ddiwrnod", None, known)  # "dd" begins no English word
    assert is_mutated_form("fwyd", "i", known)
    assert not is_mutated_form("fwyd", "food", known)
    assert not is_mutated_form("bension", "my", known)  # an English typo stays a typo


def test_one_cleaner_for_search_the_site_and_the_bot():
    """The same characters go from a message in every channel: controls, zero-width and bidi marks."""
    from bot.conversation import clean_message
    from directory.query import clean_text as query_text
    from search_index import clean_text

    typed = "\u2066food\u2069\x00bank\u200b\u202e  ﬁnder\n\tnow"
    assert clean_message(typed) == query_text(typed) == clean_text(typed, normalise=False)
    assert clean_text(typed, normalise=False) == "food bank ﬁnder now"
    assert clean_text(typed) == "food bank finder now"  # search also folds compatibility forms (NFKC)
    assert clean_text("a " * 50, 9) == "a a a a a"


_WORDS = st.text(alphabet="abcŷéd'-\n ", max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    st.frozensets(_WORDS.filter(lambda w: w and "\n" not in w), max_size=60), st.lists(_WORDS, max_size=30)
)
def test_a_word_set_holds_exactly_its_words(words, others):
    """`word_set` (a MARISA trie: the dictionaries' compact sets) answers as a frozenset of the same
    words would, for its words, their beginnings and endings, and any other text: what search and the
    analytics rely on (`in`, `len`, iteration)."""
    kept = word_set(words)
    assert len(kept) == len(words) and set(kept) == words and bool(kept) == bool(words)
    for probe in [
        *words,
        *others,
        *(w[:-1] for w in words),
        *(w[1:] for w in words),
        *(w + "a" for w in words),
    ]:
        assert (probe in kept) == (probe in words), probe


def test_a_word_set_of_a_real_dictionary():
    from search_index.language import ordinary_english_words

    words = ordinary_english_words()
    if not words:
        pytest.skip("no English word list on this machine (scripts/install-system-deps)")
    assert all(w in words for w in ("shout", "park", "a", "zebra"))
    assert "samaritan" not in words and "" not in words and "shouts\npark" not in words


@pytest.mark.parametrize(
    "word, stem",
    [
        ("forgetting", "forget"),
        ("forgetful", "forget"),
        ("robbed", "rob"),
        ("swimming", "swim"),
        ("falling", "fall"),  # l, s and z stay doubled, as Porter has it
        ("kissing", "kiss"),
        ("egg", "egg"),  # only before -ing or -ed
        ("butter", "butter"),
    ],
)
def test_the_vocabulary_reads_a_doubled_consonant_before_ing_or_ed_as_single(word, stem):
    assert phrase_stem(word) == stem


def test_a_phrase_is_read_whatever_form_of_its_verb_is_written(vocab):
    """ "forgetful" is a phrase of the vocabulary (dementia): "forgetting" reads as it, as "skipped
    school" reads as "skipping school"."""
    assert "older-people" in vocab.understand(tokenize("my mum keeps forgetting where she lives")).categories
    skipped, skipping = (vocab.understand(tokenize(t)) for t in ("skipped school", "skipping school"))
    assert skipped.added and skipped.added == skipping.added


@pytest.fixture(scope="module")
def phrasal(tmp_path_factory):
    extra = tmp_path_factory.mktemp("phrasal") / "vocabulary.yml"
    extra.write_text(
        "phrases:\n  fallen out: [mediation, '@community']\n  sort out: [advice, '@advice']\n",
        encoding="utf-8",
    )
    return load_vocabulary(extra)


@pytest.mark.parametrize(
    "message, category",
    [
        ("can someone sort it out", "advice"),  # an object pronoun between the verb and its particle
        ("who can sort this mess out for us", None),  # ... but no other word
        ("we fell out last year", "community"),  # an irregular form, read by its base ("fall")
        ("my sister and me have fallen out", "community"),  # the phrase as written
        ("she fell over and hurt her arm", None),
    ],
)
def test_a_phrasal_verb_is_read_with_its_object_between_and_in_any_form(phrasal, message, category):
    cats = phrasal.understand(tokenize(message)).categories
    assert (category in cats) if category else not ({"community", "advice"} & set(cats)), cats


def test_a_single_word_is_not_read_by_the_base_of_an_irregular_form(vocab):
    """ "broke" is a phrase of its own (short of money); "break" is not broke, though WordNet lists
    "broke" as a form of "break"."""
    from search_index.lexicon import irregular_forms

    assert irregular_forms().get("broke") == "break"
    assert "money" in vocab.understand(tokenize("broke")).categories
    assert "money" not in vocab.understand(tokenize("break")).categories


def test_without_wordnet_phrases_are_read_as_written(tmp_path):
    from search_index.lexicon import irregular_forms

    assert irregular_forms(tmp_path) == {}
    assert irregular_forms()["threw"] == "throw" and "walked" not in irregular_forms()
