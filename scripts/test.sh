#!/usr/bin/env bash
# `npm test`: lint, typecheck, then unit, shell and e2e tests, with a throwaway Secret Service so
# the keychain tests use a real one. Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results

echo "== lint"; npm run -s lint
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
node scripts/ensure-native.mjs node

run_tests() {
  local status=0
  echo "== unit and shell tests (vitest)"
  npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
  echo "== end-to-end tests (playwright, Chromium against the browser harness)"
  npx playwright test || status=$?
  node scripts/summarize-tests.mjs || status=$?
  return $status
}

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  export -f run_tests
  # The keychain tests must run (not skip) against this throwaway Secret Service.
  export ADMIN_DESK_REQUIRE_KEYCHAIN=1
  # A keyring folder of its own: a keyring file left in the home folder by an earlier run with
  # another password would stay locked and make the daemon ask for a prompt that cannot appear.
  KEYRING_HOME="$(mktemp -d)"
  export KEYRING_HOME
  trap 'rm -rf "$KEYRING_HOME"' EXIT
  dbus-run-session -- bash -c 'export XDG_DATA_HOME="$KEYRING_HOME"; echo -n admin-desk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; run_tests'
else
  run_tests
fi
