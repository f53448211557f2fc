import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../src-shared/barcode';
import { loadDemoData } from '../../src-main/demo/demo-data';

const root = resolve(__dirname, '../..');

describe('the demo data set', () => {
  it('is exactly what the generator makes (nobody hand-edited the files)', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-demo-data.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('has the size the issue promises: 200+ products, 50+ orders, 10+ returns, every role', async () => {
    const data = await loadDemoData(resolve(root, 'resources'));
    expect(data.products.length).toBeGreaterThanOrEqual(200);
    expect(data.orders.length).toBeGreaterThanOrEqual(50);
    expect(data.returns.length).toBeGreaterThanOrEqual(10);
    expect(new Set(data.operators.map((o) => o.role))).toEqual(new Set(['packer', 'returns', 'supervisor']));
  });

  it('prints only barcodes whose check digits an independent GS1 check accepts', async () => {
    const data = await loadDemoData(resolve(root, 'resources'));
    const numeric = data.products.flatMap((p) => [p.gtin, ...p.barcodes.filter((b) => b.kind !== 'sku').map((b) => b.value)]);
    expect(numeric.length).toBeGreaterThan(400);
    expect(numeric.filter((code) => !hasValidCheckDigit(code))).toEqual([]);
  });

  it('names only SKUs of its own catalog in orders and returns', async () => {
    const data = await loadDemoData(resolve(root, 'resources'));
    const skus = new Set(data.products.map((p) => p.sku));
    const named = [...data.orders.flatMap((o) => o.lines.map((l) => l.sku)), ...data.returns.flatMap((r) => r.items.map((i) => i.sku))];
    expect(named.filter((sku) => !skus.has(sku))).toEqual([]);
  });
});
