#!/usr/bin/env python3
"""Regenerate docs/report-screenshot.png: the HTML report of examples/clinic-landing.md (bundled
rules) in headless Chromium, with one highlight's explanation open.

Needs Debian's chromium and chromium-driver (scripts/ensure-chromium.sh) and the test extra.
Usage: python scripts/report-screenshot.py [OUTPUT.png]
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import make_driver, missing_browser, quit_driver  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "report-screenshot.png"
    why = missing_browser()
    if why:
        print(f"report-screenshot: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "exolint", "check", "--format", "html", "-o", str(page),
                        "examples/clinic-landing.md"], cwd=REPO, check=False)
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By

        driver = make_driver(1100, 1000)
        try:
            driver.get(page.as_uri())
            # scroll the document into view, then open the first error's explanation
            article = driver.find_element(By.CSS_SELECTOR, "article.document")
            driver.execute_script("arguments[0].scrollIntoView({block: 'start'});"
                                  "window.scrollBy(0, -12);", article)
            marks = driver.find_elements(By.CSS_SELECTOR, "mark.hl.sev-error[data-n]")
            target = next((m for m in marks if "completely safe" in m.text), marks[0])
            ActionChains(driver).move_to_element(target).perform()
            time.sleep(0.3)
            driver.save_screenshot(str(out))
        finally:
            quit_driver(driver)
    print(f"report-screenshot: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
