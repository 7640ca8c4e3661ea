"""MDX: ESM and expressions skipped, text inside components linted, {/* */} directives."""
from exolint.sources import document_for

from sources_helpers import lint, spots

NSE = "sample-no-side-effects"

PAGE = """---
title: "Zero side effects"
market: US
---

import { Hero } from './hero'
export const meta = {
  claim: "no side effects",
}

<Hero heading="No side effects" data={{ note: "zero side effects" }}>
  Gentle serum with no *known* side
  effects, {props.name}.
</Hero>

Price {`no side effects`} today.

```jsx
<Hero claim={"no side effects"} />
```
"""


def test_copy_and_positions_in_mdx():
    found = lint("p.mdx", PAGE)
    assert spots(found) == [
        (NSE, 2, 9, 2, 26, "Zero side effects"),
        (NSE, 11, 16, 11, 31, "No side effects"),
        (NSE, 12, 21, 13, 10, "no *known* side\n  effects"),
    ]
    assert {f.market for f in found} == {"US"}


def test_imports_exports_expressions_and_code_are_not_copy():
    doc = document_for("p.mdx", PAGE)
    assert "claim" not in doc.text and "import" not in doc.text and "props" not in doc.text
    assert doc.text.count("side") == 3


def test_mdx_comment_directive_suppresses_next_line():
    src = ("Intro.\n\n{/* exolint-disable-next-line absolute_safety -- approved by legal */}\n"
           "No side effects.\n\nNo side effects.\n")
    assert [(f.rule, f.line) for f in lint("p.mdx", src)] == [(NSE, 6)]
    [d] = document_for("p.mdx", src).directives
    assert (d.kind, d.targets, d.reason, d.line) == ("disable-next-line", ("absolute_safety",),
                                                     "approved by legal", 3)
