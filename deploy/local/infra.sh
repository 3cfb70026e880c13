#!/usr/bin/env bash
# infra.sh — a project-local PostgreSQL (with PostGIS) and RabbitMQ for OpenZaak C#.
#
# Both servers run as plain processes with all their state under one directory (DIR), on
# loopback only, on ports the caller chooses, so several stacks can run side by side and
# never touch the distribution's own PostgreSQL cluster or RabbitMQ node.
#
# Usage:
#   infra.sh install [DEB_PACKAGE...]   install what is missing (apt-get); extra packages optional
#   infra.sh start  DIR PG_PORT AMQP_PORT DIST_PORT EPMD_PORT
#                                       start both (idempotent); prints `export ...` lines on stdout:
#                                         eval "$(infra.sh start ...)"   (capture first to catch errors)
#   infra.sh stop   DIR                 stop both and the private epmd (idempotent)
#   infra.sh status DIR                 report; exit 0 when both run, 3 otherwise
#   infra.sh env    DIR                 print the `export ...` lines of a running stack
#   infra.sh psql   DIR [PSQL_ARGS...]  psql as superuser `postgres` on the stack's server
#   infra.sh purge  DIR                 stop and delete all data of the stack
#
# Environment:
#   INFRA_PG_FAST=1            fsync/synchronous_commit/full_page_writes off (default 1; throwaway data)
#   INFRA_PG_MAX_CONNECTIONS   default 200
#   INFRA_PG_OPTIONS           extra options for the postgres server (e.g. "-c log_statement=all")
#   INFRA_PG_BIN               PostgreSQL bin dir (default: newest /usr/lib/postgresql/*/bin)
#   INFRA_START_TIMEOUT        seconds to wait for each server (default 120)
#
# Everything but the `export` lines (start/env) and the report (status) goes to stderr.
# As root, PostgreSQL runs as user `postgres` (initdb/postgres refuse root); without root,
# everything runs as the calling user. Authentication: trust (loopback only); RabbitMQ user
# guest/guest (allowed over loopback only). Debian/Ubuntu layout assumed.
set -euo pipefail

readonly RABBIT_BIN=/usr/lib/rabbitmq/bin      # the real scripts; /usr/sbin/rabbitmq-* su to user rabbitmq
readonly RABBIT_NODE=openzaak@localhost         # private epmd per stack, so the name never clashes
START_TIMEOUT=${INFRA_START_TIMEOUT:-120}

log() { printf 'infra: %s\n' "$*" >&2; }
die() { printf 'infra: error: %s\n' "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

usage() {
  sed -n '/^# Usage:/,/^#$/p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------

# pid_alive PID — true when PID exists and is not a zombie (a kill -9ed server can stay
# <defunct> while `kill -0` still succeeds).
pid_alive() {
  local pid=$1 stat
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  read -r stat 2>/dev/null <"/proc/$pid/stat" || return 1     # no fork: this runs in loops
  stat=${stat##*) }                      # drop "pid (comm) "; comm may contain spaces or ')'
  [[ ${stat:0:1} != Z && ${stat:0:1} != X ]]
}

# pids_in_dir DIR COMM_REGEX — live processes whose working directory is DIR and whose command
# name matches. Servers started by this script have their state dir as cwd (PostgreSQL chdirs
# into its data dir; RabbitMQ is started from its dir), so this finds our orphans exactly.
pids_in_dir() {
  local target=$1 re=$2 pat f pid comm
  pat=$(printf '%s' "$target" | sed 's/[][*?\\]/\\&/g')      # find -lname takes a glob pattern
  while IFS= read -r f; do
    pid=${f#/proc/}; pid=${pid%/cwd}
    read -r comm 2>/dev/null <"/proc/$pid/comm" || continue
    if [[ $comm =~ $re ]] && pid_alive "$pid"; then echo "$pid"; fi
  done < <(find /proc/[0-9]*/cwd -maxdepth 0 -lname "$pat" 2>/dev/null)
  return 0
}

# wait_gone SECONDS PID... — wait until none of the PIDs is alive; false on timeout.
wait_gone() {
  local secs=$1 pid deadline; shift
  deadline=$((SECONDS + secs))
  for pid in "$@"; do
    while pid_alive "$pid"; do
      (( SECONDS < deadline )) || return 1
      sleep 0.2
    done
  done
}

# kill_and_wait PID... — TERM, wait up to 30 s, then KILL.
kill_and_wait() {
  (( $# )) || return 0
  kill -TERM "$@" 2>/dev/null || true
  wait_gone 30 "$@" && return 0
  log "still running after 30 s, sending KILL to $*"
  kill -KILL "$@" 2>/dev/null || true
  wait_gone 10 "$@" || log "warning: processes $* did not go away"
}

# port_in_use PORT — true when something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
  # shellcheck disable=SC2016  # $1 is expanded by the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

check_port() {
  if ! [[ $1 =~ ^[0-9]+$ ]] || (( $1 < 1 || $1 > 65535 )); then die "not a valid port: '$1'"; fi
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

# installed_pg_major — newest PostgreSQL major with a server installed, or nothing.
installed_pg_major() {
  local d
  for d in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x $d ]] || continue
    d=${d#/usr/lib/postgresql/}; echo "${d%%/*}"
  done | sort -n | tail -n 1
}

# pg_bin DATA — bin dir for an existing data dir (its PG_VERSION) or for a new one.
pg_bin() {
  local data=$1 major
  if [[ -n ${INFRA_PG_BIN:-} ]]; then echo "$INFRA_PG_BIN"; return; fi
  if [[ -f $data/PG_VERSION ]]; then
    major=$(cat "$data/PG_VERSION")
    [[ -x /usr/lib/postgresql/$major/bin/postgres ]] \
      || die "$data was made by PostgreSQL $major, which is not installed (delete it or install postgresql-$major)"
  else
    major=$(installed_pg_major)
    [[ -n $major ]] || die "PostgreSQL is not installed: run '$0 install'"
  fi
  echo "/usr/lib/postgresql/$major/bin"
}

# as_pg CMD... — run as the PostgreSQL OS user (postgres when root, else ourselves), from /.
# Closes fd 3 (our stdout, maybe the caller's $(...) pipe) and fd 9 (the stack lock), so the
# server started through pg_ctl holds neither.
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@") 3>&- 9>&-
  else
    (cd / && "$@") 3>&- 9>&-
  fi
}

ensure_postgres_user() {
  getent passwd postgres >/dev/null && return 0
  log "creating system user postgres"
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash --user-group postgres
}

# pg_base DIR — where the stack's PostgreSQL files live: DIR/pg, or the target of the DIR/pg
# symlink when it had to be relocated (see pg_prepare_base).
pg_base() {
  if [[ -L $1/pg ]]; then readlink -f "$1/pg"; else echo "$1/pg"; fi
}

# pg_prepare_base DIR — create the PostgreSQL base dir, owned by the PostgreSQL OS user, and print
# it. As root, user postgres must be able to traverse every parent directory. If DIR's parents
# are closed to it (e.g. a checkout under /root, mode 700), the data goes to a postgres-owned dir
# in postgres's home instead, and DIR/pg becomes a symlink to it (purge deletes it).
pg_prepare_base() {
  local dir=$1 base home
  if ! is_root; then
    mkdir -p "$dir/pg"; echo "$dir/pg"; return
  fi
  ensure_postgres_user
  if [[ -L $dir/pg || -d $dir/pg ]]; then
    base=$(pg_base "$dir")
  elif runuser -u postgres -- test -x "$(dirname "$dir")" 2>/dev/null; then
    # Parents are fine; DIR itself may be 0700 (mktemp -d): let postgres pass through it (no listing).
    runuser -u postgres -- test -x "$dir" 2>/dev/null || chmod o+x "$dir"
    base=$dir/pg
  else
    home=$(getent passwd postgres | cut -d: -f6)
    base=$home/openzaak-infra/$(printf '%s' "$dir" | md5sum | cut -c1-16)
    log "user postgres cannot reach $dir (a parent directory is closed to it);"
    log "keeping PostgreSQL's data in $base (symlinked as $dir/pg)"
    ln -sfn "$base" "$dir/pg"
  fi
  mkdir -p "$base"
  if [[ $(stat -c %U "$base") != postgres ]]; then chown -R postgres: "$base"; fi
  chmod 700 "$base"
  runuser -u postgres -- test -w "$base" 2>/dev/null \
    || die "user postgres cannot write to $base; choose a DIR whose parent directories are all traversable (e.g. under /tmp)"
  echo "$base"
}

# pg_pid DATA — print the postmaster's PID if our server for DATA runs.
pg_pid() {
  local data=$1 pid cwd
  [[ -f $data/postmaster.pid ]] || return 1
  pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null) || return 1
  pid_alive "$pid" || return 1
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || true)
  if [[ -n $cwd ]]; then
    [[ $cwd == "$(readlink -f "$data")" ]] || return 1          # a recycled PID
  else
    grep -qa postgres "/proc/$pid/cmdline" 2>/dev/null || return 1
  fi
  echo "$pid"
}

# pg_clear_stale DATA — after a crash: remove a stale postmaster.pid and wait for (or kill)
# orphaned backends that still hold the old shared memory, which would block a new start.
pg_clear_stale() {
  local data real
  local -a pids
  data=$1; real=$(readlink -f "$data")
  if [[ -f $data/postmaster.pid ]]; then
    log "PostgreSQL: removing stale $data/postmaster.pid"
    rm -f "$data/postmaster.pid"
  fi
  mapfile -t pids < <(pids_in_dir "$real" '^postgres$')
  if (( ${#pids[@]} )); then
    log "PostgreSQL: waiting for ${#pids[@]} orphaned server processes to exit"
    wait_gone 10 "${pids[@]}" || kill_and_wait "${pids[@]}"
  fi
}

wait_pg_ready() {
  local bin=$1 data=$2 port=$3 log_file=$4 deadline
  deadline=$((SECONDS + START_TIMEOUT))
  # pg_isready answers at once on "connection refused", so poll it.
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
    if ! pg_pid "$data" >/dev/null; then
      tail -n 20 "$log_file" >&2 || true
      die "PostgreSQL stopped while starting (log: $log_file)"
    fi
    (( SECONDS < deadline )) || die "PostgreSQL not ready after ${START_TIMEOUT} s (log: $log_file)"
    sleep 0.2
  done
}

pg_start() {
  local dir=$1 port=$2 base data bin pid running_port opts major
  base=$(pg_prepare_base "$dir")
  data=$base/data
  bin=$(pg_bin "$data")
  if pid=$(pg_pid "$data"); then
    running_port=$(sed -n 4p "$data/postmaster.pid")
    [[ $running_port == "$port" ]] \
      || die "PostgreSQL of $dir already runs on port $running_port, not $port: stop it first"
    log "PostgreSQL already running (pid $pid, port $port)"
  else
    pg_clear_stale "$data"
    ! port_in_use "$port" || die "port $port (PostgreSQL) is already in use by another process"
    if [[ ! -f $data/PG_VERSION ]]; then
      log "PostgreSQL: initdb in $data"
      rm -rf "$data"                                   # a half-done initdb leaves junk behind
      local -a nosync=()
      [[ ${INFRA_PG_FAST:-1} != 1 ]] || nosync=(--no-sync)
      as_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        --no-instructions "${nosync[@]}" >"$base/initdb.log" 2>&1 \
        || { cat "$base/initdb.log" >&2; die "initdb failed"; }
    fi
    # Loopback TCP only; no Unix socket at all (no /var/run/postgresql, no socket path limits).
    opts="-c listen_addresses=127.0.0.1 -p $port -k ''"
    opts+=" -c max_connections=${INFRA_PG_MAX_CONNECTIONS:-200}"
    if [[ ${INFRA_PG_FAST:-1} == 1 ]]; then
      opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    [[ -z ${INFRA_PG_OPTIONS:-} ]] || opts+=" $INFRA_PG_OPTIONS"
    log "PostgreSQL: starting on 127.0.0.1:$port (fsync $([[ ${INFRA_PG_FAST:-1} == 1 ]] && echo off || echo on))"
    as_pg "$bin/pg_ctl" -D "$data" -l "$base/postgres.log" -w -t "$START_TIMEOUT" -o "$opts" start >&2 \
      || { tail -n 20 "$base/postgres.log" >&2 || true; die "PostgreSQL did not start (log: $base/postgres.log)"; }
  fi
  wait_pg_ready "$bin" "$data" "$port" "$base/postgres.log"
  major=$(cat "$data/PG_VERSION")
  [[ -f /usr/share/postgresql/$major/extension/postgis.control ]] \
    || log "warning: PostGIS is not installed for PostgreSQL $major (run '$0 install')"
}

pg_stop() {
  local dir=$1 base data bin pid
  base=$(pg_base "$dir"); data=$base/data
  [[ -d $data ]] || return 0
  if pid=$(pg_pid "$data"); then
    bin=$(pg_bin "$data")
    log "PostgreSQL: stopping (pid $pid)"
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >&2 \
      || as_pg "$bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop >&2 \
      || kill_and_wait "$pid"
  fi
  pg_clear_stale "$data"
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------------

# rabbit_files DIR AMQP DIST EPMD — (re)write the node's private config files.
rabbit_files() {
  local r=$1/rabbitmq
  mkdir -p "$r/home" "$r/mnesia" "$r/log"
  # Private Erlang cookie (the same HOME would be needed by rabbitmqctl).
  if [[ ! -s $r/home/.erlang.cookie ]]; then
    od -An -N 16 -tx1 /dev/urandom | tr -d ' \n' | tr 'a-f' 'A-F' >"$r/home/.erlang.cookie"
    chmod 400 "$r/home/.erlang.cookie"
  fi
  echo '[].' >"$r/enabled_plugins"         # zero plugins: no management UI, plain AMQP only
  echo '[].' >"$r/advanced.config"
  printf '# written by infra.sh: a throwaway local node\nlog.console = false\n' >"$r/rabbitmq.conf"
  # Empty env file, so /etc/rabbitmq/rabbitmq-env.conf is not read.
  echo '# written by infra.sh: intentionally empty' >"$r/rabbitmq-env.conf"
  # Resolve "localhost" without /etc/hosts (absent in minimal chroots and some containers).
  printf '{host, {127,0,0,1}, ["localhost"]}.\n{lookup, [file, native]}.\n' >"$r/inetrc"
}

# rabbit_env DIR AMQP DIST EPMD — set RABBIT_ENV to the node's environment (NAME=value words).
rabbit_env() {
  local r=$1/rabbitmq amqp=$2 dist=$3 epmd=$4
  RABBIT_ENV=(HOME="$r/home" \
    RABBITMQ_NODENAME="$RABBIT_NODE" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$amqp" RABBITMQ_DIST_PORT="$dist" \
    ERL_EPMD_PORT="$epmd" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$r/mnesia" RABBITMQ_LOG_BASE="$r/log" RABBITMQ_LOGS="$r/log/rabbit.log" \
    RABBITMQ_PID_FILE="$r/rabbitmq.pid" \
    RABBITMQ_CONFIG_FILE="$r/rabbitmq.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$r/advanced.config" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$r/enabled_plugins" RABBITMQ_CONF_ENV_FILE="$r/rabbitmq-env.conf" \
    ERL_INETRC="$r/inetrc" ERL_CRASH_DUMP="$r/log/erl_crash.dump" \
    RABBITMQ_SCHEDULER_BUSY_WAIT_THRESHOLD=none \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}")
}

# rabbit_pid DIR — print the node's (beam) PID if our node runs.
rabbit_pid() {
  local r=$1/rabbitmq pid
  [[ -f $r/rabbitmq.pid ]] || return 1
  pid=$(head -n 1 "$r/rabbitmq.pid" 2>/dev/null) || return 1
  pid_alive "$pid" || return 1
  # Ours, not a recycled PID: the node's environment names our mnesia dir.
  if [[ -r /proc/$pid/environ ]]; then
    tr '\0' '\n' <"/proc/$pid/environ" | grep -qxF "RABBITMQ_MNESIA_BASE=$r/mnesia" || return 1
  fi
  echo "$pid"
}

# amqp_ready PORT — true when the broker answers the AMQP 0-9-1 protocol header with a frame
# (a TCP accept alone can come before the broker is usable).
amqp_ready() {
  local reply
  # shellcheck disable=SC2016  # $1 is expanded by the inner bash
  reply=$(timeout 5 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf "AMQP\x00\x00\x09\x01" >&3
      head -c 1 <&3 | od -An -tx1' _ "$1" 2>/dev/null) || return 1
  [[ ${reply//[[:space:]]/} == 01 ]]              # 01 = method frame (connection.start)
}

epmd_bin() {
  command -v epmd 2>/dev/null || compgen -G '/usr/lib/erlang/erts-*/bin/epmd' | head -n 1
}

rabbit_check_ports() {
  ! port_in_use "$1" || die "port $1 (AMQP) is already in use by another process"
  ! port_in_use "$2" || die "port $2 (Erlang distribution) is already in use by another process"
  # The epmd port may be held by our own epmd from an earlier run (it outlives the node): fine.
  if port_in_use "$3" && ! "$(epmd_bin)" -port "$3" -names >/dev/null 2>&1; then
    die "port $3 (epmd) is in use by something that is not epmd"
  fi
}

# rabbit_launch DIR AMQP DIST EPMD — start the node detached (readiness: rabbit_wait).
rabbit_launch() {
  local dir=$1 amqp=$2 dist=$3 epmd=$4 r=$1/rabbitmq pid
  local -a pids
  if pid=$(rabbit_pid "$dir"); then
    log "RabbitMQ already running (pid $pid, port $amqp)"
    return 0
  fi
  # Stale state after a crash: pid files, a zombie, helper processes of the old node.
  if [[ -f $r/rabbitmq.pid ]]; then log "RabbitMQ: removing stale pid file"; fi
  rm -f "$r/rabbitmq.pid" "$r/wrapper.pid"
  mapfile -t pids < <(pids_in_dir "$r" '^(beam|beam\.smp|erl_child_setup|inet_gethost|epmd)$')
  (( ${#pids[@]} == 0 )) || kill_and_wait "${pids[@]}"
  rabbit_check_ports "$amqp" "$dist" "$epmd"
  rabbit_files "$dir"
  rabbit_env "$dir" "$amqp" "$dist" "$epmd"
  log "RabbitMQ: starting node $RABBIT_NODE on 127.0.0.1:$amqp (dist $dist, epmd $epmd)"
  # The wrapper script stays as the parent of beam and turns TERM into a clean stop.
  # setsid: its own session, so a Ctrl-C meant for the caller does not reach it.
  (
    cd "$r"
    exec 0</dev/null >"$r/log/startup.log" 2>&1 3>&- 9>&-   # hold no pipe or lock of the caller
    setsid env "${RABBIT_ENV[@]}" "$RABBIT_BIN/rabbitmq-server" &
    echo $! >"$r/wrapper.pid"
  )
}

rabbit_wait() {
  local dir=$1 amqp=$2 r=$1/rabbitmq deadline wrapper
  deadline=$((SECONDS + START_TIMEOUT))
  wrapper=$(cat "$r/wrapper.pid" 2>/dev/null || true)
  until amqp_ready "$amqp"; do
    if [[ -n $wrapper ]] && ! pid_alive "$wrapper" && ! rabbit_pid "$dir" >/dev/null; then
      tail -n 30 "$r/log/startup.log" >&2 || true
      die "RabbitMQ stopped while starting (logs: $r/log)"
    fi
    (( SECONDS < deadline )) || die "RabbitMQ not ready after ${START_TIMEOUT} s (logs: $r/log)"
    sleep 0.3
  done
  rabbit_pid "$dir" >/dev/null || die "port $amqp answers AMQP, but not from the node of $dir"
}

rabbit_stop() {
  local dir=$1 r=$1/rabbitmq pid wrapper
  local -a pids
  [[ -d $r ]] || return 0
  if pid=$(rabbit_pid "$dir"); then
    log "RabbitMQ: stopping (pid $pid)"
    # Erlang/OTP handles SIGTERM as a clean init:stop(); no rabbitmqctl (slow, needs its own ports).
    kill_and_wait "$pid"
  fi
  wrapper=$(cat "$r/wrapper.pid" 2>/dev/null || true)
  if [[ -n $wrapper ]] && pid_alive "$wrapper"; then kill_and_wait "$wrapper"; fi
  mapfile -t pids < <(pids_in_dir "$r" '^(beam|beam\.smp|erl_child_setup|inet_gethost)$')
  (( ${#pids[@]} == 0 )) || kill_and_wait "${pids[@]}"
  rm -f "$r/rabbitmq.pid" "$r/wrapper.pid"
}

epmd_stop() {
  local port=$1 bin
  bin=$(epmd_bin) || return 0
  [[ -n $bin ]] || return 0
  if "$bin" -port "$port" -names >/dev/null 2>&1; then
    log "epmd: stopping (port $port)"
    "$bin" -port "$port" -kill >/dev/null 2>&1 || log "warning: epmd on port $port not stopped (nodes still registered?)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Stack bookkeeping
# ---------------------------------------------------------------------------------------------

# lock_dir DIR — serialize start/stop of one stack.
lock_dir() {
  exec 9>"$1/.lock"
  flock -w 300 9 || die "another infra.sh is busy with $1"
}

# read_ports DIR — set PG_PORT AMQP_PORT DIST_PORT EPMD_PORT from DIR/ports.
read_ports() {
  local k v
  PG_PORT='' AMQP_PORT='' DIST_PORT='' EPMD_PORT=''
  [[ -f $1/ports ]] || return 1
  while IFS='=' read -r k v; do
    case $k in
      pg_port) PG_PORT=$v ;;
      amqp_port) AMQP_PORT=$v ;;
      dist_port) DIST_PORT=$v ;;
      epmd_port) EPMD_PORT=$v ;;
    esac
  done <"$1/ports"
}

print_exports() {
  printf 'export OPENZAAK_PG="Host=127.0.0.1;Port=%s;Username=postgres;Password=postgres"\n' "$1"
  printf 'export OPENZAAK_AMQP="amqp://guest:guest@127.0.0.1:%s/"\n' "$2"
}

resolve_dir() {   # absolute, physical path of an existing DIR
  [[ -d $1 ]] || return 1
  (cd "$1" && pwd -P)
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

# dpkg_installed PKG — true when the Debian package is installed.
dpkg_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

POLICY_RC=/usr/sbin/policy-rc.d
POLICY_RC_BACKUP=''
POLICY_RC_SET=0

# While apt-get runs, a policy-rc.d that answers 101 keeps the packages' maintainer scripts from
# starting the distribution's PostgreSQL cluster, RabbitMQ node and epmd. Restored afterwards.
deny_service_starts() {
  if [[ -e $POLICY_RC || -L $POLICY_RC ]]; then
    POLICY_RC_BACKUP=$(mktemp "$POLICY_RC.infra-backup.XXXXXX")
    cp -a "$POLICY_RC" "$POLICY_RC_BACKUP"
  fi
  POLICY_RC_SET=1
  printf '#!/bin/sh\n# temporary, by OpenZaak deploy/local/infra.sh install\nexit 101\n' >"$POLICY_RC"
  chmod 755 "$POLICY_RC"
}

restore_service_starts() {
  (( POLICY_RC_SET )) || return 0
  if [[ -n $POLICY_RC_BACKUP ]]; then
    mv -f "$POLICY_RC_BACKUP" "$POLICY_RC"
  else
    rm -f "$POLICY_RC"
  fi
  POLICY_RC_SET=0
}

# candidate_pg_major — the PostgreSQL major that the `postgresql` package would bring.
candidate_pg_major() {
  apt-cache depends postgresql 2>/dev/null \
    | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -n 1
}

# missing_packages EXTRA... — print the packages to install, one per line.
missing_packages() {
  local major p
  major=$(installed_pg_major)
  if [[ -z $major ]]; then
    echo postgresql
    major=$(candidate_pg_major)
    [[ -z $major ]] || echo "postgresql-$major-postgis-3"
  elif [[ ! -f /usr/share/postgresql/$major/extension/postgis.control ]]; then
    echo "postgresql-$major-postgis-3"
  fi
  [[ -x $RABBIT_BIN/rabbitmq-server ]] || echo rabbitmq-server
  for p in "$@"; do dpkg_installed "$p" || echo "$p"; done
}

cmd_install() {
  local -a missing
  local p major
  mapfile -t missing < <(missing_packages "$@")
  if (( ${#missing[@]} == 0 )); then
    log "install: PostgreSQL $(installed_pg_major) with PostGIS and RabbitMQ are installed${*:+ (and $*)}"
    return 0
  fi
  if ! is_root; then
    die "missing: ${missing[*]}
  Install as root (PostGIS must match the PostgreSQL major, e.g. postgresql-15-postgis-3 on Debian 12):
    sudo apt-get install --no-install-recommends ${missing[*]}
  or run '$0 install' as root."
  fi
  command -v apt-get >/dev/null || die "apt-get not found; install by hand: ${missing[*]}"

  export DEBIAN_FRONTEND=noninteractive
  local -a apt=(apt-get -q -y -o DPkg::Lock::Timeout=300)
  log "install: missing ${missing[*]}; apt-get update"
  "${apt[@]}" update >&2 || log "warning: apt-get update reported errors; trying the install anyway"
  # Again, now with fresh package lists (the PostGIS package name depends on the major).
  mapfile -t missing < <(missing_packages "$@")
  if [[ ${missing[0]} == postgresql && ${missing[1]:-} != postgresql-*-postgis-3 ]]; then
    die "cannot tell which PostgreSQL major the 'postgresql' package brings (apt-cache depends postgresql)"
  fi
  for p in "${missing[@]}"; do
    apt-cache show "$p" >/dev/null 2>&1 || die "package $p is not available from the configured apt sources"
  done

  trap restore_service_starts EXIT
  trap 'exit 130' INT TERM
  deny_service_starts
  log "install: apt-get install ${missing[*]}"
  "${apt[@]}" install --no-install-recommends "${missing[@]}" >&2
  restore_service_starts
  trap - EXIT INT TERM

  # On a systemd machine the packages also enabled their units for the next boot; this project
  # runs its own servers, so switch the distribution's ones off (only for what we installed).
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    for p in "${missing[@]}"; do
      case $p in
        postgresql) systemctl disable --quiet postgresql.service 2>/dev/null || true ;;
        rabbitmq-server) systemctl disable --quiet rabbitmq-server.service epmd.socket 2>/dev/null || true ;;
      esac
    done
  fi
  major=$(installed_pg_major)
  [[ -n $major && -f /usr/share/postgresql/$major/extension/postgis.control ]] \
    || die "PostgreSQL with PostGIS is still missing after the install"
  [[ -x $RABBIT_BIN/rabbitmq-server ]] || die "RabbitMQ is still missing after the install"
  log "install: done (PostgreSQL $major with PostGIS, RabbitMQ)"
}

cmd_start() {
  (( $# == 5 )) || usage
  local dir=$1 p
  for p in "$2" "$3" "$4" "$5"; do check_port "$p"; done
  [[ $(printf '%s\n' "$2" "$3" "$4" "$5" | sort -u | wc -l) -eq 4 ]] || die "the four ports must differ"
  exec 3>&1 1>&2                                   # stdout carries only the export lines
  [[ -x $RABBIT_BIN/rabbitmq-server ]] || die "RabbitMQ is not installed: run '$0 install'"
  [[ -n $(installed_pg_major) || -n ${INFRA_PG_BIN:-} ]] || die "PostgreSQL is not installed: run '$0 install'"

  mkdir -p "$dir"
  dir=$(resolve_dir "$dir")
  lock_dir "$dir"
  if read_ports "$dir" && [[ "$PG_PORT $AMQP_PORT $DIST_PORT $EPMD_PORT" != "$2 $3 $4 $5" ]]; then
    if pg_pid "$(pg_base "$dir")/data" >/dev/null || rabbit_pid "$dir" >/dev/null; then
      die "the stack in $dir runs with ports $PG_PORT $AMQP_PORT $DIST_PORT $EPMD_PORT: stop it first"
    fi
    epmd_stop "$EPMD_PORT"                          # a leftover epmd of the old port set
  fi
  # Check the ports of whatever is not running yet before launching anything.
  if ! pg_pid "$(pg_base "$dir")/data" >/dev/null; then
    ! port_in_use "$2" || die "port $2 (PostgreSQL) is already in use by another process"
  fi
  rabbit_pid "$dir" >/dev/null || rabbit_check_ports "$3" "$4" "$5"
  printf 'pg_port=%s\namqp_port=%s\ndist_port=%s\nepmd_port=%s\n' "$2" "$3" "$4" "$5" >"$dir/ports"

  rabbit_launch "$dir" "$3" "$4" "$5"             # RabbitMQ boots slowest: launch it first,
  pg_start "$dir" "$2"                            # start PostgreSQL meanwhile,
  rabbit_wait "$dir" "$3"                         # then wait for RabbitMQ.
  log "ready: PostgreSQL 127.0.0.1:$2, RabbitMQ 127.0.0.1:$3 (state in $dir)"
  print_exports "$2" "$3" >&3
}

cmd_stop() {
  (( $# == 1 )) || usage
  local dir
  if ! dir=$(resolve_dir "$1"); then log "stop: $1 does not exist, nothing to stop"; return 0; fi
  lock_dir "$dir"
  rabbit_stop "$dir"
  pg_stop "$dir"
  if read_ports "$dir"; then epmd_stop "$EPMD_PORT"; fi
  log "stopped (state kept in $dir)"
}

cmd_status() {
  (( $# == 1 )) || usage
  local dir pid rc=0
  dir=$(resolve_dir "$1") || { echo "stack $1: does not exist"; return 3; }
  read_ports "$dir" || true
  echo "stack $dir"
  if pid=$(pg_pid "$(pg_base "$dir")/data"); then
    echo "  postgresql: running (pid $pid, port $(sed -n 4p "$(pg_base "$dir")/data/postmaster.pid"))"
  else
    echo "  postgresql: stopped"; rc=3
  fi
  if pid=$(rabbit_pid "$dir"); then
    echo "  rabbitmq:   running (pid $pid, amqp port ${AMQP_PORT:-?}, node $RABBIT_NODE)"
  else
    echo "  rabbitmq:   stopped"; rc=3
  fi
  if [[ -n ${EPMD_PORT:-} ]] && "$(epmd_bin)" -port "$EPMD_PORT" -names >/dev/null 2>&1; then
    echo "  epmd:       running (port $EPMD_PORT)"
  else
    echo "  epmd:       stopped"
  fi
  return $rc
}

cmd_env() {
  (( $# == 1 )) || usage
  local dir
  dir=$(resolve_dir "$1") || die "$1 does not exist"
  read_ports "$dir" || die "no stack in $dir"
  if ! pg_pid "$(pg_base "$dir")/data" >/dev/null || ! rabbit_pid "$dir" >/dev/null; then
    die "the stack in $dir is not running"
  fi
  print_exports "$PG_PORT" "$AMQP_PORT"
}

cmd_psql() {
  (( $# >= 1 )) || usage
  local dir bin; dir=$(resolve_dir "$1") || die "$1 does not exist"; shift
  read_ports "$dir" || die "no stack in $dir"
  bin=$(pg_bin "$(pg_base "$dir")/data")
  PGCONNECT_TIMEOUT=10 "$bin/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

cmd_purge() {
  (( $# == 1 )) || usage
  local dir base
  dir=$(resolve_dir "$1") || return 0
  cmd_stop "$dir"
  base=$(pg_base "$dir")
  log "purge: deleting the data of $dir"
  rm -rf "$base" "$dir/pg" "$dir/rabbitmq" "$dir/ports" "$dir/.lock"
  rmdir "$dir" 2>/dev/null || true
}

main() {
  (( $# )) || usage
  local cmd=$1; shift
  case $cmd in
    install) cmd_install "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    env) cmd_env "$@" ;;
    psql) cmd_psql "$@" ;;
    purge) cmd_purge "$@" ;;
    -h|--help|help) usage ;;
    *) log "unknown command: $cmd"; usage ;;
  esac
}

main "$@"
