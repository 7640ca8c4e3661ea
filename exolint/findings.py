"""The Finding type: exactly the fields of the JSON output contract, plus internal offsets."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)  # a dense page has one per line or two: no __dict__ each
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    match: str  # the original text of the span
    suggestion: str
    market: str | None = None  # the market(s) the copy was judged under; None: all markets
    # internal: offsets into the document's source, not part of the contract
    start: int = field(default=0, repr=False, compare=False)
    end: int = field(default=0, repr=False, compare=False)
    # set on a match the context stage did not report: why (see exolint.context.stage)
    quieted_because: str | None = field(default=None, repr=False, compare=False)
    # hashes of the copy around the finding, for baselines (see exolint.filters.surroundings);
    # set only when LintOptions.surroundings asks for them
    surroundings: tuple[str, str, str] | None = field(default=None, repr=False, compare=False)
    # structured files (JSON, YAML, CSV, .po, WXR): the string's key path as a JSON pointer
    # (/entries/3/fields/description/en-US; CSV /ROW/COLUMN; .po /MSGCTXT/MSGID) and how a
    # person finds it ('row 3, column "Body (HTML)"', 'post "Glow serum" <https://...>')
    pointer: str | None = field(default=None, compare=False)
    place: str | None = field(default=None, compare=False)
    # set on a semantic finding: the rule whose flag example was nearest (its suggestion,
    # rationale and references are the finding's; see exolint.semantic.stage)
    closest: str | None = field(default=None, repr=False, compare=False)

    CONTRACT = ("path", "line", "column", "end_line", "end_column", "rule", "category",
                "severity", "message", "match", "suggestion")

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in self.CONTRACT}
        out["market"] = self.market
        if self.pointer is not None:  # only for structured files: other outputs are unchanged
            out["pointer"] = self.pointer
            if self.place:
                out["place"] = self.place
        return out

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)


ISSUES_URL = "https://github.com/exolint/exolint/issues"
INTERNAL_ERROR_HINT = f"this is a bug in exolint: please report it at {ISSUES_URL}"


def internal_error(exc: BaseException) -> str:
    """One line for an unexpected exception: what it was, and where to report it."""
    detail = " ".join(str(exc).split())
    return f"internal error: {type(exc).__name__}{': ' + detail if detail else ''} ({INTERNAL_ERROR_HINT})"


@dataclass
class FileError:
    """A file that could not be read or checked; the run goes on with the others."""
    path: str
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}
