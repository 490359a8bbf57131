"""Live edits: a thread that notices saved changes in the content folder and updates the index.

It polls `services/*.md`, `categories.yml` and `vocabulary.yml` every half second, comparing a
signature of (name, size, modification time, inode) per file from `os.scandir`; no extra
dependency, and it works the same on every file system. When anything changed it calls `on_change`
(in `Signpost`, an incremental `rebuild()`), so a saved edit is live within about a second.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
WATCHED_FILES = ("categories.yml", "vocabulary.yml")

Signature = frozenset[tuple[str, int, int, int]]


def content_signature(content_dir: Path | str) -> Signature:
    """What the watched files look like now; any saved change gives a different value."""
    content_dir = Path(content_dir)
    sig: set[tuple[str, int, int, int]] = set()
    for folder, wanted in ((content_dir, WATCHED_FILES), (content_dir / "services", None)):
        try:
            with os.scandir(folder) as it:
                for e in it:
                    if (
                        (e.name in wanted)
                        if wanted
                        else (e.name.endswith(".md") and not e.name.startswith("."))
                    ):
                        try:
                            st = e.stat()
                        except OSError:  # removed between listing and stat
                            continue
                        sig.add((f"{folder.name}/{e.name}", st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            continue
    return frozenset(sig)


class ContentWatcher:
    """Calls `on_change()` from a daemon thread whenever the content folder's signature changes.

    With `initial=True` it also calls it once on start (to catch edits made while nothing ran).
    An exception in `on_change` is logged and the watcher goes on; the next change tries again.

    `guard` (a reentrant context manager: the one `on_change` builds under) is held while the
    signature to compare against next is taken and `on_change` runs, so the signature is what the
    build saw even when the build had to wait for another one. Without it, a file added and removed
    while a build waited could leave the index with the file and the signature unchanged.
    """

    def __init__(
        self,
        content_dir: Path | str,
        on_change: Callable[[], object],
        *,
        interval: float = POLL_SECONDS,
        initial: bool = False,
        guard: Callable[[], contextlib.AbstractContextManager] | None = None,
    ):
        self.content_dir = Path(content_dir)
        self.on_change = on_change
        self.interval = interval
        self.initial = initial
        self.guard = guard or contextlib.nullcontext
        self._last: Signature = frozenset()
        self.changes = 0  # how many times on_change ran (for tests and the staff page)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> ContentWatcher:
        if self.running:
            return self
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="signpost-content-watcher", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        if self.initial:
            self._fire()
        else:
            self._last = content_signature(self.content_dir)
        while not self._stop.wait(self.interval):
            if content_signature(self.content_dir) != self._last:
                self._fire()
                # files saved while it built differ from `_last` (taken before): caught next round

    def _fire(self) -> None:
        with self.guard():
            self._last = content_signature(self.content_dir)
            self._call()

    def _call(self) -> None:
        try:
            self.on_change()
        except Exception:
            log.warning(
                "updating the index after a content change failed; will retry on the next change",
                exc_info=True,
            )
        finally:
            self.changes += 1
