#!/usr/bin/env bash
# Starts or stops a throwaway RabbitMQ and PostgreSQL for tests and local distributed runs,
# as plain background processes (no Docker, no systemd), the way ../shared/ci-services.md measured.
#
#   scripts/services.sh start    start both; print `export ...` lines with their URLs (eval them)
#   scripts/services.sh stop     stop exactly what `start` started, and remove its data
#   scripts/services.sh env      print the `export ...` lines of the running pair
#   scripts/services.sh install  apt-get install rabbitmq-server and prometheus (promtool, for the
#                                alert rule tests in tests/DeployTests) if missing (needs root)
#
# Ports (override by env): PRISM_RABBITMQ_PORT=55672, PRISM_RABBITMQ_MGMT_PORT=55673,
# PRISM_RABBITMQ_DIST_PORT=55674, PRISM_POSTGRES_PORT=55432. State lives in .run/services.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE=${PRISM_SERVICES_DIR:-$ROOT/.run/services}
AMQP_PORT=${PRISM_RABBITMQ_PORT:-55672}
MGMT_PORT=${PRISM_RABBITMQ_MGMT_PORT:-55673}
DIST_PORT=${PRISM_RABBITMQ_DIST_PORT:-55674}
PG_PORT=${PRISM_POSTGRES_PORT:-55432}
RMQ_BIN=/usr/lib/rabbitmq/bin
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
NODE=prism$AMQP_PORT@localhost

log() { echo "services: $*" >&2; }

rabbit_env() {
  local r=$STATE/rabbitmq
  export HOME=$r RABBITMQ_CONF_ENV_FILE=$r/rabbitmq-env.conf RABBITMQ_NODENAME=$NODE \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$AMQP_PORT RABBITMQ_DIST_PORT=$DIST_PORT \
    RABBITMQ_MNESIA_BASE=$r/mnesia RABBITMQ_LOG_BASE=$r/log RABBITMQ_PID_FILE=$r/rabbit.pid \
    RABBITMQ_CONFIG_FILE=$r/rabbitmq.conf RABBITMQ_ENABLED_PLUGINS_FILE=$r/enabled_plugins
}

print_env() {
  echo "export PRISM_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$AMQP_PORT/'"
  echo "export PRISM_TEST_RABBITMQ_MANAGEMENT='http://guest:guest@127.0.0.1:$MGMT_PORT/'"
  echo "export PRISM_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres'"
}

install() {
  local missing=()
  [[ -x $RMQ_BIN/rabbitmq-server ]] || missing+=(rabbitmq-server)
  command -v promtool >/dev/null || missing+=(prometheus)
  if (( ${#missing[@]} )); then
    log "installing ${missing[*]} from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
  fi
  [[ -n $PG_BIN ]] || { log "no PostgreSQL server binaries under /usr/lib/postgresql"; exit 1; }
}

start() {
  [[ -x $RMQ_BIN/rabbitmq-server ]] || { log "RabbitMQ is not installed: run 'scripts/services.sh install' (root)"; exit 1; }
  [[ -n $PG_BIN ]] || { log "PostgreSQL server binaries not found under /usr/lib/postgresql"; exit 1; }
  if [[ -f $STATE/started ]]; then log "already running (state in $STATE)"; print_env; return; fi
  mkdir -p "$STATE/rabbitmq/log" "$STATE/rabbitmq/mnesia" "$STATE/postgres"
  local started=$SECONDS

  local r=$STATE/rabbitmq
  : > "$r/rabbitmq-env.conf"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\ncollect_statistics_interval = 500\nloopback_users = none\n' \
    "$AMQP_PORT" "$MGMT_PORT" > "$r/rabbitmq.conf"
  echo '[rabbitmq_management].' > "$r/enabled_plugins"
  ( rabbit_env; "$RMQ_BIN/rabbitmq-server" -detached >/dev/null 2>&1 )

  # PostgreSQL starts while RabbitMQ boots.
  local p=$STATE/postgres
  chown postgres:postgres "$p"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$p/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$p/data" -l "$p/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $p -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null

  # `rabbitmqctl wait` fails with garbage_in_pid_file if it reads the pid file before the pid is in it.
  for _ in $(seq 1 600); do grep -qE '^[0-9]+' "$r/rabbit.pid" 2>/dev/null && break; sleep 0.1; done
  ( rabbit_env; "$RMQ_BIN/rabbitmqctl" -q wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null )
  touch "$STATE/started"
  log "RabbitMQ on 127.0.0.1:$AMQP_PORT (management :$MGMT_PORT), PostgreSQL on 127.0.0.1:$PG_PORT, up in $((SECONDS - started)) s"
  print_env
}

stop() {
  [[ -d $STATE ]] || { log "nothing to stop"; return; }
  if [[ -f $STATE/postgres/data/postmaster.pid ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$STATE/postgres/data" -m fast -w stop >/dev/null || true
  fi
  if [[ -f $STATE/rabbitmq/rabbit.pid ]]; then
    local pid; pid=$(cat "$STATE/rabbitmq/rabbit.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # epmd is shared by every Erlang node on the machine: stop it only when no node is left.
  if command -v epmd >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then epmd -kill >/dev/null 2>&1 || true; fi
  rm -rf "$STATE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  install) install ;;
  *) echo "usage: $0 start|stop|env|install" >&2; exit 2 ;;
esac
