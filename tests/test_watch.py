"""Live edits: the content watcher updates the index within a couple of seconds, keeps the last good
version of a broken entry (and says why in the log), and searches never fail while it works."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from pathlib import Path

import pytest

from search_index.live import LiveIndex
from search_index.watch import ContentWatcher, content_signature

LIVE_WITHIN = 10.0  # seconds a change may take to be seen; typically about one


def wait_for(predicate, timeout: float = LIVE_WITHIN, step: float = 0.05) -> None:
    """Returns once `predicate()` holds; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(step)
    raise AssertionError(f"not true within {timeout} s")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@contextlib.contextmanager
def watching(content_dir: Path, on_change, **options):
    """A ContentWatcher on `content_dir` (looking every 0.05 s) for the block; stopped after it."""
    watcher = ContentWatcher(content_dir, on_change, interval=0.05, **options).start()
    try:
        yield watcher
    finally:
        watcher.stop()


@pytest.fixture
def live(content_dir, index_dir):
    core = LiveIndex(content_dir, index_dir, watch=True)
    core.ensure_index()
    yield core
    core.stop_watching()


# --- the signature -----------------------------------------------------------------------------
def test_signature_changes_on_edit_add_remove_and_categories(content_dir):
    first = content_signature(content_dir)
    assert first == content_signature(content_dir)
    food = content_dir / "services" / "food-bank.md"
    edit(food, "Caia food bank", "Caia food bank and pantry")
    second = content_signature(content_dir)
    assert second != first
    (content_dir / "services" / "new-one.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    third = content_signature(content_dir)
    assert third != second
    (content_dir / "services" / "new-one.md").unlink()
    assert content_signature(content_dir) == second
    (content_dir / "categories.yml").write_text(
        (content_dir / "categories.yml").read_text() + "\n", encoding="utf-8"
    )
    assert content_signature(content_dir) != second


def test_signature_ignores_other_files(content_dir):
    first = content_signature(content_dir)
    (content_dir / "services" / "notes.txt").write_text("x")
    (content_dir / "services" / ".food-bank.md.swp").write_text("x")
    (content_dir / "README.md").write_text("x")
    assert content_signature(content_dir) == first


def test_missing_folder_has_an_empty_signature(tmp_path):
    assert content_signature(tmp_path / "nowhere") == frozenset()


@pytest.mark.parametrize("notify", [True, False], ids=["kernel-notices", "polling"])
def test_watcher_calls_back_on_change_and_survives_errors(content_dir, notify):
    calls: list[float] = []

    def on_change():
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise RuntimeError("first rebuild fails")

    with watching(content_dir, on_change, notify=notify) as watcher:
        assert watcher.running
        time.sleep(0.2)
        assert watcher.using_notices == (notify and sys.platform.startswith("linux"))
        assert calls == []  # nothing changed yet
        edit(content_dir / "services" / "food-bank.md", "Caia food bank", "Caia food bank 2")
        wait_for(lambda: len(calls) == 1)
        edit(content_dir / "services" / "food-bank.md", "Caia food bank 2", "Caia food bank 3")
        wait_for(lambda: len(calls) == 2)  # still watching after the failure
        (content_dir / "services" / "food-bank.md").rename(content_dir / "services" / "food-bank-2.md")
        wait_for(lambda: len(calls) == 3)  # a rename is a change too
    assert not watcher.running


def test_a_change_saved_while_the_first_build_runs_is_not_missed(content_dir):
    # The kernel's notices must be asked for before the first build starts: an edit saved during
    # it would otherwise wait for the safety look (15 s), or forever without one.
    started = threading.Event()
    calls: list[int] = []

    def on_change():
        calls.append(1)
        if len(calls) == 1:
            started.set()
            time.sleep(0.5)  # a slow first build

    with watching(content_dir, on_change, initial=True):
        assert started.wait(5)
        edit(content_dir / "services" / "food-bank.md", "Caia food bank", "Caia food bank 2")
        wait_for(lambda: len(calls) == 2, timeout=5)


def test_a_change_saved_just_after_start_is_not_missed(content_dir):
    calls: list[int] = []
    with watching(content_dir, lambda: calls.append(1)):
        edit(content_dir / "services" / "food-bank.md", "Caia food bank", "Caia food bank 2")
        wait_for(lambda: len(calls) == 1, timeout=5)


def test_kernel_notices_survive_the_services_folder_being_replaced(content_dir):
    calls: list[float] = []
    with watching(content_dir, lambda: calls.append(1)):
        time.sleep(0.2)
        services = content_dir / "services"
        services.rename(content_dir / "old-services")
        wait_for(lambda: len(calls) == 1)
        (content_dir / "old-services").rename(services)
        wait_for(lambda: len(calls) == 2)
        edit(services / "food-bank.md", "Caia food bank", "Caia food bank 2")
        wait_for(lambda: len(calls) == 3)  # still watching the folder now in its place


# --- live edits through the core -----------------------------------------------------------------
def test_a_saved_edit_is_live_within_seconds(live, content_dir):
    assert live.watching
    assert not any("pantry" in h.matched for h in live.search("pantry", channel="cli").hits)
    edit(
        content_dir / "services" / "food-bank.md", "title: Caia food bank", "title: Caia food bank and pantry"
    )
    wait_for(lambda: live.index.get("food-bank").title == "Caia food bank and pantry")
    first = live.search("pantry", channel="cli").hits[0]
    assert first.slug == "food-bank" and "pantry" in first.matched


def test_new_and_removed_files_are_picked_up(live, content_dir):
    new = content_dir / "services" / "men-shed.md"
    new.write_text(
        "---\ntitle: Men's shed\nsummary: Woodwork and a cuppa.\ncategories: [community]\n---\n",
        encoding="utf-8",
    )
    wait_for(lambda: live.index.get("men-shed") is not None)
    new.unlink()
    wait_for(lambda: live.index.get("men-shed") is None)


def test_a_broken_edit_keeps_the_last_good_version_and_is_logged(live, content_dir, caplog):
    caplog.set_level(logging.WARNING, logger="search_index.live")
    path = content_dir / "services" / "youth-club.md"
    edit(path, "categories: [young-people, community]", "categories: young-people")
    wait_for(lambda: any("youth-club.md" in p["path"] for p in live.problems()))
    assert live.index.get("youth-club").title == "Wrexham youth club"  # still live
    assert live.search("youth club", channel="cli").hits[0].slug == "youth-club"
    problem = next(p for p in live.problems() if "youth-club.md" in p["path"])
    assert problem["message"].startswith("'categories' must be a list")
    line = f"{problem['path']}:{problem['line']}: {problem['message']}"
    assert line in caplog.text  # PATH:LINE: message in the log
    assert "'youth-club' is broken; its last good version stays live" in caplog.text
    # fixed again: the problem goes, the change shows
    edit(path, "categories: young-people", "categories: [young-people]")
    wait_for(lambda: not any("youth-club.md" in p["path"] for p in live.problems()))
    wait_for(lambda: live.index.get("youth-club").categories == ("young-people",))


def test_a_broken_categories_file_keeps_the_index_serving(live, content_dir, caplog):
    (content_dir / "categories.yml").write_text("- id: [broken\n", encoding="utf-8")
    wait_for(lambda: "the index was not updated" in caplog.text)
    assert live.search("food parcel", channel="cli").hits[0].slug == "food-bank"


def test_start_and_stop_are_idempotent(content_dir, index_dir):
    core = LiveIndex(content_dir, index_dir)
    assert not core.watching
    core.start_watching()
    core.start_watching()
    assert core.watching
    core.stop_watching()
    core.stop_watching()
    assert not core.watching


def test_searches_never_fail_while_files_change(live, content_dir):
    errors: list[BaseException] = []
    answered = [0]
    stop = threading.Event()

    def searcher(query: str, slug: str):
        while not stop.is_set():
            try:
                res = live.search(query, channel="cli")
                assert res.hits and any(h.slug == slug for h in res.hits), (query, [h.slug for h in res.hits])
                answered[0] += 1
            except BaseException as exc:
                errors.append(exc)
                return

    threads = [
        threading.Thread(target=searcher, args=("food parcel", "food-bank")),
        threading.Thread(target=searcher, args=("youth club", "youth-club")),
        threading.Thread(target=searcher, args=("lunch older people", "lunch-club")),
        threading.Thread(target=searcher, args=("samaritans", "samaritans")),
    ]
    for t in threads:
        t.start()
    food = content_dir / "services" / "food-bank.md"
    try:
        for i in range(8):
            edit(
                food,
                "Free food parcels" if i == 0 else f"Free food parcels v{i}",
                f"Free food parcels v{i + 1}",
            )
            (content_dir / "services" / f"extra-{i}.md").write_text(
                f"---\ntitle: Extra {i}\nsummary: Something else {i}.\ncategories: [community]\n---\n",
                encoding="utf-8",
            )
            if i % 3 == 2:
                live.rebuild()  # a direct rebuild (as the staff area does) alongside the watcher
            time.sleep(0.3)
        wait_for(lambda: live.index.get("food-bank").summary.startswith("Free food parcels v8"))
        wait_for(lambda: live.index.get("extra-7") is not None)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == []
    assert answered[0] > 50


def test_two_processes_worth_of_cores_share_one_index(content_dir, index_dir):
    """The site and the bot each watch the same folder and index: builds take turns, both see edits."""
    a = LiveIndex(content_dir, index_dir, watch=True)
    b = LiveIndex(content_dir, index_dir, watch=True)
    try:
        a.ensure_index()
        edit(
            content_dir / "services" / "lunch-club.md",
            "title: Lunch club for older people",
            "title: Lunch club (Wednesdays)",
        )
        for core in (a, b):
            wait_for(lambda core=core: core.index.get("lunch-club").title == "Lunch club (Wednesdays)")
    finally:
        a.stop_watching()
        b.stop_watching()


def test_a_file_added_and_removed_while_a_build_waits_is_not_missed(content_dir, index_dir):
    """The watcher's first build waits for another build; a file appears meanwhile, then goes."""
    core = LiveIndex(content_dir, index_dir)
    core.ensure_index()
    new = content_dir / "services" / "pop-up.md"
    try:
        with core._building():  # another build holds the index
            core.start_watching()
            time.sleep(0.2)
            new.write_text("---\ntitle: Pop-up\nsummary: Here today.\ncategories: [community]\n---\n")
        wait_for(lambda: core.index.get("pop-up") is not None)
        new.unlink()
        wait_for(lambda: core.index.get("pop-up") is None)
    finally:
        core.stop_watching()
