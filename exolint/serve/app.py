"""The Starlette application: the page, and the API behind it.

    POST /api/check         JSON {"text", "filename", "market"} -> the ``--format json`` contract
    POST /api/check-file    multipart (file, market, filename)   -> the same contract
    POST /api/view[-file]   the same inputs -> what the page shows (contract + report HTML pieces)
    POST /api/report[-file] the same inputs -> the self-contained HTML report, as a download

A document that could not be read answers 422 with the contract (``files_checked`` 0, the
reason in ``errors``): never 200, so it is never taken for clean copy. Bad requests answer 400
``{"error": "..."}``, bodies over the limits 413; an unexpected failure 500 with a message (the
traceback goes to the server's own terminal only).
"""
from __future__ import annotations

import logging
from typing import Awaitable, Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..api import LintReport
from ..report import html as html_report
from ..report import json_format
from .checker import Checker
from .inputs import BadRequest, CheckRequest, parse_check_json, parse_upload_form, too_large
from .limits import MAX_TEXT_BYTES, MAX_UPLOAD_BYTES
from .page import PAGE_CSP, render_page
from .views import page_view

log = logging.getLogger("exolint.serve")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to pass ``limit`` bytes."""
    length = request.headers.get("content-length")
    if length is not None:
        if not length.strip().isdigit():
            raise BadRequest("bad Content-Length header")
        if int(length) > limit:
            raise too_large(int(length), limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(size, limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_text_request(request: Request) -> CheckRequest:
    return parse_check_json(await read_body(request, MAX_TEXT_BYTES))


async def read_upload_request(request: Request) -> CheckRequest:
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise BadRequest('send the file as multipart/form-data, in the form field "file"')
    body = await read_body(request, MAX_UPLOAD_BYTES)

    async def stream():
        yield body

    try:
        form = await MultiPartParser(request.headers, stream(), max_files=1, max_fields=4,
                                     max_part_size=MAX_UPLOAD_BYTES).parse()
    except MultiPartException as exc:
        raise BadRequest(f"malformed multipart upload: {exc.message}") from None
    try:
        checked = parse_upload_form(form)
        checked.data = await form["file"].read()
        return checked
    finally:
        await form.close()


def contract_response(report: LintReport) -> Response:
    status = 200 if report.files_checked else 422
    return Response(json_format.render(report), status, media_type="application/json")


Reader = Callable[[Request], Awaitable[CheckRequest]]


def create_app(checker: Checker, allowed_hosts: list[str] | None = None) -> Starlette:
    """The application. ``allowed_hosts``: Host headers accepted (default: the loopback names,
    which also keeps other web sites from reaching the server through DNS rebinding)."""

    def endpoint(read: Reader, answer: Callable[[LintReport], Response]):
        async def handle(request: Request) -> Response:
            try:
                checked = await read(request)
            except BadRequest as exc:
                return JSONResponse({"error": exc.message}, exc.status)
            report = await run_in_threadpool(checker.check, checked)
            return answer(report)
        return handle

    def view(report: LintReport) -> Response:
        return JSONResponse(page_view(report, checker.ruleset), 200 if report.files_checked else 422)

    def report_download(report: LintReport) -> Response:
        if not report.files_checked:
            return contract_response(report)
        return Response(html_report.render(report, checker.ruleset), media_type="text/html",
                        headers={"Content-Disposition": 'attachment; filename="exolint-report.html"'})

    async def page(_request: Request) -> Response:
        return HTMLResponse(render_page(), headers={"Content-Security-Policy": PAGE_CSP,
                                                    "X-Content-Type-Options": "nosniff",
                                                    "Referrer-Policy": "no-referrer"})

    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("exolint serve: %s %s failed", request.method, request.url.path)
        return JSONResponse({"error": f"internal error ({type(exc).__name__}); the server's "
                                      "terminal has the details"}, 500)

    routes = [Route("/", page, methods=["GET"])]
    for name, answer in (("check", contract_response), ("view", view), ("report", report_download)):
        routes.append(Route(f"/api/{name}", endpoint(read_text_request, answer), methods=["POST"]))
        routes.append(Route(f"/api/{name}-file", endpoint(read_upload_request, answer),
                            methods=["POST"]))
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS)]
    return Starlette(routes=routes, middleware=middleware,
                     exception_handlers={Exception: internal_error})
