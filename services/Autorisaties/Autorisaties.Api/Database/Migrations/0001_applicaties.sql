-- Applicaties (Autorisaties API 1.0.0). The autorisaties of an applicatie are always read and replaced
-- as a whole (PATCH with autorisaties replaces the set, A4), so they are one jsonb array.
CREATE TABLE applicatie (
    id                       bigserial   PRIMARY KEY,
    uuid                     uuid        NOT NULL UNIQUE,
    label                    text        NOT NULL,
    heeft_alle_autorisaties  boolean     NOT NULL DEFAULT false,
    client_ids               text[]      NOT NULL,
    autorisaties             jsonb       NOT NULL DEFAULT '[]',
    aangemaakt               timestamptz NOT NULL DEFAULT now(),
    gewijzigd                timestamptz NOT NULL DEFAULT now()
);

-- ac-001: a client id belongs to at most one applicatie. The primary key enforces it under concurrency.
CREATE TABLE applicatie_client (
    client_id      text   PRIMARY KEY,
    applicatie_id  bigint NOT NULL REFERENCES applicatie (id) ON DELETE CASCADE
);
CREATE INDEX applicatie_client_applicatie ON applicatie_client (applicatie_id);

-- HS256 secrets of client ids (non-standard admin API), encrypted at rest with AES-GCM.
CREATE TABLE credential (
    client_id   text        PRIMARY KEY,
    secret      bytea       NOT NULL,
    key_id      text        NOT NULL,
    aangemaakt  timestamptz NOT NULL DEFAULT now(),
    gewijzigd   timestamptz NOT NULL DEFAULT now()
);
