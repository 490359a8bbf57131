"""The index on disk: full builds swap atomically, updates touch only changed files."""

import os
import threading
import time

import pytest
from conftest import SEARCH_ENTRIES, make_content

from search_index import SearchIndex, build_index
from search_index.index import current_generation


@pytest.fixture
def content(tmp_path):
    return make_content(tmp_path / "content", SEARCH_ENTRIES)


def test_first_build_indexes_every_good_entry(content, tmp_path):
    report = build_index(content, tmp_path / "ix")
    assert report.full and sorted(report.added) == sorted(SEARCH_ENTRIES)
    idx = SearchIndex.open(tmp_path / "ix")
    assert idx.get("food-bank").title == "Community food bank"
    assert "old-warehouse" not in [e.slug for e in idx.visible()]


def test_rerun_on_unchanged_content_does_little_work(content, tmp_path):
    build_index(content, tmp_path / "ix")
    gen = current_generation(tmp_path / "ix")
    report = build_index(content, tmp_path / "ix")
    assert not report.full and not report.changed
    assert report.unchanged == len(SEARCH_ENTRIES)
    assert current_generation(tmp_path / "ix") == gen


def test_one_edited_file_is_updated_alone(content, tmp_path):
    build_index(content, tmp_path / "ix")
    path = content / "services" / "food-bank.md"
    path.write_text(path.read_text().replace("Community food bank", "Caia food bank"), encoding="utf-8")
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    report = build_index(content, tmp_path / "ix")
    assert not report.full and report.updated == ["food-bank"] and report.unchanged == len(SEARCH_ENTRIES) - 1
    assert SearchIndex.open(tmp_path / "ix").get("food-bank").title == "Caia food bank"


def test_added_and_removed_files(content, tmp_path):
    build_index(content, tmp_path / "ix")
    (content / "services" / "esol.md").unlink()
    (content / "services" / "new-one.md").write_text(
        "---\ntitle: New\nsummary: S.\ncategories: [food]\n---\n"
    )
    report = build_index(content, tmp_path / "ix")
    assert report.added == ["new-one"] and report.removed == ["esol"]
    idx = SearchIndex.open(tmp_path / "ix")
    assert idx.get("esol") is None and idx.get("new-one") is not None


def test_broken_edit_keeps_the_last_good_version(content, tmp_path):
    build_index(content, tmp_path / "ix")
    path = content / "services" / "debt-advice.md"
    path.write_text("---\ntitle: Debt advice\ncategories: money\n---\n", encoding="utf-8")
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    report = build_index(content, tmp_path / "ix")
    assert report.kept_last_good == ["debt-advice"]
    assert any(p.line == 3 and "must be a list" in p.message for p in report.errors)
    idx = SearchIndex.open(tmp_path / "ix")
    assert idx.get("debt-advice").summary.startswith("Free, confidential")
    assert any("must be a list" in p["message"] for p in idx.problems())
    # reported again on the next run, without re-reading the file
    again = build_index(content, tmp_path / "ix")
    assert any("must be a list" in p.message for p in again.errors)


def test_category_change_rebuilds_into_a_new_generation(content, tmp_path):
    build_index(content, tmp_path / "ix")
    first = current_generation(tmp_path / "ix")
    with open(content / "categories.yml", "a", encoding="utf-8") as f:
        f.write("- id: housing\n  name: Housing\n  name_cy: Tai\n")
    report = build_index(content, tmp_path / "ix")
    assert report.full and current_generation(tmp_path / "ix") != first


def test_readers_never_see_a_half_built_index(content, tmp_path):
    """Search in a loop while full rebuilds swap generations: every search answers from a
    complete index."""
    ix = tmp_path / "ix"
    build_index(content, ix)
    errors: list[BaseException] = []
    counts: list[int] = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                idx = SearchIndex.open(ix)
                counts.append(len(idx.entries))
                assert idx.search("food parcel").hits[0].slug == "food-bank"
            except BaseException as exc:  # noqa: BLE001 - collected and reported below
                errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for _ in range(8):
        build_index(content, ix, full=True)
    stop.set()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    assert counts and set(counts) == {len(SEARCH_ENTRIES)}


def test_old_generations_are_cleaned_up(content, tmp_path):
    from search_index.index import _remove_old_generations

    for _ in range(4):
        build_index(content, tmp_path / "ix", full=True)
    current = current_generation(tmp_path / "ix")
    _remove_old_generations(tmp_path / "ix", current, grace=0)
    gens = sorted(p.name for p in (tmp_path / "ix").glob("gen-*"))
    assert len(gens) == 2 and gens[-1] == current.name


def test_a_build_split_across_worker_processes_matches_one_built_in_this_process(tmp_path, monkeypatch):
    """The bundled directory, built by worker processes in more runs than workers (as 50,000 files
    would be), answers exactly as the same files built in one process; a broken file is reported."""
    import shutil

    from conftest import ROOT

    from search_index import index as index_module

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "services" / "zz-broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    n = len(list((content / "services").glob("*.md")))
    queries = ["food", "englsh lessons", "my toddler isn't talking yet", "dyled", "skint till payday"]

    single = build_index(content, tmp_path / "one")
    monkeypatch.setattr(index_module, "PARALLEL_MIN_FILES", 20)
    monkeypatch.setattr(index_module, "BUILD_CHUNK_FILES", 15)
    assert index_module._build_workers(n) >= 2
    split = build_index(content, tmp_path / "split")

    assert sorted(split.added) == sorted(single.added) and len(split.added) == n - 1
    assert [str(p) for p in split.problems] == [str(p) for p in single.problems]
    assert any("zz-broken.md:" in str(p) for p in split.problems)
    segments = list((current_generation(tmp_path / "split")).glob("*.seg"))
    assert len(segments) >= 4  # one per run of 15 files
    a = SearchIndex.open(tmp_path / "one", content_dir=content)
    b = SearchIndex.open(tmp_path / "split", content_dir=content)
    for q in queries:
        ra, rb = a.search(q), b.search(q)
        assert [(h.entry.slug, h.score) for h in ra.hits] == [(h.entry.slug, h.score) for h in rb.hits], q
    # and the split index takes an update like any other
    page = content / "services" / sorted(split.added)[0]
    page = page.with_suffix(".md")
    page.write_text(page.read_text(encoding="utf-8") + "\nAsk for zqsplitword.\n", encoding="utf-8")
    again = build_index(content, tmp_path / "split")
    assert again.updated == [page.stem] and not again.full
    assert (
        SearchIndex.open(tmp_path / "split", content_dir=content).search("zqsplitword").hits[0].entry.slug
        == page.stem
    )
