"""Confidence in a message in a language the directory is not written in (`search_index.language`
identifies it). One search reads through its dictionary (Polish, Portuguese, Arabic:
`language.DICTIONARIES`) is judged as an English or Welsh one is: its words no longer match by chance,
so it is confident when a result is a good match (the scope reader and the word roles judging its
words' English senses), and not when nothing answers it ("where can I buy ..." is trade, as in
English). One search cannot read (Kurdish, Urdu; Polish without its dictionary) is never answered
with `"confident": true`: whatever its words match, they match by chance. A crisis it signals still
comes first."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_index import SearchIndex, language
from signpost.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

# Messages in a language search cannot read: never confident, whatever they match
UNREAD_MESSAGES = [
    "Ez li Wrexham kar dixwazim",  # Kurmanji Kurdish: I want work in Wrexham
    "Ez li xwarina belaş digerim",  # Kurmanji Kurdish: I am looking for free food
    "مفت کھانا چاہیے",  # Urdu: I need free food (Arabic letters, but no Arabic to read)
    "میں پناہ گزین ہوں",  # Urdu: I am a refugee
]

# Messages read through their dictionary that a service answers: confident, at a service of its kind
READ_ANSWERED = [
    ("Szukam pracy w Wrexham", {"money", "learning"}),  # Polish: looking for work in Wrexham
    ("Potrzebuję pomocy z czynszem", {"housing"}),  # Polish: I need help with the rent
    ("Potrzebuję tłumacza do lekarza", {"language"}),  # Polish: I need an interpreter for the doctor
    ("Szukam darmowego jedzenia dla rodziny", {"food"}),  # Polish: free food for the family
    ("Onde há aulas de inglês para adultos?", {"language"}),  # Portuguese: English classes for adults
    ("Preciso de ajuda com as minhas dívidas", {"money", "advice"}),  # Portuguese: help with my debts
    ("أنا لاجئ وأحتاج مساعدة", {"migrants"}),  # Arabic: I am a refugee and need help
    ("عندي ديون كثيرة", {"money", "advice"}),  # Arabic: I have a lot of debts
    ("مساعدة في دفع الإيجار", {"housing"}),  # Arabic: help paying the rent
]

# Messages read through their dictionary that nothing in the directory answers: not confident
READ_UNANSWERED = [
    "Gdzie mogę kupić tani telewizor?",  # Polish: where can I buy a cheap television (trade)
    "Chcę kupić używany samochód",  # Polish: I want to buy a used car (trade)
    "Onde posso comprar um telemóvel barato?",  # Portuguese: where can I buy a cheap mobile (trade)
    "Quero vender o meu carro",  # Portuguese: I want to sell my car (trade)
    "Szukam dobrego fryzjera",  # Polish: looking for a good hairdresser
    "Onde posso alugar um carro?",  # Portuguese: where can I hire a car
    "أين يمكنني شراء هاتف رخيص؟",  # Arabic: where can I buy a cheap phone (trade)
    "أريد بيع سيارتي",  # Arabic: I want to sell my car (trade)
    "أين أجد حلاق جيد؟",  # Arabic: where do I find a good barber
]


@pytest.mark.parametrize("message", UNREAD_MESSAGES)
def test_a_message_search_cannot_read_is_never_confident(bundled, message):
    res = bundled.search(message)
    assert not res.confident, [h.slug for h in res.hits[:3]]


@pytest.mark.parametrize("message, kinds", READ_ANSWERED)
def test_a_message_read_through_its_dictionary_is_confident_when_a_service_answers_it(
    bundled, message, kinds
):
    res = bundled.search(message)
    assert bundled.understand(message)[0].read_in in language.DICTIONARIES
    assert res.confident and set(res.hits[0].entry.categories) & kinds, [h.slug for h in res.hits[:3]]


@pytest.mark.parametrize("message", READ_UNANSWERED)
def test_a_message_read_through_its_dictionary_is_not_confident_when_nothing_answers_it(bundled, message):
    res = bundled.search(message)
    assert bundled.understand(message)[0].read_in in language.DICTIONARIES
    assert not res.confident, [h.slug for h in res.hits[:3]]


def test_buying_read_through_a_dictionary_is_trade_as_in_english(bundled):
    """A Polish verb of buying reads as "buy, purchase": trade, as "buy" is, though that sense is no word."""
    told = ["kupic", "jedzenie"]
    u = bundled.understand("kupić jedzenie")[0]
    english = [bundled._english(w, u) for w in told]
    assert english[0] == "buy, purchase"
    roles = bundled._roles(u, told, english)
    assert roles["trade"][0] >= 0.5 and roles["trade"][1] < 0.5


@pytest.mark.parametrize("message, _", READ_ANSWERED[:3])
def test_without_its_dictionary_a_message_is_unread_and_never_confident(
    bundled_index_dir, monkeypatch, tmp_path, message, _
):
    monkeypatch.setitem(language.DICTIONARIES, "pl", tmp_path / "missing.index")
    res = SearchIndex.open(bundled_index_dir, content_dir=CONTENT).search(message)
    assert not res.confident, [h.slug for h in res.hits[:3]]


def test_english_and_welsh_stay_confident(bundled):
    assert bundled.search("food bank").confident
    assert bundled.search("banc bwyd", lang="cy").confident


def test_ask_json_a_crisis_leads_and_only_a_read_message_may_be_confident(bundled_index_dir):
    runner = CliRunner()
    messages = [
        "Nie chcę już żyć, mam przygotowane tabletki",  # Polish crisis: the crisis lines are the answer
        "Szukam pracy w Wrexham",  # Polish, read: judged as English is
        "Ez li Wrexham kar dixwazim",  # Kurdish, unread: never confident
        "food bank",
    ]
    result = runner.invoke(
        cli,
        ["ask", "--json", "--content", str(CONTENT), "--index", str(bundled_index_dir)],
        input="\n".join(messages) + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [a["confident"] for a in answers] == [True, True, False, True]
    assert answers[0]["crisis"] is True and answers[0]["results"]  # the crisis lines first
    assert [a["crisis"] for a in answers[1:]] == [False, False, False]
    for a in answers:
        assert {"query", "crisis", "confident", "results"} <= set(a)
        assert set(a) <= {"query", "crisis", "confident", "results", "suggestion"}


@pytest.mark.parametrize(
    "message, other",
    [
        ("food bank", False),
        ("englsh lessons", False),
        ("benifits", False),  # one word: never asked of the model
        ("where can i get help with the rent", False),
        ("ble mae'r banc bwyd", False),
        ("Szukam pracy w Wrexham", True),
        ("Preciso de ajuda com a renda", True),
        ("أبحث عن عمل", True),
    ],
)
def test_only_a_message_that_may_be_another_language_is_asked_of_the_model(message, other):
    from search_index.language import could_be_other_language

    assert could_be_other_language(message) is other


def test_english_searches_never_load_the_language_model(bundled_index_dir):
    """The model costs about 45 MB once loaded: a server that only sees English and Welsh never loads it."""
    code = (
        "import sys; from search_index import SearchIndex; "
        f"ix = SearchIndex.open({str(bundled_index_dir)!r}, content_dir={str(CONTENT)!r}); "
        "[ix.search(q) for q in ('food bank', 'englsh lessons', 'my toddler isnt talking yet', 'benifits')]; "
        "print('py3langid.langid' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
