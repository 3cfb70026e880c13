#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# validate.sh — validates the Helm chart helm/openzaak without a helm binary (none can be installed here).
#
#   helm/tools/validate.sh [--keep DIR]      --keep: leave the rendered manifests (YAML and JSON) in DIR
#
# 1. builds helm/tools/render (Go: text/template + sprig with Helm's engine semantics) from Debian's Go
#    packages and renders the chart for each scenario below, as `helm template` would (NOTES.txt too);
# 2. helm/tools/check (C#): strict decode of every document into its Kubernetes type (official client's
#    models: unknown fields, wrong types, bad quantities are errors), a few API-server rules, and the chart's
#    rules (probes, resources, HPA, PDB, NetworkPolicy, securityContext per Deployment; migration hook Jobs;
#    wiring between the components; the external-URL scenario); and that every configuration setting the code
#    reads (options classes, GetSection, Configuration[...]) is in the chart README's settings table;
# 3. helm/tools/schema (Node): every document against the Kubernetes JSON schemas of kubernetes-models
#    (generated from the Kubernetes OpenAPI: required fields, types, formats).
#
# Every scenario's values are first validated against values.schema.json (as Helm does), and each file in
# invalid-values/ must be refused with the message its "# expect:" line names.
# Scenarios: default values; ci/external-documenten-values.yaml (Documenten replaced by a vendor's URL);
# ci/external-notificaties-values.yaml (Notificaties replaced: the services post notifications over HTTP);
# ci/external-autorisaties-values.yaml (Autorisaties replaced: applicaties from its standard API);
# ci/full-values.yaml (every optional feature on); default values as an upgrade of a release with a long name.
#
# Missing tools are installed as deploy/local/infra.sh installs packages (apt-get, as root; Debian's golang-go,
# golang-github-masterminds-sprig-dev, golang-k8s-sigs-yaml-dev, golang-github-xeipuuv-gojsonschema-dev; the npm package kubernetes-models; the NuGet
# package KubernetesClient). When that cannot be done, the step is skipped with a message.
# Exit status: 0 all verified; 1 a check failed; 3 a step was skipped (nothing failed).
# Environment: HELM_VALIDATE_INSTALL=0 never installs (skips instead).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
chart=$(cd "$here/../openzaak" && pwd -P)
log() { printf 'validate.sh: %s\n' "$*" >&2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

keep=''
while (( $# )); do
  case $1 in
    --keep) keep=${2:?--keep needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) log "unknown argument: $1"; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/openzaak-helm-validate.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=${keep:-$work/out}
mkdir -p "$out"

status_render=skipped status_check=skipped status_schema=skipped

# --- tools ------------------------------------------------------------------------------------------------
gocode=/usr/share/gocode/src
go_ready() {
  command -v go >/dev/null && [[ -d $gocode/github.com/Masterminds/sprig && -d $gocode/sigs.k8s.io/yaml && -d $gocode/github.com/Masterminds/semver \
    && -d $gocode/github.com/xeipuuv/gojsonschema ]]
}
apt_install() {   # apt_install PKG... — as deploy/local/infra.sh does; false when it cannot
  [[ ${HELM_VALIDATE_INSTALL:-1} != 0 ]] || return 1
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null || return 1
  local -a apt=(apt-get -q -y -o DPkg::Lock::Timeout=300)
  export DEBIAN_FRONTEND=noninteractive
  log "installing $*"
  if ! "${apt[@]}" install --no-install-recommends "$@" >"$work/apt.log" 2>&1; then
    "${apt[@]}" update >>"$work/apt.log" 2>&1 || true
    "${apt[@]}" install --no-install-recommends "$@" >>"$work/apt.log" 2>&1 || { tail -n 5 "$work/apt.log" >&2; return 1; }
  fi
}
if ! go_ready; then
  apt_install golang-go golang-github-masterminds-sprig-dev golang-k8s-sigs-yaml-dev golang-github-xeipuuv-gojsonschema-dev || true
fi

# --- 1. render ----------------------------------------------------------------------------------------------
all=gateway,zaken,catalogi,documenten,besluiten,autorisaties,notificaties
services=zaken,catalogi,documenten,besluiten,autorisaties,notificaties
# name | render arguments | check arguments
scenarios=(
  "default||--components $all --migrations $services --require-hpa --require-pdb --readiness-path /health/ready"
  "external-documenten|-f $chart/ci/external-documenten-values.yaml|--components ${all/,documenten/} --migrations ${services/,documenten/} --external documenten=https://drc.leverancier.example/documenten/api/v1 --require-hpa --require-pdb --readiness-path /health/ready"
  "external-notificaties|-f $chart/ci/external-notificaties-values.yaml|--components ${all/,notificaties/} --migrations ${services/,notificaties/} --external notificaties=https://nrc.leverancier.example --require-hpa --require-pdb --readiness-path /health/ready"
  "external-autorisaties|-f $chart/ci/external-autorisaties-values.yaml|--components ${all/,autorisaties/} --migrations ${services/,autorisaties/} --external autorisaties=https://ac.leverancier.example --require-hpa --require-pdb --readiness-path /health/ready"
  "full|-f $chart/ci/full-values.yaml|--components $all --migrations zaken,catalogi,documenten,autorisaties,notificaties --otel http://otel-collector.observability:4317"
  "upgrade-long-name|-upgrade -name gemeente-amsterdam-zaakgericht-werken-productie-omgeving -namespace zgw|--components $all --migrations $services --require-hpa --require-pdb --readiness-path /health/ready"
)
if go_ready; then
  log "building helm/tools/render ($(go version | cut -d' ' -f3))"
  if (cd "$here/render" && GO111MODULE=off GOPATH="$work/gopath:/usr/share/gocode" GOFLAGS='' go build -o "$work/render" .); then
    status_render=passed
    for s in "${scenarios[@]}"; do
      IFS='|' read -r name rargs _ <<<"$s"
      # shellcheck disable=SC2086  # rargs are words
      if "$work/render" -chart "$chart" $rargs >"$out/$name.yaml" \
         && "$work/render" -chart "$chart" $rargs -format json >"$out/$name.jsonl" \
         && "$work/render" -chart "$chart" $rargs -notes >"$out/$name-NOTES.txt"; then
        log "rendered $name: $(grep -c '^kind:' "$out/$name.yaml") documents ($(grep '^kind:' "$out/$name.yaml" | sort | uniq -c | awk '{printf "%s%s %s", (NR>1?", ":""), $1, $3}'))"
      else
        log "FAIL: rendering $name"
        status_render=failed
      fi
    done
    # values.schema.json, as Helm applies it: each file in invalid-values/ must be refused with its "# expect:" message.
    for f in "$here"/invalid-values/*.yaml; do
      expect=$(sed -n 's/^# expect: //p' "$f")
      if "$work/render" -chart "$chart" -f "$f" >"$out/invalid-$(basename "$f" .yaml).txt" 2>&1; then
        log "FAIL: $(basename "$f") was accepted; values.schema.json must refuse it"
        status_render=failed
      elif ! grep -qF -- "$expect" "$out/invalid-$(basename "$f" .yaml).txt"; then
        log "FAIL: $(basename "$f") was refused without \"$expect\":"; cat "$out/invalid-$(basename "$f" .yaml).txt" >&2
        status_render=failed
      else
        log "refused $(basename "$f"): $expect"
      fi
    done
  else
    log "FAIL: helm/tools/render does not build"
    status_render=failed
  fi
else
  log "SKIP: Go with Debian's sprig and sigs.k8s.io/yaml packages is not available (apt-get install golang-go golang-github-masterminds-sprig-dev golang-k8s-sigs-yaml-dev golang-github-xeipuuv-gojsonschema-dev)"
fi

# --- 2. strict decode and the chart's rules (C#) -------------------------------------------------------------
if [[ $status_render == passed ]]; then
  if command -v dotnet >/dev/null && dotnet --version >/dev/null 2>&1; then
    log "building helm/tools/check"
    if dotnet build "$here/check/ChartCheck.csproj" -c Release -v q -nologo -nodeReuse:false -p:UseSharedCompilation=false >"$work/check-build.log" 2>&1; then
      status_check=passed
      for s in "${scenarios[@]}"; do
        IFS='|' read -r name _ cargs <<<"$s"
        # shellcheck disable=SC2086
        dotnet "$here/check/bin/Release/net10.0/ChartCheck.dll" "$out/$name.jsonl" --name "$name" $cargs >"$out/$name-check.txt" || status_check=failed
        grep -E '^  FAIL' "$out/$name-check.txt" >&2 || true
        log "check: $(tail -n 1 "$out/$name-check.txt")"
      done
      # Every configuration setting the code reads is in the chart README's table (with the value that sets it).
      dotnet "$here/check/bin/Release/net10.0/ChartCheck.dll" --settings "$(cd "$here/../.." && pwd -P)" "$chart/README.md" >"$out/settings.txt" || status_check=failed
      grep -E '^  FAIL' "$out/settings.txt" >&2 || true
      log "check: $(tail -n 1 "$out/settings.txt")"
    elif grep -q -E 'NU1101|NU1301|Unable to load the service index|NU1102' "$work/check-build.log"; then
      log "SKIP: the NuGet package KubernetesClient could not be restored:"; grep -m 3 -E 'error' "$work/check-build.log" >&2 || true
    else
      log "FAIL: helm/tools/check does not build:"; grep -E 'error' "$work/check-build.log" | head -n 20 >&2 || true
      status_check=failed
    fi
  else
    log "SKIP: no .NET SDK (dotnet) for helm/tools/check"
  fi
fi

# --- 3. JSON schemas (Node) ------------------------------------------------------------------------------------
if [[ $status_render == passed ]]; then
  schema=$here/schema
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm || true
  fi
  if command -v node >/dev/null && command -v npm >/dev/null; then
    want=$(sed -n 's/.*"kubernetes-models": "\([^"]*\)".*/\1/p' "$schema/package.json")
    have=$(sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$schema/node_modules/kubernetes-models/package.json" 2>/dev/null || true)
    if [[ $have != "$want" ]]; then
      log "installing kubernetes-models@$want (npm)"
      (cd "$schema" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >"$work/npm.log" 2>&1) \
        || { log "npm install failed:"; tail -n 5 "$work/npm.log" >&2; }
    fi
    if [[ -f $schema/node_modules/kubernetes-models/package.json ]]; then
      status_schema=passed
      for s in "${scenarios[@]}"; do
        IFS='|' read -r name _ <<<"$s"
        node "$schema/validate.mjs" "$out/$name.jsonl" "$name" >"$out/$name-schema.txt" || status_schema=failed
        grep -E '^  FAIL' "$out/$name-schema.txt" >&2 || true
        log "schema: $(tail -n 1 "$out/$name-schema.txt")"
      done
    else
      log "SKIP: the npm package kubernetes-models is not available"
    fi
  else
    log "SKIP: no Node.js/npm for the JSON schema check"
  fi
fi

[[ -z $keep ]] || log "rendered manifests and reports: $keep"
log "render: $status_render, strict decode + chart rules: $status_check, JSON schemas: $status_schema"
if [[ $status_render == failed || $status_check == failed || $status_schema == failed ]]; then exit 1; fi
if [[ $status_render == skipped || $status_check == skipped || $status_schema == skipped ]]; then exit 3; fi
exit 0
