// The demo store's data set, generated deterministically (same seed, same files) so a trainee's
// bench and every test see the same orders. Pure functions, no I/O: scripts/generate-demo-data.mjs
// writes the files, test/unit/demo-data.test.ts checks them with validate() (demo-data-validate.mjs).
import { gs1CheckDigit } from './demo-data-validate.mjs';
import { BOOKS, BRANDS, CARRIERS, COUNTRY_WEIGHTS, FAMILIES, IMPORTER_PREFIX, LINE2, NAMES, PLACES, RETURN_REASONS } from './demo-data-words.mjs';

export { CHECK_DIGIT_VECTORS, MAX_FILE_BYTES, MINIMUMS, checkSizes, gs1CheckDigit, isValidGs1, selfTestCheckDigits, validate } from './demo-data-validate.mjs';

export const SEED = 20261123;

/** mulberry32: tiny and deterministic; quality is ample for demo data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dice(seed) {
  const next = prng(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const weighted = (pairs) => {
    let roll = next() * pairs.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of pairs) if ((roll -= w) < 0) return value;
    return pairs.at(-1)[0];
  };
  return { next, int, pick, weighted };
}

/** "Azul clásico" → "AZUL CLASICO": SKU codes and e-mail local parts are plain ASCII. */
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ñ/gi, 'n');

/** A short code for an option: "Gris melange" → "GRM", "50 ml" → "50ML", "35-38" → "3538". */
function optionCode(option) {
  const words = fold(option).toUpperCase().replace(/[^A-Z0-9 ]/g, '').split(' ').filter(Boolean);
  // Numbers keep a unit that follows them ("50 ml" → "50ML") but not a shade name ("Tono 110 claro" → "110").
  if (/\d/.test(option)) return words.filter((w, i) => /\d/.test(w) || (/\d/.test(words[i - 1] ?? '') && w.length <= 3)).join('');
  return words.length === 1 ? words[0].slice(0, 3) : words[0].slice(0, 2) + words[1][0];
}

const CATEGORY_SKU = { apparel: 'ROP', footwear: 'CAL', cosmetics: 'COS', electronics: 'ELE', home: 'HOG', books: 'LIB', food: 'ALI' };
const ZONE = { apparel: 'A', footwear: 'B', cosmetics: 'C', electronics: 'D', home: 'E', books: 'F', food: 'G' };

/** The category a SKU was made in (its prefix), so returns can pick a believable reason. */
export function categoryOf(sku) {
  return Object.keys(CATEGORY_SKU).find((c) => sku.startsWith(`${CATEGORY_SKU[c]}-`)) ?? null;
}

/** Every combination of the option axes: [['Negro','Blanco'],['S','M']] → [['Negro','S'], …]. */
const combinations = (axes) => axes.reduce((acc, axis) => acc.flatMap((prefix) => axis.map((o) => [...prefix, o])), [[]]);

/**
 * GTINs as a brand assigns them: its company prefix, then item references in sequence (so a
 * brand's products share their leading digits, as on real shelves), then the check digit.
 */
function gtinMaker(d) {
  const next = new Map();
  const issued = new Set();
  const issue = (body) => {
    const code = body + gs1CheckDigit(body);
    if (issued.has(code)) throw new Error(`demo data: GTIN ${code} issued twice`);
    issued.add(code);
    return code;
  };
  const fromPrefix = (prefix, length) => {
    const ref = next.get(prefix) ?? d.int(100, 900);
    next.set(prefix, ref + d.int(1, 3));
    return issue(prefix + String(ref).padStart(length - 1 - prefix.length, '0'));
  };
  return {
    brand: (brand) => (typeof BRANDS[brand] === 'string' ? fromPrefix(BRANDS[brand], 13) : fromPrefix(BRANDS[brand].upc, 12)),
    importer: () => fromPrefix(IMPORTER_PREFIX, 13),
    isbn: (group) => issue('978' + group + String(d.int(0, 10 ** (9 - group.length) - 1)).padStart(9 - group.length, '0')),
    /** A case of `quantity` units: GTIN-14 with indicator digit 1 over the unit's GTIN (GS1 GenSpecs §4.3.2). */
    caseOf: (gtin14) => issue('1' + gtin14.slice(1, 13)),
  };
}

function product({ d, gtins, bins, category, sku, title, variant, brand, grams, dims, flags, isbn }) {
  const printed = isbn ? gtins.isbn(isbn) : gtins.brand(brand);
  const gtin = printed.padStart(14, '0');
  const barcodes = [{ value: printed, kind: 'gtin', quantity: 1 }, { value: sku, kind: 'sku', quantity: 1 }];
  // Imported goods (any brand not registered in Argentina) sometimes wear the importer's sticker.
  if (!isbn && !String(BRANDS[brand]).startsWith('779') && d.next() < 0.2) barcodes.push({ value: gtins.importer(), kind: 'alias', quantity: 1 });
  const caseSize = /c(\d+)/.exec(flags ?? '')?.[1];
  if (caseSize) barcodes.push({ value: gtins.caseOf(gtin), kind: 'case', quantity: Number(caseSize) });
  const zone = ZONE[category];
  const slot = bins[zone] = (bins[zone] ?? -1) + 1;
  return {
    sku,
    title,
    variant,
    gtin,
    // ±2 % between units of the same family: scales read what the box really weighs.
    unitWeightMg: Math.round(grams * (0.98 + d.next() * 0.04)) * 1000,
    lengthMm: dims[0],
    widthMm: dims[1],
    heightMm: dims[2],
    bin: `${zone}-${String(1 + Math.floor(slot / 4)).padStart(2, '0')}-${1 + (slot % 4)}`,
    imageUrl: null,
    requiresSerial: /\bs\b/.test(flags ?? ''),
    requiresLot: /\bl\b/.test(flags ?? ''),
    barcodes,
  };
}

export function generateCatalog(seed = SEED) {
  const d = dice(seed);
  const gtins = gtinMaker(d);
  const bins = {};
  const products = [];
  for (const [category, families] of Object.entries(FAMILIES)) {
    for (const [code, title, brand, grams, dims, axes, flags, optionGrams] of families) {
      const sized = category === 'apparel' || category === 'footwear' ? axes.length - 1 : -1;
      for (const options of combinations(axes)) {
        // Bigger sizes weigh a little more and, for shoes, come in a longer box.
        const step = sized >= 0 && axes[sized].length > 1 ? axes[sized].indexOf(options[sized]) / (axes[sized].length - 1) : 0.5;
        const unitGrams = optionGrams ? optionGrams[axes[0].indexOf(options[0])] : grams * (0.9 + 0.2 * step);
        const length = category === 'footwear' ? Math.round(dims[0] * (0.94 + 0.12 * step)) : dims[0];
        const sku = [CATEGORY_SKU[category], code, ...options.map(optionCode)].join('-');
        products.push(product({ d, gtins, bins, category, sku, title, variant: options.length ? options.join(' / ') : null, brand, grams: unitGrams, dims: [length, dims[1], dims[2]], flags }));
      }
    }
  }
  for (const [i, [group, title, grams]] of BOOKS.entries()) {
    const thickness = Math.max(8, Math.round(grams / 14));
    const sku = `${CATEGORY_SKU.books}-${String(101 + i).padStart(4, '0')}`;
    products.push(product({ d, gtins, bins, category: 'books', sku, title, variant: null, grams, dims: [grams > 700 ? 240 : 210, grams > 700 ? 170 : 140, thickness], isbn: group }));
  }
  return { products };
}

function fillPattern(d, pattern) {
  return pattern.replace(/[dL]/g, (c) => (c === 'd' ? String(d.int(0, 9)) : String.fromCharCode(65 + d.int(0, 25))));
}

/** [full name, the given name and the surname people go by]: a Brazilian by the last surname, others by the first. */
function person(d, country) {
  const { first, last, two } = NAMES[country];
  const given = d.pick(first);
  const surname = d.pick(last);
  let second = d.pick(last);
  while (second === surname) second = d.pick(last);
  return [`${given} ${surname}${two ? ` ${second}` : ''}`, given, country === 'BR' && two ? second : surname];
}

/** Reserved example domains (RFC 2606), so no demo e-mail can ever reach a real inbox. */
function emailFor(d, given, surname) {
  const plain = (text) => fold(text).toLowerCase().replace(/[^a-z ]/g, '').split(' ')[0];
  return `${plain(given)}.${plain(surname)}${d.next() < 0.3 ? d.int(10, 99) : ''}@${d.pick(['example.com', 'example.net', 'example.org'])}`;
}

function address(d, country, name, placeIndex) {
  const [city, region, postal, streets] = PLACES[country][placeIndex];
  const number = country === 'CO' ? d.int(10, 99) : country === 'US' ? d.int(100, 1999) : d.int(12, 2890);
  return { name, line1: d.pick(streets).replace('{n}', String(number)), line2: d.pick(LINE2[country]), city, region, postalCode: fillPattern(d, postal), country };
}

/**
 * Addresses that stress every printer and PDF downstream while being perfectly real: Colombian
 * "#" street numbers with a "^" (the ZPL command prefix) in the flat, a Bilbao street that
 * overflows any label line, apostrophes, double quotes and an ampersand in a company name.
 */
const AWKWARD = [
  { at: 2, country: 'CO', place: 0, name: 'Valentina Ñáñez Muñoz', line1: 'Calle 93 # 11A-28', line2: 'Torre B, apto #1203^2' },
  { at: 9, country: 'ES', place: 2, name: 'Íñigo Aranzábal Etxeberria', line1: 'Calle de la Gran Vía de Don Diego López de Haro 38, escalera interior, portal B, 4º izquierda, puerta del fondo junto al ascensor', line2: null },
  { at: 17, country: 'CL', place: 2, name: 'Sebastián O\'Ryan Soto', line1: 'Av. Libertador Bernardo O\'Higgins 1449', line2: 'Depto. 1203' },
  { at: 26, country: 'AR', place: 0, name: 'Facundo D\'Alessandro', shipToName: 'Ferretería D\'Alessandro & Hijos S.R.L.', line1: 'Av. Rivadavia 10450', line2: 'Local 3, entrar por "Galería Vera"' },
  { at: 41, country: 'BR', place: 0, name: 'Conceição Brandão Falcão', line1: 'Rua da Consolação, 2301', line2: 'Bloco B, apto 42 – entregar na portaria' },
];

function orderLines(d, products, i) {
  // A few orders are one product, many units (a café buying coffee, a gym buying socks).
  if (i % 12 === 5) {
    const bulk = products.filter((p) => p.barcodes.some((b) => b.kind === 'case'));
    return [{ sku: d.pick(bulk).sku, quantity: d.int(4, 6) }];
  }
  const count = d.weighted([[1, 38], [2, 30], [3, 17], [4, 10], [5, 5]]);
  const skus = new Set();
  while (skus.size < count) skus.add(d.pick(products).sku);
  return [...skus].map((sku) => ({ sku, quantity: d.weighted([[1, 78], [2, 17], [3, 5]]) }));
}

const halfHours = (hours) => Math.round(hours * 2) / 2;

export function generateOrders(catalog, seed = SEED + 1, count = 72) {
  const d = dice(seed);
  const drafts = [];
  for (let i = 0; i < count; i++) {
    const awkward = AWKWARD.find((a) => a.at === i);
    const country = awkward?.country ?? d.weighted(COUNTRY_WEIGHTS);
    const [generated, given, surname] = person(d, country);
    const customerName = awkward?.name ?? generated;
    const place = awkward?.place ?? d.int(0, PLACES[country].length - 1);
    const shipTo = address(d, country, awkward?.shipToName ?? customerName, place);
    if (awkward) Object.assign(shipTo, { line1: awkward.line1, line2: awkward.line2 });
    // Same-day services (priority 3) only reach the first city of a country, where the fleet runs.
    const carriers = CARRIERS[country].filter((c) => c[3] < 3 || place === 0);
    const [carrier, service, slaHours, priority] = d.weighted(carriers.map((c) => [c, c[4]]));
    // Most of the queue ships today or tomorrow; about one in ten is already late.
    const bucket = d.weighted([['late', 10], ['today', 55], ['tomorrow', 35]]);
    const shipBy = bucket === 'late' ? -(0.5 + d.next() * 9.5) : bucket === 'today' ? 0.5 + d.next() * 9.5 : 14 + d.next() * 20;
    const sinceSla = shipBy - slaHours * (0.8 + d.next() * 0.4);
    // An order placed after the carrier's cut-off waits for the next pick-up: recent, yet due tomorrow.
    const created = sinceSla < -0.5 ? sinceSla : -(0.5 + d.next() * 6);
    const vip = d.next() < 0.08 ? 1 : 0;
    drafts.push({ customerName, email: emailFor(d, awkward ? customerName : given, awkward ? customerName.split(' ')[1] : surname), shipTo, carrier, service, priority: Math.min(3, priority + vip), createdOffsetHours: halfHours(created), shipByOffsetHours: halfHours(shipBy), lines: orderLines(d, catalog.products, i) });
  }
  // Order numbers rise with time, as on every store: the oldest open order has the lowest number.
  const ordered = drafts.map((o, i) => ({ o, i })).sort((a, b) => a.o.createdOffsetHours - b.o.createdOffsetHours || a.i - b.i);
  return { orders: ordered.map(({ o }, n) => ({ number: `#${1001 + n}`, ...o })) };
}

export function generateReturns(catalog, seed = SEED + 2, count = 14) {
  const d = dice(seed);
  const fashion = catalog.products.filter((p) => ['apparel', 'footwear'].includes(categoryOf(p.sku)));
  const numbers = new Set();
  while (numbers.size < count) numbers.add(d.int(900, 999));
  // RMA numbers, like order numbers, rise with time: RMA-2001 is the oldest request.
  const ages = Array.from({ length: count }, () => d.int(3, 240)).sort((x, y) => y - x);
  return {
    returns: [...numbers].sort().map((n, i) => {
      const country = d.weighted(COUNTRY_WEIGHTS);
      const skus = new Set();
      const size = d.weighted([[1, 70], [2, 22], [3, 8]]);
      // Fashion is half of what comes back, as in every online store's returns desk.
      while (skus.size < size) skus.add(d.pick(d.next() < 0.5 ? fashion : catalog.products).sku);
      const items = [...skus].map((sku) => ({ sku, quantity: d.next() < 0.9 ? 1 : 2, reason: d.pick(RETURN_REASONS[categoryOf(sku)]) }));
      return { rmaNumber: `RMA-${2001 + i}`, orderNumber: `#0${n}`, customerName: person(d, country)[0], createdOffsetHours: -ages[i], items };
    }),
  };
}

/** The login screen shows these PINs in demo mode, so they are easy to type and all different. */
export function generateOperators() {
  return {
    operators: [
      { name: 'Ana Souza', role: 'packer', pin: '1111', badge: 'OP-0001' },
      { name: 'Carlos Ramírez', role: 'packer', pin: '2222', badge: 'OP-0002' },
      { name: 'Lucía Gómez', role: 'returns', pin: '3333', badge: 'OP-0003' },
      { name: 'Marta Oliveira', role: 'supervisor', pin: '9999', badge: 'OP-0009' },
      { name: 'Diego Fernández', role: 'packer', pin: '4444', badge: 'OP-0004' },
    ],
  };
}

export function generateAll(seed = SEED) {
  const catalog = generateCatalog(seed);
  return { catalog, orders: generateOrders(catalog, seed + 1), returns: generateReturns(catalog, seed + 2), operators: generateOperators() };
}

/** The committed text of each file: pretty-printed, one trailing newline, so diffs stay readable. */
export function toFiles(data) {
  return Object.fromEntries(Object.entries(data).map(([name, content]) => [`${name}.json`, JSON.stringify(content, null, 2) + '\n']));
}
