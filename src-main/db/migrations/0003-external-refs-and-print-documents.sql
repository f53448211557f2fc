-- 0003: what sync and reprints need.
-- order_lines.external_id / return_items.external_id: the platform's id of the line (Shopify
-- fulfillment-order line item, Medusa order item), so a fulfilment or a disposition names the
-- platform's line and the outbox row is self-contained.
-- print_jobs.document / document_language: the bytes of a job that has not printed yet, so a retry
-- after a restart sends exactly what the packer was shown; cleared once the job is done.
ALTER TABLE order_lines ADD COLUMN external_id TEXT;
ALTER TABLE return_items ADD COLUMN external_id TEXT;
ALTER TABLE print_jobs ADD COLUMN document BLOB;
ALTER TABLE print_jobs ADD COLUMN document_language TEXT CHECK (document_language IS NULL OR document_language IN ('zpl', 'tspl', 'epl', 'pdf'));
CREATE INDEX order_lines_external ON order_lines(external_id) WHERE external_id IS NOT NULL;
