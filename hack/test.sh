#!/usr/bin/env bash
# Installs what the tests need (Debian and npm packages, helm) and runs every test.
# Prints one closing line "N passed, N failed" summed over every test run, and exits non-zero on any failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

log() { printf '[test] %s\n' "$*"; }

# 1. Debian packages used by integration tests (real servers on loopback ports).
need_apt=()
for pair in redis-server:redis-server redis-cli:redis-tools redis-sentinel:redis-sentinel nats-server:nats-server node:nodejs; do
  bin=${pair%%:*}; pkg=${pair##*:}
  command -v "$bin" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "installing ${need_apt[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    log "missing ${need_apt[*]}: install them with apt-get (sudo) and run again"; exit 1
  fi
fi

# 2. npm packages for the interop tests (real centrifuge-js and cent.js clients).
if [ -f tests/interop/package.json ]; then
  log "npm install (tests/interop)"
  (cd tests/interop && npm install --no-audit --no-fund --silent) || { log "npm install failed"; exit 1; }
fi
if [ -f tests/charts-validate/package.json ]; then
  log "npm install (tests/charts-validate)"
  (cd tests/charts-validate && npm install --no-audit --no-fund --silent) || { log "npm install failed"; exit 1; }
fi

# 3. helm for chart tests.
if [ -x hack/get-helm.sh ]; then
  hack/get-helm.sh "$root/.tools/helm" >/dev/null || { log "could not obtain helm"; exit 1; }
fi

# 4. Build once, then run every test project.
log "dotnet build"
dotnet build K8sRelay.sln -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
status=0
dotnet test --solution K8sRelay.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The platform's closing summary gives the totals over every test assembly.
passed=$(sed -n 's/^[[:space:]]*succeeded: \([0-9]*\)$/\1/p' "$log" | tail -1)
failed=$(sed -n 's/^[[:space:]]*failed: \([0-9]*\)$/\1/p' "$log" | tail -1)
passed=${passed:-0}; failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
