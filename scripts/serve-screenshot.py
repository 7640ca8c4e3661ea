#!/usr/bin/env python3
"""Regenerate docs/serve-screenshot.png: the `exolint serve` page (bundled rules, market UK)
with a short draft typed in and one highlight's explanation open, in headless Chromium.

Needs the serve and test extras (pip install -e '.[serve,test]') and Debian's chromium and
chromium-driver (scripts/ensure-chromium.sh).
Usage: python scripts/serve-screenshot.py [OUTPUT.png]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import make_driver, missing_browser, quit_driver  # noqa: E402
from serve_helpers import Server, missing_serve  # noqa: E402

DRAFT = """Spring glow facial

Meet our new regenerative facial, made with exosomes from umbilical cord stem cells.
It repairs damaged skin at a cellular level and has no side effects, so you can book it in your lunch break.

Results vary from person to person; your practitioner will talk you through the treatment first."""


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "serve-screenshot.png"
    why = missing_serve() or missing_browser()
    if why:
        print(f"serve-screenshot: {why}", file=sys.stderr)
        return 2
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from exolint.api import default_ruleset
    from exolint.serve.checker import Checker

    server = Server(Checker(default_ruleset()))
    driver = make_driver(1280, 820)
    try:
        driver.get(server.url + "/")
        Select(driver.find_element(By.ID, "market")).select_by_value("UK")
        driver.execute_script("var t = document.getElementById('editor'); t.value = arguments[0];"
                              "t.dispatchEvent(new Event('input')); document.activeElement.blur();", DRAFT)
        deadline = time.monotonic() + 15
        while "finding" not in driver.find_element(By.ID, "status").text:
            if time.monotonic() > deadline:
                raise RuntimeError("the page did not show findings")
            time.sleep(0.1)
        marks = driver.find_elements(By.CSS_SELECTOR, "#backdrop mark.hl[data-n]")
        target = next((m for m in marks if m.text == "no side effects"), marks[0])
        ActionChains(driver).move_to_element(target).perform()
        time.sleep(0.4)
        driver.save_screenshot(str(out))
    finally:
        quit_driver(driver)
        server.stop()
    print(f"serve-screenshot: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
