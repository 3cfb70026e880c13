-- The transactional outbox (ARCHITECTURE §6): a row is written in the same transaction as the change it
-- announces; the relay publishes it and sets published_at. seq keeps the order of commits per service.
CREATE TABLE outbox (
    seq           bigserial   PRIMARY KEY,
    id            uuid        NOT NULL UNIQUE,
    message_type  text        NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text
);

-- The relay only ever looks at unpublished rows.
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
-- Retention purges published rows by age.
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
