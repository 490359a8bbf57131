"""The Whoosh index on disk: build it, update it file by file, and open it for searching.

Layout of an index folder::

    index/
      current -> gen-000004     a symlink, swapped atomically with os.replace()
      gen-000004/               Whoosh's files, plus meta.json (categories, problems, versions)

A full build writes a new `gen-*` folder and then swaps `current`, so a reader never sees a
half-written index. An update of a few changed files goes into the current generation through
Whoosh's own atomic commit (a new table of contents written under a temporary name and renamed),
without merging segments, so open searchers keep reading the files they opened.

Only this module and `search.py` import Whoosh.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from .entries import (
    Category,
    ContentError,
    Entry,
    Problem,
    load_categories,
    parse_entry,
)
from .lexicon import BUILTIN as BUILTIN_VOCABULARY

SCHEMA_VERSION = 4
MAX_SEGMENTS = 24  # beyond this many small segments, an update becomes a fresh full build


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
        title=TEXT(analyzer=ana, phrase=False),
        summary=TEXT(analyzer=ana, phrase=False),
        tags=TEXT(analyzer=ana, phrase=False),
        questions=TEXT(analyzer=ana, phrase=False),
        catnames=TEXT(analyzer=ana, phrase=False),
        organisation=TEXT(analyzer=ana, phrase=False),
        body=TEXT(analyzer=ana, phrase=False),
        welsh=TEXT(analyzer=ana, phrase=False),
        spell=TEXT(analyzer=plain_analyzer(), phrase=False),
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
    st = path.stat()
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


def _document(entry: Entry, sig: str, categories: dict[str, Category]) -> dict:
    cats = [categories[c] for c in entry.categories if c in categories]
    spell_text = " ".join(
        [entry.title, entry.summary, " ".join(entry.tags), " ".join(entry.questions), entry.body,
         entry.organisation, entry.title_cy, entry.summary_cy]
        + [c.name + " " + c.name_cy for c in cats]
    )
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
        "spell": spell_text,
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
    gen = index_dir / f"gen-{n:06d}"
    gen.mkdir()
    return gen


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
    files = {p.stem: p for p in sorted(services.glob("*.md"))} if services.is_dir() else {}
    return cats, problems, files


def build_index(content_dir: Path | str, index_dir: Path | str, *, full: bool = False) -> BuildReport:
    """Bring the index up to date with `content_dir`, doing as little work as it can.

    Unchanged files are not read again. A file that became broken keeps its last good version in
    the index (reported in `kept_last_good`); a broken file never indexed before is skipped.
    """
    start = time.perf_counter()
    content_dir, index_dir = Path(content_dir), Path(index_dir)
    cats, cat_problems, files = scan_content(content_dir)
    by_id = {c.id: c for c in cats}
    fingerprint = _fingerprint(content_dir)
    gen = current_generation(index_dir)
    meta = read_meta(gen) if gen else None
    if meta is None or full or meta.get("fingerprint") != fingerprint:
        report = _full_build(content_dir, index_dir, cats, cat_problems, files, fingerprint)
    else:
        report = _update(content_dir, index_dir, gen, meta, cats, cat_problems, files)
    report.seconds = time.perf_counter() - start
    return report


def _parse(path: Path, ids: set[str], content_dir: Path) -> tuple[Entry | None, list[Problem]]:
    return parse_entry(path, ids, shown=_shown(path, content_dir))


def _shown(path: Path, content_dir: Path) -> str:
    """Paths in messages: as the volunteer would type them (relative to the working folder)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _full_build(content_dir, index_dir, cats, cat_problems, files, fingerprint) -> BuildReport:
    report = BuildReport(full=True, problems=list(cat_problems))
    ids = {c.id for c in cats}
    by_id = {c.id: c for c in cats}
    gen = _new_generation(index_dir)
    ix = whoosh_index.create_in(str(gen), make_schema())
    writer = ix.writer(limitmb=128)
    file_problems: dict[str, list[dict]] = {}
    for slug, path in files.items():
        entry, probs = _parse(path, ids, content_dir)
        if probs:
            report.problems.extend(probs)
            file_problems[slug] = [_problem_dict(p) for p in probs]
        if entry is None:
            continue
        writer.add_document(**_document(entry, _file_sig(path), by_id))
        report.added.append(slug)
    writer.commit()
    ix.close()
    meta = {
        "schema": SCHEMA_VERSION,
        "fingerprint": fingerprint,
        "categories": [c.__dict__ for c in cats],
        "category_problems": [_problem_dict(p) for p in cat_problems],
        "file_problems": file_problems,
        "broken_sigs": {s: _file_sig(files[s]) for s in file_problems if s in files},
        "content": str(content_dir.resolve()),
        "built": time.time(),
    }
    _write_json_atomic(gen / "meta.json", meta)
    _swap_current(index_dir, gen)
    _remove_old_generations(index_dir, gen)
    report.generation = gen.name
    return report


def _problem_dict(p: Problem) -> dict:
    return {"path": p.path, "line": p.line, "message": p.message, "severity": p.severity}


def _update(content_dir, index_dir, gen, meta, cats, cat_problems, files) -> BuildReport:
    report = BuildReport(problems=list(cat_problems))
    ids = {c.id for c in cats}
    by_id = {c.id: c for c in cats}
    ix = whoosh_index.open_dir(str(gen))
    with ix.reader() as reader:
        indexed = {f["slug"]: f["sig"] for f in reader.all_stored_fields() if "slug" in f}
        segments = len(ix._segments()) if hasattr(ix, "_segments") else 1
    if segments > MAX_SEGMENTS:
        ix.close()
        return _full_build(content_dir, index_dir, cats, cat_problems, files, meta["fingerprint"])
    file_problems: dict[str, list[dict]] = dict(meta.get("file_problems", {}))
    broken_sigs: dict[str, str] = dict(meta.get("broken_sigs", {}))
    writer = None
    for slug, path in files.items():
        sig = _file_sig(path)
        if indexed.get(slug) == sig or (slug not in indexed and broken_sigs.get(slug) == sig):
            report.unchanged += slug in indexed
            report.problems.extend(Problem(**d) for d in file_problems.get(slug, []))
            continue
        entry, probs = _parse(path, ids, content_dir)
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
        writer = writer or ix.writer()
        writer.update_document(**_document(entry, sig, by_id))
        (report.updated if slug in indexed else report.added).append(slug)
    for slug in set(indexed) - set(files):
        writer = writer or ix.writer()
        writer.delete_by_term("slug", slug)
        report.removed.append(slug)
        file_problems.pop(slug, None)
        broken_sigs.pop(slug, None)
    if writer is not None:
        writer.commit(merge=False)
    ix.close()
    if writer is not None or file_problems != meta.get("file_problems", {}):
        meta = dict(meta, file_problems=file_problems, broken_sigs=broken_sigs, built=time.time())
        _write_json_atomic(gen / "meta.json", meta)
    report.generation = gen.name
    return report
