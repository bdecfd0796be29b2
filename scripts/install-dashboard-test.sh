#!/usr/bin/env bash
# Installs what the dashboard's browser test (tests/ClientTests/Dashboard) needs: Debian's chromium and playwright-core
# from npm (playwright-core downloads no browser; the test drives /usr/bin/chromium). Idempotent; needs root for apt.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x /usr/bin/chromium ]]; then
  [[ $(id -u) == 0 ]] || { echo "install-dashboard-test: chromium is missing; run as root to apt-get install it" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
command -v npm >/dev/null || { echo "install-dashboard-test: npm is missing" >&2; exit 1; }
npm ci --prefix tests/Dashboard --no-audit --no-fund --loglevel=error
echo "install-dashboard-test: $(/usr/bin/chromium --version 2>/dev/null), playwright-core $(node -p "require('./tests/Dashboard/node_modules/playwright-core/package.json').version")"
