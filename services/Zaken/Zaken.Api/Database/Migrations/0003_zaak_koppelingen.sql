-- Uniqueness the reference implementation enforces for the resources of 0001 that have no constraint yet:
-- a klantcontact's identificatie is unique (Open Zaak KlantContact.identificatie unique=True), and a zaak links a
-- contactmoment or a verzoek at most once (unique_together zaak + contactmoment / verzoek). The endpoints check
-- first and answer 400 `unique`; these indexes make concurrent creates give the same answer.
CREATE UNIQUE INDEX klantcontact_identificatie_uniek ON klantcontact (identificatie);
CREATE UNIQUE INDEX zaakcontactmoment_uniek ON zaakcontactmoment (zaak_id, contactmoment);
CREATE UNIQUE INDEX zaakverzoek_uniek ON zaakverzoek (zaak_id, verzoek);
