#!/usr/bin/env bash
# Stops exactly what scripts/dev-up.sh started: the three service processes, then RabbitMQ and PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
DEV=.run/dev
if [[ -f $DEV/pids ]]; then
  while read -r pid name _; do
    if kill "$pid" 2>/dev/null; then echo "dev-down: stopping $name ($pid)"; fi
  done < "$DEV/pids"
  while read -r pid _; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done < "$DEV/pids"
  rm -f "$DEV/pids"
fi
scripts/services.sh stop
