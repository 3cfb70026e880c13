#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# up.sh — THE run command: the whole OpenZaak suite on this machine, from a fresh checkout.
#
#   deploy/local/up.sh [--no-build]     run in the foreground; Ctrl-C (or SIGTERM) stops everything
#   deploy/local/up.sh stop             stop what an earlier (crashed or other-terminal) run left
#
# 1. installs PostgreSQL + PostGIS and RabbitMQ if missing (infra.sh install; root needed then),
# 2. starts them in <repo>/.local/infra (data kept between runs) on fixed, uncommon ports,
#    creates the database `openzaak` with the PostGIS extension,
# 3. builds the solution (Release), runs `<Service>.Api migrate` for every service found as
#    services/*/*.Api/*.Api.csproj, starts each on 127.0.0.1:<its port>, then the gateway on
#    http://localhost:8000, waits for http://localhost:8000/health/ready,
# 4. prints the URLs and the demo client's credentials, and stays in the foreground.
#
# Ports: gateway 8000, zaken 8001, catalogi 8002, documenten 8003, besluiten 8004,
# autorisaties 8005, notificaties 8006 (a service folder not in this list gets 8007, 8008, ...), the
# Selectielijst API fixture 8010.
# Logs: .local/logs/<name>.log (the previous run's as <name>.log.1). Document content: .local/documenten-inhoud.
# Siblings: every process gets every service's internal address (Zgw__Services__<key>__InternalUrl), so
# Zaken reaches Documenten (zrc-005 mirror) and Documenten reaches Zaken/Besluiten (drc-003/004 source
# check) and Catalogi directly, with their own service identities (openzaak-zaken / -documenten /
# -besluiten have heeftAlleAutorisaties, which includes zaken.lezen and besluiten.lezen).
#
# Environment:
#   OPENZAAK_PG_PORT / OPENZAAK_AMQP_PORT / OPENZAAK_DIST_PORT / OPENZAAK_EPMD_PORT
#                             default 55432 / 56720 / 56721 / 56722
#   OPENZAAK_DEMO_CLIENT_ID   default openzaak-demo
#   OPENZAAK_DEMO_SECRET      default: random, made once and kept in .local/demo-secret
#   OPENZAAK_ADMIN_KEY        default: random, made once and kept in .local/admin-key
#   OPENZAAK_CREDENTIAL_KEY   key encrypting client secrets at rest (base64, 32 bytes);
#                             default: random, made once and kept in .local/credential-key
#   ASPNETCORE_ENVIRONMENT    default Production
#   INFRA_PG_FAST             default 0 here (fsync on: this data is kept)
#   OPENZAAK_READY_TIMEOUT    seconds to wait for /health/ready (default 180)
#   OPENZAAK_SELECTIELIJST_PORT  port of the Selectielijst API fixture (default 8010)
#   REPO_ROOT                 the checkout (default: two levels above this script)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "${REPO_ROOT:-$here/../..}" && pwd -P)
infra=$here/infra.sh
LOG_PREFIX=up.sh
# shellcheck source=common.sh
source "$here/common.sh"

state=$root/.local
infra_dir=$state/infra
logs=$state/logs
run=$state/run

pg_port=${OPENZAAK_PG_PORT:-55432}
amqp_port=${OPENZAAK_AMQP_PORT:-56720}
dist_port=${OPENZAAK_DIST_PORT:-56721}
epmd_port=${OPENZAAK_EPMD_PORT:-56722}
gateway_port=8000
public_url="http://localhost:$gateway_port"
ready_timeout=${OPENZAAK_READY_TIMEOUT:-180}
declare -A known_ports=([zaken]=8001 [catalogi]=8002 [documenten]=8003 [besluiten]=8004
                        [autorisaties]=8005 [notificaties]=8006)

# Every process we start carries this variable; it finds our leftovers after a crash, with or
# without pid files, and never anything else.
marker="OPENZAAK_LOCAL_RUN=$state"

# --- processes ------------------------------------------------------------------------------------
# our_pids — live processes started by an up.sh of this checkout (found by the marker).
our_pids() {
  local f pid
  while IFS= read -r f; do
    pid=${f#/proc/}; pid=${pid%/environ}
    [[ $pid != "$$" && $pid != "$BASHPID" ]] && pid_alive "$pid" && echo "$pid"
  done < <(grep -lzxF "$marker" /proc/[0-9]*/environ 2>/dev/null || true)
  return 0
}

stop_leftovers() {
  local -a pids
  mapfile -t pids < <(our_pids)
  if (( ${#pids[@]} )); then
    log "stopping ${#pids[@]} process(es) left by an earlier run: ${pids[*]}"
    kill_and_wait 30 "${pids[@]}"
  fi
  local f
  for f in "$run"/*.pid; do [[ $f == "$run/up.pid" ]] || rm -f "$f"; done
}

# who_listens PORT — a short description of the listener, for error messages.
who_listens() {
  command -v ss >/dev/null && ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1
}

# new_secret FILE [VALUE] — a secret kept in FILE (mode 600): VALUE if given, else the stored
# one, else a new random one.
new_secret() {
  local file=$1 value=${2:-}
  if [[ -z $value && -s $file ]]; then cat "$file"; return; fi
  [[ -n $value ]] || value=$(od -An -N 20 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077 && printf '%s\n' "$value" >"$file")
  echo "$value"
}

# rotate_log NAME — start .local/logs/NAME.log afresh, keeping the previous one as .log.1.
rotate_log() {
  [[ ! -f $logs/$1.log ]] || mv -f "$logs/$1.log" "$logs/$1.log.1"
  : >"$logs/$1.log"
  echo "$logs/$1.log"
}

# built_dll PROJECT_DIR NAME — the Release build output NAME.dll (net10.0 preferred).
built_dll() {
  local d=$1 name=$2 f
  if [[ -f $d/bin/Release/net10.0/$name.dll ]]; then echo "$d/bin/Release/net10.0/$name.dll"; return; fi
  for f in "$d"/bin/Release/net*/"$name.dll"; do
    [[ -f $f ]] && { echo "$f"; return; }
  done
  return 1
}

# --- stop / cleanup -------------------------------------------------------------------------------
started=()          # "name pid" of what this run started
infra_pid=''
stopping=0

shutdown() {
  local code=$1 entry pids=()
  (( stopping )) && return 0
  stopping=1
  trap '' INT TERM PIPE       # finish the stop even if our output pipe (e.g. `| tee`) is gone
  set +e
  echo >&2
  log "stopping..."
  if [[ -n $infra_pid ]]; then wait "$infra_pid" 2>/dev/null || true; fi
  for entry in "${started[@]}"; do pids+=("${entry#* }"); done
  # Gateway and services all get TERM at once (graceful ASP.NET shutdown), KILL after 30 s.
  kill_and_wait 30 "${pids[@]}"
  stop_leftovers                                    # anything they spawned
  if [[ -d $infra_dir ]]; then bash "$infra" stop "$infra_dir" || log "warning: infra.sh stop failed"; fi
  rm -f "$run/up.pid"
  log "stopped"
  exit "$code"
}

# --- start one process ----------------------------------------------------------------------------
# launch NAME PORT_URL DLL [ARGS...] — start `dotnet DLL` in the background from its own folder
# (the content root, where appsettings.json is), in its own session, logging to .local/logs.
launch() {
  local name=$1 urls=$2 dll=$3 log_file pid; shift 3
  log_file=$(rotate_log "$name")
  (
    cd "$(dirname "$dll")"
    exec setsid env "${common_env[@]}" ASPNETCORE_URLS="$urls" \
      Zgw__ServiceIdentity__ClientId="openzaak-$name" Zgw__ServiceIdentity__Secret="${identity_secret[$name]:-}" \
      dotnet "$dll" "$@" \
      >>"$log_file" 2>&1 </dev/null
  ) &
  pid=$!
  echo "$pid" >"$run/$name.pid"
  started=("$name $pid" "${started[@]}")           # newest first: the gateway stops first
  log "started $name (pid $pid) on $urls — log: ${log_file#"$root"/}"
}

# tail_logs [NAME...] — the end of the given (default: all) logs of this run.
tail_logs() {
  local n f
  if (( $# == 0 )); then for f in "$logs"/*.log; do [[ -f $f ]] && set -- "$@" "$(basename "$f" .log)"; done; fi
  for n in "$@"; do
    f=$logs/$n.log
    [[ -s $f ]] || continue
    printf '\n----- %s (last 30 lines) -----\n' "${f#"$root"/}" >&2
    tail -n 30 "$f" >&2
  done
}

# dead_process — name of a started process that has exited, if any.
dead_process() {
  local entry
  for entry in "${started[@]}"; do
    pid_alive "${entry#* }" || { echo "${entry%% *}"; return 0; }
  done
  return 1
}

# running_up — pid of a live up.sh of this checkout, if any.
running_up() {
  local pid
  pid=$(cat "$run/up.pid" 2>/dev/null) || return 1
  [[ $pid != "$$" ]] && pid_alive "$pid" && grep -qa 'up\.sh' "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

# --- main -----------------------------------------------------------------------------------------
case ${1:-} in
  stop)
    if pid=$(running_up); then
      log "asking the running up.sh (pid $pid) to stop"
      kill -TERM "$pid"
      while pid_alive "$pid"; do sleep 0.5; done
    fi
    stop_leftovers
    bash "$infra" stop "$infra_dir"
    exit 0 ;;
  --no-build|'') ;;
  -h|--help) sed -n '/^# up.sh/,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 0 ;;
  *) die "unknown argument: $1 (use --no-build, stop or --help)" ;;
esac
no_build=0
[[ ${1:-} != --no-build ]] || no_build=1

require_dotnet
[[ -f $root/gateway/Gateway/Gateway.csproj ]] \
  || die "gateway/Gateway/Gateway.csproj is not in this checkout yet: there is nothing to serve on $public_url"
sln=$(find_solution)

# Services: services/<Folder>/<Name>.Api/<Name>.Api.csproj; the folder name lower-cased is the key.
declare -A svc_port=() svc_csproj=()
keys=()
next_port=8007
shopt -s nullglob
for csproj in "$root"/services/*/*.Api/*.Api.csproj; do
  folder=$(basename "$(dirname "$(dirname "$csproj")")")
  key=${folder,,}
  [[ -z ${svc_csproj[$key]:-} ]] || die "two API projects for service '$key': ${svc_csproj[$key]} and $csproj"
  if [[ -n ${known_ports[$key]:-} ]]; then
    svc_port[$key]=${known_ports[$key]}
  else
    svc_port[$key]=$next_port; next_port=$((next_port + 1))
    log "note: service folder '$folder' has no fixed port; using ${svc_port[$key]}"
  fi
  svc_csproj[$key]=$csproj
  keys+=("$key")
done
shopt -u nullglob
# In port order (zaken, catalogi, ...), not folder order.
if (( ${#keys[@]} )); then
  mapfile -t keys < <(for key in "${keys[@]}"; do echo "${svc_port[$key]} $key"; done | sort -n | cut -d' ' -f2)
fi
(( ${#keys[@]} )) || log "note: no services found (services/*/*.Api/*.Api.csproj): starting the gateway only"

if pid=$(running_up); then
  die "OpenZaak already runs from this checkout (up.sh pid $pid): Ctrl-C it, or run 'deploy/local/up.sh stop'"
fi
bash "$infra" install curl openssl
mkdir -p "$state" "$logs" "$run"
echo "$$" >"$run/up.pid"

# A crashed earlier run may have left processes and pid files behind.
stop_leftovers
for port in "$gateway_port" "${svc_port[@]}" "${OPENZAAK_SELECTIELIJST_PORT:-8010}"; do
  if ! port_free "$port"; then
    who=$(who_listens "$port" || true)
    die "port $port is in use${who:+ by $who}: stop that first"
  fi
done

client_id=${OPENZAAK_DEMO_CLIENT_ID:-openzaak-demo}
client_secret=$(new_secret "$state/demo-secret" "${OPENZAAK_DEMO_SECRET:-}")
admin_key=$(new_secret "$state/admin-key" "${OPENZAAK_ADMIN_KEY:-}")
# The key that encrypts client secrets at rest in the Autorisaties service (32 bytes, base64).
[[ -s $state/credential-key || -n ${OPENZAAK_CREDENTIAL_KEY:-} ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$state/credential-key")
credential_key=$(new_secret "$state/credential-key" "${OPENZAAK_CREDENTIAL_KEY:-}")

trap 'shutdown 130' INT
trap 'shutdown 143' TERM
trap 'shutdown $?' EXIT

# PostgreSQL + RabbitMQ start in the background while the solution builds.
log "starting PostgreSQL (:$pg_port) and RabbitMQ (:$amqp_port) in ${infra_dir#"$root"/}"
INFRA_PG_FAST=${INFRA_PG_FAST:-0} bash "$infra" start "$infra_dir" "$pg_port" "$amqp_port" "$dist_port" "$epmd_port" \
  >"$state/infra.env" 2>"$logs/infra-start.log" &
infra_pid=$!

if (( no_build )); then
  log "--no-build: using the existing Release build"
else
  log "dotnet build $sln -c Release"
  (cd "$root" && dotnet build "$sln" -c Release) || die "the build failed"
fi

if ! wait "$infra_pid"; then
  infra_pid=''
  cat "$logs/infra-start.log" >&2
  die "PostgreSQL/RabbitMQ did not start (log: ${logs#"$root"/}/infra-start.log)"
fi
infra_pid=''
eval "$(cat "$state/infra.env")"
[[ -n ${OPENZAAK_PG:-} && -n ${OPENZAAK_AMQP:-} ]] || die "infra.sh start printed no connection settings"

# One database for all services (each service owns its schema); PostGIS needs a superuser, so
# the installer (this script) creates the extension, not the service migrations.
if [[ $(bash "$infra" psql "$infra_dir" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'openzaak'") != 1 ]]; then
  log "creating database openzaak"
  bash "$infra" psql "$infra_dir" -d postgres -qc 'CREATE DATABASE openzaak' >&2
fi
PGOPTIONS="-c client_min_messages=warning" bash "$infra" psql "$infra_dir" -d openzaak -qc 'CREATE EXTENSION IF NOT EXISTS postgis' >&2
pg_cs="$OPENZAAK_PG;Database=openzaak"

# The configuration every process gets (ASP.NET Core reads env vars, "__" = ":").
common_env=(
  "$marker"
  "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}"
  "ConnectionStrings__Database=$pg_cs"
  "ConnectionStrings__RabbitMq=$OPENZAAK_AMQP"
  "Zgw__PublicBaseUrl=$public_url"
  "OPENZAAK_ADMIN_KEY=$admin_key"
  "Autorisaties__CredentialKey=$credential_key"
  "Gateway__ExposeAdminApi=true"
)
for key in "${keys[@]}"; do
  common_env+=("Zgw__Services__${key}__InternalUrl=http://127.0.0.1:${svc_port[$key]}")
done
# The Documenten content store (Documenten:Storage:Path) lives next to the database data in .local, not in the build
# output (the default is a folder under the content root, which up.sh runs from bin/Release): rebuilding or cleaning
# must not lose the content of documents the database still holds.
common_env+=("Documenten__Storage__Path=$state/documenten-inhoud")
# The Selectielijst + Referentielijsten fixture (ARCHITECTURE §11.10): the records Catalogi and Zaken validate against,
# so a fresh install works without the internet.
selectielijst_port=${OPENZAAK_SELECTIELIJST_PORT:-8010}
common_env+=(
  "Catalogi__SelectielijstApiRoot=http://127.0.0.1:$selectielijst_port/api/v1/"
  "Zaken__ReferentielijstenApiRoot=http://127.0.0.1:$selectielijst_port/referentielijsten/api/v1/"
  "Zgw__References__AllowedHosts__0=127.0.0.1:$selectielijst_port"
)

# Service identities (ARCHITECTURE §11.3): every process has its own client id and secret, known to every
# process from configuration, with the autorisaties it needs for calls to its siblings. Services that read
# objects of any type across components get heeftAlleAutorisaties; the others get exactly their scopes.
client_index=0
add_client() {   # add_client CLIENT_ID SECRET (all | component:scope,scope ...)
  local id=$1 secret=$2 n=$client_index a=0 spec comp scope s
  local -a scopes
  shift 2
  common_env+=("Zgw__Clients__${n}__ClientId=$id" "Zgw__Clients__${n}__Secret=$secret" "Zgw__Clients__${n}__Label=$id")
  if [[ $1 == all ]]; then
    common_env+=("Zgw__Clients__${n}__HeeftAlleAutorisaties=true")
  else
    for spec in "$@"; do
      comp=${spec%%:*}
      s=0
      common_env+=("Zgw__Clients__${n}__Autorisaties__${a}__Component=$comp")
      IFS=, read -ra scopes <<<"${spec#*:}"
      for scope in "${scopes[@]}"; do
        common_env+=("Zgw__Clients__${n}__Autorisaties__${a}__Scopes__${s}=$scope")
        s=$((s + 1))
      done
      a=$((a + 1))
    done
  fi
  client_index=$((client_index + 1))
}
declare -A identity_secret=()
for name in gateway "${keys[@]}"; do
  identity_secret[$name]=$(new_secret "$state/service-secret-$name")
  case $name in
    zaken|documenten|besluiten) add_client "openzaak-$name" "${identity_secret[$name]}" all ;;
    *) add_client "openzaak-$name" "${identity_secret[$name]}" ac:autorisaties.credentials.lezen nrc:notificaties.publiceren ;;
  esac
done
# Without an Autorisaties service the demo client is known from configuration; with one, it is registered
# through the admin API once everything is up.
has_autorisaties=0
[[ -n ${svc_port[autorisaties]:-} ]] && has_autorisaties=1
(( has_autorisaties )) || add_client "$client_id" "$client_secret" all

# Migrate (one after the other: one database), then start each service.
declare -A svc_dll=()
for key in "${keys[@]}"; do
  csproj=${svc_csproj[$key]}
  name=$(basename "$csproj" .csproj)
  svc_dll[$key]=$(built_dll "$(dirname "$csproj")" "$name") \
    || die "no Release build of $name (expected $(dirname "${csproj#"$root"/}")/bin/Release/net10.0/$name.dll)"
  log "migrating $key"
  mlog=$(rotate_log "$key-migrate")
  (cd "$(dirname "${svc_dll[$key]}")" && timeout 300 env "${common_env[@]}" dotnet "${svc_dll[$key]}" migrate) \
    >>"$mlog" 2>&1 </dev/null || { tail_logs "$key-migrate"; die "migration of $key failed (log: ${mlog#"$root"/})"; }
done
if fixture_dll=$(built_dll "$root/tests/SelectielijstFixture" SelectielijstFixture); then
  launch selectielijst "http://127.0.0.1:$selectielijst_port" "$fixture_dll"
fi
for key in "${keys[@]}"; do
  launch "$key" "http://127.0.0.1:${svc_port[$key]}" "${svc_dll[$key]}"
done
gateway_dll=$(built_dll "$root/gateway/Gateway" Gateway) \
  || die "no Release build of the gateway (expected gateway/Gateway/bin/Release/net10.0/Gateway.dll)"
launch gateway "$public_url" "$gateway_dll"

# Wait until the gateway sees every service ready (/health/backends; its own /health/ready does not wait for them).
log "waiting for $public_url/health/backends (up to $ready_timeout s)"
deadline=$((SECONDS + ready_timeout))
while :; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$public_url/health/backends" || true)
  [[ $code == 200 ]] && break
  if dead=$(dead_process); then
    tail_logs "$dead"
    die "$dead exited during start-up (log: .local/logs/$dead.log)"
  fi
  if (( SECONDS >= deadline )); then
    tail_logs
    die "not ready after $ready_timeout s (last answer: ${code:-none})"
  fi
  sleep 1
done

if (( has_autorisaties )); then
  log "registering the demo client $client_id through the Autorisaties admin API"
  code=$(curl -s -o "$logs/admin-register.log" -w '%{http_code}' --max-time 20 -X PUT \
    -H "X-Admin-Key: $admin_key" -H 'Content-Type: application/json' \
    -d "{\"secret\": \"$client_secret\", \"label\": \"Demo client (local use only)\", \"heeftAlleAutorisaties\": true}" \
    "$public_url/autorisaties/admin/v1/credentials/$client_id" || true)
  [[ $code == 204 ]] || { cat "$logs/admin-register.log" >&2; die "registering the demo client failed (HTTP $code)"; }
fi

cat <<EOF

OpenZaak is running (Ctrl-C stops everything).

  Gateway         $public_url
  Health          $public_url/health/ready   $public_url/health/live   $public_url/health/backends
EOF
for key in "${keys[@]}"; do
  printf '  %-15s %s/%s/api/v1   (service: http://127.0.0.1:%s)\n' "$key" "$public_url" "$key" "${svc_port[$key]}"
done
cat <<EOF

  Demo client     client_id: $client_id
                  secret:    $client_secret        (kept in .local/demo-secret)
  Admin key       kept in .local/admin-key
  PostgreSQL      ${pg_cs}
  RabbitMQ        $OPENZAAK_AMQP
  Logs            .local/logs/

A ZGW token (HS256 JWT with iss, iat, client_id, user_id, user_representation):
  TOKEN=\$(deploy/local/token.sh $client_id "\$(cat .local/demo-secret)")
  curl -H "Authorization: Bearer \$TOKEN" $public_url/${keys[0]:-zaken}/api/v1/

EOF
if (( has_autorisaties )); then
  cat <<EOF
Register a client of your own with limited autorisaties (here: it may read applicaties, nothing else):
  curl -X PUT -H "X-Admin-Key: \$(cat .local/admin-key)" -H 'Content-Type: application/json' \\
    -d '{"secret": "een-geheim-van-minstens-32-tekens!!", "label": "Mijn app",
         "autorisaties": [{"component": "ac", "scopes": ["autorisaties.lezen"]}]}' \\
    $public_url/autorisaties/admin/v1/credentials/mijn-app
  TOKEN=\$(deploy/local/token.sh mijn-app 'een-geheim-van-minstens-32-tekens!!')
  curl -H "Authorization: Bearer \$TOKEN" $public_url/autorisaties/api/v1/applicaties      # 200
  curl -X POST -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{}' \\
    $public_url/autorisaties/api/v1/applicaties                                             # 403

EOF
fi

# Foreground: report a process that dies; Ctrl-C / SIGTERM run shutdown().
declare -A reported=()
while :; do
  sleep 2 &
  wait $! || true
  for entry in "${started[@]}"; do
    name=${entry%% *}
    if [[ -z ${reported[$name]:-} ]] && ! pid_alive "${entry#* }"; then
      reported[$name]=1
      tail_logs "$name"
      log "warning: $name has exited (log: .local/logs/$name.log); the rest keeps running"
    fi
  done
done
