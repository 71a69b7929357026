# Private PostgreSQL clusters for ./run, ./test and the benchmark. Source this file, then:
#   pg_ensure_installed            installs Debian's PostgreSQL when no server binaries are found
#   pg_start DIR PORT              initdb (once) and start a cluster in DIR on 127.0.0.1:PORT
#                                  (PG_OPTIONS adds server settings, e.g. "-c shared_buffers=1GB")
#   pg_stop DIR                    stop it
#   pg_url PORT [DB]               the DATABASE_URL of that cluster
# As root the cluster runs as the postgres user (initdb refuses root).

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; }
  done | sort -V | tail -n 1
}

pg_ensure_installed() {
  if [ -z "$(pg_bindir)" ]; then
    echo "Installing PostgreSQL (Debian package)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local dir="$1" port="$2" bin
  bin="$(pg_bindir)"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$dir"
    # postgres must be able to reach DIR through its parents.
    local parent="$dir"
    while parent="$(dirname "$parent")" && [ "$parent" != / ]; do chmod o+x "$parent" 2>/dev/null || true; done
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    _pg_as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if _pg_as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    return 0
  fi
  _pg_as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c max_connections=200 ${PG_OPTIONS:-}" start >/dev/null
}

pg_stop() {
  local dir="$1" bin
  bin="$(pg_bindir)"
  [ -f "$dir/PG_VERSION" ] || return 0
  _pg_as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

pg_create_db() {
  local port="$1" db="$2" bin
  bin="$(pg_bindir)"
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
    || "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
}

pg_url() {
  echo "postgres://postgres@127.0.0.1:$1/${2:-trygghet}"
}
