#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for the test suite (the CTest fixture
# `postgres` in tests/CMakeLists.txt). Never for real data: fsync is off and every
# connection from 127.0.0.1 is trusted.
#   scripts/pg_cluster.sh start DIR   create and start a cluster; its base URL goes to DIR/url
#   scripts/pg_cluster.sh stop DIR    stop it and remove its data
# Tests create their databases with CREATE DATABASE x TEMPLATE gapfill_template (PostGIS is
# already in it) as the superuser role `gapfill`.
# What DIR holds: url (postgres://gapfill@127.0.0.1:PORT), rundir (the folder with the data
# directory, the server's sockets and server.log: DIR itself, or a /tmp folder when the
# server's user cannot reach DIR or DIR's path is too long for a socket), .lock.
set -euo pipefail

readonly pg_bin=/usr/lib/postgresql/15/bin
readonly postgis_control=/usr/share/postgresql/15/extension/postgis.control
# PostgreSQL refuses to run as root: as root, the server runs as this system user.
readonly pg_user=gapfill-pg
script_dir=$(cd "$(dirname "$0")" && pwd -P)
readonly script_dir

die() {
  echo "pg_cluster: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

# Runs a server tool as the cluster's owner, without the lock's descriptor
# (a server that inherited it would hold the lock for its whole life).
as_owner() {
  if ((EUID == 0)); then
    runuser -u "$pg_user" -- "$@" 9>&-
  else
    "$@" 9>&-
  fi
}

ensure_installed() {
  if [[ -x $pg_bin/initdb && -f $postgis_control ]]; then return 0; fi
  echo "pg_cluster: PostgreSQL 15 or PostGIS is missing, running scripts/bootstrap.sh" >&2
  "$script_dir/bootstrap.sh"
  [[ -x $pg_bin/initdb ]] || die "$pg_bin/initdb is still missing (package postgresql-15)"
  [[ -f $postgis_control ]] || die "$postgis_control is still missing (package postgresql-15-postgis-3)"
}

ensure_user() {
  ((EUID == 0)) || return 0
  id -u "$pg_user" >/dev/null 2>&1 && return 0
  useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
}

# Holds an exclusive lock on DIR/.lock until the script exits, so that two
# starts (or a start and a stop) on the same DIR do not interleave. `stop`
# deletes the lock file: a waiter that then wins the lock on the deleted file
# notices (another inode at the path) and locks again.
lock_dir() {
  while true; do
    mkdir -p "$dir"
    exec 9>>"$dir/.lock"
    flock -w 300 9 || die "timed out waiting for the lock on $dir"
    if [[ -e $dir/.lock && $(stat -c %d:%i "$dir/.lock") == $(stat -L -c %d:%i /proc/$$/fd/9) ]]; then
      return 0
    fi
    exec 9>&-
  done
}

# The run folder recorded by a previous start, if it is one this script could
# have made (so that stop never removes anything else).
recorded_rundir() {
  local rundir
  [[ -f $dir/rundir ]] || return 0
  rundir=$(<"$dir/rundir")
  if [[ $rundir == "$dir" || $rundir =~ ^/tmp/gapfill-pg\.[A-Za-z0-9]+$ ]]; then
    echo "$rundir"
  else
    echo "pg_cluster: ignoring unexpected run folder '$rundir' in $dir/rundir" >&2
  fi
}

# Whether the postmaster named in DATA/postmaster.pid runs. Not pg_ctl status:
# it counts a killed postmaster that nobody has reaped yet (a zombie) as running.
postmaster_alive() {
  local pid state
  pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ && $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]] || return 1
  state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d ' ' -f 1)
  [[ -n $state && $state != Z && $state != X ]]
}

is_running() {
  local rundir
  rundir=$(recorded_rundir)
  [[ -n $rundir && -f $dir/url ]] && postmaster_alive "$rundir/data" || return 1
  "$pg_bin/pg_isready" -q -d "$(<"$dir/url")/postgres"
}

# Stops the recorded cluster, if any, and removes everything start made.
remove_cluster() {
  local rundir
  rundir=$(recorded_rundir)
  if [[ -n $rundir ]] && postmaster_alive "$rundir/data"; then
    if ! as_owner "$pg_bin/pg_ctl" stop -D "$rundir/data" -m immediate -w -t 60 >/dev/null &&
      postmaster_alive "$rundir/data"; then
      die "could not stop the server of $rundir/data"
    fi
  fi
  if [[ -n $rundir ]]; then
    rm -rf "$rundir/data"
    rm -f "$rundir/server.log" "$rundir"/.s.PGSQL.*
    [[ $rundir == "$dir" ]] || rm -rf "$rundir"
  fi
  rm -f "$dir/url" "$dir/rundir"
}

# A port nobody listens on: the kernel's choice of a free ephemeral port (a small
# race until the server binds it; start retries with another port).
pick_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])' 2>/dev/null && return 0
  local port
  for _ in {1..100}; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "found no free TCP port"
}

# DIR itself when the server's user can write it and the socket path fits in
# sun_path (107 bytes with ".s.PGSQL.65535"); otherwise a fresh /tmp folder.
choose_rundir() {
  if ((EUID == 0)); then chown "$pg_user" "$dir"; fi
  if ((${#dir} <= 92)) && as_owner test -w "$dir" -a -x "$dir"; then
    echo "$dir"
    return 0
  fi
  local rundir
  rundir=$(mktemp -d /tmp/gapfill-pg.XXXXXXXX)
  if ((EUID == 0)); then chown "$pg_user" "$rundir"; fi
  echo "$rundir"
}

start_cluster() {
  if is_running; then
    cat "$dir/url"
    return 0
  fi
  remove_cluster  # whatever a crashed or interrupted start left behind
  ensure_installed
  ensure_user

  local rundir data
  rundir=$(choose_rundir)
  echo "$rundir" >"$dir/rundir"
  data=$rundir/data

  # C.UTF-8: Unicode character classes, code point order (as SQLite's BINARY).
  as_owner "$pg_bin/initdb" -D "$data" --username=postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync --no-instructions >/dev/null
  # Only loopback TCP and the sockets in the run folder.
  cat >"$data/pg_hba.conf" <<'EOF'
local all all trust
host  all all 127.0.0.1/32 trust
EOF
  cat >>"$data/postgresql.conf" <<EOF

# scripts/pg_cluster.sh: a throwaway test cluster, durability traded for speed.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$rundir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 1GB
timezone = 'UTC'
log_timezone = 'UTC'
EOF

  local port="" attempt
  for attempt in 1 2 3; do
    port=$(pick_port)
    if as_owner "$pg_bin/pg_ctl" start -D "$data" -l "$rundir/server.log" -o "-p $port" -w -t 60 \
      >/dev/null; then
      break
    fi
    echo "pg_cluster: the server did not start on port $port (attempt $attempt)" >&2
    port=""
  done
  if [[ -z $port ]]; then
    tail -n 20 "$rundir/server.log" >&2 || true
    die "could not start PostgreSQL in $data (log: $rundir/server.log)"
  fi

  local base="postgres://gapfill@127.0.0.1:$port"
  "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -d "postgres://postgres@127.0.0.1:$port/postgres" \
    >/dev/null <<'EOF'
CREATE ROLE gapfill LOGIN SUPERUSER;
CREATE DATABASE gapfill_template OWNER gapfill;
\connect gapfill_template
CREATE EXTENSION postgis;
\connect postgres
ALTER DATABASE gapfill_template IS_TEMPLATE true;
EOF
  # Written last, in one rename: a url file means a complete cluster.
  echo "$base" >"$dir/url.tmp"
  mv "$dir/url.tmp" "$dir/url"
  echo "$base"
}

main() {
  (($# == 2)) || usage
  local command=$1
  case $command in
    start) mkdir -p "$2" ;;
    stop) [[ -d $2 ]] || return 0 ;;  # nothing was started there
    *) usage ;;
  esac
  dir=$(cd "$2" && pwd -P)
  # The server's user may not be able to enter the caller's working directory.
  cd /
  case $command in
    start)
      lock_dir
      start_cluster
      ;;
    stop)
      lock_dir
      remove_cluster
      rm -f "$dir/.lock"
      rmdir "$dir" 2>/dev/null || true
      ;;
  esac
}

main "$@"
