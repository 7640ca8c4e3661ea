"""A large page is read a section at a time (exolint/match/sections.py, issue 18): the report is
the one of the whole page read at once -- findings, their lines and columns, quieted matches,
suppressions across sections, the front matter's market -- with sections made tiny here so that
every page is cut in many places, and margins small so that they must be widened."""
import random
import sys
from array import array

import pytest

from conftest import REPO, SHARED

from exolint import api
from exolint.api import LintOptions, lint_buffer
from exolint.match import sections
from exolint.sources import md_chunks

sys.path.insert(0, str(REPO / "benchmarks"))
import generate_corpus  # noqa: E402  (the benchmark corpus generator: our own sentences)


@pytest.fixture
def tiny_sections(monkeypatch):
    """Sections of about 3,000 characters, on pages of 6,000 and more, read with a margin of
    200 characters to begin with (less than the context needs: widened)."""
    monkeypatch.setattr(sections, "SECTION", 3000)
    monkeypatch.setattr(sections, "SECTIONED", 6000)
    monkeypatch.setattr(sections, "MARGIN", 200)


def _report(path: str, text: str, options: LintOptions | None = None):
    report = lint_buffer(path, text, options=options or LintOptions())
    return {
        "findings": [(f.to_dict(), f.start, f.end) for f in report.findings],
        "quieted": sorted((f.start, f.end, f.rule, f.quieted_because) for f in report.quieted),
        "lines": dict(report.lines),
        "timeouts": [(t.rule, t.path) for t in report.timeouts],
        "errors": [e.to_dict() for e in report.errors],
        "notes": [n.to_dict() for n in report.notes],
    }


def whole_and_sectioned(monkeypatch, path: str, text: str, options: LintOptions | None = None):
    """The report of ``text`` read whole, and read in sections (with how many were read)."""
    monkeypatch.setattr(sections, "SECTIONED", len(text) + 1)
    whole = _report(path, text, options)
    monkeypatch.setattr(sections, "SECTIONED", 6000)
    read = sections_read(monkeypatch)
    parts = _report(path, text, options)
    monkeypatch.setattr(api, "read_sections", sections.read_sections)
    return whole, parts, [(section.start, section.end) for section in read]


def sections_read(monkeypatch) -> list:
    """The list the sections of the next pages checked are added to as they are read."""
    read = []
    original = sections.read_sections

    def counted(*args, **kwargs):
        for section in original(*args, **kwargs):
            read.append(section)
            yield section

    monkeypatch.setattr(api, "read_sections", counted)
    return read


def generated_page(pages: int, seed: int = 18, risk_every: int = 6) -> str:
    """Benchmark-corpus pages joined into one (front matter kept on the first page only)."""
    writer = generate_corpus.Writer(random.Random(seed), risk_every)
    out = []
    for i in range(pages):
        page = generate_corpus.markdown_page(writer, i, 6000)
        if i:
            page = page[page.index("\n---\n", 3) + 5:]
        out.append(page)
    return "\n".join(out)


@pytest.mark.parametrize("path", ["page.md", "page.txt"])
def test_a_generated_page_in_sections_reports_what_the_whole_page_does(tiny_sections, monkeypatch, path):
    text = generated_page(30)
    whole, parts, read = whole_and_sectioned(monkeypatch, path, text)
    assert len(read) > 20 and read[0][0] == 0 and read[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(read, read[1:]))  # every character in one section
    assert len(whole["findings"]) > 50 and not whole["timeouts"]
    assert parts == whole


def test_crlf_line_breaks_in_sections(tiny_sections, monkeypatch):
    text = generated_page(12, seed=3).replace("\n", "\r\n")
    whole, parts, read = whole_and_sectioned(monkeypatch, "page.md", text)
    assert len(read) > 5 and whole["findings"]
    assert parts == whole


def test_a_page_of_lone_carriage_returns_is_one_section(tiny_sections, monkeypatch):
    """Pieces are cut after a \n only: lines that end with a lone \r (old Mac files) are
    never cut, so the page is read whole (one section), with its lines counted as before."""
    text = generated_page(12, seed=4).replace("\n", "\r")
    whole, parts, read = whole_and_sectioned(monkeypatch, "page.txt", text)
    assert read == [(0, len(text))] and whole["findings"]
    assert parts == whole
    assert max(f["line"] for f, _s, _e in parts["findings"]) > 500


def test_lone_carriage_returns_in_sections_count_as_line_breaks(tiny_sections, monkeypatch):
    text = "\n\n".join(generated_page(12, seed=5).replace("\n", "\r").split("\r\r"))
    whole, parts, read = whole_and_sectioned(monkeypatch, "page.txt", text)
    assert len(read) > 5 and whole["findings"]
    assert parts == whole


def test_the_real_corpus_joined_in_sections(tiny_sections, monkeypatch):
    docs = SHARED / "corpus" / "real" / "docs"
    if not docs.is_dir():
        pytest.skip(f"{docs} is not here (a clone without ../shared): the real pages are not checked")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.md")))
    whole, parts, read = whole_and_sectioned(monkeypatch, "real.md", text)
    assert len(read) > 20 and len(whole["findings"]) > 100
    assert parts == whole


def _filler(n: int, word: str = "Gentle") -> str:
    return "".join(f"{word} facials for tired skin, booked online in minutes ({i}).\n\n" for i in range(n))


def test_suppressions_reach_across_sections(tiny_sections, monkeypatch):
    risky = "Our serum is a miracle for tired skin.\n\n"
    text = ("# Spring offers\n\n" + _filler(40) + risky
            + "<!-- exolint-disable miracle -- quoted from a 2019 magazine review -->\n\n"
            + _filler(80) + risky + _filler(80)
            + "<!-- exolint-enable miracle -->\n\n" + risky + _filler(40)
            + "<!-- exolint-disable-next-line hype -->\n" + risky + _filler(60)
            + "<!-- exolint-disable breakthrough -->\n\n" + _filler(40))
    whole, parts, read = whole_and_sectioned(monkeypatch, "offers.md", text)
    assert len(read) > 4
    assert parts == whole
    rules = [f["rule"] for f, _s, _e in parts["findings"]]
    assert rules.count("miracle") == 2  # before the block and after it: the one inside is not
    assert "suppression-missing-reason" in rules and "unused-suppression" in rules


def test_the_front_matter_market_governs_every_section(tiny_sections, monkeypatch):
    body = _filler(150) + "Our exosomes come from human umbilical cord stem cells.\n"
    for market in ("UK", "US"):
        text = f"---\ntitle: Cord serum\nmarket: {market}\n---\n\n" + body
        whole, parts, read = whole_and_sectioned(monkeypatch, "cord.md", text)
        assert len(read) > 2 and parts == whole
        assert all(f["market"] == market for f, _s, _e in parts["findings"])
        assert parts["findings"], market


def test_a_list_item_keeps_its_lead_in_across_a_cut(tiny_sections, monkeypatch):
    """The cut before the list falls between its lead-in and its items: the section is read
    with the page before it until its text holds the lead-in (the item is a claim there)."""
    lead = "Conditions we treat with our exosome facial:\n\n"
    items = "".join(f"- {c}\n\n" for c in ["Rosacea", "Eczema", "Psoriasis"])
    filler = _filler(300)
    text = filler[:len(filler) // 2] + lead + items + filler[len(filler) // 2:]
    whole, parts, read = whole_and_sectioned(monkeypatch, "treat.md", text)
    assert parts == whole
    listed = [f for f, _s, _e in parts["findings"] if f["rule"] == "listed-condition"]
    assert [f["match"] for f in listed] == ["Rosacea", "Eczema", "Psoriasis"]
    # the page cut right before the items, whatever the section size
    cut = text.index("- Rosacea")
    monkeypatch.setattr(sections, "section_cuts", lambda source, plain=False: array("q", [0, cut]))
    monkeypatch.setattr(sections, "SECTION", cut)
    forced = sections_read(monkeypatch)
    assert _report("treat.md", text) == whole
    assert [(section.start, section.end) for section in forced] == [(0, cut), (cut, len(text))]


def test_the_text_report_lines_are_the_whole_pages(tiny_sections, monkeypatch):
    text = generated_page(10, seed=9)
    whole, parts, _read = whole_and_sectioned(monkeypatch, "page.md", text,
                                              LintOptions(keep_lines=True, surroundings=True))
    assert whole["lines"] and parts["lines"] == whole["lines"]
    report = lint_buffer("page.md", text, options=LintOptions(surroundings=True))
    monkeypatch.setattr(sections, "SECTIONED", len(text) + 1)
    again = lint_buffer("page.md", text, options=LintOptions(surroundings=True))
    assert [f.surroundings for f in report.findings] == [f.surroundings for f in again.findings]


def test_small_pages_and_other_formats_are_read_whole(monkeypatch):
    assert not sections.is_sectioned("page.md", "x" * (sections.SECTIONED - 1))
    assert sections.is_sectioned("page.md", "x" * sections.SECTIONED)
    assert sections.is_sectioned("notes.TXT", "x" * sections.SECTIONED)
    for path in ("page.html", "page.mdx", "data.json", "draft.docx"):
        assert not sections.is_sectioned(path, "x" * sections.SECTIONED)


def test_sections_start_where_a_piece_may_start():
    text = ("intro\n\n---\n\nafter a rule\n\n```\ncode\n\nCODE\n```\n\n<!--\n\nHIDDEN\n\n-->\n\n"
            "  indented continuation\n\n+++\n\nend\n")
    cuts = list(sections.section_cuts(text))
    assert cuts[0] == 0
    starts = [text[c:c + 4] for c in cuts[1:]]
    assert starts == ["afte", "```\n", "<!--", "end\n"]


def test_a_text_export_without_blank_lines_is_cut_between_lines(tiny_sections, monkeypatch):
    """Plain text is cut at the start of any line (a text export often has one line per
    paragraph and no blank line): each section's report is the whole page's there."""
    text = "\n".join(p for p in generated_page(14, seed=7).split("\n") if p.strip())
    text += "\nConditions we treat:\n" + "".join(f"- {c}\n" for c in ("Rosacea", "Eczema"))
    assert "\n\n" not in text
    whole, parts, read = whole_and_sectioned(monkeypatch, "export.txt", text)
    assert len(read) > 10 and len(whole["findings"]) > 20
    assert parts == whole
    assert all(text[start - 1] == "\n" for start, _end in read[1:])
    assert [f["match"] for f, _s, _e in parts["findings"] if f["rule"] == "listed-condition"][-2:] == [
        "Rosacea", "Eczema"]


def test_plain_text_may_start_a_section_on_any_line():
    text = "one\ntwo\r\n---\nthree\n\n+++ four\nfive"
    cuts = list(sections.section_cuts(text, plain=True))
    assert [text[c:].split("\n")[0] for c in cuts] == ["one", "two\r", "three", "", "five"]
    assert list(sections.section_cuts("a single line", plain=True)) == [0]


def test_a_rule_out_of_time_is_reported_once_for_the_page(tiny_sections, monkeypatch, tmp_path):
    """Each section gives a rule its time again; a rule that runs out in several sections is
    one time-out of the page, and the page's other findings are all there."""
    import signal

    from exolint.match import engine, sparse, timelimit
    from exolint.ruleset import RuleSet

    from conftest import SAMPLE_RULES

    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    (tmp_path / "sample.toml").write_text(pack.replace(
        "patterns = ['breakthrough']", "patterns = ['break(?:(?:a|aa)+)+c']"), encoding="utf-8")
    (tmp_path / "_contexts.toml").write_text((SAMPLE_RULES / "_contexts.toml").read_text(encoding="utf-8"))
    rules = RuleSet.load([tmp_path], include_bundled=False)
    monkeypatch.setattr(engine, "MATCH_TIMEOUT", 0.05)
    monkeypatch.setattr(sparse, "MATCH_TIMEOUT", 0.05)
    # two sections, each holding one run-away phrase, read without widening (each read of a
    # run-away phrase costs its time limit)
    monkeypatch.setattr(sections, "SECTION", 6000)
    monkeypatch.setattr(sections, "MARGIN", 3500)
    runaway = "Our break" + "a" * 40 + "x serum is a miracle.\n\n"
    text = (_filler(100) + runaway) * 2
    # the command line's interval timer, so that a run-away match stops at its limit (regex's
    # own timeout= is checked too seldom for a quick test)
    handler = signal.getsignal(timelimit._SIGNAL) if timelimit._SIGNAL is not None else None
    monkeypatch.setattr(timelimit, "_enabled", timelimit._enabled)
    timelimit.enable()
    read = sections_read(monkeypatch)
    try:
        report = lint_buffer("page.md", text, rules)
    finally:
        if handler is not None:
            signal.signal(timelimit._SIGNAL, handler)
    assert len(read) == 2 and all("break" + "a" * 40 in s.doc.text for s in read)
    assert [(t.rule, t.path) for t in report.timeouts] == [("sample-breakthrough", "page.md")]
    assert [f.rule for f in report.findings] == ["sample-miracle"] * 2


# Random pages of the constructs where block structure is easy to misread: fences, comments,
# HTML blocks (a fence line right under a <div> block is raw HTML, not a fence), lists, tables,
# quotes, thematic breaks, indented lines, directives, lead-ins; blocks sometimes joined by a
# single line break
_RISKY = ["Our serum is a miracle for tired skin.", "No known side effects, ever.",
          "Exosomes regrow hair lost to alopecia.", "Up to 600% more collagen in a week.",
          "Clinically proven to erase wrinkles.", "It treats rosacea and eczema.",
          "Reportedly, clinics claim it is a miracle.", "We do not claim it cures acne."]
_PLAIN = ["Gentle facials for tired skin.", "Book online in minutes.", "Prices start at 90 pounds.",
          "Aftercare: avoid the sun for a day.", "Parking is free on weekdays."]


def _random_block(rng: random.Random) -> str:
    def s():
        return rng.choice(_RISKY if rng.random() < 0.3 else _PLAIN)

    blocks = [
        lambda: "#" * rng.randint(1, 3) + " " + rng.choice(["Conditions we treat", "Aftercare", "What can it treat?"]),
        lambda: "\n".join(f"- {rng.choice(['Rosacea', 'Eczema', 'Glow', s()])}" for _ in range(rng.randint(2, 5))),
        lambda: "| Good for | Price |\n|---|---|\n" + "\n".join(f"| {rng.choice(['Rosacea', 'Glow'])} | 90 |" for _ in range(3)),
        lambda: "```\n" + s() + "\n\n" + s() + "\n```",
        lambda: "<!--\n" + s() + "\n\n" + s() + "\n-->",
        lambda: "> " + s() + "\n> " + s(),
        lambda: "<div>\n" + s() + "\n</div>",
        lambda: "<!-- exolint-disable-next-line -->\n" + s(),
        lambda: rng.choice(["<!-- exolint-disable hype -->", "<!-- exolint-enable hype -->"]),
        lambda: "  " + s(),
        lambda: "---",
        lambda: "1. " + s() + "\n2. " + s(),
        lambda: "Conditions we treat:",
        lambda: " ".join(s() for _ in range(rng.randint(1, 4))),
        lambda: " ".join(s() for _ in range(rng.randint(1, 4))),
    ]
    return rng.choice(blocks)()


def random_page(seed: int, blocks: int = 400) -> str:
    rng = random.Random(seed)
    head = f"---\ntitle: Page\nmarket: {rng.choice(['UK', 'US'])}\n---\n\n" if rng.random() < 0.5 else ""
    return head + "".join(_random_block(rng) + rng.choice(["\n\n", "\n\n", "\n\n\n", "\n"])
                          for _ in range(blocks))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("path", ["page.md", "page.txt"])
def test_random_pages_in_sections_report_what_the_whole_page_does(tiny_sections, monkeypatch, seed, path):
    text = random_page(seed)
    whole, parts, _read = whole_and_sectioned(monkeypatch, path, text)
    assert parts == whole  # (read in sections, or whole where a cut fell inside a block)


@pytest.mark.parametrize("tag", ["<div>", '<span class="note">'])
def test_a_fence_line_under_an_html_block_is_raw_html(tiny_sections, monkeypatch, tag):
    """A fence line right under an HTML block line is raw HTML to markdown-it, so the fences
    after it pair up otherwise than a plain line-by-line reading assumes. Block-level tags
    (<div>) are known to the cut finder; for others (a <span> alone on its line), the section
    whose text ends inside a fence shows the disagreement, and the page is read whole. Either
    way the report is the page's."""
    risky = "Our serum is a miracle for tired skin.\n\n"
    text = (_filler(60) + tag + "\nOpening hours\n```\n" + risky + _filler(80) + "```\n\n"
            + risky + _filler(80) + "```\n\n" + _filler(80) + risky)
    whole, parts, read = whole_and_sectioned(monkeypatch, "page.md", text)
    assert parts == whole
    lines = text.split("\n")
    risky_lines = [i + 1 for i, line in enumerate(lines) if "miracle for" in line]
    # the first risky line is copy after the HTML block, the second is in the fence that the
    # second fence line opens; the third is copy
    assert [f["line"] for f, _s, _e in whole["findings"] if f["rule"] == "miracle"] == [
        risky_lines[0], risky_lines[2]]
    if tag == "<div>":
        assert read[-1][1] == len(text) and len(read) > 4  # read in sections to the end
    else:
        assert not read or read[-1][1] < len(text)  # sections given up: the page read whole


def test_a_piece_cut_inside_a_block_is_parsed_again_whole(monkeypatch):
    from exolint.sources import document_for

    text = ("intro\n\n<div>\nhours\n</div>\n```\nraw html here\n\n" + "filler words\n\n" * 40
            + "```\n\nfenced code here\n\n" + "more words\n\n" * 40 + "```\n\nlast copy\n")
    whole = document_for("page.md", text)
    monkeypatch.setattr(md_chunks.chunk_bounds, "__defaults__", (200,))
    assert len(md_chunks.chunk_bounds(text)) > 2
    pieces = document_for("page.md", text)
    assert pieces.text == whole.text
    assert "fenced code here" not in pieces.text and "last copy" in pieces.text
