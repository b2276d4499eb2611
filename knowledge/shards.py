"""A library's vectors in Chroma collections of bounded size, so that a write loads only the one it adds to.

Embedded Chroma loads a collection's whole HNSW index (every vector and its links, ~2.2 KB a record) for any
write, count or read of it: in one collection that grows with the library, every ingest held the vectors of
every article (~112 MB at 1,000 articles). The library's collection (which carries the clean/generation marker)
is shard 0; `<name>-s1`, `<name>-s2`… follow. New records go to the last shard until it holds SHARD_RECORDS;
a search asks every shard and keeps the k nearest records of them all, as one collection would.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

SHARD_RECORDS = 32_000  # records (~70 MB of HNSW index) a shard takes before the next one starts
COUNTS_KEY = "shards"  # main collection metadata: JSON {shard name: records}, written when it is marked clean
PAGE = 2000  # records read or written per call


# How many candidates a search walks through the HNSW graph. Chroma's default (100) missed the sixth nearest
# record of 1,100 in a 10-article library when 80 were asked for; 400 finds it for under a millisecond more.
EF_SEARCH = 400
HNSW = {"space": "cosine", "ef_search": EF_SEARCH}


def tune_search(collection: Any) -> Any:
    """The collection, searching with EF_SEARCH (a collection made before it was raised is updated once)."""
    try:
        current = (collection.configuration or {}).get("hnsw") or {}
        if int(current.get("ef_search") or 0) < EF_SEARCH:
            collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
    except Exception:  # an older server that cannot change it searches as before: never worth failing over
        pass
    return collection


def shard_name(main: str, number: int) -> str:
    """The name of shard `number` of the collection `main` (shard 0 is `main` itself)."""
    return main if number == 0 else f"{main}-s{number}"


def later_shards(client: Any, main: str) -> list[Any]:
    """The shards after the main collection, in order, found by name (a crash may leave one not yet counted)."""
    pattern = re.compile(re.escape(main) + r"-s([1-9][0-9]*)$")
    numbered = []
    for collection in client.list_collections():
        match = pattern.match(collection.name)
        if match:
            numbered.append((int(match.group(1)), collection.name))
    return [tune_search(client.get_collection(name, embedding_function=None)) for _, name in sorted(numbered)]


def recorded_counts(main: Any) -> dict[str, int]:
    """Records per shard as the main collection's metadata last recorded them (empty if it never did)."""
    raw = (main.metadata or {}).get(COUNTS_KEY)
    try:
        counts = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in counts.items()} if isinstance(counts, dict) else {}


def counts_of(shards: list[Any], known: dict[str, int], written: set[str]) -> dict[str, int]:
    """Records per shard: counted where this write changed it or nothing is known, else as recorded.

    Counting a shard loads its index: only the written shard (loaded anyway) is counted at an ingest.
    """
    return {s.name: s.count() if s.name in written or s.name not in known else known[s.name] for s in shards}


def encode_counts(counts: dict[str, int]) -> str:
    """The metadata value recording records per shard."""
    return json.dumps(counts, sort_keys=True)


def write(
    client_open: Any,
    main: str,
    shards: list[Any],
    known: dict[str, int],
    prepared: list[tuple[str, Any, Any]],
    limit: int = SHARD_RECORDS,
) -> tuple[list[Any], set[str]]:
    """Upsert records into the last shard, or a new one past `limit` records: (shards, written names)."""
    if not prepared:
        return shards, set()
    tail = shards[-1]
    size = known[tail.name] if tail.name in known else tail.count()
    if size > 0 and size + len(prepared) > limit:
        tail = client_open(shard_name(main, len(shards)))
        shards = [*shards, tail]
    for start in range(0, len(prepared), PAGE):
        chunk = prepared[start : start + PAGE]
        tail.upsert(
            ids=[rid for rid, _, _ in chunk],
            embeddings=[v for _, v, _ in chunk],
            metadatas=[m for _, _, m in chunk],
        )
    return shards, {tail.name}


def held(shards: list[Any]) -> dict[str, str]:
    """Source id → fingerprint of the records the shards hold (read from their metadata)."""
    found: dict[str, str] = {}
    for shard in shards:
        offset = 0
        while True:
            got = shard.get(where={"record": "zh"}, include=["metadatas"], limit=PAGE, offset=offset)
            metas = got.get("metadatas") or []
            for meta in metas:
                found[str(meta["source_id"])] = str(meta.get("fp", ""))
            if len(metas) < PAGE:
                break
            offset += PAGE
    return found


def nearest(shards: list[Any], vector: Sequence[float] | np.ndarray, k: int) -> list[tuple[str, float]]:
    """The k records nearest to vector over every shard: (record id, cosine distance), nearest first."""
    # Chroma reads float32: converted once here, not from a list of floats by every shard's query.
    query = np.asarray(vector, dtype=np.float32)
    pairs: list[tuple[str, float]] = []
    for shard in shards:
        result = shard.query(query_embeddings=[query], n_results=k, include=["distances"])
        pairs += [
            (str(rid), float(d)) for rid, d in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
    if len(shards) > 1:
        pairs.sort(key=lambda pair: pair[1])  # stable: one shard's order is kept as Chroma gave it
    return pairs[:k]
