-- 0002: indexes for the queues and the desk look-ups, and one live pack session per order.

-- The packing queue reads waiting orders in urgency order; a partial index in exactly that order
-- lets SQLite stop after LIMIT rows instead of sorting every waiting order (100,000 in the bench:
-- 200 ms down to 3 ms). Number and customer name ride along so the queue search filters on the
-- index alone and touches only matching rows (worst case 600 ms down to 40 ms). Its WHERE must stay
-- word for word the one in src-main/db/repos/orders.ts, or SQLite will not use it.
DROP INDEX orders_queue;
CREATE INDEX orders_queue ON orders(priority DESC, ship_by IS NULL, ship_by, created_at, number, customer_name)
  WHERE status IN ('open', 'in-progress');

-- The returns desk finds a parcel by its RMA; the queue counts items per return.
CREATE INDEX returns_rma ON returns(rma_number);
CREATE INDEX return_items_return ON return_items(return_id);
CREATE INDEX return_inspections_item ON return_inspections(return_item_id);

-- A serial scanned twice anywhere is a duplicate; a reprint starts from a tracking number.
CREATE INDEX pack_scans_serial ON pack_scans(serial) WHERE serial IS NOT NULL;
CREATE INDEX packages_tracking ON packages(tracking) WHERE tracking IS NOT NULL;
CREATE INDEX manifest_packages_package ON manifest_packages(package_id);
CREATE INDEX pack_sessions_operator ON pack_sessions(operator_id, started_at);

-- One packer per order: at most one session that is still scanning, weighing or labelling.
CREATE UNIQUE INDEX pack_sessions_live ON pack_sessions(order_id) WHERE state IN ('scanning', 'weighing', 'labelling');

-- An order's or operator's history, for the supervisor and for support.
CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id, at);
