"""Password hashes with the standard library's `hashlib.scrypt`, stored as `METHOD$SALT$HEX`.

The format is the one Werkzeug's `generate_password_hash` writes (`scrypt:32768:8:1$salt$hex`, or
`pbkdf2:sha256:600000$salt$hex`), so the hashes made before the back office left Werkzeug still
verify, with no migration. scrypt is memory-hard (RFC 7914), the standard library has it, and the
back office then needs no web toolkit to check a password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

DEFAULT_METHOD = "scrypt:32768:8:1"  # N=2**15, r=8, p=1: about 32 MB and 0.1 s per check


def hash_password(password: str, method: str = DEFAULT_METHOD) -> str:
    """`METHOD$SALT$HEX` for `password` (a new random salt each time)."""
    salt = secrets.token_hex(8)
    return f"{_full_method(method)}${salt}${_derive(method, salt, password)}"


def check_password(stored: str, password: str) -> bool:
    """Whether `password` gives `stored` (a hash from `hash_password`, or from Werkzeug)."""
    try:
        method, salt, expected = stored.split("$", 2)
        actual = _derive(method, salt, password)
    except ValueError:  # not a hash this module knows: no password matches it
        return False
    return hmac.compare_digest(actual, expected)


def _full_method(method: str) -> str:
    if method == "scrypt":
        return DEFAULT_METHOD
    if method == "pbkdf2":
        return "pbkdf2:sha256:600000"
    return method


def _derive(method: str, salt: str, password: str) -> str:
    name, *args = _full_method(method).split(":")
    secret, salted = password.encode(), salt.encode()
    if name == "scrypt" and len(args) == 3:
        n, r, p = (int(a) for a in args)
        return hashlib.scrypt(secret, salt=salted, n=n, r=r, p=p, maxmem=132 * n * r * p).hex()
    if name == "pbkdf2" and len(args) == 2:
        return hashlib.pbkdf2_hmac(args[0], secret, salted, int(args[1])).hex()
    raise ValueError(f"unknown password hash method {method!r}")
