"""What a crisis signal leads to, on the bundled directory and in the bot: the lines that fit its kind,
tier and person; risk words never "corrected" into other words."""

from pathlib import Path

import pytest
from conftest import make_content

from bot.chats import ChatState
from bot.conversation import Conversation
from search_index import SearchIndex, build_index
from search_index.answers import crisis_message
from search_index.live import LiveIndex

ROOT = Path(__file__).resolve().parent.parent


RACE_EQUALITY = """\
    ---
    title: Race equality group
    summary: A group that works for race equality and against racism in Wrexham.
    categories: [community]
    tags: [race, race equality, racism]
    languages: [en]
    verified: 2025-01-05
    ---

    Meets monthly.
    """


@pytest.mark.parametrize("word", ["rape", "overdosed", "groped"])
def test_no_did_you_mean_turns_a_risk_word_into_another_word(tmp_path, word):
    """Even where no crisis line is listed, "rape" is never "Did you mean race?"."""
    content = make_content(tmp_path / "content", {"race-equality": RACE_EQUALITY})
    build_index(content, tmp_path / "ix")
    res = SearchIndex.open(tmp_path / "ix", content_dir=content).search(word)
    assert res.is_crisis
    assert res.suggestion is None and not res.corrections


@pytest.mark.parametrize("word", ["rape", "raped", "groped", "overdose", "knife", "treisio"])
def test_a_risk_word_is_never_corrected(bundled, word):
    res = bundled.search(word)
    assert res.suggestion is None and not res.corrections, res.suggestion
    assert res.hits  # the vocabulary maps it to the services that help
    if word != "knife":  # a knife on its own is not a danger: with a place or a person it is
        assert res.is_crisis and res.hits[0].crisis_line


def test_sexual_violence_leads_to_live_fear_free_and_the_police(bundled):
    res = bundled.search("he forced himself on me")
    assert res.crisis.kind == "sexual-violence"
    assert "live-fear-free" in [h.slug for h in res.hits[:3]]
    for lang in ("en", "cy"):
        text = crisis_message(res.crisis, lang)
        assert "0808 80 10 800" in text and "999" in text and "101" in text


def test_a_third_person_gets_what_to_do_as_a_helper(bundled):
    res = bundled.search("my mate is threatening to kill himself")
    assert res.crisis.about == "other" and res.hits[0].crisis_line
    assert "If they are in danger now, call 999" in crisis_message(res.crisis, "en")
    assert "116 123" in crisis_message(res.crisis, "en")
    assert "Os ydyn nhw mewn perygl nawr, ffoniwch 999" in crisis_message(res.crisis, "cy")


def test_urgent_puts_the_emergency_line_first(bundled):
    res = bundled.search("someone is outside with a knife")
    assert res.crisis.tier == "urgent"
    assert "999" in res.hits[0].entry.phone


def test_concern_keeps_the_results_and_asks_if_safe(bundled):
    res = bundled.search("nobody cares about me")
    assert res.crisis.tier == "concern"
    assert not any(h.crisis_line for h in res.hits)  # the helplines go beside the results
    assert crisis_message(res.crisis, "en").startswith("Are you safe right now?")
    assert crisis_message(res.crisis, "cy").startswith("Ydych chi'n ddiogel nawr?")


@pytest.mark.parametrize(
    "lang, message, yes",
    [
        ("en", "I've had enough of everything", "Yes, I'm safe"),
        (
            "cy",
            "does neb yn poeni amdana i",
            "Ydw, rwy'n ddiogel",
        ),  # the reply follows the message's language
    ],
)
def test_bot_asks_are_you_safe_with_buttons(bundled, tmp_path, lang, message, yes):
    core = LiveIndex(content_dir=ROOT / "content", index_dir=tmp_path / "ix")
    conv = Conversation(core)
    state = ChatState()
    state.lang, state.lang_set = lang, True
    reply = conv.reply(state, message)
    ask = reply.messages[-1]
    assert ask.kind == "concern"
    assert [b.label for b in ask.all_buttons][0] == yes
    no = conv.reply(state, button="a:n")
    assert no.kind == "crisis" and "116 123" in no.text
    fine = conv.reply(state, button="a:y")
    assert fine.kind == "safe"


def _page(client, url: str) -> str:
    return client.get(url).get_data(as_text=True)


@pytest.mark.parametrize(
    "prefix, question", [("", "Are you safe right now?"), ("/cy", "Ydych chi&#39;n ddiogel nawr?")]
)
def test_site_shows_a_softer_signal_beside_the_results(client, prefix, question):
    page = _page(client, f"{prefix}/search?q=nobody+cares+about+me+and+i+need+a+lunch+club")
    assert question in page
    first_result = page.index('<article class="card')
    assert (
        page.index('<section class="crisis crisis-concern"') > first_result
    )  # beside (after) the results, not before


def test_site_sexual_violence_gives_live_fear_free_and_101(client):
    page = _page(client, "/search?q=he+raped+me")
    crisis = page[page.index('<section class="crisis"') :]
    assert '<a href="tel:08088010800">0808 80 10 800</a>' in crisis
    assert '<a href="tel:101">101</a>' in crisis


# A worry about someone else, raised as a concern: what to do for them, not "are you safe?" to the writer
WORRY_FOR_SOMEONE = "my neighbour has been on his kitchen floor since last night and cant get up"
WORRY_IN_WELSH = "mae fy nghymydog wedi bod ar lawr y gegin ers neithiwr a fedr o ddim codi"


def test_a_concern_about_someone_else_says_what_to_do_for_them(bundled):
    res = bundled.search(WORRY_FOR_SOMEONE)
    assert (res.crisis.tier, res.crisis.about) == ("concern", "other")
    en, cy = crisis_message(res.crisis, "en"), crisis_message(res.crisis, "cy")
    assert en.startswith("Is someone in danger right now? If they are, call 999")
    assert cy.startswith("Ydy rhywun mewn perygl nawr? Os ydyn nhw, ffoniwch 999")
    assert "Are you safe" not in en and "116 123" in en and "116 123" in cy


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_bot_asks_no_are_you_safe_about_someone_else(tmp_path, lang):
    core = LiveIndex(content_dir=ROOT / "content", index_dir=tmp_path / "ix")
    state = ChatState()
    state.lang, state.lang_set = lang, True
    ask = Conversation(core).reply(state, {"en": WORRY_FOR_SOMEONE, "cy": WORRY_IN_WELSH}[lang]).messages[-1]
    assert ask.kind == "concern" and ask.all_buttons == []
    assert ask.text.startswith({"en": "Is someone in danger", "cy": "Ydy rhywun mewn perygl"}[lang])


@pytest.mark.parametrize(
    "prefix, question",
    [("", "Is someone in danger right now?"), ("/cy", "Ydy rhywun mewn perygl nawr?")],
)
def test_site_shows_a_concern_about_someone_else_beside_the_results(client, prefix, question):
    page = _page(client, f"{prefix}/search?q=" + WORRY_FOR_SOMEONE.replace(" ", "+"))
    assert question in page and "Are you safe right now?" not in page
