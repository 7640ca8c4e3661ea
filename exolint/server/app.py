"""The language server: pygls wiring of documents, checks, diagnostics, hover and code actions.

Checks run one at a time on a worker thread (the engine and its caches are not shared between
threads), so typing never blocks the connection. Results are tied to the exact text checked:
a result is published (or answered to a pull) only while the document still has that text, so a
slow check of an older version can never overwrite the diagnostics of a newer one.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from .actions import COPY_COMMAND, code_actions
from .diagnostics import to_diagnostics
from .hover import hover_markdown
from .options import ServerOptions, merge_initialization
from .positions import UTF8, UTF16, UTF32, LineIndex
from .project import Checked, Project

log = logging.getLogger(__name__)

# an unsaved buffer has no file name: its language says which reader to use
_EXTENSION_BY_LANGUAGE = {"markdown": ".md", "mdx": ".mdx", "html": ".html", "plaintext": ".txt"}
_ENCODINGS = {types.PositionEncodingKind.Utf8: UTF8, types.PositionEncodingKind.Utf16: UTF16,
              types.PositionEncodingKind.Utf32: UTF32}
_WATCHED = ("**/*.toml",)  # config files and rule packs


@dataclass
class Result:
    text: str
    version: int | None
    generation: int  # the project's generation the check saw (see Project.generation)
    checked: Checked
    index: LineIndex
    diagnostics: list[types.Diagnostic]

    @property
    def result_id(self) -> str:
        return f"{self.generation}:{self.version}:{hash(self.text)}"


class ExolintServer(LanguageServer):
    def __init__(self, options: ServerOptions | None = None):
        super().__init__("exolint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.options = options or ServerOptions()
        self.project = Project(self.options.markets)
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="exolint-check")
        self.push = True
        self.results: dict[str, Result] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self._ticket = itertools.count(1)
        self._published: dict[str, int] = {}  # uri -> ticket of the last published check

    # -- documents -------------------------------------------------------------------------
    def path_of(self, uri: str) -> str:
        doc = self.workspace.get_text_document(uri)
        if doc.path and uri.startswith("file:"):
            return doc.path
        root = self.workspace.root_path or os.getcwd()
        name = "untitled" + _EXTENSION_BY_LANGUAGE.get(doc.language_id or "", ".txt")
        return os.path.join(root, name)

    def is_open(self, uri: str) -> bool:
        return uri in self.workspace.text_documents

    def encoding(self) -> str:
        return _ENCODINGS.get(self.workspace.position_encoding, UTF16)

    # -- checking ----------------------------------------------------------------------------
    def _check_sync(self, path: str, text: str, version, cached: Result | None,
                    encoding: str) -> Result:
        """On the checker thread: reuse ``cached`` if nothing it depends on changed."""
        self.project.refresh(path)
        if (cached is not None and cached.text == text
                and cached.generation == self.project.generation and cached.index.encoding == encoding):
            return replace(cached, version=version)  # same text again (e.g. an edit undone)
        checked = self.project.check(path, text)
        index = LineIndex(text, encoding)
        return Result(text, version, self.project.generation, checked, index,
                      to_diagnostics(checked, index, self.options.rule_url))

    async def result_for(self, uri: str) -> Result:
        doc = self.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        before = self.project.generation
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.checker, self._check_sync, self.path_of(uri),
                                            text, version, self.results.get(uri), self.encoding())
        if self.is_open(uri) and self.workspace.get_text_document(uri).source == text:
            self.results[uri] = result
        if result.generation != before:  # a config or rule file changed: the others are stale too
            self.recheck_all(skip=uri)
        return result

    async def publish(self, uri: str) -> None:
        ticket = next(self._ticket)
        result = await self.result_for(uri)
        if not self.is_open(uri) or self.workspace.get_text_document(uri).source != result.text:
            return  # the text changed while it was checked: a newer check will publish
        if ticket < self._published.get(uri, 0):
            return
        self._published[uri] = ticket
        version = self.workspace.get_text_document(uri).version  # same text, perhaps a later version
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=result.diagnostics))

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing a check scheduled before."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._later(uri, delay))

    async def _later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await self.publish(uri)
        except asyncio.CancelledError:
            pass
        except Exception as exc:  # never let a bug kill the connection: tell the user once
            log.exception("check of %s failed", uri)
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"exolint: checking {uri} failed: {exc}"))
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def recheck_all(self, skip: str | None = None) -> None:
        if self.push:
            for uri in list(self.workspace.text_documents):
                if uri != skip:
                    self.schedule(uri, 0)
        elif _can_refresh(self.client_capabilities):
            self.workspace_diagnostic_refresh(None)

    def forget_and_recheck(self) -> None:
        self.project.request_forget()
        self.results.clear()
        self.recheck_all()


def _can_refresh(caps: types.ClientCapabilities) -> bool:
    ws = caps.workspace
    return bool(ws and ws.diagnostics and ws.diagnostics.refresh_support)


def _client_pulls(caps: types.ClientCapabilities) -> bool:
    td = caps.text_document
    return bool(td and td.diagnostic)


def build_server(options: ServerOptions | None = None) -> ExolintServer:
    server = ExolintServer(options)

    @server.feature(types.INITIALIZE)
    def initialize(ls: ExolintServer, params: types.InitializeParams):
        ls.options, errors = merge_initialization(ls.options, params.initialization_options)
        ls.project.markets = ls.options.markets
        mode = ls.options.diagnostic_mode
        ls.push = mode == "push" or (mode == "auto" and not _client_pulls(params.capabilities))
        for message in errors:
            ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                           message=f"exolint: {message}"))

    @server.feature(types.INITIALIZED)
    def initialized(ls: ExolintServer, params: types.InitializedParams):
        # load and compile the bundled rules now, not when the first document opens
        ls.checker.submit(ls.project.warm_up, ls.workspace.root_path or os.getcwd())
        ws = ls.client_capabilities.workspace
        watched = ws.did_change_watched_files if ws else None
        if watched and watched.dynamic_registration:
            ls.client_register_capability(types.RegistrationParams(registrations=[
                types.Registration(
                    id="exolint-config-watch",
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=[types.FileSystemWatcher(glob_pattern=g) for g in _WATCHED]))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ExolintServer, params: types.DidOpenTextDocumentParams):
        if ls.push:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ExolintServer, params: types.DidChangeTextDocumentParams):
        if ls.push:
            ls.schedule(params.text_document.uri, ls.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ExolintServer, params: types.DidSaveTextDocumentParams):
        if params.text_document.uri.endswith(".toml"):  # a config or rule file edited in place
            ls.forget_and_recheck()
        elif ls.push:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ExolintServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.results.pop(uri, None)
        ls._published[uri] = next(ls._ticket)  # a check still running must not publish now
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_changed(ls: ExolintServer, params: types.DidChangeWatchedFilesParams):
        ls.forget_and_recheck()

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                    types.DiagnosticOptions(identifier="exolint", inter_file_dependencies=False,
                                            workspace_diagnostics=False))
    async def pull(ls: ExolintServer, params: types.DocumentDiagnosticParams):
        result = await ls.result_for(params.text_document.uri)
        if params.previous_result_id == result.result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result.result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=result.diagnostics,
                                                         result_id=result.result_id)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: ExolintServer, params: types.HoverParams):
        result = await ls.result_for(params.text_document.uri)
        at = result.index.offset(params.position.line, params.position.character)
        found = [f for f in result.checked.findings if f.start <= at <= f.end]
        if not found:
            return None
        first = min(found, key=lambda f: f.start)
        start, end = result.index.position(first.start), result.index.position(first.end)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                         value=hover_markdown(found, result.checked.ruleset,
                                                              ls.options.rule_url)),
            range=types.Range(start=types.Position(*start), end=types.Position(*end)))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def actions(ls: ExolintServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        result = await ls.result_for(uri)
        r = params.range
        start = result.index.offset(r.start.line, r.start.character)
        end = result.index.offset(r.end.line, r.end.character)
        return code_actions(uri, ls.path_of(uri), result.index, result.checked.findings,
                            start, end, params.context.diagnostics) or None

    @server.command(COPY_COMMAND)
    def copy_suggestion(ls: ExolintServer, *args):
        """Clients without a clipboard of their own: show the wording so it can be copied."""
        if len(args) == 1 and isinstance(args[0], list):  # arguments passed as one list
            args = tuple(args[0])
        wording = args[0] if args and isinstance(args[0], str) else ""
        if wording:
            ls.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Info, message=f"Suggested wording: {wording}"))
        return wording

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ExolintServer, *_):
        for task in ls.pending.values():
            task.cancel()
        ls.checker.shutdown(wait=False, cancel_futures=True)

    return server
