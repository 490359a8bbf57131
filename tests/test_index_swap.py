"""Searching while the index changes underneath: threads search in a loop while full builds,
incremental updates and segment merges swap what is on disk. No search may fail, and every answer
must come from one generation of the index (never half of one build and half of the next)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from conftest import make_content

import search_index.engine as engine_module
import search_index.index as index_module
from search_index import SearchIndex, build_index
from search_index.index import current_generation
from search_index.live import LiveIndex

N_ENTRIES = 24
READERS = 4
MAX_SECONDS = 60  # every loop below is bounded in rounds and in time


def entry(i: int, version: int) -> str:
    return (
        "---\n"
        f"title: Food bank {i} version{version}\n"
        f"summary: Free food parcels every week, marker version{version}.\n"
        "categories: [food]\n"
        f"tags: [food bank, version{version}]\n"
        "---\n\n"
        f"Come along for food. This is version{version} of entry {i}.\n"
    )


def write_all(content: Path, version: int) -> None:
    """Every entry rewritten at `version` (a new mtime, so the update sees them all)."""
    for i in range(N_ENTRIES):
        path = content / "services" / f"food-{i:02d}.md"
        path.write_text(entry(i, version), encoding="utf-8")
        bump_mtime(path, version)


def bump_mtime(path: Path, version: int) -> None:
    ns = 1_700_000_000_000_000_000 + version * 1_000_000_000
    os.utime(path, ns=(ns, ns))


def version_of(e) -> int:
    return int(e.title.rsplit("version", 1)[1])


@pytest.fixture
def content(tmp_path):
    content = make_content(tmp_path / "content", {})
    write_all(content, 0)
    return content


class Readers:
    """Threads that search until told to stop, checking every answer."""

    def __init__(self, search_once, n: int = READERS):
        self.search_once = search_once
        self.errors: list[BaseException] = []
        self.checked = 0
        self.versions_seen: set[int] = set()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, daemon=True) for _ in range(n)]

    def __enter__(self) -> Readers:
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=MAX_SECONDS)
        assert not any(t.is_alive() for t in self._threads)

    def wait_for(self, more: int, timeout: float = 5.0) -> None:
        """Let the readers answer `more` searches (so they search between every two swaps)."""
        target = self.checked + more
        deadline = time.monotonic() + timeout
        while self.checked < target and not self.errors and time.monotonic() < deadline:
            time.sleep(0.005)

    def _run(self) -> None:
        deadline = time.monotonic() + MAX_SECONDS
        for _ in range(100_000):
            if self._stop.is_set() or time.monotonic() > deadline:
                return
            try:
                versions = self.search_once()
            except BaseException as exc:  # noqa: BLE001 - collected and reported by the test
                with self._lock:
                    self.errors.append(exc)
                continue
            with self._lock:
                self.checked += 1
                self.versions_seen |= versions


def check_answer(idx: SearchIndex, text: str = "food bank") -> set[int]:
    """One search: a full set of hits, all from the same generation as the index that answered."""
    res = idx.search(text, limit=N_ENTRIES)
    assert len(idx.entries) == N_ENTRIES, f"{len(idx.entries)} entries in one generation"
    assert len(res.hits) == N_ENTRIES, [h.slug for h in res.hits]
    for h in res.hits:
        assert idx.get(h.slug) is h.entry
    versions = {version_of(h.entry) for h in res.hits}
    assert len(versions) == 1, f"one answer mixes generations: {sorted(versions)}"
    assert versions == {version_of(e) for e in idx.entries.values()}
    return versions


@pytest.mark.slow
def test_searches_while_full_builds_and_updates_swap_the_index(content, tmp_path, monkeypatch):
    """Each round rewrites every entry; rounds alternate full builds and incremental updates, and
    with a low segment limit the updates also merge segments into new generations."""
    monkeypatch.setattr(engine_module, "MAX_SEGMENTS", 3)
    ix = tmp_path / "ix"
    build_index(content, ix)
    gens = set()

    def search_once() -> set[int]:
        return check_answer(SearchIndex.open(ix))

    with Readers(search_once) as readers:
        deadline = time.monotonic() + MAX_SECONDS
        for version in range(1, 13):
            if time.monotonic() > deadline:
                break
            write_all(content, version)
            report = build_index(content, ix, full=version % 3 == 0)
            assert len(report.added) + len(report.updated) == N_ENTRIES, report.summary()
            gens.add(current_generation(ix).name)
            readers.wait_for(READERS)
    assert not readers.errors, readers.errors[:3]
    assert readers.checked > 20, readers.checked
    assert len(readers.versions_seen) > 3, readers.versions_seen  # the readers did see the swaps
    assert len(gens) > 3, gens  # full builds and merges made new generations
    assert check_answer(SearchIndex.open(ix)) == {12}


@pytest.mark.slow
def test_searches_through_the_service_while_single_files_change(content, tmp_path, monkeypatch):
    """The website's way: one Signpost shared by threads, one file edited and rebuilt at a time."""
    monkeypatch.setattr(engine_module, "MAX_SEGMENTS", 4)
    core = LiveIndex(content, tmp_path / "ix")
    core.ensure_index()
    monkeypatch.setattr("search_index.live.RECHECK_SECONDS", 0.02)

    def search_once() -> set[int]:
        idx = core.index
        res = idx.search("food bank", limit=N_ENTRIES)
        assert len(idx.entries) == N_ENTRIES and len(res.hits) == N_ENTRIES
        for h in res.hits:
            assert idx.get(h.slug) is h.entry, "a hit from another generation than its index"
        # this generation's versions, exactly as the answer shows them
        assert sorted(version_of(h.entry) for h in res.hits) == sorted(
            version_of(e) for e in idx.entries.values()
        )
        return {version_of(h.entry) for h in res.hits}

    with Readers(search_once, n=3) as readers:
        deadline = time.monotonic() + MAX_SECONDS
        for version in range(1, 11):
            if time.monotonic() > deadline:
                break
            path = content / "services" / f"food-{version % N_ENTRIES:02d}.md"
            path.write_text(entry(version % N_ENTRIES, version), encoding="utf-8")
            bump_mtime(path, version)
            report = core.rebuild()
            assert report.updated == [path.stem] and not report.full, report.summary()
            readers.wait_for(3)
    assert not readers.errors, readers.errors[:3]
    assert readers.checked > 20
    final = SearchIndex.open(tmp_path / "ix")
    assert version_of(final.get("food-10")) == 10


def test_an_open_index_keeps_answering_after_its_generation_is_deleted(content, tmp_path):
    """Old generations are removed a while after a swap; a reader still holding one keeps working."""
    ix = tmp_path / "ix"
    build_index(content, ix)
    old = SearchIndex.open(ix)
    old_gen = current_generation(ix)
    write_all(content, 1)
    build_index(content, ix, full=True)
    build_index(content, ix, full=True)
    index_module._remove_old_generations(ix, current_generation(ix), grace=0)
    assert not old_gen.exists()
    assert check_answer(old, "free food parcels version0 week") == {0}
    assert check_answer(SearchIndex.open(ix)) == {1}
