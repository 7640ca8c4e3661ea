"""The HTML report's markup: self-contained, one highlight per finding, overlaps, escaping."""
from html.parser import HTMLParser

import pytest

from conftest import REPO, SAMPLE_RULES

from exolint.api import LintOptions, lint_paths
from exolint.report.html import render
from exolint.report.html_highlight import Span, highlight_lines
from exolint.ruleset import RuleSet

OVERLAP_RULES = REPO / "tests" / "data" / "rules_overlap"
PAGE = """# Glow facial

Gentle on skin. No known side effects for anyone.
A <script>alert('x')</script> breakthrough & a miracle serum.
"""


class Marks(HTMLParser):
    """Checks that <mark> nesting is balanced and collects text per finding."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.primary, self.text_by_finding, self.errors = [], [], {}, []
        self.tags = []
        self.in_code = 0
        self.code_text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "span" and a.get("class") == "code":
            self.in_code += 1
        if tag == "mark":
            self.stack.append(a["data-finding"])
            if "data-n" in a:
                self.primary.append(a["data-finding"])

    def handle_endtag(self, tag):
        if tag == "mark":
            if not self.stack:
                self.errors.append("unbalanced </mark>")
            else:
                self.stack.pop()
        if tag == "span" and self.in_code:
            self.in_code -= 1
            self.code_text.append("\n")

    def handle_data(self, data):
        if self.in_code:
            self.code_text.append(data)
        for n in set(self.stack):
            self.text_by_finding[n] = self.text_by_finding.get(n, "") + data


@pytest.fixture
def report(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("Helps skin look smoother.\n", encoding="utf-8")
    ruleset = RuleSet.load([SAMPLE_RULES, OVERLAP_RULES], include_bundled=False)
    rep = lint_paths([str(page), str(clean)], ruleset, LintOptions(keep_sources=True, jobs=1))
    rep.findings.sort(key=lambda f: f.sort_key())
    return rep, ruleset, page


def parse(html_text):
    p = Marks()
    p.feed(html_text)
    return p


def test_one_highlight_per_finding_and_balanced_overlaps(report):
    rep, ruleset, _ = report
    # three findings overlap on line 3 (nested and crossing), two more on line 4
    assert [f.match for f in rep.findings if f.line == 3] == [
        "No known side effects", "side effects", "effects for anyone"]
    assert len(rep.findings) == 5
    parsed = parse(render(rep, ruleset))
    assert not parsed.errors and not parsed.stack
    assert len(parsed.primary) == len(rep.findings) == len(set(parsed.primary))
    # each finding's highlighted text is exactly its match, even where marks cross
    numbers = {str(n): f for n, f in enumerate(rep.findings, start=1)}
    for n, f in numbers.items():
        assert parsed.text_by_finding[n].replace("\n", " ") == f.match, f.rule


def test_the_source_text_is_shown_whole_and_escaped(report):
    rep, ruleset, _ = report
    out = render(rep, ruleset)
    parsed = parse(out)
    shown = "".join(parsed.code_text)
    assert PAGE in shown  # the first document, character for character
    assert "<script>alert" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out or "&lt;script&gt;alert('x')" in out


def test_self_contained_no_external_assets(report):
    rep, ruleset, _ = report
    out = render(rep, ruleset)
    tags = parse(out).tags
    assert not [t for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in tags if t == "script" and "src" in a]
    assert "@import" not in out and "url(" not in out
    assert "default-src 'none'" in out  # a CSP forbids any load the page did not inline


def test_cards_explain_why_and_what_to_write(report):
    rep, ruleset, page = report
    out = render(rep, ruleset)
    assert "Why it is risky" in out and "No treatment is free of side effects." in out
    assert "Write instead" in out and "Most clients notice only mild redness for a day." in out
    assert 'href="https://www.tga.gov.au/advertising-health-products-rules-about-safety-claims-advertising"' in out
    assert "Line 3, column 17" in out


def test_summary_counts_by_category_and_severity(report):
    rep, ruleset, _ = report
    out = render(rep, ruleset)
    assert 'data-filter-category="absolute_safety"' in out
    assert 'data-filter-category="hype"' in out
    assert 'data-filter-category="human_derived"' not in out  # no finding: no row
    row = out[out.index('<tr data-category="hype">'):]
    row = row[:row.index("</tr>")]
    # hype: sample-miracle (warning) + sample-breakthrough (info)
    assert [c for c in row.split('<td class="num')[1:]][0].startswith(' sev-error"></td>')
    assert ">1</td>" in row and row.rstrip().endswith('<td class="num">2</td>')


def test_documents_without_findings_are_listed_folded(report):
    rep, ruleset, _ = report
    out = render(rep, ruleset)
    assert "clean.txt</span> <span class=\"count\">no findings</span>" in out
    assert "<details><summary>Show the text</summary>" in out


def test_cli_writes_the_page_with_sources(run_cli, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    out_file = tmp_path / "report.html"
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", SAMPLE_RULES,
                             "--format", "html", "-o", out_file, page)
    assert code == 1
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Gentle on skin." in text  # the whole text, not only lines with findings
    assert len(parse(text).primary) == 3


def test_unreadable_files_are_listed(run_cli, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"nope")
    out_file = tmp_path / "report.html"
    code, _, _ = run_cli("check", "--no-bundled-rules", "--rules", SAMPLE_RULES,
                         "--format", "html", "-o", out_file, bad)
    assert code == 2
    assert "Files that could not be read" in out_file.read_text(encoding="utf-8")


def test_highlight_lines_splits_crossing_spans_and_line_breaks():
    def tag(key, primary, last):
        return f"<m{key}{'*' if primary else ''}{'$' if last else ''}>"

    lines = highlight_lines("abcdefghij\nklmno",
                            [Span(0, 5, 1), Span(3, 8, 2), Span(2, 4, 3), Span(7, 14, 4)], tag)
    # * marks the first piece of a finding (its highlight), $ the last (where its number goes)
    assert lines == ["<m1*$>ab<m3*$>c<m2*>d</mark></mark><m2>e</mark></mark><m2$>fg<m4*>h</mark>"
                     "</mark><m4>ij</mark>", "<m4$>klm</mark>no"]


def test_highlight_lines_handles_crlf_and_escapes():
    tag = lambda key, primary, last: f"<m{key}>"  # noqa: E731
    assert highlight_lines("a<b\r\nc&d", [Span(1, 6, 1)], tag) == ["a<m1>&lt;b</mark>", "<m1>c</mark>&amp;d"]
