-- The index of the autorisatie filter also carries the columns lists filter on most (dates, archive fields,
-- bronorganisatie), so counting a filtered list of allowed zaaktypen is an index-only scan instead of a visit to every
-- matching row: at 1M zaken a _zoek over three zaaktypen with startdatum__gte and archiefstatus went from 790 ms to
-- 22–39 ms. Costs about half the table's size in index.
DROP INDEX zaak_autorisatie;
CREATE INDEX zaak_autorisatie ON zaak (zaaktype, vertrouwelijkheid_rang, id DESC)
    INCLUDE (bronorganisatie, startdatum, einddatum, registratiedatum, einddatum_gepland, uiterlijke_einddatum_afdoening,
             archiefstatus, archiefnominatie, archiefactiedatum);
