-- 0005: what the sync engine needs.
-- The outbox gains 'discarded' (a supervisor chose not to send a rejected row: kept, audited, never
-- retried), the coded reason of the last failure, when it was delivered and what the platform created.
-- SQLite cannot change a CHECK in place: the table is rebuilt (https://sqlite.org/lang_altertable.html#otheralter);
-- nothing references it, so no foreign key is at stake.
CREATE TABLE outbox_new (
  id INTEGER PRIMARY KEY,
  destination TEXT NOT NULL,
  aggregate_type TEXT NOT NULL,
  aggregate_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  idempotency_key TEXT NOT NULL UNIQUE,
  station_id TEXT NOT NULL,
  operator_id TEXT,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in-flight', 'done', 'rejected', 'discarded')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  last_error TEXT,
  last_error_code TEXT,
  done_at TEXT,
  remote_ref TEXT
) STRICT;
INSERT INTO outbox_new (id, destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, operator_id, created_at, status, attempts, next_attempt_at, last_error)
  SELECT id, destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, operator_id, created_at, status, attempts, next_attempt_at, last_error FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_drain ON outbox(destination, status, next_attempt_at, id);
-- "Is an earlier operation on this order still undelivered?" is asked for every candidate row.
CREATE INDEX outbox_aggregate ON outbox(destination, aggregate_type, aggregate_id, id);

-- An upstream change that arrived while the order was being packed: kept here (the platform's
-- record as JSON) instead of overwriting the packer's order, applied when the pack ends.
ALTER TABLE orders ADD COLUMN upstream_pending TEXT CHECK (upstream_pending IS NULL OR json_valid(upstream_pending));
-- The platform's updated-at of the version we hold: an older copy from an overlapping pull never wins.
ALTER TABLE orders ADD COLUMN remote_updated_at TEXT;
ALTER TABLE returns ADD COLUMN remote_updated_at TEXT;
