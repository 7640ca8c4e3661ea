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

    def embed(self, sentences: list[str]) -> np.ndarray:
        """Unit vectors, one row per sentence (a row of zeros for a sentence with no known token)."""
        out = np.zeros((len(sentences), self.table.shape[1]), dtype=np.float32)
        if not sentences:
            return out
        encodings = self.tokenizer.encode_batch(sentences, add_special_tokens=False)
        for i, enc in enumerate(encodings):
            ids = [t for t in enc.ids[:MAX_TOKENS] if t not in self.skip]
            if ids:
                out[i] = self.table[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    return Embedder()
