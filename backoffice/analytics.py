"""Analytics: what residents needed, never what they typed, in a SQLite file.

Recorded per search: time (UTC), channel (web = the site, chat = the web chat, bot, api, cli),
language, the need words (see `need_words`: words the vocabulary or a dictionary knows; never
names, places, numbers, dates, emails), the categories matched, the result count, whether nothing
was found (and whether only because of the filters), whether the search was confident of its top
answer, the top result and its first category. A crisis message is only counted, by kind: no words,
no categories, no results. An answer to "Did this help?" is a row of its own: the day, channel,
language, yes or no, and the categories shown. Never the message itself, chat ids, IP addresses or
user agents.

The file is created readable by its owner only (0600). Recording never breaks a search: any failure
(a missing folder, a read-only or locked database, a path that is a directory) is logged and the
search goes on. Every kind of row the file keeps (see `RETAINED`: searches, which the unmet needs
and the crisis counts are read from, and answers to "Did this help?") is deleted once older than the
one retention period, by `prune()`: run by `signpost prune`, when the site or the bot starts, and
once a day while they record. A database from before need words (with a
`query` column of scrubbed messages) is migrated when opened: the old text is dropped and the file
vacuumed, so it is not left in free pages either.

One connection records every search of a process. A file deleted while the site runs is made again
at the next search; to restore one from a backup, stop the site and the bot first (SQLite's own rule
for a database file that is in use).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
import sqlite3
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .staff_store import private_file

log = logging.getLogger(__name__)

RETENTION_DAYS = 365
BUSY_TIMEOUT_S = 0.25  # how long a search waits for a locked database before giving up on recording
WRITE_WAIT_S = 0.3  # how long a search waits for this process's other searches to be recorded
CHANNELS = ("web", "chat", "api", "bot", "cli")  # the site, the web chat, the JSON APIs, Telegram, terminal


def N_(text: str) -> str:
    """Marks `text` for the website's Welsh catalogue (babel.cfg extracts it from this file); the
    site translates it where it shows it, the command line shows it as it is."""
    return text


# An answer to "Did this help?" whose chat language was not recorded (answers from before it was):
# the staff page and `signpost report` say NOT_RECORDED (the page in Welsh too); the CSV keeps the
# code UNRECORDED beside the language codes ("en", "cy") its column holds, for spreadsheet filters.
NOT_RECORDED = N_("Not recorded")
UNRECORDED = "unknown"

# --- the database ------------------------------------------------------------------------------
TABLE = """
CREATE TABLE IF NOT EXISTS searches (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    lang TEXT NOT NULL,
    words TEXT NOT NULL DEFAULT '',
    categories TEXT NOT NULL DEFAULT '',
    results INTEGER NOT NULL,
    zero INTEGER NOT NULL DEFAULT 0,
    filtered INTEGER NOT NULL DEFAULT 0,
    confident INTEGER,
    top TEXT,
    top_category TEXT,
    crisis INTEGER NOT NULL DEFAULT 0,
    crisis_kind TEXT
);
"""
SCHEMA = TABLE + "CREATE INDEX IF NOT EXISTS searches_at ON searches(at);\n"
COLUMNS = (
    "at",
    "channel",
    "lang",
    "words",
    "categories",
    "results",
    "zero",
    "filtered",
    "confident",
    "top",
    "top_category",
    "crisis",
    "crisis_kind",
)


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring a database from before need words up to date: keep the counts, drop the old `query`
    text (scrubbed messages), then vacuum and checkpoint so no copy of it stays in the file."""
    cols = {row[1] for row in conn.execute("PRAGMA table_info(searches)")}
    if "query" not in cols:
        return
    log.warning("analytics: dropping the stored search text (only need words are kept now)")
    conn.execute("PRAGMA secure_delete=ON")  # freed pages are overwritten with zeros
    conn.executescript(
        "BEGIN IMMEDIATE;"
        " DROP INDEX IF EXISTS searches_at;"
        " ALTER TABLE searches RENAME TO searches_old;"
        f" {TABLE};"
        " INSERT INTO searches (id, at, channel, lang, results, zero, top, top_category, crisis)"
        " SELECT id, at, channel, lang, results, results = 0, top, top_category, crisis FROM searches_old;"
        " DROP TABLE searches_old;"
        f" {SCHEMA}"
        " COMMIT;"
    )
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


FEEDBACK_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    helped INTEGER NOT NULL,
    categories TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT ''
);
"""


def _feedback_table(conn: sqlite3.Connection) -> None:
    """The feedback table, with the `lang` column a database from before it was counted lacks."""
    conn.executescript(FEEDBACK_SCHEMA)
    if "lang" not in {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}:
        conn.execute("ALTER TABLE feedback ADD COLUMN lang TEXT NOT NULL DEFAULT ''")


@dataclass
class FeedbackCounts:
    """Answers to "Did this help?": {channel: [yes, no]}, {category: [yes, no]} and {language: [yes,
    no]} (language "" for answers recorded before the language was)."""

    by_channel: dict[str, list[int]] = field(default_factory=dict)
    by_category: dict[str, list[int]] = field(default_factory=dict)
    by_lang: dict[str, list[int]] = field(default_factory=dict)

    def add(self, channel: str, helped: bool, categories: list[str], lang: str = "") -> None:
        slot = 0 if helped else 1
        self.by_channel.setdefault(channel, [0, 0])[slot] += 1
        self.by_lang.setdefault(lang, [0, 0])[slot] += 1
        for c in categories:
            self.by_category.setdefault(c, [0, 0])[slot] += 1

    @property
    def total(self) -> tuple[int, int]:
        return (sum(v[0] for v in self.by_channel.values()), sum(v[1] for v in self.by_channel.values()))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).date().isoformat()


# Every table of the analytics database, the column that dates its rows, and how a moment is written
# in that column. `prune` applies the one retention period to each; a table missing here would be
# kept for ever, so a test holds this to the tables the database has. The unmet needs and the crisis
# counts are rows of `searches`.
RETAINED = {
    "searches": ("at", _stamp),  # a UTC moment: 2026-11-29T23:40:00Z
    "feedback": ("day", _day),  # answers to "Did this help?": the day only
}


class Analytics:
    """The searches and feedback tables in one SQLite file (WAL mode, so readers never block the site)."""

    def __init__(self, db_path: Path | str, retention_days: int | None = None):
        self.path = Path(db_path)
        self.retention_days = retention_days
        self._ready = False
        self._last_prune: float | None = None
        self._prune_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._locked_until = 0.0
        self._writer: sqlite3.Connection | None = None  # kept open between searches; under _write_lock
        self._writer_file: tuple[int, int] | None = None  # (device, inode) it was opened on

    def connect(self, create: bool = True, shared: bool = False) -> sqlite3.Connection:
        """A new connection. Only the recording connection is `shared` between threads, and it is
        used under the write lock."""
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.is_file():
            raise FileNotFoundError(str(self.path))
        if not self._ready:
            private_file(self.path, create=create)
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=not shared)
        try:
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL: no fsync per search; never corrupts
            if not self._ready:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(SCHEMA)
                _migrate(conn)
                private_file(self.path, create=False)  # and the -wal and -shm files SQLite made
                self._ready = True
        except Exception:
            conn.close()
            raise
        return conn

    def record(
        self,
        *,
        channel: str,
        lang: str,
        words: Sequence[str],
        results,
        categories: Sequence[str] = (),
        filtered: bool = False,
    ) -> None:
        """Record one search: its need words (never the message), `categories` matched and
        `results`; `filtered` when nothing was found only because of the filters. A crisis message
        is recorded by kind only. Never raises: a failure is logged and the search goes on."""
        try:
            row = _row(channel, lang, words, results, categories, filtered)
            # One writer at a time in this process (the site's threads); another process holding
            # the database is waited for up to BUSY_TIMEOUT_S by SQLite. Either way a search is
            # held up for at most WRITE_WAIT_S + BUSY_TIMEOUT_S, then answered without recording.
            # While the database was found locked in the last second, nobody queues behind the one
            # search that is trying: the others go on unrecorded at once.
            wait = 0 if time.monotonic() < self._locked_until else WRITE_WAIT_S
            if not self._write_lock.acquire(timeout=wait):
                raise TimeoutError("the database is busy; other searches are being recorded")
            try:
                self._insert(row)
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    self._locked_until = time.monotonic() + 1.0
                raise
            finally:
                self._write_lock.release()
        except Exception as exc:
            if "no such table" in str(exc) or not self.path.is_file():  # replaced or removed meanwhile
                self._ready = False
            log.warning("could not record a search in %s: %s", self.path, exc)
            return
        self._prune_when_due()

    def _prune_when_due(self) -> None:
        """With a retention period set, prune at the first record, then once a day in a
        long-running process."""
        if self.retention_days is not None and (
            self._last_prune is None or time.monotonic() - self._last_prune > 86400
        ):
            self.prune()

    def _insert(self, row: tuple) -> None:
        """Under the write lock. One connection serves every search (opening and closing one per
        search cost more than the insert); it is opened again when the file was replaced or
        removed, and after any failure."""
        conn = self._writer_connection()
        try:
            with conn:
                conn.execute(
                    f"INSERT INTO searches ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                    row,
                )
        except BaseException:
            self._close_writer()
            raise

    def _file_id(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def _writer_connection(self) -> sqlite3.Connection:
        if self._writer is not None and self._file_id() != self._writer_file:
            self._close_writer()  # removed or replaced since: a new file needs its table again
            self._ready = False
        if self._writer is None:
            self._writer = self.connect(shared=True)
            self._writer_file = self._file_id()
        return self._writer

    def _close_writer(self) -> None:
        if self._writer is not None:
            try:
                self._writer.close()
            except sqlite3.Error:
                pass
            self._writer = self._writer_file = None

    def close(self) -> None:
        """Close the recording connection (a later search opens it again)."""
        with self._write_lock:
            self._close_writer()

    def start(self) -> None:
        """Create the database when missing and, when a retention period is set, delete every row
        older than it. Run when the site or the bot starts; never raises.
        """
        try:
            self.connect().close()
        except Exception as exc:
            log.warning(
                "analytics database %s cannot be used: %s; searches will not be recorded", self.path, exc
            )
            return
        if self.retention_days is not None:
            self.prune()

    def prune(self, days: int | None = None, *, now: dt.datetime | None = None) -> dict[str, int]:
        """Delete the rows of every table older than `days` (default: the retention period).
        Returns how many went, by table (`RETAINED`): {"searches": 3, "feedback": 1}.

        Never raises when run by a server; `signpost prune` uses `prune_strict`.
        """
        try:
            return self.prune_strict(days, now=now)
        except FileNotFoundError:
            return dict.fromkeys(RETAINED, 0)
        except Exception as exc:
            log.warning("could not prune old rows in %s: %s", self.path, exc)
            return dict.fromkeys(RETAINED, 0)

    def prune_strict(self, days: int | None = None, *, now: dt.datetime | None = None) -> dict[str, int]:
        """As `prune`, but a database that is missing or cannot be written raises."""
        if days is None:
            days = RETENTION_DAYS if self.retention_days is None else self.retention_days
        cutoff = (now or _now()) - dt.timedelta(days=days)
        with self._prune_lock:
            self._last_prune = time.monotonic()
            conn = self.connect(create=False)
            try:
                tables = {
                    name
                    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                    if not name.startswith("sqlite_")
                }
                if tables - set(RETAINED):
                    log.warning(
                        "analytics: no retention for table(s) %s in %s; kept",
                        ", ".join(sorted(tables - set(RETAINED))),
                        self.path,
                    )
                removed = dict.fromkeys(RETAINED, 0)
                with conn:
                    for table, (column, written) in RETAINED.items():
                        if table in tables:  # "feedback" is made at the first answer
                            removed[table] = conn.execute(
                                f"DELETE FROM {table} WHERE {column} < ?", (written(cutoff),)
                            ).rowcount
                return removed
            finally:
                conn.close()

    def rows(self, since: dt.date | None = None) -> list[dict]:
        """Every recorded search (oldest first), for tests and exports."""
        conn = self.connect(create=False)
        conn.row_factory = sqlite3.Row
        try:
            where, args = _since_clause(since)
            return [dict(r) for r in conn.execute(f"SELECT * FROM searches{where} ORDER BY id", args)]
        finally:
            conn.close()

    def report(self, since: dt.date | None = None, limit: int = 20) -> Report:
        """The staff report: searches per week and channel, needs, unmet needs, crisis, top entries."""
        conn = self.connect(create=False)
        try:
            return _build_report(conn, since, limit)
        finally:
            conn.close()

    # --- "Did this help?" answers: a table of their own, one row per answer ----------------------
    def record_feedback(
        self, *, channel: str, helped: bool, categories: list[str] | tuple[str, ...], lang: str = ""
    ) -> None:
        """Count one answer to "Did this help?": the day, the channel, the language of the chat, yes/no
        and the categories of the services shown. Never a chat id or a word typed. Never raises."""
        row = (
            _now().date().isoformat(),
            str(channel)[:10],
            int(bool(helped)),
            ",".join(str(c)[:40] for c in list(categories)[:10]),
            str(lang)[:5],
        )
        try:
            conn = self.connect()
            try:
                with conn:
                    _feedback_table(conn)
                    conn.execute(
                        "INSERT INTO feedback (day, channel, helped, categories, lang) VALUES (?, ?, ?, ?, ?)",
                        row,
                    )
            finally:
                conn.close()
        except Exception as exc:
            log.warning("could not record feedback in %s: %s", self.path, exc)
            return
        self._prune_when_due()

    def feedback(self, since: dt.date | None = None) -> FeedbackCounts:
        """Yes and no answers by channel, by language and by category (an answer counts for each
        category shown)."""
        conn = self.connect(create=False)
        try:
            return _read_feedback(conn, since)
        finally:
            conn.close()


def _read_feedback(conn: sqlite3.Connection, since: dt.date | None) -> FeedbackCounts:
    """The answers since `since`, read without changing the file (a report may be read-only)."""
    counts = FeedbackCounts()
    columns = {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}
    if not columns:  # no answer recorded yet
        return counts
    lang_column = "lang" if "lang" in columns else "''"  # a table from before the language was counted
    where, args = ("WHERE day >= ?", (since.isoformat(),)) if since else ("", ())
    for channel, helped, categories, lang in conn.execute(
        f"SELECT channel, helped, categories, {lang_column} FROM feedback {where}", args
    ):
        counts.add(channel, bool(helped), [c for c in (categories or "").split(",") if c], lang or "")
    return counts


def _row(channel: str, lang: str, words: Sequence[str], results, categories: Sequence[str], filtered: bool):
    confident = getattr(results, "confident", None)  # present once search answers say so
    confident = None if confident is None else int(bool(confident))
    if results.is_crisis:  # a count by kind, nothing else
        return (
            _stamp(_now()),
            str(channel)[:10],
            str(lang)[:5],
            "",
            "",
            0,
            0,
            0,
            None,
            None,
            None,
            1,
            str(getattr(results.crisis, "kind", "") or "crisis")[:30],
        )
    # what was found: not the entries shown only as faintly close in meaning (a need left unmet)
    found = getattr(results, "found", results.hits)
    hit = found[0] if found else None
    cats: list[str] = []
    for cid in [*categories, *(hit.entry.categories if hit else ())]:
        if cid not in cats:
            cats.append(cid)
    return (
        _stamp(_now()),
        str(channel)[:10],
        str(lang)[:5],
        " ".join(str(w) for w in words)[:300],
        " ".join(cats)[:300],
        len(found),
        int(not found),
        int(bool(filtered) and not found),
        confident,
        hit.entry.slug if hit else None,
        hit.entry.categories[0] if hit and hit.entry.categories else None,
        0,
        None,
    )


def _since_clause(since: dt.date | None) -> tuple[str, tuple]:
    if since is None:
        return "", ()
    return " WHERE at >= ?", (since.isoformat(),)


# --- reports -----------------------------------------------------------------------------------
@dataclass
class Report:
    since: dt.date | None = None
    total: int = 0
    weeks: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # ("2026-W47", {"web": 3})
    channels: list[str] = field(default_factory=list)
    needs: list[tuple[str, int]] = field(default_factory=list)  # (category id, searches)
    unmet: list[tuple[str, int]] = field(default_factory=list)  # (need words, searches)
    unmet_channels: dict[str, str] = field(default_factory=dict)  # need words -> "web 2, bot 1"
    unmet_total: int = 0
    crisis: int = 0
    crisis_kinds: list[tuple[str, int]] = field(default_factory=list)  # (kind, messages)
    entries: list[tuple[str, int]] = field(default_factory=list)  # (slug shown first, times)
    feedback: FeedbackCounts = field(default_factory=FeedbackCounts)  # answers to "Did this help?"

    def feedback_rows(self, key: str) -> list[tuple[str, int, int]]:
        """(channel or language code, helped, did not help) for `key` "channel" or "lang", channels
        in the usual order; a language not recorded (older answers) is "" (see NOT_RECORDED)."""
        counts = self.feedback.by_channel if key == "channel" else self.feedback.by_lang
        order = {c: i for i, c in enumerate(CHANNELS)} if key == "channel" else {}
        return [
            (name, yes, no)
            for name, (yes, no) in sorted(
                counts.items(), key=lambda kv: (order.get(kv[0], 9), not kv[0], kv[0])
            )
        ]

    def rows(self) -> list[tuple[str, str, str, int]]:
        """Flat rows (section, item, channel, count) for CSV."""
        out: list[tuple[str, str, str, int]] = []
        for week, counts in self.weeks:
            for channel in self.channels:
                out.append(("searches by week", week, channel, counts.get(channel, 0)))
        out += [("top needs by category", cid, "", n) for cid, n in self.needs]
        out += [("unmet needs", q, self.unmet_channels.get(q, ""), n) for q, n in self.unmet]
        out.append(("crisis messages", "", "", self.crisis))
        out += [("crisis messages by kind", kind, "", n) for kind, n in self.crisis_kinds]
        out += [("entries most often shown", slug, "", n) for slug, n in self.entries]
        for channel, yes, no in self.feedback_rows("channel"):  # new sections go after the old ones
            out += [("helped by channel", "", channel, yes), ("did not help by channel", "", channel, no)]
        for lang, yes, no in self.feedback_rows("lang"):
            lang = lang or UNRECORDED
            out += [("helped by language", lang, "", yes), ("did not help by language", lang, "", no)]
        return out

    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["section", "item", "channel", "count"])
        for row in self.rows():
            writer.writerow([_csv_safe(str(v)) if isinstance(v, str) else v for v in row])
        return buf.getvalue()

    def to_text(self) -> str:
        lines = [
            f"Signpost searches{f' since {self.since.isoformat()}' if self.since else ''}: {self.total}",
            "",
        ]
        lines.append("Searches by week and channel")
        if not self.weeks:
            lines.append("  (none)")
        for week, counts in self.weeks:
            parts = "  ".join(f"{ch} {counts.get(ch, 0)}" for ch in self.channels)
            lines.append(f"  {week}  {parts}  total {sum(counts.values())}")
        lines += ["", "Top needs by category (category of the top result)"]
        lines += [f"  {n:>6}  {cid}" for cid, n in self.needs] or ["  (none)"]
        lines += ["", f"Unmet needs: need words of searches that found nothing ({self.unmet_total})"]
        lines += [f"  {n:>6}  {q}" for q, n in self.unmet] or ["  (none)"]
        lines += ["", f"Crisis messages: {self.crisis}"]
        lines += [f"  {n:>6}  {kind}" for kind, n in self.crisis_kinds]
        lines += ["", "Entries most often shown first"]
        lines += [f"  {n:>6}  {slug}" for slug, n in self.entries] or ["  (none)"]
        yes, no = self.feedback.total
        lines += ["", f"Did this help? (answers in the chats): helped {yes}, did not help {no}"]
        for key, heading in (("channel", "By channel"), ("lang", "By language")):
            rows = [(feedback_label(key, name), y, n) for name, y, n in self.feedback_rows(key)]
            if rows:
                lines.append(f"  {heading}")
                lines += [f"    {name:<12}  helped {y:>5}  did not help {n:>5}" for name, y, n in rows]
        return "\n".join(lines)


def feedback_label(key: str, name: str) -> str:
    """A row of the answers to "Did this help?" as `signpost report` names it: a channel as it is, a
    language by its English name ("Welsh"), or NOT_RECORDED, as the staff page does."""
    from search_index import language_name  # only here: a report needs no search engine otherwise

    if key != "lang":
        return name or NOT_RECORDED
    return language_name(name, "en") if name else NOT_RECORDED


def _csv_safe(value: str) -> str:
    """Stop a spreadsheet from running a resident's words as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _build_report(conn: sqlite3.Connection, since: dt.date | None, limit: int) -> Report:
    where, args = _since_clause(since)
    rep = Report(since=since)
    weeks: dict[str, Counter] = defaultdict(Counter)
    channels: set[str] = set()
    for day, channel, n in conn.execute(
        f"SELECT substr(at, 1, 10), channel, count(*) FROM searches{where} GROUP BY 1, 2", args
    ):
        try:
            year, week, _ = dt.date.fromisoformat(day).isocalendar()
        except ValueError:
            continue
        weeks[f"{year}-W{week:02d}"][channel] += n
        channels.add(channel)
        rep.total += n
    order = {c: i for i, c in enumerate(CHANNELS)}
    rep.channels = sorted(channels, key=lambda c: (order.get(c, 9), c))
    rep.weeks = [(w, dict(weeks[w])) for w in sorted(weeks)]
    and_ = " AND " if where else " WHERE "
    rep.needs = list(
        conn.execute(
            f"SELECT top_category, count(*) n FROM searches{where}{and_}top_category IS NOT NULL"
            " GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?",
            (*args, limit),
        )
    )
    # unmet: nothing found, and not only because of a filter (an unknown area, a language)
    unmet: Counter = Counter()
    unmet_by_channel: dict[str, Counter] = defaultdict(Counter)
    for words, channel, n in conn.execute(
        f"SELECT words, channel, count(*) FROM searches{where}{and_}zero = 1 AND filtered = 0 AND crisis = 0"
        " GROUP BY 1, 2",
        args,
    ):
        if words:
            unmet[words] += n
            unmet_by_channel[words][channel] += n
    rep.unmet_total = sum(unmet.values())
    rep.unmet = sorted(unmet.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    rep.unmet_channels = {
        words: ", ".join(
            f"{c} {k}" for c, k in sorted(unmet_by_channel[words].items(), key=lambda kv: order.get(kv[0], 9))
        )
        for words, _ in rep.unmet
    }
    rep.crisis_kinds = list(
        conn.execute(
            f"SELECT coalesce(crisis_kind, 'crisis'), count(*) n FROM searches{where}{and_}crisis = 1"
            " GROUP BY 1 ORDER BY n DESC, 1",
            args,
        )
    )
    rep.crisis = sum(n for _, n in rep.crisis_kinds)
    rep.entries = list(
        conn.execute(
            f"SELECT top, count(*) n FROM searches{where}{and_}top IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?",
            (*args, limit),
        )
    )
    rep.feedback = _read_feedback(conn, since)
    return rep
