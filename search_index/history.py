"""When each entry last changed: from Git history when the content folder is in a repository.

An entry's time is the time of the last commit that touched its file; a file with changes not
yet committed (or outside any repository) gets its own modification time instead.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_modified(content_dir: Path | str) -> dict[str, dt.datetime]:
    """slug -> when `services/<slug>.md` last changed, as an aware UTC datetime."""
    services = Path(content_dir) / "services"
    times = {p.stem: _file_time(p) for p in sorted(services.glob("*.md"))} if services.is_dir() else {}
    if not times:
        return times
    committed = _commit_times(services)
    if committed is None:
        return times
    dirty = _uncommitted(services)
    for slug, when in committed.items():
        if slug in times and slug not in dirty:
            times[slug] = when
    return times


def _file_time(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(path.stat().st_mtime), dt.UTC)


def _git(services: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(services), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _commit_times(services: Path) -> dict[str, dt.datetime] | None:
    """The newest commit time of each file under `services` (None outside a repository)."""
    out = _git(services, "log", "--format=%x00%ct", "--name-only", "--relative", "--", ".")
    if out is None:
        return None
    times: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in out.splitlines():
        if line.startswith("\0"):
            when = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC)
        elif line.endswith(".md") and when is not None and "/" not in line:
            times.setdefault(line[:-3], when)
    return times


def _uncommitted(services: Path) -> set[str]:
    """Slugs whose file differs from the last commit (or is not committed at all)."""
    out = _git(services, "status", "--porcelain", "--untracked-files=all", "--", ".")
    if out is None:
        return set()
    return {Path(line[3:].strip().strip('"')).stem for line in out.splitlines() if line.strip()}
