"""Every labelled span of the shared dev corpus (HTML, Markdown, MDX) is reachable as copy, at
its exact source position; text in code, scripts, styles, templates, attributes that are not
copy and MDX exports never reaches the rules."""
import html
import json
import re
from pathlib import Path

import pytest

from exolint.sources import document_for

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LABELS = CORPUS / "dev.labels.json"
pytestmark = pytest.mark.skipif(not LABELS.exists(), reason="shared corpus not available")

MARKUP_DOCS = [d for d in (json.loads(LABELS.read_text()) if LABELS.exists() else [])
               if d["file"].endswith((".md", ".mdx", ".html"))]


def _as_copy(label: str) -> str:
    """The label as the rules should see it: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", label)).replace("\xa0", " ")


def _find(doc, label: str):
    words = _as_copy(label).split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    return re.search(pattern, doc.text)


@pytest.mark.parametrize("entry", MARKUP_DOCS, ids=lambda d: d["file"])
def test_every_labelled_span_is_copy_at_its_exact_position(entry):
    path = CORPUS / entry["file"]
    source = path.read_text(encoding="utf-8")
    doc = document_for(str(path), source)
    for span in entry.get("spans", []):
        m = _find(doc, span["text"])
        assert m, f"{span['text']!r} is not in the copy of {entry['file']}"
        *_, s, e = doc.span_to_position(m.start(), m.end())
        want = source.find(span["text"])
        assert (s, e) == (want, want + len(span["text"])), source[s:e]


NEVER_COPY = {
    "brand_us_serum.html": ["no known side effects", "miracle cure"],
    "product_page.html": ["no known side effects", "Guaranteed results"],
    "clinic_uk_landing.md": ["no side effects", "this code sample"],
    "landing_page.mdx": ["no side effects", "Single session", "import", "components"],
}


@pytest.mark.parametrize("name", sorted(NEVER_COPY))
def test_code_scripts_styles_templates_and_exports_are_not_copy(name):
    path = CORPUS / "dev" / name
    doc = document_for(str(path), path.read_text(encoding="utf-8"))
    for text in NEVER_COPY[name]:
        assert text not in doc.text


def test_page_market_comes_from_front_matter_or_lang():
    markets = {d["file"]: d["market"] for d in MARKUP_DOCS}
    for file, market in markets.items():
        path = CORPUS / file
        doc = document_for(str(path), path.read_text(encoding="utf-8"))
        assert doc.markets == frozenset({market}), file
