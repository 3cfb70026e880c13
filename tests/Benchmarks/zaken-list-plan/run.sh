#!/usr/bin/env bash
# run.sh — EXPLAIN ANALYZE of the Zaken list query at 1M zaken (issue 6), on a throwaway PostgreSQL.
#
#   tests/Benchmarks/zaken-list-plan/run.sh
#
# Starts PostgreSQL/RabbitMQ with deploy/local/infra.sh in .local/plan-infra (ports 47532/47772), creates database
# zaken1m with PostGIS, applies the Zaken migrations with the service's `migrate` verb, loads generate.sql (about
# 3 minutes on 2 cores), VACUUM ANALYZE, and prints the plans of explain.sql (run twice: the second run is warm).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../../.." && pwd -P)
infra=$root/deploy/local/infra.sh
dir=$root/.local/plan-infra
eval "$(bash "$infra" start "$dir" 47532 47772 47773 47774)"
trap 'bash "$infra" stop "$dir" >/dev/null 2>&1 || true' EXIT
psql() { bash "$infra" psql "$dir" "$@"; }
psql -d postgres -qc 'DROP DATABASE IF EXISTS zaken1m' -c 'CREATE DATABASE zaken1m'
psql -d zaken1m -qc 'CREATE EXTENSION postgis'
ConnectionStrings__Database="$OPENZAAK_PG;Database=zaken1m" ConnectionStrings__RabbitMq="$OPENZAAK_AMQP" \
  dotnet run --project "$root/services/Zaken/Zaken.Api" -c Release -- migrate >/dev/null
echo "run.sh: loading 1,000,000 zaken" >&2
psql -d zaken1m -q -f "$here/generate.sql"
psql -d zaken1m -qc 'VACUUM ANALYZE zaken.zaak'
for _ in 1 2; do
  PGOPTIONS='-c max_parallel_workers_per_gather=0' psql -d zaken1m -f "$here/explain.sql"
done
