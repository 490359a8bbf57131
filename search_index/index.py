"""The Whoosh index on disk: build it, update it file by file, and open it for searching.

Layout of an index folder::

    index/
      current -> gen-000004     a symlink, swapped atomically with os.replace()
      gen-000004/               Whoosh's files, plus meta.json (categories, problems, versions)

A full build writes a new `gen-*` folder and then swaps `current`, so a reader never sees a
half-written index. An update of a few changed files makes a new generation too, but cheaply: hard
links to the current generation's files, plus one small segment with the changes (small segments
are merged once there are more than MAX_SEGMENTS). A generation's files never change once
`current` points at it, so an open reader keeps reading exactly the index it opened, and a search
never mixes two generations.

Beside Whoosh's files each generation holds ``state.json``: the stat signature of every indexed
file (so an update does not read the stored documents to find what changed) and the typo
corrector's vocabulary (each plain word and how many entries use it).

A full build of a large directory is split across worker processes, each writing one segment.

Only this module and `search.py` import Whoosh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import (
    STOP_WORDS,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang.porter import stem as porter_stem
from whoosh.reading import SegmentReader
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint
from whoosh.writing import PostingPool, SegmentWriter

from .engine import meaning
from .entries import (
    Category,
    ContentError,
    Entry,
    Problem,
    load_categories,
    parse_entry,
)
from .lexicon import BUILTIN as BUILTIN_VOCABULARY

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
MAX_SEGMENTS = 10  # beyond this many segments, an update merges the small ones
PARALLEL_MIN_FILES = 1000  # from this many files, a full build is split across worker processes
MAX_BUILD_WORKERS = 4
BUILD_CHUNK_FILES = 10_000  # files per worker run at most (one segment each)
_POSTING_BYTES = 200  # about what one pooled posting tuple costs in memory
WRITER_LIMIT_MB = 512  # postings a build writer sorts in memory before spilling to disk
STATE_FILE = "state.json"


def analyzer():
    """Words: lowercase, accents folded, apostrophes dropped, stemmed (Porter)."""
    return (
        RegexTokenizer(r"\w+(?:['’]\w+)*")
        | LowercaseFilter()
        | SubstitutionFilter(r"['’]", "")
        | CharsetFilter(accent_map)
        | StopFilter(minsize=1)
        | StemFilter(cachesize=50000)
    )


def plain_analyzer():
    """Words as written (lowercase, no accents, no stemming): the vocabulary for typo correction."""
    return (
        RegexTokenizer(r"\w+(?:['’]\w+)*")
        | LowercaseFilter()
        | SubstitutionFilter(r"['’]", "")
        | CharsetFilter(accent_map)
    )


_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_APOSTROPHES_RE = re.compile(r"['’]")
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    stemmed = _STEMS.get(word)
    if stemmed is None:
        stemmed = porter_stem(word)
        if len(_STEMS) < 200_000:
            _STEMS[word] = stemmed
    return stemmed


def index_words(text: str) -> list[str]:
    """The terms `analyzer()` makes of `text`, in order, in one pass (about 5x faster).

    ASCII text (nearly all of it) is lowercased once and split with one regular expression;
    anything else goes word by word through the same steps as the analyzer's filters.
    """
    out: list[str] = []
    stops = STOP_WORDS
    if text.isascii():
        for word in _WORD_RE.findall(text.lower()):
            if "'" in word:
                word = word.replace("'", "")
            if word not in stops:
                out.append(_stem(word))
        return out
    for word in _WORD_RE.findall(text):
        word = _APOSTROPHES_RE.sub("", word.lower()).translate(accent_map)
        if word and word not in stops:
            out.append(_stem(word))
    return out


def plain_words(text: str) -> set[str]:
    """The distinct words `plain_analyzer()` makes of `text` that are all letters (typo vocabulary)."""
    if text.isascii():
        words = {w.replace("'", "") for w in _WORD_RE.findall(text.lower())}
    else:
        words = {_APOSTROPHES_RE.sub("", w.lower()).translate(accent_map) for w in _WORD_RE.findall(text)}
    return {w for w in words if w.isalpha()}


class FastText(TEXT):
    """A TEXT field that indexes through `index_words` instead of Whoosh's chain of generators.

    The terms and frequencies are exactly those of its analyzer (which queries still use).
    """

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            return super().index(value, **kwargs)
        counts = Counter(index_words(value))
        return [(w.encode("utf-8"), n, float(n), pack_uint(n)) for w, n in counts.items()]


# How much a match in each field counts.
FIELD_BOOSTS = {
    "title": 3.0,
    "tags": 2.5,
    "questions": 1.6,
    "summary": 2.0,
    "catnames": 1.2,
    "organisation": 0.8,
    "body": 1.0,
    "welsh": 1.5,
}


def make_schema() -> Schema:
    ana = analyzer()
    return Schema(
        slug=ID(stored=True, unique=True),
        sig=STORED,
        data=STORED,
        title=FastText(analyzer=ana, phrase=False),
        summary=FastText(analyzer=ana, phrase=False),
        tags=FastText(analyzer=ana, phrase=False),
        questions=FastText(analyzer=ana, phrase=False),
        catnames=FastText(analyzer=ana, phrase=False),
        organisation=FastText(analyzer=ana, phrase=False),
        body=FastText(analyzer=ana, phrase=False),
        welsh=FastText(analyzer=ana, phrase=False),
        categories=KEYWORD(commas=False, lowercase=False),
        languages=KEYWORD(commas=False, lowercase=True),
        status=ID,
        free=ID,
        area=ID,
    )


@dataclass
class BuildReport:
    """What `build_index` did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept_last_good: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    full: bool = False
    seconds: float = 0.0
    generation: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def summary(self) -> str:
        kind = "built" if self.full else "updated"
        total = len(self.added) + len(self.updated) + self.unchanged
        return (
            f"Index {kind}: {total} entries ({len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged) in {self.seconds:.2f} s"
        )


def _file_sig(path: Path) -> str:
    st = os.stat(path)
    return f"{st.st_mtime_ns}:{st.st_size}"


def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def _fingerprint(content_dir: Path) -> str:
    """What forces a full rebuild when it changes: schema, categories, vocabularies."""
    h = hashlib.sha1(str(SCHEMA_VERSION).encode())
    for p in (content_dir / "categories.yml", content_dir / "vocabulary.yml", BUILTIN_VOCABULARY):
        h.update(p.read_bytes() if p.is_file() else b"-")
    return h.hexdigest()


def current_generation(index_dir: Path) -> Path | None:
    link = Path(index_dir) / "current"
    try:
        target = os.readlink(link)
    except OSError:
        return None
    gen = Path(index_dir) / target
    return gen if (gen / "meta.json").is_file() else None


def index_exists(index_dir: Path | str) -> bool:
    return current_generation(Path(index_dir)) is not None


def read_meta(gen: Path) -> dict:
    return json.loads((gen / "meta.json").read_text(encoding="utf-8"))


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def spell_words(entry: Entry, categories: dict[str, Category]) -> set[str]:
    """The words of an entry the typo corrector may suggest."""
    cats = [categories[c] for c in entry.categories if c in categories]
    return plain_words(
        " ".join(
            [
                entry.title,
                entry.summary,
                " ".join(entry.tags),
                " ".join(entry.questions),
                entry.body,
                entry.organisation,
                entry.title_cy,
                entry.summary_cy,
            ]
            + [c.name + " " + c.name_cy for c in cats]
        )
    )


def read_state(gen: Path) -> dict | None:
    """The generation's `state.json` (file signatures and typo vocabulary), or None if missing."""
    try:
        state = json.loads((gen / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and "sigs" in state and "spell" in state else None


def _write_state(gen: Path, sigs: dict[str, str], spell: dict[str, int]) -> None:
    tmp = gen / f".{STATE_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"sigs": sigs, "spell": spell}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, gen / STATE_FILE)


def _document(entry: Entry, sig: str, categories: dict[str, Category]) -> dict:
    cats = [categories[c] for c in entry.categories if c in categories]
    return {
        "slug": entry.slug,
        "sig": sig,
        "data": json.dumps(entry.to_dict(), ensure_ascii=False),
        "title": entry.title,
        "summary": entry.summary,
        "tags": " . ".join(entry.tags),
        "questions": " . ".join(entry.questions),
        "catnames": " . ".join(f"{c.name} {c.description}" for c in cats),
        "organisation": entry.organisation,
        "body": entry.body,
        "welsh": " . ".join([entry.title_cy, entry.summary_cy] + [c.name_cy for c in cats]),
        "categories": " ".join(entry.categories),
        "languages": " ".join(entry.languages) or "-",
        "status": entry.status,
        "free": "1" if entry.is_free else "0",
        "area": area_key(entry.area),
    }


def area_key(area: str) -> str:
    return "-".join(area.lower().split()) or "-"


def _new_generation(index_dir: Path) -> Path:
    index_dir.mkdir(parents=True, exist_ok=True)
    n = 1
    for p in index_dir.glob("gen-*"):
        try:
            n = max(n, int(p.name[4:]) + 1)
        except ValueError:
            continue
    for attempt in range(100):  # another process may take the same number at the same moment
        gen = index_dir / f"gen-{n + attempt:06d}"
        try:
            gen.mkdir()
        except FileExistsError:
            continue
        return gen
    raise FileExistsError(f"{index_dir}: cannot make a new generation folder")


def _swap_current(index_dir: Path, gen: Path) -> None:
    tmp = index_dir / f".current.{os.getpid()}.tmp"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(gen.name, tmp)
    os.replace(tmp, index_dir / "current")


def _remove_old_generations(index_dir: Path, keep: Path, grace: float = 60.0) -> None:
    """Delete generations other than `keep` and the one before it, once they are `grace` s old."""
    gens = sorted(p for p in index_dir.glob("gen-*") if p.is_dir() and p != keep)
    now = time.time()
    for p in gens[:-1]:
        if now - p.stat().st_mtime > grace:
            shutil.rmtree(p, ignore_errors=True)


def scan_content(content_dir: Path) -> tuple[list[Category], list[Problem], dict[str, Path]]:
    if not content_dir.is_dir():
        raise ContentError(f"{content_dir}: no such content folder")
    cats, problems = load_categories(content_dir / "categories.yml")
    services = content_dir / "services"
    # sorted by name: the same order as sorting the paths, without pathlib's slow comparisons
    files = (
        {p.stem: p for p in sorted(services.glob("*.md"), key=lambda p: p.name)} if services.is_dir() else {}
    )
    return cats, problems, files


def build_index(content_dir: Path | str, index_dir: Path | str, *, full: bool = False) -> BuildReport:
    """Bring the index up to date with `content_dir`, doing as little work as it can.

    Unchanged files are not read again. A file that became broken keeps its last good version in
    the index (reported in `kept_last_good`); a broken file never indexed before is skipped.
    """
    start = time.perf_counter()
    content_dir, index_dir = Path(content_dir), Path(index_dir)
    if not content_dir.is_dir():
        raise ContentError(f"{content_dir}: no such content folder")
    cats, cat_problems = load_categories(content_dir / "categories.yml")
    files = _entry_files(content_dir / "services")
    fingerprint = _fingerprint(content_dir)
    gen = current_generation(index_dir)
    meta = read_meta(gen) if gen else None
    if meta is None or full or meta.get("fingerprint") != fingerprint:
        report = _full_build(content_dir, index_dir, cats, cat_problems, files, fingerprint)
    else:
        report = _update(content_dir, index_dir, gen, meta, cats, cat_problems, files)
    report.seconds = time.perf_counter() - start
    return report


def _entry_files(services: Path) -> dict[str, tuple[str, str]]:
    """slug -> (path, stat signature) of every `services/*.md`, by name; what `scan_content` lists,
    read with one directory scan (on 50,000 files, pathlib's glob and stat take a second)."""
    found: list[tuple[str, str, str]] = []
    try:
        with os.scandir(services) as it:
            for e in it:
                if e.name.endswith(".md"):
                    try:
                        st = e.stat()
                    except OSError:  # removed while we looked
                        continue
                    found.append((e.name, e.path, f"{st.st_mtime_ns}:{st.st_size}"))
    except (FileNotFoundError, NotADirectoryError):
        return {}
    found.sort()
    return {name[:-3]: (path, sig) for name, path, sig in found}  # without ".md"


def _parse(path: Path, ids: set[str], content_dir: Path) -> tuple[Entry | None, list[Problem]]:
    """`parse_entry`, but one unreadable file never stops a build: it becomes a problem."""
    shown = _shown(path, content_dir)
    try:
        return parse_entry(path, ids, shown=shown)
    except RecursionError:
        return None, [
            Problem(
                shown,
                1,
                "the front matter is nested too deeply to read; check for '[' or '{' that are never closed",
            )
        ]
    except OSError as exc:  # removed or made unreadable while we were building
        return None, [Problem(shown, 1, f"the file cannot be read ({exc.strerror or exc})")]


def _shown(path: Path, content_dir: Path) -> str:
    """Paths in messages: as the volunteer would type them (relative to the working folder)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _full_build(content_dir, index_dir, cats, cat_problems, files, fingerprint) -> BuildReport:
    report = BuildReport(full=True, problems=list(cat_problems))
    gen = _new_generation(index_dir)
    ix = whoosh_index.create_in(str(gen), make_schema())
    items = [(slug, path) for slug, (path, _) in files.items()]
    workers = _build_workers(len(items))
    parts = None
    if workers > 1:
        try:
            parts = _build_in_processes(ix, gen, items, cats, content_dir, workers)
        except (OSError, RuntimeError, EOFError, ValueError) as exc:  # no workers here: build in this one
            log.warning("parallel build failed (%s); building in one process", exc)
            parts = None
    if parts is None:
        writer = _BuildWriter(ix, limitmb=WRITER_LIMIT_MB)
        parts = [_index_files(writer, items, cats, content_dir)]
        writer.commit()
    ix.close()
    file_problems: dict[str, list[dict]] = {}
    sigs: dict[str, str] = {}
    spell: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for part in parts:
        texts.update(part["meaning"])
        report.added.extend(part["added"])
        report.problems.extend(part["problems"])
        file_problems.update(part["file_problems"])
        sigs.update(part["sigs"])
        spell.update(part["spell"])
    meta = {
        "schema": SCHEMA_VERSION,
        "fingerprint": fingerprint,
        "categories": [c.__dict__ for c in cats],
        "category_problems": [_problem_dict(p) for p in cat_problems],
        "file_problems": file_problems,
        "broken_sigs": {s: files[s][1] for s in file_problems if s in files and s not in sigs},
        "content": str(content_dir.resolve()),
        "built": time.time(),
    }
    _write_state(gen, sigs, dict(spell))
    _write_vectors(gen, meaning.build_vectors(texts))
    _write_json_atomic(gen / "meta.json", meta)
    _swap_current(index_dir, gen)
    _remove_old_generations(index_dir, gen)
    report.generation = gen.name
    return report


def _build_workers(n_files: int) -> int:
    if n_files < PARALLEL_MIN_FILES:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_BUILD_WORKERS, n_files // (PARALLEL_MIN_FILES // 2)))


def _index_files(writer, items: list[tuple[str, str]], cats: list[Category], content_dir: Path) -> dict:
    """Parse and add each file to `writer`; what happened, for the report and state.json."""
    ids = {c.id for c in cats}
    by_id = {c.id: c for c in cats}
    part: dict = {
        "added": [],
        "problems": [],
        "file_problems": {},
        "sigs": {},
        "spell": Counter(),
        "meaning": {},  # slug -> what the entry is about, for its vector
    }
    for slug, name in items:
        path = Path(name)
        try:
            sig = _file_sig(path)  # before reading: an edit made while we read shows up next time
        except OSError:
            sig = ""
        entry, probs = _parse(path, ids, content_dir)
        if probs:
            part["problems"].extend(probs)
            part["file_problems"][slug] = [_problem_dict(p) for p in probs]
        if entry is None:
            continue
        writer.add_document(**_document(entry, sig, by_id))
        part["added"].append(slug)
        part["sigs"][slug] = sig
        part["spell"].update(spell_words(entry, by_id))
        part["meaning"][slug] = meaning.entry_text(entry, by_id)
    return part


class _LeanPool(PostingPool):
    """Whoosh's posting pool without its per-posting type checks and byte estimate: our postings
    are built by `index_words` (always bytes), and a build spills by count instead."""

    def __init__(self, tempstore, segment, limitmb: int):
        super().__init__(tempstore, segment, limitmb=limitmb)
        self._room = limitmb * 1024 * 1024 // _POSTING_BYTES

    def add(self, item) -> None:
        self.current.append(item)
        if len(self.current) >= self._room:
            self.save()


class _BuildWriter(SegmentWriter):
    """The writer of a full build. Two of Whoosh's costs matter at 10,000 entries: the posting pool
    (above), and finishing the segment, where each posting asked the on-disk length column for its
    document's field length (three quarters of a million reads at 5,000 entries). Here the lengths
    are read once per field into a list."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = _LeanPool(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))

    def _flush_segment(self):
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        lengths = _LengthTable(pdr, self.docnum) if pdr else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if pdr:
            pdr.close()


class _LengthTable:
    """`doc_field_length` of a per-document reader, from one read of each field's lengths."""

    def __init__(self, pdr, doc_count: int):
        self._pdr, self._count, self._fields = pdr, doc_count, {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        try:
            return self._fields[fieldname][docnum]
        except KeyError:
            self._fields[fieldname] = [
                self._pdr.doc_field_length(n, fieldname, default) for n in range(self._count)
            ]
            return self._fields[fieldname][docnum]


def _build_part(gen: str, items: list[tuple[str, str]], cats: list[Category], content_dir: str) -> dict:
    """In a worker process: index `items` into one new segment of the index at `gen`."""
    ix = whoosh_index.open_dir(gen)
    writer = _BuildWriter(ix, _lk=False, limitmb=WRITER_LIMIT_MB)
    # Whoosh names every writer's scratch folder the same; give this one its own, or the first
    # worker to finish deletes the others' sorted runs
    writer._tempstorage = writer.pool.tempstore = ix.storage.temp_storage(
        f".{ix.indexname}-{os.getpid()}.tmp"
    )
    part = _index_files(writer, items, cats, Path(content_dir))
    if writer._added:
        part["segment"] = writer._finalize_segment()
    else:
        writer._close_segment()
        part["segment"] = None
    writer._finish()
    ix.close()
    return part


def _build_in_processes(ix, gen: Path, items, cats, content_dir: Path, workers: int) -> list[dict]:
    """Split the files in contiguous runs, one segment each, built by up to `workers` processes at a
    time, then commit the segments together.

    The workers are plain `python -c` processes (not multiprocessing), so they start the same way
    whatever the parent is: a threaded server, `python -m signpost`, or a script read from stdin.
    """
    import pickle
    import subprocess
    import sys

    # runs of at most BUILD_CHUNK_FILES, `workers` at a time: a worker's postings then fit in memory
    # (a bigger run spills to disk and is merged back in Python, which made 50,000 files slow)
    n_chunks = max(workers, -(-len(items) // BUILD_CHUNK_FILES))
    size = -(-len(items) // n_chunks)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    )
    code = "import sys; from search_index.index import _build_worker; _build_worker(sys.argv[1], sys.argv[2])"

    def start(i: int):
        job, out = gen / f".build-{i}.job", gen / f".build-{i}.out"
        job.write_bytes(pickle.dumps((str(gen), chunks[i], cats, str(content_dir))))
        proc = subprocess.Popen(
            # -O: Whoosh checks the type of every posting with `assert`; ours come from index_words
            [sys.executable, "-O", "-c", code, str(job), str(out)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        return proc, out

    running: list = []
    parts: list[dict] = []
    try:
        queue = list(range(len(chunks)))
        while queue or running:
            while queue and len(running) < workers:
                running.append(start(queue.pop(0)))
            proc, out = running.pop(0)  # chunks finish in about the order they started
            _, err = proc.communicate()
            if proc.returncode != 0 or not out.is_file():
                raise RuntimeError(f"index worker failed: {err.decode(errors='replace').strip()[-500:]}")
            parts.append(pickle.loads(out.read_bytes()))
    finally:
        for proc, _ in running:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for p in gen.glob(".build-*"):
            p.unlink(missing_ok=True)
    writer = ix.writer()
    writer._close_segment()
    writer._commit_toc([p["segment"] for p in parts if p["segment"] is not None])
    writer._finish()
    return parts


def _build_worker(job: str, out: str) -> None:
    """Entry point of an index worker process: read the job, build its segment, write the result."""
    import pickle

    gen, items, cats, content_dir = pickle.loads(Path(job).read_bytes())
    part = _build_part(gen, items, cats, content_dir)
    tmp = Path(out).with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(part))
    os.replace(tmp, out)


def _problem_dict(p: Problem) -> dict:
    return {"path": p.path, "line": p.line, "message": p.message, "severity": p.severity}


def _update(content_dir, index_dir, gen, meta, cats, cat_problems, files) -> BuildReport:
    state = read_state(gen)
    if state is None:  # built before state.json existed
        return _full_build(content_dir, index_dir, cats, cat_problems, files, meta["fingerprint"])
    report = BuildReport(problems=list(cat_problems))
    ids = {c.id for c in cats}
    by_id = {c.id: c for c in cats}
    indexed: dict[str, str] = state["sigs"]
    file_problems: dict[str, list[dict]] = dict(meta.get("file_problems", {}))
    broken_sigs: dict[str, str] = dict(meta.get("broken_sigs", {}))
    changed: list[tuple[Entry, str]] = []
    for slug, (path, sig) in files.items():
        if indexed.get(slug) == sig or (slug not in indexed and broken_sigs.get(slug) == sig):
            report.unchanged += slug in indexed
            report.problems.extend(Problem(**d) for d in file_problems.get(slug, []))
            continue
        entry, probs = _parse(Path(path), ids, content_dir)
        file_problems.pop(slug, None)
        broken_sigs.pop(slug, None)
        if probs:
            report.problems.extend(probs)
            file_problems[slug] = [_problem_dict(p) for p in probs]
        if entry is None:
            broken_sigs[slug] = sig
            if slug in indexed:
                report.kept_last_good.append(slug)
                report.unchanged += 1
            continue
        changed.append((entry, sig))
        (report.updated if slug in indexed else report.added).append(slug)
    removed = sorted(set(indexed) - set(files))
    for slug in removed:
        report.removed.append(slug)
        file_problems.pop(slug, None)
        broken_sigs.pop(slug, None)
    if changed or removed:
        gen = _write_changes(index_dir, gen, state, by_id, changed, removed, report.updated)
    if changed or removed or file_problems != meta.get("file_problems", {}):
        meta = dict(meta, file_problems=file_problems, broken_sigs=broken_sigs, built=time.time())
        _write_json_atomic(gen / "meta.json", meta)
    if gen != current_generation(index_dir):
        _swap_current(index_dir, gen)
        _remove_old_generations(index_dir, gen)
    report.generation = gen.name
    return report


def _write_changes(index_dir, gen, state, by_id, changed, removed, updated) -> Path:
    """Commit changed and removed entries into a new generation; returns it.

    The new generation starts as hard links to the current one's files, and the change goes in as
    one small segment (small segments are merged once there are too many). A generation is never
    changed after `current` points at it, so a reader always sees exactly one of them.
    """
    merge = len(whoosh_index.open_dir(str(gen))._segments()) + 1 > MAX_SEGMENTS
    gen = _fork_generation(index_dir, gen)
    ix = whoosh_index.open_dir(str(gen))
    commit = {"mergetype": _merge_small_segments} if merge else {"merge": False}
    sigs = dict(state["sigs"])
    spell = Counter(state["spell"])
    with ix.searcher() as searcher:  # the words of the versions being replaced leave the typo vocabulary
        for slug in list(updated) + list(removed):
            old = searcher.document(slug=slug)
            if old and "data" in old:
                spell.subtract(spell_words(Entry.from_dict(json.loads(old["data"])), by_id))
    writer = ix.writer()
    try:
        for entry, sig in changed:
            writer.update_document(**_document(entry, sig, by_id))
            sigs[entry.slug] = sig
            spell.update(spell_words(entry, by_id))
        for slug in removed:
            writer.delete_by_term("slug", slug)
            sigs.pop(slug, None)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(**commit)
    ix.close()
    _write_state(gen, sigs, {w: n for w, n in spell.items() if n > 0})
    texts = {entry.slug: meaning.entry_text(entry, by_id) for entry, _ in changed}
    _write_vectors(gen, meaning.update_vectors(meaning.EntryVectors.read(gen), texts, removed))
    return gen


def _write_vectors(gen: Path, vectors) -> None:
    """The entry vectors beside the index; without them (the meaning layer is off, or the last
    generation had none) none are kept, and opening the index embeds the entries instead."""
    if vectors is not None:
        try:
            vectors.write(gen)
            return
        except OSError as exc:
            log.warning("the entry vectors were not written (%s); they are made when the index opens", exc)
    for name in (meaning.VECTORS_FILE, meaning.SLUGS_FILE):
        (gen / name).unlink(missing_ok=True)


def _fork_generation(index_dir: Path, gen: Path) -> Path:
    """A new generation holding hard links to `gen`'s files (copies where links are refused)."""
    new = _new_generation(index_dir)
    for p in gen.iterdir():
        if not p.is_file() or p.name.endswith("LOCK") or p.name.startswith("."):
            continue
        try:
            os.link(p, new / p.name)
        except OSError:
            shutil.copy2(p, new / p.name)
    return new


def _merge_small_segments(writer, segments):
    """Whoosh merge policy: fold every segment under a tenth of the largest into the new one."""
    largest = max((s.doc_count_all() for s in segments), default=0)
    small = [s for s in segments if s.doc_count_all() < max(largest // 10, 100)]
    if len(small) < 2:
        return list(segments)
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]
