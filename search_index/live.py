"""One object the front-ends share: the live index, search, and rebuilds.

The website and the bot each create one `LiveIndex` and call `search()`; it always answers and
re-opens the index when a new generation appears on disk. Each search is handed to the `on_search`
callback (the front-ends pass `backoffice.search_log.SearchLog`, which records the need words, never
the message); a failing callback is logged and never breaks a search.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .entries import Problem
from .index import BuildReport, build_index, current_generation, index_exists
from .search import Filters, Results, SearchIndex
from .watch import ContentWatcher

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None

log = logging.getLogger(__name__)
RECHECK_SECONDS = 0.5


@dataclass(frozen=True)
class SearchMade:
    """What `on_search` is given for each search: the message (to be reduced, never kept), where
    it came from, the filters, the results, and the index that answered."""

    text: str
    channel: str
    lang: str
    filters: Filters | None
    results: Results
    index: SearchIndex


class LiveIndex:
    """The live index of one process.

    `watch=True` starts a thread that updates the index when a file in the content folder is
    saved (see `start_watching`). `on_search`, when given, is called with a `SearchMade` after
    each search (the staff reports record it; see `backoffice.search_log`).
    """

    def __init__(
        self,
        content_dir: Path | str,
        index_dir: Path | str,
        *,
        watch: bool = False,
        on_search: Callable[[SearchMade], None] | None = None,
    ):
        self.content_dir = Path(content_dir)
        self.index_dir = Path(index_dir)
        self.on_search = on_search
        self._lock = threading.RLock()  # held while building; the watcher also holds it while it
        # takes the content signature, so what it compares next is what the build saw
        self._index: SearchIndex | None = None
        self._stamp: tuple | None = None
        self._checked = 0.0
        self.last_report: BuildReport | None = None
        self._build_depth = 0
        self._watcher: ContentWatcher | None = None
        self._logged_problems: set[Problem] = set()
        if watch:
            self.start_watching()

    # --- live edits ------------------------------------------------------------------------
    def start_watching(self, interval: float | None = None) -> None:
        """Update the index within about a second of a saved change in the content folder.

        A broken edit keeps the entry's last good version live; the problem is logged as
        PATH:LINE: message and listed by `index.problems()` (the staff area shows it).
        """
        if self._watcher is not None and self._watcher.running:
            return
        kwargs = {"interval": interval} if interval else {}
        self._watcher = ContentWatcher(
            self.content_dir, self._rebuild_quietly, initial=True, guard=self._building, **kwargs
        ).start()

    def stop_watching(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    @property
    def watching(self) -> bool:
        return self._watcher is not None and self._watcher.running

    def _rebuild_quietly(self) -> None:
        try:
            self.rebuild()
        except Exception as exc:  # e.g. categories.yml broken: keep serving the index we have
            log.warning("the index was not updated: %s", exc)

    # --- the index -------------------------------------------------------------------------
    def ensure_index(self) -> BuildReport | None:
        """Build the index when there is none yet."""
        if index_exists(self.index_dir):
            return None
        with self._lock:
            if index_exists(self.index_dir):  # built meanwhile by another thread (the watcher)
                return None
            return self.rebuild()

    def rebuild(self, full: bool = False) -> BuildReport:
        """Bring the index up to date with the content folder; searches keep working meanwhile."""
        with self._building():
            report = build_index(self.content_dir, self.index_dir, full=full)
            self.last_report = report
        self._checked = 0.0
        self._log_problems(report)
        return report

    @contextlib.contextmanager
    def _building(self):
        """One build at a time: this process's threads (a reentrant lock) and other processes
        using the same index folder (a file lock, taken once however deeply this nests)."""
        with self._lock:
            outer = self._build_depth == 0
            if outer:
                self._file_lock = _build_lock(self.index_dir)
                self._file_lock.__enter__()
            self._build_depth += 1
            try:
                yield
            finally:
                self._build_depth -= 1
                if outer:
                    self._file_lock.__exit__(None, None, None)

    def _log_problems(self, report: BuildReport) -> None:
        """Log each problem once (again only after it was fixed and came back)."""
        now = set(report.problems)  # the report's own objects, not a second copy of each message
        for p in report.problems:
            if p not in self._logged_problems:
                log.warning("%s", p)
        for slug in report.kept_last_good:
            log.warning("'%s' is broken; its last good version stays live until it is fixed", slug)
        self._logged_problems = now

    def _disk_stamp(self) -> tuple | None:
        gen = current_generation(self.index_dir)
        if gen is None:
            return None
        tocs = sorted(gen.glob("_MAIN_*.toc"))
        meta = gen / "meta.json"
        return (gen.name, tocs[-1].name if tocs else "", meta.stat().st_mtime_ns if meta.exists() else 0)

    @property
    def index(self) -> SearchIndex:
        """The newest index on disk (checked at most twice a second). A generation that cannot be
        opened (a truncated or missing segment, a bad TOC, a bad meta.json) is rebuilt in full."""
        now = time.monotonic()
        if self._index is None or now - self._checked > RECHECK_SECONDS:
            self._checked = now
            stamp = self._disk_stamp()
            if stamp is None and self._index is None:
                self.ensure_index()
                stamp = self._disk_stamp()
            if stamp != self._stamp or self._index is None:
                # the vocabulary is read again only when vocabulary.yml changed
                opened, why = _open(self.index_dir, self.content_dir)
                if opened is not None:
                    self._index, self._stamp = opened, stamp
                else:  # being swapped right now, or broken: see which
                    try:
                        self._index, self._stamp = self._recover(why)
                    except Exception:
                        if self._index is None:
                            raise
                        log.warning("could not open the new index; using the previous one", exc_info=True)
        return self._index

    def _recover(self, first: str) -> tuple[SearchIndex, tuple | None]:
        """After a failed open: once no build is running, open again; when the generation still
        cannot be opened, rebuild the index in full from the content and open that. Returns the
        index and the stamp of what was opened."""
        with self._building():
            why = generation_problem(self.index_dir, self.content_dir)
            if why is not None:
                log.debug("first failure to open the index: %s", first)
                log.error(
                    "the index in %s cannot be opened (%s); rebuilding it in full from %s",
                    self.index_dir,
                    why,
                    self.content_dir,
                )
                self.rebuild(full=True)
            stamp = self._disk_stamp()
            return SearchIndex.open(self.index_dir, content_dir=self.content_dir), stamp

    def problems(self) -> list[dict]:
        """Broken entries and other problems from the newest build, for the staff area."""
        if self.last_report is not None:
            return [
                {"path": p.path, "line": p.line, "message": p.message, "severity": p.severity}
                for p in self.last_report.problems
            ]
        return self.index.problems()

    # --- searching -------------------------------------------------------------------------
    def search(
        self, text: str, *, channel: str, lang: str = "en", filters: Filters | None = None, limit: int = 10
    ) -> Results:
        """Search, then hand the search to `on_search` under `channel` (web, chat, api, bot, cli);
        a failure there is logged only."""
        index = self.index
        results = index.search(text, lang=lang, filters=filters, limit=limit)
        if self.on_search is not None:
            try:
                self.on_search(SearchMade(text, channel, lang, filters, results, index))
            except Exception:  # recording never breaks a search
                log.warning("could not record a search", exc_info=True)
        return results


def _open(index_dir: Path | str, content_dir: Path | str | None) -> tuple[SearchIndex | None, str]:
    """The opened index, or None and why it could not be opened."""
    with warnings.catch_warnings():
        # Whoosh leaves the files of a failed open (a truncated segment, a bad TOC) to the garbage
        # collector: close them here, without a warning for each
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return SearchIndex.open(index_dir, content_dir=content_dir), ""
        except Exception as exc:
            why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        gc.collect()
    return None, why


def generation_problem(index_dir: Path | str, content_dir: Path | str | None = None) -> str | None:
    """Why the current index generation cannot be opened, or None when it opens (or there is none
    yet, which a build makes)."""
    if current_generation(Path(index_dir)) is None and not (Path(index_dir) / "current").is_symlink():
        return None
    opened, why = _open(index_dir, content_dir)
    return None if opened is not None else why


def open_index(content_dir: Path | str, index_dir: Path | str) -> tuple[SearchIndex, BuildReport | None]:
    """Open the index for a one-off use (`signpost ask`): built when missing, rebuilt in full when
    its generation cannot be opened. Returns the index and the build report when one was made."""
    core = LiveIndex(content_dir, index_dir)
    report = core.ensure_index()
    idx = core.index
    return idx, report or core.last_report


@contextlib.contextmanager
def _build_lock(index_dir: Path):
    """One build at a time per index folder, also across processes (the site and the bot)."""
    handle = None
    if fcntl is not None:
        try:
            index_dir.mkdir(parents=True, exist_ok=True)
            handle = open(index_dir / ".build.lock", "a")  # noqa: SIM115
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            if handle is not None:
                handle.close()
            handle = None
    try:
        yield
    finally:
        if handle is not None:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
