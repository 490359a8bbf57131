"""Staff accounts: names, roles and hashed passwords (never the passwords), and session ends.

Accounts are made with `signpost staff add NAME`; there is no default account. Guessing is slowed
by the website's login throttle (`directory/staff/login_throttle.py`), not by locking accounts here: a
lock that anyone can trigger would let anyone keep a staff member out. Callers show one generic
message for every refusal, so nobody learns whether a name exists.

Each account has a session counter; a session carries it (with a digest of the password hash), so
`end_sessions` (logout), a new password and removing the account end every session made before.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .passwords import DEFAULT_METHOD, check_password, hash_password
from .staff_store import connect

ROLES = ("editor", "viewer")
MIN_PASSWORD = 10
HASH_METHOD = DEFAULT_METHOD  # scrypt (see passwords.py); tests may use a cheaper one
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created REAL NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until REAL NOT NULL DEFAULT 0,
    sessions INTEGER NOT NULL DEFAULT 0
);
"""
# Checked when the name is unknown, so a refusal takes as long either way.
_DUMMY_HASH = hash_password("not a real password, only for timing")


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
        """An open connection, closed when the `with` block ends."""
        return contextlib.closing(self._connect())

    def _connect(self):
        conn = connect(self.path, SCHEMA)
        try:
            if "sessions" not in {r[1] for r in conn.execute("PRAGMA table_info(accounts)")}:
                with conn:  # a database from before session counters
                    conn.execute("ALTER TABLE accounts ADD COLUMN sessions INTEGER NOT NULL DEFAULT 0")
        except Exception:
            conn.close()
            raise
        return conn

    def add(self, name: str, password: str, role: str = "editor") -> Account:
        name = normalise_name(name)
        if not NAME_RE.match(name):
            raise AccountError(
                "a name is 1-40 lowercase letters, digits, '.', '_' or '-', e.g. sam or sam.jones"
            )
        if role not in ROLES:
            raise AccountError(f"the role must be one of {', '.join(ROLES)}")
        _check_new_password(password)
        with self._conn() as conn:
            with conn:
                if conn.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone():
                    raise AccountError(
                        f"there is already an account '{name}'; use `signpost staff passwd {name}`"
                    )
                conn.execute(
                    "INSERT INTO accounts (name, password_hash, role, created) VALUES (?, ?, ?, ?)",
                    (name, hash_password(password, HASH_METHOD), role, time.time()),
                )
        return Account(name, role)

    def set_password(self, name: str, password: str) -> None:
        _check_new_password(password)
        self._update(
            name,
            "password_hash = ?",
            hash_password(password, HASH_METHOD),
        )

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise AccountError(f"the role must be one of {', '.join(ROLES)}")
        self._update(name, "role = ?", role)

    def remove(self, name: str) -> None:
        with self._conn() as conn:
            with conn:
                cur = conn.execute("DELETE FROM accounts WHERE name = ?", (normalise_name(name),))
        if cur.rowcount != 1:
            raise AccountError(f"there is no account '{normalise_name(name)}'")

    def _update(self, name: str, assignments: str, value) -> None:
        with self._conn() as conn:
            with conn:
                cur = conn.execute(
                    f"UPDATE accounts SET {assignments} WHERE name = ?", (value, normalise_name(name))
                )
        if cur.rowcount != 1:
            raise AccountError(f"there is no account '{normalise_name(name)}'")

    def get(self, name: str) -> Account | None:
        with self._conn() as conn:
            row = conn.execute(
                "SELECT name, role FROM accounts WHERE name = ?", (normalise_name(name),)
            ).fetchone()
        return Account(row["name"], row["role"]) if row else None

    def all(self) -> list[Account]:
        with self._conn() as conn:
            rows = conn.execute("SELECT name, role FROM accounts ORDER BY name").fetchall()
        return [Account(r["name"], r["role"]) for r in rows]

    def authenticate(self, name: str, password: str) -> Account | None:
        """The account when the password is right; else None (taking as long for an unknown name)."""
        name = normalise_name(name)
        with self._conn() as conn:
            row = conn.execute("SELECT * FROM accounts WHERE name = ?", (name,)).fetchone()
        if row is None:
            check_password(_DUMMY_HASH, password or "")
            return None
        if check_password(row["password_hash"], password or ""):
            return Account(row["name"], row["role"])
        return None

    def session_key(self, name: str) -> str | None:
        """What a session of this account carries: a digest of the password hash and the session
        counter, so a new password, a removed account or `end_sessions` ends the sessions made before."""
        with self._conn() as conn:
            row = conn.execute(
                "SELECT password_hash, sessions FROM accounts WHERE name = ?", (normalise_name(name),)
            ).fetchone()
        if row is None:
            return None
        return hashlib.sha256(f"{row['password_hash']}:{row['sessions']}".encode()).hexdigest()[:20]

    def end_sessions(self, name: str) -> None:
        """End every session of the account on the server (logout): their session key no longer matches."""
        with self._conn() as conn:
            with conn:
                conn.execute(
                    "UPDATE accounts SET sessions = sessions + 1 WHERE name = ?", (normalise_name(name),)
                )


def _check_new_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"the password must be at least {MIN_PASSWORD} characters")
