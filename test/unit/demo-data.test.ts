import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../src-shared/barcode';
import { loadDemoData } from '../../src-main/demo/demo-data';
import {
  CHECK_DIGIT_VECTORS,
  MINIMUMS,
  checkSizes,
  generateAll,
  gs1CheckDigit,
  isValidGs1,
  prng,
  selfTestCheckDigits,
  toFiles,
  validate,
  type DemoDataSet,
} from '../../scripts/demo-data-lib.mjs';

const root = resolve(__dirname, '../..');
const NAMES = ['catalog', 'orders', 'returns', 'operators'] as const;
const texts = Object.fromEntries(NAMES.map((n) => [`${n}.json`, readFileSync(resolve(root, 'resources/demo', `${n}.json`), 'utf8')]));
const committed = Object.fromEntries(NAMES.map((n) => [n, JSON.parse(texts[`${n}.json`]!)])) as DemoDataSet;
const products = committed.catalog.products;
const orders = committed.orders.orders;

describe('the GS1 check digit the generator prints', () => {
  it('reproduces published example codes and rejects each with its last digit changed', () => {
    expect(() => selfTestCheckDigits()).not.toThrow();
    for (const code of CHECK_DIGIT_VECTORS) {
      expect(gs1CheckDigit(code.slice(0, -1))).toBe(code.at(-1));
      expect(hasValidCheckDigit(code)).toBe(true);
    }
  });

  it('agrees with src-shared on every length a catalog prints (EAN-8, UPC-A, EAN-13, GTIN-14)', () => {
    const random = prng(7);
    for (const length of [7, 11, 12, 13]) {
      for (let n = 0; n < 200; n++) {
        const body = Array.from({ length }, () => Math.floor(random() * 10)).join('');
        const code = body + gs1CheckDigit(body);
        expect(isValidGs1(code) && hasValidCheckDigit(code), code).toBe(true);
      }
    }
  });
});

describe('the demo data validator', () => {
  it('reports a bad check digit, a shared barcode, an unknown SKU and a shared PIN', () => {
    const broken = structuredClone(committed);
    const [first, second] = broken.catalog.products;
    first!.gtin = first!.gtin.slice(0, -1) + String((Number(first!.gtin.at(-1)) + 1) % 10);
    second!.barcodes.push({ value: first!.sku, kind: 'alias', quantity: 1 });
    broken.orders.orders[0]!.lines[0]!.sku = 'NO-SUCH-SKU';
    broken.operators.operators[1]!.pin = broken.operators.operators[0]!.pin;
    const problems = validate(broken).join('\n');
    for (const expected of ['is not a valid GTIN-14', 'used twice in the catalog', 'unknown SKU NO-SUCH-SKU', 'share a PIN']) expect(problems).toContain(expected);
  });

  it('reports files that are missing their lists instead of throwing', () => {
    expect(validate({ catalog: {}, orders: null, returns: { returns: 'x' }, operators: { operators: [null, 7] } })).toEqual(
      expect.arrayContaining(['0 products, at least 220 expected', 'operators: null is not an object', 'operators: 7 is not an object']),
    );
  });
});

describe('the committed demo data set', () => {
  it('is exactly what the generator makes (nobody hand-edited the files)', () => {
    expect(toFiles(generateAll())).toEqual(texts);
    const run = spawnSync(process.execPath, ['scripts/generate-demo-data.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('passes every check of the generator: check digits, unique barcodes, known SKUs, minimum counts', () => {
    expect(validate(committed)).toEqual([]);
    expect(checkSizes(texts)).toEqual([]);
    expect(products.length).toBeGreaterThanOrEqual(MINIMUMS.products);
    expect(orders.length).toBeGreaterThanOrEqual(MINIMUMS.orders);
    expect(committed.returns.returns.length).toBeGreaterThanOrEqual(MINIMUMS.returns);
  });

  it('loads through the station loader with every role and five distinct demo PINs', async () => {
    const data = await loadDemoData(resolve(root, 'resources'));
    expect(data.products).toHaveLength(products.length);
    expect(data.operators.map((o) => o.role)).toEqual(['packer', 'packer', 'returns', 'supervisor', 'packer']);
    expect(new Set(data.operators.map((o) => o.pin)).size).toBe(5);
  });

  it('prints only barcodes that an independent GS1 check accepts, each once in the catalog', () => {
    const numeric = products.flatMap((p) => [p.gtin, ...p.barcodes.filter((b) => b.kind !== 'sku').map((b) => b.value)]);
    expect(numeric.filter((code) => !hasValidCheckDigit(code))).toEqual([]);
    const all = products.flatMap((p) => p.barcodes.map((b) => b.value));
    expect(new Set(all).size).toBe(all.length);
  });

  it('has what a trainee meets: variants, serials, lots, alias stickers, case barcodes, UPCs and ISBNs', () => {
    const kinds = (kind: string) => products.filter((p) => p.barcodes.some((b) => b.kind === kind));
    expect(products.filter((p) => p.variant?.includes(' / ')).length).toBeGreaterThan(50);
    expect(products.filter((p) => p.requiresSerial).length).toBeGreaterThanOrEqual(10);
    expect(products.filter((p) => p.requiresLot).length).toBeGreaterThanOrEqual(30);
    expect(kinds('alias').length).toBeGreaterThanOrEqual(10);
    expect(kinds('case').flatMap((p) => p.barcodes.filter((b) => b.kind === 'case').map((b) => b.quantity))).toEqual(expect.arrayContaining([6, 12, 24]));
    expect(products.filter((p) => p.barcodes.some((b) => b.kind === 'gtin' && b.value.length === 12)).length).toBeGreaterThan(0);
    expect(products.filter((p) => p.gtin.startsWith('0978')).length).toBeGreaterThan(20);
    const weights = products.map((p) => p.unitWeightMg);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...weights)).toBeLessThanOrEqual(2_000_000);
  });

  it('has a queue to work: late, due today and due tomorrow, one to five lines, a few bulk orders', () => {
    expect(orders.filter((o) => o.shipByOffsetHours < 0).length).toBeGreaterThanOrEqual(3);
    expect(orders.filter((o) => o.shipByOffsetHours >= 0 && o.shipByOffsetHours < 12).length).toBeGreaterThan(orders.length / 3);
    expect(new Set(orders.map((o) => o.lines.length))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(orders.filter((o) => o.lines.length === 1 && o.lines[0]!.quantity >= 4).length).toBeGreaterThanOrEqual(3);
    expect(new Set(orders.map((o) => o.shipTo.country))).toEqual(new Set(['AR', 'BR', 'MX', 'CO', 'CL', 'PE', 'UY', 'US', 'ES']));
  });

  it('carries real accents and awkward-but-valid addresses, and nothing that looks like markup', () => {
    const text = texts['orders.json']!;
    for (const accent of ['ñ', 'ç', 'ã', 'é']) expect(text).toContain(accent);
    const lines = orders.flatMap((o) => [o.shipTo.line1, o.shipTo.line2 ?? '']);
    expect(lines.some((l) => l.includes('#') && l.includes('^'))).toBe(true);
    expect(lines.some((l) => l.length > 100)).toBe(true);
    expect(orders.some((o) => o.customerName.includes("'"))).toBe(true);
    expect(text).not.toMatch(/<|javascript:|\$\{/i);
  });
});
