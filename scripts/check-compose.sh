#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine; exits non-zero when it is invalid.
#   1. docker-compose (Debian bookworm's `docker-compose` package, compose v1.29) or the `docker compose`
#      plugin: `config -q` checks the file against the Compose schema.
#   2. Neither installed: the jest check test/compose/compose.spec.ts (structure of the deployment).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
FILE=docker-compose.yml

if command -v docker-compose >/dev/null 2>&1; then
  echo "check-compose: docker-compose $(docker-compose version --short 2>/dev/null || echo '?') config -q"
  docker-compose -f "$FILE" config -q
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  echo "check-compose: docker compose config -q"
  docker compose -f "$FILE" config -q
else
  echo "check-compose: no docker-compose; running test/compose/compose.spec.ts (apt-get install -y docker-compose for the schema check)"
  if [ ! -d node_modules/jest ] || [ ! -d node_modules/yaml ]; then
    echo "check-compose: node_modules lacks jest or yaml: run npm ci first" >&2
    exit 2
  fi
  # The repo's jest config without its global setup, which starts databases this check does not need.
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  cat >"$tmp/jest.config.mjs" <<'EOF'
import { pathToFileURL } from 'node:url';
const root = process.env.CHECK_COMPOSE_ROOT;
const { default: base } = await import(pathToFileURL(`${root}/jest.config.js`).href);
const { globalSetup, globalTeardown, ...rest } = base;
export default { ...rest, rootDir: root, testMatch: ['<rootDir>/test/compose/compose.spec.ts'] };
EOF
  CHECK_COMPOSE_ROOT="$ROOT" node --experimental-vm-modules --no-warnings=ExperimentalWarning \
    node_modules/jest/bin/jest.js --config "$tmp/jest.config.mjs" --ci
fi
echo "check-compose: $FILE is valid"
