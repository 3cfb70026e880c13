-- Who asked for the write a zaakinformatieobject's mirror is finishing (zrc-005, ARCHITECTURE §11.4): client id,
-- applicatie label, user and X-Audit-Toelichting. The reconciler writes the audit record of a create or delete it
-- finishes after a crash in their name.
ALTER TABLE zaakinformatieobject ADD COLUMN mirror_actor jsonb;

-- status.zaakinformatieobjecten (expand) and the status check look ZIOs up by their status URL.
CREATE INDEX zaakinformatieobject_status ON zaakinformatieobject ((gegevens ->> 'status')) WHERE gegevens ->> 'status' IS NOT NULL;
