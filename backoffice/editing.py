"""Editing an entry file from a form (the staff area): write the text, check it, save it, commit it.

The front matter is written afresh from the fields, in a fixed order, with values quoted whenever
YAML could read them as anything but the text typed. Fields the form does not know (an unknown key
a volunteer added by hand, and `sources:`) are carried over as they were written; **comments in the front matter
are not kept** when an entry is saved from the browser. The body is kept exactly.

Checking uses `parse_entry_text` on the candidate text, so the messages are the same as
`signpost check` prints.

Every path comes from `entry_path`: the slug is checked and the file resolved inside the services
folder before anything is read or written, and no symbolic link is followed. Saving is a
compare-and-write under a lock (this process's threads and other processes): of simultaneous saves
of the same opened version exactly one wins, and the Git commit is made under the same lock, so
commits never run into each other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from search_index.entries import Entry, Problem, parse_entry_text, split_front_matter

log = logging.getLogger(__name__)

# The order fields are written in (the order of the `signpost new` template).
FIELD_ORDER = (
    "title",
    "title_cy",
    "summary",
    "summary_cy",
    "organisation",
    "organisation_cy",
    "categories",
    "tags",
    "questions",
    "ages",
    "area",
    "area_cy",
    "address",
    "postcode",
    "phone",
    "email",
    "website",
    "contact_via",
    "hours",
    "hours_cy",
    "cost",
    "cost_cy",
    "languages",
    "referral",
    "referral_cy",
    "access",
    "access_cy",
    "status",
    "verified",
)
INLINE_LISTS = ("categories", "tags", "languages")
LIST_KEYS = INLINE_LISTS + ("questions",)
MAX_ENTRY_BYTES = 256 * 1024
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80
COMMIT_TRIES = 5  # a commit that meets another Git process's index.lock is tried again


class EntryPathError(ValueError):
    """A slug that names no file inside the services folder (or a link out of it); the message says why."""


class EntryTooLarge(ValueError):
    """An entry file over MAX_ENTRY_BYTES."""


class StaleEdit(Exception):
    """The entry changed (or was created) since the editor opened it: nothing was written."""


def entry_path(content_dir: Path | str, slug: str) -> Path:
    """The file of `slug` in `content_dir/services/`, checked before any read or write: a slug is
    lowercase letters, digits and single hyphens; the path must resolve inside the services folder
    and must not be a symbolic link."""
    slug = slug if isinstance(slug, str) else ""
    if not SLUG_RE.fullmatch(slug) or len(slug) > MAX_SLUG:
        raise EntryPathError(
            "an entry's name is lowercase letters, digits and single hyphens, e.g. caia-park-food-bank"
        )
    folder = Path(content_dir) / "services"
    path = folder / f"{slug}.md"
    real_folder = folder.resolve()
    if path.is_symlink() or path.resolve().parent != real_folder:
        raise EntryPathError(f"{slug}.md is a link out of the services folder; it is not edited here")
    return real_folder / f"{slug}.md"


def read_entry(path: Path) -> str | None:
    """The text of an entry file, None when there is none; never follows a symbolic link.
    Raises EntryTooLarge for a file over MAX_ENTRY_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise EntryPathError(f"{path.name} is a link; it is not edited here") from None
        raise
    with os.fdopen(fd, "rb") as fh:
        if os.fstat(fh.fileno()).st_size > MAX_ENTRY_BYTES:
            raise EntryTooLarge(f"{path.name} is over {MAX_ENTRY_BYTES // 1024} KB; edit it in a text editor")
        data = fh.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise EntryTooLarge(f"{path.name} is over {MAX_ENTRY_BYTES // 1024} KB; edit it in a text editor")
    return data.decode("utf-8", errors="replace")


def digest(text: str) -> str:
    """What an editor's form remembers of the version it opened."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\[\]{}]*$")
_RESOLVER = yaml.resolver.Resolver()


def fields_of(entry: Entry) -> dict[str, object]:
    """The form fields of an entry: lists as lists of text, everything else as text."""
    data = entry.to_dict()
    out: dict[str, object] = {}
    for key in FIELD_ORDER:
        value = data.get(key)
        out[key] = list(value or []) if key in LIST_KEYS else ("" if value is None else str(value))
    return out


def _scalar(value: str, in_list: bool = False) -> str:
    """A YAML scalar that reads back as exactly `value` (plain when that is safe, else quoted)."""
    value = " ".join(str(value).split())
    if (
        value
        and _PLAIN_SAFE.match(value)
        and not (in_list and "," in value)
        and value == value.strip()
        and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"
    ):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _unknown_blocks(front: str) -> list[str]:
    """The text of each top-level key the form does not show (`sources:`, or a key a volunteer added
    by hand), as it was written (comments dropped)."""
    blocks: list[list[str]] = []
    keep = False
    for line in front.split("\n"):
        top = re.match(r"^([^\s#][^:]*):", line)
        if top and not line.startswith("- "):
            keep = top.group(1).strip() not in FIELD_ORDER  # e.g. locations, sources: kept as written
            if keep:
                blocks.append([line])
        elif keep and (line.startswith((" ", "\t", "-")) or not line.strip()):
            if line.strip():
                blocks[-1].append(line)
        elif line.strip().startswith("#"):
            continue
        else:
            keep = False
    return ["\n".join(b) for b in blocks]


def render_entry(fields: dict[str, object], body: str, original: str | None = None) -> str:
    """The text of an entry file from form fields (lists as lists of text) and the Markdown body."""
    lines = ["---"]
    for key in FIELD_ORDER:
        value = fields.get(key)
        if key in LIST_KEYS:
            items = [" ".join(str(v).split()) for v in (value or []) if str(v).strip()]
            if not items:
                continue
            if key == "questions":
                lines.append("questions:")
                lines += [f"  - {json.dumps(q, ensure_ascii=False)}" for q in items]
            else:
                lines.append(f"{key}: [{', '.join(_scalar(v, in_list=True) for v in items)}]")
            continue
        text = " ".join(str(value or "").split())
        if not text or (key == "status" and text == "active" and not _had_key(original, "status")):
            continue
        if key == "verified":
            lines.append(
                f"verified: {text}"
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)
                else f"verified: {_scalar(text)}"
            )
        else:
            lines.append(f"{key}: {_scalar(text)}")
    if original:
        parts = split_front_matter(original)
        if parts:
            lines += _unknown_blocks(parts[0])
    lines.append("---")
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return "\n".join(lines) + "\n\n" + (body + "\n" if body else "")


def _had_key(original: str | None, key: str) -> bool:
    parts = split_front_matter(original) if original else None
    return bool(parts and re.search(rf"^{key}\s*:", parts[0], re.M))


def split_list(text: str, *, lines: bool = False) -> list[str]:
    """Form text to a list: one item per line for questions, else separated by commas."""
    raw = (text or "").replace("\r\n", "\n").split("\n" if lines else ",")
    if not lines:
        raw = [p for chunk in raw for p in chunk.split("\n")]
    return [" ".join(p.split()) for p in raw if p.strip()]


def check_text(
    text: str, slug: str, category_ids: set[str], shown: str
) -> tuple[Entry | None, list[Problem]]:
    """Validate candidate file text exactly as `signpost check` would (same messages)."""
    return parse_entry_text(text, slug, category_ids, shown=shown)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step (a reader sees the old file or the new one, never half)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Saved:
    """A saved entry: whether it was committed, and why not when a commit was tried and failed."""

    committed: bool
    commit_error: str | None = None


_SAVE_LOCK = threading.Lock()


@contextlib.contextmanager
def _save_lock(folder: Path):
    """One save at a time: this process's threads, and other processes through a lock on the
    services folder itself (flock on the directory: no lock file to leave behind)."""
    with _SAVE_LOCK:
        fd = None
        try:
            import fcntl

            fd = os.open(folder, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_EX)
        except (ImportError, OSError):
            if fd is not None:
                os.close(fd)
            fd = None
        try:
            yield
        finally:
            if fd is not None:
                os.close(fd)  # closing releases the lock


def save_entry(
    content_dir: Path,
    path: Path,
    text: str,
    base: str | None,
    *,
    message: str,
    author: str,
    email_domain: str,
) -> Saved:
    """Write `text` to `path` when the file is still the version the editor opened (`base`, the
    digest of its text; None for a new entry, which must not exist yet), then commit it, all under
    one lock. Raises StaleEdit (nothing written), EntryTooLarge, or OSError when the file cannot be
    written (disk full, read-only folder): the caller keeps the typed text."""
    if len(text.encode("utf-8")) > MAX_ENTRY_BYTES:
        raise EntryTooLarge(f"an entry file may be at most {MAX_ENTRY_BYTES // 1024} KB")
    with _save_lock(path.parent):
        current = read_entry(path)
        if (base is None) != (current is None) or (current is not None and digest(current) != base):
            raise StaleEdit(path.name)
        write_atomic(path, text)
        return git_commit(content_dir, path, message, author, email_domain)


def git_commit(content_dir: Path, path: Path, message: str, author: str, email_domain: str) -> Saved:
    """Commit `path` as `author` <author@email_domain> when `content_dir` is inside a Git work tree.
    Not a repository (or no git): Saved(False). A commit that fails: Saved(False, why)."""
    git = shutil.which("git")
    if git is None:
        return Saved(False)
    identity = ["-c", f"user.name={author}", "-c", f"user.email={author}@{email_domain}"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [git, "-C", str(content_dir), *identity, *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )

    try:
        if run("rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
            return Saved(False)
        rel = os.path.relpath(path, Path(content_dir).resolve())
        why = ""
        for attempt in range(COMMIT_TRIES):
            added = run("add", "--", rel)
            done = run("commit", "-q", "-m", message, "--", rel) if added.returncode == 0 else added
            if done.returncode == 0:
                return Saved(True)
            lines = (done.stderr or done.stdout).strip().splitlines()
            why = lines[-1] if lines else "git failed"
            if "index.lock" not in (done.stderr or ""):
                break
            time.sleep(0.2 * (attempt + 1))  # another Git process (not ours: ours hold the lock)
        log.warning("git commit of %s failed: %s", path, why)
        return Saved(False, why)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("git commit of %s failed: %s", path, exc)
        return Saved(False, str(exc))


def today() -> str:
    return dt.date.today().isoformat()
