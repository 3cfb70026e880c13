-- Zaken API 1.5.1. Each resource keeps as columns what filters, ordering, rules and authorisation query
-- (keys, dates, types, vertrouwelijkheid); its other attributes are the validated request body as one jsonb
-- document (gegevens). References to our own zaken are foreign keys; references to other components are URLs.

-- PostGIS is created by the installer (ARCHITECTURE §11.9: CREATE EXTENSION needs a superuser).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
        RAISE EXCEPTION 'The Zaken API needs the PostGIS extension in this database: run CREATE EXTENSION postgis as a superuser first.';
    END IF;
END $$;

-- Numbers of generated identificaties (zrc-002): a sequence hands out numbers without locking a row for the
-- length of a transaction, so concurrent creates never wait on each other and never get the same number.
CREATE SEQUENCE zaak_identificatie_nummer;

CREATE TABLE zaak (
    id                              bigserial   PRIMARY KEY,
    uuid                            uuid        NOT NULL UNIQUE,
    identificatie                   text        NOT NULL,
    bronorganisatie                 text        NOT NULL,
    zaaktype                        text        NOT NULL,
    vertrouwelijkheidaanduiding     text        NOT NULL,
    -- position of vertrouwelijkheidaanduiding in openbaar..zeer_geheim (0..7), for the autorisatie filter
    vertrouwelijkheid_rang          smallint    NOT NULL,
    registratiedatum                date        NOT NULL,
    startdatum                      date        NOT NULL,
    einddatum                       date,
    einddatum_gepland               date,
    uiterlijke_einddatum_afdoening  date,
    publicatiedatum                 date,
    archiefnominatie                text,
    archiefactiedatum               date,
    archiefstatus                   text        NOT NULL DEFAULT 'nog_te_archiveren',
    startdatum_bewaartermijn        date,
    hoofdzaak_id                    bigint      REFERENCES zaak (id) ON DELETE CASCADE,
    zaakgeometrie                   geometry(Geometry, 4326),
    gegevens                        jsonb       NOT NULL,
    aangemaakt                      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT zaak_identificatie_uniek UNIQUE (bronorganisatie, identificatie)
);

-- The autorisatie filter joins the caller's (zaaktype, max vertrouwelijkheid) pairs on these columns and
-- walks zaken newest first (the default order).
CREATE INDEX zaak_autorisatie ON zaak (zaaktype, vertrouwelijkheid_rang, id DESC);
CREATE INDEX zaak_identificatie ON zaak (identificatie);
CREATE INDEX zaak_startdatum ON zaak (startdatum);
CREATE INDEX zaak_registratiedatum ON zaak (registratiedatum);
CREATE INDEX zaak_einddatum ON zaak (einddatum);
CREATE INDEX zaak_einddatum_gepland ON zaak (einddatum_gepland);
CREATE INDEX zaak_uiterlijke_einddatum_afdoening ON zaak (uiterlijke_einddatum_afdoening);
CREATE INDEX zaak_publicatiedatum ON zaak (publicatiedatum);
CREATE INDEX zaak_archiefactiedatum ON zaak (archiefactiedatum);
CREATE INDEX zaak_archief ON zaak (archiefnominatie, archiefstatus);
CREATE INDEX zaak_hoofdzaak ON zaak (hoofdzaak_id) WHERE hoofdzaak_id IS NOT NULL;
CREATE INDEX zaak_zaakgeometrie ON zaak USING gist (zaakgeometrie);

CREATE TABLE status (
    id                  bigserial   PRIMARY KEY,
    uuid                uuid        NOT NULL UNIQUE,
    zaak_id             bigint      NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    statustype          text        NOT NULL,
    datum_status_gezet  timestamptz NOT NULL,
    gegevens            jsonb       NOT NULL,
    CONSTRAINT status_zaak_datum UNIQUE (zaak_id, datum_status_gezet)
);
CREATE INDEX status_statustype ON status (statustype);

CREATE TABLE resultaat (
    id             bigserial PRIMARY KEY,
    uuid           uuid      NOT NULL UNIQUE,
    zaak_id        bigint    NOT NULL UNIQUE REFERENCES zaak (id) ON DELETE CASCADE,
    resultaattype  text      NOT NULL,
    gegevens       jsonb     NOT NULL
);
CREATE INDEX resultaat_resultaattype ON resultaat (resultaattype);

-- betrokkene_identificatie is the shape given by betrokkene_type (natuurlijk_persoon, vestiging ...).
CREATE TABLE rol (
    id                        bigserial   PRIMARY KEY,
    uuid                      uuid        NOT NULL UNIQUE,
    zaak_id                   bigint      NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    betrokkene                text        NOT NULL DEFAULT '',
    betrokkene_type           text        NOT NULL,
    roltype                   text        NOT NULL,
    omschrijving              text        NOT NULL,
    omschrijving_generiek     text        NOT NULL,
    registratiedatum          timestamptz NOT NULL DEFAULT now(),
    betrokkene_identificatie  jsonb,
    gegevens                  jsonb       NOT NULL
);
CREATE INDEX rol_zaak ON rol (zaak_id);
CREATE INDEX rol_betrokkene ON rol (betrokkene) WHERE betrokkene <> '';
CREATE INDEX rol_roltype ON rol (roltype);
CREATE INDEX rol_omschrijving_generiek ON rol (omschrijving_generiek, betrokkene_type);
CREATE INDEX rol_inp_bsn ON rol ((betrokkene_identificatie ->> 'inpBsn')) WHERE betrokkene_type = 'natuurlijk_persoon';
CREATE INDEX rol_anp_identificatie ON rol ((betrokkene_identificatie ->> 'anpIdentificatie')) WHERE betrokkene_type = 'natuurlijk_persoon';
CREATE INDEX rol_inp_a_nummer ON rol ((betrokkene_identificatie ->> 'inpA_nummer')) WHERE betrokkene_type = 'natuurlijk_persoon';
CREATE INDEX rol_inn_nnp_id ON rol ((betrokkene_identificatie ->> 'innNnpId')) WHERE betrokkene_type = 'niet_natuurlijk_persoon';
CREATE INDEX rol_ann_identificatie ON rol ((betrokkene_identificatie ->> 'annIdentificatie')) WHERE betrokkene_type = 'niet_natuurlijk_persoon';
CREATE INDEX rol_vestigings_nummer ON rol ((betrokkene_identificatie ->> 'vestigingsNummer')) WHERE betrokkene_type = 'vestiging';
CREATE INDEX rol_oeh_identificatie ON rol ((betrokkene_identificatie ->> 'identificatie')) WHERE betrokkene_type IN ('organisatorische_eenheid', 'medewerker');

CREATE TABLE zaakobject (
    id               bigserial PRIMARY KEY,
    uuid             uuid      NOT NULL UNIQUE,
    zaak_id          bigint    NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    object           text      NOT NULL DEFAULT '',
    object_type      text      NOT NULL,
    zaakobjecttype   text      NOT NULL DEFAULT '',
    gegevens         jsonb     NOT NULL
);
CREATE INDEX zaakobject_zaak ON zaakobject (zaak_id);
CREATE INDEX zaakobject_object ON zaakobject (object) WHERE object <> '';
CREATE INDEX zaakobject_object_type ON zaakobject (object_type);

-- mirror: the state of the objectinformatieobject in the Documenten API (zrc-005, ARCHITECTURE §11.4):
-- 'pending' while it is being created (row committed, sibling not yet called), 'done', or 'removing'
-- while it is being deleted. oio is the URL of the mirror once known. Only 'done' rows are visible.
CREATE TABLE zaakinformatieobject (
    id                bigserial   PRIMARY KEY,
    uuid              uuid        NOT NULL UNIQUE,
    zaak_id           bigint      NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    informatieobject  text        NOT NULL,
    registratiedatum  timestamptz NOT NULL DEFAULT now(),
    gegevens          jsonb       NOT NULL,
    mirror            text        NOT NULL DEFAULT 'pending',
    oio               text,
    mirror_since      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT zaakinformatieobject_uniek UNIQUE (zaak_id, informatieobject)
);
CREATE INDEX zaakinformatieobject_informatieobject ON zaakinformatieobject (informatieobject);
CREATE INDEX zaakinformatieobject_mirror ON zaakinformatieobject (mirror_since) WHERE mirror <> 'done';

CREATE TABLE zaakeigenschap (
    id          bigserial PRIMARY KEY,
    uuid        uuid      NOT NULL UNIQUE,
    zaak_id     bigint    NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    eigenschap  text      NOT NULL,
    naam        text      NOT NULL,
    waarde      text      NOT NULL
);
CREATE INDEX zaakeigenschap_zaak ON zaakeigenschap (zaak_id);

CREATE TABLE klantcontact (
    id             bigserial   PRIMARY KEY,
    uuid           uuid        NOT NULL UNIQUE,
    zaak_id        bigint      NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    identificatie  text        NOT NULL,
    datumtijd      timestamptz NOT NULL,
    gegevens       jsonb       NOT NULL
);
CREATE INDEX klantcontact_zaak ON klantcontact (zaak_id);

CREATE TABLE zaakcontactmoment (
    id             bigserial PRIMARY KEY,
    uuid           uuid      NOT NULL UNIQUE,
    zaak_id        bigint    NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    contactmoment  text      NOT NULL
);
CREATE INDEX zaakcontactmoment_zaak ON zaakcontactmoment (zaak_id);
CREATE INDEX zaakcontactmoment_contactmoment ON zaakcontactmoment (contactmoment);

CREATE TABLE zaakverzoek (
    id        bigserial PRIMARY KEY,
    uuid      uuid      NOT NULL UNIQUE,
    zaak_id   bigint    NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    verzoek   text      NOT NULL
);
CREATE INDEX zaakverzoek_zaak ON zaakverzoek (zaak_id);
CREATE INDEX zaakverzoek_verzoek ON zaakverzoek (verzoek);

CREATE TABLE zaakbesluit (
    id       bigserial PRIMARY KEY,
    uuid     uuid      NOT NULL UNIQUE,
    zaak_id  bigint    NOT NULL REFERENCES zaak (id) ON DELETE CASCADE,
    besluit  text      NOT NULL,
    CONSTRAINT zaakbesluit_uniek UNIQUE (zaak_id, besluit)
);
