"""A self-contained HTML page for copywriters and legal sign-off.

Each checked document's text is shown with every finding highlighted by severity; hovering or
focusing a highlight shows the message, why it is risky, references and what to write instead.
A summary counts findings by category and severity and filters them by category. Everything
(CSS, script) is inline: no network, no external assets. The page prints cleanly: highlights
keep their colours and get numbers that match the list of findings under each document.

Needs the documents' sources: the CLI sets ``LintOptions(keep_sources=True)`` for this format.
"""
from __future__ import annotations

import html
from collections import Counter

from .. import __version__
from ..findings import Finding
from ..ruleset import CATEGORIES, SEVERITIES
from ..sourceview import SourceView
from .html_assets import CSS, JS
from .html_highlight import Span, highlight_lines
from .common import repeat_key


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def category_label(category: str) -> str:
    return category.replace("_", " ").capitalize()


def render(report, ruleset=None, **_options) -> str:
    findings = list(report.findings)
    numbers = {id(f): n for n, f in enumerate(findings, start=1)}
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    paths = _document_order(report, by_path)
    rules = ruleset.by_id if ruleset is not None else {}
    body = [
        '<a class="skip" href="#documents">Skip to the documents</a>',
        _header(report, findings, paths),
        _summary(findings),
        '<main id="documents" tabindex="-1">',
    ]
    for doc_no, path in enumerate(paths, start=1):
        view = report.sources.get(path) or SourceView(path)
        body.append(_document(doc_no, view, by_path.get(path, []), numbers, rules))
    body.append("</main>")
    if report.errors:
        body.append(_errors(report.errors))
    if getattr(report, "quieted", None):
        body.append(_quieted(report.quieted))
    body.append('<div id="popover" role="tooltip" hidden></div>')
    return _page("\n".join(body))


def _document_order(report, by_path) -> list[str]:
    order = list(getattr(report, "checked", []) or [])
    for path in list(report.sources) + list(by_path):
        if path not in order:
            order.append(path)
    return order


def _page(body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
            f"<title>exolint report</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
            f"<script>{JS}</script>\n</body>\n</html>\n")


def _header(report, findings, paths) -> str:
    total = len(findings)
    affected = len({f.path for f in findings})
    files = report.files_checked
    text = (f"{total} finding{'s' if total != 1 else ''} in {affected} of {files} "
            f"document{'s' if files != 1 else ''} checked")
    return ("<header>\n<h1>exolint report</h1>\n"
            f'<p class="lead">{_e(text)}. Hover over or tab to a highlight to see why it is '
            "risky and what to write instead.</p>\n"
            f'<p class="meta">exolint {_e(__version__)}</p>\n</header>')


def _summary(findings) -> str:
    counts = Counter((f.category, f.severity) for f in findings)
    cats = [c for c in CATEGORIES if any(counts[(c, s)] for s in SEVERITIES)]
    cats += sorted({f.category for f in findings} - set(cats))
    rows = []
    for cat in cats:
        cells = "".join(f'<td class="num sev-{s}">{counts[(cat, s)] or ""}</td>' for s in SEVERITIES)
        total = sum(counts[(cat, s)] for s in SEVERITIES)
        rows.append(
            f'<tr data-category="{_e(cat)}"><th scope="row">'
            f'<label><input type="checkbox" checked data-filter-category="{_e(cat)}"> '
            f"{_e(category_label(cat))}</label></th>{cells}<td class=\"num\">{total}</td></tr>")
    sev_totals = "".join(f'<td class="num">{sum(counts[(c, s)] for c in cats)}</td>' for s in SEVERITIES)
    head = "".join(f'<th scope="col" class="num"><span class="dot sev-{s}"></span>{s.capitalize()}</th>'
                   for s in SEVERITIES)
    if not cats:
        return ('<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
                "<p>No risky claims found.</p></section>")
    return (
        '<section id="summary" aria-labelledby="summary-h">\n<h2 id="summary-h">Summary</h2>\n'
        '<table class="summary"><caption>Findings by category and severity. Untick a category '
        "to hide its highlights.</caption>\n"
        f'<thead><tr><th scope="col">Category</th>{head}<th scope="col" class="num">Total</th>'
        "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n"
        f'<tfoot><tr><th scope="row">All categories</th>{sev_totals}'
        f'<td class="num">{len(findings)}</td></tr></tfoot>\n</table>\n'
        '<p class="filter-actions"><button type="button" data-filter-all="on">Show all</button> '
        '<button type="button" data-filter-all="off">Hide all</button> '
        '<span id="filter-status" role="status" aria-live="polite"></span></p>\n</section>')


def _document(doc_no: int, view: SourceView, findings: list[Finding], numbers: dict,
              rules: dict) -> str:
    heading_id = f"doc-{doc_no}-h"
    count = len(findings)
    badge = f"{count} finding{'s' if count != 1 else ''}" if count else "no findings"
    parts = [f'<article class="document" id="doc-{doc_no}" aria-labelledby="{heading_id}">',
             f'<h2 id="{heading_id}"><span class="path">{_e(view.path)}</span> '
             f'<span class="count">{badge}</span></h2>']
    if view.source is not None:
        source_html = _source_block(view, findings, numbers)
        if count:
            parts.append(source_html)
        else:
            parts.append(f"<details><summary>Show the text</summary>{source_html}</details>")
    if findings:
        parts.append(f'<h3 class="visually-hidden">Findings in {_e(view.path)}</h3>')
        parts.append('<ol class="cards">')
        first_seen: dict = {}
        for f in findings:
            first = first_seen.setdefault(repeat_key(f), f)
            parts.append(_card(f, numbers[id(f)], view, rules.get(f.closest or f.rule),
                               None if first is f else numbers[id(first)]))
        parts.append("</ol>")
    parts.append("</article>")
    return "\n".join(parts)


def highlighted_lines(source: str, findings: list[Finding], numbers: dict) -> list[str]:
    """The HTML of each source line with a <mark> per finding (``numbers``: id(finding) -> its
    number); shared with ``exolint serve``, which lays the same marks under its editor."""
    meta = {numbers[id(f)]: f for f in findings}

    def open_tag(n: int, primary: bool, last: bool) -> str:
        f = meta[n]
        cls = f"hl sev-{_e(f.severity)}" + ("" if primary else " cont") + (" last" if last else "")
        common = f'class="{cls}" data-finding="{n}" data-category="{_e(f.category)}"'
        if not primary:
            return f"<mark {common}>"
        return (f'<mark {common} id="mark-{n}" data-n="{n}" tabindex="0" '
                f'aria-describedby="finding-{n}">')

    spans = [Span(f.start, f.end, numbers[id(f)]) for f in findings]
    return highlight_lines(source, spans, open_tag)


def finding_card(f: Finding, n: int, view: SourceView, rule) -> str:
    """One finding's card as the report shows it: message, why it is risky, what to write
    instead, references (for front ends that lay the findings out themselves)."""
    return _card(f, n, view, rule)


def _source_block(view: SourceView, findings: list[Finding], numbers: dict) -> str:
    lines = highlighted_lines(view.source or "", findings, numbers)
    label = view.location_label or "line"
    rows = []
    for no, line_html in enumerate(lines, start=1):
        note = view.line_notes.get(no)
        where = f'<span class="cell-note">{_e(note)}</span>' if note else ""
        rows.append(f'<div class="line"><span class="ln" aria-hidden="true" '
                    f'title="{_e(label)} {no}">{no}</span><span class="code">{line_html}</span>'
                    f"{where}</div>")
    kind = "paragraphs" if view.location_label == "paragraph" else "lines"
    return (f'<div class="source" role="region" aria-label="Text of {_e(view.path)}, by {kind}">'
            + "".join(rows) + "</div>")


def _card(f: Finding, n: int, view: SourceView, rule, repeat_of: int | None = None) -> str:
    place = view.place(f.line, f.column)
    if repeat_of is not None:  # the same rule on the same phrase again: one line, not the card twice
        return (f'<li class="card repeat sev-{_e(f.severity)}" id="finding-{n}" '
                f'data-category="{_e(f.category)}" value="{n}">'
                f'<p class="where" data-n="{n}"><a href="#mark-{n}">{_e(place.capitalize())}</a>: '
                f'&ldquo;{_e(" ".join(f.match.split()))}&rdquo; again: see '
                f'<a href="#finding-{repeat_of}">finding {repeat_of}</a></p></li>')
    body = [f'<p class="message"><span class="badge sev-{_e(f.severity)}">{_e(f.severity)}</span> '
            f"{_e(f.message)}</p>",
            *([f'<p class="key">Key <code>{_e(f.pointer)}</code>'
               + (f" &middot; {_e(f.place)}" if f.place else "") + "</p>"]
              if f.pointer is not None else []),
            f'<p class="rule">{_e(category_label(f.category))} &middot; <code>{_e(f.rule)}</code>'
            + (f" &middot; judged under {_e(f.market)}" if f.market else "") + "</p>",
            "<dl>"]
    if rule is not None and rule.rationale:
        body.append(f"<dt>Why it is risky</dt><dd>{_e(' '.join(rule.rationale.split()))}</dd>")
    suggestion = f.suggestion or (rule.suggestion if rule is not None else "")
    if suggestion:
        body.append(f'<dt>Write instead</dt><dd class="rewrite">{_e(suggestion)}</dd>')
    if rule is not None and rule.references:
        refs = "".join(
            f'<li><a href="{_e(r.url)}" rel="noreferrer noopener">{_e(r.title)}</a></li>' if r.url
            else f"<li>{_e(r.title)}</li>" for r in rule.references)
        body.append(f'<dt>References</dt><dd><ul class="refs">{refs}</ul></dd>')
    body.append("</dl>")
    return (f'<li class="card sev-{_e(f.severity)}" id="finding-{n}" data-category="{_e(f.category)}" '
            f'value="{n}">'
            f'<p class="where" data-n="{n}"><a href="#mark-{n}">{_e(place.capitalize())}</a>: '
            f'&ldquo;{_e(" ".join(f.match.split()))}&rdquo;</p>'
            f'<div class="card-body">{"".join(body)}</div></li>')


def _quieted(quieted) -> str:
    items = "".join(
        f"<li><code>{_e(f.path)}:{f.line}:{f.column}</code> <code>{_e(f.rule)}</code> "
        f"&ldquo;{_e(' '.join(f.match.split()))}&rdquo;: {_e(f.quieted_because or '')}</li>"
        for f in quieted)
    return ('<section id="quieted" aria-labelledby="quieted-h"><h2 id="quieted-h">Matched but not '
            f"reported: the copy is not making the claim</h2><ul>{items}</ul></section>")


def _errors(errors) -> str:
    items = "".join(f"<li><code>{_e(e.path)}</code>: {_e(e.message)}</li>" for e in errors)
    return ('<section id="errors" aria-labelledby="errors-h"><h2 id="errors-h">Files that could '
            f"not be read</h2><ul>{items}</ul></section>")
