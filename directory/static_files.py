"""Static files: versioned addresses, cached for a year, sent compressed.

Every `url_for('static', ...)` (and a blueprint's static) gets `?v=<first 10 hex of the file's
SHA-256>`. A request carrying the file's current version is answered with `Cache-Control: public,
max-age=31536000, immutable`, so a browser never asks again until the file changes, and then the
address changes with it. Anything else is answered as Flask always does (revalidated).

Compression is Flask-Compress (brotli, zstd or gzip, as the browser accepts), applied to the static
routes only: pages carry CSRF tokens next to words the visitor typed, which compression must not mix
(BREACH). The compressed bytes of each version are kept in memory, so each file is compressed once.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from flask import Flask, make_response, redirect, request, url_for
from flask_compress import Compress

YEAR = 365 * 24 * 3600


class _MemoryCache:
    """The small get/set cache Flask-Compress takes: a few dozen versioned files at most."""

    def __init__(self, limit: int = 256):
        self.data: dict[str, bytes] = {}
        self.limit = limit

    def get(self, key: str) -> bytes | None:
        return self.data.get(key)

    def set(self, key: str, value: bytes) -> None:
        if len(self.data) >= self.limit:
            self.data.clear()
        self.data[key] = value


def _folder(app: Flask, endpoint: str) -> Path | None:
    if endpoint == "static":
        return Path(app.static_folder) if app.static_folder else None
    bp = app.blueprints.get(endpoint.rsplit(".", 1)[0])
    return Path(bp.static_folder) if bp is not None and bp.static_folder else None


def _in_memory(view):
    """The file's bytes instead of a file stream: static files are small, and Flask-Compress then
    compresses each version once and keeps it, instead of compressing the stream on every request."""

    @functools.wraps(view)
    def read(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        if response.status_code == 200 and response.direct_passthrough:
            stream = response.response
            try:
                data = b"".join(stream)
            finally:
                if hasattr(stream, "close"):
                    stream.close()
            response.direct_passthrough = False
            response.set_data(data)
        return response

    return read


def init_app(app: Flask) -> None:
    versions: dict[tuple[str, str], str | None] = {}

    def version(endpoint: str, filename: str) -> str | None:
        key = (endpoint, filename)
        if key not in versions or app.debug:
            folder = _folder(app, endpoint)
            path = (folder / filename) if folder else None
            try:
                ok = path is not None and path.resolve().is_relative_to(folder.resolve()) and path.is_file()
                versions[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:10] if ok else None
            except OSError:
                versions[key] = None
        return versions[key]

    @app.url_defaults
    def add_version(endpoint: str, values: dict) -> None:
        if (
            (endpoint == "static" or endpoint.endswith(".static"))
            and "filename" in values
            and "v" not in values
        ):
            v = version(endpoint, values["filename"])
            if v:
                values["v"] = v

    plain_max_age = app.get_send_file_max_age

    def max_age(filename: str | None) -> int | None:
        endpoint = request.endpoint or ""
        if filename and request.args.get("v") and request.args.get("v") == version(endpoint, filename):
            return YEAR
        return plain_max_age(filename)

    app.get_send_file_max_age = max_age  # type: ignore[method-assign]

    @app.after_request
    def immutable(response):
        endpoint = request.endpoint or ""
        if (endpoint == "static" or endpoint.endswith(".static")) and response.cache_control.max_age == YEAR:
            response.cache_control.public = True
            response.cache_control.immutable = True
        return response

    app.config.setdefault("COMPRESS_REGISTER", False)  # pages are not compressed (see above)
    app.config.setdefault("COMPRESS_MIN_SIZE", 300)
    app.config.setdefault("COMPRESS_CACHE_BACKEND", _MemoryCache)
    app.config.setdefault("COMPRESS_CACHE_KEY", lambda req: req.full_path)
    app.config.setdefault(
        "COMPRESS_MIMETYPES", ["text/css", "text/javascript", "application/javascript", "image/svg+xml"]
    )
    compress = Compress(app)
    for endpoint, view in list(app.view_functions.items()):
        if endpoint == "static" or endpoint.endswith(".static"):
            app.view_functions[endpoint] = compress.compressed()(_in_memory(view))

    @app.get("/favicon.ico")
    def favicon():
        """Browsers ask for /favicon.ico by themselves; the icon is an SVG with a versioned address."""
        return redirect(url_for("static", filename="favicon.svg"), 301)
