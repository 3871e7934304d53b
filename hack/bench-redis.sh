#!/usr/bin/env bash
# Measures how many publications/s one K8sRelay node pushes into Redis and the publish-to-deliver latency between two
# nodes through Redis, next to redis-benchmark -P 32 against the same redis-server in the same run.
# Writes hack/results/redis-bench.md.
#
# Usage: hack/bench-redis.sh            (env: BENCH_SECONDS=10 BENCH_WARMUP=3 BENCH_RATES=10000,50000,100000)
# Needs: redis-server redis-cli redis-benchmark (apt-get install redis-server redis-tools), dotnet, python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/hack/results/redis-bench.md"
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-3}
rates=${BENCH_RATES:-10000,50000,100000}

for bin in redis-server redis-cli redis-benchmark dotnet python3; do
  command -v "$bin" >/dev/null || { echo "missing $bin (redis tools: apt-get install redis-server redis-tools)" >&2; exit 1; }
done

work=$(mktemp -d)
artifacts="$work/artifacts"
echo "[bench] building the benchmark (Release)"
dotnet build "$root/tests/K8sRelay.Engines.Redis.Bench" -c Release --artifacts-path "$artifacts" -nologo -v q >/dev/null

# Pin Redis to core 1 and the clients (our node, redis-benchmark) to core 0 when there are two cores or more and the
# machine is otherwise idle; on a busy machine pinning only ties each process to a contended core.
# BENCH_PIN=1 forces pinning, BENCH_PIN=0 turns it off.
pin_redis=(); pin_client=(); pinning="none"
load1=$(cut -d' ' -f1 /proc/loadavg)
want_pin=${BENCH_PIN:-auto}
if [ "$want_pin" = auto ]; then
  want_pin=$(python3 -c "import os; print(1 if float('$load1') < os.cpu_count() else 0)")
fi
if [ "$want_pin" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  pin_redis=(taskset -c 1); pin_client=(taskset -c 0); pinning="redis-server on core 1; node and redis-benchmark on core 0"
elif [ "$want_pin" = 0 ]; then
  pinning="none (load average $load1 at start; set BENCH_PIN=1 to force)"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The bare command is backgrounded (taskset execs it), so $! is redis-server's own PID.
"${pin_redis[@]}" redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
redis_pid=$!
cleanup() { kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
until redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; do sleep 0.1; done

rps() { tr '\r' '\n' | grep 'requests per second' | tail -1 | sed 's/.*: \([0-9.]*\) requests per second.*/\1/'; }
payload=$(head -c 100 /dev/zero | tr '\0' x)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "[bench] redis-benchmark"
rb_publish_p32=$("${pin_client[@]}" redis-benchmark -p "$port" -c 50 -P 32 -n 2000000 -q publish bench:ch "$payload" | rps)
rb_publish_p1=$("${pin_client[@]}" redis-benchmark -p "$port" -c 50 -n 200000 -q publish bench:ch "$payload" | rps)
rb_set_p32=$("${pin_client[@]}" redis-benchmark -p "$port" -c 50 -P 32 -n 2000000 -d 100 -q -t set | rps)
redis-cli -p "$port" flushall >/dev/null

echo "[bench] K8sRelay node (this takes a few minutes)"
node_tables=$("${pin_client[@]}" dotnet "$artifacts/bin/K8sRelay.Engines.Redis.Bench/release/K8sRelay.Engines.Redis.Bench.dll" \
  --redis "127.0.0.1:$port" --seconds "$seconds" --warmup "$warmup" --rates "$rates")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p "$(dirname "$out")"
{
  echo "# Redis engine benchmark"
  echo
  echo "Produced by \`hack/bench-redis.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). One run; treat differences under ~15 % as noise,"
  echo "and compare the node with redis-benchmark of the same run rather than with other machines or days: a load average"
  echo "above the core count means other work shared the CPU and every figure below is lower than the box can do."
  echo
  echo "| fact | value |"
  echo "|---|---|"
  echo "| CPU | $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') |"
  echo "| kernel | $(uname -r) |"
  echo "| Redis | $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') |"
  echo "| .NET | $(dotnet --version) (Release, workstation GC) |"
  echo "| pinning | $pinning |"
  echo "| load average before / after | $load_before / $load_after |"
  echo "| window | ${warmup} s warm-up, ${seconds} s measured per row |"
  echo
  echo "### redis-benchmark against the same server (50 connections, 100 B)"
  echo
  echo "| command | pipeline | requests/s |"
  echo "|---|---|---|"
  echo "| PUBLISH (no subscribers) | -P 32 | **$rb_publish_p32** |"
  echo "| PUBLISH (no subscribers) | none | $rb_publish_p1 |"
  echo "| SET | -P 32 | $rb_set_p32 |"
  echo
  echo "$node_tables"
  echo
  echo "Notes:"
  echo "- Publications without history go through the shard's ordered publish pipeline, which coalesces runs of"
  echo "  plain publishes into one Lua call (\`publish_batch.lua\`); \"Redis commands/pub\" counts the commands Redis"
  echo "  ran, including those inside scripts."
  echo "- With history, runs of consecutive publications go into one \`publish_history.lua\` call (per publication:"
  echo "  offset, epoch, stream append and trim, TTLs, PUBLISH), so Redis CPU per publication bounds that row."
  echo "- The latency rows run both nodes in the benchmark process, each with its own Redis connections; latency is"
  echo "  measured from the *scheduled* send time (open loop), so publisher stalls count."
} >"$out"
echo "[bench] wrote $out"
