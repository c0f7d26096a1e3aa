#!/usr/bin/env bash
# Wall time of the whole walkthrough, `dotnet run -c Release --project samples/InceptionResnetV2 --no-build`
# (what `./build.sh demo` runs once built), several runs one after the other; peak resident memory from
# /usr/bin/time. Build it first, under the shared lock:
#   flock /tmp/parity-build.lock dotnet build samples/InceptionResnetV2 -c Release
#   benchmarks/walkthrough.sh [RUNS=5] [extra walkthrough arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
times=()
for run in $(seq 1 "$runs"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    log=$(mktemp)
    status=0
    /usr/bin/time -f '%e %M' -o "$log.time" dotnet run -c Release --project samples/InceptionResnetV2 --no-build -- "$@" >"$log" 2>&1 || status=$?
    read -r seconds peak_kib < <(tail -1 "$log.time")
    echo "run $run: ${seconds} s wall, peak RSS $((peak_kib / 1024)) MiB, exit code $status, load average at start $load"
    if [ "$status" -ne 0 ]; then
        tail -20 "$log"
    fi
    rm -f "$log" "$log.time"
    times+=("$seconds")
done
printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END {
    median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "walkthrough wall time over %d runs: median %.1f s (min %.1f, max %.1f)\n", NR, median, t[1], t[NR]
}'
