"""Builds the Word draft the .docx tests check (python-docx), so no binary fixture is committed."""
from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Paragraphs that hold text, in order (the empty paragraph and the empty cell are not counted):
#  1 heading, 2 body, 3 body with a line break, 4-6 table cells, 7 body with tracked changes.
# (paragraph, column, end column) of each phrase the sample rules flag:
EXPECTED = {
    "No known side effects": (2, 17, 38),   # body paragraph
    "miracle": (3, 28, 35),                 # after a line break (Shift+Enter) inside the paragraph
    "breakthrough": (6, 3, 15),             # table 1, row 2, cell 2
    "zero side effects": (7, 18, 35),       # tracked insertion; the tracked deletion is not read
}
CELL_OF_PARAGRAPH = {4: "table 1, row 1, cell 1", 5: "table 1, row 2, cell 1",
                     6: "table 1, row 2, cell 2"}


def _tracked(paragraph, kind: str, text: str) -> None:
    """Append a tracked insertion (w:ins) or deletion (w:del) holding ``text``."""
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), "1" if kind == "ins" else "2")
    wrapper.set(qn("w:author"), "Editor")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    wrapper.append(run)
    paragraph._p.append(wrapper)


def build_draft(path) -> None:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Header: a miracle serum"       # not read
    doc.sections[0].footer.paragraphs[0].text = "Footer: no side effects ever"  # not read
    doc.add_heading("Exosome glow facial", level=1)                             # paragraph 1
    p = doc.add_paragraph("Gentle on skin. No known side effects for anyone.")  # paragraph 2
    doc.add_paragraph("")                                                      # empty: not counted
    p3 = doc.add_paragraph("Our serum feels light.")                           # paragraph 3
    p3.add_run().add_break()
    p3.add_run("Our miracle serum.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Step"                                              # paragraph 4
    table.cell(0, 1).text = ""                                                  # empty: skipped
    table.cell(1, 0).text = "Glow"                                              # paragraph 5
    table.cell(1, 1).text = "A breakthrough peel."                              # paragraph 6
    last = doc.add_paragraph("Tracked changes: ")                              # paragraph 7
    _tracked(last, "del", "no side effects at all, ")
    _tracked(last, "ins", "zero side effects. ")
    try:
        doc.add_comment(p.runs[0], text="Comment: a miracle, no side effects", author="Legal")
    except AttributeError:  # python-docx < 1.2 cannot add comments; nothing to exclude then
        pass
    doc.save(str(path))
