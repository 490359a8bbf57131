"""Staff accounts: names, roles and hashed passwords (never the passwords), with login lockout.

Accounts are made with `signpost staff add NAME`; there is no default account. After
`MAX_FAILURES` failed logins in a row an account is locked for `LOCK_SECONDS`, and a locked
account refuses even the right password. Callers show one generic message for every refusal, so
nobody learns whether a name exists or is locked.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from .staff_store import connect

ROLES = ("editor", "viewer")
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
MIN_PASSWORD = 10
HASH_METHOD = "scrypt"  # werkzeug's default; tests may use a cheaper one
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created REAL NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until REAL NOT NULL DEFAULT 0
);
"""
# Checked when the name is unknown, so a refusal takes as long either way.
_DUMMY_HASH = generate_password_hash("not a real password, only for timing")


class AccountError(ValueError):
    """A name, role or password that cannot be used; the message says why."""


@dataclass(frozen=True)
class Account:
    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"


def normalise_name(name: str) -> str:
    return (name or "").strip().lower()


class StaffAccounts:
    def __init__(self, db_path: Path | str):
        self.path = Path(db_path)

    def _conn(self):
        return connect(self.path, SCHEMA)

    def add(self, name: str, password: str, role: str = "editor") -> Account:
        name = normalise_name(name)
        if not NAME_RE.match(name):
            raise AccountError(
                "a name is 1-40 lowercase letters, digits, '.', '_' or '-', e.g. sam or sam.jones"
            )
        if role not in ROLES:
            raise AccountError(f"the role must be one of {', '.join(ROLES)}")
        _check_password(password)
        conn = self._conn()
        try:
            with conn:
                if conn.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone():
                    raise AccountError(
                        f"there is already an account '{name}'; use `signpost staff passwd {name}`"
                    )
                conn.execute(
                    "INSERT INTO accounts (name, password_hash, role, created) VALUES (?, ?, ?, ?)",
                    (name, generate_password_hash(password, method=HASH_METHOD), role, time.time()),
                )
        finally:
            conn.close()
        return Account(name, role)

    def set_password(self, name: str, password: str) -> None:
        _check_password(password)
        self._update(
            name,
            "password_hash = ?, failures = 0, locked_until = 0",
            generate_password_hash(password, method=HASH_METHOD),
        )

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise AccountError(f"the role must be one of {', '.join(ROLES)}")
        self._update(name, "role = ?", role)

    def remove(self, name: str) -> None:
        conn = self._conn()
        try:
            with conn:
                cur = conn.execute("DELETE FROM accounts WHERE name = ?", (normalise_name(name),))
        finally:
            conn.close()
        if cur.rowcount != 1:
            raise AccountError(f"there is no account '{normalise_name(name)}'")

    def _update(self, name: str, assignments: str, value) -> None:
        conn = self._conn()
        try:
            with conn:
                cur = conn.execute(
                    f"UPDATE accounts SET {assignments} WHERE name = ?", (value, normalise_name(name))
                )
        finally:
            conn.close()
        if cur.rowcount != 1:
            raise AccountError(f"there is no account '{normalise_name(name)}'")

    def get(self, name: str) -> Account | None:
        conn = self._conn()
        try:
            row = conn.execute(
                "SELECT name, role FROM accounts WHERE name = ?", (normalise_name(name),)
            ).fetchone()
        finally:
            conn.close()
        return Account(row["name"], row["role"]) if row else None

    def all(self) -> list[Account]:
        conn = self._conn()
        try:
            rows = conn.execute("SELECT name, role FROM accounts ORDER BY name").fetchall()
        finally:
            conn.close()
        return [Account(r["name"], r["role"]) for r in rows]

    def authenticate(self, name: str, password: str, *, now: float | None = None) -> Account | None:
        """The account when the password is right and the account is not locked; else None."""
        now = time.time() if now is None else now
        name = normalise_name(name)
        conn = self._conn()
        try:
            row = conn.execute("SELECT * FROM accounts WHERE name = ?", (name,)).fetchone()
            if row is None or row["locked_until"] > now:
                check_password_hash(_DUMMY_HASH, password or "")
                return None
            if check_password_hash(row["password_hash"], password or ""):
                with conn:
                    conn.execute("UPDATE accounts SET failures = 0, locked_until = 0 WHERE name = ?", (name,))
                return Account(row["name"], row["role"])
            with conn:
                conn.execute(
                    "UPDATE accounts SET locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END,"
                    " failures = CASE WHEN failures + 1 >= ? THEN 0 ELSE failures + 1 END"
                    " WHERE name = ?",
                    (MAX_FAILURES, now + LOCK_SECONDS, MAX_FAILURES, name),
                )
            return None
        finally:
            conn.close()

    def session_key(self, name: str) -> str | None:
        """A short digest of the account's password hash: sessions carry it, so a new password
        (or a removed account) ends the sessions made before."""
        conn = self._conn()
        try:
            row = conn.execute(
                "SELECT password_hash FROM accounts WHERE name = ?", (normalise_name(name),)
            ).fetchone()
        finally:
            conn.close()
        return hashlib.sha256(row["password_hash"].encode()).hexdigest()[:20] if row else None

    def is_locked(self, name: str, *, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        conn = self._conn()
        try:
            row = conn.execute(
                "SELECT locked_until FROM accounts WHERE name = ?", (normalise_name(name),)
            ).fetchone()
        finally:
            conn.close()
        return bool(row and row["locked_until"] > now)


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"the password must be at least {MIN_PASSWORD} characters")
