"""Reading and validating requests: JSON bodies, multipart uploads, market names, file names.

Every problem is a :class:`BadRequest` with a one-line message (400, or 413 over a size limit);
nothing here lets an exception from bad input escape as a traceback.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass

from ..ruleset import MARKETS
from ..sources import DEFAULT_EXTENSIONS, is_binary_format
from .limits import MAX_FILENAME_CHARS

TEXT_FIELDS = ("text", "filename", "market")
DEFAULT_NAME = "<text>"  # no file name: the text is read as plain text


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class CheckRequest:
    name: str  # the file name the findings carry; its extension picks the reader
    data: str | bytes  # pasted text, or an uploaded file's bytes
    markets: frozenset[str] | None  # None: every rule (or the page's own / configured market)


def too_large(size: int, limit: int) -> BadRequest:
    return BadRequest(f"request body too large: {size} bytes or more; the limit is {limit} bytes", 413)


def parse_market(value) -> frozenset[str] | None:
    """Like ``--market``: a name, a comma list or a list of names; "all", "" or null: every market."""
    if value is None:
        return None
    if isinstance(value, str):
        names = [p.strip() for p in value.split(",") if p.strip()]
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        names = [v.strip() for v in value if v.strip()]
    else:
        raise BadRequest('"market" must be a market name such as "UK", a list of names, or null')
    out = set()
    for name in names:
        if name.lower() == "all":
            return None
        upper = "UK" if name.upper() == "GB" else name.upper()
        if upper not in MARKETS:
            raise BadRequest(f"unknown market '{name}' (expected {', '.join(MARKETS)} or all)")
        out.add(upper)
    return frozenset(out) or None


def parse_filename(value, *, upload: bool) -> str:
    if value is None or value == "":
        if upload:
            raise BadRequest("the uploaded file has no name (its extension says how to read it)")
        return DEFAULT_NAME
    if not isinstance(value, str):
        raise BadRequest('"filename" must be a string such as "draft.md"')
    if len(value) > MAX_FILENAME_CHARS or "\x00" in value:
        raise BadRequest(f'"filename" must be at most {MAX_FILENAME_CHARS} characters, without NUL')
    ext = os.path.splitext(value)[1].lower()
    if ext and ext not in DEFAULT_EXTENSIONS:
        raise BadRequest(f"cannot read '{ext}' files (expected one of {', '.join(DEFAULT_EXTENSIONS)})")
    if not upload and is_binary_format(value):
        raise BadRequest(f"'{value}' is a {ext} file: upload it to /api/check-file instead")
    return value


def parse_check_json(body: bytes) -> CheckRequest:
    """{"text": "...", "filename": "draft.md", "market": "UK"}: text required, the rest optional."""
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise BadRequest("the request body is not UTF-8 text") from None
    except ValueError as exc:
        raise BadRequest(f"the request body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadRequest('the request body must be a JSON object: {"text": "...", '
                         '"filename": "draft.md", "market": "UK"}')
    unknown = sorted(set(data) - set(TEXT_FIELDS))
    if unknown:
        raise BadRequest(f"unknown field '{unknown[0]}' (expected {', '.join(TEXT_FIELDS)})")
    if "text" not in data:
        raise BadRequest('missing field "text"')
    if not isinstance(data["text"], str):
        raise BadRequest('"text" must be a string')
    if "\x00" in data["text"]:
        raise BadRequest('"text" contains a NUL character: it is not text')
    return CheckRequest(parse_filename(data.get("filename"), upload=False), data["text"],
                        parse_market(data.get("market")))


def parse_upload_form(form) -> CheckRequest:
    """A multipart form: ``file`` (required), ``market`` and ``filename`` (optional, override
    the upload's own name)."""
    unknown = sorted(set(form.keys()) - {"file", "market", "filename"})
    if unknown:
        raise BadRequest(f"unknown form field '{unknown[0]}' (expected file, market, filename)")
    files = form.getlist("file")
    if len(files) != 1 or isinstance(files[0], str):
        raise BadRequest('send exactly one file, in the multipart form field "file"')
    upload = files[0]
    market = form.get("market")
    if market is not None and not isinstance(market, str):
        raise BadRequest('"market" must be a form field, not a file')
    name = form.get("filename") or upload.filename
    if not isinstance(name, str):
        raise BadRequest('"filename" must be a form field, not a file')
    return CheckRequest(parse_filename(name, upload=True), b"", parse_market(market or None))
