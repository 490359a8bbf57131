"""The website's settings where neither the environment (SIGNPOST_*) nor the caller gave them:
paths, the secret key, and the settings that arrive from the environment as text (numbers, HTTPS,
proxies, host names), checked."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from search_index import BUNDLED_CONTENT, default_db_path, default_index_dir, whole_number
from search_index import var_dir as default_var_dir

SECRET_FILE = "secret_key"
# SIGNPOST_CONTENT, SIGNPOST_INDEX and SIGNPOST_DB reach the config as CONTENT, INDEX and DB (as the
# CLI's --content, --index and --db); the website's own keys say what they hold.
FROM_ENVIRONMENT = {"CONTENT": "CONTENT_DIR", "INDEX": "INDEX_DIR", "DB": "DB_PATH"}


def rename_from_environment(config: dict) -> None:
    """CONTENT, INDEX and DB (from SIGNPOST_CONTENT, ...) become CONTENT_DIR, INDEX_DIR and DB_PATH."""
    for short, key in FROM_ENVIRONMENT.items():
        if config.get(short):
            config[key] = config.pop(short)


def fill_defaults(config: dict, *, use_db: bool) -> None:
    """Paths not given: the bundled content, its index under var/ (and var/signpost.db when `use_db`);
    then SECRET_KEY, and the settings that may come as text from the environment, checked."""
    config["CONTENT_DIR"] = Path(config.get("CONTENT_DIR") or BUNDLED_CONTENT)
    config["INDEX_DIR"] = Path(config.get("INDEX_DIR") or default_index_dir(config["CONTENT_DIR"]))
    if use_db and not config.get("DB_PATH"):
        config["DB_PATH"] = default_db_path()
    if config.get("DB_PATH"):
        config["DB_PATH"] = Path(config["DB_PATH"])
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = secrets.token_hex(32) if config.get("TESTING") else persistent_secret_key()
    for key in ("STALE_MONTHS", "RETENTION_DAYS"):
        if isinstance(config.get(key), str):
            config[key] = whole_number(config[key].strip(), f"SIGNPOST_{key}")
    if isinstance(config.get("PROXY_FIX"), str):  # SIGNPOST_PROXY_FIX: reverse proxies in front
        config["PROXY_FIX"] = whole_number(config["PROXY_FIX"].strip() or "0", "SIGNPOST_PROXY_FIX")
    if isinstance(config.get("TRUSTED_HOSTS"), str):  # SIGNPOST_TRUSTED_HOSTS: "a.example.org, .example.org"
        hosts = [h.strip() for h in config["TRUSTED_HOSTS"].split(",") if h.strip()]
        config["TRUSTED_HOSTS"] = hosts or None  # Flask answers any other Host with a 400
    config["HTTPS"] = str(config.get("HTTPS")).strip().lower() in ("1", "true", "yes", "on")
    if config["HTTPS"]:  # secure cookies and HSTS
        config["SESSION_COOKIE_SECURE"] = True


def persistent_secret_key(var_dir: Path | None = None) -> str:
    """$SIGNPOST_SECRET_KEY, else a random key kept in var/secret_key (made on first use, mode 600)."""
    from_env = os.environ.get("SIGNPOST_SECRET_KEY")
    if from_env:
        return from_env
    path = Path(var_dir or default_var_dir()) / SECRET_FILE
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
