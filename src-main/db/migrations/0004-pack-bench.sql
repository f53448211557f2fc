-- 0004: what the packing bench needs beyond 0001's pack_sessions / pack_scans / packages.

-- The pack state machine's small control part (phase, current package, the scale seq a fresh weight
-- must beat, an item waiting for its serial or lot, a weight-off stop, an upstream interruption), so
-- a station killed mid-pack resumes exactly where it stopped. Lines and scans stay relational.
ALTER TABLE pack_sessions ADD COLUMN control TEXT CHECK (control IS NULL OR json_valid(control));
-- Units packed, for seconds per item in the metrics; filled when the pack completes.
ALTER TABLE pack_sessions ADD COLUMN units INTEGER CHECK (units IS NULL OR units >= 0);

-- A case-pack barcode packs several units in one scan; the product is kept so a serial is unique
-- per product (two manufacturers may both print serial 0001).
ALTER TABLE pack_scans ADD COLUMN quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1);
ALTER TABLE pack_scans ADD COLUMN product_id TEXT REFERENCES products(id);
-- The same physical unit can be packed once: a packed serial of a product appears in one live row.
-- Undone and refused scans keep their serial for the record but do not count.
CREATE UNIQUE INDEX pack_scans_unit ON pack_scans(product_id, serial)
  WHERE serial IS NOT NULL AND undone = 0 AND outcome IN ('ok', 'line-complete', 'order-complete');

ALTER TABLE packages ADD COLUMN tare_mg INTEGER NOT NULL DEFAULT 0 CHECK (tare_mg >= 0);
ALTER TABLE packages ADD COLUMN weighed TEXT NOT NULL DEFAULT 'none' CHECK (weighed IN ('none', 'ok', 'override', 'skipped'));
ALTER TABLE packages ADD COLUMN label_source TEXT CHECK (label_source IS NULL OR label_source IN ('station', 'platform'));
ALTER TABLE packages ADD COLUMN label_job_id TEXT;
ALTER TABLE packages ADD COLUMN label_error TEXT;

-- Box presets: scanned by their code or picked on screen; dimensions for the volume suggestion.
-- Names are sizes (XS…L), the same in every language the bench speaks.
CREATE TABLE boxes (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  length_mm INTEGER NOT NULL CHECK (length_mm > 0),
  width_mm INTEGER NOT NULL CHECK (width_mm > 0),
  height_mm INTEGER NOT NULL CHECK (height_mm > 0),
  tare_mg INTEGER NOT NULL CHECK (tare_mg >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO boxes (code, name, length_mm, width_mm, height_mm, tare_mg) VALUES
  ('BOX-MAILER', 'XS', 350, 250, 30, 15000),
  ('BOX-S', 'S', 250, 200, 100, 120000),
  ('BOX-M', 'M', 400, 300, 200, 280000),
  ('BOX-L', 'L', 600, 400, 400, 550000);

-- Short ships and other exceptions: the supervisor's list.
CREATE TABLE pack_exceptions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES pack_sessions(id),
  order_id TEXT NOT NULL REFERENCES orders(id),
  reason TEXT NOT NULL CHECK (reason IN ('missing', 'damaged', 'wrong-stock', 'other')),
  note TEXT,
  operator_id TEXT NOT NULL REFERENCES operators(id),
  at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT REFERENCES operators(id)
) STRICT;
CREATE INDEX pack_exceptions_open ON pack_exceptions(at) WHERE resolved_at IS NULL;

-- A tote barcode opens the order picked into it.
ALTER TABLE orders ADD COLUMN tote TEXT;
CREATE INDEX orders_tote ON orders(tote) WHERE tote IS NOT NULL;

-- Unit weights learned from single-product packages: how many samples the estimate rests on.
ALTER TABLE products ADD COLUMN weight_samples INTEGER NOT NULL DEFAULT 0 CHECK (weight_samples >= 0);

-- Tracking references the station makes for its own labels (own fleet, local courier): one counter
-- per prefix, bumped in the transaction that prints, so two labels never share one.
CREATE TABLE tracking_counters (
  prefix TEXT PRIMARY KEY,
  next INTEGER NOT NULL CHECK (next >= 1)
) STRICT;
