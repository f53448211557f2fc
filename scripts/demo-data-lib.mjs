// The demo store's data set, generated deterministically (same seed, same files) so a trainee's
// bench and every test see the same orders. Pure functions; scripts/generate-demo-data.mjs writes
// the files and test/unit/demo-data.test.ts checks them.

/** mulberry32: tiny, deterministic, good enough for demo data. */
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

/** GS1 mod-10 check digit for the digits given (without the check digit). */
export function gs1CheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isValidGs1(code) {
  return /^\d{8,18}$/.test(code) && gs1CheckDigit(code.slice(0, -1)) === code.at(-1);
}

const PREFIXES = ['779', '789', '790', '750', '770', '780'];

const CATEGORIES = [
  { key: 'TSH', titles: ['Camiseta algodón orgánico', 'Remera básica', 'Camisa de lino'], sizes: ['S', 'M', 'L', 'XL'], colours: ['Negro', 'Blanco', 'Azul marino', 'Terracota'], weight: [150, 260], dims: [300, 220, 30] },
  { key: 'SHO', titles: ['Zapatilla urbana', 'Sandalia de cuero', 'Bota de trabajo'], sizes: ['37', '39', '41', '43'], colours: ['Negro', 'Marrón'], weight: [450, 1300], dims: [330, 210, 120] },
  { key: 'COS', titles: ['Protector solar FPS 50', 'Crema hidratante', 'Shampoo sólido', 'Sérum vitamina C'], sizes: null, colours: null, weight: [60, 320], dims: [160, 60, 50], lot: true },
  { key: 'ELE', titles: ['Auriculares Bluetooth', 'Cargador USB-C 30 W', 'Parlante portátil', 'Mouse inalámbrico'], sizes: null, colours: ['Negro', 'Blanco'], weight: [80, 650], dims: [180, 120, 70], serial: true },
  { key: 'HOM', titles: ['Taza de cerámica', 'Set de toallas', 'Lámpara de escritorio', 'Organizador de bambú'], sizes: null, colours: ['Verde salvia', 'Gris', 'Natural'], weight: [300, 1800], dims: [250, 200, 150] },
  { key: 'BOO', titles: ['Cien años de soledad', 'Dom Casmurro', 'Rayuela', 'Pedro Páramo', 'Grande Sertão: Veredas'], sizes: null, colours: null, weight: [250, 700], dims: [230, 150, 30] },
  { key: 'FOO', titles: ['Café de especialidad 500 g', 'Yerba mate 1 kg', 'Dulce de leche 400 g', 'Chocolate 70% cacao'], sizes: null, colours: null, weight: [120, 1050], dims: [200, 120, 80], lot: true },
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function between(random, [lo, hi]) {
  return Math.round(lo + random() * (hi - lo));
}

export function generateCatalog(seed = 20261123) {
  const random = prng(seed);
  const products = [];
  const used = new Set();
  const unique = (make) => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  let n = 0;
  while (products.length < 224) {
    const cat = CATEGORIES[n % CATEGORIES.length];
    const title = cat.titles[Math.floor(n / CATEGORIES.length) % cat.titles.length];
    const parts = [cat.sizes ? pick(random, cat.sizes) : null, cat.colours ? pick(random, cat.colours) : null].filter(Boolean);
    const variant = parts.length ? parts.join(' / ') : null;
    const sku = `${cat.key}-${String(1000 + n)}`;
    const ean13 = unique(() => {
      const body = pick(random, PREFIXES) + String(Math.floor(random() * 1e9)).padStart(9, '0');
      return body + gs1CheckDigit(body);
    });
    const barcodes = [
      { value: ean13, kind: 'gtin', quantity: 1 },
      { value: sku, kind: 'sku', quantity: 1 },
    ];
    if (n % 9 === 0) {
      const alias = unique(() => {
        const body = pick(random, PREFIXES) + String(Math.floor(random() * 1e9)).padStart(9, '0');
        return body + gs1CheckDigit(body);
      });
      barcodes.push({ value: alias, kind: 'alias', quantity: 1 });
    }
    if (n % 7 === 3) {
      const body = '1' + ean13.slice(0, 12);
      barcodes.push({ value: unique(() => body + gs1CheckDigit(body)), kind: 'case', quantity: pick(random, [6, 12, 24]) });
    }
    const [l, w, h] = cat.dims;
    products.push({
      sku,
      title,
      variant,
      gtin: '0' + ean13,
      unitWeightMg: between(random, cat.weight) * 1000,
      lengthMm: l,
      widthMm: w,
      heightMm: h,
      bin: `${'ABCDEFG'[n % 7]}-${String(1 + (n % 24)).padStart(2, '0')}-${1 + (n % 4)}`,
      imageUrl: null,
      requiresSerial: Boolean(cat.serial),
      requiresLot: Boolean(cat.lot),
      barcodes,
    });
    n++;
  }
  return { products };
}

const PEOPLE = [
  ['María José Peña', 'AR', 'Buenos Aires', 'CABA', 'C1043AAZ', 'Av. Corrientes 1234, 5° B'],
  ['João Conceição', 'BR', 'São Paulo', 'SP', '01310-100', 'Av. Paulista, 1578, ap. 42'],
  ['Ana Luíza Gonçalves', 'BR', 'Belo Horizonte', 'MG', '30130-010', 'Rua da Bahia, 905'],
  ['Sebastián Muñoz', 'CL', 'Santiago', 'RM', '8320000', 'Av. Libertador Bernardo O\'Higgins 1449, depto. #1203'],
  ['Valentina Ñáñez', 'CO', 'Bogotá', 'Cundinamarca', '110231', 'Calle 93 # 11A-28, apto ^301'],
  ['José Ángel Hernández', 'MX', 'Ciudad de México', 'CDMX', '06700', 'Calle Álvaro Obregón 120, Roma Nte.'],
  ['Lucía Fernández', 'UY', 'Montevideo', 'Montevideo', '11200', 'Bulevar General Artigas 1825'],
  ['Camila Quispe', 'PE', 'Lima', 'Lima', '15074', 'Jr. de la Unión 456, Miraflores'],
  ['Renée O\'Connor', 'US', 'Miami', 'FL', '33131', '801 Brickell Ave, Suite 900'],
  ['Íñigo Aranzábal', 'ES', 'Bilbao', 'Bizkaia', '48001', 'Calle de la Gran Vía de Don Diego López de Haro, 38, 4º izquierda, escalera interior'],
  ['Thiago Magalhães', 'BR', 'Recife', 'PE', '50030-230', 'Rua do Bom Jesus, 237'],
  ['Florencia Ibáñez', 'AR', 'Córdoba', 'Córdoba', 'X5000', 'Bv. San Juan 350, piso 2'],
];

const CARRIERS = {
  AR: [['Andreani', 'Estándar'], ['Correo Argentino', 'Clásico']],
  BR: [['Correios', 'SEDEX'], ['Correios', 'PAC'], ['Own fleet', 'Same day']],
  MX: [['Estafeta', 'Día siguiente'], ['DHL', 'Express']],
  CO: [['Servientrega', 'Mercancía premier']],
  CL: [['Chilexpress', 'Día hábil siguiente']],
  PE: [['Olva Courier', 'Estándar']],
  UY: [['Own fleet', 'Same day']],
  US: [['DHL', 'Express Worldwide']],
  ES: [['DHL', 'Express Worldwide']],
};

export function generateOrders(catalog, seed = 1001) {
  const random = prng(seed);
  const orders = [];
  for (let i = 0; i < 64; i++) {
    const [name, country, city, region, postalCode, line1] = PEOPLE[i % PEOPLE.length];
    const [carrier, service] = pick(random, CARRIERS[country]);
    const lineCount = i % 11 === 0 ? 1 : 1 + Math.floor(random() * 4);
    const skus = new Set();
    while (skus.size < lineCount) skus.add(pick(random, catalog.products).sku);
    const lines = [...skus].map((sku) => ({ sku, quantity: i % 11 === 0 ? 3 + (i % 3) : random() < 0.75 ? 1 : 2 + Math.floor(random() * 2) }));
    const local = name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').trim().replace(/\s+/g, '.');
    orders.push({
      number: `#${1001 + i}`,
      customerName: name,
      email: `${local}@example.com`,
      shipTo: { name, line1, line2: i % 5 === 0 ? 'Portería / Recepción' : null, city, region, postalCode, country },
      carrier,
      service,
      priority: i % 13 === 0 ? 3 : i % 6 === 0 ? 2 : i % 4 === 0 ? 1 : 0,
      createdOffsetHours: -Math.round(2 + random() * 70),
      shipByOffsetHours: i % 9 === 0 ? -Math.round(1 + random() * 10) : Math.round(2 + random() * 40),
      lines,
    });
  }
  return { orders };
}

const REASONS = ['size', 'damaged', 'not-as-described', 'changed-mind', 'defective'];

export function generateReturns(catalog, seed = 2001) {
  const random = prng(seed);
  const returns = [];
  for (let i = 0; i < 12; i++) {
    const count = 1 + Math.floor(random() * 3);
    const items = [];
    const skus = new Set();
    while (skus.size < count) skus.add(pick(random, catalog.products).sku);
    for (const sku of skus) items.push({ sku, quantity: random() < 0.8 ? 1 : 2, reason: pick(random, REASONS) });
    returns.push({ rmaNumber: `RMA-${2001 + i}`, orderNumber: `#0${900 + i * 7}`, customerName: PEOPLE[(i * 5) % PEOPLE.length][0], createdOffsetHours: -Math.round(4 + random() * 120), items });
  }
  return { returns };
}

export function generateOperators() {
  return {
    operators: [
      { name: 'Ana Souza', role: 'packer', pin: '1111', badge: 'OP-0001' },
      { name: 'Carlos Ramírez', role: 'packer', pin: '2222', badge: 'OP-0002' },
      { name: 'Lucía Gómez', role: 'returns', pin: '3333', badge: 'OP-0003' },
      { name: 'Diego Fernández', role: 'packer', pin: '4444', badge: 'OP-0004' },
      { name: 'Marta Oliveira', role: 'supervisor', pin: '9999', badge: 'OP-0009' },
    ],
  };
}

export function generateAll() {
  const catalog = generateCatalog();
  return { catalog, orders: generateOrders(catalog), returns: generateReturns(catalog), operators: generateOperators() };
}

/** Problems with a data set (empty list when it is sound). */
export function validate({ catalog, orders, returns, operators }) {
  const problems = [];
  const skus = new Set(catalog.products.map((p) => p.sku));
  const values = new Set();
  for (const p of catalog.products) {
    if (!isValidGs1(p.gtin)) problems.push(`${p.sku}: gtin ${p.gtin} has a bad check digit`);
    for (const b of p.barcodes) {
      if (values.has(b.value)) problems.push(`${p.sku}: barcode ${b.value} is used twice`);
      values.add(b.value);
      if (b.kind !== 'sku' && !isValidGs1(b.value)) problems.push(`${p.sku}: ${b.kind} ${b.value} has a bad check digit`);
    }
  }
  for (const o of orders.orders) for (const l of o.lines) if (!skus.has(l.sku)) problems.push(`order ${o.number}: unknown SKU ${l.sku}`);
  for (const r of returns.returns) for (const i of r.items) if (!skus.has(i.sku)) problems.push(`return ${r.rmaNumber}: unknown SKU ${i.sku}`);
  if (catalog.products.length < 200) problems.push('fewer than 200 products');
  if (orders.orders.length < 50) problems.push('fewer than 50 orders');
  if (returns.returns.length < 10) problems.push('fewer than 10 returns');
  if (new Set(operators.operators.map((o) => o.pin)).size !== operators.operators.length) problems.push('two demo operators share a PIN');
  return problems;
}
