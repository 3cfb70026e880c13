#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# test.sh — THE test command of OpenZaak C# (CI runs it through .ci/run).
#
#   deploy/local/test.sh [DOTNET_TEST_ARGS...]      e.g.  deploy/local/test.sh --filter "FullyQualifiedName~Zrc007"
#
# 1. installs PostgreSQL + PostGIS and RabbitMQ if missing (infra.sh install; root needed then),
# 2. starts both in a fresh temp dir on free throwaway ports (while the solution builds),
#    exports OPENZAAK_TEST_PG / OPENZAAK_TEST_AMQP (and OPENZAAK_PG / OPENZAAK_AMQP) for the tests,
# 3. dotnet build of the solution (Release), then `dotnet test --no-build` of every test project
#    (tests/*/*.csproj and services/*/*.Tests/*.csproj), going on after a failing project,
# 4. validates the Helm chart with helm/tools/validate.sh (no cluster, no helm binary; counted as one test,
#    skipped with its message when its tools cannot be installed, and when DOTNET_TEST_ARGS are given),
# 5. always stops the servers and deletes the temp dir (also on Ctrl-C / SIGTERM),
# 6. prints as its very last line `N passed, N failed` (`, N skipped` when N > 0), counted from the
#    TRX files (a project whose test host crashed or did not run counts as 1 failed), and exits
#    non-zero when a test failed, a project did not run, or no test ran.
#
# Environment:
#   REPO_ROOT          the checkout to test (default: two levels above this script)
#   TEST_RESULTS_DIR   keep the .trx files there (default: in the temp dir, deleted at the end)
#   TEST_HANG_TIMEOUT  kill a test host that hangs this long, e.g. 20m (default 20m; "0" = off)
#   KEEP_TEST_DIR=1    keep the temp dir (server logs) for debugging; the servers are still stopped
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "${REPO_ROOT:-$here/../..}" && pwd -P)
infra=$here/infra.sh

LOG_PREFIX=test.sh
# shellcheck source=common.sh
source "$here/common.sh"
export MSBUILDDISABLENODEREUSE=1          # no MSBuild nodes left running after the build

# --- ports ----------------------------------------------------------------------------------------
# pick_ports N — N distinct free ports in 20000-31999 (below Linux's ephemeral range).
pick_ports() {
  local -a got=()
  local p tries=0
  while (( ${#got[@]} < $1 )); do
    (( ++tries < 500 )) || die "could not find $1 free ports"
    p=$(( 20000 + RANDOM % 12000 ))
    [[ " ${got[*]} " == *" $p "* ]] && continue
    port_free "$p" && got+=("$p")
  done
  echo "${got[@]}"
}

# --- TRX counting ---------------------------------------------------------------------------------
# trx_counts FILE — print "executed passed failed skipped" from the <Counters .../> element.
# failed includes error/timeout/aborted outcomes; skipped = total - executed (xunit's [Skip] is
# counted that way by the VSTest TRX logger; notExecuted stays 0), or notExecuted if larger.
trx_counts() {
  local c a v
  local -A n=()
  c=$(grep -o '<Counters [^>]*>' "$1" | head -n 1) || return 1
  for a in total executed passed failed error timeout aborted notExecuted; do
    v=$(sed -n "s/.* $a=\"\([0-9]*\)\".*/\1/p" <<<"$c")
    n[$a]=${v:-0}
  done
  local skipped=$(( n[total] - n[executed] ))
  (( n[notExecuted] > skipped )) && skipped=${n[notExecuted]}
  echo "${n[executed]} ${n[passed]} $(( n[failed] + n[error] + n[timeout] + n[aborted] )) $skipped"
}

# is_test_project CSPROJ — *Tests projects are; others only if MSBuild says IsTestProject=true
# (e.g. a benchmark console project under tests/ is not).
is_test_project() {
  local name; name=$(basename "$1" .csproj)
  [[ $name == *Tests || $name == *Test ]] && return 0
  [[ $(cd "$root" && dotnet msbuild "$1" -getProperty:IsTestProject -p:Configuration=Release 2>/dev/null) == true ]]
}

# --- cleanup --------------------------------------------------------------------------------------
tmp=''
infra_pid=''
cleaned=0
cleanup() {
  (( cleaned )) && return 0
  cleaned=1
  [[ -n $tmp && -d $tmp ]] || return 0
  if [[ -n $infra_pid ]]; then wait "$infra_pid" 2>/dev/null || true; fi   # a start still in flight
  if [[ -d $tmp/infra ]]; then
    bash "$infra" stop "$tmp/infra" 2>"$tmp/infra-stop.log" \
      || { log "warning: stopping the servers failed:"; cat "$tmp/infra-stop.log" >&2; }
  fi
  if [[ ${KEEP_TEST_DIR:-0} == 1 ]]; then
    log "kept $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- main -----------------------------------------------------------------------------------------
require_dotnet
sln=$(find_solution)
bash "$infra" install

tmp=$(mktemp -d "${TMPDIR:-/tmp}/openzaak-test.XXXXXX")
chmod 755 "$tmp"                          # user postgres must be able to pass through
results=${TEST_RESULTS_DIR:-$tmp/results}
mkdir -p "$results"
results=$(cd "$results" && pwd -P)

read -r -a ports <<<"$(pick_ports 4)"
log "starting PostgreSQL (:${ports[0]}) and RabbitMQ (:${ports[1]}) in $tmp/infra, in the background"
bash "$infra" start "$tmp/infra" "${ports[@]}" >"$tmp/infra.env" 2>"$tmp/infra-start.log" &
infra_pid=$!

t0=$SECONDS
log "dotnet build $sln -c Release"
(cd "$root" && dotnet build "$sln" -c Release -nodeReuse:false -p:UseSharedCompilation=false) \
  || die "the build failed"
log "build: $((SECONDS - t0)) s"

if ! wait "$infra_pid"; then
  infra_pid=''
  cat "$tmp/infra-start.log" >&2
  die "PostgreSQL/RabbitMQ did not start"
fi
infra_pid=''
sed 's/^/  /' "$tmp/infra-start.log" >&2
eval "$(cat "$tmp/infra.env")"
[[ -n ${OPENZAAK_PG:-} && -n ${OPENZAAK_AMQP:-} ]] || die "infra.sh start printed no connection settings"
export OPENZAAK_PG OPENZAAK_AMQP
export OPENZAAK_TEST_PG=$OPENZAAK_PG OPENZAAK_TEST_AMQP=$OPENZAAK_AMQP
log "OPENZAAK_TEST_PG=$OPENZAAK_TEST_PG"
log "OPENZAAK_TEST_AMQP=$OPENZAAK_TEST_AMQP"

shopt -s nullglob
candidates=("$root"/tests/*/*.csproj "$root"/services/*/*.Tests/*.csproj)
shopt -u nullglob
projects=()
for p in "${candidates[@]}"; do
  if is_test_project "$p"; then projects+=("$p"); else log "skipping $(basename "$p"): not a test project"; fi
done
(( ${#projects[@]} )) || log "no test projects found (tests/*/*.csproj, services/*/*.Tests/*.csproj)"

hang=${TEST_HANG_TIMEOUT:-20m}
blame=()
[[ $hang == 0 ]] || blame=(--blame-hang-timeout "$hang" --blame-hang-dump-type none)

passed=0 failed=0 skipped=0 executed=0 broken=()
summary=()
for p in "${projects[@]}"; do
  name=$(basename "$p" .csproj)
  log "dotnet test $name ${*:-}"
  t0=$SECONDS
  rm -f "$results/$name.trx"
  rc=0
  (cd "$root" && dotnet test "$p" -c Release --no-build \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" "${blame[@]}" "$@") || rc=$?
  if [[ -f $results/$name.trx ]] && read -r e ps f s < <(trx_counts "$results/$name.trx"); then
    executed=$((executed + e)) passed=$((passed + ps)) failed=$((failed + f)) skipped=$((skipped + s))
    line="$name: $ps passed, $f failed, $s skipped ($((SECONDS - t0)) s)"
    if (( rc != 0 && f == 0 )); then         # e.g. a crashed test host: count it as one failure
      broken+=("$name"); failed=$((failed + 1)); line+=" — dotnet test exited $rc (counted as 1 failed)"
    fi
  else
    broken+=("$name"); failed=$((failed + 1))
    line="$name: did not run (dotnet test exited $rc, no TRX file; counted as 1 failed)"
  fi
  summary+=("$line")
  log "$line"
done

# The Helm chart, rendered and checked against the Kubernetes types and schemas (no server needed).
if [[ -f $root/helm/tools/validate.sh ]] && (( $# == 0 )); then
  log "helm/tools/validate.sh"
  t0=$SECONDS
  rc=0
  bash "$root/helm/tools/validate.sh" || rc=$?
  case $rc in
    0) passed=$((passed + 1)) executed=$((executed + 1)); line="helm chart (helm/tools/validate.sh): 1 passed ($((SECONDS - t0)) s)" ;;
    3) skipped=$((skipped + 1)); line="helm chart (helm/tools/validate.sh): skipped, a tool is missing (see its message above)" ;;
    *) failed=$((failed + 1)) executed=$((executed + 1)); line="helm chart (helm/tools/validate.sh): 1 failed (exit $rc)" ;;
  esac
  summary+=("$line")
  log "$line"
fi

# Stop the servers now, so that nothing is printed after the closing line.
cleanup
trap - EXIT

echo
echo "Test projects:"
for line in "${summary[@]}"; do echo "  $line"; done
(( ${#broken[@]} == 0 )) || echo "Projects that failed to run: ${broken[*]}"
(( executed > 0 )) || echo "No test ran."
[[ -z ${TEST_RESULTS_DIR:-} ]] || echo "TRX files: $results"

status=0
(( failed == 0 && ${#broken[@]} == 0 && executed > 0 )) || status=1
if (( skipped > 0 )); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
