"""Drive Debian's headless Chromium with Selenium + chromium-driver, for the HTML report tests.

Only local binaries are used (no browser or driver download). ``missing_browser()`` says why a
browser test cannot run here; tests skip with that message unless EXOLINT_REQUIRE_BROWSER=1,
which turns a missing browser into a failure (for CI that has installed it).
"""
from __future__ import annotations

import os
import shutil
import tempfile

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
INSTALL_HINT = "apt-get install chromium chromium-driver (or run scripts/ensure-chromium.sh)"


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def missing_browser() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if find_chromium() is None:
        return f"Chromium is not installed: {INSTALL_HINT}"
    if shutil.which("chromedriver") is None:
        return f"ChromeDriver is not installed: {INSTALL_HINT}"
    return None


def make_driver(width: int = 1200, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = find_chromium()
    profile = tempfile.mkdtemp(prefix="exolint-chromium-")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", f"--window-size={width},{height}",
                f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
    driver.set_page_load_timeout(30)
    driver._exolint_profile = profile  # removed by quit_driver
    return driver


def quit_driver(driver) -> None:
    profile = getattr(driver, "_exolint_profile", None)
    try:
        driver.quit()
    finally:
        if profile:
            shutil.rmtree(profile, ignore_errors=True)


def artifacts_dir() -> str:
    """Where browser tests save screenshots: $EXOLINT_ARTIFACTS_DIR or <tmp>/exolint-artifacts."""
    path = os.environ.get("EXOLINT_ARTIFACTS_DIR") or os.path.join(tempfile.gettempdir(),
                                                                    "exolint-artifacts")
    os.makedirs(path, exist_ok=True)
    return path
