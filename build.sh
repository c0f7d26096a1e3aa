#!/usr/bin/env bash
# Parity's entry point. Two verbs for people, a few for maintainers:
#   ./build.sh demo        the main job: Inception-ResNet-v2 through the four-step validation
#   ./build.sh test        every test project; ends with "N passed, N failed"
#   ./build.sh bench       benchmarks, each against its peer measured in the same run
#   ./build.sh deps        only install what is missing (NumPy for the interop test, the PyTorch peer)
# Each verb installs what it needs first, so a fresh Debian machine with the .NET SDK is enough.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian package that provides a file we need, keyed by that file. The tensor engine (TorchSharp and
# libtorch) comes from NuGet with the restore; Debian only adds test tools: NumPy reads the files Parity
# writes in one test, g++ and readelf build and inspect the small libraries the loader-fix tests patch,
# and PyTorch 1.13 is the benchmarks' peer.
declare -A NEEDS_TEST=(
    [/usr/lib/python3/dist-packages/numpy/__init__.py]=python3-numpy
    [/usr/bin/g++]=g++
    [/usr/bin/readelf]=binutils
)
declare -A NEEDS_BENCH=(
    [/usr/lib/python3/dist-packages/torch/__init__.py]=python3-torch
)

install_missing() {
    local -n needs=$1
    local missing=()
    for file in "${!needs[@]}"; do
        [ -e "$file" ] || missing+=("${needs[$file]}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Parity needs Debian packages that are not installed: ${missing[*]}" >&2
        echo "Run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing ${missing[*]}..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

run_tests() {
    install_missing NEEDS_TEST
    local log
    log=$(mktemp)
    local status=0
    dotnet test Analyzers.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?
    # One plain closing line for every runner that reads it, summed over the test projects'
    # "Passed: N" / "Failed: N" / "Skipped: N" summary lines.
    awk '
        /^ *Passed: +[0-9]+ *$/  { passed += $2 }
        /^ *Failed: +[0-9]+ *$/  { failed += $2 }
        /^ *Skipped: +[0-9]+ *$/ { skipped += $2 }
        END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
    ' "$log"
    rm -f "$log"
    return $status
}

case "${1:-}" in
    demo)
        shift
        dotnet run -c Release --project samples/InceptionResnetV2 -- "$@"
        ;;
    test)
        run_tests
        ;;
    bench)
        install_missing NEEDS_TEST
        install_missing NEEDS_BENCH
        shift
        dotnet run -c Release --project benchmarks/Parity.Benchmarks -- "$@"
        ;;
    deps)
        install_missing NEEDS_TEST
        install_missing NEEDS_BENCH
        ;;
    *)
        echo "usage: ./build.sh demo | test | bench [filter] | deps" >&2
        exit 2
        ;;
esac
