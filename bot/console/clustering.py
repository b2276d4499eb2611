"""Greedy cosine clustering of question vectors: fast, deterministic, and no number of clusters to guess."""

from __future__ import annotations

import numpy as np

# use-m3 gives paraphrases of one question ~0.45-0.6 and unrelated questions < 0.25 (measured on the corpus'
# own questions); 0.45 keeps "what did X say about Y" variants together without merging different topics.
THRESHOLD = 0.45


def greedy_clusters(
    vectors: np.ndarray, weights: list[int], *, threshold: float = THRESHOLD
) -> list[list[int]]:
    """Row indices grouped by meaning, the heaviest cluster first (members heaviest first).

    Rows are visited heaviest first; each joins the cluster whose centroid is most similar if that is at
    least `threshold`, else starts a new one. Vectors must be L2-normalized (the project's embedders are).
    """
    count = len(weights)
    if count == 0:
        return []
    order = sorted(range(count), key=lambda i: (-weights[i], i))
    sums = np.zeros((count, vectors.shape[1]), dtype=np.float32)  # per cluster: weighted sum of members
    members: list[list[int]] = []
    for i in order:
        vector = vectors[i]
        if members:
            centroids = sums[: len(members)]
            norms = np.linalg.norm(centroids, axis=1) + 1e-12
            similarity = centroids @ vector / norms
            best = int(np.argmax(similarity))
            if similarity[best] >= threshold:
                members[best].append(i)
                sums[best] += weights[i] * vector
                continue
        sums[len(members)] = weights[i] * vector
        members.append([i])
    ranked = sorted(range(len(members)), key=lambda c: (-sum(weights[i] for i in members[c]), c))
    return [members[c] for c in ranked]
