-- Documenten API 1.5.0. Every table of the component; the shared outbox and audittrail tables come from Zgw.Data.
-- Columns are what filters, ordering, rules and authorisation query; the other attributes of a resource are the
-- validated request body as one jsonb document (gegevens). References to our own documents are foreign keys;
-- references to other components are URLs. Document content lives in the content store (Storage/IInhoudStore);
-- the tables hold its key.

-- Numbers of generated identificaties (DOCUMENT-<year>-<10 digits>, as Open Zaak): a sequence hands out numbers without
-- locking a row for the length of a transaction, so concurrent creates never wait on each other or get the same number.
CREATE SEQUENCE document_identificatie_nummer;

-- The document: its current state, i.e. the columns of its latest version that lists filter and authorise on (D6: lists
-- show the latest version only), plus what belongs to the document rather than to a version (lock, gebruiksrecht).
-- lock: the id handed out by POST …/lock (or by a create that opens a bestandsdelen upload, D10); NULL = not locked.
CREATE TABLE enkelvoudiginformatieobject (
    id                           bigserial   PRIMARY KEY,
    uuid                         uuid        NOT NULL UNIQUE,
    identificatie                text        NOT NULL,
    bronorganisatie              text        NOT NULL,
    informatieobjecttype         text        NOT NULL,
    vertrouwelijkheidaanduiding  text        NOT NULL,
    -- position of vertrouwelijkheidaanduiding in openbaar..zeer_geheim (0..7), for the autorisatie filter
    vertrouwelijkheid_rang       smallint    NOT NULL,
    status                       text        NOT NULL DEFAULT '',
    trefwoorden                  text[]      NOT NULL DEFAULT '{}',
    -- D4: null (unknown), false (no conditions) or true (set by creating gebruiksrechten)
    indicatie_gebruiksrecht      boolean,
    versie                       integer     NOT NULL,
    lock                         text,
    aangemaakt                   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT enkelvoudiginformatieobject_identificatie_uniek UNIQUE (bronorganisatie, identificatie)
);

-- The autorisatie filter joins the caller's (informatieobjecttype, max vertrouwelijkheid) pairs on these columns and
-- walks documents newest first (the default order).
CREATE INDEX enkelvoudiginformatieobject_autorisatie ON enkelvoudiginformatieobject (informatieobjecttype, vertrouwelijkheid_rang, id DESC);
CREATE INDEX enkelvoudiginformatieobject_identificatie ON enkelvoudiginformatieobject (identificatie);
-- bronorganisatie alone uses the leading column of enkelvoudiginformatieobject_identificatie_uniek.
CREATE INDEX enkelvoudiginformatieobject_trefwoorden ON enkelvoudiginformatieobject USING gin (trefwoorden);

-- One row per version (D6): versie 1 on create, +1 on every PUT/PATCH (and on the unlock that completes an upload).
-- gegevens holds every attribute of that version as the API renders it (identificatie, titel, informatieobjecttype ...);
-- inhoud is the content store key (NULL: no content), bestandsomvang its size in bytes.
CREATE TABLE enkelvoudiginformatieobject_versie (
    id                   bigserial   PRIMARY KEY,
    document_id          bigint      NOT NULL REFERENCES enkelvoudiginformatieobject (id) ON DELETE CASCADE,
    versie               integer     NOT NULL,
    begin_registratie    timestamptz NOT NULL,
    gegevens             jsonb       NOT NULL,
    inhoud               text,
    bestandsomvang       bigint,
    inhoud_is_vervallen  boolean,
    CONSTRAINT enkelvoudiginformatieobject_versie_uniek UNIQUE (document_id, versie)
);
-- ?registratieOp= : the latest version registered at or before a moment.
CREATE INDEX enkelvoudiginformatieobject_versie_registratie ON enkelvoudiginformatieobject_versie (document_id, begin_registratie DESC);

-- The parts of a large upload (D10), for the version the upload will become. inhoud: store key of the received part.
CREATE TABLE bestandsdeel (
    id           bigserial   PRIMARY KEY,
    uuid         uuid        NOT NULL UNIQUE,
    document_id  bigint      NOT NULL REFERENCES enkelvoudiginformatieobject (id) ON DELETE CASCADE,
    versie       integer     NOT NULL,
    volgnummer   integer     NOT NULL,
    omvang       bigint      NOT NULL,
    voltooid     boolean     NOT NULL DEFAULT false,
    inhoud       text,
    aangemaakt   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bestandsdeel_volgnummer_uniek UNIQUE (document_id, versie, volgnummer)
);

-- D4. startdatum/einddatum are date-times (OAS Gebruiksrechten).
CREATE TABLE gebruiksrechten (
    id                        bigserial   PRIMARY KEY,
    uuid                      uuid        NOT NULL UNIQUE,
    document_id               bigint      NOT NULL REFERENCES enkelvoudiginformatieobject (id) ON DELETE CASCADE,
    startdatum                timestamptz NOT NULL,
    einddatum                 timestamptz,
    omschrijving_voorwaarden  text        NOT NULL
);
CREATE INDEX gebruiksrechten_document ON gebruiksrechten (document_id);
CREATE INDEX gebruiksrechten_startdatum ON gebruiksrechten (startdatum);
CREATE INDEX gebruiksrechten_einddatum ON gebruiksrechten (einddatum);

-- D2: the mirror of a zaakinformatieobject / besluitinformatieobject. drc-008: a document with relations cannot be
-- destroyed (the endpoint answers 400 pending-relations; the RESTRICT keeps a concurrent create from being orphaned).
CREATE TABLE objectinformatieobject (
    id           bigserial   PRIMARY KEY,
    uuid         uuid        NOT NULL UNIQUE,
    document_id  bigint      NOT NULL REFERENCES enkelvoudiginformatieobject (id) ON DELETE RESTRICT,
    object       text        NOT NULL,
    object_type  text        NOT NULL,
    aangemaakt   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT objectinformatieobject_uniek UNIQUE (object, document_id)
);
CREATE INDEX objectinformatieobject_document ON objectinformatieobject (document_id);

-- D11. gegevens: toelichting, ontvangstdatum, verzenddatum, contactPersoon, contactpersoonnaam and the one address kind
-- (binnenlandsCorrespondentieadres | buitenlandsCorrespondentieadres | correspondentiePostadres as nested objects,
-- faxnummer | emailadres | mijnOverheid | telefoonnummer).
CREATE TABLE verzending (
    id            bigserial   PRIMARY KEY,
    uuid          uuid        NOT NULL UNIQUE,
    document_id   bigint      NOT NULL REFERENCES enkelvoudiginformatieobject (id) ON DELETE CASCADE,
    betrokkene    text        NOT NULL,
    aard_relatie  text        NOT NULL,
    gegevens      jsonb       NOT NULL,
    aangemaakt    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verzending_document ON verzending (document_id);
CREATE INDEX verzending_betrokkene ON verzending (betrokkene);
CREATE INDEX verzending_aard_relatie ON verzending (aard_relatie);
