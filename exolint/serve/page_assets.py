"""The page's own stylesheet and script, on top of the HTML report's (kept in Python, like the
report's, so the wheel needs no data files).

The editor is a transparent <textarea> over a "backdrop" that holds the same text with the
report's <mark> highlights, laid out identically (same font, padding, wrapping, scroll). The
report's script shows a mark's explanation on hover or focus; this script forwards the pointer
from the textarea to the mark under it, checks the copy 300 ms after the last keystroke, and
drops any answer older than the newest request.
"""

PAGE_CSS = r"""
body { max-width: 92rem; }
.bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: .75rem; border-bottom: 1px solid var(--line); padding-bottom: .75rem; margin-bottom: 1rem; }
.bar h1 { margin: 0; }
.bar h1 .sub { font-weight: 400; color: var(--muted); font-size: 1rem; margin-left: .3rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; font-size: .92rem; }
.controls select, .controls button, .controls .button { font: inherit; padding: .3rem .7rem;
  border-radius: 4px; border: 1px solid #9a9da4; background: var(--wash); cursor: pointer;
  color: var(--ink); }
.controls .button { position: relative; }
.controls .button input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.controls .button:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
.workspace { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem;
  align-items: start; }
@media (max-width: 60rem) { .workspace { grid-template-columns: 1fr; } }
.doc-name { font-weight: 400; color: var(--muted); font-size: .9rem;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin-left: .4rem; }
.editor { position: relative; height: 62vh; min-height: 18rem; }
.editor textarea, .editor .backdrop { position: absolute; inset: 0; margin: 0; width: 100%;
  height: 100%; padding: .75rem .9rem; border: 1px solid var(--line); border-radius: 6px;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  letter-spacing: normal; white-space: pre-wrap; overflow-wrap: break-word; word-break: normal;
  overflow-x: hidden; overflow-y: scroll; tab-size: 4; }
.editor .backdrop { color: transparent; background: var(--paper); z-index: 0; }
.editor textarea { z-index: 1; background: transparent; color: var(--ink); resize: none; }
.editor textarea:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.backdrop mark.hl { padding: 0; color: transparent; cursor: auto; }
.backdrop mark.hl.last::after { content: none; }
.backdrop.stale mark.hl { opacity: .45; }
.editor.dragging .backdrop { outline: 3px dashed var(--info-ink); outline-offset: 2px; }
.drop-hint { position: absolute; inset: 0; z-index: 2; display: flex; align-items: center;
  justify-content: center; background: rgba(220, 235, 255, .88); font-weight: 600;
  border-radius: 6px; pointer-events: none; }
.drop-hint[hidden] { display: none; }
.status { color: var(--muted); margin: .5rem 0 0; min-height: 1.55em; }
.status.error { color: var(--err-ink); font-weight: 600; }
.findings-pane { max-height: calc(62vh + 4rem); overflow-y: auto; padding-right: .25rem; }
.findings-pane h3 { font-size: 1rem; margin: .9rem 0 .45rem; }
.findings-pane h3:first-child { margin-top: 0; }
.findings-pane .empty { color: var(--muted); }
.card .where a { cursor: pointer; }
.foot { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
"""

PAGE_JS = r"""
(function () {
  "use strict";
  function $(id) { return document.getElementById(id); }
  var editor = $("editor"), backdrop = $("backdrop"), market = $("market"), format = $("format");
  var fileInput = $("file-input"), list = $("findings"), status = $("status"), docName = $("doc-name");
  var zone = $("drop-zone"), hint = $("drop-hint");
  var MAX_TEXT = +document.body.getAttribute("data-max-text");
  var MAX_UPLOAD = +document.body.getAttribute("data-max-upload");
  var ACCEPT = fileInput.getAttribute("accept").split(",");
  var HEADINGS = {error: "Errors", warning: "Warnings", info: "Info"};
  var state = {name: null, file: null, seq: 0, controller: null, timer: null, ranges: [],
               hovered: null, checkedText: null};

  function extOf(name) { var i = name.lastIndexOf("."); return i > 0 ? name.slice(i).toLowerCase() : ""; }
  function stem(name) { var i = name.lastIndexOf("."); return i > 0 ? name.slice(0, i) : name; }
  function fileName() { return state.name || "draft" + format.value; }
  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", !!isError);
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // What to send: the dropped file while it is unedited (a .docx is read from its bytes), else
  // the editor's text under the file's (or the chosen format's) name.
  function request(kind) {
    var marketName = market.value || null;
    if (state.file) {
      var form = new FormData();
      form.append("file", state.file, state.file.name);
      if (marketName) { form.append("market", marketName); }
      return {url: "/api/" + kind + "-file", init: {method: "POST", body: form}};
    }
    var body = JSON.stringify({text: editor.value, filename: fileName(), market: marketName});
    return {url: "/api/" + kind, size: new Blob([body]).size,
            init: {method: "POST", headers: {"Content-Type": "application/json"}, body: body}};
  }

  function check() {
    clearTimeout(state.timer);
    var seq = ++state.seq;
    if (state.controller) { state.controller.abort(); }
    if (!state.file && editor.value.trim() === "") {
      show({result: {findings: [], files_checked: 0, errors: []}, backdrop: "", ranges: [], cards: {}},
           200, true);
      say("Nothing to check yet.");
      return;
    }
    var req = request("view");
    if (req.size > MAX_TEXT) {
      say("This text is too long to check here (the limit is " + MAX_TEXT + " bytes); " +
          "use `exolint check` on the file instead.", true);
      return;
    }
    var controller = state.controller = new AbortController();
    req.init.signal = controller.signal;
    say("Checking\u2026");
    fetch(req.url, req.init).then(function (r) {
      return r.json().then(function (data) { return {status: r.status, data: data}; });
    }).then(function (res) {
      if (seq !== state.seq) { return; }  // a newer request is on its way: drop this answer
      show(res.data, res.status, false);
    }).catch(function (err) {
      if (err.name === "AbortError" || seq !== state.seq) { return; }
      say("Could not reach exolint: is `exolint serve` still running?", true);
    });
  }
  function schedule() {
    clearTimeout(state.timer);
    backdrop.classList.add("stale");
    state.timer = setTimeout(check, 300);
  }

  function show(data, httpStatus, quiet) {
    backdrop.classList.remove("stale");
    if (data.error) {  // 400, 413, 500: the copy was not checked
      clearFindings();
      say("Not checked: " + data.error, true);
      return;
    }
    if (state.file && data.result.files_checked && typeof data.source === "string") {
      editor.value = data.source;  // the file's text, as exolint reads it
    }
    state.checkedText = editor.value;
    backdrop.innerHTML = data.backdrop + "\n";
    state.ranges = data.ranges;
    syncScroll();
    var result = data.result;
    if (httpStatus === 422 || !result.files_checked) {
      renderCards({});
      if (!quiet) {
        var why = result.errors.length ? result.errors[0].message : "unknown reason";
        say("Not checked: " + fileName() + ": " + why, true);
      }
      return;
    }
    renderCards(data.cards);
    var counts = {error: 0, warning: 0, info: 0};
    result.findings.forEach(function (f) { counts[f.severity] = (counts[f.severity] || 0) + 1; });
    var n = result.findings.length;
    var where = " \u00b7 read as " + fileName() + (market.value ? " \u00b7 judged under " + market.value : "");
    if (!n) { say("No risky claims found." + where); return; }
    var parts = [];
    if (counts.error) { parts.push(plural(counts.error, "error")); }
    if (counts.warning) { parts.push(plural(counts.warning, "warning")); }
    if (counts.info) { parts.push(counts.info + " info"); }
    say(plural(n, "finding") + " (" + parts.join(", ") + ")" + where +
        ". Point at a highlight to see why it is risky.");
  }
  function clearFindings() {
    state.ranges = [];
    backdrop.textContent = editor.value + "\n";
    renderCards({});
  }
  function renderCards(cards) {
    var html = "";
    ["error", "warning", "info"].forEach(function (sev) {
      var items = cards[sev] || [];
      if (!items.length) { return; }
      html += '<section class="severity" data-severity="' + sev + '"><h3>' + HEADINGS[sev] +
              " (" + items.length + ')</h3><ol class="cards">' + items.join("") + "</ol></section>";
    });
    list.innerHTML = html || '<p class="empty">No findings.</p>';
  }

  function syncScroll() {
    backdrop.scrollTop = editor.scrollTop;
    backdrop.scrollLeft = editor.scrollLeft;
  }
  editor.addEventListener("scroll", syncScroll);

  // The textarea is on top: forward the pointer to the highlight under it, so the report's
  // script shows (or hides) that finding's explanation.
  function markAt(x, y) {
    var hits = document.elementsFromPoint(x, y);
    for (var i = 0; i < hits.length; i++) {
      if (hits[i].matches && hits[i].matches("#backdrop mark.hl")) { return hits[i]; }
    }
    return null;
  }
  function point(mark) {
    if (mark === state.hovered) { return; }
    state.hovered = mark;
    (mark || editor).dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
  }
  editor.addEventListener("mousemove", function (e) { point(markAt(e.clientX, e.clientY)); });
  editor.addEventListener("mouseleave", function () { state.hovered = null; });

  // The caret inside a highlight (click, arrow keys) also shows its explanation.
  function rangeAt(pos) {
    for (var i = 0; i < state.ranges.length; i++) {
      var r = state.ranges[i];
      if (r.start <= pos && pos < r.end) { return r; }
    }
    return null;
  }
  function explainAtCaret() {
    if (editor.value !== state.checkedText) { return; }
    var r = rangeAt(editor.selectionStart);
    var mark = r && $("mark-" + r.n);
    if (mark) { state.hovered = null; point(mark); }
  }
  editor.addEventListener("click", explainAtCaret);
  editor.addEventListener("keyup", function (e) {
    if (/^Arrow|^Home$|^End$|^Page/.test(e.key)) { explainAtCaret(); }
  });
  // A mark never keeps the focus (the report's script returns focus to it on Escape).
  backdrop.addEventListener("focusin", function () { editor.focus(); });

  // A card's place link selects the phrase in the editor and shows its explanation there.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest(".card .where a") : null;
    if (!a) { return; }
    e.preventDefault();
    e.stopPropagation();
    var n = +a.getAttribute("href").replace("#mark-", "");
    var r = state.ranges.filter(function (x) { return x.n === n; })[0];
    var mark = $("mark-" + n);
    if (!r || !mark) { return; }
    editor.focus();
    editor.setSelectionRange(r.start, r.end);
    editor.scrollTop = Math.max(0, mark.offsetTop - editor.clientHeight / 3);
    syncScroll();
    state.hovered = null;
    point(mark);
  }, true);

  editor.addEventListener("input", function () {
    if (state.file) {  // an edited .docx is checked as the plain text it now is
      state.name = extOf(state.file.name) === ".docx" ? stem(state.file.name) + ".txt" : state.file.name;
      state.file = null;
      docName.textContent = state.name + " (edited)";
    }
    schedule();
  });
  market.addEventListener("change", check);
  format.addEventListener("change", function () {
    if (state.name) { state.name = stem(state.name) + format.value; docName.textContent = state.name; }
    if (state.file && extOf(state.file.name) !== ".docx") { state.file = null; }
    check();
  });

  function openFile(file) {
    var ext = extOf(file.name);
    if (ACCEPT.indexOf(ext) < 0) {
      say("Cannot check " + file.name + ": exolint reads " + ACCEPT.join(", ") + " files.", true);
      return;
    }
    if (file.size > MAX_UPLOAD) {
      say("Cannot check " + file.name + ": larger than " + MAX_UPLOAD + " bytes.", true);
      return;
    }
    state.file = file;
    state.name = file.name;
    docName.textContent = file.name;
    if (format.querySelector('option[value="' + ext + '"]')) { format.value = ext; }
    check();
  }
  fileInput.addEventListener("change", function () {
    if (fileInput.files.length) { openFile(fileInput.files[0]); }
    fileInput.value = "";
  });
  function dragging(on) { zone.classList.toggle("dragging", on); hint.hidden = !on; }
  zone.addEventListener("dragover", function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
      e.preventDefault();
      dragging(true);
    }
  });
  zone.addEventListener("dragleave", function () { dragging(false); });
  zone.addEventListener("drop", function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
    e.preventDefault();
    dragging(false);
    openFile(e.dataTransfer.files[0]);
  });

  $("download").addEventListener("click", function () {
    var req = request("report");
    fetch(req.url, req.init).then(function (r) {
      if (!r.ok) {
        return r.json().then(function (data) {
          var why = data.error || (data.errors && data.errors.length ? data.errors[0].message : r.status);
          say("No report: " + why, true);
        });
      }
      return r.blob().then(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = stem(fileName()) + "-exolint-report.html";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
        say("Report downloaded: " + a.download);
      });
    }).catch(function () { say("Could not reach exolint: is `exolint serve` still running?", true); });
  });

  // "Copy clean text": the copy itself, without highlights or finding numbers.
  $("copy").addEventListener("click", function () {
    var text = editor.value;
    function fallback() {
      editor.focus();
      editor.select();
      var ok = document.execCommand && document.execCommand("copy");
      say(ok ? "Text copied." : "Select the text and copy it with Ctrl+C / Cmd+C.", !ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say("Text copied."); }, fallback);
    } else {
      fallback();
    }
  });

  window.exolintServe = {check: check, state: state};  // for tests and the curious
})();
"""
