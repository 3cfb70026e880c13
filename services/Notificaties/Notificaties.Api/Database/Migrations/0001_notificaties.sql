-- Notificaties API 1.0.1: kanalen and abonnementen, and the durable delivery pipeline
-- (ARCHITECTURE §7, §11.5): every received message is stored first, with one delivery row per matching
-- abonnement that carries its own retry schedule, so nothing is lost across restarts or outages.
CREATE TABLE kanaal (
    id                 bigserial PRIMARY KEY,
    uuid               uuid      NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    naam               text      NOT NULL UNIQUE,
    documentatie_link  text      NOT NULL DEFAULT '',
    filters            text[]    NOT NULL DEFAULT '{}'
);

-- The standard kanalen with the kenmerken the specs declare (specs README §5).
INSERT INTO kanaal (naam, filters) VALUES
    ('zaken',                 '{bronorganisatie,zaaktype,vertrouwelijkheidaanduiding}'),
    ('documenten',            '{bronorganisatie,informatieobjecttype,vertrouwelijkheidaanduiding}'),
    ('besluiten',             '{verantwoordelijkeOrganisatie,besluittype}'),
    ('zaaktypen',             '{catalogus}'),
    ('informatieobjecttypen', '{catalogus}'),
    ('besluittypen',          '{catalogus}'),
    ('autorisaties',          '{}');

CREATE TABLE abonnement (
    id            bigserial   PRIMARY KEY,
    uuid          uuid        NOT NULL UNIQUE,
    callback_url  text        NOT NULL,
    auth          text        NOT NULL,
    kanalen       jsonb       NOT NULL,  -- [{"naam": "zaken", "filters": {"bronorganisatie": "…"}}]
    aangemaakt    timestamptz NOT NULL DEFAULT now(),
    gewijzigd     timestamptz NOT NULL DEFAULT now()
);

-- A received notification, exactly as it was sent; message_id makes redelivery from the bus harmless.
CREATE TABLE notificatie (
    id            bigserial   PRIMARY KEY,
    message_id    uuid        NOT NULL UNIQUE,
    kanaal        text        NOT NULL,
    hoofd_object  text        NOT NULL,
    aanmaakdatum  timestamptz NOT NULL,
    payload       jsonb       NOT NULL,
    trace_parent  text,
    ontvangen     timestamptz NOT NULL DEFAULT now()
);

-- One delivery of one notification to one abonnement, with its own schedule.
-- status: pending → delivered | dead (after the last retry; an operator can replay it).
CREATE TABLE delivery (
    id               bigserial   PRIMARY KEY,
    notificatie_id   bigint      NOT NULL REFERENCES notificatie (id) ON DELETE CASCADE,
    abonnement_id    bigint      NOT NULL REFERENCES abonnement (id) ON DELETE CASCADE,
    hoofd_object     text        NOT NULL,
    aanmaakdatum     timestamptz NOT NULL,
    status           text        NOT NULL DEFAULT 'pending',
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    locked_until     timestamptz,
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    UNIQUE (notificatie_id, abonnement_id)
);

-- What is due, oldest first.
CREATE INDEX delivery_due ON delivery (next_attempt_at, id) WHERE status = 'pending';
-- Order per hoofdObject: a delivery waits for earlier pending ones of the same abonnement and hoofdObject.
CREATE INDEX delivery_order ON delivery (abonnement_id, hoofd_object, aanmaakdatum, id) WHERE status = 'pending';
CREATE INDEX delivery_dead ON delivery (id) WHERE status = 'dead';
CREATE INDEX delivery_delivered_at ON delivery (delivered_at) WHERE status = 'delivered';
