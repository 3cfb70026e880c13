-- 1,000,000 zaken over 50 zaaktypen and the eight vertrouwelijkheidaanduidingen, each with a rol and a status,
-- for EXPLAIN ANALYZE of the zaken list (run.sh).
SET search_path = zaken, public;
INSERT INTO zaak (uuid, identificatie, bronorganisatie, zaaktype, vertrouwelijkheidaanduiding, vertrouwelijkheid_rang, registratiedatum, startdatum,
                  einddatum, archiefstatus, zaakgeometrie, gegevens)
SELECT gen_random_uuid(), 'ZAAK-2024-' || lpad(i::text, 10, '0'), '517439943',
       'https://zgw.example.nl/catalogi/api/v1/zaaktypen/' || lpad((i % 50)::text, 12, '0'),
       (ARRAY['openbaar','beperkt_openbaar','intern','zaakvertrouwelijk','vertrouwelijk','confidentieel','geheim','zeer_geheim'])[1 + (i * 7 % 8)],
       (i * 7 % 8), date '2020-01-01' + (i % 1500), date '2020-01-01' + (i % 1500),
       CASE WHEN i % 3 = 0 THEN date '2020-02-01' + (i % 1500) END, 'nog_te_archiveren',
       ST_SetSRID(ST_MakePoint(4 + (i % 300) / 100.0, 51 + (i % 200) / 100.0), 4326),
       jsonb_build_object('omschrijving', 'Zaak ' || i, 'verantwoordelijkeOrganisatie', '517439943')
FROM generate_series(1, 1000000) AS i;
INSERT INTO rol (uuid, zaak_id, betrokkene_type, roltype, omschrijving, omschrijving_generiek, betrokkene_identificatie, gegevens)
SELECT gen_random_uuid(), id, 'natuurlijk_persoon', 'https://zgw.example.nl/catalogi/api/v1/roltypen/1', 'Melder', 'initiator',
       jsonb_build_object('inpBsn', lpad((id % 200000)::text, 9, '0')), '{}'
FROM zaak;
INSERT INTO status (uuid, zaak_id, statustype, datum_status_gezet, gegevens)
SELECT gen_random_uuid(), id, 'https://zgw.example.nl/catalogi/api/v1/statustypen/1', registratiedatum::timestamptz, '{}' FROM zaak;
ANALYZE;
