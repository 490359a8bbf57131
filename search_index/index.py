"""The index on disk: build it from the content folder, update it file by file.

Layout of an index folder::

    index/
      current -> gen-000004     a symlink, swapped atomically with os.replace()
      gen-000004/               the engine's files, plus meta.json (categories, problems, versions)
                                and state.json

A full build writes a new `gen-*` folder and then swaps `current`, so a reader never sees a
half-written index. An update of a few changed files makes a new generation too, but cheaply (see
`Engine.update`). A generation's files never change once `current` points at it, so an open reader
keeps reading exactly the index it opened, and a search never mixes two generations.

Beside the engine's files each generation holds ``state.json``: the stat signature of every indexed
file (so an update does not read the stored documents to find what changed) and the typo
corrector's vocabulary (each plain word and how many entries use it).

This module deals in files and entries; `search_index.engine` (the only place that knows Whoosh)
indexes the documents made of them. A full build of a large directory is parsed and indexed by
worker processes, a run of files each.
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

from .areas import area_key
from .engine import Document, Engine
from .engine.analysis import name_term, plain_words
from .engine.meaning import EntryVectorsExtra
from .entries import (
    Category,
    ContentError,
    Entry,
    Problem,
    load_categories,
    parse_entry,
)
from .language import ordinary_english_words
from .lexicon import BUILTIN as BUILTIN_VOCABULARY
from .lexicon import fold

log = logging.getLogger(__name__)

SCHEMA_VERSION = 9  # 5: entries carry locations, opening times, coordinates; 6: no stored 'sig';
# 7: Entry.path is relative to the content folder; 8: the stemmer's own families (SEPARATE_STEMS),
# an entry's name words indexed as names (`name_words`); 9: the "memorial" family
PARALLEL_MIN_FILES = 1000  # from this many files, a full build is split across worker processes
MAX_BUILD_WORKERS = 4
BUILD_CHUNK_FILES = 10_000  # files per worker run at most (one segment each)
STATE_FILE = "state.json"

# The search engine, reading each stored entry back as an `Entry`.
ENGINE = Engine(load=Entry.from_dict, extras=[EntryVectorsExtra()])


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
    """Written as it is encoded, never as one string: a directory's meta.json with thousands of
    problems is MBs of text, which an update in the server (the content watcher) held on top of
    everything else (the same text either way: an indented encoding is made piece by piece)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    os.replace(tmp, path)


def spell_words(entry: Entry, categories: dict[str, Category], lang: str | None = None) -> set[str]:
    """The words of an entry the typo corrector may suggest: all of them, or those of its English
    (`lang="en"`) or Welsh (`lang="cy"`) text."""
    cats = [categories[c] for c in entry.categories if c in categories]
    english = [
        entry.title,
        entry.summary,
        " ".join(entry.tags),
        " ".join(entry.questions),
        entry.body,
        entry.organisation,
    ] + [c.name for c in cats]
    welsh = [entry.title_cy, entry.summary_cy, entry.body_cy] + [c.name_cy for c in cats]
    texts = english + welsh if lang is None else {"en": english, "cy": welsh}[lang]
    return plain_words(" ".join(texts))


def read_state(gen: Path) -> dict | None:
    """The generation's `state.json` (file signatures and typo vocabulary), or None if missing."""
    try:
        state = json.loads((gen / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and "sigs" in state and "spell" in state else None


# state.json's typo vocabulary: word -> how many entries use it, in any text ("spell"), in their
# English text ("spell_en") and in their Welsh text ("spell_cy"; see `spell_words`)
SPELL_KEYS = ("spell", "spell_en", "spell_cy")


def _spell_counts(entry: Entry, categories: dict[str, Category]) -> dict[str, set[str]]:
    english, welsh = spell_words(entry, categories, "en"), spell_words(entry, categories, "cy")
    return {"spell": english | welsh, "spell_en": english, "spell_cy": welsh}


def _write_state(gen: Path, sigs: dict[str, str], spell: dict[str, Counter]) -> None:
    """`spell`: the counts of SPELL_KEYS ("spell" alone when an older state did not have the others)."""
    data = {"sigs": sigs} | {key: {w: n for w, n in counts.items() if n > 0} for key, counts in spell.items()}
    tmp = gen / f".{STATE_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, gen / STATE_FILE)


_NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _entry_texts(entry: Entry) -> list[str]:
    return [
        entry.title,
        entry.summary,
        *entry.tags,
        *entry.questions,
        entry.organisation,
        entry.body,
        entry.title_cy,
        entry.summary_cy,
        entry.organisation_cy,
        entry.body_cy,
    ]


def _word(token: str) -> str:
    return fold(token).replace("'", "").replace("’", "")


def name_words(entry: Entry) -> frozenset[str]:
    """The ordinary English words that an entry uses only as its name: the words of its organisation
    ("Shout", "Caia Park Partnership") that it never writes in lower case, in any of its text, and
    that are also ordinary words (`ordinary_english_words`). They are indexed as names (`name_term`):
    a resident's word matches them only as written, so "my husband shouts at me" is not a match for
    Shout, nor "parks" for Caia Park, nor "health screening" for the Academy of Screen Acting. A word
    the entry also writes in lower case ("advice" of Citizens Advice) is a word; a name that is no
    ordinary word ("Samaritans", "Caia") keeps all its forms ("samaritan")."""
    organisation = f"{entry.organisation} {entry.organisation_cy}"
    named = {_word(t) for t in _NAME_WORD_RE.findall(organisation) if t[0].isupper()}
    if not named:
        return frozenset()
    lower = {
        _word(t) for text in _entry_texts(entry) for t in _NAME_WORD_RE.findall(text or "") if t[0].islower()
    }
    ordinary = ordinary_english_words()
    return frozenset(w for w in named - lower if len(w) >= 3 and w in ordinary)


def _as_names(text: str, names: frozenset[str]) -> str:
    """`text` with each name word written as its index term ("Shout" -> "shout_")."""
    if not names or not text:
        return text
    folded = _word(text)
    if not any(w in folded for w in names):  # most texts: no name word at all, nothing to rewrite
        return text
    return _NAME_WORD_RE.sub(lambda m: name_term(w) if (w := _word(m.group())) in names else m.group(), text)


def document(entry: Entry, categories: dict[str, Category]) -> Document:
    """What the engine indexes for an entry (its name words as names: see `name_words`)."""
    cats = [categories[c] for c in entry.categories if c in categories]
    names = name_words(entry)
    return Document(
        key=entry.slug,
        stored=entry.to_dict(),
        text={
            "title": _as_names(entry.title, names),
            "summary": _as_names(entry.summary, names),
            "tags": _as_names(" . ".join(entry.tags), names),
            "questions": _as_names(" . ".join(entry.questions), names),
            "catnames": " . ".join(f"{c.name} {c.description}" for c in cats),
            "organisation": _as_names(entry.organisation, names),
            "body": _as_names(entry.body, names),
            "welsh": " . ".join(
                [_as_names(t, names) for t in (entry.title_cy, entry.summary_cy, entry.body_cy)]
                + [c.name_cy for c in cats]
            ),
        },
        labels={
            "categories": list(entry.categories),
            "languages": list(entry.languages),
            "status": [entry.status],
            "free": ["1" if entry.is_free else "0"],
            "area": [area_key(entry.area)],
        },
    )


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
    gen = None if full else current_generation(index_dir)  # --full never reads the old generation
    try:
        meta = read_meta(gen) if gen else None
    except (OSError, ValueError) as exc:  # a bad meta.json: start again
        log.warning("%s cannot be read (%s); building the index in full", gen / "meta.json", exc)
        meta = None
    if meta is None or meta.get("fingerprint") != fingerprint:
        report = _full_build(content_dir, index_dir, cats, cat_problems, files, fingerprint)
    else:
        try:
            report = _update(content_dir, index_dir, gen, meta, cats, cat_problems, files)
        except Exception as exc:  # a generation that cannot be read (a truncated segment, a bad TOC)
            log.warning("the index in %s could not be updated (%s); building it in full", index_dir, exc)
            report = _full_build(content_dir, index_dir, cats, cat_problems, files, fingerprint)
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
    items = [(slug, path) for slug, (path, _) in files.items()]
    workers = _build_workers(len(items))
    if workers > 1:
        # runs of at most BUILD_CHUNK_FILES, `workers` at a time: a worker's postings then fit in
        # memory (a bigger run spills to disk and is merged back in Python, which made 50,000 files slow)
        n_chunks = max(workers, -(-len(items) // BUILD_CHUNK_FILES))
        size = -(-len(items) // n_chunks)
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
    else:
        chunks = [items]
    parts = ENGINE.build_batches(
        gen, [_ParseFiles(chunk, cats, str(content_dir)) for chunk in chunks], workers
    )
    file_problems: dict[str, list[dict]] = {}
    sigs: dict[str, str] = {}
    spell: dict[str, Counter] = {key: Counter() for key in SPELL_KEYS}
    for part in parts:
        report.added.extend(part["added"])
        report.problems.extend(part["problems"])
        file_problems.update(part["file_problems"])
        sigs.update(part["sigs"])
        for key in SPELL_KEYS:
            spell[key].update(part[key])
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
    _write_state(gen, sigs, spell)
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


class _ParseFiles:
    """A build batch (see `Engine.build_batches`): parse each file and hand its entry to the engine;
    returns what happened, for the report and state.json. Picklable, so it can run in a worker."""

    def __init__(self, items: list[tuple[str, str]], cats: list[Category], content_dir: str):
        self.items, self.cats, self.content_dir = items, cats, content_dir

    def __call__(self, add) -> dict:
        ids = {c.id for c in self.cats}
        by_id = {c.id: c for c in self.cats}
        content_dir = Path(self.content_dir)
        part: dict = {"added": [], "problems": [], "file_problems": {}, "sigs": {}}
        part |= {key: Counter() for key in SPELL_KEYS}
        for slug, name in self.items:
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
            add(document(entry, by_id))
            part["added"].append(slug)
            part["sigs"][slug] = sig
            for key, words in _spell_counts(entry, by_id).items():
                part[key].update(words)
        return part


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
        gen = _write_changes(index_dir, gen, state, by_id, changed, removed)
    if changed or removed or file_problems != meta.get("file_problems", {}):
        meta = dict(meta, file_problems=file_problems, broken_sigs=broken_sigs, built=time.time())
        _write_json_atomic(gen / "meta.json", meta)
    if gen != current_generation(index_dir):
        _swap_current(index_dir, gen)
        _remove_old_generations(index_dir, gen)
    report.generation = gen.name
    return report


def _write_changes(index_dir, gen, state, by_id, changed, removed) -> Path:
    """Commit changed and removed entries into a new generation made from `gen`; returns it.
    A generation is never changed after `current` points at it, so a reader always sees exactly
    one of them."""
    new = _new_generation(index_dir)
    replaced = ENGINE.update(gen, new, [document(entry, by_id) for entry, _ in changed], removed)
    sigs = dict(state["sigs"])
    spell = {key: Counter(state[key]) for key in SPELL_KEYS if key in state}  # (older: "spell" alone)
    for old in replaced.values():  # the words of the versions replaced leave the typo vocabulary
        for key, words in _spell_counts(old, by_id).items():
            if key in spell:
                spell[key].subtract(words)
    for entry, sig in changed:
        sigs[entry.slug] = sig
        for key, words in _spell_counts(entry, by_id).items():
            if key in spell:
                spell[key].update(words)
    for slug in removed:
        sigs.pop(slug, None)
    _write_state(new, sigs, spell)
    return new
