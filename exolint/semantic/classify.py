"""k nearest neighbours between flagged and compliant examples, and the operating point.

A sentence is flagged when the mean similarity of its ``k`` nearest flag examples beats that of
its ``k`` nearest compliant ones by ``margin`` and its nearest flag example is at least ``floor``
similar. The values were chosen by grouped cross-validation (scripts/tune-semantic.py) and are
recorded in model/model.json with how they were chosen.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .blas import np

from .embedder import MODEL_DIR


@dataclass(frozen=True)
class OperatingPoint:
    k: int = 3
    margin: float = 0.05
    floor: float = 0.6
    # read only the pages where the rules reported a claim: a second look where the rules found
    # the page claiming, silence on pages the rules found clean (explainers, price lists)
    claimed_pages_only: bool = False


FIELDS = ("k", "margin", "floor", "claimed_pages_only")


@lru_cache(maxsize=1)
def recorded_point() -> OperatingPoint:
    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    point = meta.get("operating_point") or {}
    return OperatingPoint(**{k: point[k] for k in FIELDS if k in point})


@dataclass
class Scores:
    nearest: np.ndarray  # index of the nearest flag example, per sentence
    similarity: np.ndarray  # its similarity
    margin: np.ndarray  # mean of the k nearest flag sims minus that of the k nearest compliant


def _top_k_mean(sims: np.ndarray, k: int) -> np.ndarray:
    k = max(1, min(k, sims.shape[1]))
    return np.partition(sims, -k, axis=1)[:, -k:].mean(axis=1)


def score(vectors: np.ndarray, flag: np.ndarray, passing: np.ndarray, k: int,
          mask: np.ndarray | None = None, floor: float = -np.inf) -> Scores:
    """Scores of each row of ``vectors``; the margin is computed only for rows whose nearest flag
    example reaches ``floor`` (the others could not be flagged: their margin is -inf)."""
    flag_sims = vectors @ flag.T
    if mask is not None:
        flag_sims[:, ~mask] = -1.0
    nearest = flag_sims.argmax(axis=1)
    similarity = flag_sims[np.arange(len(vectors)), nearest]
    margin = np.full(len(vectors), -np.inf, dtype=np.float32)
    rows = np.flatnonzero(similarity >= floor)
    if len(rows):
        near = _top_k_mean(flag_sims[rows], k)
        far = _top_k_mean(vectors[rows] @ passing.T, k) if passing.shape[0] else 0.0
        margin[rows] = near - far
    return Scores(nearest, similarity, margin)


def flagged(scores: Scores, point: OperatingPoint) -> np.ndarray:
    return (scores.margin >= point.margin) & (scores.similarity >= point.floor)
