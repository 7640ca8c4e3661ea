"""What a reporter needs to show a checked document after the Document itself is gone.

Kept per file in ``FileResult.sources`` / ``LintReport.sources``: always for documents that name
their places differently from line/column (Word drafts: "paragraph 3 (table 1, row 2, cell 1)"),
and with the full source text only when ``LintOptions.keep_sources`` asks for it (the HTML report).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document


@dataclass
class SourceView:
    path: str
    source: str | None = None  # the original source, only with keep_sources
    location_label: str | None = None  # "paragraph" for .docx; None: line/column
    line_notes: dict[int, str] = field(default_factory=dict)  # line -> "table 1, row 2, cell 3"

    @classmethod
    def of(cls, doc: Document, keep_source: bool) -> "SourceView":
        return cls(doc.path, doc.source if keep_source else None, doc.location_label,
                   dict(doc.line_notes))

    def place(self, line: int, column: int | None = None) -> str:
        """'line 3, column 5' or, for a Word draft, 'paragraph 3 (table 1, row 2, cell 1), column 5'."""
        label = self.location_label or "line"
        out = f"{label} {line}"
        note = self.line_notes.get(line)
        if note:
            out += f" ({note})"
        if column is not None:
            out += f", column {column}"
        return out
