"""The transport-free conversation: messages and button presses in, replies with buttons out."""

from __future__ import annotations

import datetime as dt
import os
import stat
import time
from pathlib import Path

import pytest
from conftest import BOT_ENTRIES, make_content
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import conversation as conversation_module
from bot.chats import QUERY_TTL, ChatState, ChatStore, load_salt
from bot.conversation import CALLBACK_MAX_BYTES, FLOOD_LIMIT, Conversation, Reply, clean_message, plain_text
from bot.phrases import PHRASES
from search_index import Results, build_index
from search_index.live import LiveIndex

ROOT = Path(__file__).resolve().parent.parent
CRISIS_SLUGS = {"samaritans", "nhs-111-mental-health", "live-fear-free", "emergency-999"}


class Clock:
    def __init__(self, now: float = 10_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
def core(tmp_path_factory) -> LiveIndex:
    root = tmp_path_factory.mktemp("bot")
    core = LiveIndex(make_content(root / "content", BOT_ENTRIES), root / "index")
    core.ensure_index()
    return core


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def conv(core, clock) -> Conversation:
    return Conversation(core, clock=clock, today=lambda: dt.date(2026, 1, 15))


def ask(conv: Conversation, text=None, *, lang="en", state=None, **kw) -> tuple[Reply, ChatState]:
    state = state or ChatState(lang=lang, lang_set=True)
    return conv.reply(state, text=text, **kw), state


def slugs(reply: Reply) -> list[str]:
    return [b.data[2:] for b in reply.all_buttons if b.data and b.data.startswith("d:")]


def labels(reply: Reply) -> list[str]:
    return [b.label for b in reply.all_buttons]


# --- searching ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, first, heading, why, title",
    [
        (
            "food bank",
            "en",
            "caia-food-bank",
            "Services that may help with “food bank”:",
            "Why: Matches",
            "Caia food bank",
        ),
        (
            "banc bwyd",
            "cy",
            "caia-food-bank",
            "Gwasanaethau a allai helpu gyda “banc bwyd”:",
            "Pam: Yn cyfateb",
            "Banc bwyd Caia",
        ),
        (
            "where can I get help with english classes",
            "en",
            "english-classes",
            "Services that may help",
            "Why: Matches",
            "English classes (ESOL) at the hub",
        ),
        (
            "where can I get help with english classes",
            "cy",
            "english-classes",
            "Services that may help",  # an English sentence turns a Welsh chat to English
            "Why: Matches",
            "English classes (ESOL) at the hub",
        ),
        (
            "gwersi Saesneg",
            "cy",
            "english-classes",
            "Gwasanaethau a allai helpu gyda “gwersi Saesneg”:",
            "Pam: Yn cyfateb",
            "Dosbarthiadau Saesneg",
        ),
        (
            "gwersi Saesneg",
            "en",
            "english-classes",
            "Services that may help with “gwersi Saesneg”:",
            "Why: Matches",
            "English classes (ESOL)",
        ),
        (
            "how do I kill time in half term",
            "en",
            "half-term-club",
            "Services that may help",
            "Why:",
            "Half term holiday club",
        ),
        (
            "beth sydd i'w wneud hanner tymor",
            "cy",
            "half-term-club",
            "Gwasanaethau a allai helpu",
            "Pam:",
            "Clwb gwyliau hanner tymor",
        ),
    ],
)
def test_a_question_gets_the_top_services_in_the_chats_language(conv, text, lang, first, heading, why, title):
    reply, state = ask(conv, text, lang=lang)
    assert reply.kind == "results" and reply.followups == ()
    assert slugs(reply)[0] == first
    assert 1 <= len(slugs(reply)) <= 3
    assert reply.text.startswith(heading)
    assert why in reply.text and title in reply.text
    again = "Search again" if state.lang == "en" else "Chwilio eto"
    assert again in labels(reply)
    assert state.query == text and state.offset == 0


def test_each_service_says_how_to_contact_it_and_links_its_website(conv):
    reply, _ = ask(conv, "food bank")
    assert "1. Caia food bank\nFree food parcels" in reply.text
    assert "Phone: +44 1632 960001" in reply.text  # +44: Telegram makes it tappable
    assert "Website: https://example.org/food" in reply.text
    assert "Hours: Monday to Friday 9am to 5pm" in reply.text
    first_row = reply.buttons[0]
    assert [(b.label, b.data, b.url) for b in first_row] == [
        ("Details 1", "d:caia-food-bank", None),
        ("Website 1", None, "https://example.org/food"),
    ]
    # the lunch club has an email and no phone: the email is the way to contact it
    lunch, _ = ask(conv, "hot lunch")
    assert "Email: lunch@example.org" in lunch.text


def test_a_paused_service_is_marked(conv):
    reply, _ = ask(conv, "pantry")
    assert "Community pantry (Temporarily closed)" in reply.text
    reply, _ = ask(conv, "pantri", lang="cy")
    assert "Pantri cymunedol (Ar gau dros dro)" in reply.text


# --- crisis ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, must_have",
    [
        ("I want to kill myself", "en", ["999", "Samaritans: call 116 123", "111 and press 2"]),
        ("i wnat to kil myslef", "en", ["116 123"]),
        ("he hit me again and I'm scared", "en", ["999", "Live Fear Free", "0808 80 10 800"]),
        ("dw i eisiau lladd fy hun", "cy", ["ffoniwch 999", "Samariaid: ffoniwch 116 123"]),
        # the crisis reply follows the language the message is written in
        ("dw i eisiau lladd fy hun", "en", ["Samariaid: ffoniwch 116 123"]),
        ("I want to kill myself", "cy", ["Samaritans: call 116 123"]),
    ],
)
def test_a_crisis_gets_the_crisis_lines_first_then_services(conv, text, lang, must_have):
    reply, state = ask(conv, text, lang=lang)
    lang = state.lang
    first = reply.messages[0]
    assert first.kind == "crisis"
    for fragment in must_have:
        assert fragment in first.text
    cannot = (
        "cannot call anyone or send help" if lang == "en" else "ni alla i ffonio unrhyw un nac anfon help"
    )
    assert cannot in first.text
    assert first.buttons == ()  # nothing to press before the numbers
    assert "!" not in first.text and "Great" not in first.text
    assert len(reply.messages) == 2
    services = reply.messages[1]
    assert services.kind == "results"
    assert services.text.startswith(
        "Services that can help:" if lang == "en" else "Gwasanaethau a all helpu:"
    )
    assert slugs(services)[0] in CRISIS_SLUGS


@pytest.mark.parametrize(
    "text", ["how do I kill time in half term", "killer sudoku club", "my phone died", "food bank"]
)
def test_harmless_words_are_not_a_crisis(conv, text):
    reply, _ = ask(conv, text)
    assert all(m.kind != "crisis" for m in reply.messages)
    assert not any("It sounds like you might be in danger" in m.text for m in reply.messages)


# --- odd input ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["", "   ", "😀😀😀", "\x00\x07\x1b\u202e\x7f", "🙏🏽 ❤️", "?!?!", "\u200b\u200b"]
)
def test_messages_without_words_get_a_kind_prompt(conv, text):
    reply, state = ask(conv, text)
    assert reply.kind == "no_words"
    assert "for example: food, debt, English classes, youth club" in reply.text
    assert state.query is None


def test_control_characters_are_stripped_before_searching(conv):
    reply, _ = ask(conv, "food\x00 \x1b bank\u202e")
    assert reply.kind == "results" and slugs(reply)[0] == "caia-food-bank"
    assert clean_message("a\x00b\n\tc\u200b") == "a b c"


def test_a_5000_character_message_is_answered_and_searched_on_its_first_500(conv):
    reply, state = ask(conv, "food bank " * 500)
    assert reply.kind == "results" and slugs(reply)[0] == "caia-food-bank"
    assert len(state.query) == 500
    assert len(reply.text) < 4096


def test_crisis_detection_reads_the_whole_long_message(conv):
    text = "I have been thinking about lots of things today. " * 110 + "I want to kill myself"
    assert len(text) > 5000
    reply, state = ask(conv, text)
    assert reply.kind == "crisis" and "116 123" in reply.text
    assert len(state.query) == 500


def test_emoji_around_words_still_search(conv):
    reply, _ = ask(conv, "🍞 food bank 🙏")
    assert slugs(reply)[0] == "caia-food-bank"


def test_no_results_is_kind_with_example_words_and_helplines(conv):
    reply, _ = ask(conv, "zzqx vrrp")
    assert reply.kind == "no_results"
    assert "Sorry, I could not find a service for that." in reply.text
    assert "food, debt, English classes, youth club" in reply.text
    assert "Samaritans 116 123" in reply.text and "999" in reply.text
    assert ("Browse by topic", "c") in [(b.label, b.data) for b in reply.all_buttons]
    cy, _ = ask(conv, "zzqx vrrp", lang="cy")
    assert "Mae'n ddrwg gen i" in cy.text and "Samariaid 116 123" in cy.text


class SuggestingCore:
    """The real core, except that its search finds nothing and suggests 'food bank'."""

    def __init__(self, core):
        self.real = core
        self.index = core.index

    def search(self, text, **kw):
        if text == "food bank":
            return self.real.search(text, **kw)
        return Results(text, (), None, "food bank")


def test_no_results_offers_the_did_you_mean_button(core, clock):
    conv = Conversation(SuggestingCore(core), clock=clock)
    reply, state = ask(conv, "fud bnak")
    assert reply.buttons[0] == (conversation_module.Button("Did you mean: food bank?", data="y"),)
    pressed = conv.reply(state, button="y")
    assert pressed.kind == "results" and slugs(pressed)[0] == "caia-food-bank"


# --- flooding ----------------------------------------------------------------------------------
def test_the_flood_limit_is_answered_gently_once_then_lifts(conv, clock):
    state = ChatState()
    for _ in range(FLOOD_LIMIT):
        assert conv.reply(state, "food bank").kind == "results"
        clock.advance(0.5)
    note = conv.reply(state, "food bank")
    assert note.kind == "flood" and "wait a minute" in note.text
    assert conv.reply(state, "food bank") is None
    assert conv.reply(state, button="m") is None
    # a crisis message is never silenced
    crisis = conv.reply(state, "I want to kill myself")
    assert crisis.kind == "crisis" and "116 123" in crisis.text
    clock.advance(61)
    assert conv.reply(state, "food bank").kind == "results"


def test_the_flood_note_is_in_welsh_for_a_welsh_chat(conv, clock):
    state = ChatState(lang="cy", lang_set=True)
    replies = [conv.reply(state, "banc bwyd") for _ in range(FLOOD_LIMIT + 1)]
    assert replies[-1].kind == "flood" and "Arhoswch funud" in replies[-1].text


# --- commands and language ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "lang, hello, emergency, privacy, other",
    [
        ("en", "Hello, I'm Signpost", "call 999", "Kept for staff reports: need words", "l:cy"),
        ("cy", "Helo, Arwyddbost ydw i", "ffoniwch 999", "Cedwir ar gyfer adroddiadau staff", "l:en"),
    ],
)
def test_start_is_short_in_the_chats_language_with_999_privacy_and_the_other_language(
    conv, lang, hello, emergency, privacy, other
):
    reply, _ = ask(conv, "/start@signpost_test_bot deep-link", lang=lang)
    assert reply.kind == "welcome"
    assert reply.text.startswith(hello) and emergency in reply.text and privacy in reply.text
    assert len(reply.text) < 400
    assert {b.data for b in reply.all_buttons} == {other, "c"}


def test_help_lists_the_commands(conv):
    reply, _ = ask(conv, "/help")
    assert reply.kind == "help"
    for cmd in ("/categories", "/cymraeg", "/english", "116 123", "999"):
        assert cmd in reply.text
    cy, _ = ask(conv, "/help", lang="cy")
    assert "Sut i ddefnyddio Arwyddbost" in cy.text


def test_cymraeg_and_english_switch_the_reply_language(conv):
    state = ChatState()
    switched = conv.reply(state, "/cymraeg")
    assert switched.kind == "language" and switched.text.startswith("Iawn, bydda i'n ateb yn Gymraeg")
    assert conv.reply(state, "food bank").text.startswith("Gwasanaethau a allai helpu")
    assert conv.reply(state, "/english").text.startswith("OK, I'll reply in English")
    assert conv.reply(state, "food bank").text.startswith("Services that may help")
    assert conv.reply(state, button="l:cy").kind == "language" and state.lang == "cy"


def test_telegrams_language_code_is_only_a_first_guess(conv):
    state = ChatState()
    assert conv.reply(state, "food bank", lang_hint="cy").text.startswith("Gwasanaethau")
    conv.reply(state, "/english", lang_hint="cy")
    assert conv.reply(state, "food bank", lang_hint="cy").text.startswith("Services")
    other = ChatState()
    assert conv.reply(other, "food bank", lang_hint="en-GB").text.startswith("Services")
    assert conv.reply(other, "/cymraeg", lang_hint="en-GB").text.startswith("Iawn")


def test_an_unknown_command_points_to_help(conv):
    reply, _ = ask(conv, "/frobnicate")
    assert reply.kind == "unknown_command" and "/help" in reply.text


def test_something_that_is_not_text_gets_a_polite_note(conv):
    reply, _ = ask(conv, None)
    assert reply.kind == "not_text" and "I can only read text messages" in reply.text
    cy, _ = ask(conv, None, lang="cy")
    assert "Dim ond negeseuon testun" in cy.text


def test_in_a_group_only_one_note_and_crisis_lines(conv, clock):
    state = ChatState()
    note = conv.reply(state, "food bank", private=False)
    assert note.kind == "group" and "private chat" in note.text
    assert conv.reply(state, "youth club", private=False) is None
    assert conv.reply(state, None, private=False) is None
    crisis = conv.reply(state, "I want to kill myself", private=False)
    assert crisis.kind == "crisis" and "116 123" in crisis.text and crisis.followups == ()
    clock.advance(601)
    assert conv.reply(state, "food bank", private=False).kind == "group"


# --- buttons -----------------------------------------------------------------------------------
def test_details_show_everything_known_in_plain_text(conv):
    _, state = ask(conv, "food bank")
    reply = conv.reply(state, button="d:caia-food-bank")
    assert reply.kind == "details"
    text = reply.text
    for fragment in [
        "Caia food bank\nFree food parcels",
        "Run by: Caia Park Partnership",
        "Phone: +44 1632 960001",
        "Where: 1 Example Road, Wrexham, Caia Park, LL13 9ZZ",
        "Cost: Free",
        "Languages: English, Welsh, Polish",
        "How to get it: Just turn up",
        "Bring a bag if you can; see our page (https://example.org/food)",
        "Details last checked: 2025-04-11.",
    ]:
        assert fragment in text
    assert "**" not in text and "may be out of date" not in text
    assert [b.data or b.url for b in reply.all_buttons] == ["https://example.org/food", "r", "s", "c"]
    back = conv.reply(state, button="r")
    assert back.kind == "results" and slugs(back)[0] == "caia-food-bank"


def test_welsh_details_and_old_details_are_flagged(conv):
    _, state = ask(conv, "gwersi Saesneg", lang="cy")
    reply = conv.reply(state, button="d:english-classes")
    assert reply.text.startswith("Dosbarthiadau Saesneg (ESOL) yn yr hyb")
    assert "Ffôn: +44 1632 960003" in reply.text and "(Yn Saesneg:)\nBeginners welcome." in reply.text
    assert "Gall y manylion hyn fod wedi dyddio" in reply.text


def test_more_results_pages_on_without_repeats_then_says_that_is_all(conv):
    first, state = ask(conv, "food")
    assert "More results" in labels(first)
    second = conv.reply(state, button="m")
    assert second.kind == "results" and second.text.startswith("More services for “food”:")
    assert "\n4. " in second.text and "Details 4" in labels(second)
    assert not set(slugs(first)) & set(slugs(second))
    assert "More results" not in labels(second)
    third = conv.reply(state, button="m")
    assert third.kind == "no_more" and "That is everything I found" in third.text


def test_search_again_forgets_the_query(conv):
    _, state = ask(conv, "food")
    prompt = conv.reply(state, button="s")
    assert prompt.kind == "prompt" and "What are you looking for?" in prompt.text
    assert state.query is None
    assert conv.reply(state, button="m").kind == "expired"


def test_the_last_query_is_forgotten_after_15_minutes(conv, clock):
    _, state = ask(conv, "food")
    clock.advance(QUERY_TTL + 1)
    assert conv.reply(state, button="m").kind == "expired"
    assert state.query is None


def test_a_long_slug_fits_telegrams_64_byte_button_limit(conv):
    reply, state = ask(conv, "debt advice")
    data = [b.data for b in reply.all_buttons if b.data]
    assert all(len(d.encode()) <= CALLBACK_MAX_BYTES for d in data)
    hashed = [d for d in data if d.startswith("h:")]
    assert hashed
    details = conv.reply(state, button=hashed[0])
    assert details.kind == "details" and "very long name" in details.text


@pytest.mark.parametrize("data", ["d:old-advice-shop", "d:no-such-service", "h:0000000000000000"])
def test_a_closed_or_missing_service_is_explained(conv, data):
    reply, _ = ask(conv, button=data)
    assert reply.kind == "gone" and "no longer listed" in reply.text


@pytest.mark.parametrize("data", ["zzz", "", "m", "r", "y", "l:fr", "x" * 500])
def test_stale_or_strange_buttons_get_an_answer(conv, data):
    reply, _ = ask(conv, button=data)
    assert reply is not None and reply.kind in {"expired"}


def test_topics_list_categories_with_services_and_their_entries(conv, monkeypatch):
    reply, state = ask(conv, "/categories")
    assert reply.kind == "topics" and not reply.edit
    ids = [b.data for b in reply.all_buttons]
    assert "c:food" in ids and "c:crisis" in ids
    assert "c:disability" not in ids  # nothing listed there
    monkeypatch.setattr(conversation_module, "TOPIC_PAGE_SIZE", 2)
    food = conv.reply(state, button="c:food")
    assert food.kind == "topic" and food.edit
    assert food.text.startswith("Food and essentials: 5 services.")  # the paused pantry is listed
    assert [b.data for b in food.all_buttons] == ["d:baby-bank", "d:caia-food-bank", "c:food:2", "c"]
    page2 = conv.reply(state, button="c:food:2")
    assert [b.data for b in page2.all_buttons][:2] == ["d:community-fridge", "d:pantry-paused"]
    assert conv.reply(state, button="c:no-such").kind == "topics"
    cy = conv.reply(ChatState(lang="cy", lang_set=True), button="c")
    assert cy.text == "Dewiswch bwnc:" and "Bwyd a hanfodion" in labels(cy)


# --- properties --------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400), lang=st.sampled_from(["en", "cy"]))
def test_any_text_gets_a_reply_that_telegram_accepts(core, text, lang):
    conv = Conversation(core)
    reply = conv.reply(ChatState(lang=lang, lang_set=True), text=text)
    assert reply is not None
    for message in reply.messages:
        assert message.text.strip() and len(message.text) <= 4096
        for b in message.all_buttons:
            assert (b.data is None) != (b.url is None)
            assert b.data is None or 1 <= len(b.data.encode()) <= CALLBACK_MAX_BYTES
            assert b.url is None or b.url.startswith(("https://", "http://"))


def test_the_index_is_reread_when_it_changes_on_disk(tmp_path, clock):
    content = make_content(tmp_path / "content", BOT_ENTRIES)
    core = LiveIndex(content, tmp_path / "index")
    core.ensure_index()
    conv = Conversation(core, clock=clock)
    before = conv.reply(ChatState(), "zumba")  # nothing for it: at most weak results by meaning
    assert before.kind in ("no_results", "no_good_match") and "zumba" not in slugs(before)
    (content / "services" / "zumba.md").write_text(
        "---\ntitle: Zumba in the park\nsummary: A free dance class.\ncategories: [young-people]\n"
        "tags: [zumba, dance]\n---\n\nCome along.\n",
        encoding="utf-8",
    )
    build_index(content, tmp_path / "index")  # as `signpost index` would, from another process
    time.sleep(0.6)
    reply = conv.reply(ChatState(), "zumba")
    assert reply.kind == "results" and slugs(reply)[0] == "zumba"


# --- the chat store and the salt ---------------------------------------------------------------
def test_chat_states_are_keyed_by_a_salted_hash_and_forgotten_when_idle():
    clock = Clock()
    store = ChatStore(b"s" * 32, ttl=100, clock=clock)
    state = store.get(123456789)
    state.lang = "cy"
    assert store.get(123456789) is state
    assert all("123456789" not in k for k in store.keys())
    assert store.key(1) != ChatStore(b"t" * 32).key(1)
    clock.advance(101)
    assert store.get(123456789).lang == "en"
    with pytest.raises(ValueError):
        ChatStore(b"short")


def test_chat_state_survives_a_round_trip_and_rejects_junk():
    state = ChatState(lang="cy", lang_set=True, query="food", offset=3, suggestion="food bank")
    again = ChatState.from_dict(state.to_dict())
    assert (again.lang, again.query, again.offset, again.suggestion) == ("cy", "food", 3, "food bank")
    junk = ChatState.from_dict({"lang": "fr", "offset": -5, "query": 7, "recent": ["x", 1.0]})
    assert (junk.lang, junk.offset, junk.query, junk.recent) == ("en", 0, None, [1.0])
    assert ChatState.from_dict("nonsense").lang == "en"


def test_the_salt_comes_from_the_secret_key_or_a_private_file(tmp_path):
    assert load_salt("k", tmp_path) == load_salt("k", tmp_path) != load_salt("other", tmp_path)
    assert not (tmp_path / "bot_salt").exists()
    first = load_salt(None, tmp_path)
    assert len(first) == 32 and load_salt(None, tmp_path) == first
    assert stat.S_IMODE(os.stat(tmp_path / "bot_salt").st_mode) == 0o600


# --- wording -----------------------------------------------------------------------------------
SAME_IN_BOTH = {"btn_welsh", "btn_english"}


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_phrase_is_in_english_and_welsh(key):
    en, cy = PHRASES[key]["en"], PHRASES[key].get("cy")
    assert cy, f"{key} has no Welsh"
    if key not in SAME_IN_BOTH and en:
        assert cy != en, f"{key}: the Welsh is a copy of the English"


def test_markdown_becomes_plain_text():
    assert (
        plain_text("**Bold** and _it_ [site](https://x.org)\n## Head")
        == "Bold and it site (https://x.org)\nHead"
    )
    assert plain_text("[https://x.org](https://x.org)") == "https://x.org"
    assert plain_text("snake_case_name stays") == "snake_case_name stays"


# --- the bundled directory ---------------------------------------------------------------------
def test_smoke_on_the_bundled_content(tmp_path):
    core = LiveIndex(ROOT / "content", tmp_path / "index")
    core.ensure_index()
    conv = Conversation(core, flood_limit=None)
    state = ChatState()
    reply = conv.reply(state, "where can I get help with english classes")
    assert reply.kind == "results" and any("english" in s for s in slugs(reply))
    crisis = conv.reply(ChatState(), "I want to kill myself")
    assert crisis.kind == "crisis" and "116 123" in crisis.text
    assert slugs(crisis.followups[0])[0] in {
        "samaritans",
        "nhs-111-wales-mental-health",
        "shout-85258",
        "emergency-999",
    }
    topics = conv.reply(state, "/categories")
    assert len(topics.all_buttons) == len(core.index.categories)
    busiest = max(core.index.categories, key=lambda c: len(core.index.in_category(c.id)))
    page = conv.reply(state, button=f"c:{busiest.id}")
    assert any(b.data == f"c:{busiest.id}:8" for b in page.all_buttons)
    for e in core.index.visible():
        assert conv.reply(state, button=Conversation._details_data(e)).kind == "details"
