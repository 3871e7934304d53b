#!/usr/bin/env bash
# WebSocket compression benchmark: bytes on the wire and server CPU per delivery with
# websocket.compression off and on (prepared compressed frames), plus the cost of compressing one
# message, which is what every delivery would pay if each connection compressed for itself.
# Prints a table; copy it into hack/results/compression.md.
#
# Usage: hack/bench-compression.sh [CLIENTS] [PUBLICATIONS] [LEVEL]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=${BENCH_ARTIFACTS:-$(mktemp -d)}
echo "[bench] building (Release)"
dotnet build "$root/server/K8sRelay.Server" -c Release --artifacts-path "$artifacts" -nologo -v q >/dev/null
dotnet build "$root/hack/bench/CompressionBench" -c Release --artifacts-path "$artifacts" -nologo -v q >/dev/null
echo "[bench] $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$artifacts/bin/CompressionBench/release/CompressionBench.dll" \
  "$artifacts/bin/K8sRelay.Server/release/k8srelay.dll" "${1:-200}" "${2:-200}" "${3:-1}"
