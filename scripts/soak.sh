#!/usr/bin/env bash
# A bounded soak of the distributed pipeline (Ingest, Processor, Results as real processes) on the
# fault tests' own RabbitMQ node and PostgreSQL cluster: it measures the capacity here, runs at 70 % of
# it for the given time, and stops by itself. It reports error rate, submit->recorded p50/p99 latency
# at the start vs the end, and each process's resident memory at the start vs the end.
#
#   scripts/soak.sh [seconds]     default 600 (10 minutes); needs root, rabbitmq-server and PostgreSQL
#
# Every test run includes the short form (30 s, When_soaking_the_pipeline); this is the long one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [seconds]" >&2; exit 2; }

mkdir -p artifacts
export PRISM_MEASUREMENTS=$PWD/artifacts/soak.txt PRISM_SOAK_SECONDS=$seconds CI=${CI:-true}
: > "$PRISM_MEASUREMENTS"
echo "soak: building (Release)"
dotnet build tests/IntegrationTests -c Release -v q -nologo >/dev/null
echo "soak: running for $seconds s at 70 % of the measured capacity"
dotnet test tests/IntegrationTests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~When_soaking_the_pipeline" --logger "console;verbosity=normal"
echo; sed 's/^/  /' "$PRISM_MEASUREMENTS"
