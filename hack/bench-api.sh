#!/usr/bin/env bash
# Measures POST /api/publish throughput with wrk against the server and, in the same run, against
# a bare Kestrel endpoint (hack/bench/BareKestrel) that only reads the body and answers
# {"result":{}}. Writes hack/results/api-bench.md.
#
# Usage: hack/bench-api.sh [DURATION_SECONDS] [CONNECTIONS]
# Needs: wrk (apt-get install -y wrk), the .NET SDK.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-10}
connections=${2:-32}
artifacts=${BENCH_ARTIFACTS:-$(mktemp -d)}
work=$(mktemp -d)
results="$root/hack/results/api-bench.md"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1"; exit 1; }

echo "[bench] building (Release)"
dotnet build "$root/server/K8sRelay.Server" -c Release --artifacts-path "$artifacts" -nologo -v q >/dev/null
dotnet build "$root/hack/bench/BareKestrel" -c Release --artifacts-path "$artifacts" -nologo -v q >/dev/null

server_port=$(free_port)
bare_port=$(free_port)
cat >"$work/config.json" <<JSON
{"http_server":{"address":"127.0.0.1","port":$server_port},"http_api":{"key":"bench-key"},"log":{"level":"error"}}
JSON
cat >"$work/publish.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"channel":"bench","data":{"text":"hello from the benchmark","n":42}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "bench-key"
LUA

dotnet "$artifacts/bin/K8sRelay.Server/release/k8srelay.dll" -c "$work/config.json" >"$work/server.log" 2>&1 &
server_pid=$!
ASPNETCORE_URLS="http://127.0.0.1:$bare_port" dotnet "$artifacts/bin/BareKestrel/release/BareKestrel.dll" >"$work/bare.log" 2>&1 &
bare_pid=$!
trap 'kill $server_pid $bare_pid 2>/dev/null || true; wait $server_pid $bare_pid 2>/dev/null || true; rm -rf "$work"' EXIT
wait_http "http://127.0.0.1:$server_port/"
wait_http "http://127.0.0.1:$bare_port/"

# The body the server answers must be a real publish result.
check=$(curl -s -X POST -H 'X-API-Key: bench-key' -d '{"channel":"bench","data":{}}' "http://127.0.0.1:$server_port/api/publish")
[ "$check" = '{"result":{}}' ] || { echo "unexpected publish answer: $check"; exit 1; }

run() { # name url -> prints "requests_per_second latency_avg"
  wrk -t2 -c"$connections" -d2s -s "$work/publish.lua" "$2/api/publish" >/dev/null   # warm-up
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/publish.lua" "$2/api/publish" >"$work/$1.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$1.txt")
  lat=$(awk '/^    Latency/ {print $2}' "$work/$1.txt")
  p99=$(awk '/^ +99%/ {print $2}' "$work/$1.txt")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$work/$1.txt")
  echo "$rps $lat $p99 ${non2xx:-0}"
}

# Two interleaved rounds (bare, server, bare, server) so that a change in the machine's load
# hits both targets alike; the table shows the mean of the rounds.
declare -a bare_rounds relay_rounds
for round in 1 2; do
  echo "[bench] round $round: bare Kestrel"
  bare_rounds+=("$(run bare$round "http://127.0.0.1:$bare_port")")
  echo "[bench] round $round: K8sRelay"
  relay_rounds+=("$(run relay$round "http://127.0.0.1:$server_port")")
done
mean() { python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(f'{sum(v)/len(v):.0f}')" "$@"; }
bare_rps=$(mean $(for r in "${bare_rounds[@]}"; do echo "$r" | cut -d' ' -f1; done))
relay_rps=$(mean $(for r in "${relay_rounds[@]}"; do echo "$r" | cut -d' ' -f1; done))
read -r _ bare_lat bare_p99 bare_bad <<<"${bare_rounds[1]}"
read -r _ relay_lat relay_p99 relay_bad <<<"${relay_rounds[1]}"
rounds_text="bare: $(for r in "${bare_rounds[@]}"; do echo -n "$(echo "$r" | cut -d' ' -f1) "; done)/ K8sRelay: $(for r in "${relay_rounds[@]}"; do echo -n "$(echo "$r" | cut -d' ' -f1) "; done)"
ratio=$(python3 -c "print(f'{100*$relay_rps/$bare_rps:.0f}')")

cpus=$(nproc)
load=$(cut -d' ' -f1-3 /proc/loadavg)
cat >"$results" <<MD
# Server API benchmark: POST /api/publish

Produced by \`hack/bench-api.sh $duration $connections\` on $(date -u +%Y-%m-%d) ($cpus CPUs, load average before the run: $load).
wrk 2 threads, $connections connections, ${duration}s per target and round after a 2s warm-up, same body and key header for both:
\`{"channel":"bench","data":{"text":"hello from the benchmark","n":42}}\`.

Requests/s of each round: $rounds_text. Latency columns are from the second round.

| Target | Requests/s (mean of rounds) | Mean latency | p99 latency | Non-2xx |
|---|---:|---:|---:|---:|
| Bare Kestrel endpoint (reads the body, answers \`{"result":{}}\`) | $bare_rps | $bare_lat | $bare_p99 | $bare_bad |
| K8sRelay \`POST /api/publish\` (key check, JSON decode, validation, memory-engine publish) | $relay_rps | $relay_lat | $relay_p99 | $relay_bad |

K8sRelay reaches **$ratio %** of the bare endpoint (goal: at least 60 %).
wrk, both servers and the build share the same machine, so absolute numbers depend on its load; the ratio is the figure to compare.
MD
cat "$results"
