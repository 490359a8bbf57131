"""Search behaviour on a tiny directory: words, typos, Welsh, filters, crisis first, hostile input."""

import pytest
from conftest import HOSTILE_MESSAGES, SEARCH_ENTRIES, make_content

from search_index import Filters, SearchIndex, build_index


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    content = make_content(root / "content", SEARCH_ENTRIES)
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
