#!/bin/sh
# Makes sure the browser tests have a Chromium before Playwright starts (never a
# downloaded one). PLAYWRIGHT_CHROMIUM names another Chromium/Chrome binary; otherwise
# Debian's /usr/bin/chromium is used, installed here when we are root on Debian/Ubuntu.
# Shared by `npm run test:e2e` and .ci/run.
set -eu

if [ -n "${PLAYWRIGHT_CHROMIUM:-}" ]; then
  if [ -x "$PLAYWRIGHT_CHROMIUM" ]; then exit 0; fi
  echo "ensure-chromium: PLAYWRIGHT_CHROMIUM=$PLAYWRIGHT_CHROMIUM is not an executable file." >&2
  exit 1
fi

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing Debian's chromium (needed by the browser tests)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
  echo "ensure-chromium: apt-get installed chromium but $CHROMIUM is still missing." >&2
  exit 1
fi

cat >&2 <<MSG

*** The browser tests need Chromium at $CHROMIUM, which is missing. ***
    On Debian/Ubuntu:  sudo apt-get install -y chromium
    Or point at another Chromium/Chrome:  PLAYWRIGHT_CHROMIUM=/path/to/chrome npm test
    ("npm run test:unit" runs the server tests without a browser.)

MSG
exit 1
