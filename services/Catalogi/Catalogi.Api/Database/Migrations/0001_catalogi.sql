-- Catalogi API 1.3.3. Every type keeps as columns what its relations, filters and rules query (keys, the
-- version's geldigheid, concept, the by-name relations of the history model); its other attributes are the
-- validated request body without its URL references, as one jsonb document (gegevens). URL references between
-- types are foreign keys and are rendered as absolute URLs under the public base URL.

CREATE TABLE catalogus (
    id          bigserial   PRIMARY KEY,
    uuid        uuid        NOT NULL UNIQUE,
    domein      text        NOT NULL,
    rsin        text        NOT NULL,
    gegevens    jsonb       NOT NULL,
    aangemaakt  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT catalogus_domein_rsin UNIQUE (domein, rsin)
);

-- A zaaktype version. besluittypen (omschrijvingen), deelzaaktypen and gerelateerde_zaaktypen (identificaties)
-- are the version-independent relations of the history model (T8); responses render the URLs of the versions
-- valid on the reference date (T9).
CREATE TABLE zaaktype (
    id                      bigserial PRIMARY KEY,
    uuid                    uuid      NOT NULL UNIQUE,
    catalogus_id            bigint    NOT NULL REFERENCES catalogus (id),
    identificatie           text      NOT NULL,
    concept                 boolean   NOT NULL DEFAULT true,
    begin_geldigheid        date      NOT NULL,
    einde_geldigheid        date,
    trefwoorden             text[]    NOT NULL DEFAULT '{}',
    besluittypen            text[]    NOT NULL DEFAULT '{}',
    deelzaaktypen           text[]    NOT NULL DEFAULT '{}',
    gerelateerde_zaaktypen  text[]    NOT NULL DEFAULT '{}',
    gegevens                jsonb     NOT NULL
);
CREATE INDEX zaaktype_catalogus_identificatie ON zaaktype (catalogus_id, identificatie);

CREATE TABLE besluittype (
    id                     bigserial PRIMARY KEY,
    uuid                   uuid      NOT NULL UNIQUE,
    catalogus_id           bigint    NOT NULL REFERENCES catalogus (id),
    omschrijving           text      NOT NULL DEFAULT '',
    concept                boolean   NOT NULL DEFAULT true,
    begin_geldigheid       date      NOT NULL,
    einde_geldigheid       date,
    informatieobjecttypen  text[]    NOT NULL DEFAULT '{}',
    gegevens               jsonb     NOT NULL
);
CREATE INDEX besluittype_catalogus_omschrijving ON besluittype (catalogus_id, omschrijving);

CREATE TABLE informatieobjecttype (
    id                bigserial PRIMARY KEY,
    uuid              uuid      NOT NULL UNIQUE,
    catalogus_id      bigint    NOT NULL REFERENCES catalogus (id),
    omschrijving      text      NOT NULL,
    concept           boolean   NOT NULL DEFAULT true,
    begin_geldigheid  date      NOT NULL,
    einde_geldigheid  date,
    gegevens          jsonb     NOT NULL
);
CREATE INDEX informatieobjecttype_catalogus_omschrijving ON informatieobjecttype (catalogus_id, omschrijving);

-- The parts of a zaaktype version (versioned with it: their geldigheid is the zaaktype's); deleted with it (T14).
CREATE TABLE statustype (
    id           bigserial PRIMARY KEY,
    uuid         uuid      NOT NULL UNIQUE,
    zaaktype_id  bigint    NOT NULL REFERENCES zaaktype (id) ON DELETE CASCADE,
    volgnummer   integer   NOT NULL,
    gegevens     jsonb     NOT NULL,
    CONSTRAINT statustype_zaaktype_volgnummer UNIQUE (zaaktype_id, volgnummer)
);

CREATE TABLE roltype (
    id                     bigserial PRIMARY KEY,
    uuid                   uuid      NOT NULL UNIQUE,
    zaaktype_id            bigint    NOT NULL REFERENCES zaaktype (id) ON DELETE CASCADE,
    omschrijving_generiek  text      NOT NULL,
    gegevens               jsonb     NOT NULL
);
CREATE INDEX roltype_zaaktype ON roltype (zaaktype_id);

CREATE TABLE eigenschap (
    id             bigserial PRIMARY KEY,
    uuid           uuid      NOT NULL UNIQUE,
    zaaktype_id    bigint    NOT NULL REFERENCES zaaktype (id) ON DELETE CASCADE,
    statustype_id  bigint    REFERENCES statustype (id) ON DELETE SET NULL,
    naam           text      NOT NULL,
    gegevens       jsonb     NOT NULL,
    CONSTRAINT eigenschap_zaaktype_naam UNIQUE (zaaktype_id, naam)
);
CREATE INDEX eigenschap_statustype ON eigenschap (statustype_id);

-- besluittypen and informatieobjecttypen are omschrijvingen (history model, T8).
CREATE TABLE resultaattype (
    id                     bigserial PRIMARY KEY,
    uuid                   uuid      NOT NULL UNIQUE,
    zaaktype_id            bigint    NOT NULL REFERENCES zaaktype (id) ON DELETE CASCADE,
    omschrijving           text      NOT NULL,
    besluittypen           text[]    NOT NULL DEFAULT '{}',
    informatieobjecttypen  text[]    NOT NULL DEFAULT '{}',
    gegevens               jsonb     NOT NULL,
    CONSTRAINT resultaattype_zaaktype_omschrijving UNIQUE (zaaktype_id, omschrijving)
);

-- informatieobjecttype is the omschrijving of the informatieobjecttype (history model, T8), not a reference.
CREATE TABLE zaaktype_informatieobjecttype (
    id                    bigserial PRIMARY KEY,
    uuid                  uuid      NOT NULL UNIQUE,
    zaaktype_id           bigint    NOT NULL REFERENCES zaaktype (id) ON DELETE CASCADE,
    informatieobjecttype  text      NOT NULL,
    volgnummer            integer   NOT NULL,
    richting              text      NOT NULL,
    statustype_id         bigint    REFERENCES statustype (id) ON DELETE SET NULL,
    gegevens              jsonb     NOT NULL,
    CONSTRAINT ziot_zaaktype_volgnummer UNIQUE (zaaktype_id, volgnummer)
);

CREATE TABLE zaakobjecttype (
    id                    bigserial PRIMARY KEY,
    uuid                  uuid      NOT NULL UNIQUE,
    zaaktype_id           bigint    NOT NULL REFERENCES zaaktype (id) ON DELETE CASCADE,
    ander_objecttype      boolean   NOT NULL,
    objecttype            text      NOT NULL,
    relatie_omschrijving  text      NOT NULL,
    gegevens              jsonb     NOT NULL
);
CREATE INDEX zaakobjecttype_zaaktype ON zaakobjecttype (zaaktype_id);
