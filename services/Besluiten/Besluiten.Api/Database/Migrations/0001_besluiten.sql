-- Besluiten API 1.1.0. Every table of the component; the shared outbox and audittrail tables come from Zgw.Data.
-- Columns are what filters, ordering, rules and authorisation query; the other attributes of a besluit are the
-- validated request body as one jsonb document (gegevens). References to other components are URLs.

-- Numbers of generated identificaties (BESLUIT-<year of datum>-<10 digits>, as Open Zaak): a sequence hands out numbers
-- without locking a row for the length of a transaction, so concurrent creates never wait on each other or collide.
CREATE SEQUENCE besluit_identificatie_nummer;

-- mirror: the state of the zaakbesluit in the Zaken API (brc-006, ARCHITECTURE §11.4) of a besluit with a zaak:
-- 'pending' while it is being created (row committed so the Zaken API can read the besluit, sibling not yet
-- answered), 'done', or 'removing' while the besluit is being destroyed (its objectinformatieobjecten and zaakbesluit
-- are removed first). A besluit without zaak is 'done' at once. zaakbesluit is the URL of the mirror once known.
-- Lists, updates and deletes see 'done' rows only; the detail GET also shows a 'pending' one (the Zaken API reads it
-- while it validates the zaakbesluit). mirror_actor: who asked for the write being finished (the reconciler audits
-- in their name). gegevens: toelichting, bestuursorgaan, vervalreden, publicatiedatum, verzenddatum,
-- uiterlijkeReactiedatum.
CREATE TABLE besluit (
    id                            bigserial   PRIMARY KEY,
    uuid                          uuid        NOT NULL UNIQUE,
    identificatie                 text        NOT NULL,
    verantwoordelijke_organisatie text        NOT NULL,
    besluittype                   text        NOT NULL,
    zaak                          text,
    datum                         date        NOT NULL,
    ingangsdatum                  date        NOT NULL,
    vervaldatum                   date,
    gegevens                      jsonb       NOT NULL,
    aangemaakt                    timestamptz NOT NULL DEFAULT now(),
    mirror                        text        NOT NULL DEFAULT 'done',
    zaakbesluit                   text,
    mirror_since                  timestamptz NOT NULL DEFAULT now(),
    mirror_actor                  jsonb,
    CONSTRAINT besluit_identificatie_uniek UNIQUE (verantwoordelijke_organisatie, identificatie)
);

-- The autorisatie filter (brc autorisaties name besluittypen, no vertrouwelijkheid) narrows on besluittype and walks
-- besluiten newest first (the default order); the besluittype filter uses the same index.
CREATE INDEX besluit_autorisatie ON besluit (besluittype, id DESC);
CREATE INDEX besluit_identificatie ON besluit (identificatie);
-- verantwoordelijkeOrganisatie alone uses the leading column of besluit_identificatie_uniek.
CREATE INDEX besluit_zaak ON besluit (zaak) WHERE zaak IS NOT NULL;
CREATE INDEX besluit_mirror ON besluit (mirror_since) WHERE mirror <> 'done';

-- B4/B5: a document that records (part of) the besluit. aard_relatie is always 'legt_vast' (brc-004) and
-- registratiedatum now; neither is in the 1.1.0 representation. mirror / oio / mirror_since / mirror_actor: the state
-- of the objectinformatieobject in the Documenten API (brc-005), as zaakinformatieobject in the Zaken service:
-- 'pending' (committed so the Documenten API's source check finds it, sibling not yet answered), 'done' or 'removing'.
CREATE TABLE besluitinformatieobject (
    id                bigserial   PRIMARY KEY,
    uuid              uuid        NOT NULL UNIQUE,
    besluit_id        bigint      NOT NULL REFERENCES besluit (id) ON DELETE CASCADE,
    informatieobject  text        NOT NULL,
    aard_relatie      text        NOT NULL DEFAULT 'legt_vast',
    registratiedatum  timestamptz NOT NULL DEFAULT now(),
    mirror            text        NOT NULL DEFAULT 'pending',
    oio               text,
    mirror_since      timestamptz NOT NULL DEFAULT now(),
    mirror_actor      jsonb,
    CONSTRAINT besluitinformatieobject_uniek UNIQUE (besluit_id, informatieobject)
);
CREATE INDEX besluitinformatieobject_informatieobject ON besluitinformatieobject (informatieobject);
CREATE INDEX besluitinformatieobject_mirror ON besluitinformatieobject (mirror_since) WHERE mirror <> 'done';
