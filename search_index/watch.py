"""Live edits: a thread that notices saved changes in the content folder and updates the index.

It compares a signature of `services/*.md`, `categories.yml` and `vocabulary.yml`: (name, size,
modification time, inode) per file from `os.scandir`. On Linux it takes that signature when the
kernel says something in the two folders changed (inotify, through ctypes: no extra dependency),
and every SAFETY_POLL_SECONDS in case a change came some other way (a network file system);
elsewhere it polls every half second. Taking the signature costs about 40 ms of CPU at 10,000
files, so polling alone would cost a large directory a tenth of a core. When anything changed it
calls `on_change` (in `LiveIndex`, an incremental `rebuild()`), so a saved edit is live within
about a second.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import select
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
SAFETY_POLL_SECONDS = 15.0
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


class _Inotify:
    """Linux's notices of changes in some folders (not their subfolders); `open` gives None where
    there are none (another system, a folder missing, or the user's watch limit reached)."""

    # IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
    # | IN_DELETE_SELF | IN_MOVE_SELF
    MASK = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
    _libc = None

    def __init__(self, fd: int):
        self.fd = fd

    @classmethod
    def open(cls, folders: list[Path]) -> _Inotify | None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            if cls._libc is None:
                cls._libc = ctypes.CDLL(None, use_errno=True)
            libc = cls._libc
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, AttributeError):
            return None
        if fd < 0:
            return None
        for folder in folders:
            if libc.inotify_add_watch(fd, os.fsencode(folder), cls.MASK) < 0:
                os.close(fd)
                return None
        return cls(fd)

    def wait(self, timeout: float) -> bool:
        """True when something changed within `timeout` seconds (the notices are read and dropped)."""
        try:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return False
            while os.read(self.fd, 65536):
                pass
        except BlockingIOError:
            pass
        except OSError:
            return True  # the descriptor went wrong: look, and open it again
        return True

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


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
        notify: bool = True,
    ):
        self.content_dir = Path(content_dir)
        self.on_change = on_change
        self.interval = interval
        self.initial = initial
        self.guard = guard or contextlib.nullcontext
        self.notify = notify  # use the kernel's notices where there are any (else poll)
        self.using_notices = False
        self._last = hash(frozenset())  # the hash of the signature last acted on (see `_look`)
        self.changes = 0  # how many times on_change ran (for tests and the staff page)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._notices: _Inotify | None = None  # opened by start(), handed to the thread

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> ContentWatcher:
        if self.running:
            return self
        self._stop.clear()
        # Watch first, then take the signature (here, before start() returns): a change saved after
        # that gives a notice or a different signature, so none is missed, even one saved while
        # the initial `on_change` runs.
        self._notices = self._open_notices()
        if not self.initial:
            self._last = self._look()
        self._thread = threading.Thread(target=self._run, name="signpost-content-watcher", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        notices, self._notices = self._notices, None
        try:
            if self.initial:
                self._fire()
            last_look = time.monotonic()
            while not self._stop.is_set():
                if notices is None:
                    if self._stop.wait(self.interval):
                        break
                    notices = self._open_notices()  # the folder may exist now
                elif not notices.wait(self.interval):
                    if time.monotonic() - last_look < SAFETY_POLL_SECONDS:
                        continue
                else:  # watch afresh (a folder may have been replaced), then look
                    notices.close()
                    notices = self._open_notices()
                last_look = time.monotonic()
                if self._look() != self._last:
                    self._fire()
                    # files saved while it built differ from `_last` (taken before): caught next round
        finally:
            if notices is not None:
                notices.close()
            self.using_notices = False

    def _open_notices(self) -> _Inotify | None:
        got = _Inotify.open([self.content_dir, self.content_dir / "services"]) if self.notify else None
        self.using_notices = got is not None
        return got

    def _look(self) -> int:
        """The content signature's hash: only whether it changed matters, and the signature itself
        takes 3 MB at 10,000 files. (Two signatures with one 64-bit hash: a change missed until the
        next one, at odds of 1 in 2**64.)"""
        return hash(content_signature(self.content_dir))

    def _fire(self) -> None:
        with self.guard():
            self._last = self._look()
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
