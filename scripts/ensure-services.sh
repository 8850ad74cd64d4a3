#!/usr/bin/env bash
# Make sure PostgreSQL (127.0.0.1:5432, trust auth for postgres) and Redis
# (127.0.0.1:6379) answer: start them if installed, install them if not.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {
  for _ in $(seq 1 30); do listening "$1" && return 0; sleep 1; done
  echo "ensure-services: $2 answers not on 127.0.0.1:$1" >&2
  return 1
}
apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  listening 5432 && return 0
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "ensure-services: installing PostgreSQL" >&2
    apt_install postgresql
    local hba
    hba=$(ls /etc/postgresql/*/main/pg_hba.conf | head -n 1)
    # Tests connect as postgres over TCP without a password, as on the CI machines.
    as_root sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
  fi
  echo "ensure-services: starting PostgreSQL" >&2
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  wait_for 5432 PostgreSQL
}

ensure_redis() {
  listening 6379 && return 0
  command -v redis-server >/dev/null || { echo "ensure-services: installing Redis" >&2; apt_install redis-server; }
  echo "ensure-services: starting Redis" >&2
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for 6379 Redis
}

ensure_chromium() {
  # The end-to-end tests drive Debian's chromium with Playwright (no browser download).
  [ -x /usr/bin/chromium ] && return 0
  echo "ensure-services: installing chromium" >&2
  apt_install chromium
}

ensure_postgres
ensure_redis
ensure_chromium
echo "ensure-services: PostgreSQL, Redis and chromium are ready" >&2
