-- Audit trail of a hoofdobject (zaak, enkelvoudiginformatieobject, besluit) and its related objects
-- (ZGW G8). Record shape: specs README "Audittrail". Deleted with its hoofdobject (hard delete).
CREATE TABLE audittrail (
    uuid                 uuid        PRIMARY KEY,
    bron                 text        NOT NULL,
    applicatie_id        text        NOT NULL DEFAULT '',
    applicatie_weergave  text        NOT NULL DEFAULT '',
    gebruikers_id        text        NOT NULL DEFAULT '',
    gebruikers_weergave  text        NOT NULL DEFAULT '',
    actie                text        NOT NULL,
    actie_weergave       text        NOT NULL DEFAULT '',
    resultaat            integer     NOT NULL,
    hoofd_object         text        NOT NULL,
    resource             text        NOT NULL,
    resource_url         text        NOT NULL,
    toelichting          text        NOT NULL DEFAULT '',
    resource_weergave    text        NOT NULL DEFAULT '',
    aanmaakdatum         timestamptz NOT NULL DEFAULT now(),
    oud                  jsonb,
    nieuw                jsonb
);

CREATE INDEX audittrail_hoofd_object ON audittrail (hoofd_object, aanmaakdatum);
