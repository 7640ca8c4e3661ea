"""``exolint serve``: load rules and configuration as ``exolint check`` does, then run the page
with uvicorn on the loopback interface (another interface only when ``--host`` names it)."""
from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import webbrowser

import click

EXIT_ERROR = 2
EXTRA_HINT = "pip install 'exolint[serve]'"


def missing_extra() -> str | None:
    """Why the serve extra cannot be used here, or None."""
    from importlib.util import find_spec

    for modules, package in ((("starlette",), "starlette"), (("uvicorn",), "uvicorn"),
                             (("python_multipart", "multipart"), "python-multipart")):
        if not any(find_spec(m) for m in modules):
            return f"{package} is not installed"
    return None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def cannot_bind(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (port taken, unknown host), or None."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
        family, _type, _proto, _name, address = infos[0]
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def page_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def run(host: str | None, port: int, open_browser: bool, rule_dirs, no_bundled_rules: bool,
        config_file: str | None) -> None:
    why = missing_extra()
    if why:
        click.echo(f"exolint: serve needs the serve extra ({why}): {EXTRA_HINT}", err=True)
        sys.exit(EXIT_ERROR)
    import uvicorn

    from ..cli.commands import load_ruleset
    from ..cli.options import config_rule_dirs, load_config, validate_config_names
    from .app import LOOPBACK_HOSTS, create_app
    from .checker import Checker

    bind = host or "127.0.0.1"
    allowed = LOOPBACK_HOSTS
    if not is_loopback(bind):
        click.echo(f"exolint: warning: serving on {bind}: anyone who can reach this machine on port "
                   f"{port} can use the page and the API (no log-in, no encryption)", err=True)
        allowed = ["*"]
    busy = cannot_bind(bind, port)
    if busy:
        click.echo(f"exolint: cannot serve on {bind}:{port}: {busy}", err=True)
        sys.exit(EXIT_ERROR)
    config = load_config(config_file)
    ruleset = load_ruleset([*rule_dirs, *config_rule_dirs(config, ["."])], no_bundled_rules)
    validate_config_names(config, ruleset, ["."])
    app = create_app(Checker(ruleset, config), allowed_hosts=allowed)
    url = page_url("127.0.0.1" if bind in ("0.0.0.0", "::") else bind, port)
    click.echo(f"exolint: checking page at {url} (Ctrl+C to stop)", err=True)
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=bind.strip("[]"), port=port, log_level="warning", server_header=False,
                date_header=False)
