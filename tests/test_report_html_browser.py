"""The HTML report in a real headless Chromium (Debian's chromium + chromium-driver, via Selenium).

Skips, saying why, only when Chromium or ChromeDriver is not installed (scripts/ensure-chromium.sh
installs them); with EXOLINT_REQUIRE_BROWSER=1 a missing browser fails instead. Screenshots go to
$EXOLINT_ARTIFACTS_DIR (default <tmp>/exolint-artifacts).
"""
import os
import time

import pytest

from browser import artifacts_dir, make_driver, missing_browser, quit_driver
from conftest import REPO, SAMPLE_RULES

_why = missing_browser()
if _why and os.environ.get("EXOLINT_REQUIRE_BROWSER") == "1":
    raise RuntimeError(f"EXOLINT_REQUIRE_BROWSER=1 but {_why}")
pytestmark = pytest.mark.skipif(_why is not None, reason=f"browser test skipped: {_why}")

OVERLAP_RULES = REPO / "tests" / "data" / "rules_overlap"
PAGE = """# Exosome glow facial

Gentle on skin. No known side effects for anyone.
Our miracle serum is a breakthrough: zero side effects.

Serum of umbilical-cord derived exosomes.
"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    from docx_builder import build_draft

    folder = tmp_path_factory.mktemp("html-report")
    (folder / "landing-page.md").write_text(PAGE, encoding="utf-8")
    build_draft(folder / "draft.docx")
    out = folder / "report.html"
    from click.testing import CliRunner

    from exolint.cli.commands import main
    result = CliRunner().invoke(main, [
        "check", "--no-bundled-rules", "--rules", str(SAMPLE_RULES), "--rules", str(OVERLAP_RULES),
        "--format", "json", "--jobs", "1", str(folder / "landing-page.md"), str(folder / "draft.docx")])
    import json
    findings = json.loads(result.output)["findings"]
    result = CliRunner().invoke(main, [
        "check", "--no-bundled-rules", "--rules", str(SAMPLE_RULES), "--rules", str(OVERLAP_RULES),
        "--format", "html", "-o", str(out), "--jobs", "1",
        str(folder / "landing-page.md"), str(folder / "draft.docx")])
    assert result.exit_code == 1, result.output
    return out, findings


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    quit_driver(d)


@pytest.fixture
def page(driver, report_file):
    driver.get(report_file[0].as_uri())
    driver.get_log("browser")  # start each test with an empty console log
    driver.get(report_file[0].as_uri())
    return driver


def _severe(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def test_loads_without_errors_or_network(page, report_file):
    assert page.title == "exolint report"
    assert page.execute_script("return document.readyState") == "complete"
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert _severe(page) == []


def test_one_highlight_per_finding(page, report_file):
    _, findings = report_file
    from selenium.webdriver.common.by import By

    marks = page.find_elements(By.CSS_SELECTOR, "mark.hl[data-n]")
    assert len(findings) == 15  # 4 sample + 1 overlap finding in the draft, 10 in the page
    assert len(marks) == len(findings)
    assert all(m.is_displayed() for m in marks)
    assert len(page.find_elements(By.CSS_SELECTOR, "li.card")) == len(findings)


def test_hover_shows_the_explanation(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    pop = page.find_element(By.ID, "popover")
    assert not pop.is_displayed()
    mark = page.find_element(By.CSS_SELECTOR, "mark.hl.sev-error[data-n]")
    assert mark.text.startswith("No known side effects")
    # its start ("No known") is only inside this mark; its end holds a nested "side effects"
    ActionChains(page).move_to_element_with_offset(mark, -mark.size["width"] // 2 + 4, 0).perform()
    time.sleep(0.2)
    assert pop.is_displayed()
    text = pop.text
    assert "'No known side effects' is an absolute safety claim." in text
    assert "Why it is risky" in text and "No treatment is free of side effects." in text
    assert "Write instead" in text and "Most clients notice only mild redness for a day." in text
    assert "TGA, Rules about safety claims in advertising" in text
    assert "Line 3, column 17" in text
    path = os.path.join(artifacts_dir(), "report-hover.png")
    page.save_screenshot(path)
    assert os.path.getsize(path) > 10_000
    print(f"screenshot saved: {path}")
    # the nested finding inside it ("side" is only in it) explains itself when hovered
    inner = mark.find_element(By.CSS_SELECTOR, "mark.hl")
    ActionChains(page).move_to_element_with_offset(inner, -inner.size["width"] // 2 + 4, 0).perform()
    time.sleep(0.2)
    assert "'side effects': say which side effects and how often." in pop.text
    # moving away hides it again
    ActionChains(page).move_to_element(page.find_element(By.TAG_NAME, "h1")).perform()
    time.sleep(0.5)
    assert not pop.is_displayed()


def test_hover_on_a_docx_table_cell_names_the_cell(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    mark = next(m for m in page.find_elements(By.CSS_SELECTOR, "mark.hl[data-n]")
                if m.text.startswith("breakthrough")
                and "table" in m.find_element(By.XPATH, "./ancestor::div[@class='line']").text)
    ActionChains(page).move_to_element(mark).perform()
    time.sleep(0.2)
    assert "Paragraph 6 (table 1, row 2, cell 2), column 3" in page.find_element(By.ID, "popover").text


def test_keyboard_tab_focuses_highlights_and_escape_closes(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page.find_element(By.TAG_NAME, "body").click()
    for _ in range(40):
        ActionChains(page).send_keys(Keys.TAB).perform()
        if page.execute_script("return document.activeElement.matches('mark.hl')"):
            break
    else:
        pytest.fail("no highlight reachable with Tab")
    pop = page.find_element(By.ID, "popover")
    assert pop.is_displayed() and "Write instead" in pop.text
    ActionChains(page).send_keys(Keys.ESCAPE).perform()
    assert not pop.is_displayed()
    assert page.execute_script("return document.activeElement.matches('mark.hl')")


def test_category_filter_hides_highlights_and_cards(page):
    from selenium.webdriver.common.by import By

    hype_cards = page.find_elements(By.CSS_SELECTOR, "li.card[data-category='hype']")
    assert hype_cards
    page.find_element(By.CSS_SELECTOR, "input[data-filter-category='hype']").click()
    assert all(not c.is_displayed() for c in hype_cards)
    marks = page.find_elements(By.CSS_SELECTOR, "mark.hl[data-n][data-category='hype']")
    assert all("filtered" in m.get_attribute("class") for m in marks)
    assert all(m.get_attribute("tabindex") == "-1" for m in marks)
    assert "Showing" in page.find_element(By.ID, "filter-status").text
    page.find_element(By.CSS_SELECTOR, "button[data-filter-all='on']").click()
    assert all(c.is_displayed() for c in hype_cards)


def test_print_layout_numbers_highlights_and_hides_controls(page):
    from selenium.webdriver.common.by import By

    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        after = page.execute_script(
            "return getComputedStyle(document.querySelector('mark.hl.last'), '::after').content")
        assert after.startswith('"[')
        assert not page.find_element(By.CSS_SELECTOR, ".filter-actions").is_displayed()
        adjust = page.execute_script(
            "var s = getComputedStyle(document.querySelector('mark.hl[data-n]'));"
            "return s.printColorAdjust || s.webkitPrintColorAdjust")
        assert adjust == "exact"
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = page.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    import base64
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF")
    with open(os.path.join(artifacts_dir(), "report-print.pdf"), "wb") as fh:
        fh.write(data)
