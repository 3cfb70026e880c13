-- The trace of the request that wrote an outbox row, so the relay, the bus and the deliveries of a
-- notification continue that trace (W3C traceparent).
ALTER TABLE outbox ADD COLUMN trace_parent text;
