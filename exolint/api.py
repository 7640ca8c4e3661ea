"""The library API the CLI, the pre-commit hook and any editor integration call.

    report = lint_paths(["content/"], LintOptions(markets=frozenset({"UK"})))
    findings = lint_text("No known side effects!", "<stdin>")
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Callable

from .config.discovery import discover
from .document import Document, SegmentMap
from .context.page_copy import page_copy, source_voice
from .match.engine import RuleTimeout, check_document, market_label
from .findings import FileError, Finding
from .memory import LARGE_PAGE, hand_back_large_blocks
from .filters.overlaps import one_across_markets, one_per_place
from .parallel import lint_files
from .match.prefilter import may_have_findings
from .match.sections import is_sectioned, read_sections
from .sources.md_chunks import CutInsideBlock
from .match.sparse import parses_sparsely, read_sparse
from .ruleset import SEVERITY_RANK, RuleSet
from .config.settings import ConfigError
from .config.pathfilter import make_skip
from .perfile import file_settings, finish, page_markets, ruleset_for
from .sources import (DEFAULT_EXTENSIONS, STRUCTURED_EXTENSIONS, BinaryFile, ReaderError,
                      UnreadableFile, decode_bytes, document_for, document_from_bytes,
                      is_binary_format, read_document, read_text)
from .report.window import clip_line
from .sourceview import SourceView


@dataclass
class LintOptions:
    markets: frozenset[str] | None = None  # None: every rule applies
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    keep_sources: bool = False  # keep each document's source text (the HTML report shows it)
    keep_lines: bool = True  # keep the source lines findings are on (the text report shows them)
    jobs: int | None = None  # worker processes for lint_paths; None: one per CPU
    config: "Config | None" = None  # exolint.config.settings.Config: per-path settings (None: defaults)
    respect_gitignore: bool = True  # skip walked files that .gitignore ignores
    surroundings: bool = False  # hash the copy around each finding (baselines need it)
    semantic: bool | None = None  # the semantic second reader; None: the config's, else off
    #                               when the extra is installed (see exolint.semantic)


@dataclass
class LintReport:
    files_checked: int = 0
    checked: list[str] = field(default_factory=list)  # paths of the files checked, in order
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notes: list[FileError] = field(default_factory=list)  # skipped Word lock files, decoding warnings
    timeouts: list[RuleTimeout] = field(default_factory=list)
    # the line each finding starts on, for reporters that show it: (path, line) -> text
    lines: dict[tuple[str, int], str] = field(default_factory=dict)
    # path -> how to show the document (source text only with keep_sources; see sourceview.py)
    sources: dict[str, SourceView] = field(default_factory=dict)
    # matches the context stage did not report, each with ``quieted_because`` (for --explain)
    quieted: list[Finding] = field(default_factory=list)

    def count_at_or_above(self, level: str) -> int:
        if level == "never":
            return 0
        rank = SEVERITY_RANK[level]
        return sum(1 for f in self.findings if SEVERITY_RANK[f.severity] >= rank)


_DEFAULT_RULES: RuleSet | None = None


def default_ruleset() -> RuleSet:
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = RuleSet.load()
    return _DEFAULT_RULES


def lint_document(doc: Document, ruleset: RuleSet, options: LintOptions,
                  report: LintReport) -> list[Finding]:
    settings = file_settings(options, doc.path)
    ruleset = ruleset_for(ruleset, settings)
    if doc.views:  # a structured file with copy for several markets: each under its own
        found = [f for view in doc.views
                 for f in _check(view, ruleset, options, settings, report)]
    else:
        found = _check(doc, ruleset, options, settings, report)
    _record(doc, found, options, report)
    return found


def _record(doc: Document, found: list[Finding], options: LintOptions, report: LintReport) -> None:
    """What the reporters need of a checked document besides its findings."""
    if options.keep_lines:  # the text report shows the lines each finding spans
        _keep_lines(doc, found, report.lines)
    if options.surroundings:
        from .filters.surroundings import surroundings

        for f in found:
            f.surroundings = surroundings(doc.source, f.start, f.end)
    for note in doc.notes:
        report.notes.append(FileError(doc.path, note))
    if options.keep_sources or doc.location_label:
        report.sources[doc.path] = SourceView.of(doc, options.keep_sources)


def _check(doc: Document, ruleset: RuleSet, options: LintOptions, settings,
           report: LintReport) -> list[Finding]:
    markets = page_markets(options, settings, doc)
    quieted: list[Finding] = []
    semantic = semantic_enabled(options, settings)
    # spans of rule matches: the semantic stage reads elsewhere (not listed without it: a dense
    # page has a match every few lines)
    matched: list[tuple[int, int]] | None = [] if semantic else None
    found = check_document(doc, ruleset, markets, report.timeouts, quieted, matched)
    if semantic:
        found.extend(_semantic(doc, ruleset, matched, markets, settings, claimed=bool(found)))
    if doc.key_spans is not None:  # structured files: each finding names its key path
        _place(doc, found)
        _place(doc, quieted)
    return _finish(doc, found, quieted, ruleset, markets, settings, report)


def _finish(doc: Document, found: list[Finding], quieted: list[Finding], ruleset: RuleSet,
            markets, settings, report: LintReport) -> list[Finding]:
    report.quieted.extend(_one_per_phrase(quieted, ruleset, markets))
    found = finish(doc, found, ruleset, markets, settings)  # suppressions, severity overrides
    return _one_per_phrase(found, ruleset, markets)


def _lint_sections(path: str, source: str, read, ruleset: RuleSet, options: LintOptions,
                   report: LintReport, voice) -> list[Finding]:
    """``lint_document`` of a large page read a section at a time (exolint.match.sections):
    the same findings, with one section's Document in memory at a time."""
    settings = file_settings(options, path)
    ruleset = ruleset_for(ruleset, settings)
    if voice is None:  # (judged from the whole page: a section is not the page)
        voice = source_voice(source)
    found: list[Finding] = []
    quieted: list[Finding] = []
    page: Document | None = None  # the page as the last steps see it: its source and directives
    markets = None
    for section in read_sections(path, source, ruleset, read):
        doc = section.doc
        if page is None:  # the first section holds the front matter: the page's markets
            page = Document(path, source, "", SegmentMap(), markets=doc.markets)
            markets = page_markets(options, settings, doc)
        doc.voice = voice
        quiet: list[Finding] = []
        found.extend(f for f in check_document(doc, ruleset, markets, report.timeouts, quiet)
                     if section.holds(f.start))
        quieted.extend(f for f in quiet if section.holds(f.start))
        page.directives.extend(d for d in doc.directives if section.holds(d.start))
        page.notes.extend(n for n in doc.notes if n not in page.notes)
    # a rule out of time in several sections: one time-out of the page
    report.timeouts[:] = list({(t.rule, t.path): t for t in report.timeouts}.values())
    found = _finish(page, found, quieted, ruleset, markets, settings, report)
    _record(page, found, options, report)
    return found


def _place(doc: Document, findings: list[Finding]) -> None:
    for f in findings:
        where = doc.key_spans.at(f.start)
        if where is not None:
            f.pointer, f.place = where


def _keep_lines(doc: Document, found: list[Finding], lines: dict) -> None:
    """The text report shows every line a finding spans; a long line only around the matches."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        for n in range(f.line, max(f.end_line, f.line) + 1):
            start = f.column - 1 if n == f.line else 0
            stop = f.end_column - 1 if n == f.end_line else start + 1
            spans.setdefault(n, []).append((start, stop))
    for n, at in spans.items():
        if (doc.path, n) not in lines:
            lines[(doc.path, n)] = clip_line(doc.source_line(n), at)


def semantic_enabled(options: LintOptions, settings) -> bool:
    """--semantic/--no-semantic > the config's ``semantic`` > off. Opt-in, even with the extra
    installed: it catches little the rules miss at a precision worth keeping (docs/semantic.md)."""
    if options.semantic is not None:
        return options.semantic
    return bool(settings.semantic)


def _semantic_screen(ruleset: RuleSet):
    """``chunk -> whether it holds a word of the rules' vocabulary`` (no numpy)."""
    from .semantic.vocabulary import mentions, ruleset_vocabulary
    vocab = ruleset_vocabulary(ruleset)
    return lambda text: mentions(text, vocab)


def _semantic(doc: Document, ruleset: RuleSet, matched, markets, settings,
              claimed: bool = True) -> list[Finding]:
    from .semantic.classify import recorded_point
    from .semantic.stage import semantic_findings
    changes = {}  # the config's settings over the recorded operating point
    if settings.semantic_threshold is not None:
        changes["margin"] = settings.semantic_threshold
    if settings.semantic_pages is not None:
        changes["claimed_pages_only"] = settings.semantic_pages == "claimed"
    point = replace(recorded_point(), **changes)
    return semantic_findings(doc, ruleset, matched, markets, market_label(markets),
                             lambda: page_copy(doc), point, claimed)


def _one_per_phrase(findings: list[Finding], ruleset: RuleSet,
                    markets: frozenset[str] | None) -> list[Finding]:
    """One finding per phrase and category, and, with no market chosen, across markets."""
    found = one_per_place(findings)
    return one_across_markets(found, ruleset.markets_by_rule()) if markets is None else found


def lint_source(path: str, source: str, ruleset: RuleSet | None = None,
                options: LintOptions | None = None, report: LintReport | None = None) -> list[Finding]:
    """Lint text already in memory, read as the format its ``path`` suggests."""
    ruleset = ruleset or default_ruleset()
    options = options or LintOptions()
    report = report if report is not None else LintReport()
    try:
        copy = file_settings(options, path).copy
    except ConfigError:
        copy = None
    doc = document_for(path, source, copy=copy) if copy is not None else document_for(path, source)
    return lint_document(doc, ruleset, options, report)


def lint_text(text: str, path: str = "<text>", ruleset: RuleSet | None = None,
              options: LintOptions | None = None) -> list[Finding]:
    return lint_source(path, text, ruleset, options)


@dataclass
class FileResult:
    """What checking one file produced; merged into a LintReport by ``lint_paths``."""
    path: str
    checked: bool = False
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    notes: list[FileError] = field(default_factory=list)
    timeouts: list[RuleTimeout] = field(default_factory=list)
    lines: dict[tuple[str, int], str] = field(default_factory=dict)
    sources: dict[str, SourceView] = field(default_factory=dict)
    quieted: list[Finding] = field(default_factory=list)


def _settings_or_error(path: str, options: LintOptions, result: FileResult):
    """The path's settings, or None with the configuration error recorded in ``result``."""
    try:
        return file_settings(options, path)
    except ConfigError as exc:
        result.errors.append(FileError(path, f"bad configuration: {exc}"))
        return None


def lint_file(path: str, ruleset: RuleSet, options: LintOptions) -> FileResult:
    """Read, parse and check one file. Never raises for bad input: errors go in the result."""
    result = FileResult(path)
    settings = _settings_or_error(path, options, result)
    if settings is None:
        return result
    try:
        binary_doc = read_document(path) if is_binary_format(path) else None  # e.g. .docx
        source, notes = ("", []) if binary_doc else read_text(path)
    except BinaryFile as exc:
        result.notes.append(FileError(path, str(exc)))
        return result
    except UnreadableFile as exc:
        result.errors.append(FileError(path, str(exc)))
        return result
    return _check_source(path, source, notes, binary_doc, settings, ruleset, options, result)


def lint_buffer(path: str, data: bytes | str, ruleset: RuleSet | None = None,
                options: LintOptions | None = None) -> LintReport:
    """Check one document held in memory (an editor's unsaved buffer, an upload, pasted text)
    exactly as ``lint_file`` checks the file ``path`` with that content: same settings for the
    path, same reader, same steps. ``data`` is text, or raw bytes (decoded as a file's are, or a
    binary format such as .docx).

    Never raises for bad input: a document that cannot be read is an error in the report, with
    ``files_checked`` 0, so it is never mistaken for a clean one. Findings come sorted.
    """
    ruleset = ruleset or default_ruleset()
    options = options or LintOptions()
    report = LintReport()
    merge(report, buffer_result(path, data, ruleset, options))
    report.findings.sort(key=lambda f: f.sort_key())
    return report


def buffer_result(path: str, data: bytes | str, ruleset: RuleSet,
                  options: LintOptions) -> FileResult:
    """``lint_buffer``'s work as a FileResult, to ``merge`` into a report of several files
    (standard input beside files on the command line)."""
    result = FileResult(path)
    settings = _settings_or_error(path, options, result)
    if settings is None:
        return result
    binary_doc, source, notes = None, "", []
    try:
        if is_binary_format(path):
            if isinstance(data, str):
                raise UnreadableFile("a binary format (e.g. .docx) cannot be checked from text; "
                                     "check the file itself")
            binary_doc = document_from_bytes(path, data)
        elif isinstance(data, bytes):
            source, notes = decode_bytes(data)
        else:
            source = data
    except (BinaryFile, UnreadableFile, ReaderError) as exc:
        result.errors.append(FileError(path, str(exc)))
        return result
    return _check_source(path, source, notes, binary_doc, settings, ruleset, options, result)


def _check_source(path: str, source: str, notes: list[str], binary_doc: Document | None,
                  settings, ruleset: RuleSet, options: LintOptions,
                  result: FileResult) -> FileResult:
    # the semantic stage reads sentences no rule anchor is near: a page holding a word of the
    # rules' vocabulary is read, and its chunks that hold one are parsed (numpy-free check; see
    # exolint.semantic.vocabulary)
    also_keep = (_semantic_screen(ruleset)
                 if binary_doc is None and semantic_enabled(options, settings) else None)
    whole = also_keep is not None and also_keep(source)
    if (binary_doc is None and not options.keep_sources and "exolint" not in source and not whole
            and not parses_sparsely(path, source) and not is_sectioned(path, source)
            and not path.lower().endswith(STRUCTURED_EXTENSIONS)  # parsed to report bad input
            and not may_have_findings(source, ruleset)):
        # no anchor of any rule occurs: parsing could not produce a finding
        result.checked = True
        result.notes.extend(FileError(path, n) for n in notes)
        return result
    voice = None
    if len(source) >= LARGE_PAGE:
        hand_back_large_blocks()  # (its copies' memory returned to the system when freed)
        if binary_doc is None and not path.lower().endswith(STRUCTURED_EXTENSIONS):
            # judged now, while the source is all the page holds in memory: later the page
            # copy this makes would add to the Document, its offset map and its matches
            voice = source_voice(source)
    read = lambda text, **more: document_for(path, text, notes, copy_fields=settings.front_matter_fields,
                                             copy=settings.copy, **more)
    if binary_doc is None and also_keep is None and is_sectioned(path, source):
        partial = LintReport()
        try:
            result.findings = _lint_sections(path, source, read, ruleset, options, partial, voice)
            return _checked(result, partial)
        except ReaderError as exc:
            result.errors.append(FileError(path, str(exc)))
            return result
        except CutInsideBlock:  # the page's blocks are not where its cuts assumed: read whole
            pass
    try:
        doc = binary_doc or read_sparse(path, source, ruleset, read, also_keep if whole else None)
        if binary_doc is None:  # a .docx has no text source to restore
            doc.source = source  # quiet blocks were blanked in place: same offsets, same lines
            if doc.key_spans is None and not doc.views:
                doc.voice = voice
    except ReaderError as exc:
        result.errors.append(FileError(path, str(exc)))
        return result
    partial = LintReport()
    result.findings = lint_document(doc, ruleset, options, partial)
    return _checked(result, partial)


def _checked(result: FileResult, partial: LintReport) -> FileResult:
    result.checked = True
    result.notes.extend(partial.notes)
    result.timeouts = partial.timeouts
    result.lines = partial.lines
    result.sources = partial.sources
    result.quieted = partial.quieted
    return result


def merge(report: LintReport, result: FileResult) -> None:
    report.files_checked += int(result.checked)
    if result.checked:
        report.checked.append(result.path)
    report.findings.extend(result.findings)
    report.errors.extend(result.errors)
    report.notes.extend(result.notes)
    report.timeouts.extend(result.timeouts)
    report.lines.update(result.lines)
    report.sources.update(result.sources)
    report.quieted.extend(result.quieted)


# Structured files that are tooling, never copy: skipped when walking even with walk = true
# (named on the command line, they are checked)
TOOLING_FILES = frozenset({
    "package.json", "package-lock.json", "npm-shrinkwrap.json", "composer.json", "tsconfig.json",
    "jsconfig.json", "deno.json", "renovate.json", "vercel.json", "firebase.json", "lerna.json",
    "nx.json", "turbo.json", "angular.json", "manifest.json", "launch.json", "settings.json",
    ".eslintrc.json", ".prettierrc.json", ".babelrc.json", "pnpm-lock.yaml", "pnpm-workspace.yaml",
    "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml",
    ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "mkdocs.yml", "netlify.yml",
    "codecov.yml", "dependabot.yml", "pubspec.yaml", "environment.yml", "pom.xml",
    "phpunit.xml", "web.config.xml", "sitemap.xml", "feed.xml", "atom.xml", "rss.xml",
})


def _walked(options: LintOptions):
    """Extensions to walk and the skip test: structured formats (.json, .csv...) only under
    folders whose config sets ``[copy] walk = true``, so a repository's package.json or a CI
    workflow is never linted by surprise (files named on the command line always are)."""
    skip = make_skip(options.config, options.respect_gitignore)
    config = options.config
    if config is None:
        return options.extensions, skip
    structured = tuple(e for e in STRUCTURED_EXTENSIONS if e not in options.extensions)

    def skip_or_unwalked(path: str, is_dir: bool) -> bool:
        if skip is not None and skip(path, is_dir):
            return True
        if not is_dir and path.lower().endswith(structured):
            if os.path.basename(path).lower() in TOOLING_FILES:
                return True
            try:
                return not config.for_path(path, False).copy.walk
            except ConfigError:
                return False  # checked, so that the configuration error is reported
        return False

    return options.extensions + structured, skip_or_unwalked


def lint_paths(paths: list[str], ruleset: RuleSet | None = None,
               options: LintOptions | None = None,
               progress: Callable[[int, int], None] | None = None) -> LintReport:
    """Discover the files under ``paths`` and check each of them (on ``options.jobs`` cores).

    Results are merged in file order, so the report does not depend on the number of jobs;
    ``progress(done, total)`` is called after each file.
    """
    ruleset = ruleset or default_ruleset()
    options = options or LintOptions()
    report = LintReport()
    extensions, skip = _walked(options)
    found = discover(paths, extensions, skip)
    for missing in found.missing:
        report.errors.append(FileError(missing, "no such file or directory"))
    for path, why in found.unreadable:
        report.errors.append(FileError(path, why))
    for result in lint_files(found.files, ruleset, options, options.jobs, progress):
        merge(report, result)
    return report
