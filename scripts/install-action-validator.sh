#!/usr/bin/env bash
# Installs @action-validator/cli (validates .github/workflows against GitHub's schema) into .tools/
# (gitignored). tests/DeployTests runs it when present and says why it skipped when not.
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --silent --no-audit --no-fund --prefix .tools @action-validator/cli@0.6.0 >/dev/null
echo "action-validator: $(node -p "require('./.tools/node_modules/@action-validator/cli/package.json').version")"
