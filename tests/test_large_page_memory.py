"""A large Markdown page is parsed piece by piece (exolint/sources/md_chunks.py) with the same
copy as a whole parse, and checking it does not hold a list of every word (issue 18)."""
import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_RULES

from exolint.context import structure, voice
from exolint.context.voice import count_words
from exolint.lowercase import lower
from exolint.sources import document_for, md_chunks
from exolint.sources.md_chunks import chunk_bounds

PAGE = """# Glow facial {n}

Our serum is a miracle for tired skin, with [a link](https://example.com/{n}) and `code`.

```
no side effects inside a fence

still code {n}
```

<!--
a miracle in a comment

still a comment
-->

- item one {n}
- item two

  continued item paragraph

> quoted copy {n}

| head | col |
|------|-----|
| cell | miracle |

"""


def page(n: int) -> str:
    return "".join(PAGE.format(n=i) for i in range(n))


@pytest.mark.parametrize("size", [1, 50, 300, 2_000])
def test_pieces_read_the_same_copy_as_a_whole_parse(monkeypatch, size):
    text = page(40)
    whole = document_for("page.md", text)
    monkeypatch.setattr(md_chunks.chunk_bounds, "__defaults__", (size,))
    assert len(chunk_bounds(text)) > 1
    pieces = document_for("page.md", text)
    assert pieces.text == whole.text
    assert "no side effects inside a fence" not in pieces.text
    assert "a miracle in a comment" not in pieces.text
    at = pieces.text.index("quoted copy 17")
    assert pieces.span_to_position(at, at + 6)[:2] == whole.span_to_position(at, at + 6)[:2]


def test_never_cut_inside_a_fence_comment_or_raw_block():
    text = ("intro\n\n```\ncode\n\nCODE\n```\n\n<!--\n\nHIDDEN\n\n-->\n\n<script>\n\nSCRIPT\n\n</script>"
            "\n\n<pre>\n\nPRE\n\n</pre>\n\nend\n")
    cuts = [start for start, _end, _line in chunk_bounds(text, 1)][1:]
    for word in ("CODE", "HIDDEN", "SCRIPT", "PRE"):
        assert text.index(word) not in cuts
    for cut in cuts:
        assert text[cut - 2:cut] == "\n\n" and not text[cut].isspace()
    assert [text[c:c + 3] for c in cuts] == ["```", "<!-", "<sc", "<pr", "end"]


@pytest.mark.parametrize("text", ["", "one", " a  b ", "word " * 1000, "x" * 5000 + " y"])
def test_count_words_matches_split(text):
    for piece in (1, 3, 7, 1000):
        assert count_words(text, piece) == len(text.split())


@pytest.mark.parametrize("piece", [1, 2, 5, 64])
def test_lowering_in_pieces_matches_str_lower(piece):
    # final sigma depends on the letters around it; dotted capital I lowers to two characters
    samples = ["", "ΟΔΟΣ ΟΔΟΣ\nΣΑΣ", "Σ", "aΣ\u0301 b", "İstanbul — Exosome ΣERUM\n" * 9,
               "ΑΣ" * 40, "no break at all but Σ" + "x" * 100, "x" * 100 + "Σ Σ\nΣ"]
    for text in samples:
        assert lower(text, piece) == text.lower()


@pytest.mark.parametrize("tail", ["", " \u0130stanbul REPORTEDLY", " \u03a3\u03a3 Reportedly"])
def test_trigger_words_found_in_pieces_as_in_the_whole(monkeypatch, tail):
    """Each piece is lower-cased on its own (no lower-cased copy of the page): the same triggers
    as in the whole lower-cased text, also where lowering changes the length (dotted I)."""
    text = page(30) + "It was reportedly banned; Regulators found and FINED the clinic. " * 3 + tail
    signals = voice._REPORTING
    whole = signals.fired_in_lowered(text.lower())
    assert len(whole) >= 3
    for piece in (7, 64, 1000, 1 << 20):
        monkeypatch.setattr(voice, "_SCAN_PIECE", piece)
        assert signals.fired(text) == whole
        assert signals.fired_in_lowered(text.lower()) == whole


@pytest.mark.parametrize("piece", [1, 2, 5, 40, 3000])
def test_page_copy_in_pieces_is_the_page_copy(monkeypatch, piece):
    """The voice reads the page's copy (tags dropped) a piece at a time; joined, the pieces
    are the whole copy: a cut never splits a tag, also in a long stretch without any ">"."""
    from exolint.context import page_copy as copies

    texts = [page(5), "<b>bold</b> a < b and <i\nitalic> " * 40, "x < y " * 2000 + "<p>end</p>",
             "<" + "a" * 2500 + ">" + "b" * 100, "no tags at all", ""]
    for text in texts:
        doc = document_for("page.md", text)
        whole = copies.page_copy(doc)
        monkeypatch.setattr(copies, "_COPY_PIECE", piece)
        assert "".join(copies.page_copy_pieces(doc)) == whole
        monkeypatch.undo()


def test_voice_from_pieces_is_the_page_voice():
    """A page with no reporting word is judged from its pieces alone; one with some, from the
    whole copy: either way the voice is ``page_voice``'s."""
    reporting = ("Regulators warned that clinics claim exosomes regenerate skin. The agency said "
                 "such claims are unproven, according to a report; critics reportedly agreed. ") * 5
    for text in [page(20), reporting, page(3) + reporting, ""]:
        pieces = [text[i:i + 97] for i in range(0, len(text), 97)]
        assert voice.page_voice_of(lambda: iter(pieces), lambda: text) == voice.page_voice(text)
    assert voice.page_voice(reporting).reporting_page


@pytest.mark.parametrize("piece", [1, 2, 3, 16])
def test_line_starts_in_pieces_match_a_whole_split(monkeypatch, piece):
    from exolint import document

    monkeypatch.setattr(document, "_SPLIT_PIECE", piece)
    for text in ["", "\n", "one", "a\n\nbb\n", "x" * 40 + "\nshort\n\n" + "y" * 40, page(2)]:
        lengths = [len(line) + 1 for line in text.split("\n")]
        expected = [sum(lengths[:i]) for i in range(len(lengths))]
        assert list(document.newline_starts(text)) == expected


def test_structure_lines_are_the_text_split():
    text = page(3) + "\nlast line without a break"
    lines = structure._Lines(text)
    assert [lines[i] for i in range(len(lines))] == text.split("\n")
    assert lines[-1] == "last line without a break"


_PEAK_SCRIPT = ("import sys\nfrom exolint.cli import main\n"
                "def peak():\n    for line in open('/proc/self/status'):\n"
                "        if line.startswith('VmHWM:'):\n            return int(line.split()[1])\n"
                "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
                "print(peak(), file=sys.stderr)\n")


def _peak_kb(path, folder) -> int:
    proc = subprocess.run([sys.executable, "-c", _PEAK_SCRIPT, "check", "--no-bundled-rules",
                           "--rules", str(SAMPLE_RULES), "--jobs", "1", "--format", "json",
                           "-o", str(Path(folder) / "report.json"), str(path)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    return int(proc.stderr.split()[-1])


@functools.lru_cache(maxsize=None)
def dense_page_peaks() -> dict:
    """Peak RSS (KB) of checking 10 MB and 2.5 MB of dense Markdown and a tiny page (sample
    rules, one job, a JSON report), with the pages' sizes in bytes (measured once per session)."""
    with tempfile.TemporaryDirectory() as folder:
        out = {}
        for name, size in (("big", 10_000_000), ("quarter", 2_500_000)):
            path = Path(folder) / f"{name}.md"
            path.write_text(page(size // len(PAGE)), encoding="utf-8")
            out[name] = (_peak_kb(path, folder), path.stat().st_size)
        tiny = Path(folder) / "tiny.md"
        tiny.write_text("Plain words.\n", encoding="utf-8")
        out["tiny"] = (_peak_kb(tiny, folder), tiny.stat().st_size)
        return out


_PROC = pytest.mark.skipif(not os.path.exists("/proc/self/status"),
                           reason="peak memory read from /proc (Linux)")


@_PROC
def test_peak_memory_of_a_large_page_stays_a_small_multiple_of_it():
    """10 MB of dense Markdown (a finding every 170 characters): peak RSS over the run's
    baseline (same rules, a tiny page) under 4.5x the page. Measured 4.0x in December 2026
    (16x before issue 18's work): the page's source, its 59,000 findings (about 2.3x), and one
    section's working set (the page is read a section at a time, exolint/match/sections.py)."""
    peaks = dense_page_peaks()
    big, size = peaks["big"]
    ratio = (big - peaks["tiny"][0]) * 1024 / size
    assert ratio < 4.5, f"peak {ratio:.1f}x the page over the baseline"


@_PROC
def test_each_further_byte_of_a_large_page_costs_at_most_four():
    """What a page adds to the peak per byte, from 2.5 MB to 10 MB of dense Markdown (the
    parser's modules and one section's working set cost the same on both): under the issue's
    4x. Measured 2.9x: the source (1x) and the findings, not the page's parse."""
    peaks = dense_page_peaks()
    (big, big_size), (quarter, quarter_size) = peaks["big"], peaks["quarter"]
    slope = (big - quarter) * 1024 / (big_size - quarter_size)
    assert slope < 4, f"{slope:.1f} bytes of peak per byte of page"


def test_cell_heads_are_kept_compactly_and_read_as_tuples():
    from exolint.cellheads import CellHeads
    from exolint.context.structure import Structure

    doc = document_for("page.md", page(4))
    assert isinstance(doc.cell_heads, CellHeads) and doc.cell_heads.ordered
    rows = list(doc.cell_heads)
    assert len(rows) == 8 and all(len(r) == 4 and r[0] < r[1] for r in rows)
    for start, end, head_start, head_end in rows:
        head = {"cell": "head", "miracle": "col"}[doc.text[start:end].strip()]
        assert doc.text[head_start:head_end].strip() == head
        assert Structure(doc.text, doc.cell_heads).lead_in(start) == head
        assert Structure(doc.text, rows).lead_in(start) == head  # (a plain list, sorted there)
    out_of_order = CellHeads([(10, 20, 0, 5), (3, 8, 0, 2)])
    assert not out_of_order.ordered
    assert Structure("x" * 30, out_of_order).lead_in(4) == "xx"
    big = CellHeads([(1, 2, 0, 1)])
    big.append((5 << 32, (5 << 32) + 3, 1, 2))  # past 4 GiB: 8-byte numbers
    assert list(big) == [(1, 2, 0, 1), (5 << 32, (5 << 32) + 3, 1, 2)]
