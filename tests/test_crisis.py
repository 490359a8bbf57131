"""Crisis detection: every message that signals danger is flagged, in English and Welsh; harmless
messages that share its words are not."""

import pytest

from search_index.crisis import detect_crisis

CRISIS = [
    ("I can't go on anymore", "suicide"),
    ("I want to kill myself", "suicide"),
    ("i wanna die", "suicide"),
    ("I want to die", "suicide"),
    ("Im going to overdose tonight", "suicide"),
    ("I don't want to be alive anymore", "suicide"),
    ("thinking about ending it all", "suicide"),
    ("i feel suicidal", "suicide"),
    ("sucidal", "suicide"),
    ("kil myself", "suicide"),
    ("I took a load of pills", "suicide"),
    ("no point in living", "suicide"),
    ("everyone would be better off without me", "suicide"),
    ("can't take it anymore", "suicide"),
    ("I've been cutting myself", "self-harm"),
    ("i keep self harming", "self-harm"),
    ("my boyfriend strangled me", "abuse"),
    ("he hit me again and I'm scared", "abuse"),
    ("my partner threatened to kill me", "abuse"),
    ("I'm scared for my life", "abuse"),
    ("I was raped", "abuse"),
    ("someone has a knife outside my door", "danger"),
    ("my friend is unconscious and not breathing", "danger"),
    # Welsh
    ("dw i eisiau lladd fy hun", "suicide"),
    ("rwy am ladd fy hun", "suicide"),
    ("dwi isio marw", "suicide"),
    ("dw i ddim eisiau byw", "suicide"),
    ("dwi'n meddwl am hunanladdiad", "suicide"),
    ("methu mynd ymlaen", "suicide"),
    ("dw i'n hunan-niweidio", "self-harm"),
    ("mae e wedi fy nharo eto", "abuse"),
    ("Mae o'n fy nharo i", "abuse"),
    ("mae gen i ofn am fy mywyd", "abuse"),
    ("dw i mewn perygl", "danger"),
]

HARMLESS = [
    "kill time with the kids",
    "how do I kill time in half term",
    "killer sudoku club",
    "my phone died",
    "my laptop died",
    "knife crime project for teenagers",
    "memorial garden",
    "I'm dying to learn woodwork",
    "suicide prevention training for staff",
    "my dad died last year",
    "my feet are killing me",
    "mum kicked me out",
    "can't talk, need someone to text",
    "i need to cut costs",
    "odd jobs",
    "mae'n od",
    "beat the january blues",
    "dead end job",
    "hang out with friends",
    "overdose awareness course",
    "end of my tether with debt",
    "lladd amser gyda'r plant",
    "food bank",
    "",
]


@pytest.mark.parametrize("text, kind", CRISIS)
def test_crisis_is_flagged(text, kind):
    signal = detect_crisis(text)
    assert signal is not None, text
    assert signal.kind == kind


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_is_not_flagged(text):
    assert detect_crisis(text) is None


def test_crisis_anywhere_in_a_long_message():
    text = "food bank " * 400 + " and honestly I want to kill myself"
    assert detect_crisis(text).kind == "suicide"


def test_abuse_signal_points_at_domestic_abuse():
    assert detect_crisis("my husband beats me").categories == ("domestic-abuse",)
