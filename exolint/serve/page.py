"""The page: one self-contained HTML document (no external resources: the server makes and
invites no outbound requests). It carries the HTML report's stylesheet and script, so highlights,
explanation pop-overs and finding cards look and behave as in the report."""
from __future__ import annotations

import html

from .. import __version__
from ..report.html_assets import CSS as REPORT_CSS
from ..report.html_assets import JS as REPORT_JS
from ..ruleset import MARKETS
from ..sources import DEFAULT_EXTENSIONS
from .limits import MAX_TEXT_BYTES, MAX_UPLOAD_BYTES
from .page_assets import PAGE_CSS, PAGE_JS

PAGE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
            "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


def _market_options() -> str:
    options = ['<option value="">All markets (or the copy\'s own)</option>']
    options += [f'<option value="{m}">{m}</option>' for m in MARKETS]
    return "".join(options)


def render_page() -> str:
    accept = ",".join(DEFAULT_EXTENSIONS)
    limits = (f'data-max-text="{MAX_TEXT_BYTES}" data-max-upload="{MAX_UPLOAD_BYTES}"')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>exolint: check your copy</title>
<style>{REPORT_CSS}{PAGE_CSS}</style>
</head>
<body {limits}>
<header class="bar">
  <h1>exolint <span class="sub">check your copy</span></h1>
  <div class="controls">
    <label>Market <select id="market">{_market_options()}</select></label>
    <label>Read as <select id="format">
      <option value=".txt">Plain text</option><option value=".md">Markdown</option>
      <option value=".html">HTML</option></select></label>
    <label class="button">Open a file<input type="file" id="file-input" accept="{accept}"></label>
    <button type="button" id="download">Download report</button>
    <button type="button" id="copy">Copy clean text</button>
  </div>
</header>
<main class="workspace">
  <section class="editor-pane" aria-labelledby="editor-h">
    <h2 id="editor-h">Your copy <span id="doc-name" class="doc-name"></span></h2>
    <div class="editor" id="drop-zone">
      <div class="backdrop" id="backdrop" aria-hidden="true"></div>
      <textarea id="editor" spellcheck="true" aria-describedby="status"
        placeholder="Paste or type your copy here, or drop a .docx, .md, .html or .txt file."></textarea>
      <div class="drop-hint" id="drop-hint" hidden>Drop the file to check it</div>
    </div>
    <p id="status" class="status" role="status" aria-live="polite">Nothing checked yet.</p>
  </section>
  <section class="findings-pane" aria-labelledby="findings-h">
    <h2 id="findings-h">Findings</h2>
    <div id="findings"><p class="empty">Findings appear here as you type.</p></div>
  </section>
</main>
<footer class="foot">exolint {html.escape(__version__)} &middot; runs on this computer only; your
copy is not sent anywhere else.</footer>
<div id="popover" role="tooltip" hidden></div>
<script>{REPORT_JS}</script>
<script>{PAGE_JS}</script>
</body>
</html>
"""
