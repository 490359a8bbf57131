"""Login throttling for the staff area: guessing passwords is slow, and nobody can keep a staff member
locked out.

Built on `limits` (the rate-limit library under Flask-Limiter), moving windows in memory, one
`LoginThrottle` per app:

- per address: at most `PER_ADDRESS` login attempts (right or wrong), whatever the account;
- per account: at most `PER_ACCOUNT` wrong passwords, from browsers that have not logged in to that
  account before, whatever their address (so spreading guesses over many addresses does not help);
- a browser that has logged in to the account before carries a signed "trusted browser" cookie
  (OWASP's device cookie) and has a budget of its own, `PER_DEVICE` wrong passwords: someone else's
  guessing never holds it up, so an attacker cannot keep the staff member out.

Flask-Limiter's decorators count every request to a view by one key; here the account budget counts
wrong passwords only, and which budget applies depends on a cookie, so the three checks are written
out over `limits` directly. A budget used up empties itself as the window moves on.
"""

from __future__ import annotations

import secrets

from flask import Flask, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

PER_ADDRESS = "20/10 minutes"
PER_ACCOUNT = "5/15 minutes"
PER_DEVICE = "10/15 minutes"
DEVICE_COOKIE = "signpost_staff_device"
DEVICE_DAYS = 90


class LoginThrottle:
    def __init__(self, app: Flask):
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        cfg = app.config
        self.per_address = parse(cfg.get("STAFF_LOGIN_PER_ADDRESS", PER_ADDRESS))
        self.per_account = parse(cfg.get("STAFF_LOGIN_PER_ACCOUNT", PER_ACCOUNT))
        self.per_device = parse(cfg.get("STAFF_LOGIN_PER_DEVICE", PER_DEVICE))
        self._signer = URLSafeTimedSerializer(app.secret_key or "", salt="signpost-staff-device")

    # --- the trusted-browser cookie ------------------------------------------------------------
    def device(self, request: Request, name: str) -> str | None:
        """The id of this browser when it has logged in to `name` before (a valid signed cookie)."""
        raw = request.cookies.get(DEVICE_COOKIE, "")
        try:
            data = self._signer.loads(raw, max_age=DEVICE_DAYS * 86400) if raw else None
        except BadSignature:
            return None
        if isinstance(data, dict) and data.get("n") == name and isinstance(data.get("d"), str):
            return data["d"]
        return None

    def trust(self, response: Response, name: str, *, secure: bool) -> None:
        """After a login: this browser is trusted for `name` from now on."""
        response.set_cookie(
            DEVICE_COOKIE,
            self._signer.dumps({"n": name, "d": secrets.token_urlsafe(12)}),
            max_age=DEVICE_DAYS * 86400,
            secure=secure,
            httponly=True,
            samesite="Lax",
        )

    # --- the budgets ---------------------------------------------------------------------------
    def allow(self, address: str, name: str, device: str | None) -> bool:
        """Whether this attempt may go ahead; counts it against the address."""
        limit, keys = self._keys(device, name)
        if not self._limiter.test(limit, *keys):
            return False
        return self._limiter.hit(self.per_address, "address", address or "-")

    def failed(self, name: str, device: str | None) -> None:
        """A wrong password (or an unknown name): counted against the account, or this browser."""
        limit, keys = self._keys(device, name)
        self._limiter.hit(limit, *keys)

    def _keys(self, device: str | None, name: str):
        if device:
            return self.per_device, ("device", name, device)
        return self.per_account, ("account", name)
