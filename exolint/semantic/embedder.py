"""The static sentence embedder: a sentence's vector is the mean of its tokens' rows.

The table was distilled once from all-MiniLM-L6-v2 (scripts/build-semantic-model.py); loading it
needs numpy, tokenizers and safetensors, never torch or a network.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .blas import np

MODEL_DIR = Path(__file__).resolve().parent / "model"
MAX_TOKENS = 128  # a sentence longer than this is judged by its first 128 word pieces
_WORDS_LIMIT = 500_000  # whitespace-separated words whose word pieces are remembered
# control characters Python's str.split() calls space but the tokenizer drops (so they join words)
_DROPPED = str.maketrans("", "", "\x0b\x0c\x1c\x1d\x1e\x1f\x85")


class Embedder:
    def __init__(self, model_dir: Path = MODEL_DIR):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.meta = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
        self.table = load_file(str(model_dir / "embeddings.safetensors"))["embeddings"].astype(np.float32)
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        self.tokenizer = tokenizer
        self.skip = {tokenizer.token_to_id(t) for t in ("[UNK]", "[PAD]")} - {None}
        self.pieces: dict[str, list[int]] = {}

    def _ids(self, sentences: list[str]) -> list[list[int]]:
        """Each sentence's word pieces. The tokenizer (BERT's normaliser, pre-tokeniser and
        WordPiece) never joins across whitespace, so a sentence's pieces are its words' pieces in
        order: words are tokenised once per process (copy repeats its words; tokenising whole
        sentences was the stage's largest cost)."""
        pieces = self.pieces
        split = [s.translate(_DROPPED).split() for s in sentences]
        unseen = list({w for words in split for w in words if w not in pieces})
        if unseen:
            if len(pieces) + len(unseen) > _WORDS_LIMIT:
                pieces.clear()
            for w, enc in zip(unseen, self.tokenizer.encode_batch(unseen, add_special_tokens=False)):
                pieces[w] = enc.ids
        out = []
        for words in split:
            ids: list[int] = []
            for w in words:
                ids += pieces[w]
                if len(ids) >= MAX_TOKENS:
                    break
            out.append(ids[:MAX_TOKENS])
        return out

    def embed(self, sentences: list[str]) -> np.ndarray:
        """Unit vectors, one row per sentence (a row of zeros for a sentence with no known token)."""
        out = np.zeros((len(sentences), self.table.shape[1]), dtype=np.float32)
        if not sentences:
            return out
        for i, ids in enumerate(self._ids(sentences)):
            ids = [t for t in ids if t not in self.skip]
            if ids:
                out[i] = self.table[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    return Embedder()
