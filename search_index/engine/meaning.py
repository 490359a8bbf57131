"""The meaning layer: static word embeddings, so "unemployed" finds the jobcentre.

The model is WordLlama's `l2_supercat` (256 dimensions, 32,000 tokens, 16 MB), shipped inside the
`wordllama` wheel as two files: ``tokenizers/l2_supercat_tokenizer_config.json`` and
``weights/l2_supercat_256.safetensors``. We read those two files by path (the tokenizer with
`tokenizers`, the weights by the safetensors format) and pool the token vectors ourselves, exactly
as `WordLlamaInference.embed` does (the mean of the token vectors; tests/test_meaning.py pins that
the two agree). The weights are mapped from the file (see `MappedFile`), not copied. We do not
call `WordLlama.load()`: it looks for the tokenizer in the wrong folder and then downloads; nor
import `wordllama` itself, whose import configures the root logger. Nothing here touches the network.

A text's vector is the mean of its tokens' vectors, scaled to length 1; two texts are close in
meaning when the dot product of their vectors is high. A word's *weight* (how much it says) comes
from the model too, two ways: the length of its (unscaled) vector, short for function and filler
words ("the" 1.6, "up" 4.9, "no" 8.2) and long for words that carry meaning ("food" 12.9, "youth"
19.7); and, for a word that is one token, its place in the vocabulary, whose tokens are numbered in
order of frequency ("no" 694, "run" 1065, "help" 1371, "food" 9687, "meter" 11134). So filler
never carries a match on its own.

`MeaningModel.load()` never raises: when the files are missing or damaged it logs one warning and
returns None, and search works on words alone.
"""

from __future__ import annotations

import logging
import math
import mmap
import threading
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MODEL_PACKAGE = "wordllama"
TOKENIZER_FILE = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
WEIGHTS_FILE = Path("weights") / "l2_supercat_256.safetensors"
TENSOR_KEY = "embedding.weight"
VECTORS_FILE = "meaning.npy"  # entry vectors of one index generation (float16, one row per entry)
SLUGS_FILE = "meaning.json"  # which entry each row is, and the model the vectors came from
EMBED_COPY_FROM = 500  # from this many texts at once, embed from a float32 copy of the model
WEIGHT_FLOOR = 8.0  # word vectors this short weigh least ("the", "up", "no", "help")
WEIGHT_FULL = 12.0  # and this long or longer carry full weight
RANK_COMMON = 700  # a whole word this early in the model's vocabulary ("no", "up", "out") weighs least
RANK_RARE = 8000  # and from this far on ("food", "gas", "meter") fully
WEIGHT_MIN = 0.15  # but a word (not a number) always weighs a little: the model's lengths are rough
# Roles a word of a message may play beside the need it states: who it is about ("my wife"), when
# ("on Monday"), buying and selling ("where can I buy"), or being short of money ("can't afford").
# Each role is a few plain words; a resident's word plays it as far as its mean cosine with the three
# closest of them goes from the role's floor to its full mark. The model places "sunday", "cousin" or
# "purchasing" near these words without their being listed. The marks of trade and hardship are
# higher (their words are close to one another): "cheap" is neither.
WORD_ROLES = {
    "when": (
        "day week month year morning afternoon evening night today yesterday tomorrow weekend",
        0.15,
        0.25,
    ),
    "who": (
        "wife husband mother father son daughter brother sister friend neighbour partner grandmother",
        0.15,
        0.25,
    ),
    "trade": ("buy sell shop store purchase price", 0.35, 0.5),
    "hardship": ("money afford poor broke", 0.35, 0.5),
}
ROLE_TOP = 3
_DONTNEED = getattr(mmap, "MADV_DONTNEED", None)  # Linux and most Unixes; elsewhere pages stay


class ModelCache:
    """Models read from their folders once per process. A model that cannot be read is remembered as
    None and warned of once (each module that loads a model keeps one: this one for the word vectors)."""

    def __init__(self, logger: logging.Logger):
        self.log = logger
        self.lock = threading.Lock()
        self.loaded: dict[str, object] = {}
        self.warned: set[str] = set()

    def get(self, folder: Path | None, build: Callable[[Path], object], missing: str, off: str):
        """The model `build` reads from `folder`; None (one warning: `off`, then why) when it cannot be;
        `missing` says why when there is no folder."""
        key = str(folder)
        with self.lock:
            if key in self.loaded:
                return self.loaded[key]
            try:
                if folder is None:
                    raise FileNotFoundError(missing)
                model = build(folder)
            except Exception as exc:  # any failure: the caller goes on without this model
                model = None
                self.warn_once(key, f"{off}: {problem(exc)}")
            self.loaded[key] = model
            return model

    def run(self, load: Callable[[], object], work: Callable[[object], object], key: str, failed: str):
        """`work(model)` with the model `load()` gives; None when there is none, or when either fails
        (one warning, `failed` then why, under `key`). Never raises: callers go on without the model."""
        try:
            model = load()
            return None if model is None else work(model)
        except Exception as exc:  # a damaged model found late
            self.warn_once(key, f"{failed}: {problem(exc)}")
            return None

    def warn_once(self, key: str, message: str) -> None:
        if key not in self.warned:
            self.warned.add(key)
            self.log.warning("%s", message)


_MODELS = ModelCache(log)
_LOADED = _MODELS.loaded
_WARNED = _MODELS.warned
_warn_once = _MODELS.warn_once


def model_dir() -> Path | None:
    """Where the installed `wordllama` package keeps its files (without importing it)."""
    spec = find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


class MeaningModel:
    """WordLlama's token vectors and tokenizer, read from the files its wheel ships."""

    name = "wordllama-l2_supercat_256"

    def __init__(self, tokenizer, vectors, mapped: MappedFile | None = None):
        import numpy as np

        self._np = np
        self._tokenizer = tokenizer
        self._vectors = vectors  # float16, (tokens, dimensions): kept as shipped, 16 MB
        self._mapped = mapped  # the file `vectors` are mapped from, if they are
        self.dimensions = int(vectors.shape[1])

    @classmethod
    def from_files(cls, folder: Path) -> MeaningModel:
        """Read the model from `folder` (the package's folder); raises when it cannot."""
        import numpy as np
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        mapped = MappedFile(folder / WEIGHTS_FILE)
        vectors = mapped.tensor(TENSOR_KEY)
        if vectors.ndim != 2 or vectors.shape[0] < tokenizer.get_vocab_size() or vectors.shape[1] < 8:
            raise ValueError(f"unexpected model shape {vectors.shape}")
        if not np.isfinite(vectors[: min(len(vectors), 1000)].astype(np.float32)).all():
            raise ValueError("the model's vectors are damaged (not finite numbers)")
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return cls(tokenizer, vectors, mapped)

    @classmethod
    def load(cls, folder: Path | None = None) -> MeaningModel | None:
        """The model, loaded once per process; None (with one warning logged) when it cannot be."""
        return _MODELS.get(  # any failure: search goes on with words alone
            folder or model_dir(),
            cls.from_files,
            f"the {MODEL_PACKAGE} package is not installed",
            "search by meaning is off, words alone are searched",
        )

    def give_back(self) -> None:
        """Hand the pages of the word vectors read so far back to the system (`MappedFile.give_back`):
        search does after each message, so the site holds the pages one message reads (most
        messages read 10-40 rows; the longest a few hundred), not all 16 MB."""
        if self._mapped is not None:
            self._mapped.give_back()

    # --- vectors -------------------------------------------------------------------------------
    def _token_vectors(self, text: str):
        ids = self._tokenizer.encode(text, add_special_tokens=False).ids
        return self._vectors[ids].astype(self._np.float32) if ids else None

    def embed(self, texts: list[str]):
        """One unit-length vector per text (float32, (len(texts), dimensions)); zeros for no tokens."""
        np = self._np
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        # many texts (a build): a float32 copy of the table for the while (33 MB, 4x faster to read)
        table = self._vectors.astype(np.float32) if len(texts) >= EMBED_COPY_FROM else self._vectors
        if len(texts) >= EMBED_COPY_FROM:  # in parallel threads
            encoded = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        else:  # a few words of a message: without starting the tokenizer's threads
            encoded = [self._tokenizer.encode(t, add_special_tokens=False) for t in texts]
        for i, enc in enumerate(encoded):
            if enc.ids:
                out[i] = table[enc.ids].mean(axis=0, dtype=np.float32)
        return _unit(np, out)

    def vector(self, weighted: dict[str, float]):
        """The vector of a query: its words' vectors (token means), each times its weight, summed
        and scaled to length 1. None when no word has any tokens."""
        np = self._np
        total = np.zeros(self.dimensions, dtype=np.float32)
        for word, w in weighted.items():
            tokens = self._token_vectors(word)
            if tokens is not None and w > 0:
                total += tokens.mean(axis=0) * w
        n = float(np.linalg.norm(total))
        return total / n if n > 0 else None

    def is_word(self, word: str) -> bool:
        """Is this a whole word of the model's vocabulary (a common English word, not a typo)?"""
        return self._tokenizer.token_to_id("\u2581" + word) is not None

    @lru_cache(maxsize=20000)  # noqa: B019 - one model per process, kept for its life
    def weight(self, word: str) -> float:
        """How much a word says, 0..1: least for "the", "up", "out", "help", nothing for a number."""
        tokens = self._token_vectors(word)
        if tokens is None:
            return 0.0
        if not any(c.isalpha() for c in word):  # a bare number says nothing ("30"); "ll13" or "zq0" may
            return 0.0
        length = float(self._np.linalg.norm(tokens, axis=1).max())
        weight = (length - WEIGHT_FLOOR) / (WEIGHT_FULL - WEIGHT_FLOOR)
        rank = self._tokenizer.token_to_id("\u2581" + word)
        if rank is not None:  # a whole word of the vocabulary, which is in order of frequency
            weight = min(weight, math.log(max(rank, 1) / RANK_COMMON) / math.log(RANK_RARE / RANK_COMMON))
        return min(1.0, max(WEIGHT_MIN, weight))


def _base_forms(word: str) -> list[str]:
    """The word, then what it may be without an English ending: "shops" shop, "buying" buy,
    "hiring" hire, "shopping" shop, "churches" church, "mondays" monday ("shoes" is not "sho", nor
    "boss" "bos")."""
    forms = [word]
    for ending in ("ing", "ed", "s", "es"):
        base = word[: -len(ending)]
        if not word.endswith(ending) or len(base) < 3:
            continue
        if ending == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
            continue
        if ending == "s" and base.endswith(("s", "u", "i")):  # "boss", "bonus", "basis": no plural "s"
            continue
        forms += [base, base + "e"] if ending in ("ing", "ed") else [base]
        if ending in ("ing", "ed") and len(base) >= 4 and base[-1] == base[-2]:
            forms.append(base[:-1])
    return forms


def embed(texts: list[str]):
    """One unit-length vector per text (float32 rows; zeros for a text without tokens) from the
    bundled model, for callers outside the engine (crisis detection compares a message with example
    sentences); None when the model cannot be loaded (one warning is logged). Never raises."""
    return _MODELS.run(
        MeaningModel.load, lambda m: m.embed([str(t) for t in texts]), "embed", "embedding failed"
    )


class MappedFile:
    """A safetensors file mapped read-only: its tensors are read from the map rather than copied, so
    processes on one machine (the site, the bot) share its pages and loading never holds two copies.

    A page read stays in the process until it is given back (`give_back`): a message reads a few
    rows of a table, but over a few hundred messages nearly every page of it had been read (the system
    maps the pages around each one read as well), and the word vectors' 16 MB stayed resident. Given
    back, the pages stay in the system's file cache and a later read maps them again, with the same
    bytes: nothing read from the map changes."""

    def __init__(self, path: Path):
        self.path = path
        self.header = _read_header(path)
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

    def tensor(self, key: str, dtype: str = "F16"):
        """Tensor `key` (float16, or float32 with `dtype="F32"`), read-only, from the map. Raises
        ValueError when the file does not hold that tensor in that type."""
        import numpy as np

        offset, shape, kind = _tensor_place(self.path, self.header, key, dtype)
        return np.frombuffer(self._map, dtype=kind, count=math.prod(shape), offset=offset).reshape(shape)

    def give_back(self) -> None:
        """Hand the pages read so far back to the system (`madvise(MADV_DONTNEED)`; where there is no
        such call they stay). Safe while other threads read the tensors: they map the pages again."""
        if _DONTNEED is not None:
            try:
                self._map.madvise(_DONTNEED)
            except (OSError, ValueError):
                pass


def _read_header(path: Path) -> tuple[dict, int]:
    """A safetensors file's header and where its data starts: the format is an 8-byte header length,
    a JSON header (each tensor's dtype, shape and data offsets) and the raw data."""
    import json

    with open(path, "rb") as f:
        size = int.from_bytes(f.read(8), "little")
        if not 0 < size < 10_000_000:
            raise ValueError(f"{path.name} is not a safetensors file")
        header = json.loads(f.read(size))
    return (header if isinstance(header, dict) else {}), 8 + size


def _tensor_place(path: Path, header: tuple[dict, int], key: str, dtype: str):
    """Where tensor `key` starts in the file (`header` from `_read_header`), its shape and its NumPy
    type. Raises ValueError when the file does not hold that tensor in that type, whole."""
    import numpy as np

    tensors, data_start = header
    info = tensors.get(key)
    kinds = {"F16": np.float16, "F32": np.float32}
    if not isinstance(info, dict) or info.get("dtype") != dtype or dtype not in kinds:
        raise ValueError(f"{path.name} has no {dtype} tensor {key!r}")
    shape = tuple(int(n) for n in info["shape"])
    start, end = (int(n) for n in info["data_offsets"])
    kind = np.dtype(kinds[dtype])
    if end - start != kind.itemsize * math.prod(shape) or data_start + end > path.stat().st_size:
        raise ValueError(f"{path.name} is cut short or damaged")
    return data_start + start, shape, kind


def _own_pages(shape: tuple[int, int], dtype):
    """A zeroed array in its own anonymous memory map, given back to the system when it is freed.
    (From malloc, glibc keeps freed blocks this big after the first one for reuse, and a server that
    opens a generation every few seconds grew by tens of MB.)"""
    import numpy as np

    size = max(1, shape[0] * shape[1] * np.dtype(dtype).itemsize)
    return np.frombuffer(mmap.mmap(-1, size), dtype=dtype, count=shape[0] * shape[1]).reshape(shape)


def _unit(np, m):
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def problem(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def status() -> str | None:
    """None when search by meaning works, else a sentence saying why it is off (for check/serve)."""
    folder = model_dir()
    if MeaningModel.load(folder) is not None:
        return None
    if folder is None:
        return f"search by meaning is off: the {MODEL_PACKAGE} package is not installed; words alone are searched"
    return "search by meaning is off: its model files are missing or damaged; words alone are searched"


# --- entry vectors, stored with each index generation -------------------------------------------


def entry_text(entry, categories: dict | None = None) -> str:
    """What an entry is about, for its vector: title, summary, tags, questions, and its categories
    (their names when given, else their ids as words: "mental-health" -> "mental health")."""
    if categories is not None:
        names = [categories[c].name for c in entry.categories if c in categories]
    else:
        names = [c.replace("-", " ") for c in entry.categories]
    return " . ".join(
        part
        for part in [
            entry.title,
            entry.summary,
            ", ".join(entry.tags),
            " ".join(entry.questions),
            ", ".join(names),
        ]
        if part
    )


class EntryVectors:
    """The entry vectors of one index generation: slug -> row of a float16 matrix."""

    def __init__(self, slugs: list[str], matrix, model_name: str):
        self.slugs = slugs
        self.row = {s: i for i, s in enumerate(slugs)}
        self.matrix = matrix
        self.model_name = model_name

    @classmethod
    def read(cls, gen: Path) -> EntryVectors | None:
        """The generation's vectors; None when it has none or they cannot be read (logged once)."""
        import json

        import numpy as np

        try:
            info = json.loads((gen / SLUGS_FILE).read_text(encoding="utf-8"))
            matrix = np.load(gen / VECTORS_FILE, allow_pickle=False, mmap_mode="r")  # mapped, not copied
            slugs = list(info["slugs"])
            if matrix.ndim != 2 or matrix.shape[0] != len(slugs):
                raise ValueError("the vectors do not match their list of entries")
            return cls(slugs, matrix, str(info.get("model", "")))
        except FileNotFoundError:
            return None
        except Exception as exc:
            _warn_once(
                f"vectors:{gen}",
                f"{gen.name}: the entry vectors cannot be read ({problem(exc)}); they are made again",
            )
            return None

    def write(self, gen: Path) -> None:
        """Write beside the index (new files swapped in: the old ones may be another generation's links)."""
        import json
        import os

        import numpy as np

        tmp = gen / f".{VECTORS_FILE}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            np.save(f, np.asarray(self.matrix, dtype=np.float16), allow_pickle=False)
        os.replace(tmp, gen / VECTORS_FILE)
        tmp = gen / f".{SLUGS_FILE}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"model": self.model_name, "slugs": self.slugs}), encoding="utf-8")
        os.replace(tmp, gen / SLUGS_FILE)


def build_vectors(texts: dict[str, str], model: MeaningModel | None = None) -> EntryVectors | None:
    """Vectors for every entry (`texts`: slug -> `entry_text`); None when the model is off."""
    model = model or MeaningModel.load()
    if model is None:
        return None
    slugs = list(texts)
    return EntryVectors(slugs, model.embed([texts[s] for s in slugs]).astype("float16"), model.name)


def update_vectors(
    old: EntryVectors | None, changed: dict[str, str], removed: list[str]
) -> EntryVectors | None:
    """`old` with the changed entries' vectors made again and the removed ones dropped."""
    model = MeaningModel.load()
    if model is None:
        return None
    import numpy as np

    if old is None or old.model_name != model.name:
        return None  # the caller rebuilds them all
    gone = set(removed) | set(changed)
    keep = [s for s in old.slugs if s not in gone]
    rows = [old.row[s] for s in keep]
    new = list(changed)
    matrix = _own_pages((len(rows) + len(new), old.matrix.shape[1]), np.float16)
    for at in range(0, len(rows), 1024):  # in runs: no second copy of the whole matrix on the way
        chunk = rows[at : at + 1024]
        matrix[at : at + len(chunk)] = old.matrix[chunk]
    if new:
        matrix[len(rows) :] = model.embed([changed[s] for s in new])
    return EntryVectors(keep + new, matrix, model.name)


class EntryVectorsExtra:
    """The entry vectors as a per-generation artefact of the engine (see `Extra` in engine/__init__):
    made at a full build, carried over and updated for the changed entries at an update, read when a
    generation is opened. When the model is off nothing is written; opening then embeds the entries."""

    name = "meaning"

    def build(self, gen: Path, docs) -> None:
        vectors = build_vectors({key: entry_text(entry) for key, entry in docs})
        if vectors is not None:
            vectors.write(gen)

    def update(self, old: Path, new: Path, changed, removed) -> None:
        texts = {key: entry_text(entry) for key, entry in changed}
        vectors = update_vectors(EntryVectors.read(old), texts, list(removed))
        if vectors is not None:
            vectors.write(new)

    def open(self, gen: Path) -> EntryVectors | None:
        return EntryVectors.read(gen)


class MeaningIndex:
    """Search by meaning over one opened generation: the model and every visible entry's vector.

    `stored` are the generation's vectors (None when it has none); `entries` (slug -> entry) are the
    ones to search, and those without a stored vector (an index from before this layer, or built
    while the model was off) are embedded now, from `text(entry)`. Never raises: `ok`
    is False when the model is off.
    """

    def __init__(self, stored: EntryVectors | None, entries: dict, text: Callable[[Any], str]):
        self.model = MeaningModel.load()
        self._text_vectors: dict[str, Any] = {}  # text -> its vector (see `closeness_to_texts`)
        self._roles: dict[str, Any] | None = None  # the vectors of WORD_ROLES' words (see `roles`)
        self.slugs: list[str] = []
        self.row: dict[str, int] = {}
        self.matrix = None
        if self.model is None:
            return
        try:
            import numpy as np

            if stored is not None and stored.model_name != self.model.name:
                stored = None
            have = [s for s in entries if stored is not None and s in stored.row]
            missing = [s for s in entries if stored is None or s not in stored.row]
            # float32 in memory (stored as float16: products of float16 run ~50x slower), filled in
            # runs so that no second copy of the whole matrix is made on the way
            matrix = _own_pages((len(have) + len(missing), self.model.dimensions), np.float32)
            rows = [stored.row[s] for s in have] if have else []
            for at in range(0, len(rows), 1024):
                chunk = rows[at : at + 1024]
                matrix[at : at + len(chunk)] = stored.matrix[chunk]
            if missing:
                matrix[len(have) :] = self.model.embed([text(entries[s]) for s in missing])
            self.slugs = have + missing
            self.row = {s: i for i, s in enumerate(self.slugs)}
            self.matrix = matrix if len(matrix) else None
        except Exception as exc:
            _warn_once("index", f"search by meaning is off for this index: {problem(exc)}")
            self.model, self.slugs, self.matrix = None, [], None

    @property
    def ok(self) -> bool:
        return self.model is not None and self.matrix is not None

    def give_back(self) -> None:
        """Hand the pages of the model's word vectors read so far back to the system (see
        `MeaningModel.give_back`); search does after each message."""
        if self.model is not None:
            self.model.give_back()

    def weight(self, word: str) -> float:
        """How much a word says (0..1); without the model every word but a number says all."""
        if self.model is None:
            return 1.0 if any(c.isalpha() for c in word) else 0.0
        try:
            return self.model.weight(word)
        except Exception:
            return 1.0

    def is_word(self, word: str) -> bool:
        """A common English word (so not a typo to correct); False when the layer is off."""
        try:
            return self.model is not None and self.model.is_word(word)
        except Exception:
            return False

    def closeness(self, words: list[str], slugs: list[str]) -> dict[str, list[float]]:
        """slug -> each word's own cosine similarity to that entry (empty when the layer is off)."""
        if not self.ok or not words or not slugs:
            return {}
        try:
            import numpy as np

            rows = [self.row[s] for s in slugs if s in self.row]
            known = [s for s in slugs if s in self.row]
            sims = np.einsum("ij,kj->ik", self.matrix[rows], self.model.embed(words))
            return {s: sims[i].tolist() for i, s in enumerate(known)}
        except Exception as exc:
            _warn_once("closeness", f"search by meaning failed, words alone are searched: {problem(exc)}")
            return {}

    def closeness_to_texts(self, words: list[str], texts: dict[str, str]) -> dict[str, list[float]]:
        """key -> each word's own cosine similarity to that text (the texts' vectors are made once and
        kept: a directory's category descriptions); empty when the layer is off."""
        if not self.ok or not words or not texts:
            return {}
        try:
            import numpy as np

            missing = [t for t in texts.values() if t not in self._text_vectors]
            if missing:
                for t, v in zip(missing, self.model.embed(missing), strict=True):
                    self._text_vectors[t] = v
            keys = list(texts)
            matrix = np.stack([self._text_vectors[texts[k]] for k in keys])
            sims = np.einsum("ij,kj->ik", matrix, self.model.embed(words))
            return {k: sims[i].tolist() for i, k in enumerate(keys)}
        except Exception as exc:
            _warn_once("texts", f"search by meaning failed, words alone are searched: {problem(exc)}")
            return {}

    def closest_part(self, words: list[str], parts: list[str]) -> list[float]:
        """Each word's highest cosine similarity to any one of `parts` (an entry's title, summary, tags
        and questions, each embedded on its own now and not kept: one entry's parts at a time, so memory
        does not grow with the directory); empty when the layer is off."""
        if not self.ok or not words or not parts:
            return []
        try:
            import numpy as np

            sims = np.einsum("ij,kj->ik", self.model.embed(parts), self.model.embed(words))
            return sims.max(axis=0).tolist()
        except Exception as exc:
            _warn_once("parts", f"search by meaning failed, words alone are searched: {problem(exc)}")
            return []

    def closest_text(self, vector, texts: list[str]) -> str | None:
        """Of `texts` (an entry's sentences, each embedded now and not kept), the one closest in meaning
        to `vector` (a query vector); None when the layer is off or there is none."""
        if not self.ok or vector is None or not texts:
            return None
        try:
            import numpy as np

            return texts[int(np.argmax(self.model.embed(texts) @ np.asarray(vector, dtype=np.float32)))]
        except Exception as exc:
            _warn_once("closest", f"search by meaning failed, words alone are searched: {problem(exc)}")
            return None

    def roles(self, words: list[str]) -> dict[str, list[float]]:
        """How far each word plays each role of WORD_ROLES (0..1): "sunday" and "week" when, "husband"
        and "cousin" who, "buying" and "shops" trade, "afford" hardship; "bailiffs", "dentist" and
        "rent" none. A word is judged as the model knows it whole (`_whole`); one it knows only in
        pieces is judged by their mean for who, and plays no other role ("nightclub" is "night" +
        "club", not when). All 0 when the layer is off."""
        none = {role: [0.0] * len(words) for role in WORD_ROLES}
        if self.model is None or not words:
            return none
        try:
            import numpy as np

            if self._roles is None:
                self._roles = {
                    role: self.model.embed([self._whole(w) or w for w in examples.split()])
                    for role, (examples, _, _) in WORD_ROLES.items()
                }
            forms = [self._whole(w) for w in words]
            vectors = self.model.embed([f or w for f, w in zip(forms, words, strict=True)])
            whole = np.array([f is not None for f in forms])
            out = {}
            for role, examples in self._roles.items():
                _, floor, full = WORD_ROLES[role]
                near = np.sort(vectors @ examples.T, axis=1)[:, -ROLE_TOP:].mean(axis=1)
                score = np.clip((near - floor) / (full - floor), 0.0, 1.0)
                out[role] = (score if role == "who" else score * whole).tolist()
            return out
        except Exception as exc:
            _warn_once("roles", f"search by meaning failed, words alone are searched: {problem(exc)}")
            return none

    def _whole(self, word: str) -> str | None:
        """The word as the model knows it whole: as written, capitalised ("Monday"), or the same for
        the word without an English ending ("shops", "buying", "hiring", "mondays"); None when the
        model knows it only in pieces."""
        for form in _base_forms(word):
            for written in (form, form.capitalize()):
                if self.model.is_word(written):
                    return written
        return None

    def vector(self, weighted: dict[str, float]):
        """The query vector of the weighted words (unit length, float32); None when the layer is off
        or no word has any tokens."""
        if not self.ok or not weighted:
            return None
        try:
            return self.model.vector(weighted)
        except Exception as exc:
            _warn_once("similar", f"search by meaning failed, words alone are searched: {problem(exc)}")
            return None

    def similar(
        self, weighted: dict[str, float], k: int, also: set[str] = frozenset(), vector=None
    ) -> dict[str, float]:
        """slug -> cosine similarity to the weighted words (or to their `vector`, made already), for
        the `k` closest entries and for the entries in `also` (empty when the layer is off)."""
        if not self.ok or not weighted:
            return {}
        try:
            import numpy as np

            q = self.model.vector(weighted) if vector is None else vector
            if q is None:
                return {}
            # einsum, not `@`: a matrix-vector product in OpenBLAS starts its threads, which on a busy
            # two-core machine took 15 ms instead of 1
            sims = np.einsum("ij,j->i", self.matrix, q)
            k = min(k, len(self.slugs))
            if k <= 0:
                top = []  # only the entries in `also` (a dict of all 10,000 cost a millisecond a search)
            elif k < len(self.slugs):
                top = np.argpartition(-sims, k - 1)[:k]
            else:
                top = range(len(self.slugs))
            out = {self.slugs[i]: float(sims[i]) for i in top}
            for s in also:
                i = self.row.get(s)
                if i is not None:
                    out[s] = float(sims[i])
            return out
        except Exception as exc:
            _warn_once("similar", f"search by meaning failed, words alone are searched: {problem(exc)}")
            return {}
