import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { smallDemoFiles, writeDemoFiles, type SmallDemoFiles } from './__fixtures__/small-demo';
import { loadDemoData } from './demo-data';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function resourcesWith(edit: (files: SmallDemoFiles) => void = () => undefined): string {
  const files = smallDemoFiles();
  edit(files);
  const dir = writeDemoFiles(files);
  dirs.push(dir);
  return dir;
}

describe('loading the demo data set', () => {
  it('reads the four files into one data set', async () => {
    const data = await loadDemoData(resourcesWith());
    expect([data.products.length, data.orders.length, data.returns.length, data.operators.length]).toEqual([2, 2, 1, 2]);
    expect(data.orders[0]!.shipTo.city).toBe('Buenos Aires');
  });

  it('names the file and the field when a file breaks the format', async () => {
    const dir = resourcesWith((f) => ((f.orders.orders[1]!.shipTo as { country: string }).country = 'BRA'));
    await expect(loadDemoData(dir)).rejects.toThrow(new RegExp(`${join(dir, 'demo', 'orders.json')} is invalid at orders\\.1\\.shipTo\\.country`));
  });

  it('refuses a PIN that is not 4 to 8 digits, and an unknown role', async () => {
    await expect(loadDemoData(resourcesWith((f) => (f.operators.operators[0]!.pin = '12a4')))).rejects.toThrow(/operators\.json is invalid at operators\.0\.pin/);
    await expect(loadDemoData(resourcesWith((f) => ((f.operators.operators[1] as { role: string }).role = 'admin')))).rejects.toThrow(/operators\.json is invalid at operators\.1\.role/);
  });

  it('names a missing file and a file that is not JSON', async () => {
    const missing = resourcesWith();
    unlinkSync(join(missing, 'demo', 'returns.json'));
    await expect(loadDemoData(missing)).rejects.toThrow(/returns\.json cannot be read/);
    const garbled = writeDemoFiles({ ...smallDemoFiles(), catalog: '{"products": [' });
    dirs.push(garbled);
    await expect(loadDemoData(garbled)).rejects.toThrow(/catalog\.json cannot be read/);
  });

  it('refuses an order line naming an SKU the catalog does not have', async () => {
    await expect(loadDemoData(resourcesWith((f) => (f.orders.orders[0]!.lines[0]!.sku = 'NO-SUCH')))).rejects.toThrow(/orders\.json is invalid: line names an SKU not in catalog\.json: NO-SUCH/);
  });

  it('refuses a barcode two products share, and a GTIN with a wrong check digit', async () => {
    const shared = resourcesWith((f) => f.catalog.products[1]!.barcodes.push({ value: '07790387000016', kind: 'gtin', quantity: 1 }));
    await expect(loadDemoData(shared)).rejects.toThrow(/catalog\.json is invalid: barcode used twice: 07790387000016/);
    const wrong = resourcesWith((f) => (f.catalog.products[0]!.barcodes[0]!.value = '7790387000017'));
    await expect(loadDemoData(wrong)).rejects.toThrow(/catalog\.json is invalid: not a valid GTIN: 7790387000017/);
  });

  it('refuses two orders with one number and two operators with one badge', async () => {
    await expect(loadDemoData(resourcesWith((f) => (f.orders.orders[1]!.number = '#1001')))).rejects.toThrow(/order number used twice: #1001/);
    await expect(loadDemoData(resourcesWith((f) => (f.operators.operators[1]!.badge = 'BADGE-ANA')))).rejects.toThrow(/badge used twice: BADGE-ANA/);
  });
});
