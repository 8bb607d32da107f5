#!/usr/bin/env bash
# The report page's browser test runs real headless Chromium (Debian package "chromium").
# Run by the Maven build before the tests (skipped with -DskipTests): installs Chromium once when it is missing,
# with apt-get as root or through sudo. Elsewhere (no apt-get, no sudo) it says what to install, and the browser
# test fails with the same message rather than being skipped.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: chromium is missing and apt-get is not available; install Chromium to run the browser test." >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-chromium: chromium is missing; run 'sudo apt-get install chromium' to run the browser test." >&2
    exit 0
  fi
fi
echo "ensure-chromium: installing Debian's chromium for the report page's browser test" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
