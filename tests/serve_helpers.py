"""Run ``exolint serve``'s application on a real uvicorn server (loopback, a free port) in a
thread, and talk to it with the standard library's HTTP client, for the API and page tests.

``missing_serve()`` says why the serve extra is unusable here; the tests skip with that message
unless EXOLINT_REQUIRE_SERVE=1, which turns a missing extra into a failure (CI installs it).
"""
from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request
import uuid

import pytest

from exolint.serve.command import EXTRA_HINT, missing_extra


def missing_serve() -> str | None:
    why = missing_extra()
    return f"{why} ({EXTRA_HINT})" if why else None


def serve_skip_mark():
    why = missing_serve()
    if why and os.environ.get("EXOLINT_REQUIRE_SERVE") == "1":
        raise RuntimeError(f"EXOLINT_REQUIRE_SERVE=1 but {why}")
    return pytest.mark.skipif(why is not None, reason=f"serve test skipped: {why}")


class Server:
    """A running server: ``url``, and ``stop()``."""

    def __init__(self, checker, allowed_hosts=None):
        import uvicorn

        from exolint.serve.app import create_app

        config = uvicorn.Config(create_app(checker, allowed_hosts), host="127.0.0.1", port=0,
                                log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)


def request(url: str, body: bytes | None = None, headers: dict | None = None,
            method: str | None = None) -> Answer:
    req = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return Answer(resp.status, resp.headers, resp.read())
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, exc.headers, exc.read())


def post_json(url: str, payload) -> Answer:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    return request(url, body, {"Content-Type": "application/json"})


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body and its Content-Type."""
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for name, (filename, data) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def post_file(url: str, upload_name: str, data: bytes, **fields: str) -> Answer:
    body, ctype = multipart(fields, {"file": (upload_name, data)})
    return request(url, body, {"Content-Type": ctype})
