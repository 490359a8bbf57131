"""A message in a language the directory is not written in (Polish, Portuguese, Kurdish, Arabic, as
`search_index.language` identifies them) is never answered with `"confident": true`: whatever its
words match, they match by chance. A crisis it signals still comes first."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_index import SearchIndex, build_index
from signpost.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

OTHER_LANGUAGE_MESSAGES = [
    "Szukam pracy w Wrexham",  # Polish: looking for work in Wrexham
    "Potrzebuję pomocy z czynszem",  # Polish: help with the rent
    "Preciso de ajuda com a renda",  # Portuguese: help with the rent
    "Ez li Wrexham kar dixwazim",  # Kurmanji Kurdish: I want work in Wrexham
    "أبحث عن عمل في ركسهام",  # Arabic: looking for work in Wrexham
    "من أين أحصل على طعام مجاني",  # Arabic: where do I get free food
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    ix = tmp_path_factory.mktemp("languages-index")
    build_index(CONTENT, ix)
    return ix


@pytest.mark.parametrize("message", OTHER_LANGUAGE_MESSAGES)
def test_a_message_in_another_language_is_never_confident(index_dir, message):
    res = SearchIndex.open(index_dir, content_dir=CONTENT).search(message)
    assert not res.confident, [h.slug for h in res.hits[:3]]


def test_english_and_welsh_stay_confident(index_dir):
    ix = SearchIndex.open(index_dir, content_dir=CONTENT)
    assert ix.search("food bank").confident
    assert ix.search("banc bwyd", lang="cy").confident


def test_ask_json_a_polish_crisis_leads_with_the_crisis_and_is_not_confident(index_dir):
    runner = CliRunner()
    messages = ["Nie chcę już żyć, mam przygotowane tabletki", "Szukam pracy w Wrexham", "food bank"]
    result = runner.invoke(
        cli,
        ["ask", "--json", "--content", str(CONTENT), "--index", str(index_dir)],
        input="\n".join(messages) + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [a["confident"] for a in answers] == [False, False, True]
    assert answers[0]["crisis"] is True and answers[0]["results"]  # the crisis lines first
    assert answers[1]["crisis"] is False
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


def test_english_searches_never_load_the_language_model(index_dir):
    """The model costs about 45 MB once loaded: a server that only sees English and Welsh never loads it."""
    code = (
        "import sys; from search_index import SearchIndex; "
        f"ix = SearchIndex.open({str(index_dir)!r}, content_dir={str(CONTENT)!r}); "
        "[ix.search(q) for q in ('food bank', 'englsh lessons', 'my toddler isnt talking yet', 'benifits')]; "
        "print('py3langid.langid' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
