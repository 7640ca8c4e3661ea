"""``exolint server`` end to end: pytest-lsp's client drives a real server process over stdio.

Skips (with the reason) when the lsp extra or pytest-lsp is missing, unless EXOLINT_REQUIRE_LSP=1.
"""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lsp_session import require_lsp

require_lsp()

from lsprotocol import types  # noqa: E402

from exolint.api import LintOptions, lint_buffer  # noqa: E402
from exolint.config.settings import Config  # noqa: E402
from exolint.server.positions import LineIndex  # noqa: E402
from lsp_session import (cpu_seconds, lsp_session, machine_is_busy, open_doc,  # noqa: E402
                         published, replace_all, run)


@pytest.fixture(scope="module", autouse=True)
def warm_rule_cache():
    """Load the rules once here, which fills exolint's on-disk rule cache: every server the
    tests start then loads compiled rules instead of compiling them (seconds)."""
    from exolint.api import default_ruleset

    default_ruleset()

RISKY = "Our serum has no side effects."
CLEAN = "Our serum is gentle on most skin."


def _expected(path: Path, text: str):
    return lint_buffer(str(path), text, None, LintOptions(config=Config())).findings


def test_open_publishes_diagnostics_with_utf16_ranges_on_crlf_text(tmp_path):
    path = tmp_path / "page.md"
    text = "# Glow \U0001F600\r\n\r\n\U0001F600\U0001F600 Our serum has no side effects.\r\n"

    async def go():
        async with lsp_session(tmp_path) as client:
            uri = open_doc(client, path, text)
            return await published(client, uri, lambda p: p.version == 1)

    params = run(go())
    [d] = [d for d in params.diagnostics if d.code == "no-side-effects"]
    # line 2 (0-based), after two astral characters (4 UTF-16 units) and "Our serum has "
    assert (d.range.start.line, d.range.start.character) == (2, 4 + 1 + len("Our serum has "))
    assert d.range.end.character - d.range.start.character == len("no side effects")
    [f] = [f for f in _expected(path, text) if f.rule == "no-side-effects"]
    assert d.message == f.message and d.source == "exolint"
    assert d.severity == {"error": 1, "warning": 2, "info": 3}[f.severity]
    assert d.code_description.href.endswith("docs/rules.md#no-side-effects")


def test_change_is_debounced_and_a_stale_result_never_wins(tmp_path):
    path = tmp_path / "page.md"

    async def go():
        async with lsp_session(tmp_path) as client:
            uri = open_doc(client, path, CLEAN)
            await published(client, uri, lambda p: p.version == 1)
            start = len(client.published)
            for version in range(2, 7):  # typing: five edits well inside the 300 ms pause
                replace_all(client, uri, RISKY if version % 2 else CLEAN, version)
            typed = time.monotonic()
            last = await published(client, uri, lambda p: p.version == 6, after=start)
            paused = time.monotonic() - typed
            burst = [p.version for p in client.published[start:] if p.uri == uri]
            # a stale check racing a newer one: risky then clean at once, many times
            for version in range(7, 27):
                replace_all(client, uri, RISKY if version % 2 else CLEAN, version)
            final = await published(client, uri, lambda p: p.version == 26, after=start)
            await asyncio.sleep(0.8)  # anything still running would land by now
            after = [p for p in client.published if p.uri == uri]
            return last, burst, paused, final, after

    last, burst, paused, final, after = run(go())
    assert burst == [6], "only the text after the pause is checked"
    assert paused >= 0.3, "the check waits for a pause in typing"
    assert last.diagnostics == () or not last.diagnostics  # version 6 is the clean text
    assert final.diagnostics == () or not final.diagnostics  # version 26 is clean
    versions = [p.version for p in after]
    assert versions == sorted(versions) and versions[-1] == 26


def test_save_checks_at_once_and_close_clears(tmp_path):
    path = tmp_path / "page.txt"

    async def go():
        async with lsp_session(tmp_path, {"debounceMs": 5000}) as client:
            uri = open_doc(client, path, CLEAN, language="plaintext")
            await published(client, uri, lambda p: p.version == 1)
            replace_all(client, uri, RISKY, 2)
            t0 = time.monotonic()
            client.text_document_did_save(types.DidSaveTextDocumentParams(
                types.TextDocumentIdentifier(uri)))
            saved = await published(client, uri, lambda p: p.version == 2, timeout=4)
            waited = time.monotonic() - t0
            client.text_document_did_close(types.DidCloseTextDocumentParams(
                types.TextDocumentIdentifier(uri)))
            closed = await published(client, uri, lambda p: p.version is None)
            return saved, waited, closed

    saved, waited, closed = run(go())
    assert [d.code for d in saved.diagnostics] == ["no-side-effects"] and waited < 4
    assert list(closed.diagnostics) == []


def test_hover_explains_the_finding_in_markdown(tmp_path):
    path = tmp_path / "page.md"
    text = f"# Title\n\n{RISKY}\n"

    async def go():
        async with lsp_session(tmp_path) as client:
            uri = open_doc(client, path, text)
            await published(client, uri, lambda p: p.version == 1)
            on = await client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(2, RISKY.index("side"))))
            off = await client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(0, 2)))
            return on, off

    on, off = run(go())
    assert off is None
    assert on.contents.kind == types.MarkupKind.Markdown
    md = on.contents.value
    for heading in ("**Why it is risky**", "**Write instead**", "**References**"):
        assert heading in md
    assert "`no-side-effects`" in md and "](http" in md  # references are links
    assert on.range.start.character == RISKY.index("no side effects")


@pytest.mark.parametrize("name, language, marker", [
    ("page.md", "markdown", "<!-- exolint-disable-next-line no-side-effects -- reason -->"),
    ("page.mdx", "mdx", "{/* exolint-disable-next-line no-side-effects -- reason */}"),
    ("page.html", "html", "<!-- exolint-disable-next-line no-side-effects -- reason -->"),
    ("page.txt", "plaintext", "exolint: disable-next-line no-side-effects -- reason"),
])
def test_code_actions_suppress_and_copy_the_suggested_wording(tmp_path, name, language, marker):
    path = tmp_path / name
    body = f"<p>{RISKY}</p>" if name.endswith(".html") else RISKY
    text = f"Intro.\n\n    {body}\n" if name.endswith(".txt") else f"# Title\n\n{body}\n"
    line_no = 2
    col = text.splitlines()[line_no].index("side")

    async def go():
        async with lsp_session(tmp_path) as client:
            uri = open_doc(client, path, text, language=language)
            params = await published(client, uri, lambda p: p.version == 1)
            acts = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                types.Range(types.Position(line_no, col), types.Position(line_no, col)),
                types.CodeActionContext(diagnostics=list(params.diagnostics))))
            copy = [a for a in acts if a.command and a.command.command == "exolint.copySuggestion"]
            ran = await client.workspace_execute_command_async(types.ExecuteCommandParams(
                command="exolint.copySuggestion", arguments=copy[0].command.arguments))
            return uri, acts, copy, ran, list(client.messages)

    uri, acts, copy, ran, messages = run(go())
    [suppress] = [a for a in acts if a.edit]
    [edit] = suppress.edit.changes[uri]
    assert marker in edit.new_text and edit.range.start == types.Position(line_no, 0)
    index = LineIndex(text)
    at = index.starts[line_no]
    fixed = text[:at] + edit.new_text + text[at:]
    assert not [f for f in _expected(path, fixed) if f.rule == "no-side-effects"]
    wording = copy[0].command.arguments[0]
    assert len(copy) == 1 and wording and "'" not in wording[:1]
    assert ran == wording and any(wording in m.message for m in messages)


def test_config_and_rule_pack_changes_are_picked_up_without_restart(tmp_path):
    (tmp_path / "exolint.toml").write_text('ignore = ["no-side-effects"]\n', encoding="utf-8")
    pack = tmp_path / "house-rules"
    pack.mkdir()
    path = tmp_path / "page.md"
    text = f"# Title\n\n{RISKY} Try our velvet shot.\n"
    rule = (Path(__file__).parent / "data" / "lsp" / "house_pack.toml").read_text(encoding="utf-8")

    async def go():
        async with lsp_session(tmp_path) as client:
            uri = open_doc(client, path, text)
            first = await published(client, uri, lambda p: p.version == 1)
            # 1. the client says a watched file changed
            (tmp_path / "exolint.toml").write_text('rules = ["house-rules"]\n', encoding="utf-8")
            (pack / "house.toml").write_text(rule, encoding="utf-8")
            n = len(client.published)
            client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
                types.FileEvent(uri=(tmp_path / "exolint.toml").as_uri(),
                                type=types.FileChangeType.Changed)]))
            second = await published(client, uri, lambda p: True, after=n)
            # 2. no notification at all: the next check sees the file's new mtime
            time.sleep(0.01)
            (tmp_path / "exolint.toml").write_text(
                'rules = ["house-rules"]\nseverity = { "house-velvet-shot" = "error" }\n',
                encoding="utf-8")
            n = len(client.published)
            replace_all(client, uri, text + "\n", 2)
            third = await published(client, uri, lambda p: p.version == 2, after=n)
            return first, second, third

    first, second, third = run(go())
    assert [d.code for d in first.diagnostics] == []
    codes = {d.code: d for d in second.diagnostics}
    assert set(codes) == {"no-side-effects", "house-velvet-shot"}
    assert codes["house-velvet-shot"].code_description.href.startswith("file://")
    assert codes["house-velvet-shot"].severity == types.DiagnosticSeverity.Warning
    sev = {d.code: d.severity for d in third.diagnostics}
    assert sev["house-velvet-shot"] == types.DiagnosticSeverity.Error


def test_per_path_overrides_apply_per_document(tmp_path):
    (tmp_path / "exolint.toml").write_text(
        'exclude = ["legal/**"]\n[[overrides]]\npaths = ["blog/**"]\n'
        'severity = { absolute_safety = "info" }\n', encoding="utf-8")
    (tmp_path / "blog").mkdir()
    (tmp_path / "legal").mkdir()

    async def go():
        async with lsp_session(tmp_path) as client:
            a = open_doc(client, tmp_path / "blog" / "a.md", RISKY)
            b = open_doc(client, tmp_path / "b.md", RISKY)
            c = open_doc(client, tmp_path / "legal" / "terms.md", RISKY)
            return (await published(client, a, lambda p: p.version == 1),
                    await published(client, b, lambda p: p.version == 1),
                    await published(client, c, lambda p: p.version == 1))

    a, b, excluded = run(go())
    assert list(excluded.diagnostics) == []  # exclude = ["legal/**"]: not copy
    assert [d.severity for d in a.diagnostics] == [types.DiagnosticSeverity.Information]
    assert [d.severity for d in b.diagnostics] == [types.DiagnosticSeverity.Error]


def test_a_bad_config_is_reported_not_shown_as_clean(tmp_path):
    (tmp_path / "exolint.toml").write_text('markets = ["Mars"]\n', encoding="utf-8")

    async def go():
        async with lsp_session(tmp_path, {"markets": ["Atlantis"]}) as client:
            uri = open_doc(client, tmp_path / "a.md", RISKY)
            return await published(client, uri, lambda p: p.version == 1), list(client.messages)

    params, messages = run(go())
    [d] = params.diagnostics
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.message.startswith("exolint could not check this file: bad configuration")
    assert "Mars" in d.message
    assert any("unknown market 'Atlantis'" in m.message for m in messages)


def test_pull_diagnostics_for_clients_that_pull(tmp_path):
    from pytest_lsp import client_capabilities

    caps = client_capabilities("visual-studio-code")  # a real editor's capabilities, plus pull
    caps.text_document.diagnostic = types.DiagnosticClientCapabilities(
        dynamic_registration=False, related_document_support=False)
    path = tmp_path / "page.md"

    async def go():
        async with lsp_session(tmp_path, capabilities=caps) as client:
            uri = open_doc(client, path, RISKY)
            ident = types.TextDocumentIdentifier(uri)
            full = await client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=ident))
            same = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
                text_document=ident, previous_result_id=full.result_id))
            replace_all(client, uri, CLEAN, 2)
            changed = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
                text_document=ident, previous_result_id=full.result_id))
            await asyncio.sleep(0.5)
            return full, same, changed, [p for p in client.published if p.uri == uri]

    full, same, changed, pushed = run(go())
    assert full.kind == "full" and [d.code for d in full.items] == ["no-side-effects"]
    assert same.kind == "unchanged" and same.result_id == full.result_id
    assert changed.kind == "full" and list(changed.items) == []
    assert pushed == [], "a client that pulls gets no pushed duplicates"


def test_a_2000_line_document_gets_diagnostics_within_a_second(tmp_path):
    para = ("Our clinic offers a gentle facial.\n\nOur serum has no side effects and is 100% "
            "safe.\n\nBook a consultation to discuss your goals.\n\n")
    text = "# Treatments\n\n" + para * 334
    assert text.count("\n") >= 2000

    async def go():
        async with lsp_session(tmp_path) as client:
            warm = open_doc(client, tmp_path / "warm.md", RISKY)  # server started, rules loaded
            await published(client, warm, lambda p: p.version == 1)
            await asyncio.sleep(0.2)
            cpu0, t0 = cpu_seconds(client), time.monotonic()
            uri = open_doc(client, tmp_path / "long.md", text)
            params = await published(client, uri, lambda p: p.version == 1)
            wall, cpu1 = time.monotonic() - t0, cpu_seconds(client)
            return wall, (cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None), params

    wall, cpu, params = run(go())
    assert len(params.diagnostics) == len(_expected(tmp_path / "long.md", text)) >= 334
    # the server's own CPU time is what exolint controls; on a machine with more runnable work
    # than cores the wall-clock time also measures the other processes, so it is asserted only
    # when the machine is not oversubscribed (CI runs alone)
    if cpu is not None:
        assert cpu < 1.0, f"the server used {cpu:.2f} s of CPU for the first diagnostics"
    if not machine_is_busy():
        assert wall < 1.0, f"first diagnostics after {wall:.2f} s"


def _check_json(paths: list[Path], cwd: Path, *args: str) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "exolint", "check", "--format", "json", *args,
                          *map(str, paths)], cwd=cwd, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)["findings"]


def _as_check_rows(uri_path: Path, text: str, diagnostics) -> list[tuple]:
    """Diagnostics back in the JSON contract's terms: 1-based lines, code-point columns."""
    index = LineIndex(text)
    rows = []
    for d in diagnostics:
        rows.append((str(uri_path), d.range.start.line + 1,
                     index.offset(d.range.start.line, d.range.start.character)
                     - index.starts[d.range.start.line] + 1,
                     d.range.end.line + 1,
                     index.offset(d.range.end.line, d.range.end.character)
                     - index.starts[d.range.end.line] + 1,
                     d.code, {1: "error", 2: "warning", 3: "info"}[d.severity], d.message))
    return sorted(rows)


@pytest.mark.parametrize("market", [None, "UK", "US"])
def test_server_shows_exactly_what_check_reports(tmp_path, market):
    (tmp_path / "exolint.toml").write_text(
        'markets = ["EU"]\nignore = ["hype"]\n[[overrides]]\npaths = ["blog/**"]\n'
        'severity = { absolute_safety = "info" }\n', encoding="utf-8")
    (tmp_path / "blog").mkdir()
    pages = {
        tmp_path / "blog" / "post.md": (
            "---\ntitle: Exosome facial\n---\n\n# Results \U0001F600\n\nOur exosome serum has no "
            "side effects and is FDA approved.\n\nIt cures acne and rosacea in one session, "
            "clinically proven.\n\n<!-- exolint-disable-next-line no-downtime -->\nNo downtime.\n"),
        tmp_path / "page.html": (
            "<html lang='en-US'><body><h1>PRP</h1><p>Stem cells from your own blood regrow hair; "
            "100% safe and risk-free.</p><p>Revolutionary miracle results.</p></body></html>\n"),
        tmp_path / "notes.txt": "Our injections are completely painless and guaranteed to work.\n",
        tmp_path / "card.mdx": ("import Card from './card'\n\n# Offer\n\n<Card title=\"No side "
                                "effects\" />\n\nBoosts collagen by 300% in a week.\n"),
    }
    for p, t in pages.items():
        p.write_text(t, encoding="utf-8")
    args = ("--market", market) if market else ()
    expected = sorted((f["path"], f["line"], f["column"], f["end_line"], f["end_column"],
                       f["rule"], f["severity"], f["message"])
                      for f in _check_json(list(pages), tmp_path, *args))
    assert len(expected) >= 6

    async def go():
        init = {"markets": [market]} if market else None
        async with lsp_session(tmp_path, init) as client:
            got = []
            for p, t in pages.items():
                lang = {".md": "markdown", ".html": "html", ".txt": "plaintext", ".mdx": "mdx"}
                uri = open_doc(client, p, t, language=lang[p.suffix])
                params = await published(client, uri, lambda q: q.version == 1)
                got += _as_check_rows(p, t, params.diagnostics)
            return sorted(got)

    assert run(go()) == expected


def test_server_without_the_lsp_extra_says_how_to_install_it():
    code = ("import sys; sys.modules['pygls'] = None\n"
            "from exolint.cli.commands import main\nmain(['server'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    assert out.returncode == 2
    assert out.stderr.strip() == ("exolint: the language server needs the 'lsp' extra: "
                                  "pip install 'exolint[lsp]' (pygls 2 and lsprotocol)")
