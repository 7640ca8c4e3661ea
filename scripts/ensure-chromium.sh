#!/usr/bin/env bash
# Make sure Debian's Chromium and ChromeDriver are installed, for the HTML report's browser test
# (tests/test_report_html_browser.py). Exit 0 when both are usable, non-zero when they cannot be
# installed (the browser test then skips with a message saying so).
set -u

have() { command -v "$1" >/dev/null 2>&1; }
browser() { have chromium || have chromium-browser; }

if browser && have chromedriver; then
  echo "ensure-chromium: $( (chromium --version || chromium-browser --version) 2>/dev/null | head -n1 ) and chromedriver present"
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif have sudo && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "ensure-chromium: not root and no passwordless sudo; cannot install chromium" >&2
  exit 1
fi
if ! have apt-get; then
  echo "ensure-chromium: no apt-get here; install Chromium and ChromeDriver by hand" >&2
  exit 1
fi

echo "ensure-chromium: installing Debian packages chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || { echo "ensure-chromium: apt-get update failed" >&2; exit 1; }
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
  || { echo "ensure-chromium: apt-get install chromium chromium-driver failed" >&2; exit 1; }

if browser && have chromedriver; then
  echo "ensure-chromium: installed $(chromium --version 2>/dev/null | head -n1)"
  exit 0
fi
echo "ensure-chromium: chromium or chromedriver still missing after install" >&2
exit 1
