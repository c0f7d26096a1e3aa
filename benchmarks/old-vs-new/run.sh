#!/usr/bin/env bash
# Inception-ResNet-v2 inference (299x299) and one training step (139x139) on the last build on the old
# binding against this build, in alternating processes at two intra-op threads: see README.md here.
#   benchmarks/old-vs-new/run.sh [--rounds N] [--calls N] ...   (arguments go to --model-rounds)
# OLD_PARITY: the worktree of commit 012890d, already built (default /tmp/old-parity).
set -euo pipefail
cd "$(dirname "$0")/../.."
OLD_PARITY=${OLD_PARITY:-/tmp/old-parity}

# Other engineers build in this tree too: every build takes the shared lock.
flock /tmp/parity-build.lock dotnet build benchmarks/old-vs-new/old-worker -c Release -p:OldParityRoot="$OLD_PARITY" -v quiet -nologo
flock /tmp/parity-build.lock dotnet build benchmarks/Parity.Benchmarks -c Release -v quiet -nologo

dotnet benchmarks/Parity.Benchmarks/bin/Release/net10.0/Parity.Benchmarks.dll --model-rounds --set old-vs-new \
    --old-worker benchmarks/old-vs-new/old-worker/bin/Release/net10.0/OldWorker.dll "$@"
