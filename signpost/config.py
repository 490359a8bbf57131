"""Where things live: options and SIGNPOST_* variables mapped onto paths, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from search_index import BUNDLED_CONTENT, default_db_path, default_index_dir, whole_number


@dataclass(frozen=True)
class Paths:
    content: Path
    index: Path
    db: Path


def resolve_paths(content: Path | None = None, index: Path | None = None, db: Path | None = None) -> Paths:
    """Explicit options win, then SIGNPOST_CONTENT / SIGNPOST_INDEX / SIGNPOST_DB, then defaults."""
    env = os.environ
    content = Path(content or env.get("SIGNPOST_CONTENT") or BUNDLED_CONTENT)
    if index is None and env.get("SIGNPOST_INDEX"):
        index = Path(env["SIGNPOST_INDEX"])
    if index is None:
        index = default_index_dir(content)
    db = Path(db or env.get("SIGNPOST_DB") or default_db_path())
    return Paths(content, index, db)


def int_setting(value: int | None, env_name: str, default: int) -> int:
    """An explicit option wins, then the SIGNPOST_* variable `env_name`, then `default`."""
    if value is not None:
        return value
    raw = os.environ.get(env_name, "").strip()
    return whole_number(raw, env_name) if raw else default


def stale_months(months: int | None = None) -> int:
    """How many months before an entry counts as stale: --months, SIGNPOST_STALE_MONTHS, 12."""
    return int_setting(months, "SIGNPOST_STALE_MONTHS", 12)


def retention_days(days: int | None = None) -> int:
    """How long searches are kept: --days, SIGNPOST_RETENTION_DAYS, 365."""
    return int_setting(days, "SIGNPOST_RETENTION_DAYS", 365)
