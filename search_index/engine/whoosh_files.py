"""Whoosh's files inside a segment read from the segment's memory map, not from a copy of it.

Whoosh maps each segment file (`*.seg`, a compound file) and opens the files inside it as a
`BufferFile`: positional reads (`get`, `get_array`) come from the map, but the file also wraps a
`BytesIO` of the whole region for reads in sequence (`seek`, `read`), and `BytesIO` copies it. A
segment's terms (`.trm`) and postings (`.pst`) were so held twice: the copy (4 MB at 10,000 entries,
for as long as a generation is open) and the map's pages, all read by the copy when the index
opened. Here the reads in sequence come from the map as well (`MapFile`), so only the pages a search
reads are ever in memory. The bytes read are the map's, so every term, posting and score is the same
(tests/test_engine.py reads a whole index both ways).

`install()` puts `MapBufferFile` where Whoosh's compound storage makes its files; it changes nothing
else of Whoosh (in-memory storage and the files being written keep `BytesIO`).

A page of a map, once read, stays in the process until it is given back. Opening a generation reads
every stored document (the entries, decoded once and kept), so a 10,000-entry index's segments were
9 MB resident from then on, though a search reads only the terms and postings it needs.
`give_back(reader)` hands the pages of a reader's segment maps back to the system
(`madvise(MADV_DONTNEED)`): they stay in the system's file cache, and a later read maps them again,
with the same bytes. It reaches the maps through `SegmentReader.storage()`, Whoosh's `OverlayStorage`
over the segment's `CompoundStorage`, and that storage's map (`_source`); tests/test_engine.py
pins that path.
"""

from __future__ import annotations

import mmap

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile

_LINE_CHUNK = 256  # bytes looked through at a time for the end of a line
_DONTNEED = getattr(mmap, "MADV_DONTNEED", None)  # Linux and most Unixes; elsewhere pages stay


class MapFile:
    """A read-only file over a memoryview (part of a memory map), as `BytesIO(view)` reads, without
    copying the view."""

    __slots__ = ("_view", "_pos", "closed")

    def __init__(self, view: memoryview):
        self._view = view
        self._pos = 0
        self.closed = False

    def read(self, size: int | None = -1) -> bytes:
        pos, length = self._pos, len(self._view)
        end = length if size is None or size < 0 else min(pos + size, length)
        if end <= pos:
            return b""
        self._pos = end
        return self._view[pos:end].tobytes()

    def readline(self, size: int | None = -1) -> bytes:
        view, pos = self._view, self._pos
        end = len(view) if size is None or size < 0 else min(pos + size, len(view))
        stop = pos
        while stop < end:
            chunk = view[stop : min(stop + _LINE_CHUNK, end)].tobytes()
            found = chunk.find(b"\n")
            if found >= 0:
                stop += found + 1
                break
            stop += len(chunk)
        self._pos = max(stop, pos)
        return view[pos : self._pos].tobytes()

    def readinto(self, buffer) -> int:
        out = memoryview(buffer).cast("B")
        data = self.read(len(out))
        out[: len(data)] = data
        return len(data)

    def __iter__(self):
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = 0) -> int:
        if whence == 0:
            if offset < 0:
                raise ValueError(f"negative seek value {offset}")
        elif whence in (1, 2):  # as BytesIO: before the start is the start
            offset = max(0, offset + (self._pos if whence == 1 else len(self._view)))
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        self._pos = offset
        return offset

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self.closed = True


class MapBufferFile(BufferFile):
    """Whoosh's `BufferFile` with its reads in sequence from the view itself (`MapFile`)."""

    def __init__(self, buf, name=None, onclose=None):
        self._buf = buf
        self._name = name
        self.file = MapFile(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False


def install() -> None:
    """Have Whoosh's compound (segment) storage open its files as `MapBufferFile`s."""
    compound.BufferFile = MapBufferFile


def segment_maps(reader) -> list[mmap.mmap]:
    """The memory maps of a Whoosh reader's compound segments (`*.seg`), one per segment that is
    mapped (a segment read without a map, or not compound, has none)."""
    maps = []
    for leaf, _ in reader.leaf_readers():
        storage = leaf.storage()
        source = getattr(getattr(storage, "a", storage), "_source", None)  # OverlayStorage(compound, ...)
        if isinstance(source, mmap.mmap):
            maps.append(source)
    return maps


def give_back(reader) -> None:
    """Hand the pages of the reader's segment maps read so far back to the system (see the top of
    this module). Safe while other threads read them: they map the pages again."""
    if _DONTNEED is None:
        return
    for source in segment_maps(reader):
        try:
            source.madvise(_DONTNEED)
        except (OSError, ValueError):  # ValueError: the map was closed with its reader
            pass
