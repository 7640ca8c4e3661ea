"""Deep nesting in Markdown never loses copy.

markdown-it stops at ``maxNesting`` open blocks (ten list levels, twenty quote levels) and skips
the rest of the enclosing block, which for a list item runs to the end of the page: copy vanished
silently. Here, past the limit, the remaining lines are read as plain paragraphs (their list and
quote markers stay in the text as punctuation), so every word is still checked, the parser never
recurses deeper, and the work stays linear in the size of the page.
"""
from __future__ import annotations

import types


def flatten_past_nesting_limit(md) -> None:
    """Make ``md``'s block parser read blocks nested past ``maxNesting`` as plain paragraphs."""
    from markdown_it.rules_block import paragraph

    block = md.block
    nested = block.tokenize  # the library's own, bound method

    def tokenize(self, state, start_line: int, end_line: int) -> None:
        if state.level < state.md.options.maxNesting:
            nested(state, start_line, end_line)
        else:
            _paragraphs_only(state, start_line, end_line, paragraph)

    block.tokenize = types.MethodType(tokenize, block)


def _paragraphs_only(state, start_line: int, end_line: int, paragraph) -> None:
    """The library's block loop with the paragraph rule only (it always consumes a line)."""
    line = start_line
    has_empty_lines = False
    while line < end_line:
        state.line = line = state.skipEmptyLines(line)
        if line >= end_line or state.sCount[line] < state.blkIndent:
            break  # the enclosing block ends here: back to the parent
        paragraph(state, line, end_line, False)
        state.tight = not has_empty_lines
        line = state.line
        if (line - 1) < end_line and state.isEmpty(line - 1):
            has_empty_lines = True
        if line < end_line and state.isEmpty(line):
            has_empty_lines = True
            line += 1
            state.line = line
