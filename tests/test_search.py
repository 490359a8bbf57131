"""Search behaviour on a tiny directory: words, typos, Welsh, filters, crisis first, hostile input."""

import os
import time

import pytest
from conftest import HOSTILE_MESSAGES, SEARCH_ENTRIES, make_content, pick

from search_index import Filters, SearchIndex, build_index
from search_index.index import current_generation, name_words
from search_index.language import ordinary_english_words


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    return opened(tmp_path_factory, "search", SEARCH_ENTRIES)


def opened(tmp_path_factory, name: str, entries: dict) -> SearchIndex:
    """A real index on disk of `entries`, built and opened."""
    root = tmp_path_factory.mktemp(name)
    content = make_content(root / "content", entries)
    build_index(content, root / "ix")
    return SearchIndex.open(root / "ix", content_dir=content)


def top(idx, text, **kw):
    return [h.slug for h in idx.search(text, **kw).hits]


@pytest.mark.parametrize(
    "text, slug",
    [
        ("food bank", "food-bank"),
        ("foodbank", "food-bank"),
        ("where can I get help with debt", "debt-advice"),
        ("I'm skint till payday", "debt-advice"),
        ("bailiffs at the door", "debt-advice"),
        ("englsh lessons", "esol"),
        ("english lessons", "esol"),
        ("learn english", "esol"),
        ("youth club", "youth-club"),
        ("clwb ieuenctid", "youth-club"),
        ("gwersi Saesneg", "esol"),
        ("dyled", "debt-advice"),
        ("bwyd", "food-bank"),
        ("food parcells", "food-bank"),
        ("groceries", "food-bank"),
    ],
)
def test_finds_the_right_service_in_the_top_3(idx, text, slug):
    assert slug in top(idx, text)[:3]


def test_why_names_the_matched_words(idx):
    hit = idx.search("debt").hits[0]
    assert hit.slug == "debt-advice"
    assert "debt" in hit.why("en") and hit.why("en").startswith("Matches")
    assert hit.why("cy").startswith("Yn cyfateb i")


def test_closed_entries_are_never_shown(idx):
    assert "old-warehouse" not in top(idx, "old food warehouse")


def test_crisis_lines_come_first_and_fit_the_crisis(idx):
    res = idx.search("my boyfriend strangled me")
    assert res.is_crisis and res.crisis.kind == "abuse"
    assert res.hits[0].crisis_line
    assert "live-fear-free" in [h.slug for h in res.hits[:3]]
    res = idx.search("I don't want to be alive anymore")
    assert res.hits[0].slug == "samaritans"
    assert "emergency-999" in [h.slug for h in res.hits[:3]]


def test_something_happening_now_puts_999_first(idx):
    res = idx.search("I've taken too many tablets")
    assert res.is_crisis and res.crisis.urgent
    assert res.hits[0].slug == "emergency-999"


def test_harmless_words_do_not_trigger_crisis(idx):
    assert not idx.search("how do I kill time with the kids").is_crisis


def test_did_you_mean_when_words_were_corrected(idx):
    res = idx.search("englsh lesons")
    assert res.suggestion == "english lessons"


def test_no_results_still_answers(idx):
    res = idx.search("zzzzqqqq xylophone")
    assert res.hits == () and not res.is_crisis


@pytest.mark.parametrize(
    "filters, expected, excluded",
    [
        (Filters(category="young-people"), {"youth-club"}, {"food-bank"}),
        (Filters(age=12), {"youth-club"}, {"debt-advice"}),
        (Filters(age=30), {"debt-advice"}, {"youth-club"}),
        (Filters(free=True), {"food-bank"}, {"esol"}),
        (Filters(language="pl"), {"esol"}, {"food-bank"}),
    ],
)
def test_filters(idx, filters, expected, excluded):
    slugs = set(top(idx, "free food debt youth club english classes", filters=filters))
    assert expected <= slugs and not (excluded & slugs)


@pytest.mark.parametrize("text", HOSTILE_MESSAGES)
def test_any_query_gets_an_answer(idx, text):
    res = idx.search(text)
    assert isinstance(res.hits, tuple)
    assert len(res.query) <= 500


def test_temporarily_closed_ranks_below_an_equally_good_open_service(tmp_path):
    same = "---\ntitle: Food bank\nsummary: Food parcels.\ncategories: [food]\n{extra}---\n"
    content = make_content(
        tmp_path / "c",
        {
            "a-closed": same.format(extra="status: temporarily-closed\n"),
            "b-open": same.format(extra=""),
        },
    )
    build_index(content, tmp_path / "ix")
    assert top(SearchIndex.open(tmp_path / "ix"), "food bank")[:2] == ["b-open", "a-closed"]


def test_did_you_mean_leaves_correct_welsh_mutations_alone(tmp_path):
    """ "tan ddiwrnod cyflog" is correct Welsh: no suggestion to un-mutate "ddiwrnod" to "diwrnod"."""
    from conftest import ENTRIES, make_content

    from search_index.live import LiveIndex

    lunch = ENTRIES["lunch-club"].replace(
        "summary: A hot",
        "summary_cy: Cinio poeth bob diwrnod i bobl hŷn, a bwyd i deuluoedd.\n        summary: A hot",
    )
    core = LiveIndex(make_content(tmp_path / "content", {**ENTRIES, "lunch-club": lunch}), tmp_path / "index")
    core.ensure_index()
    assert core.index.search("diwrnodd").suggestion == "diwrnod"  # the word is known to the corrector
    for text in ("tan ddiwrnod cyflog", "help i fwyd", "ar ddiwrnod"):
        results = core.index.search(text)
        assert not results.suggestion or "diwrnod" not in results.suggestion.split(), text
        assert not any(a in ("ddiwrnod", "fwyd") for a, _ in results.corrections), text
    assert core.index.search("foood parcels").suggestion == "food parcels"  # English typos still corrected


# Two services with English and Welsh text, beside the search folder's: the typo corrector's words
# then include Welsh-only words ("coed", "drin", "iach") one letter from English words, and
# English-only ones ("cant", "call", "safe") one letter from Welsh words.
BILINGUAL = {
    "walking-group": """\
        ---
        title: Walking group
        title_cy: Grŵp cerdded
        summary: Gentle walks in the woods for anyone who wants company and fresh air.
        summary_cy: Teithiau cerdded hamddenol yn y coed i unrhyw un sydd eisiau cwmni ac awyr iach.
        categories: [health]
        tags: [walking, walks, fresh air]
        ---

        We meet at the park gates every Tuesday at ten. Wear strong shoes.

        <!-- cy -->

        Rydyn ni'n cwrdd wrth gatiau'r parc bob dydd Mawrth am ddeg. Gwisgwch esgidiau cryf.
        """,
    "repair-cafe": """\
        ---
        title: Repair cafe
        title_cy: Caffi trwsio
        summary: Bring broken kettles, lamps, bikes and clothes, and volunteers mend them with you.
        summary_cy: Dewch â thegellau, lampau, beiciau a dillad sydd wedi torri, a bydd gwirfoddolwyr yn eu trwsio gyda chi.
        categories: [community]
        tags: [repairs, mending, kettles]
        ---

        Every second Saturday in the church hall. Tea and cake while you wait.

        <!-- cy -->

        Bob ail ddydd Sadwrn yn neuadd yr eglwys. Te a chacen tra byddwch yn aros.
        """,
}


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    return opened(tmp_path_factory, "bilingual", {**SEARCH_ENTRIES, **BILINGUAL})


@pytest.mark.parametrize(
    "text, word",
    [
        # English messages: never into a word the directory has only in its Welsh text
        ("blocked drain under the sink", "drain"),  # not "drin"
        ("cream for an itch", "itch"),  # not "iach"
        ("coffee morning at the chapel", "chapel"),  # not "chael"
        ("looking for a buddy to go running with", "buddy"),  # not "budd"
        # another form of a word the directory knows: the index reads both alike
        ("my kettle has stopped working", "kettle"),  # "kettles"
        ("I volunteered at a food bank before", "volunteered"),  # "volunteers"
        ("someone who mends clothes", "mends"),  # "mend"
        ("toddler groups in the parks", "parks"),  # "park"
        # the plural of a common English word (a whole word of the meaning model)
        ("charity shops in town", "shops"),  # not "shoes"
        ("dents in the car door", "dents"),  # not "debts"
        # Welsh messages: never into a word the directory has only in its English text
        ("gwersi canu i blant", "canu"),  # not "cant"
        ("mynd am dro", "mynd"),  # not "mend"
        ("safle bws agosaf", "safle"),  # not "safe"
        # a real Welsh word (the word lists, the Welsh dictionary) is kept, even one letter from
        # another Welsh word the directory uses
        ("cawl i'r teulu", "cawl"),  # not "cael"
        ("cawl", "cawl"),  # not "call"
        ("bywyd iach", "bywyd"),  # not "bwyd"
        ("capel", "capel"),  # not "cael"
        ("hawl i fudd-daliadau", "hawl"),  # not "hall"
        ("gwersi pobi bara", "pobi"),  # not "pobl"
        ("tan y bont", "bont"),  # a mutated dictionary word ("pont")
    ],
)
def test_a_correctly_spelled_word_is_not_corrected(bilingual, text, word):
    _, corrections = bilingual.understand(text)
    assert word not in dict(corrections), corrections
    suggestion = bilingual.search(text).suggestion
    assert suggestion is None or word in suggestion.split(), suggestion


def test_a_word_of_the_dictionary_is_not_split_into_two_of_the_directorys(tmp_path_factory):
    """ "weekend" and "nightclub" are English words, not "week end" and "night club", though the
    directory has all four; "teaclub", no word of the dictionary, is still read as "tea club"."""
    entries = {
        "week-club": """\
            ---
            title: Night club for older people
            summary: A social club that meets one night a week, at the end of the day.
            categories: [older-people]
            ---
            Come along every week; we end with a cup of tea.
            """,
    }
    idx = opened(tmp_path_factory, "split", entries)
    assert all(w in ordinary_english_words() for w in ("weekend", "nightclub"))
    for text, word in (("something on at the weekend", "weekend"), ("a nightclub in town", "nightclub")):
        understanding, corrections = idx.understand(text)
        assert word not in dict(corrections) and word in understanding.words, (understanding, corrections)
    assert dict(idx.understand("a teaclub near me")[1]) == {"teaclub": "tea club"}


@pytest.mark.parametrize(
    "text, typo, fixed",
    [
        ("kettels for the kitchen", "kettels", "kettles"),
        ("walkng group near me", "walkng", "walking"),
        ("volnteers to help me", "volnteers", "volunteers"),
        ("esgidau cryf i gerdded", "esgidau", "esgidiau"),
        ("mae'r thegelau wedi torri", "thegelau", "thegellau"),
        ("caffi trwiso", "trwiso", "trwsio"),  # too short to tell the language: corrected as before
        # a message that reads as English is corrected as English, Welsh dictionary or not
        ("can I get hela with my kettle", "hela", "help"),
    ],
)
def test_typos_are_still_corrected_in_both_languages(bilingual, text, typo, fixed):
    _, corrections = bilingual.understand(text)
    assert dict(corrections).get(typo) == fixed, corrections


LEFT_OUT = {
    "allotments": """\
        ---
        title: Allotments
        summary: Growing vegetables together on the estate.
        categories: [community]
        ---
        """,
    "walks": """\
        ---
        title: Walks
        summary: Going for a walk with others, going at your own pace.
        categories: [community]
        ---
        """,
    "trips": """\
        ---
        title: Trips
        summary: Going on day trips in the summer.
        categories: [community]
        ---
        """,
}


@pytest.mark.parametrize("typo, word", [("gowing", "growing"), ("vegetabes", "vegetables")])
def test_a_typo_that_leaves_out_a_letter_is_read_as_the_word_it_was_left_out_of(tmp_path_factory, typo, word):
    """A letter left out is the commonest typo: of the words one edit away, one that the typo's
    letters spell in order ("gowing" in "growing") comes before a more used one ("going")."""
    idx = opened(tmp_path_factory, "left-out", LEFT_OUT)
    assert idx._spell.freqs["going"] > idx._spell.freqs["growing"]
    _, corrections = idx.understand(f"{typo} near me")
    assert dict(corrections).get(typo) == word, corrections


SOUNDS = {
    "chest-clinic": """\
        ---
        title: Chest clinic
        summary: Nurses for pneumonia, asthma and eczema, and a carer's clinic.
        categories: [health]
        ---
        """,
    "council-desk": """\
        ---
        title: Council desk
        summary: Ask the council about a place at the hospice, or book a screen test.
        categories: [advice]
        ---
        """,
}


@pytest.fixture(scope="module")
def sounds(tmp_path_factory):
    return opened(tmp_path_factory, "sounds", SOUNDS)


@pytest.mark.parametrize(
    "typo, word",
    [("numonia", "pneumonia"), ("exema", "eczema"), ("hospis", "hospice"), ("cownsil", "council")],
)
def test_a_word_written_as_it_sounds_is_read_as_the_word_it_sounds_like(sounds, typo, word):
    """Too many letters from the word for a typo (two edits in a short word), but the same sound."""
    assert sounds._spell.correct(typo) is None  # the typo corrector alone finds nothing
    _, corrections = sounds.understand(f"{typo} help")
    assert dict(corrections).get(typo) == word, corrections
    assert sounds.search(typo).hits[0].slug in ("chest-clinic", "council-desk")


@pytest.mark.parametrize(
    "text, word",
    [
        ("counsel for my son", "counsel"),  # an English word, though it sounds like "council"
        ("scran for the kids", "scran"),  # the same key as "screen", but another first vowel
        ("cariwr i mam", "cariwr"),  # Welsh (a carer), though it sounds like "carer"
        ("my cariwr is off sick", "cariwr"),  # ... in an English message too: sound is only a guess
        ("mae numonia ar taid", "numonia"),  # a message read as Welsh: the key is English sound
    ],
)
def test_a_word_is_not_read_by_sound_when_it_is_a_real_word_or_another_sound(sounds, text, word):
    _, corrections = sounds.understand(text)
    assert word not in dict(corrections), corrections


def test_a_word_is_never_read_by_sound_as_one_that_names_a_risk():
    """A sound is a guess: it never turns a word into one that names a risk."""
    from search_index.search import _SpellIndex

    spell = _SpellIndex({"overdose": 1, "overdone": 1})
    assert spell.sounds_like("owverdoase") is None
    assert spell.correct("overdoes") in ("overdose", "overdone")  # the typo corrector is as before
    assert _SpellIndex({"hospice": 1}).sounds_like("hospis") == "hospice"


def test_an_updated_index_knows_which_words_are_welsh_as_a_new_build_does(tmp_path):
    """The corrector's words by language (state.json) after an incremental update equal a full build's."""
    from search_index.index import read_state

    content = make_content(tmp_path / "content", {**SEARCH_ENTRIES, **BILINGUAL})
    build_index(content, tmp_path / "ix")
    path = content / "services" / "repair-cafe.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Te a chacen", "Coffi a bara brith"), encoding="utf-8"
    )
    (content / "services" / "walking-group.md").unlink()
    future = time.time_ns() + 10**9
    os.utime(path, ns=(future, future))
    assert not build_index(content, tmp_path / "ix").full
    build_index(content, tmp_path / "fresh")
    updated, fresh = (read_state(current_generation(tmp_path / d)) for d in ("ix", "fresh"))
    for key in ("spell", "spell_en", "spell_cy"):
        assert updated[key] == fresh[key], key
    assert "brith" in updated["spell_cy"] and "chacen" not in updated["spell_cy"]
    assert "coed" not in updated["spell"] and "walks" not in updated["spell_en"]


# "mobile" (a phone) and "mobility" (getting about) are one stem to Porter ("mobil"); the index keeps
# them apart (search_index.engine.analysis.SEPARATE_STEMS).
MOBILITY = {
    "scooter-loans": """\
        ---
        title: Scooter and wheelchair loans
        summary: Borrow a scooter or wheelchair for people with limited mobility, and advice on mobility aids.
        categories: [disability, older-people]
        ---

        Come to the centre to try a scooter; we also lend walking frames.
        """,
    "digital-help": """\
        ---
        title: Digital help drop-in
        summary: Help with your mobile, tablet or laptop, setting up a phone and topping up credit.
        categories: [community, learning]
        tags: [phone, mobile phones, internet]
        ---

        Volunteers show you how to use your phone, email and the internet.
        """,
}


@pytest.fixture(scope="module")
def mobility(tmp_path_factory):
    return opened(tmp_path_factory, "mobility", {**SEARCH_ENTRIES, **MOBILITY})


@pytest.mark.parametrize("text", ["mobile phone shop", "mobile phone top up", "my mobile is broken"])
def test_a_mobile_phone_is_not_read_as_mobility(mobility, text):
    understanding, _ = mobility.understand(text)
    assert "disability" not in understanding.categories, understanding.categories
    hits = mobility.search(text).hits
    assert hits and hits[0].slug == "digital-help", [h.slug for h in hits]
    scooters = [h for h in hits if h.slug == "scooter-loans"]
    assert not any("mobile" in h.matched for h in scooters), [h.why() for h in scooters]


@pytest.mark.parametrize("text", ["mobility scooter", "mobility aids", "limited mobility", "mobility"])
def test_mobility_still_reaches_disability_support(mobility, text):
    understanding, _ = mobility.understand(text)
    assert "disability" in understanding.categories, understanding.categories
    assert top(mobility, text)[0] == "scooter-loans"


# A service named with an ordinary word ("Shout") and one whose name is no ordinary word
# ("Samaritans"): the first is matched by its name only as written (search_index.index.name_words).
NAMED = {
    "shout": """\
        ---
        title: Shout, text 85258
        organisation: Shout
        summary: A free, confidential text service, any time, for anyone who is struggling to cope.
        categories: [crisis, mental-health]
        tags: [text, texting, can't talk, SHOUT]
        ---

        Text SHOUT to 85258. Shout can help if you can't talk out loud.
        """,
    "samaritans": pick("samaritans")["samaritans"].replace(
        "        categories: [crisis", "        organisation: Samaritans\n        categories: [crisis"
    ),
}


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    if not ordinary_english_words():
        pytest.skip("no English word list (Debian package wbritish)")
    return opened(tmp_path_factory, "named", {**pick("live-fear-free food-bank"), **NAMED})


def test_a_residents_verb_does_not_match_a_service_named_with_that_word(named):
    hits = named.search("my husband shouts at me").hits
    assert hits and hits[0].slug == "live-fear-free", [(h.slug, h.matched) for h in hits]
    assert not any("shouts" in h.matched for h in hits), [(h.slug, h.matched) for h in hits]


@pytest.mark.parametrize(
    "text, slug",
    [
        ("shout", "shout"),  # the name as written
        ("text shout", "shout"),
        ("samaritans", "samaritans"),
        ("samaritan", "samaritans"),  # a name that is no ordinary word keeps all its forms
    ],
)
def test_a_service_is_still_found_by_its_name(named, text, slug):
    hits = named.search(text).hits
    assert hits and hits[0].slug == slug, [(h.slug, h.matched) for h in hits]
    assert hits[0].matched, "found by its words, not only by meaning"


def test_name_words_are_the_ordinary_words_an_entry_writes_only_as_its_name(named):
    assert name_words(named.get("shout")) == {"shout"}
    assert name_words(named.get("samaritans")) == frozenset()  # "Samaritan" is a name, not a word
