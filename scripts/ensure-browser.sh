#!/usr/bin/env bash
# Makes sure the end-to-end tests have a Chromium to drive. Playwright cannot
# download its own browser on our machines, so we use Debian's, installing it
# when we may (root with apt-get); CHROMIUM_PATH names any other build.
set -euo pipefail

if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  [[ -x "$CHROMIUM_PATH" ]] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
[[ -x /usr/bin/chromium ]] && exit 0

if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi

if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1; then
  exit 0
fi

cat >&2 <<'MSG'
No Chromium found for the browser tests. Either
  - install Debian's: sudo apt-get install chromium
  - point CHROMIUM_PATH at a Chromium or Chrome binary, or
  - where downloads work: npx playwright install chromium
MSG
exit 1
