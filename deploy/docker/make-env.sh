#!/usr/bin/env bash
# make-env.sh — print a .env file for deploy/docker/compose.yaml with new random secrets:
#
#   deploy/docker/make-env.sh > deploy/docker/.env && chmod 600 deploy/docker/.env
#
# Keep the file (it is git-ignored): the database and broker passwords are set when their volumes are first made,
# OPENZAAK_CREDENTIAL_KEY encrypts the client secrets stored by Autorisaties (lose it and every client must be
# registered again), and each service identity's secret must be the same in every container.
# Values are hex or base64 without characters that need quoting in a connection string or an AMQP URL.
set -euo pipefail

hex() { od -An -N "$1" -tx1 /dev/urandom | tr -d ' \n'; }

cat <<ENV
# OpenZaak (C#) — secrets of this Docker Compose installation, made by deploy/docker/make-env.sh on $(date -u +%Y-%m-%d).
POSTGRES_PASSWORD=$(hex 24)
RABBITMQ_PASSWORD=$(hex 24)
# Key of the admin APIs (Autorisaties credentials, Notificaties dead letters), header X-Admin-Key.
OPENZAAK_ADMIN_KEY=$(hex 32)
# 32 bytes, base64: encrypts client secrets at rest (Autorisaties:CredentialKey).
OPENZAAK_CREDENTIAL_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
# The service identities' secrets (Zgw:Clients, Zgw:ServiceIdentity).
OPENZAAK_SECRET_GATEWAY=$(hex 32)
OPENZAAK_SECRET_ZAKEN=$(hex 32)
OPENZAAK_SECRET_CATALOGI=$(hex 32)
OPENZAAK_SECRET_DOCUMENTEN=$(hex 32)
OPENZAAK_SECRET_BESLUITEN=$(hex 32)
OPENZAAK_SECRET_AUTORISATIES=$(hex 32)
OPENZAAK_SECRET_NOTIFICATIES=$(hex 32)
# Optional (defaults shown):
# OPENZAAK_PUBLIC_URL=http://localhost:8000     the public root every URL is built from (Zgw:PublicBaseUrl)
# OPENZAAK_GATEWAY_PORT=8000                    the host port of the gateway
# OPENZAAK_EXPOSE_ADMIN_API=true                route /autorisaties/admin/** through the gateway
# OTEL_EXPORTER_OTLP_ENDPOINT=                  OTLP endpoint for traces, metrics and logs
ENV
