"""Parse only the parts of a page where a rule could match.

A typical page holds one risky sentence in a couple of hundred, so parsing every block of
Markdown and running every candidate rule over all of it wastes most of the time. This module
splits a Markdown or plain-text source into *chunks* at blank lines and keeps the chunks where a
rule pattern, relaxed, matches their copy (or with an ``exolint`` directive, or the front
matter): see ``matched_chunks``. Markdown is then parsed from the kept chunks alone, with offsets
mapped back (``read_sparse``); plain text gets every other character blanked to a space, line
breaks kept, so offsets, lines and columns stay those of the original.

Cutting only where it cannot change how the kept text parses:

* never inside front matter, a fenced code block, or a raw HTML block that runs across blank lines
  (comments, ``<script>``, ``<style>``, ``<pre>``, ``<textarea>``);
* a chunk that starts indented continues the one before it (list item paragraphs, indented code),
  so it is kept or blanked together with it.

A blank line is already a hard boundary for matches and for sentence context (readers emit a
block break there), so rules see the same text around every kept match.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING
import re

from .chunkspans import ChunkSpans
from .chunktext import HARD_CHARS, render
from ..document import CODE_PLACEHOLDER as _CODE_PLACEHOLDER, _REMOVE, _TRANSLATE
from ..lowercase import lower
from ..ruleset import RuleSet
from ..ruleset.index import BLOCK_SEPARATOR
from ..ruleset.literals import scan_ascii, scan_text
from ..sources.md_chunks import HTML_BLOCK_TO_BLANK, CutInsideBlock
from .timelimit import TimeBudget
from .windows import odd_space as _odd_space, single_spaced

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

MATCH_TIMEOUT = 1.0  # seconds of relaxed checks per batch of chunks, plus 1 s per MB (see matched_chunks)

PLAIN_EXTENSIONS = (".txt", ".text")
SPARSE_EXTENSIONS = (".md", ".markdown", *PLAIN_EXTENSIONS)
MIN_SIZE = 4096  # below this, blanking costs more than it saves

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_RAW_HTML = (("<!--", "-->"), ("<script", "</script>"), ("<style", "</style>"), ("<pre", "</pre>"),
             ("<textarea", "</textarea>"))
_NOT_BREAK = re.compile(r"[^\r\n]+")


def _blank(piece: str) -> str:
    return _NOT_BREAK.sub(lambda m: " " * len(m.group()), piece)


def chunks(source: str) -> ChunkSpans:
    """(start, end, always_keep) chunks of ``source``; blank lines between them are left out."""
    out = ChunkSpans()  # (typed arrays: a dense page has a chunk every few dozen characters)
    pos = 0
    n = len(source)
    # front matter (YAML --- or TOML +++) at the very start is one chunk, always kept
    first = _LINE.match(source, 0)
    if first and first.group().rstrip("\r\n") in ("---", "+++"):
        marker = first.group().rstrip("\r\n")
        p = first.end()
        while p < n:
            m = _LINE.match(source, p)
            p = m.end()
            if m.group().rstrip("\r\n").rstrip() in (marker, "..."):
                break
        out.append((0, p, True))
        pos = p

    if _plain_blocks(source):
        return _blank_line_chunks(source, pos, out)
    if "\r" not in source:
        return _merge_constructs(source, _blank_line_chunks(source, pos, out))
    return _walk_lines(source, pos, out)


def _walk_lines(source: str, pos: int, out: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """``chunks`` line by line (any line endings): the reference the faster paths must match."""
    n = len(source)
    start = None  # start of the chunk being built
    fence: str | None = None
    raw_end: str | None = None
    while pos < n:
        m = _LINE.match(source, pos)
        line = m.group()
        end = m.end()
        if end == pos:  # empty match at the very end
            break
        stripped = line.strip()
        if fence is not None or raw_end is not None:
            # inside a multi-line construct: never cut
            if fence is not None:
                if _closes_fence(stripped, fence):
                    fence = None
            elif raw_end in line.lower():
                raw_end = None
            pos = end
            continue
        if not stripped:
            if start is not None:
                out.append((start, pos, False))
                start = None
            pos = end
            continue
        if start is None:
            if line[:1] in (" ", "\t") and out and not out[-1][2]:
                # indented: continues the previous chunk (list item, indented code)
                start = out.pop()[0]
            else:
                start = pos
        fm = _FENCE.match(stripped) if stripped[0] in "`~" else None
        if fm:
            fence = fm.group(1)
            if fence[0] == "`" and "`" in stripped[len(fence):]:
                fence = None  # not a fence opener (info string with a backtick)
        elif "<" in stripped:
            lowered = stripped.lower()
            for opener, closer in _RAW_HTML:
                at = lowered.find(opener)
                if at >= 0 and closer not in lowered[at + len(opener):]:
                    raw_end = closer
                    break
        pos = end
    if start is not None:
        out.append((start, n, False))
    return out


_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+|\n[^\S\n]+\Z")
_LEADING_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")


def _plain_blocks(source: str) -> bool:
    """No construct that may run across a blank line (fences, raw HTML blocks) and no CR: the
    chunks are the blank-line separated blocks, found by one regex pass."""
    if "\r" in source or "```" in source or "~~~" in source:
        return False
    if "<" in source:
        lowered = lower(source)
        return not any(opener in lowered for opener, _closer in _RAW_HTML)
    return True


def _blank_line_chunks(source: str, pos: int, out: list[tuple[int, int, bool]]
                       ) -> list[tuple[int, int, bool]]:
    """``chunks`` for a source without multi-line constructs (``_plain_blocks``)."""
    start = _LEADING_BLANK_LINES.match(source, pos).end()
    n = len(source)

    def add(a: int, b: int) -> None:
        if source[a] in " \t" and out and not out[-1][2]:
            a = out.pop()[0]  # indented: continues the previous chunk
        out.append((a, b, False))

    for m in _BLANK_LINES.finditer(source, start):
        if m.start() + 1 > start:
            add(start, m.start() + 1)
        start = m.end()
    if start < n and source[start:].strip():
        add(start, n)
    return out


def _merge_constructs(source: str, blocks: list[tuple[int, int, bool]]
                      ) -> list[tuple[int, int, bool]]:
    """Blank-line blocks joined where a fence or raw HTML block runs on across blank lines: the
    line walk of ``chunks``, run only on the blocks that may open or close such a construct."""
    out = ChunkSpans()
    open_: tuple[str, str] | None = None  # ("fence", marker) or ("raw", closer)
    # the blocks that may open one (most hold none of these characters: not even sliced)
    openers = _pieces_holding(source, blocks.starts if isinstance(blocks, ChunkSpans)
                              else [a for a, _b, _always in blocks], _CONSTRUCT_CHARS)
    for i, block in enumerate(blocks):
        a, b, always = block
        if open_ is not None:  # inside a construct: this block belongs to the one before
            out[-1] = (out[-1][0], b, out[-1][2])
        else:
            out.append(block)
        if always or (open_ is None and i not in openers):
            continue
        open_ = _construct_state(source[a:b], open_)
    if open_ is not None and out:  # never closed: it runs to the end of the file
        out[-1] = (out[-1][0], len(source), out[-1][2])
    return out


_CONSTRUCT_CHARS = ("`", "~", "<")  # a fence or a raw HTML block starts with one


def _pieces_holding(text: str, starts: list[int], needles) -> set[int]:
    """The indexes of the pieces of ``text`` (piece i runs from ``starts[i]`` to the next start;
    what lies between pieces holds none of ``needles``) that hold one of ``needles``: one
    ``str.find`` pass per needle over the whole text, skipping to the next piece after a hit,
    instead of a slice and a test per piece."""
    out: set[int] = set()
    last = len(starts) - 1
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            piece = bisect.bisect_right(starts, at) - 1
            out.add(piece)
            if piece >= last:
                break
            at = text.find(needle, starts[piece + 1])
    return out


def _closes_fence(stripped: str, fence: str) -> bool:
    """Whether a stripped line closes the code fence opened by ``fence`` (same character, at
    least as long, nothing after it)."""
    fm = _FENCE.match(stripped)
    return bool(fm and fm.group(1)[0] == fence[0] and len(fm.group(1)) >= len(fence)
                and not stripped[len(fm.group(1)):].strip())


def _construct_state(text: str, open_):
    """The construct still open after the lines of ``text``, given the one open before them."""
    for line in text.split("\n"):
        stripped = line.strip()
        if open_ is None and HTML_BLOCK_TO_BLANK.match(line):
            return None  # an HTML block to the end of this blank-line block: fences in it are raw
        if open_ is not None:
            kind, mark = open_
            if kind == "fence":
                if _closes_fence(stripped, mark):
                    open_ = None
            elif mark in line.lower():
                open_ = None
            continue
        if not stripped:
            continue
        fm = _FENCE.match(stripped) if stripped[0] in "`~" else None
        if fm:
            fence = fm.group(1)
            if not (fence[0] == "`" and "`" in stripped[len(fence):]):
                open_ = ("fence", fence)
        elif "<" in stripped:
            lowered = stripped.lower()
            for opener, closer in _RAW_HTML:
                at = lowered.find(opener)
                if at >= 0 and closer not in lowered[at + len(opener):]:
                    open_ = ("raw", closer)
                    break
    return open_


def quiet_blocks_blanked(source: str, ruleset: RuleSet, markdown: bool = True,
                         also_keep=None) -> str | None:
    """``source`` with every chunk no rule can match blanked out; None when nothing would change.
    ``also_keep(chunk_text)``: chunks to keep all the same (the semantic stage's screen).

    The result has the same length and line breaks as ``source``.
    """
    if len(source) < MIN_SIZE:
        return None
    spans = chunks(source)
    keep = with_lead_ins(source, spans, _or_kept(source, spans, matched_chunks(
        source, spans, ruleset, markdown), also_keep))
    pieces: list[str] = []
    last = 0
    blanked_any = False
    for i, (start, end, _always) in enumerate(spans):
        if keep[i]:
            continue
        pieces.append(source[last:start])
        pieces.append(_blank(source[start:end]))
        last = end
        blanked_any = True
    if not blanked_any:
        return None
    pieces.append(source[last:])
    return "".join(pieces)


LEAD_IN_RUN = 15  # short chunks walked back over to reach a list's lead-in
SHORT_CHUNK = 160  # characters: a list item, table row or heading, not a paragraph
LEAD_IN_CHUNK = 1500  # characters: a paragraph that may end in a lead-in; longer blocks are not kept for it


def with_lead_ins(source: str, spans: list[tuple[int, int, bool]], keep: list[bool]) -> list[bool]:
    """``keep`` with the chunks that may govern a kept chunk kept too: a list item's sibling
    items and the heading or lead-in line above them (see exolint.context.structure), so a
    bare item is judged under the same lead-in as when the whole page is parsed."""
    out = list(keep)
    for i in range(len(spans) - 1, -1, -1):
        if not keep[i]:
            continue
        start, end, _always = spans[i]
        if max(map(len, source[start:end].split("\n"))) > SHORT_CHUNK:
            continue  # a paragraph is no list item: nothing above it governs it
        j = i - 1
        walked = 0
        while j >= 0 and walked < LEAD_IN_RUN and not out[j]:
            start, end, _always = spans[j]
            if end - start > LEAD_IN_CHUNK:
                break  # a long block (a huge nested list, a long section) governs nothing here
            out[j] = True
            if end - start > SHORT_CHUNK or "\n" in source[start:end].strip():
                break  # the paragraph or multi-line block above the list: the lead-in's place
            j -= 1
            walked += 1
    return out


BATCH = 1 << 18  # characters of source checked together: bounds memory on huge files


def matched_chunks(source: str, spans: list[tuple[int, int, bool]], ruleset: RuleSet,
                   markdown: bool = True) -> list[bool]:
    """Per chunk: whether it must be parsed.

    One pass over the whole page (``candidate_chunks``) finds the chunks that hold all of some
    pattern's required strings; only those are rendered, and kept where one of those patterns,
    relaxed, matches the copy (``_chunk_matches``).
    """
    keep = [False] * len(spans)
    first = 0
    while first < len(spans):  # batches of about BATCH characters bound memory on huge files
        last = first + 1
        while last < len(spans) and spans[last][1] - spans[first][0] <= BATCH:
            last += 1
        base = spans[first][0]
        # the batch's source, usually ASCII then: slices and character tests are cheaper
        plain = plain_punctuation(source[base:spans[last - 1][1]])
        batch = [(a - base, b - base, always) for a, b, always in spans[first:last]]
        screened = candidate_chunks(plain, batch, ruleset)
        if screened is None:  # cannot be screened (see candidate_chunks): parse all of it
            return [True] * len(spans)
        found, copies, stood_in, unsafe, odd = screened
        judged = 0  # chunks of ``found`` answered
        try:
            # one time limit for the batch's relaxed checks, armed once (see exolint.match.timelimit),
            # with room for a huge chunk (a 10 MB line) to be checked at a megabyte a second
            with TimeBudget(MATCH_TIMEOUT + len(plain) / 1e6) as budget:
                for i, refs in found.items():
                    a, b, _always = batch[i]
                    try:
                        keep[first + i] = _chunk_matches(
                            source[base + a:base + b], refs, ruleset, markdown,
                            copies.get(i), stood_in, plain[a:b],
                            budget, i in unsafe, odd)
                    except TimeoutError:
                        keep[first + i] = True  # cannot tell: parse it, the engine reports the time-out
                        budget.restart()
                    judged += 1
        except TimeoutError:  # the time ran out between two checks: the chunks not yet answered are parsed
            for i in list(found)[judged:]:
                keep[first + i] = True
        first = last
    return keep


def _chunk_matches(piece: str, refs: set[int] | None, ruleset: RuleSet, markdown: bool,
                   screen: str | None = None, stood_in: bool = False, plain: str | None = None,
                   budget: TimeBudget | None = None, unsafe: bool | None = None,
                   odd: bool | None = None) -> bool:
    """Whether one of the patterns ``refs`` (None: keep the chunk outright) matches the chunk's
    copy, with its assertions removed (``RuleSet.relaxed``: it can only match more). The copy of
    a Markdown chunk is its ``screen`` when that can be trusted, else ``chunktext.render``'s.
    ``stood_in``: inline code in ``screen`` stands as ``_CODE_MARK``, not the reader's
    ellipsis; start strings are looked for in that ASCII form (none holds either character).
    ``plain``: ``piece`` with ``plain_punctuation`` (the same markup characters, usually ASCII).
    ``budget``: the time limit its matches run under (see ``exolint.match.timelimit``; a time-out
    raises ``TimeoutError``, as it does without one: the chunk is then kept). ``unsafe``:
    ``_screen_unsafe(plain)``, and ``odd``: whether ``screen`` holds ``windows.odd_space``,
    when the caller knows them for the whole page (None: found out here)."""
    if refs is None:
        return True
    if budget is None:
        with TimeBudget(MATCH_TIMEOUT) as budget:
            return _chunk_matches(piece, refs, ruleset, markdown, screen, stood_in, plain, budget,
                                  unsafe, odd)
    if plain is None:
        plain = piece
    if unsafe is None:
        unsafe = _screen_unsafe(plain)
    if markdown and screen is not None and not unsafe:
        seen = text = screen
        if stood_in and _CODE_MARK in screen:
            text = screen.replace(_CODE_MARK, _CODE_PLACEHOLDER[1])
        dropped_star, dropped_underscore = "*" in plain, "_" in plain
    else:
        rendered = render(piece, markdown)
        if rendered is None:
            return True  # not a simple chunk: its copy is not known before parsing
        seen = text = rendered.text
        dropped_star, dropped_underscore = rendered.dropped_star, rendered.dropped_underscore
        odd = None  # (known for the screen, not for this copy)
    lowered = seen.lower()  # (same length as text: the stand-in is one character for one)
    if odd is None:
        odd = _odd_space(seen)
    exact = len(lowered) == len(text) and not odd
    single = single_spaced(lowered) if exact else ""
    starts_in = lowered if exact else None
    for ref_i in refs:
        relaxed = ruleset.relaxed(ref_i)
        if relaxed is None:
            return True
        if (relaxed[1] and dropped_star) or (relaxed[2] and dropped_underscore):
            return True  # it could match a character the copy lost: cannot tell
        if ruleset.relaxed_match(ref_i, text, starts_in, single, budget, relaxed):
            return True
    return False


_CODE_MARK = "\x01"  # ... and what stands for its ellipsis while a page is scanned (ASCII)
_SENTINEL = BLOCK_SEPARATOR  # "\x00", between chunks in the page-wide screen (ASCII: str work on an ASCII page
# stays on its fast paths; a source holding it is parsed whole, see candidate_chunks)
_SEPARATOR_LINE = "\n" + _SENTINEL + "\n"
_LINK_DESTINATION = re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)")
_REFERENCE_LABEL = re.compile(r"\][ \t]?\[[^\]\n]*\]")
_TAG = re.compile(r"<[^<>\n]*>")
_CODE_SPAN = re.compile(r"``*[^`\n]*`+")  # ("`+" at the start would make re try every position)
# chunks whose screen is not trusted as their copy (entities, escapes, HTML, tables, block
# quotes, strikethrough, images, footnotes, CR, invisible characters): rendered or kept instead
_SCREEN_UNSAFE = re.compile(f"[{HARD_CHARS}\r]|!\\[|\\[\\^")
_UNSAFE_CLASS = re.compile(f"[{HARD_CHARS}\r]")
_UNSAFE_ASCII = tuple(c for c in map(chr, range(128)) if _UNSAFE_CLASS.match(c)) + ("![", "[^")
_UNSAFE_NEEDLES = tuple(c for c in _UNSAFE_ASCII if c != "\x00")  # (NUL joins a page's chunks)
_UNSAFE_WIDE = _UNSAFE_NEEDLES + tuple(c for c in HARD_CHARS if not c.isascii())
_UNSAFE_BYTES = "".join(c for c in _UNSAFE_ASCII if len(c) == 1).encode()


def _screen_unsafe(piece: str) -> bool:
    """``_SCREEN_UNSAFE.search(piece)`` for a chunk of a page without NUL (``candidate_chunks``
    parses a page that holds one whole), without a regex whose first character is a class or
    an alternative (re tries it at every position): on ASCII, the unsafe characters deleted by
    ``bytes.translate`` (one C pass: 0.4 us for a paragraph, against 2 us for ten ``in``
    tests); else by ``in`` tests (on text with characters beyond Latin-1, looking for NUL
    would stop at every character's zero byte)."""
    if piece.isascii():
        data = piece.encode()
        return len(data.translate(None, _UNSAFE_BYTES)) != len(data) or "![" in piece or "[^" in piece
    return any(s in piece for s in _UNSAFE_WIDE)


# the Document's one-for-one character normalisation (but spaces and line breaks, which the
# scan and the relaxed patterns' \s see anyway), and its removed characters
_PLAIN_CHARS = tuple((chr(code), plain) for code, plain in _TRANSLATE.items() if plain not in (" ", "\n")) \
    + tuple((char, "") for char in sorted(_REMOVE))
_PLAIN_PUNCTUATION = tuple((char, plain) for char, plain in _PLAIN_CHARS if plain)
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def plain_punctuation(text: str) -> str:
    """``text`` with typographic quotes and dashes as their ASCII forms (one for one: offsets
    stay): copy that holds only those, as most copy does, becomes ASCII, on which str and re
    work much faster. No Markdown construct the screen looks at involves them."""
    if not text.isascii():
        for char, plain in _PLAIN_PUNCTUATION:
            if char in text:
                text = text.replace(char, plain)
    return text


def screen_page(page: str, code: str = _CODE_PLACEHOLDER) -> str:
    """A Markdown page as copy, without parsing and without changing line breaks: link
    destinations, reference labels and tags out, code spans as the reader's placeholder,
    characters normalised as the Document does; block markers ("# ", "- ") stay, since no match
    runs across a block's start. With the emphasis and bracket
    characters dropped too (``MARKUP_BYTES``: "exo**somes**", "[side effects](/x)"), it is the
    copy of a chunk that ``_SCREEN_UNSAFE`` does not match, up to dropped ``*`` and ``_``."""
    text = page  # (usually ASCII: see candidate_chunks)
    if "&" in text:
        import html

        text = _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\n", " ").replace(
            "\r", " ").replace(_SENTINEL, " "), text)
    if "](" in text:
        text = _LINK_DESTINATION.sub("]", text)
    if "][" in text or "] [" in text:
        text = _REFERENCE_LABEL.sub("]", text)
    if "`" in text:
        text = _CODE_SPAN.sub(code, text)  # what the Markdown reader puts for inline code
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "\t" in text or "\n " in text or " \n" in text or text[:1] == " " or text[-1:] == " ":
        text = "\n".join(line.strip(" \t") for line in text.split("\n"))  # as the reader strips lines
    if not text.isascii():
        for char, plain in _PLAIN_CHARS:  # invisible characters, and what entities gave (str.replace: fast)
            if char in text:
                text = text.replace(char, plain)
    return text  # the ASCII markup characters go in scan_text (``MARKUP_BYTES``)


MARKUP_BYTES = b"*_`\\[]"  # dropped from the screen: "exo**somes**", "[side effects](/x)"


def candidate_chunks(source: str, spans: list[tuple[int, int, bool]], ruleset: RuleSet
                     ) -> tuple[dict[int, set[int] | None], dict[int, str], bool, set[int], bool | None] | None:
    """The chunks worth a closer look, each with the patterns (index refs) to try there, or
    None to keep it outright; the screen (``screen_page``) of each of them; whether inline code
    stands as ``_CODE_MARK`` in those screens (else as the reader's placeholder); the chunks
    ``_screen_unsafe`` flags (among those worth a look); and False when no screen holds
    ``windows.odd_space`` (None: some may, ask each). (The screen
    normalises characters whatever ``source`` holds; ``matched_chunks`` passes it through
    ``plain_punctuation`` first, so that the screen's regexes run on ASCII text.)

    The chunks are those whose part of the page-wide screen holds all of some pattern's required
    strings (``AnchorIndex.block_refs``: no match runs across a blank line, so a match and all
    its required strings lie in one chunk), chunks with an ``exolint`` directive, and front
    matter. None when the page cannot be screened so (it holds the sentinel character, or a
    pattern has no required string).
    """
    if not spans or ruleset.index().unanchored:
        return None  # (a pattern without required strings could match in any chunk)
    if _SENTINEL in source:  # the batch itself holds the separator (only in chunks: it is no space)
        return None  # (checked on this batch only: a whole huge file per batch is quadratic)
    page = _SEPARATOR_LINE.join(source[a:b] for a, b, _ in spans)
    # code spans stand as an ASCII character while the page is scanned, so that a page whose
    # other characters the screen makes ASCII stays on str's and bytes' fast paths; they become
    # the reader's placeholder again in the chunks' copies (not when a required string holds it)
    stand_in = _CODE_MARK not in page and not ruleset.index().holds_char(_CODE_PLACEHOLDER[1])
    copy = screen_page(page, _CODE_PLACEHOLDER.replace(_CODE_PLACEHOLDER[1], _CODE_MARK)
                       if stand_in else _CODE_PLACEHOLDER)
    pieces = copy.split(_SEPARATOR_LINE)
    if len(pieces) != len(spans):  # (no step of the screen makes or removes a separator line)
        return None
    data = copy.encode("utf-8", "surrogatepass")
    if copy.isascii():
        screened = scan_ascii(data, MARKUP_BYTES)
    else:  # (lower-casing makes no markup character)
        screened = scan_text(lower(data.translate(None, MARKUP_BYTES).decode("utf-8", "surrogatepass")))[0]
    found: dict[int, set[int] | None] = {i: None for i, sp in enumerate(spans) if sp[2]}
    at = page.find(_DIRECTIVE)
    if at >= 0:  # (rare) the chunks holding a directive are kept: looked for in the source, as
        # the screen holds copy only (a directive is in a comment)
        bounds = _piece_starts(spans)
        while at >= 0:
            found[bisect.bisect_right(bounds, at) - 1] = None
            at = page.find(_DIRECTIVE, at + 1)
    twins = ruleset.relaxed_twins()
    for c, refs in ruleset.index().block_refs(screened).items():
        if c not in found:
            found[c] = {twins[r] for r in refs}
    unsafe = _unsafe_chunks(page, spans) if found else set()
    # the copies of the chunks worth a look (a third of a page's text, usually)
    copies = {i: pieces[i].encode("utf-8", "surrogatepass").translate(None, MARKUP_BYTES).decode(
        "utf-8", "surrogatepass") for i in found}
    return found, copies, stand_in, unsafe, None if found and _odd_space(copy) else False


def _piece_starts(spans: list[tuple[int, int, bool]]) -> list[int]:
    """Where each chunk starts in the page of ``spans``' pieces joined by ``_SEPARATOR_LINE``."""
    starts = []
    at = 0
    for a, b, _always in spans:
        starts.append(at)
        at += b - a + len(_SEPARATOR_LINE)
    return starts


def _unsafe_chunks(page: str, spans: list[tuple[int, int, bool]]) -> set[int]:
    """The indexes of the chunks of ``page`` (``spans``' pieces joined by ``_SEPARATOR_LINE``,
    none holding NUL) that ``_screen_unsafe`` flags, found for the whole page at once."""
    return _pieces_holding(page, _piece_starts(spans), _UNSAFE_NEEDLES if page.isascii() else _UNSAFE_WIDE)


_DIRECTIVE = "exolint"


def _or_kept(source: str, spans, keep: list[bool], also_keep) -> list[bool]:
    if also_keep is None:
        return keep
    return [k or also_keep(source[start:end]) for k, (start, end, _always) in zip(keep, spans)]


def text_to_parse(path: str, source: str, ruleset: RuleSet, also_keep=None) -> str:
    """What the reader should parse for ``path``: the source, with quiet chunks blanked where the
    format allows it (Markdown and plain text). Offsets and lines are those of ``source``."""
    if not path.lower().endswith(SPARSE_EXTENSIONS):
        return source
    markdown = not path.lower().endswith(PLAIN_EXTENSIONS)
    blanked = quiet_blocks_blanked(source, ruleset, markdown, also_keep)
    return source if blanked is None else blanked


COMPACT_EXTENSIONS = (".md", ".markdown")
_SEPARATOR = "\n\n"


def parses_sparsely(path: str, source: str) -> bool:
    """Whether ``read_sparse`` parses only the matching chunks of this file (so a separate
    whole-file pre-check would only repeat its work)."""
    return path.lower().endswith(COMPACT_EXTENSIONS) and len(source) >= MIN_SIZE


def read_sparse(path: str, source: str, ruleset: RuleSet, read, also_keep=None) -> "Document":
    """The Document of ``path`` read with ``read(text)``, parsing only the chunks a rule can match
    (``read(text, joins=...)`` for the joined chunks of a Markdown page; its reader raises
    ``md_chunks.CutInsideBlock`` when a block runs across a join, and the page is parsed whole).

    Markdown: only the kept chunks are handed to the reader, joined by blank lines (markdown-it
    then spends no time on the rest of the page), and the Document's offsets are mapped back to
    ``source``. Other formats (and a Document whose offsets cannot be mapped back) use
    ``text_to_parse``: quiet chunks blanked in place. ``doc.source`` is always ``source``.
    ``also_keep(chunk_text)``: chunks parsed all the same (the semantic stage reads them).
    """
    if not parses_sparsely(path, source):
        doc = read(text_to_parse(path, source, ruleset, also_keep))
        doc.source = source
        return doc
    spans = chunks(source)
    keep = with_lead_ins(source, spans, _or_kept(source, spans, matched_chunks(
        source, spans, ruleset, True), also_keep))
    if all(keep):
        doc = read(source)
        doc.source = source
        return doc
    pieces: list[tuple[int, int, int]] = []  # (compact start, source start, length)
    parts: list[str] = []
    gaps: list[int] = []  # compact offsets of kept chunks that follow a left-out chunk
    pos = 0
    skipped = False
    for (start, end, _always), kept in zip(spans, keep):
        if not kept:
            skipped = True
            continue
        if parts or start > 0:
            # a chunk that does not open the file must not open the compact text either: a
            # leading "---" would read as front matter there
            parts.append(_SEPARATOR)
            pos += len(_SEPARATOR)
            if skipped and len(parts) > 1:
                gaps.append(pos)
        skipped = False
        pieces.append((pos, start, end - start))
        parts.append(source[start:end])
        pos += end - start
    compact = "".join(parts)
    del parts  # (the slices: a second copy of the kept copy while it is parsed)
    try:
        # (where a kept chunk starts: a fenced code or raw HTML block that runs across one
        # means markdown-it reads the page's blocks otherwise than ``chunks`` did)
        doc = read(compact, joins=[start for start, _src, _length in pieces[1:]])
    except CutInsideBlock:
        doc = read(source)  # the page parsed whole
        doc.source = source
        return doc
    del compact
    doc.barriers = _barriers(doc, gaps)
    if not pieces:  # nothing to parse
        doc.source = source
        return doc
    if not _map_back(doc, pieces, source):
        doc = read(text_to_parse(path, source, ruleset))
        doc.source = source
    return doc


def _barriers(doc, gaps: list[int]) -> list[int]:
    """Text offsets where the copy of a kept chunk that followed left-out chunks begins (before
    the offsets are mapped back): a match across one would join text that is not adjacent."""
    if not gaps:
        return []
    out: list[int] = []
    g = 0
    for seg in doc.segments:  # in text order; source offsets still those of the compact text
        while g < len(gaps) and seg.src_start >= gaps[g]:
            out.append(seg.text_start)
            g += 1
        if g == len(gaps):
            break
    return sorted(set(out))


def _map_back(doc, pieces: list[tuple[int, int, int]], source: str) -> bool:
    """Rewrite ``doc``'s source offsets from the compact text to ``source``; False when some
    span of source text crosses from one kept chunk into another (the caller then re-reads)."""
    if doc.line_notes:
        return False
    starts = [p[0] for p in pieces]

    def piece_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def point(offset: int) -> int:  # a position between characters: clamp into the piece
        c_start, s_start, length = pieces[piece_of(offset)]
        return s_start + min(max(offset - c_start, 0), length)

    def span(a: int, b: int) -> tuple[int, int] | None:
        if a == b:
            p = point(a)
            return p, p
        i = piece_of(a)
        c_start, s_start, length = pieces[i]
        if not (c_start <= a and b <= c_start + length):
            return None
        return s_start + a - c_start, s_start + b - c_start

    segments = doc.segments
    for i, seg in enumerate(segments):
        mapped = span(seg.src_start, seg.src_end)
        if mapped is None:
            return False
        segments.set_source(i, *mapped)
    for d in doc.directives:
        mapped = span(d.start, d.end)
        if mapped is None:
            return False
        d.start, d.end = mapped
    doc.source = source
    doc._line_starts = None
    doc.__post_init__()  # directive lines and columns, now in ``source``
    return True
