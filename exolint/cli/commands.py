"""Command line: read options, call the API, pick a reporter, set the exit code.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage error, bad
rule or config file, a file that could not be read, a rule that hit its time limit (the check is
incomplete; ``--on-timeout findings`` lets findings make it 1), or an internal error (one line
on stderr with where to report it; ``EXOLINT_DEBUG=1`` shows the traceback).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import __version__
from ..match import timelimit
from ..api import LintOptions, LintReport, buffer_result, lint_paths, merge
from ..config.settings import market_set
from .options import (config_rule_dirs, copy_keys, fail_level, known_names, list_all_suppressions,
                         load_config, show_config, validate_config_names)
from ..filters.ci import FilterError, apply_ci_filters
from .outputs import FormatSpec, batched, output_over_input, plan_outputs, write_atomic
from .dependencies import missing_packages
from ..findings import FileError, internal_error
from ..parallel import TerminalProgress
from ..report import REPORTERS, render_pieces
from ..report.display_names import escape_report
from ..report.text import summary_line
from ..ruleset import MARKETS, RuleFileError, RuleSet
from ..semantic.cli import check_semantic_available, explain_semantic, semantic_help, semantic_ids

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def parse_markets(values) -> frozenset[str] | None:
    names = _split(values)
    if not names:
        return None
    return market_set(names, lambda n: click.BadParameter(
        f"unknown market '{n}' (expected {', '.join(MARKETS)} or all)", param_hint="'--market'"))


def rule_options(func):
    """--rules DIR (repeatable) and --no-bundled-rules, shared by every command that loads rules."""
    func = click.option("--no-bundled-rules", is_flag=True,
                        help="Use only the packs given with --rules, not the bundled ones.")(func)
    return click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
                        help="Extra folder of rule packs (repeatable).")(func)


def load_ruleset(rule_dirs, no_bundled: bool = False) -> RuleSet:
    try:
        return RuleSet.load([Path(d) for d in rule_dirs or ()], include_bundled=not no_bundled)
    except RuleFileError as exc:
        click.echo(f"exolint: bad rule file: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def select_rules(ruleset: RuleSet, select, ignore) -> RuleSet:
    """Keep rules named (by id or category) in ``select``, minus those in ``ignore``."""
    sel, ign = _split(select), _split(ignore)
    known = known_names(ruleset)
    for name in sel + ign:
        if name not in known:
            raise click.BadParameter(f"'{name}' is neither a rule id nor a category "
                                     "(see `exolint rules`)", param_hint="'--select' / '--ignore'")

    def keep(rule) -> bool:
        if sel and rule.id not in sel and rule.category not in sel:
            return False
        return rule.id not in ign and rule.category not in ign

    return ruleset.subset(keep) if sel or ign else ruleset


def use_color(no_color: bool, stream=None) -> bool:
    stream = stream or sys.stdout
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class _Main(click.Group):
    """The command group, with one last guard: an unexpected exception is one line on stderr,
    with where to report it, and exit code 2 (never a traceback, never the findings code 1)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit,
                SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001
            if os.environ.get("EXOLINT_DEBUG"):
                raise
            from ..report.display_names import escape_name

            click.echo(f"exolint: {escape_name(internal_error(exc))} "
                       "(EXOLINT_DEBUG=1 shows the traceback)", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exolint")
def main() -> None:
    """exolint: lint skincare and aesthetic-clinic copy for risky claims."""
    missing = missing_packages()
    if missing:
        click.echo(f"exolint: missing required package{'s' if len(missing) > 1 else ''}: "
                   f"{', '.join(missing)}; install exolint with its dependencies in this Python "
                   f"environment ({sys.executable}), e.g. `pip install exolint`", err=True)
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "formats", type=FormatSpec(), multiple=True,
              help=f"Output format: {', '.join(sorted(REPORTERS))} (default: github when "
                   "GITHUB_ACTIONS=true, else text). Repeatable as FMT=PATH to also write that "
                   "format to a file, e.g. --format github --format sarif=exolint.sarif.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file; the terminal gets only the summary.")
@click.option("--baseline", "baseline", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None,
              help="Record every current finding in this baseline file (exit code 0 unless a file "
                   "could not be read).")
@click.option("--diff", "diff_ref", metavar="REF", default=None,
              help="Report only findings on lines added or changed since this git ref.")
@click.option("--market", "markets", multiple=True, metavar="MARKET",
              help="Judge copy under these markets (UK, EU, US, CA, AU; repeatable or comma list). "
                   "Default: every rule applies.")
@click.option("--select", multiple=True, metavar="RULE|CATEGORY", help="Only these rules or categories.")
@click.option("--ignore", multiple=True, metavar="RULE|CATEGORY", help="Skip these rules or categories.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: the config's fail-on, "
                   "else warning).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this configuration file instead of searching upwards for one.")
@click.option("--no-respect-gitignore", is_flag=True,
              help="Also check files that .gitignore ignores.")
@rule_options
@click.option("--no-color", is_flag=True, help="Never colour the output (NO_COLOR is honoured too).")
@click.option("--stdin-filename", default="<stdin>", show_default=True,
              help="Name (and so format) for text read from '-'.")
@click.option("--explain", is_flag=True, help="Print the rationale and references under each finding.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, metavar="N",
              help="Check files on N processes (default 0: one per CPU; 1: no worker processes).")
@click.option("--on-timeout", type=click.Choice(["incomplete", "findings"]), default="incomplete",
              show_default=True,
              help="A rule that hits its time limit leaves the check incomplete: exit code 2 "
                   "('incomplete'), or 1 when findings at or above --fail-on exist ('findings'; "
                   "still 2 without such findings). Time-outs are in every report either way.")
@click.option("--semantic/--no-semantic", "semantic", default=None,
              help=semantic_help())
def check(paths, formats, markets, select, ignore, fail_on, rule_dirs, no_bundled_rules, no_color,
          stdin_filename, explain, jobs, output, baseline, write_baseline, diff_ref, config_file,
          no_respect_gitignore, on_timeout, semantic):
    """Check files and folders (default: the current folder); '-' reads standard input."""
    timelimit.enable()  # this process is exolint's own: time limits by interval timer
    market_set = parse_markets(markets)
    paths = list(paths) or ["."]
    outputs = plan_outputs(formats, output)
    _refuse_report_over_input(outputs, [*paths, baseline, write_baseline, config_file])
    config = load_config(config_file, {"select": _split(select), "ignore": _split(ignore)})
    extra_rules = [*rule_dirs, *config_rule_dirs(config, paths)]
    ruleset = select_rules(load_ruleset(extra_rules, no_bundled_rules), select, ignore)
    validate_config_names(config, ruleset, paths)
    fail_on = fail_level(config, paths, fail_on)
    check_semantic_available(semantic, config, paths)
    options = LintOptions(markets=market_set, jobs=jobs or None, config=config, semantic=semantic,
                          respect_gitignore=not no_respect_gitignore,
                          keep_sources=any(o.fmt == "html" for o in outputs),  # shows each document
                          keep_lines=any(o.fmt == "text" for o in outputs),  # shows their lines
                          surroundings=bool(baseline or write_baseline))  # baselines compare them
    file_paths = [p for p in paths if p != "-"]
    progress = TerminalProgress(sys.stderr)
    report = lint_paths(file_paths, ruleset, options, progress) if file_paths else LintReport()
    if "-" in paths:
        _lint_stdin(stdin_filename, ruleset, options, report)
    report.findings.sort(key=lambda f: f.sort_key())
    try:
        filtered = apply_ci_filters(report, baseline=baseline, write_to=write_baseline, diff_ref=diff_ref)
    except FilterError as exc:
        click.echo(f"exolint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    _refuse_report_over_input(outputs, [*report.checked, *(e.path for e in report.errors),
                                        *(n.path for n in report.notes)])
    escape_report(report)  # undecodable file-name bytes as \\xNN, the same in every format
    for out in outputs:
        render = render_pieces(out.fmt)  # (written as made: a report can outgrow its pages)
        if out.path:
            _write_report(out.path, render(report, ruleset, color=False, explain=explain))
            click.echo(f"exolint: {out.fmt} report written to {out.path}", err=True)
        else:
            for text in batched(render(report, ruleset, color=use_color(no_color), explain=explain)):
                click.echo(text, nl=False)
    if output:  # the main report went to a file: the terminal still gets the summary
        click.echo(summary_line(report), nl=True)
    for message in filtered.messages:
        click.echo(message, err=True)
    for note in report.notes:
        click.echo(f"exolint: note: {note.path}: {note.message}", err=True)
    for t in report.timeouts:
        click.echo(f"exolint: warning: rule '{t.rule}' hit its time limit on {t.path}; "
                   "some matches may be missing", err=True)
    sys.exit(exit_code(report, fail_on, write_baseline=bool(write_baseline), on_timeout=on_timeout))


def exit_code(report: LintReport, fail_on: str, *, write_baseline: bool = False,
              on_timeout: str = "incomplete") -> int:
    """2 when a file was not checked; 2 when a rule ran out of time (unless ``on_timeout`` is
    'findings' and findings make it 1); else 1 for findings at or above ``fail_on``, else 0."""
    if report.errors:
        return EXIT_ERROR
    findings = not write_baseline and report.count_at_or_above(fail_on) > 0
    if report.timeouts:
        return EXIT_FINDINGS if on_timeout == "findings" and findings else EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_OK


def _refuse_report_over_input(outputs, inputs) -> None:
    clash = output_over_input(outputs, inputs)
    if clash:
        click.echo(f"exolint: refusing to write the report to {clash[0]}: it is one of the "
                   f"files being read ({clash[1]}); choose another --output path", err=True)
        sys.exit(EXIT_ERROR)


def _write_report(output: str, content) -> None:
    try:
        write_atomic(output, content)  # temporary file in the same folder, then a rename
    except OSError as exc:
        click.echo(f"exolint: {output}: cannot write report: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)


def _lint_stdin(name: str, ruleset: RuleSet, options: LintOptions, report: LintReport) -> None:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        # checked as a file of that name with that content is: its settings, sparse reading,
        # a large page in sections; text decoded, or a binary format (.docx) by name
        result = buffer_result(name, data, ruleset, options)
    except Exception as exc:  # noqa: BLE001 - reported like a file's crash: the others still count
        report.errors.append(FileError(name, internal_error(exc)))
        return
    merge(report, result)


@main.command("rules")
@rule_options
@click.option("--category", "categories", multiple=True, help="Only these categories.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="markdown or json: the full rule reference, for publishing.")
def list_rules(rule_dirs, no_bundled_rules, categories, fmt):
    """List every rule: id, category, severity, markets and summary."""
    ruleset = load_ruleset(rule_dirs, no_bundled_rules)
    cats = set(_split(categories))
    rows = [r for r in ruleset.rules if not cats or r.category in cats]
    if fmt != "text":
        from ..ruleset.reference import render as render_reference

        click.echo(render_reference(rows, fmt), nl=False)
        return
    width = max((len(r.id) for r in rows), default=10)
    cwidth = max((len(r.category) for r in rows), default=10)
    for r in rows:
        markets = ",".join(sorted(r.markets)) or "all"
        click.echo(f"{r.id:<{width}}  {r.category:<{cwidth}}  {r.severity:<7}  {markets:<8}  {r.summary}")
    click.echo(f"\n{len(rows)} rules", err=True)


@main.command()
@click.argument("rule_id")
@rule_options
def explain(rule_id, rule_dirs, no_bundled_rules):
    """Explain a rule: why it is risky, references, what to write instead, examples."""
    ruleset = load_ruleset(rule_dirs, no_bundled_rules)
    rule = ruleset.by_id.get(rule_id)
    if rule is None and semantic_ids(rule_id):
        click.echo(explain_semantic(rule_id, ruleset))
        return
    if rule is None:
        close = [r.id for r in ruleset.rules if rule_id.lower() in r.id]
        hint = f" Did you mean: {', '.join(close[:5])}?" if close else " See `exolint rules`."
        click.echo(f"exolint: no rule '{rule_id}'.{hint}", err=True)
        sys.exit(EXIT_ERROR)
    markets = ", ".join(sorted(rule.markets)) or "all markets"
    click.echo(f"{rule.id}  ({rule.category}, {rule.severity}, {markets})\n")
    click.echo(f"{rule.summary}\n")
    click.echo("Why it is risky")
    click.echo(f"  {' '.join(rule.rationale.split())}\n")
    click.echo("Write instead")
    click.echo(f"  {rule.suggestion}\n")
    click.echo("References")
    for ref in rule.references:
        click.echo(f"  - {ref.title}" + (f" <{ref.url}>" if ref.url else ""))
    click.echo("\nFlagged, for example")
    for ex in rule.examples_flag:
        click.echo(f"  x {ex}")
    click.echo("\nNot flagged, for example")
    for ex in rule.examples_pass:
        click.echo(f"  ok {ex}")
    click.echo(f"\nDefined in {rule.source_file}")


@main.command("test-rules")
@click.argument("rule_dirs", nargs=-1, type=click.Path(file_okay=False))
def test_rules(rule_dirs):
    """Validate rule files and run every rule's flag/pass examples (non-zero on any failure).

    With no folder, checks the bundled packs; with folders, checks only the rules defined there
    (shared contexts from the bundled packs are available to them).
    """
    from ..ruleset.selftest import run_examples

    ruleset = load_ruleset(rule_dirs, no_bundled=bool(rule_dirs))
    result = run_examples(ruleset)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    for f in result.failures:
        click.echo(f"FAIL {f.rule} [{f.kind}] {f.example!r}: {f.detail}")
    status = "failed" if result.failures else "ok"
    click.echo(f"{result.rules} rules, {result.examples} examples: {len(result.failures)} failed ({status})")
    sys.exit(EXIT_FINDINGS if result.failures else EXIT_OK)


@main.command()
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1, this "
              "computer only; any other is reachable from the network, with a warning).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this configuration file instead of searching upwards for one.")
@rule_options
def serve(port, host, open_browser, config_file, rule_dirs, no_bundled_rules):
    """Start a local web page that checks copy as you type (needs `exolint[serve]`)."""
    from ..serve.command import run

    run(host, port, open_browser, rule_dirs, no_bundled_rules, config_file)


@main.command("server")
@click.option("--market", "markets", multiple=True, metavar="MARKET",
              help="Judge copy under these markets, as `check --market` (the client's "
                   "initializationOptions.markets wins).")
@click.option("--stdio", is_flag=True, help="Accepted for clients that pass it; stdio is the only "
                                            "transport.")
def server(markets, stdio):
    """Run the language server for editors (LSP over stdio; needs exolint[lsp])."""
    from ..server import run

    sys.exit(run(parse_markets(markets)))


main.add_command(show_config)
main.add_command(list_all_suppressions)
main.add_command(copy_keys)


if __name__ == "__main__":  # pragma: no cover
    main()
