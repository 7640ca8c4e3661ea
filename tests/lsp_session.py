"""Drive ``exolint server`` from tests through pytest-lsp's client: a real server process
spoken to over stdio, as an editor would.

``require_lsp()`` skips the calling module with a clear message when the ``lsp`` extra (pygls,
lsprotocol) or pytest-lsp is missing, unless EXOLINT_REQUIRE_LSP=1 (CI) makes that a failure.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
from pathlib import Path

import pytest


def require_lsp() -> None:
    try:
        import lsprotocol  # noqa: F401
        import pytest_lsp  # noqa: F401
        from pygls.lsp.server import LanguageServer  # noqa: F401  (pygls 2.x)
    except ImportError as exc:
        message = (f"the language server tests need the lsp extra and pytest-lsp ({exc}); "
                   "install them with: pip install -e '.[test,lsp]'")
        if os.environ.get("EXOLINT_REQUIRE_LSP") == "1":
            pytest.fail(message + " (EXOLINT_REQUIRE_LSP=1)", pytrace=False)
        pytest.skip(message, allow_module_level=True)


def _client_factory():
    from typing import Union

    from lsprotocol import types
    from pygls.protocol import default_converter
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, LanguageClient, register_lsp_features

    def converter():
        conv = default_converter()

        # lsprotocol reads any object with a "command" key as a Command, even a CodeAction
        # whose "command" is an object: tell them apart by the key's type
        def code_action_or_command(obj, _type):
            if isinstance(obj.get("command"), str):
                return conv.structure(obj, types.Command)
            return conv.structure(obj, types.CodeAction)

        conv.register_structure_hook(Union[types.Command, types.CodeAction], code_action_or_command)
        return conv

    def record(ls, params):  # pygls passes the client as the parameter named "ls"
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    client = LanguageClient(converter_factory=converter)
    client.published = []
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    register_lsp_features(client, features)
    return client


@contextlib.asynccontextmanager
async def lsp_session(root: Path, init_options: dict | None = None, capabilities=None,
                      args: tuple[str, ...] = ()):
    """An initialized client connected to a fresh ``exolint server`` process."""
    from lsprotocol import types
    from pytest_lsp import ClientServerConfig

    config = ClientServerConfig(server_command=[sys.executable, "-m", "exolint", "server", *args],
                                client_factory=_client_factory, server_env=dict(os.environ))
    client = await config.start()
    try:
        await client.initialize_session(types.InitializeParams(
            capabilities=capabilities or types.ClientCapabilities(),
            root_uri=root.as_uri(), initialization_options=init_options))
        yield client
        await asyncio.wait_for(client.shutdown_session(), 10)
    finally:
        server = getattr(client, "_server", None)
        if server is not None and server.returncode is None:
            server.terminate()  # a failed test never sent exit: do not wait for it
        await asyncio.wait_for(client.stop(), 10)


def open_doc(client, path: Path, text: str, version: int = 1, language: str = "markdown") -> str:
    from lsprotocol import types

    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id=language, version=version, text=text)))
    return uri


def replace_all(client, uri: str, text: str, version: int) -> None:
    from lsprotocol import types

    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def published(client, uri: str, accept=lambda p: True, timeout: float = 120.0,
                    after: int = 0):
    """The first diagnostics published for ``uri`` (from the ``after``-th publish on) that
    ``accept`` takes; fails after ``timeout`` seconds (generous: a server whose rule cache is
    cold compiles every rule first, which takes seconds on a loaded machine)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in client.published[after:]:
            if p.uri == uri and accept(p):
                return p
        await asyncio.sleep(0.01)
    raise AssertionError(f"no accepted diagnostics for {uri} within {timeout} s; got "
                         f"{[(p.version, len(p.diagnostics)) for p in client.published if p.uri == uri]}")


def cpu_seconds(client) -> float | None:
    """CPU time the server process has used so far (Linux /proc), or None where unknown."""
    server = getattr(client, "_server", None)
    try:
        with open(f"/proc/{server.pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (AttributeError, OSError, ValueError, IndexError):
        return None


def machine_is_busy() -> bool:
    """More runnable work than cores: wall-clock times say little about exolint then."""
    try:
        return os.getloadavg()[0] > (os.cpu_count() or 1)
    except OSError:
        return False


def run(coro):
    return asyncio.run(coro)
