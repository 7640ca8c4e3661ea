"""The HTML report's inline stylesheet and script (kept in Python so the wheel needs no data files)."""

CSS = r"""
:root {
  --ink: #1b1b1f; --muted: #55585f; --line: #d5d7dc; --paper: #ffffff; --wash: #f5f6f8;
  --err-bg: #ffd9d6; --err-ink: #a3120a; --warn-bg: #ffefb0; --warn-ink: #7a4b00;
  --info-bg: #dcebff; --info-ink: #0b4f9c; --focus: #1b1b1f;
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 4rem; color: var(--ink);
  background: var(--paper); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
.lead { margin: 0 0 .25rem; }
.meta { margin: 0; color: var(--muted); font-size: .85rem; }
header { border-bottom: 1px solid var(--line); padding-bottom: 1rem; margin-bottom: 1.25rem; }
.skip { position: absolute; left: -999px; top: .5rem; background: var(--ink); color: #fff;
  padding: .4rem .8rem; border-radius: 4px; }
.skip:focus { left: .5rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
a { color: #0b4f9c; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }

/* summary */
#summary { margin-bottom: 2rem; }
table.summary { border-collapse: collapse; width: 100%; font-size: .95rem; }
table.summary caption { text-align: left; color: var(--muted); padding-bottom: .4rem; }
table.summary th, table.summary td { border-bottom: 1px solid var(--line); padding: .35rem .6rem;
  text-align: left; }
table.summary .num { text-align: right; font-variant-numeric: tabular-nums; }
table.summary tfoot th, table.summary tfoot td { font-weight: 600; border-bottom: none; }
table.summary label { cursor: pointer; }
table.summary input { width: 1.05rem; height: 1.05rem; vertical-align: -2px; margin-right: .35rem; }
.dot { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; margin-right: .3rem; }
.dot.sev-error { background: var(--err-ink); } .dot.sev-warning { background: #d08a00; }
.dot.sev-info { background: var(--info-ink); }
.filter-actions { margin: .6rem 0 0; }
.filter-actions button { font: inherit; font-size: .9rem; padding: .25rem .7rem; border-radius: 4px;
  border: 1px solid #9a9da4; background: var(--wash); cursor: pointer; }
#filter-status { color: var(--muted); margin-left: .5rem; font-size: .9rem; }

/* documents */
article.document { margin: 0 0 2.5rem; }
article.document h2 .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 1rem; word-break: break-all; }
article.document h2 .count { font-weight: 400; color: var(--muted); font-size: .9rem; margin-left: .4rem; }
.source { border: 1px solid var(--line); border-radius: 6px; background: var(--paper);
  padding: .5rem 0; margin-bottom: 1rem; }
.line { display: flex; gap: .75rem; padding: 0 .75rem; min-height: 1.55em; }
.line .ln { flex: 0 0 2.5rem; text-align: right; color: #8a8d94; font-size: .8rem;
  padding-top: .2em; user-select: none; font-variant-numeric: tabular-nums; }
.line .code { flex: 1 1 auto; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
.line .cell-note { flex: 0 0 auto; color: var(--muted); font-size: .75rem; padding-top: .25em; }
details > summary { cursor: pointer; color: var(--muted); margin-bottom: .5rem; }

/* highlights: colour + a different underline per severity, so they survive grey printing */
mark.hl { color: inherit; border-radius: 2px; padding: 0 1px; cursor: help;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.hl.sev-error { background: var(--err-bg); border-bottom: 3px solid var(--err-ink); }
mark.hl.sev-warning { background: var(--warn-bg); border-bottom: 3px dashed var(--warn-ink); }
mark.hl.sev-info { background: var(--info-bg); border-bottom: 3px dotted var(--info-ink); }
mark.hl mark.hl { padding: 0; }
mark.hl.last::after { content: attr(data-finding); font-size: .65em; vertical-align: super;
  line-height: 0; margin-left: 1px; color: var(--muted); font-weight: 600; }
mark.hl.filtered { background: none; border-bottom: none; cursor: auto; padding: 0; }
mark.hl.filtered::after { content: none; }
mark.hl mark.hl.last::after { margin-left: 2px; }
mark.hl.active { outline: 2px solid var(--focus); outline-offset: 1px; }

/* finding cards */
ol.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
.card { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: .6rem .9rem;
  background: var(--paper); }
.card.sev-error { border-left-color: var(--err-ink); }
.card.sev-warning { border-left-color: #d08a00; }
.card.sev-info { border-left-color: var(--info-ink); }
.card .where { margin: 0 0 .25rem; font-size: .9rem; color: var(--muted); }
.card .where a { font-weight: 600; }
.card .where::before { content: "[" attr(data-n) "] "; font-weight: 600; color: var(--ink); }
.message { margin: 0 0 .2rem; font-weight: 600; }
.rule { margin: 0 0 .4rem; font-size: .85rem; color: var(--muted); }
.badge { display: inline-block; font-size: .72rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .03em; border-radius: 3px; padding: 0 .35rem; margin-right: .3rem;
  vertical-align: 1px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge.sev-error { background: var(--err-bg); color: var(--err-ink); }
.badge.sev-warning { background: var(--warn-bg); color: var(--warn-ink); }
.badge.sev-info { background: var(--info-bg); color: var(--info-ink); }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .9rem; font-size: .93rem; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
dd.rewrite { font-style: italic; }
ul.refs { margin: 0; padding-left: 1.1rem; }
#errors ul { padding-left: 1.2rem; }

/* the popover shown on hover or focus */
#popover { position: absolute; z-index: 20; max-width: 28rem; background: var(--paper);
  border: 1px solid #9a9da4; border-radius: 8px; padding: .7rem .9rem;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font-size: .93rem; }
#popover[hidden] { display: none; }
#popover dl { grid-template-columns: 1fr; gap: 0; }
#popover dt { margin-top: .35rem; }

@media (max-width: 40rem) { dl { grid-template-columns: 1fr; } .line .cell-note { display: none; } }

@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .skip, .filter-actions, #popover, table.summary input { display: none !important; }
  .card[hidden] { display: none; }
  article.document { break-before: page; }
  article.document:first-of-type { break-before: auto; }
  .line { break-inside: avoid; }
  .card { break-inside: avoid; }
  mark.hl.last::after { content: "[" attr(data-finding) "]"; color: #000; }
  .card .where a { color: #000; text-decoration: none; }
  ul.refs a::after { content: " <" attr(href) ">"; font-size: .85em; word-break: break-all; color: #333; }
  a { color: #000; }
}
"""

JS = r"""
(function () {
  "use strict";
  var pop = document.getElementById("popover");
  var current = null, hideTimer = null;

  function markOf(node) {
    return node && node.closest ? node.closest("mark.hl") : null;
  }
  function show(mark) {
    if (!mark || mark.classList.contains("filtered")) { return; }
    var n = mark.getAttribute("data-finding");
    var card = document.getElementById("finding-" + n);
    if (!card) { return; }
    clearTimeout(hideTimer);
    if (current && current !== mark) { current.classList.remove("active"); }
    var primary = document.getElementById("mark-" + n) || mark;
    pop.innerHTML = "";
    var where = card.querySelector(".where").cloneNode(true);
    where.querySelectorAll("a").forEach(function (a) { a.replaceWith(a.textContent); });
    pop.appendChild(where);
    pop.appendChild(card.querySelector(".card-body").cloneNode(true));
    pop.setAttribute("data-finding", n);
    pop.hidden = false;
    var r = mark.getBoundingClientRect();
    var docEl = document.documentElement;
    var width = Math.min(pop.offsetWidth || 420, docEl.clientWidth - 16);
    var left = window.scrollX + r.left;
    left = Math.max(window.scrollX + 8, Math.min(left, window.scrollX + docEl.clientWidth - width - 8));
    var top = window.scrollY + r.bottom + 8;
    if (r.bottom + pop.offsetHeight + 16 > window.innerHeight && r.top > pop.offsetHeight + 16) {
      top = window.scrollY + r.top - pop.offsetHeight - 8;
    }
    pop.style.left = left + "px";
    pop.style.top = top + "px";
    primary.classList.add("active");
    current = primary;
  }
  function hide() {
    clearTimeout(hideTimer);
    pop.hidden = true;
    if (current) { current.classList.remove("active"); }
    current = null;
  }
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  document.addEventListener("mouseover", function (e) {
    var m = markOf(e.target);
    if (m) { show(m); } else if (!pop.contains(e.target)) { hideSoon(); }
  });
  pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  document.addEventListener("focusin", function (e) {
    var m = markOf(e.target);
    if (m) { show(m); } else { hide(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !pop.hidden) {
      var back = current;
      hide();
      if (back) { back.focus(); }
    }
  });
  // A card's "place" link moves focus to its highlight, which then shows its explanation.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest(".card .where a") : null;
    if (!a) { return; }
    var mark = document.getElementById(a.getAttribute("href").slice(1));
    if (mark) { e.preventDefault(); mark.focus(); mark.scrollIntoView({block: "center"}); show(mark); }
  });

  // Filter by category.
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter-category]"));
  var status = document.getElementById("filter-status");
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute("data-filter-category")] = b.checked; });
    document.querySelectorAll("mark.hl").forEach(function (m) {
      var off = on[m.getAttribute("data-category")] === false;
      m.classList.toggle("filtered", off);
      if (m.hasAttribute("data-n")) { m.tabIndex = off ? -1 : 0; }
    });
    var shown = 0, total = 0;
    document.querySelectorAll(".card").forEach(function (c) {
      var off = on[c.getAttribute("data-category")] === false;
      c.hidden = off;
      total += 1;
      if (!off) { shown += 1; }
    });
    if (status) {
      status.textContent = shown === total ? "" : "Showing " + shown + " of " + total + " findings.";
    }
    hide();
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  document.querySelectorAll("button[data-filter-all]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var value = btn.getAttribute("data-filter-all") === "on";
      boxes.forEach(function (b) { b.checked = value; });
      apply();
    });
  });
})();
"""
