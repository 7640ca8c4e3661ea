"""``exolint server``: a Language Server (LSP over stdio) for editors.

Needs the ``lsp`` extra (``pip install 'exolint[lsp]'``: pygls and lsprotocol). Every check goes
through ``exolint.api.lint_buffer``, so an editor shows exactly what ``exolint check`` reports
for the same text, configuration and market. See docs/editors.md.
"""
from __future__ import annotations

import sys

MISSING_EXTRA = ("exolint: the language server needs the 'lsp' extra: "
                 "pip install 'exolint[lsp]' (pygls 2 and lsprotocol)")


def run(markets: frozenset[str] | None = None) -> int:
    """Serve LSP on stdin/stdout until the client exits; 2 if the extra is missing."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
        from pygls.lsp.server import LanguageServer  # noqa: F401  (pygls 2.x)
    except ImportError:
        print(MISSING_EXTRA, file=sys.stderr)
        return 2
    from .app import build_server
    from .options import ServerOptions

    build_server(ServerOptions(markets=markets)).start_io()
    return 0
