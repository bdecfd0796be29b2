#!/usr/bin/env bash
# Distributed mode on one machine: a local RabbitMQ + PostgreSQL (scripts/services.sh, as CI starts
# them) and Ingest (:8080), Results (:8081) and Processor (:8082) as separate processes, each
# configured only through ConnectionStrings__* like in compose and Kubernetes.
# Logs and pids go to .run/dev; scripts/dev-down.sh stops exactly what this started.
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=.run/dev
if [[ -f $DEV/pids ]]; then echo "dev-up: already running (scripts/dev-down.sh stops it)" >&2; exit 1; fi
mkdir -p "$DEV"

eval "$(scripts/services.sh start)"
echo "dev-up: building"
dotnet build Prism.sln -c Release -v q -nologo >/dev/null

export ConnectionStrings__rabbitmq=$PRISM_TEST_RABBITMQ
export ConnectionStrings__results=$PRISM_TEST_POSTGRES
: > "$DEV/pids"
start() { # name port
  Urls=http://127.0.0.1:$2 nohup dotnet "src/$1/bin/Release/net10.0/Prism.$1.dll" >"$DEV/$1.log" 2>&1 &
  echo "$! $1 $2" >> "$DEV/pids"
}
start Results 8081
start Processor 8082
start Ingest 8080

for service in "Results 8081" "Processor 8082" "Ingest 8080"; do
  set -- $service
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null || { echo "dev-up: $1 not ready; see $DEV/$1.log" >&2; exit 1; }
  echo "dev-up: $1 ready on http://127.0.0.1:$2"
done
echo "dev-up: submit to http://127.0.0.1:8080/api/v1/..., read from http://127.0.0.1:8081/api/v1/results/...; RabbitMQ management http://127.0.0.1:${PRISM_RABBITMQ_MGMT_PORT:-55673} (guest/guest)"
