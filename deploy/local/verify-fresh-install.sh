#!/usr/bin/env bash
# verify-fresh-install.sh — prove that deploy/local/infra.sh sets up PostgreSQL + PostGIS and
# RabbitMQ on a bare Debian 12 (bookworm), as on a fresh developer or CI machine.
#
# It builds a minimal debootstrap chroot, copies infra.sh into it and, inside the chroot, runs
#   infra.sh install  (timed) -> checks that no distribution service was started
#   infra.sh start    (timed) -> CREATE EXTENSION postgis in a new database, AMQP handshake
#   infra.sh stop     (timed) -> checks that no server process is left
#   infra.sh install  again   -> must be a quick no-op
# The chroot runs in a private mount and PID namespace (unshare), so its mounts and any process
# it leaves disappear when it ends, whatever happens.
#
# Usage (as root):  deploy/local/verify-fresh-install.sh [CHROOT_DIR]    (default /tmp/chroot-bookworm)
# Environment:
#   DEBIAN_MIRROR   Debian archive URL (default: the first one in this machine's apt sources)
#   REUSE_BASE=1    keep a pristine copy of the debootstrap result in CHROOT_DIR.base.tar and
#                   reuse it on the next run (saves the ~1 min debootstrap; default: always fresh)
#   KEEP_CHROOT=1   keep CHROOT_DIR afterwards (default: delete it)
#   VERIFY_PORTS    "PG AMQP DIST EPMD" on loopback (default "45401 45402 45403 45404")
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
chroot_dir=${1:-/tmp/chroot-bookworm}
read -r -a ports <<<"${VERIFY_PORTS:-45401 45402 45403 45404}"

log() { printf 'verify: %s\n' "$*" >&2; }
die() { printf 'verify: error: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap, chroot, mounts)"
[[ ${#ports[@]} -eq 4 ]] || die "VERIFY_PORTS needs four ports"
case $chroot_dir in
  /|/usr|/var|/etc|/home|/root|/tmp) die "refusing to use $chroot_dir as the chroot" ;;
esac
command -v unshare >/dev/null || die "unshare (util-linux) is needed"

# The Debian archive this machine already uses (so no host name is hard-coded here).
mirror=${DEBIAN_MIRROR:-}
if [[ -z $mirror ]]; then
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -oE '(https?)://[^ ]+/debian/?( |$)' | grep -v security | head -n 1 | tr -d ' ') || true
fi
[[ -n $mirror ]] || die "no Debian archive found in the apt sources; set DEBIAN_MIRROR"

now() { echo "${EPOCHREALTIME/./}"; }                 # microseconds
elapsed() {                                             # seconds since $1, one decimal
  local d=$(( ($(now) - $1) / 100000 ))
  echo "$((d / 10)).$((d % 10))"
}

if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap"
  apt-get -q update >&2 && apt-get -q -y install --no-install-recommends debootstrap >&2
fi

cleanup() {
  # Mounts live in the private namespace and vanish with it; this is only a safety net.
  local m
  while read -r m; do umount -l "$m" 2>/dev/null || true; done \
    < <(awk -v c="$chroot_dir" '$2 == c || index($2, c "/") == 1 { print $2 }' /proc/mounts | sort -r)
  if [[ ${KEEP_CHROOT:-0} != 1 && -d $chroot_dir ]]; then
    log "removing $chroot_dir (KEEP_CHROOT=1 keeps it)"
    rm -rf --one-file-system "$chroot_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. A bare Debian 12 ------------------------------------------------------------------------
rm -rf --one-file-system "$chroot_dir"
t0=$(now)
if [[ ${REUSE_BASE:-0} == 1 && -f $chroot_dir.base.tar ]]; then
  log "unpacking the cached base $chroot_dir.base.tar"
  mkdir -p "$chroot_dir" && tar -C "$chroot_dir" -xpf "$chroot_dir.base.tar"
  base_how="unpacked from cache"
else
  log "debootstrap --variant=minbase bookworm $chroot_dir $mirror"
  debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror" >"$chroot_dir.debootstrap.log" 2>&1 \
    || { tail -n 30 "$chroot_dir.debootstrap.log" >&2; die "debootstrap failed"; }
  [[ ${REUSE_BASE:-0} != 1 ]] || tar -C "$chroot_dir" -cpf "$chroot_dir.base.tar" .
  base_how="debootstrap"
fi
t_base=$(elapsed "$t0")
log "base system ready in ${t_base}s ($base_how)"

# --- 2. The script under test and the steps to run inside ---------------------------------------
mkdir -p "$chroot_dir/opt/openzaak"
install -m 755 "$here/infra.sh" "$chroot_dir/opt/openzaak/infra.sh"
cat >"$chroot_dir/opt/openzaak/inner.sh" <<'INNER'
#!/bin/bash
# Runs inside the chroot (PID 1 of its namespace is unshare's child, not this script).
set -euo pipefail
PG=$1 AMQP=$2 DIST=$3 EPMD=$4
I=/opt/openzaak/infra.sh
D=/tmp/verify-infra
step() { printf '\n=== %s\n' "$*" >&2; }
now() { echo "${EPOCHREALTIME/./}"; }
ms() { echo $(( ($(now) - $1) / 1000 )); }
servers() {   # names of server processes running in this namespace
  local p
  for p in /proc/[0-9]*; do cat "$p/comm" 2>/dev/null || true; done \
    | grep -E '^(postgres|beam\.smp|epmd|rabbitmq-server)$' | sort | uniq -c || true
}

step "before: $(dpkg-query -W -f='${Package} ' postgresql rabbitmq-server 2>/dev/null || true)(none expected)"
[[ ! -e /usr/sbin/policy-rc.d ]] && echo "no policy-rc.d (as on a fresh machine)" >&2

step "infra.sh install"
t=$(now); time bash "$I" install; T_INSTALL=$(ms "$t")
[[ -z $(servers) ]] || { servers >&2; echo "FAIL: install started servers" >&2; exit 1; }
echo "ok: no PostgreSQL/RabbitMQ/epmd process was started by the install" >&2
[[ ! -e /usr/sbin/policy-rc.d ]] || { echo "FAIL: policy-rc.d left behind" >&2; exit 1; }
echo "ok: policy-rc.d restored (absent)" >&2
dpkg-query -W -f='${Package} ${Version}\n' postgresql-15 postgresql-15-postgis-3 rabbitmq-server erlang-base >&2

step "infra.sh start $D $PG $AMQP $DIST $EPMD"
t=$(now); out=$(bash "$I" start "$D" "$PG" "$AMQP" "$DIST" "$EPMD"); T_START=$(ms "$t")
echo "$out"
eval "$out"
[[ $OPENZAAK_PG == *"Port=$PG;"* && $OPENZAAK_AMQP == *":$AMQP/" ]] || { echo "FAIL: bad exports" >&2; exit 1; }

step "PostGIS in a new database"
bash "$I" psql "$D" -c 'CREATE DATABASE verify'
bash "$I" psql "$D" -d verify -c 'CREATE EXTENSION postgis' -c 'SELECT postgis_version()' \
  -c "SELECT ST_AsText(ST_Transform(ST_SetSRID(ST_MakePoint(155000, 463000), 28992), 4326))"

step "AMQP on 127.0.0.1:$AMQP"
reply=$(timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$AMQP"'; printf "AMQP\x00\x00\x09\x01" >&3; head -c 1 <&3 | od -An -tx1')
[[ ${reply// /} == 01 ]] || { echo "FAIL: no AMQP connection.start frame" >&2; exit 1; }
echo "ok: TCP connect and AMQP 0-9-1 handshake (connection.start received)" >&2

step "start again (must be a no-op), status"
t=$(now); bash "$I" start "$D" "$PG" "$AMQP" "$DIST" "$EPMD" >/dev/null; T_RESTART=$(ms "$t")
bash "$I" status "$D"

step "infra.sh stop"
t=$(now); bash "$I" stop "$D"; T_STOP=$(ms "$t")
sleep 1
if [[ -n $(servers) ]]; then servers >&2; echo "FAIL: processes left after stop" >&2; exit 1; fi
echo "ok: no server process left" >&2
bash "$I" stop "$D"

step "infra.sh install again (must be a no-op)"
t=$(now); bash "$I" install; T_REINSTALL=$(ms "$t")

printf '\nTIMINGS install=%sms start=%sms start-again=%sms stop=%sms install-again=%sms\n' \
  "$T_INSTALL" "$T_START" "$T_RESTART" "$T_STOP" "$T_REINSTALL"
INNER
chmod 755 "$chroot_dir/opt/openzaak/inner.sh"

# --- 3. Run it in the chroot, in a private mount + PID namespace --------------------------------
log "running the checks inside the chroot"
t0=$(now)
set +e
# shellcheck disable=SC2016  # expanded by the inner bash
unshare --mount --propagation private --pid --fork -- /bin/bash -euc '
  c=$1; shift
  mount -t proc proc "$c/proc"
  mount -t sysfs sysfs "$c/sys" || true
  mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$c/dev/shm"     # PostgreSQL shared memory
  mount -t devpts -o newinstance,ptmxmode=0666 devpts "$c/dev/pts" || true
  exec chroot "$c" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb \
    /bin/bash /opt/openzaak/inner.sh "$@"
' _ "$chroot_dir" "${ports[@]}" 2>&1 | tee "$chroot_dir.verify.log"
rc=${PIPESTATUS[0]}
set -e
t_inner=$(elapsed "$t0")

timings=$(grep '^TIMINGS' "$chroot_dir.verify.log" || true)
echo
echo "base system: ${t_base}s ($base_how); checks in the chroot: ${t_inner}s"
echo "${timings:-TIMINGS missing}"
if (( rc != 0 )); then
  die "FAILED (exit $rc); full log: $chroot_dir.verify.log"
fi
echo "verify: PASSED (log: $chroot_dir.verify.log)"
