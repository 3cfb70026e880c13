# shellcheck shell=bash
# common.sh — helpers shared by test.sh and up.sh (sourced, not run).
# infra.sh stays self-contained on purpose (it is copied alone onto bare machines).
# The sourcing script sets LOG_PREFIX (e.g. "test.sh") and `root` (the checkout).
: "${root:?common.sh needs root (the checkout)}"

log() { printf '%s: %s\n' "${LOG_PREFIX:-local}" "$*" >&2; }
die() { printf '%s: error: %s\n' "${LOG_PREFIX:-local}" "$*" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# require_dotnet — the .NET 10 SDK must be on PATH.
require_dotnet() {
  local v
  command -v dotnet >/dev/null || die "'dotnet' not found on PATH. This project needs the .NET 10 SDK, which is
  not in Debian's repositories: install it from Microsoft's packages or with Microsoft's
  dotnet-install script (https://learn.microsoft.com/dotnet/core/install/linux), then re-run."
  v=$(cd "$root" && dotnet --version 2>/dev/null) \
    || die "'dotnet' is there but 'dotnet --version' fails: is only a runtime installed? The .NET 10 SDK is needed."
  if ! [[ ${v%%.*} =~ ^[0-9]+$ ]] || (( ${v%%.*} < 10 )); then
    die "the .NET SDK on PATH is $v; this project needs the .NET 10 SDK"
  fi
  log "dotnet SDK $v"
}

# find_solution — OpenZaak.sln, else OpenZaak.slnx, else the only *.sln/*.slnx at the root.
find_solution() {
  local f
  local -a found
  for f in OpenZaak.sln OpenZaak.slnx; do
    if [[ -f $root/$f ]]; then echo "$f"; return; fi
  done
  mapfile -t found < <(cd "$root" && compgen -G '*.sln'; cd "$root" && compgen -G '*.slnx')
  (( ${#found[@]} == 1 )) || die "expected one solution file (OpenZaak.sln) in $root, found ${#found[@]}"
  echo "${found[0]}"
}

# port_free PORT — nothing listens on it (ss when present, else a connect attempt on loopback).
port_free() {
  if command -v ss >/dev/null; then
    [[ -z $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
  else
    # shellcheck disable=SC2016  # $1 is expanded by the inner bash
    ! timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
  fi
}

# pid_alive PID — exists and is not a zombie.
pid_alive() {
  local stat
  [[ $1 =~ ^[0-9]+$ ]] || return 1
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z && ${stat:0:1} != X ]]
}

# kill_and_wait SECONDS PID... — TERM, wait up to SECONDS, then KILL.
kill_and_wait() {
  local secs=$1 pid deadline; shift
  (( $# )) || return 0
  kill -TERM "$@" 2>/dev/null || true
  deadline=$((SECONDS + secs))
  for pid in "$@"; do
    while pid_alive "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
  done
  for pid in "$@"; do
    if pid_alive "$pid"; then
      log "pid $pid still running after ${secs} s: KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}
