#!/usr/bin/env bash
# bench.sh — benchmarks of the whole suite on this machine (not tests: figures, no pass/fail thresholds).
#
#   deploy/local/bench.sh notificaties [--rate 200] [--duration 60] [--outage 0] [--source http|outbox] [--json FILE]
#   deploy/local/bench.sh zaken [--duration 20] [--connections 16] [--zaken 1000000] [--zaaktypen 100] [--json FILE]
#   deploy/local/bench.sh documenten [--duration 20] [--connections 16] [--upload-mib 1024] [--only create|upload] [--json FILE]
#
# Starts the suite like up.sh (build, migrate, every service, the gateway on http://localhost:8000), runs the
# scenario from tests/Benchmarks through the gateway with the demo client's real tokens, prints a table,
# writes the figures as JSON (default bench-<scenario>.json), and stops the suite again.
#
# Scenario notificaties: notifications at a fixed rate to a subscriber the benchmark hosts; end-to-end latency
# (aanmaakdatum → callback) percentiles, throughput, and how many are lost (target 0) when the subscriber is
# down for --outage seconds. --source outbox makes each notification with a real change (PATCH of an
# applicatie: commit → outbox → RabbitMQ → Notificaties → callback); http posts to /notificaties.
#
# Scenario zaken: seeds 100 published zaaktypen (Catalogi API) and 1M zaken with a rol and a status each (bulk SQL, about
# 3 minutes, reused by later runs), then runs closed-loop at --connections for --duration seconds each: GET one zaak through
# the gateway and directly on the service (the difference is the gateway's overhead), GET /zaken page 1 as the demo client
# (all autorisaties) and as a client limited to 20 zaaktypen up to zaakvertrouwelijk, POST /zaken/_zoek with filters,
# POST /zaken, and POST /statussen that closes a prepared zaak. Prints throughput, p50/p95/p99, errors, the PostgreSQL
# durability settings, and idle and peak RSS of every process.
#
# Scenario documenten: seeds a published informatieobjecttype (Catalogi API), then runs closed-loop POST
# /enkelvoudiginformatieobjecten with 1 KiB base64 inhoud at --connections for --duration seconds (throughput,
# p50/p95/p99), and uploads one document of --upload-mib MiB (default 1 GiB) in bestandsdelen (D10: create with
# bestandsomvang, PUT every part as multipart, unlock, download with a SHA-256 check), all through the gateway. Prints
# MB/s of upload and download and the growth of the Documenten process's peak RSS (VmHWM reset via clear_refs, VmRSS
# sampled) — it must stay far below the file size. Needs about twice --upload-mib of free disk for the content store
# while the parts are joined; the document is deleted afterwards when the API supports DELETE.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
log=$root/.local/logs/bench-up.log
mkdir -p "$root/.local/logs"

bash "$here/up.sh" >"$log" 2>&1 &
up_pid=$!
trap 'bash "$here/up.sh" stop >/dev/null 2>&1 || true; wait "$up_pid" 2>/dev/null || true' EXIT
echo "bench.sh: starting the suite (log: ${log#"$root"/})" >&2
for _ in $(seq 1 600); do
  grep -q "OpenZaak is running" "$log" 2>/dev/null && break
  kill -0 "$up_pid" 2>/dev/null || { tail -n 40 "$log" >&2; echo "bench.sh: up.sh failed" >&2; exit 1; }
  sleep 1
done
grep -q "OpenZaak is running" "$log" || { tail -n 40 "$log" >&2; echo "bench.sh: the suite did not start" >&2; exit 1; }

export OPENZAAK_DEMO_CLIENT_ID=${OPENZAAK_DEMO_CLIENT_ID:-openzaak-demo}
# The suite's database, for seeding at scale and preparing data outside the measured requests.
eval "$(cat "$root/.local/infra.env")"
export OPENZAAK_BENCH_DATABASE="$OPENZAAK_PG;Database=openzaak" OPENZAAK_ROOT=$root
OPENZAAK_DEMO_SECRET=$(cat "$root/.local/demo-secret")
OPENZAAK_ADMIN_KEY=$(cat "$root/.local/admin-key")
export OPENZAAK_DEMO_SECRET OPENZAAK_ADMIN_KEY
scenario=${1:-notificaties}
[[ $# -gt 0 ]] && shift
dotnet "$root/tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll" "$scenario" --json "bench-$scenario.json" "$@"
