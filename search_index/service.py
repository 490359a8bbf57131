"""One object the front-ends share: the live index, search with analytics, and rebuilds.

The website and the bot each create one `Signpost` and call `search()`; it always answers,
re-opens the index when a new generation appears on disk, and records the search (scrubbed of
personal data) without ever letting a logging failure break it.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from .analytics import Analytics
from .index import BuildReport, build_index, current_generation, index_exists
from .lexicon import load_vocabulary
from .search import Filters, Results, SearchIndex

log = logging.getLogger(__name__)
RECHECK_SECONDS = 0.5


class Signpost:
    def __init__(self, content_dir: Path | str, index_dir: Path | str, db_path: Path | str | None = None):
        self.content_dir = Path(content_dir)
        self.index_dir = Path(index_dir)
        self.analytics = Analytics(db_path) if db_path else None
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._stamp: tuple | None = None
        self._checked = 0.0
        self.last_report: BuildReport | None = None

    # --- the index -------------------------------------------------------------------------
    def ensure_index(self) -> BuildReport | None:
        """Build the index when there is none yet."""
        if index_exists(self.index_dir):
            return None
        return self.rebuild()

    def rebuild(self, full: bool = False) -> BuildReport:
        """Bring the index up to date with the content folder; searches keep working meanwhile."""
        with self._lock:
            report = build_index(self.content_dir, self.index_dir, full=full)
            self.last_report = report
        self._checked = 0.0
        return report

    def _disk_stamp(self) -> tuple | None:
        gen = current_generation(self.index_dir)
        if gen is None:
            return None
        tocs = sorted(gen.glob("_MAIN_*.toc"))
        meta = gen / "meta.json"
        return (gen.name, tocs[-1].name if tocs else "", meta.stat().st_mtime_ns if meta.exists() else 0)

    @property
    def index(self) -> SearchIndex:
        """The newest index on disk (checked at most twice a second)."""
        now = time.monotonic()
        if self._index is None or now - self._checked > RECHECK_SECONDS:
            self._checked = now
            stamp = self._disk_stamp()
            if stamp is None and self._index is None:
                self.ensure_index()
                stamp = self._disk_stamp()
            if stamp != self._stamp or self._index is None:
                vocab = load_vocabulary(self.content_dir / "vocabulary.yml")
                try:
                    self._index = SearchIndex.open(self.index_dir, vocabulary=vocab)
                    self._stamp = stamp
                except Exception:  # a generation being swapped right now: keep the one we have
                    if self._index is None:
                        raise
                    log.warning("could not open the new index yet; using the previous one", exc_info=True)
        return self._index

    # --- searching -------------------------------------------------------------------------
    def search(self, text: str, *, channel: str, lang: str = "en", filters: Filters | None = None,
               limit: int = 10) -> Results:
        """Search and record it for the staff reports (scrubbed; failures to record are logged only)."""
        results = self.index.search(text, lang=lang, filters=filters, limit=limit)
        if self.analytics is not None:
            self.analytics.record(channel=channel, lang=lang, query=text, results=results)
        return results
