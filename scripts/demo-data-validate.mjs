// Checks a demo data set, generated or committed: GS1 check digits, unique barcodes, the formats
// src-main/demo/demo-data.ts loads, and that every order and return names a SKU of the catalog.
// Returns a list of problems (empty when sound) instead of throwing, so one run reports them all.

/** GS1 mod-10 check digit for the digits given (without the check digit): weights 3,1,3,… from the right. */
export function gs1CheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A GTIN-8/12/13/14 or SSCC-18 whose last digit is right. */
export function isValidGs1(code) {
  return typeof code === 'string' && /^(?:\d{8}|\d{12,14}|\d{18})$/.test(code) && gs1CheckDigit(code.slice(0, -1)) === code.at(-1);
}

/**
 * Published examples the check digit must reproduce, so a slip in gs1CheckDigit cannot print a
 * whole catalog of unscannable labels: EAN-13 and UPC-A from the GS1 General Specifications and
 * common references, GS1's own 9506000134352, an ISBN-13 and an EAN-8.
 */
export const CHECK_DIGIT_VECTORS = ['4006381333931', '036000291452', '9506000134352', '9780306406157', '96385074', '5901234123457'];

export function selfTestCheckDigits() {
  for (const code of CHECK_DIGIT_VECTORS) {
    const wrong = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
    if (!isValidGs1(code) || isValidGs1(wrong)) throw new Error(`gs1CheckDigit is broken: ${code}`);
  }
}

export const MINIMUMS = { products: 220, orders: 60, returns: 12 };
export const MAX_FILE_BYTES = 400 * 1024;
const COUNTRIES = new Set(['AR', 'BR', 'MX', 'CO', 'CL', 'PE', 'UY', 'US', 'ES']);
const REASONS = new Set(['size', 'damaged', 'not-as-described', 'changed-mind', 'defective']);
const KINDS = new Set(['gtin', 'sku', 'alias', 'case']);
const CASE_SIZES = new Set([6, 12, 24]);

const text = (v) => typeof v === 'string' && v.trim().length > 0;
/** The objects of a list that may be anything (a hand-edited file); anything else is reported. */
function records(list, what, say) {
  if (!Array.isArray(list)) return [];
  for (const item of list) if (item === null || typeof item !== 'object') say(`${what}: ${JSON.stringify(item)} is not an object`);
  return list.filter((item) => item !== null && typeof item === 'object');
}
const positiveInt = (v) => Number.isInteger(v) && v > 0;

function checkBarcode(p, b, say) {
  const where = `${p.sku}: ${b.kind} ${b.value}`;
  if (!KINDS.has(b.kind)) say(`${where}: unknown kind`);
  if (!positiveInt(b.quantity)) say(`${where}: quantity ${b.quantity}`);
  if (b.kind === 'sku' && (b.value !== p.sku || b.quantity !== 1)) say(`${where}: must be the SKU itself, quantity 1`);
  if (b.kind === 'gtin' || b.kind === 'alias') {
    if (!/^\d{12,13}$/.test(b.value) || !isValidGs1(b.value)) say(`${where}: not a valid EAN-13/UPC-A`);
    if (b.quantity !== 1) say(`${where}: a unit barcode has quantity 1`);
  }
  if (b.kind === 'gtin' && b.value?.padStart(14, '0') !== p.gtin) say(`${where}: does not match gtin ${p.gtin}`);
  if (b.kind === 'case') {
    if (!/^1\d{13}$/.test(b.value) || !isValidGs1(b.value)) say(`${where}: not a GTIN-14 with indicator 1`);
    else if (b.value.slice(1, 13) !== p.gtin?.slice(1, 13)) say(`${where}: not a case of ${p.gtin}`);
    if (!CASE_SIZES.has(b.quantity)) say(`${where}: case of ${b.quantity}, expected 6, 12 or 24`);
  }
}

function checkCatalog(catalog, say) {
  const skus = new Set();
  const values = new Set();
  const bins = new Set();
  for (const p of records(catalog?.products, 'products', say)) {
    if (!text(p.sku) || skus.has(p.sku)) say(`product SKU ${JSON.stringify(p.sku)} is empty or used twice`);
    skus.add(p.sku);
    if (!text(p.title)) say(`${p.sku}: no title`);
    if (p.variant !== null && !text(p.variant)) say(`${p.sku}: variant is neither text nor null`);
    if (!/^\d{14}$/.test(p.gtin) || !isValidGs1(p.gtin)) say(`${p.sku}: gtin ${p.gtin} is not a valid GTIN-14`);
    for (const key of ['unitWeightMg', 'lengthMm', 'widthMm', 'heightMm']) if (!positiveInt(p[key])) say(`${p.sku}: ${key} ${p[key]}`);
    if (!/^[A-Z]-\d{2}-\d$/.test(p.bin) || bins.has(p.bin)) say(`${p.sku}: bin ${p.bin} is malformed or shared`);
    bins.add(p.bin);
    if (p.imageUrl !== null && typeof p.imageUrl !== 'string') say(`${p.sku}: imageUrl`);
    if (typeof p.requiresSerial !== 'boolean' || typeof p.requiresLot !== 'boolean') say(`${p.sku}: requiresSerial/requiresLot`);
    const barcodes = records(p.barcodes, `${p.sku} barcodes`, say);
    for (const kind of ['gtin', 'sku']) if (barcodes.filter((b) => b.kind === kind).length !== 1) say(`${p.sku}: needs exactly one ${kind} barcode`);
    for (const b of barcodes) {
      if (values.has(b.value)) say(`${p.sku}: barcode ${b.value} is used twice in the catalog`);
      values.add(b.value);
      checkBarcode(p, b, say);
    }
  }
  return skus;
}

function checkOrders(orders, skus, say) {
  const numbers = new Set();
  for (const o of records(orders?.orders, 'orders', say)) {
    const where = `order ${o.number}`;
    if (!/^#\d{4,}$/.test(o.number) || numbers.has(o.number)) say(`${where}: number malformed or used twice`);
    numbers.add(o.number);
    if (!text(o.customerName) || !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(o.email)) say(`${where}: customer name or e-mail`);
    const to = o.shipTo && typeof o.shipTo === 'object' ? o.shipTo : {};
    for (const key of ['name', 'line1', 'city', 'region', 'postalCode']) if (!text(to[key])) say(`${where}: shipTo.${key} is empty`);
    if (to.line2 !== null && !text(to.line2)) say(`${where}: shipTo.line2 is neither text nor null`);
    if (!COUNTRIES.has(to.country)) say(`${where}: country ${to.country}`);
    if (!text(o.carrier) || !text(o.service)) say(`${where}: carrier or service is empty`);
    if (!Number.isInteger(o.priority) || o.priority < 0 || o.priority > 3) say(`${where}: priority ${o.priority}`);
    if (!(o.createdOffsetHours < 0) || !(o.shipByOffsetHours > o.createdOffsetHours)) say(`${where}: created must be past and before ship-by`);
    const lines = records(o.lines, `${where} lines`, say);
    if (lines.length < 1 || lines.length > 5) say(`${where}: ${lines.length} lines, expected 1 to 5`);
    if (new Set(lines.map((l) => l.sku)).size !== lines.length) say(`${where}: a SKU on two lines`);
    for (const l of lines) {
      if (!skus.has(l.sku)) say(`${where}: unknown SKU ${l.sku}`);
      if (!positiveInt(l.quantity)) say(`${where}: quantity ${l.quantity} of ${l.sku}`);
    }
  }
}

function checkReturns(returns, skus, say) {
  const rmas = new Set();
  for (const r of records(returns?.returns, 'returns', say)) {
    const where = `return ${r.rmaNumber}`;
    if (!/^RMA-\d+$/.test(r.rmaNumber) || rmas.has(r.rmaNumber)) say(`${where}: RMA number malformed or used twice`);
    rmas.add(r.rmaNumber);
    if (!/^#\d{4,}$/.test(r.orderNumber) || !text(r.customerName) || !(r.createdOffsetHours < 0)) say(`${where}: order number, customer or time`);
    const items = records(r.items, `${where} items`, say);
    if (items.length === 0) say(`${where}: no items`);
    for (const i of items) {
      if (!skus.has(i.sku)) say(`${where}: unknown SKU ${i.sku}`);
      if (!positiveInt(i.quantity) || !REASONS.has(i.reason)) say(`${where}: quantity or reason of ${i.sku}`);
    }
  }
}

function checkOperators(operators, say) {
  const list = records(operators?.operators, 'operators', say);
  const roles = new Set(list.map((o) => o.role));
  for (const role of ['packer', 'returns', 'supervisor']) if (!roles.has(role)) say(`no demo operator is a ${role}`);
  for (const o of list) if (!text(o.name) || !/^\d{4,8}$/.test(o.pin) || !/^OP-\d{4}$/.test(o.badge)) say(`operator ${o.name}: name, PIN or badge`);
  if (new Set(list.map((o) => o.pin)).size !== list.length) say('two demo operators share a PIN');
  if (new Set(list.map((o) => o.badge)).size !== list.length) say('two demo operators share a badge');
}

/** Every problem with a data set `{ catalog, orders, returns, operators }` (empty when it is sound). */
export function validate(data) {
  const problems = [];
  const say = (message) => problems.push(message);
  const skus = checkCatalog(data.catalog, say);
  checkOrders(data.orders, skus, say);
  checkReturns(data.returns, skus, say);
  checkOperators(data.operators, say);
  const count = (list) => (Array.isArray(list) ? list.length : 0);
  const counts = { products: count(data.catalog?.products), orders: count(data.orders?.orders), returns: count(data.returns?.returns) };
  for (const [what, minimum] of Object.entries(MINIMUMS)) if (counts[what] < minimum) say(`${counts[what]} ${what}, at least ${minimum} expected`);
  return problems;
}

/** Files over the limit make every diff of resources/demo unreadable; keep them commit-sized. */
export function checkSizes(files) {
  return Object.entries(files)
    .filter(([, content]) => Buffer.byteLength(content) >= MAX_FILE_BYTES)
    .map(([name, content]) => `${name} is ${Buffer.byteLength(content)} bytes, limit ${MAX_FILE_BYTES}`);
}
