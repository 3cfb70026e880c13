-- The zaken list query of a client authorised for two zaaktypen (one up to zaakvertrouwelijk, one up to openbaar):
-- the count and page 3 (100 per page, default order), as ZaakRepository.ListAsync and ZaakGuard.AddAutorisatieFilter
-- build them. Run by run.sh after generate.sql.
SET search_path = zaken, public;
PREPARE cnt(text[], smallint[]) AS SELECT count(*) FROM zaak z WHERE z.zaaktype = ANY($1) AND EXISTS (SELECT 1 FROM unnest($1::text[], $2::smallint[]) AS g(zaaktype, rang) WHERE g.zaaktype = z.zaaktype AND z.vertrouwelijkheid_rang <= g.rang);
PREPARE page(text[], smallint[], int, int) AS
SELECT z.id, z.uuid, z.gegevens::text, ST_AsGeoJSON(z.zaakgeometrie),
  (SELECT h.uuid FROM zaak h WHERE h.id = z.hoofdzaak_id) AS hoofdzaak,
  ARRAY(SELECT d.uuid FROM zaak d WHERE d.hoofdzaak_id = z.id ORDER BY d.id) AS deelzaken,
  ARRAY(SELECT e.uuid FROM zaakeigenschap e WHERE e.zaak_id = z.id ORDER BY e.id) AS eigenschappen,
  ARRAY(SELECT r.uuid FROM rol r WHERE r.zaak_id = z.id ORDER BY r.id) AS rollen,
  (SELECT s.uuid FROM status s WHERE s.zaak_id = z.id ORDER BY s.datum_status_gezet DESC, s.id DESC LIMIT 1) AS status,
  ARRAY(SELECT i.uuid FROM zaakinformatieobject i WHERE i.zaak_id = z.id AND i.mirror = 'done' ORDER BY i.id) AS zio,
  ARRAY(SELECT o.uuid FROM zaakobject o WHERE o.zaak_id = z.id ORDER BY o.id) AS zaakobjecten,
  (SELECT res.uuid FROM resultaat res WHERE res.zaak_id = z.id) AS resultaat
FROM (SELECT z.* FROM zaak z WHERE z.zaaktype = ANY($1) AND EXISTS (SELECT 1 FROM unnest($1::text[], $2::smallint[]) AS g(zaaktype, rang) WHERE g.zaaktype = z.zaaktype AND z.vertrouwelijkheid_rang <= g.rang)
      ORDER BY z.id DESC LIMIT $3 OFFSET $4) z
ORDER BY z.id DESC;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE cnt(ARRAY['https://zgw.example.nl/catalogi/api/v1/zaaktypen/000000000001','https://zgw.example.nl/catalogi/api/v1/zaaktypen/000000000002'], ARRAY[3,0]::smallint[]);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE page(ARRAY['https://zgw.example.nl/catalogi/api/v1/zaaktypen/000000000001','https://zgw.example.nl/catalogi/api/v1/zaaktypen/000000000002'], ARRAY[3,0]::smallint[], 100, 200);
