"""``exolint serve``'s page in a real headless Chromium (Debian's chromium + chromium-driver,
via Selenium): type a risky sentence, see its highlight and explanation, change the market, drop
a .docx, download the report, copy the text.

Skips, saying why, when the serve extra (EXOLINT_REQUIRE_SERVE=1 makes that a failure) or the
browser (EXOLINT_REQUIRE_BROWSER=1 makes that a failure) is missing. A screenshot of the page
goes to $EXOLINT_ARTIFACTS_DIR (default <tmp>/exolint-artifacts).
"""
import os
import time

import pytest

from browser import artifacts_dir, make_driver, missing_browser, quit_driver
from serve_helpers import Server, serve_skip_mark

_why = missing_browser()
if _why and os.environ.get("EXOLINT_REQUIRE_BROWSER") == "1":
    raise RuntimeError(f"EXOLINT_REQUIRE_BROWSER=1 but {_why}")
pytestmark = [serve_skip_mark(),
              pytest.mark.skipif(_why is not None, reason=f"browser test skipped: {_why}")]

RISKY = "Our glow facial uses exosomes from umbilical cord stem cells and has no side effects."


@pytest.fixture(scope="module")
def server():
    from exolint.api import default_ruleset
    from exolint.serve.checker import Checker

    s = Server(Checker(default_ruleset()))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def driver():
    d = make_driver(1300, 900)
    yield d
    quit_driver(d)


@pytest.fixture
def page(driver, server):
    driver.get(server.url + "/")
    driver.get_log("browser")  # start each test with an empty console log
    return driver


def wait_for(condition, seconds=15.0, what="condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _marks(driver):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "#backdrop mark.hl[data-n]")


def _type(driver, text):
    from selenium.webdriver.common.by import By

    editor = driver.find_element(By.ID, "editor")
    editor.click()
    editor.send_keys(text)
    return editor


def _status(driver):
    return driver.execute_script("return document.getElementById('status').textContent")


def _rules_shown(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#findings .card .rule code'))"
        ".map(function (c) { return c.textContent; })")


def _severe(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def test_typing_highlights_and_hover_explains(page):
    from selenium.webdriver.common.action_chains import ActionChains

    _type(page, RISKY)
    wait_for(lambda: len(_marks(page)) >= 2 and "finding" in _status(page), what="highlights")
    marks = {m.text: m for m in _marks(page)}
    # the mark lies exactly under its words in the editor (same layout as the textarea)
    editor_box = page.execute_script(
        "var t = document.getElementById('editor'); t.focus();"
        "var i = t.value.indexOf('no side effects'); t.setSelectionRange(i, i + 15);"
        "return t.getBoundingClientRect().toJSON();")
    mark = next(m for text, m in marks.items() if text == "no side effects")
    box = page.execute_script("return arguments[0].getBoundingClientRect().toJSON()", mark)
    assert editor_box["left"] < box["left"] < box["right"] < editor_box["right"]
    assert "sev-error" in mark.get_attribute("class")
    # pointing at the phrase in the editor opens the report's explanation pop-over
    ActionChains(page).move_to_element(mark).perform()
    popover = page.find_element("id", "popover")
    wait_for(popover.is_displayed, what="the explanation pop-over")
    text = popover.text
    assert "no side effects" in text and "Why it is risky" in text and "Write instead" in text
    assert "References" in text
    # the list by severity has the same card, with its explanation
    assert page.execute_script("return document.querySelector('#findings section.severity h3')"
                               ".textContent").startswith("Errors (")
    assert "no-side-effects" in _rules_shown(page)
    page.save_screenshot(os.path.join(artifacts_dir(), "serve-page.png"))
    assert page.execute_script("return performance.getEntriesByType('resource')"
                               ".filter(function (e) { return e.name.indexOf(location.origin) !== 0; })"
                               ".length") == 0
    assert _severe(page) == []


def test_cursor_in_a_highlight_explains_it(page):
    from selenium.webdriver.common.keys import Keys

    editor = _type(page, RISKY)
    wait_for(lambda: "no-side-effects" in _rules_shown(page), what="findings")
    editor.send_keys(Keys.END)
    for _ in range(5):  # back into "no side effects" (the sentence ends "effects.")
        editor.send_keys(Keys.ARROW_LEFT)
    popover = page.find_element("id", "popover")
    wait_for(popover.is_displayed, what="the explanation pop-over")
    assert "no side effects" in popover.text and "Why it is risky" in popover.text


def test_card_link_selects_the_phrase_in_the_editor(page):
    _type(page, RISKY)
    wait_for(lambda: "no-side-effects" in _rules_shown(page), what="findings")
    link = page.execute_script(
        "return Array.from(document.querySelectorAll('#findings .card')).filter(function (c) {"
        " return c.querySelector('.rule code').textContent === 'no-side-effects'; })[0]"
        ".querySelector('.where a')")
    link.click()
    selected = page.execute_script("var t = document.getElementById('editor');"
                                   "return [document.activeElement === t,"
                                   " t.value.slice(t.selectionStart, t.selectionEnd)]")
    assert selected == [True, "no side effects"]


def test_editing_rechecks_and_drops_stale_answers(page):
    editor = _type(page, RISKY)
    wait_for(lambda: "no-side-effects" in _rules_shown(page), what="first findings")
    editor.send_keys(" Our team is friendly.")
    page.execute_script("var t = document.getElementById('editor');"
                        "t.value = 'A calm facial with a cooling mask.';"
                        "t.dispatchEvent(new Event('input'));")
    wait_for(lambda: "No risky claims found" in _status(page), what="the clean result")
    assert _marks(page) == [] and _rules_shown(page) == []


def test_changing_the_market_changes_the_findings(page):
    from selenium.webdriver.support.ui import Select

    _type(page, RISKY)
    Select(page.find_element("id", "market")).select_by_value("UK")
    wait_for(lambda: "human-origin-ingredient" in _rules_shown(page), what="UK findings")
    assert "judged under UK" in _status(page)
    Select(page.find_element("id", "market")).select_by_value("US")
    wait_for(lambda: "human-cell-product" in _rules_shown(page), what="US findings")
    assert "human-origin-ingredient" not in _rules_shown(page)


def _drop_file(driver, path):
    """Drop a file from disk on the editor, as a drag from the desktop would."""
    from selenium.webdriver.common.by import By

    carrier = driver.execute_script(
        "var i = document.createElement('input'); i.type = 'file'; i.id = 'test-carrier';"
        "i.style.display = 'none'; document.body.appendChild(i); return i;")
    carrier.send_keys(str(path))
    driver.execute_script(
        "var file = document.getElementById('test-carrier').files[0];"
        "var dt = new DataTransfer(); dt.items.add(file);"
        "var zone = document.getElementById('drop-zone');"
        "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
        "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));"
        "document.getElementById('test-carrier').remove();")
    return driver.find_element(By.ID, "editor")


def test_dropping_a_docx_checks_it(page, tmp_path):
    from docx_builder import build_draft

    build_draft(tmp_path / "draft.docx")
    editor = _drop_file(page, tmp_path / "draft.docx")
    wait_for(lambda: "Gentle on skin" in editor.get_attribute("value"), what="the draft's text")
    wait_for(lambda: "finding" in _status(page), what="the draft's findings")
    assert "read as draft.docx" in _status(page)
    assert "No known side effects" in [m.text for m in _marks(page)]
    # places are named as in the report of a Word draft: by paragraph
    assert "Paragraph 2" in page.execute_script(
        "return document.querySelector('#findings .card .where').textContent")
    # editing the draft checks the edited text (as plain text)
    editor.send_keys(" Clinically proven.")
    wait_for(lambda: "read as draft.txt" in _status(page), what="the edited draft's check")


def test_open_a_file_button_and_unreadable_file(page, tmp_path):
    (tmp_path / "page.md").write_text("# Peel\n\nA peel with zero side effects.\n", encoding="utf-8")
    page.find_element("id", "file-input").send_keys(str(tmp_path / "page.md"))
    wait_for(lambda: "read as page.md" in _status(page), what="the Markdown file's check")
    assert page.find_element("id", "format").get_attribute("value") == ".md"
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    _drop_file(page, tmp_path / "broken.docx")
    wait_for(lambda: "Not checked" in _status(page), what="the error")
    assert "broken.docx" in _status(page) and _rules_shown(page) == []


def test_download_report_and_copy_clean_text(page, tmp_path):
    page.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": page.execute_script("return location.origin"),
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    page.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow",
                                                      "downloadPath": str(tmp_path)})
    _type(page, RISKY)
    wait_for(lambda: "finding" in _status(page), what="findings")
    page.find_element("id", "download").click()
    report = wait_for(lambda: next(iter(tmp_path.glob("*-exolint-report.html")), None),
                      what="the downloaded report")
    time.sleep(0.2)
    html = report.read_text(encoding="utf-8")
    assert "<title>exolint report</title>" in html and "no side effects" in html
    page.find_element("id", "copy").click()
    wait_for(lambda: "copied" in _status(page), what="the copy")
    copied = page.execute_async_script(
        "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('ERR ' + e); });")
    assert copied == RISKY
