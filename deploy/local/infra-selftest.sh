#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# infra-selftest.sh — exercise deploy/local/infra.sh on this machine (run it after changing infra.sh).
#
#   deploy/local/infra-selftest.sh
#
# Scenarios: first start, start again (no-op), status, PostGIS + AMQP checks, a start with other
# ports while running (refused), a second stack side by side, kill -9 of both servers then start
# (stale pid files, zombies, orphaned backends), stop, stop again, status when stopped, purge.
# Uses temp dirs and free ports; cleans up after itself. Needs PostgreSQL/PostGIS and RabbitMQ
# installed (infra.sh install).
# ok/bad always succeed, so `cond && ok .. || bad ..` is a safe if-then-else here.
# shellcheck disable=SC2015
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$here/../..                       # for common.sh
LOG_PREFIX="infra-selftest"
# shellcheck source=common.sh
source "$here/common.sh"
infra=$here/infra.sh

fails=0
ok() { printf 'ok   %s\n' "$*"; }
bad() { printf 'FAIL %s\n' "$*"; fails=$((fails + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }

free_ports() {   # four free ports in 20000-31999
  local -a got=(); local p
  while (( ${#got[@]} < 4 )); do
    p=$((20000 + RANDOM % 12000))
    [[ " ${got[*]} " != *" $p "* ]] && port_free "$p" && got+=("$p")
  done
  echo "${got[@]}"
}

amqp_ok() {   # AMQP 0-9-1 handshake answered on port $1
  local r
  # shellcheck disable=SC2016
  r=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; printf "AMQP\x00\x00\x09\x01" >&3; head -c 1 <&3 | od -An -tx1' _ "$1") || return 1
  [[ ${r// /} == 01 ]]
}

a=$(mktemp -d /tmp/infra-selftest-a.XXXXXX)
b=$(mktemp -d /tmp/infra-selftest-b.XXXXXX)
trap 'bash "$infra" purge "$a" 2>/dev/null || true; bash "$infra" purge "$b" 2>/dev/null || true; rm -rf "$a" "$b"' EXIT
read -r -a pa <<<"$(free_ports)"
read -r -a pb <<<"$(free_ports)"
log "stack A in $a, ports ${pa[*]}; stack B in $b, ports ${pb[*]}"

t0=$SECONDS
out=$(bash "$infra" start "$a" "${pa[@]}" 2>/dev/null) && ok "first start ($((SECONDS - t0)) s)" || bad "first start"
[[ $out == *"OPENZAAK_PG=\"Host=127.0.0.1;Port=${pa[0]};"* && $out == *"127.0.0.1:${pa[1]}/\""* ]] \
  && ok "stdout carries exactly the export lines" || bad "export lines: $out"
[[ $(wc -l <<<"$out") -eq 2 ]] && ok "two lines on stdout" || bad "stdout has $(wc -l <<<"$out") lines"
check "PostGIS in a new database" bash "$infra" psql "$a" -c 'CREATE DATABASE gis' -c '\c gis' -c 'CREATE EXTENSION postgis'
check "AMQP handshake" amqp_ok "${pa[1]}"
t0=$SECONDS
check "start again is a no-op" bash "$infra" start "$a" "${pa[@]}"
(( SECONDS - t0 <= 3 )) && ok "  ...and quick ($((SECONDS - t0)) s)" || bad "start again took $((SECONDS - t0)) s"
check "status: running (exit 0)" bash "$infra" status "$a"
check "env prints the exports" bash "$infra" env "$a"
if bash "$infra" start "$a" "${pb[@]}" >/dev/null 2>&1; then bad "start with other ports refused"; else ok "start with other ports refused"; fi

check "second stack side by side" bash "$infra" start "$b" "${pb[@]}"
check "  both answer (A)" amqp_ok "${pa[1]}"
check "  both answer (B)" amqp_ok "${pb[1]}"

pg=$(head -n 1 "$a/pg/data/postmaster.pid"); mq=$(cat "$a/rabbitmq/rabbitmq.pid")
kill -9 "$pg" "$mq"
sleep 0.3
if bash "$infra" status "$a" >/dev/null 2>&1; then bad "status after kill -9 says stopped"; else ok "status after kill -9 says stopped"; fi
t0=$SECONDS
check "start after kill -9 of both servers" bash "$infra" start "$a" "${pa[@]}"
log "  (took $((SECONDS - t0)) s)"
check "  data survived" bash "$infra" psql "$a" -d gis -tAc 'SELECT postgis_version()'
check "  AMQP answers" amqp_ok "${pa[1]}"
check "  stack B unaffected" bash "$infra" status "$b"

check "stop" bash "$infra" stop "$a"
check "stop again" bash "$infra" stop "$a"
if bash "$infra" status "$a" >/dev/null 2>&1; then bad "status when stopped is non-zero"; else ok "status when stopped is non-zero"; fi
port_free "${pa[0]}" && port_free "${pa[1]}" && port_free "${pa[3]}" && ok "ports of A released (pg, amqp, epmd)" || bad "ports of A still in use"
check "stack B still running" bash "$infra" status "$b"
check "purge B" bash "$infra" purge "$b"
[[ ! -e $b ]] && ok "purge removed B's dir" || bad "purge left $b"

echo
if (( fails )); then echo "infra-selftest: $fails check(s) FAILED"; exit 1; fi
echo "infra-selftest: all checks passed"
