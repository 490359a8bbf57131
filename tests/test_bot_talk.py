"""Small talk, follow-ups, languages and "Did this help?" through the transport-free conversation.

The phrasings in HELD_OUT are not in bot/intents.yml: they check that the intents generalise.
"""

from __future__ import annotations

import socket

import pytest
from conftest import BOT_ENTRIES, make_content, pick

from backoffice.search_log import open_search_log
from bot import intents
from bot.chats import ChatState
from bot.conversation import Conversation, tappable_phone
from bot.phrases import PHRASES
from search_index import AreaNames
from search_index.entries import WELSH_FIELDS
from search_index.language import identify_language
from search_index.live import LiveIndex

CONTEXT = {"food", "bank", "caia", "parcel"}
PLACES = {"caia", "park", "wrexham"}
HELD_OUT = [
    ("hiya there", "greeting"),
    ("hello!", "greeting"),
    ("helo", "greeting"),
    ("good morning to you", "greeting"),
    ("shwmae", "greeting"),
    ("thank you so much", "thanks"),
    ("thanks a million", "thanks"),
    ("cheers mate", "thanks"),
    ("diolch yn fawr iawn", "thanks"),
    ("what are you able to do?", "abilities"),
    ("how do you work", "abilities"),
    ("beth wyt ti'n wneud", "abilities"),
    ("can I talk to a real human", "person"),
    ("I'd like to speak to a person", "person"),
    ("is there anyone I can speak to", "person"),
    ("ga i siarad â rhywun go iawn", "person"),
    ("in Welsh please", "welsh"),
    ("yn Gymraeg plis", "welsh"),
    ("can we do this in English", "english"),
    ("do I need to pay anything", "cost"),
    ("how much will it cost me", "cost"),
    ("does the food bank charge", "cost"),
    ("ydy e'n rhad ac am ddim?", "cost"),
    ("faint mae'n gostio", "cost"),
    ("when are they open", "hours"),
    ("are they open on Saturdays", "hours"),
    ("what are the opening times", "hours"),
    ("pryd mae ar agor", "hours"),
    ("what time does the food bank close", "hours"),
    ("what's the address", "where"),
    ("where can I find them", "where"),
    ("where can I get a food parcel", "where"),
    ("what's their phone number", "contact"),
    ("how can I get in touch with them", "contact"),
    ("can I email them", "contact"),
    ("beth yw'r rhif ffôn", "contact"),
    ("can anyone go", "who"),
    ("do I need to be referred", "who"),
    ("is it only for families", "who"),
    ("show me more please", "more"),
    ("anything else?", "more"),
    ("something nearer", "nearer"),
    ("anything near me", "nearer"),
]
NEW_NEEDS = [
    "food bank",
    "I need help with rent",
    "is there free legal advice",
    "english classes",
    "welsh classes",
    "gwersi Cymraeg",
    "help with debt",
    "youth club",
    "what time is the youth club",
    "my landlord wants me out",
]


def test_held_out_phrasings_are_mostly_understood():
    misses = [
        (t, want) for t, want in HELD_OUT if intents.read(t, context=CONTEXT, places=PLACES).intent != want
    ]
    assert len(misses) <= len(HELD_OUT) * 0.15, misses  # 3 of 43 missed when the scoring was last changed


@pytest.mark.parametrize("text", NEW_NEEDS)
def test_a_new_need_is_never_taken_for_small_talk_or_a_follow_up(text):
    assert intents.read(text, context=CONTEXT, places=PLACES).intent is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("dw i angen help gyda bwyd", "cy"),
        ("Oes banc bwyd yn Wrecsam?", "cy"),
        ("pryd mae'n agor?", "cy"),
        ("is it free?", "en"),
        ("what time does it open", "en"),
        ("Potrzebuję pomocy z jedzeniem", "pl"),
        ("Gdzie mogę nauczyć się angielskiego?", "pl"),
        ("Preciso de ajuda com comida", "pt"),
        ("Onde posso aprender inglês?", "pt"),
        ("Ez alîkariyê bi xwarinê re hewce dikim", "ku"),
        ("پێویستم بە یارمەتییە بۆ خواردن", "ckb"),
        ("أحتاج مساعدة في الطعام", "ar"),
        ("helo", None),
        ("999", None),
        ("food bank", "en"),
    ],
)
def test_the_language_of_a_message_is_recognised(text, lang):
    assert identify_language(text).lang == lang


def test_the_language_model_loads_with_no_network(monkeypatch):
    import search_index.language as language

    def refuse(*args, **kwargs):
        raise AssertionError("the language model tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(language, "_model", None)
    assert language.model_guess("Dzień dobry, szukam pracy")[0] == "pl"


@pytest.fixture(scope="module")
def core(tmp_path_factory) -> LiveIndex:
    root = tmp_path_factory.mktemp("talk")
    core = LiveIndex(
        make_content(root / "content", BOT_ENTRIES),
        root / "index",
        on_search=open_search_log(root / "signpost.db"),
    )
    core.ensure_index()
    return core


@pytest.fixture
def conv(core) -> Conversation:
    return Conversation(core, clock=lambda: 1000.0, analytics=core.on_search.analytics)


def talk(conv: Conversation, lang: str, *messages: str):
    state = ChatState(lang=lang, lang_set=True)
    return [conv.reply(state, text=m) for m in messages], state


@pytest.mark.parametrize(
    "lang, first, then, kind, fragment",
    [
        ("en", "hi", None, "greeting", "Hello!"),
        ("cy", "helo", None, "greeting", "Helo!"),
        ("en", "thanks", None, "thanks", "You're welcome"),
        ("cy", "diolch yn fawr", None, "thanks", "Croeso"),
        ("en", "what can you do", None, "abilities", "I find community services"),
        ("en", "food bank", "is it free?", "answer_cost", "Caia food bank: Free"),
        (
            "en",
            "food bank",
            "what time does it open?",
            "answer_hours",
            "Caia food bank: Monday to Friday 9am",
        ),
        ("en", "food bank", "where is it?", "answer_where", "1 Example Road"),
        ("en", "food bank", "whats their phone number", "answer_contact", "+44 1632 960001"),
        ("en", "food bank", "the second one", "details", "\n"),
        ("en", "food bank", "more", "results", "More services"),
        ("cy", "banc bwyd", "ydy e am ddim?", "answer_cost", "Banc bwyd Caia: Am ddim"),
        ("cy", "banc bwyd", "pryd mae'n agor?", "answer_hours", "Banc bwyd Caia: Monday to Friday"),
        ("cy", "banc bwyd", "ble mae e?", "answer_where", "1 Example Road"),
        ("en", "food bank", "is there free legal advice", None, ""),
        ("en", "in Welsh please", None, "language", "Iawn, bydda i'n ateb yn Gymraeg"),
        ("cy", "English please", None, "language", "OK, I'll reply in English"),
        ("en", "Cymraeg", None, "language", "Iawn"),
        ("cy", "Saesneg", None, "language", "OK"),
        ("en", "dw i angen help gyda bwyd", None, "results", "Gwasanaethau a allai helpu"),
        ("cy", "where can I get help with food", None, "results", "Services that may help"),
    ],
)
def test_conversations_in_english_and_welsh(conv, lang, first, then, kind, fragment):
    replies, _ = talk(conv, lang, *(m for m in (first, then) if m))
    last = replies[-1]
    if kind is None:  # a new need: a new search, not an answer about the food bank
        assert last.kind in ("results", "no_results") and "Caia food bank: " not in last.text
        return
    assert last.kind == kind, last.text
    assert fragment in last.text


@pytest.mark.parametrize(
    "lang, phrase", [("en", "I don't know their hours"), ("cy", "dw i ddim yn gwybod eu horiau")]
)
def test_an_unknown_field_says_so_and_whom_to_ask(conv, lang, phrase):
    replies, _ = talk(conv, lang, "baby bank", "when is it open" if lang == "en" else "pryd mae ar agor")
    assert replies[-1].kind == "answer_hours"
    assert phrase in replies[-1].text


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_follow_up_with_nothing_shown_asks_which_service(conv, lang):
    replies, _ = talk(conv, lang, "is it free?")
    assert replies[0].kind == "which_service"


@pytest.mark.parametrize(
    "text, line",
    [
        ("Potrzebuję pomocy z jedzeniem", "odpowiadam tylko po angielsku i po walijsku"),
        ("أحتاج مساعدة في الطعام", "أجيب باللغتين الإنجليزية والويلزية فقط"),
        ("Preciso de ajuda com comida", "só respondo em inglês e em galês"),
    ],
)
def test_other_languages_get_a_line_in_their_language_english_classes_and_helplines(conv, text, line):
    replies, _ = talk(conv, "en", text)
    reply = replies[0]
    assert reply.kind == "other_language"
    assert line in reply.text.split("\n")[0]
    assert "English classes (ESOL) at the hub" in reply.text and "116 123" in reply.text
    welsh, _ = talk(conv, "cy", text)
    assert "Dim ond yn Saesneg a Chymraeg y galla i ateb" in welsh[0].text


def test_the_second_one_opens_the_second_service_shown(conv):
    replies, state = talk(conv, "en", "food bank", "tell me about the second one")
    assert replies[-1].kind == "details" and state.focus == state.shown[1]
    assert replies[-1].text.startswith(conv.core.index.get(state.shown[1]).title)


def test_talk_to_a_person_gives_a_drop_in_and_the_helplines(conv):
    replies, _ = talk(conv, "en", "can I talk to a real person")
    assert replies[0].kind == "person"
    assert "116 123" in replies[0].text


def test_a_place_after_results_puts_services_there_first(conv):
    replies, state = talk(conv, "en", "food", "anything closer to Caia Park?")
    assert state.area == "Caia Park"
    assert replies[-1].kind == "results" and "in Caia Park first" in replies[-1].text


def test_a_shared_location_without_map_positions_says_so(conv):
    state = ChatState()
    reply = conv.reply(state, location=(53.04, -2.99))
    assert reply.kind == "no_coordinates" and "Caia Park" in reply.text and state.area is None


def test_did_this_help_is_counted_once_with_channel_and_categories_only(conv, core):
    replies, state = talk(conv, "en", "food bank")
    assert [b.data for b in replies[0].buttons[-1]] == ["f:y", "f:n"] and "Did this help?" in replies[0].text
    assert conv.reply(state, button="f:n").kind == "feedback"
    conv.reply(state, button="f:n")  # pressed twice: counted once
    counts = core.on_search.analytics.feedback()
    assert counts.by_channel == {"bot": [0, 1]} and counts.by_category["food"] == [0, 1]
    assert counts.by_lang == {"en": [0, 1]}
    again = conv.reply(state, button="r")
    assert "Did this help?" not in again.text


@pytest.mark.parametrize(
    "number, shown",
    [
        ("01632 960001", "+44 1632 960001"),
        ("0808 80 10 800", "+44 808 80 10 800"),
        ("116 123", "116 123"),
        ("999", "999"),
    ],
)
def test_uk_numbers_are_written_so_telegram_can_tap_them(number, shown):
    assert tappable_phone(number) == shown


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_new_phrase_has_english_and_welsh(key):
    assert PHRASES[key]["en"] and PHRASES[key]["cy"] or key == "in_english"


@pytest.mark.parametrize(
    "lang, question", [("en", "is the baby bank free?"), ("cy", "ydy'r banc babanod am ddim?")]
)
def test_a_question_naming_one_of_the_services_shown_is_about_that_one(conv, lang, question):
    replies, state = talk(conv, lang, "baby bank" if lang == "en" else "banc babanod", question)
    assert replies[-1].kind == "answer_cost"
    assert len(replies[-1].text.split("\n\n")) == 1
    assert replies[-1].text.startswith("Baby bank:" if lang == "en" else "Banc babanod:")


def test_no_feedback_question_under_the_crisis_lines(conv):
    replies, _ = talk(conv, "en", "I want to kill myself")
    assert all("Did this help?" not in m.text for m in replies[0].messages)


class _PlacedIndex:
    """An index whose entries have map coordinates (as Open Referral imports give them)."""

    def __init__(self):
        from types import SimpleNamespace

        self._entries = [
            SimpleNamespace(slug="a", area="Caia Park", latitude=53.04, longitude=-2.97),
            SimpleNamespace(slug="b", area="Gwersyllt", latitude=53.08, longitude=-3.03),
            SimpleNamespace(slug="c", area="Rhosddu", latitude=None, longitude=None),
        ]

    def visible(self):
        return self._entries

    def areas(self):
        return sorted(e.area for e in self._entries)

    def area_names(self):
        return AreaNames(self._entries)


@pytest.mark.parametrize("where, area", [((53.045, -2.975), "Caia Park"), ((53.079, -3.02), "Gwersyllt")])
def test_a_shared_location_sets_the_area_of_the_nearest_placed_service(where, area):
    from types import SimpleNamespace

    conv = Conversation(SimpleNamespace(index=_PlacedIndex()), clock=lambda: 1.0)
    state = ChatState()
    reply = conv.reply(state, location=where)
    assert reply.kind == "area" and area in reply.text and state.area == area
    assert "53." not in str(state.to_dict())  # only the area is kept, never the coordinates


# --- Welsh replies are Welsh: an entry's `_cy` fields, English only where the entry has no Welsh ------
WELSH_HUB = """\
        area: Caia Park
        area_cy: Parc Caia
        hours_cy: "Dydd Llun i ddydd Gwener 9yb i 5yh"
        referral_cy: Dewch draw
        access_cy: Mynedfa heb risiau
        organisation_cy: Partneriaeth Parc Caia
"""


@pytest.fixture(scope="module")
def welsh_conv(tmp_path_factory) -> Conversation:
    """The food bank is the hub (the youth club names it with `contact_via`) and has Welsh for every
    field it fills in; the lunch club, in the same area, has only its title and area in Welsh."""
    entries = pick("food-bank youth-club lunch-club samaritans live-fear-free emergency-999")
    entries["food-bank"] = entries["food-bank"].replace("        area: Caia Park\n", WELSH_HUB)
    root = tmp_path_factory.mktemp("welsh-talk")
    core = LiveIndex(make_content(root / "content", entries), root / "index")
    core.ensure_index()
    return Conversation(core, clock=lambda: 1000.0)


def _english_only(entry) -> list[str]:
    """The entry's field values that read differently in Welsh: none may be in a Welsh reply."""
    return [
        getattr(entry, name)
        for name in WELSH_FIELDS
        if getattr(entry, name) and entry.field_in(name, "cy") != getattr(entry, name)
    ]


@pytest.mark.parametrize(
    "messages, kind, welsh",
    [
        (["ga i siarad â rhywun"], "person", "Parc Caia"),
        (["banc bwyd", "ble mae e?"], "answer_where", "Parc Caia"),
        (["banc bwyd", "ydy e am ddim?"], "answer_cost", "Am ddim"),
        (["banc bwyd", "pryd mae'n agor?"], "answer_hours", "Dydd Llun i ddydd Gwener"),
        (
            ["banc bwyd", "i bwy mae e?"],
            "answer_who",
            "Sut i'w gael: Dewch draw; Mynediad: Mynedfa heb risiau",
        ),
        (["banc bwyd", "dweud mwy am y cyntaf"], "details", "Partneriaeth Parc Caia"),
        (["cinio", "yn agosach i Caia"], "results", "yn ardal Parc Caia yn gyntaf"),
        (["yn agosach"], "which_area", "Parc Caia"),
    ],
)
def test_welsh_replies_give_the_welsh_of_every_field_the_entry_has(welsh_conv, messages, kind, welsh):
    replies, _ = talk(welsh_conv, "cy", *messages)
    reply = replies[-1]
    assert reply.kind == kind, reply.text
    assert welsh in reply.text
    hub = welsh_conv.core.index.get("food-bank")
    assert [value for value in _english_only(hub) if value in reply.text] == []


def test_a_field_with_no_welsh_is_given_in_english_rather_than_left_out(welsh_conv):
    replies, _ = talk(welsh_conv, "cy", "cinio", "pryd mae'n agor?")
    assert "Clwb cinio i bobl hŷn: Wednesdays (ask at the hub for the time)" in replies[-1].text


def test_the_english_person_reply_is_unchanged(welsh_conv):
    replies, _ = talk(welsh_conv, "en", "can I talk to a real person")
    assert "Where: 1 Example Road, Wrexham, Caia Park, LL13 9ZZ" in replies[0].text
    assert "Hours: Monday to Friday 9am to 5pm" in replies[0].text


# --- areas by their Welsh names ---------------------------------------------------------------------
# The lunch club names Caia Park "Parc Caia" (conftest); the food bank, in the same area, gives no
# Welsh name. Here the youth club's "Wrexham city centre" also has a Welsh name that shares no word
# with the English one.
@pytest.fixture(scope="module")
def areas_conv(tmp_path_factory) -> Conversation:
    entries = pick("food-bank youth-club lunch-club samaritans live-fear-free emergency-999")
    entries["youth-club"] = entries["youth-club"].replace(
        "        area: Wrexham city centre\n",
        "        area: Wrexham city centre\n        area_cy: Canol dinas Wrecsam\n",
    )
    root = tmp_path_factory.mktemp("welsh-areas")
    core = LiveIndex(make_content(root / "content", entries), root / "index")
    core.ensure_index()
    return Conversation(core, clock=lambda: 1000.0)


@pytest.mark.parametrize(
    "lang, then, area",
    [
        ("cy", "Parc Caia", "Caia Park"),
        ("cy", "ym Mharc Caia", "Caia Park"),  # nasal mutation after "ym"
        ("cy", "yn agosach i Barc Caia", "Caia Park"),  # soft mutation after "i"
        ("cy", "oes rhywbeth yng nghanol dinas Wrecsam?", "Wrexham city centre"),
        ("cy", "canol dinas Wrecsam", "Wrexham city centre"),
        ("cy", "Wrecsam", "Wrexham city centre"),
        ("en", "anything in Parc Caia?", "Caia Park"),  # a Welsh name typed in an English chat
        ("en", "Caia Park", "Caia Park"),
    ],
)
def test_an_area_typed_by_its_welsh_name_is_that_area(areas_conv, lang, then, area):
    replies, state = talk(areas_conv, lang, "cinio" if lang == "cy" else "lunch", then)
    assert state.area == area, replies[-1].text
    assert replies[-1].kind == "results"


def test_the_welsh_area_is_named_in_welsh_in_the_reply(areas_conv):
    replies, state = talk(areas_conv, "cy", "clwb ieuenctid", "yng nghanol dinas Wrecsam")
    assert state.area == "Wrexham city centre"
    assert "Canol dinas Wrecsam" in replies[-1].text and "Wrexham city centre" not in replies[-1].text


def test_a_welsh_reply_names_the_area_in_welsh_when_another_entry_there_gives_it(conv):
    """The food bank gives no Welsh area name; the lunch club in the same area does."""
    replies, _ = talk(conv, "cy", "banc bwyd", "ble mae e?")
    assert replies[-1].kind == "answer_where"
    assert "Parc Caia" in replies[-1].text and "Caia Park" not in replies[-1].text


def test_a_mutated_looking_word_away_from_a_trigger_is_not_an_area(areas_conv):
    """ "barc" is read as "parc" only where Welsh mutates ("i Barc"), not as a word on its own."""
    replies, state = talk(areas_conv, "cy", "cinio", "barc")
    assert state.area is None


@pytest.mark.parametrize(
    "text, found",
    [
        ("Potrzebuję pomocy z jedzeniem", "food"),  # Polish: I need help with food
        ("Ez li xwarinê digerim", None),  # Kurmanji Kurdish: no dictionary, nothing read
    ],
)
def test_a_message_search_reads_in_its_language_lists_what_meets_it_first(conv, text, found):
    """Search reads Polish, Portuguese and Arabic through their dictionaries; what it is sure meets the
    message comes before interpreting and English classes, under the line in the resident's language."""
    replies, state = talk(conv, "en", text)
    reply = replies[0]
    assert reply.kind == "other_language"
    first = conv.core.index.get(state.shown[0])
    if found:
        assert found in first.categories, state.shown
    else:
        assert "food" not in first.categories, state.shown
    assert "English classes (ESOL) at the hub" in reply.text and "116 123" in reply.text
