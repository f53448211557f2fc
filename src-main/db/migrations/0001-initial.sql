-- 0001: the first station schema. Times are ISO-8601 UTC text; weights integer milligrams;
-- JSON columns are text checked with json_valid. Every table is STRICT.

CREATE TABLE stations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE operators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  role TEXT NOT NULL CHECK (role IN ('packer', 'returns', 'supervisor')),
  pin_hash TEXT NOT NULL,
  badge TEXT UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  demo_pin TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  variant TEXT,
  unit_weight_mg INTEGER CHECK (unit_weight_mg IS NULL OR unit_weight_mg >= 0),
  weight_is_estimate INTEGER NOT NULL DEFAULT 0 CHECK (weight_is_estimate IN (0, 1)),
  length_mm INTEGER,
  width_mm INTEGER,
  height_mm INTEGER,
  image_url TEXT,
  bin TEXT,
  requires_serial INTEGER NOT NULL DEFAULT 0 CHECK (requires_serial IN (0, 1)),
  requires_lot INTEGER NOT NULL DEFAULT 0 CHECK (requires_lot IN (0, 1)),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE product_barcodes (
  value TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('gtin', 'sku', 'alias', 'case')),
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1)
) STRICT;
CREATE INDEX product_barcodes_product ON product_barcodes(product_id);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  external_id TEXT NOT NULL,
  number TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'packed', 'shipped', 'on-hold', 'cancelled', 'exception')),
  customer_name TEXT NOT NULL,
  email TEXT,
  ship_name TEXT NOT NULL,
  ship_line1 TEXT NOT NULL,
  ship_line2 TEXT,
  ship_city TEXT NOT NULL,
  ship_region TEXT,
  ship_postal TEXT,
  ship_country TEXT NOT NULL CHECK (length(ship_country) = 2),
  carrier TEXT,
  service TEXT,
  priority INTEGER NOT NULL DEFAULT 0,
  ship_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  packed_at TEXT,
  claimed_station_id TEXT,
  claimed_operator_id TEXT REFERENCES operators(id),
  UNIQUE (platform, external_id)
) STRICT;
CREATE INDEX orders_queue ON orders(status, priority DESC, ship_by);
CREATE INDEX orders_number ON orders(number);
CREATE INDEX orders_packed_at ON orders(packed_at) WHERE packed_at IS NOT NULL;

CREATE TABLE order_lines (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product_id TEXT REFERENCES products(id),
  sku TEXT NOT NULL,
  title TEXT NOT NULL,
  variant TEXT,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  unit_weight_mg INTEGER,
  UNIQUE (order_id, line_no)
) STRICT;

CREATE TABLE pack_sessions (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id),
  station_id TEXT NOT NULL,
  operator_id TEXT NOT NULL REFERENCES operators(id),
  state TEXT NOT NULL CHECK (state IN ('scanning', 'weighing', 'labelling', 'complete', 'abandoned', 'exception')),
  started_at TEXT NOT NULL,
  ended_at TEXT,
  seconds INTEGER,
  mis_scans INTEGER NOT NULL DEFAULT 0,
  overrides INTEGER NOT NULL DEFAULT 0,
  reopens INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX pack_sessions_order ON pack_sessions(order_id);

CREATE TABLE pack_scans (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES pack_sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  raw TEXT NOT NULL,
  symbology TEXT,
  kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  line_id TEXT REFERENCES order_lines(id),
  package_index INTEGER,
  serial TEXT,
  lot TEXT,
  expiry TEXT,
  manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  at TEXT NOT NULL,
  operator_id TEXT NOT NULL REFERENCES operators(id),
  UNIQUE (session_id, seq)
) STRICT;

CREATE TABLE packages (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES pack_sessions(id) ON DELETE CASCADE,
  package_index INTEGER NOT NULL,
  box_code TEXT,
  weight_mg INTEGER,
  expected_weight_mg INTEGER,
  carrier TEXT,
  tracking TEXT,
  label_state TEXT NOT NULL DEFAULT 'none' CHECK (label_state IN ('none', 'pending', 'printed', 'failed')),
  UNIQUE (session_id, package_index)
) STRICT;

CREATE TABLE returns (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  external_id TEXT NOT NULL,
  rma_number TEXT NOT NULL,
  order_number TEXT NOT NULL,
  order_id TEXT REFERENCES orders(id),
  customer_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('expected', 'received', 'inspecting', 'closed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (platform, external_id)
) STRICT;
CREATE INDEX returns_queue ON returns(status, created_at);

CREATE TABLE return_items (
  id TEXT PRIMARY KEY,
  return_id TEXT NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
  product_id TEXT REFERENCES products(id),
  sku TEXT NOT NULL,
  title TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  reason TEXT
) STRICT;

CREATE TABLE return_inspections (
  id TEXT PRIMARY KEY,
  return_item_id TEXT NOT NULL REFERENCES return_items(id) ON DELETE CASCADE,
  unit_index INTEGER NOT NULL DEFAULT 0,
  condition TEXT NOT NULL,
  disposition TEXT NOT NULL CHECK (disposition IN ('restock', 'refurbish', 'quarantine', 'dispose')),
  notes TEXT,
  photos TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(photos)),
  operator_id TEXT NOT NULL REFERENCES operators(id),
  at TEXT NOT NULL
) STRICT;

CREATE TABLE manifests (
  id TEXT PRIMARY KEY,
  carrier TEXT NOT NULL,
  day TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  closed_at TEXT,
  closed_by TEXT REFERENCES operators(id),
  UNIQUE (carrier, day)
) STRICT;

CREATE TABLE manifest_packages (
  manifest_id TEXT NOT NULL REFERENCES manifests(id) ON DELETE CASCADE,
  package_id TEXT NOT NULL REFERENCES packages(id),
  PRIMARY KEY (manifest_id, package_id)
) STRICT;

CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('shipping-label', 'packing-slip', 'rma-label', 'manifest', 'test', 'command-sheet')),
  printer TEXT NOT NULL,
  document_ref TEXT,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'done')),
  error_code TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX print_jobs_status ON print_jobs(status, created_at);

-- The outbox is destination-agnostic ('platform' today, 'hub' when the warehouse hub exists), and
-- each row is a self-contained event with station, operator, time and idempotency key.
CREATE TABLE outbox (
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
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in-flight', 'done', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT
) STRICT;
CREATE INDEX outbox_drain ON outbox(destination, status, next_attempt_at, id);

CREATE TABLE sync_cursors (
  platform TEXT NOT NULL,
  resource TEXT NOT NULL,
  cursor TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (platform, resource)
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  station_id TEXT NOT NULL,
  operator_id TEXT,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
