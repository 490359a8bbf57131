"""Defaults the website takes from `signpost.config` when it is not told: paths, the secret key, and
how it is reached (HTTPS, proxies, host names)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_FILE = "secret_key"


def fill_defaults(config: dict, *, use_db: bool) -> None:
    """Fill CONTENT_DIR, INDEX_DIR (and DB_PATH when `use_db`) from signpost.config; then SECRET_KEY."""
    if (
        config.get("CONTENT_DIR") is None
        or config.get("INDEX_DIR") is None
        or (use_db and not config.get("DB_PATH"))
    ):
        from signpost.config import resolve_paths

        paths = resolve_paths(config.get("CONTENT_DIR"), config.get("INDEX_DIR"), config.get("DB_PATH"))
        config["CONTENT_DIR"] = config.get("CONTENT_DIR") or paths.content
        config["INDEX_DIR"] = config.get("INDEX_DIR") or paths.index
        if use_db:
            config["DB_PATH"] = config.get("DB_PATH") or paths.db
    config["CONTENT_DIR"] = Path(config["CONTENT_DIR"])
    config["INDEX_DIR"] = Path(config["INDEX_DIR"])
    from signpost.config import https_enabled, proxy_hops, trusted_hosts

    config.setdefault("HTTPS", https_enabled())  # secure cookies and HSTS
    config.setdefault("PROXY_FIX", proxy_hops())
    if config.get("TRUSTED_HOSTS") is None:
        config["TRUSTED_HOSTS"] = trusted_hosts()  # Flask answers any other Host with a 400
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = secrets.token_hex(32) if config.get("TESTING") else persistent_secret_key()


def persistent_secret_key(var_dir: Path | None = None) -> str:
    """$SIGNPOST_SECRET_KEY, else a random key kept in var/secret_key (made on first use, mode 600)."""
    from_env = os.environ.get("SIGNPOST_SECRET_KEY")
    if from_env:
        return from_env
    if var_dir is None:
        from signpost.config import _var_dir

        var_dir = _var_dir()
    path = Path(var_dir) / SECRET_FILE
    try:
        return path.read_text(encoding="utf-8").strip() or _write_secret(path, replace=True)
    except FileNotFoundError:
        return _write_secret(path)


def _write_secret(path: Path, replace: bool = False) -> str:
    key = secrets.token_hex(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key
