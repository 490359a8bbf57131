"""Where things live: options and SIGNPOST_* variables mapped onto paths, in one place."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CONTENT = PROJECT_ROOT / "content"


@dataclass(frozen=True)
class Paths:
    content: Path
    index: Path
    db: Path


def _var_dir() -> Path:
    """./var beside the project when it is writable, else the user's cache folder."""
    var = PROJECT_ROOT / "var"
    try:
        var.mkdir(exist_ok=True)
        if os.access(var, os.W_OK):
            return var
    except OSError:
        pass
    return Path(platformdirs.user_cache_dir("signpost"))


def resolve_paths(content: Path | None = None, index: Path | None = None, db: Path | None = None) -> Paths:
    """Explicit options win, then SIGNPOST_CONTENT / SIGNPOST_INDEX / SIGNPOST_DB, then defaults."""
    env = os.environ
    content = Path(content or env.get("SIGNPOST_CONTENT") or BUNDLED_CONTENT)
    if index is None and env.get("SIGNPOST_INDEX"):
        index = Path(env["SIGNPOST_INDEX"])
    if index is None:
        if content.resolve() == BUNDLED_CONTENT.resolve():
            index = _var_dir() / "index"
        else:
            key = hashlib.sha1(str(content.resolve()).encode()).hexdigest()[:12]
            index = _var_dir() / f"index-{key}"
    db = Path(db or env.get("SIGNPOST_DB") or (_var_dir() / "signpost.db"))
    return Paths(content, index, db)


def int_setting(value: int | None, env_name: str, default: int) -> int:
    """An explicit option wins, then the SIGNPOST_* variable `env_name`, then `default`."""
    if value is not None:
        return value
    raw = os.environ.get(env_name, "").strip()
    if not raw:
        return default
    try:
        number = int(raw)
    except ValueError:
        raise ValueError(f"{env_name} must be a whole number, not {raw!r}") from None
    if number < 0:
        raise ValueError(f"{env_name} must not be negative")
    return number


def stale_months(months: int | None = None) -> int:
    """How many months before an entry counts as stale: --months, SIGNPOST_STALE_MONTHS, 12."""
    return int_setting(months, "SIGNPOST_STALE_MONTHS", 12)


def retention_days(days: int | None = None) -> int:
    """How long searches are kept: --days, SIGNPOST_RETENTION_DAYS, 365."""
    return int_setting(days, "SIGNPOST_RETENTION_DAYS", 365)


def https_enabled() -> bool:
    """SIGNPOST_HTTPS=1 when the site is served over HTTPS (secure session cookies)."""
    return os.environ.get("SIGNPOST_HTTPS", "").strip().lower() in ("1", "true", "yes", "on")


def commit_email_domain() -> str:
    """The domain of the email address staff edits are committed under (name@domain):
    SIGNPOST_COMMIT_DOMAIN, else signpost.invalid."""
    return os.environ.get("SIGNPOST_COMMIT_DOMAIN", "").strip() or "signpost.invalid"


def proxy_hops() -> int:
    """SIGNPOST_PROXY_FIX: how many reverse proxies sit in front of the site (0: none). Their
    X-Forwarded-For/-Proto/-Host/-Port/-Prefix headers are believed for that many hops only."""
    return int_setting(None, "SIGNPOST_PROXY_FIX", 0)


def trusted_hosts() -> list[str] | None:
    """SIGNPOST_TRUSTED_HOSTS: the host names the site answers to, separated by commas
    ("directory.example.org, .example.org"); a request for any other Host is a 400. None: any."""
    hosts = [h.strip() for h in os.environ.get("SIGNPOST_TRUSTED_HOSTS", "").split(",") if h.strip()]
    return hosts or None
