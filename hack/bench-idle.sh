#!/usr/bin/env bash
# Memory per idle WebSocket connection: K8sRelay (connected and subscribed) next to a bare Kestrel
# WebSocket endpoint, in the same run. Writes hack/results/idle-memory.md.
# Usage: hack/bench-idle.sh [CONNECTIONS] [HOLD_SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
connections=${1:-10000}
hold=${2:-40}
out=hack/results/idle-memory.md
art=$(mktemp -d)
trap 'kill $server_pid 2>/dev/null || true; rm -rf "$art"' EXIT
ulimit -n 20000 || true

dotnet build server/K8sRelay.Server -c Release --artifacts-path "$art" -v q -nologo >/dev/null
dotnet build tests/K8sRelay.LoadGenerator -c Release --artifacts-path "$art" -v q -nologo >/dev/null
server_dll="$art/bin/K8sRelay.Server/release/k8srelay.dll"
loadgen_dll="$art/bin/K8sRelay.LoadGenerator/release/k8srelay-loadgen.dll"

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
wait_http() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "server did not start" >&2; exit 1; }

measure() { # name pid url
  local name=$1 pid=$2 url=$3
  sleep 3
  local before; before=$(rss_kb "$pid")
  dotnet "$loadgen_dll" idle --url "$url" --connections "$connections" --hold "$hold" --channel bench > "$art/$name.log" &
  local gen=$!
  sleep $((hold / 2 + 15))
  local during; during=$(rss_kb "$pid")
  wait "$gen" || true
  local opened; opened=$(awk '/^OPEN/ {print $2}' "$art/$name.log")
  local per=$(( (during - before) * 1024 / (opened > 0 ? opened : 1) ))
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$opened" "$((before / 1024))" "$((during / 1024))" "$per" >> "$art/table.md"
}

port=$((20000 + RANDOM % 20000))
cat > "$art/config.json" <<JSON
{ "http_server": { "port": $port, "address": "127.0.0.1" }, "log": { "level": "error" },
  "client": { "allow_anonymous_connect_without_token": true, "channel_limit": 128 },
  "channel": { "without_namespace": { "allow_subscribe_for_client": true, "allow_subscribe_for_anonymous": true } } }
JSON
: > "$art/table.md"
dotnet "$server_dll" -c "$art/config.json" > "$art/server.log" 2>&1 &
server_pid=$!
wait_http "http://127.0.0.1:$port/health"
measure "K8sRelay (connect + subscribe, JSON)" "$server_pid" "ws://127.0.0.1:$port/connection/websocket"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

bare_port=$((port + 1))
dotnet "$loadgen_dll" bare-server --port "$bare_port" > "$art/bare.log" 2>&1 &
server_pid=$!
sleep 2
measure "bare Kestrel WebSocket (zero-byte reads)" "$server_pid" "ws://127.0.0.1:$bare_port/ws"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

{
  echo "# Idle WebSocket connections: server memory"
  echo
  echo "Run on $(date -u +%Y-%m-%d) with $(nproc) cores, .NET $(dotnet --version), $connections connections held $hold s."
  echo "RSS of the server process before and while the connections are open; kernel socket memory (~4 KB per socket) is not in RSS."
  echo
  echo "| server | connections | RSS before (MB) | RSS with connections (MB) | bytes per connection |"
  echo "| --- | --- | --- | --- | --- |"
  cat "$art/table.md"
} > "$out"
cat "$out"
