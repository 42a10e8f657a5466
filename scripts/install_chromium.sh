#!/usr/bin/env bash
# Install headless Chromium and its matching chromedriver from Debian's own packages, so the
# browser tests (pytest -m browser) never depend on selenium-manager downloads.
# Idempotent: does nothing when both binaries are already present. Needs root (or sudo).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
    echo "chromium and chromedriver already installed:"
    "$CHROMIUM" --version 2>/dev/null || true  # the Debian wrapper script prints noise on stderr
    "$CHROMEDRIVER" --version || true
    exit 0
fi

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver

"$CHROMIUM" --version 2>/dev/null
"$CHROMEDRIVER" --version
