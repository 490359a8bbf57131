"""`signpost serve`: the website under waitress, ready on a fresh machine with no other setup."""

from __future__ import annotations

import ctypes
import gc
import logging
import os
from pathlib import Path

import click

from search_index import index_exists, setup_notes

from .cmd_content import build
from .config import resolve_paths
from .options import CliError, content_option, db_option, index_option

THREADS = 4  # the pages are CPU work under one interpreter lock: more threads only queue inside it
MALLOC_ARENAS = 2
MALLOC_MMAP_THRESHOLD = 1024 * 1024


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Ask glibc for at most `arenas` heaps, as `MALLOC_ARENA_MAX` would (unless that is set).

    glibc gives each thread that allocates its own heap. With waitress's threads and an index
    reopened after every edit, those heaps fragment, and a server that needs 120 MB grew to 170 MB
    and more under load; with two it stays near what it needs. Elsewhere (not glibc) nothing happens.
    """
    return _mallopt("MALLOC_ARENA_MAX", _M_ARENA_MAX, arenas)


def large_blocks_own_pages(threshold: int = MALLOC_MMAP_THRESHOLD) -> bool:
    """Ask glibc to give each block of `threshold` bytes or more pages of its own, handed back to the
    system when it is freed, as `MALLOC_MMAP_THRESHOLD_` would (unless that is set).

    glibc otherwise raises that threshold to the largest such block freed so far (up to 32 MB).
    Opening an index reads and decodes files of several MB; after that, blocks up to that size came
    from the heap and their space stayed, fragmented. A search's own blocks are smaller than 1 MB,
    so searching is unchanged. At 10,000 entries: about 6 MB less after warm-up.
    """
    return _mallopt("MALLOC_MMAP_THRESHOLD_", _M_MMAP_THRESHOLD, threshold)


def _mallopt(variable: str, param: int, value: int) -> bool:
    """glibc's `mallopt(param, value)`, unless the operator set `variable` (their setting wins); False
    where there is no glibc."""
    if os.environ.get(variable):
        return False
    try:
        return bool(ctypes.CDLL(None).mallopt(param, value))
    except (OSError, AttributeError):
        return False


_M_ARENA_MAX = -8  # from glibc's malloc.h
_M_MMAP_THRESHOLD = -3


@click.command()
@content_option
@index_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 for every interface).",
)
@click.option(
    "--port", default=5000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@db_option("SQLite file for the (anonymous) search statistics. Default: ./var/signpost.db, or $SIGNPOST_DB.")
def serve(content: Path | None, index: Path | None, host: str, port: int, db: Path | None) -> None:
    """Run the website (English at /, Welsh at /cy/); builds the index on first start."""
    limit_malloc_arenas()  # first, before any thread allocates
    large_blocks_own_pages()
    from waitress import serve as waitress_serve

    from directory import create_app, request_body_limit
    from directory.settings import persistent_secret_key

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    paths = resolve_paths(content=content, index=index, db=db)
    if not index_exists(paths.index):
        report = build(paths)
        click.echo(f"{report.summary()} (first run)", err=True)
    try:
        app = create_app(
            {
                "CONTENT_DIR": paths.content,
                "INDEX_DIR": paths.index,
                "DB_PATH": paths.db,
                "SECRET_KEY": persistent_secret_key(),
            }
        )
        app.extensions["signpost"].index  # noqa: B018  (opened now; rebuilt in full if it cannot be)
    except (OSError, ValueError) as exc:  # ValueError: a SIGNPOST_* setting that is not a number
        raise CliError(f"cannot start the website: {exc}") from None
    # what was loaded to start (the index, templates, catalogues) stays for the life of the server:
    # keep it out of the garbage collector's full passes, which otherwise stop every request
    for note in setup_notes():
        click.echo(f"note: {note}", err=True)
    gc.collect()
    gc.freeze()
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"Signpost is running at http://{shown}:{port}/ (Welsh: http://{shown}:{port}/cy/). Press Ctrl+C to stop."
    )
    try:
        waitress_serve(
            app,
            host=host,
            port=port,
            threads=THREADS,
            ident="Signpost",
            max_request_body_size=request_body_limit(app),  # else waitress buffers up to 1 GiB first
        )
    except OSError as exc:
        raise CliError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}); is something else using it? "
            f"Try --port {port + 1}"
        ) from None
