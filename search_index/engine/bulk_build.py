"""The writer of a full build: documents into a new index, in this process or split across workers.

Documents come in *batches*: a batch is a picklable callable `batch(add) -> result` that calls
`add(document)` for each of its documents and returns whatever its caller wants back (the index
layer parses files in its batches, so the parsing runs in the workers too). With more than one
worker, each batch is built into its own segment by a separate process, and the segments are
committed together.

Two of Whoosh's costs matter at 10,000 entries, and are taken out here (tests/test_engine.py pins
the Whoosh behaviour this relies on):
- its posting pool checks the type of every posting and estimates its size in bytes (`LeanPool`);
- finishing a segment asks the on-disk length column for each posting's field length, three
  quarters of a million reads at 5,000 entries (`BuildWriter._flush_segment`, `LengthTable`).
(Whoosh's posting writer also checks each posting's types with `assert`; switching that off with
`python -O` saved about 2% of a build's CPU time, within the noise, so the workers run as this
process does.)
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import PostingPool, SegmentWriter

from .analysis import make_schema, whoosh_fields

log = logging.getLogger(__name__)

_POSTING_BYTES = 200  # about what one pooled posting tuple costs in memory
WRITER_LIMIT_MB = 512  # postings a build writer sorts in memory before spilling to disk

Batch = Callable[[Callable[[Any], None]], Any]


class LeanPool(PostingPool):
    """Whoosh's posting pool without its per-posting type checks and byte estimate: our postings
    are built by `index_words` (always bytes), and a build spills by count instead."""

    def __init__(self, tempstore, segment, limitmb: int):
        super().__init__(tempstore, segment, limitmb=limitmb)
        self._room = limitmb * 1024 * 1024 // _POSTING_BYTES

    def add(self, item) -> None:
        self.current.append(item)
        if len(self.current) >= self._room:
            self.save()


class BuildWriter(SegmentWriter):
    """A segment writer with the lean pool, whose segment is finished with each field's lengths
    read once into a list."""

    def __init__(self, ix, **kwargs):
        kwargs.setdefault("limitmb", WRITER_LIMIT_MB)
        super().__init__(ix, **kwargs)
        self.pool = LeanPool(self._tempstorage, self.newsegment, limitmb=kwargs["limitmb"])

    def add(self, doc) -> None:
        self.add_document(**whoosh_fields(doc))

    def _flush_segment(self):
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        lengths = LengthTable(pdr, self.docnum) if pdr else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if pdr:
            pdr.close()


class LengthTable:
    """`doc_field_length` of a per-document reader, from one read of each field's lengths."""

    def __init__(self, pdr, doc_count: int):
        self._pdr, self._count, self._fields = pdr, doc_count, {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        try:
            return self._fields[fieldname][docnum]
        except KeyError:
            self._fields[fieldname] = [
                self._pdr.doc_field_length(n, fieldname, default) for n in range(self._count)
            ]
            return self._fields[fieldname][docnum]


def build(gen: Path, batches: Sequence[Batch], workers: int = 1) -> list:
    """Write a new index of the batches' documents in `gen` (an empty folder); their results, in
    order. With `workers` > 1 the batches are built by up to that many processes at a time (one
    segment each); if no worker can run here, everything is built in this process."""
    ix = whoosh_index.create_in(str(gen), make_schema())
    try:
        if workers > 1 and len(batches) > 1:
            try:
                return _build_in_processes(ix, gen, batches, workers)
            except (OSError, RuntimeError, EOFError, ValueError) as exc:  # no workers here
                log.warning("parallel build failed (%s); building in one process", exc)
                _clear(gen)
                ix = whoosh_index.create_in(str(gen), make_schema())
        writer = BuildWriter(ix)
        try:
            results = [batch(writer.add) for batch in batches]
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return results
    finally:
        ix.close()


def _clear(gen: Path) -> None:
    for p in gen.iterdir():
        if p.is_file():
            p.unlink(missing_ok=True)


def _build_part(gen: str, batch: Batch) -> tuple[Any, Any]:
    """In a worker process: index one batch into one new segment of the index at `gen`."""
    ix = whoosh_index.open_dir(gen)
    writer = BuildWriter(ix, _lk=False)
    # Whoosh names every writer's scratch folder the same; give this one its own, or the first
    # worker to finish deletes the others' sorted runs
    writer._tempstorage = writer.pool.tempstore = ix.storage.temp_storage(
        f".{ix.indexname}-{os.getpid()}.tmp"
    )
    result = batch(writer.add)
    if writer._added:
        segment = writer._finalize_segment()
    else:
        writer._close_segment()
        segment = None
    writer._finish()
    ix.close()
    return result, segment


def _build_in_processes(ix, gen: Path, batches: Sequence[Batch], workers: int) -> list:
    """Build each batch into one segment, up to `workers` processes at a time, then commit the
    segments together.

    The workers are plain `python -c` processes (not multiprocessing), so they start the same way
    whatever the parent is: a threaded server, `python -m signpost`, or a script read from stdin.
    """
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    )
    code = "import sys; from search_index.engine.bulk_build import _worker; _worker(sys.argv[1], sys.argv[2])"

    def start(i: int):
        job, out = gen / f".build-{i}.job", gen / f".build-{i}.out"
        job.write_bytes(pickle.dumps((str(gen), batches[i])))
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(job), str(out)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        return proc, out

    running: list = []
    parts: list[tuple[Any, Any]] = []
    try:
        queue = list(range(len(batches)))
        while queue or running:
            while queue and len(running) < workers:
                running.append(start(queue.pop(0)))
            proc, out = running.pop(0)  # batches finish in about the order they started
            _, err = proc.communicate()
            if proc.returncode != 0 or not out.is_file():
                raise RuntimeError(f"index worker failed: {err.decode(errors='replace').strip()[-500:]}")
            parts.append(pickle.loads(out.read_bytes()))
    finally:
        for proc, _ in running:
            if proc.poll() is None:
                proc.kill()
            proc.communicate()  # waits, and closes its pipe
        for p in gen.glob(".build-*"):
            p.unlink(missing_ok=True)
    writer = ix.writer()
    writer._close_segment()
    writer._commit_toc([segment for _, segment in parts if segment is not None])
    writer._finish()
    return [result for result, _ in parts]


def _worker(job: str, out: str) -> None:
    """Entry point of a build worker process: read the job, build its segment, write the result."""
    gen, batch = pickle.loads(Path(job).read_bytes())
    part = _build_part(gen, batch)
    tmp = Path(out).with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(part))
    os.replace(tmp, out)
