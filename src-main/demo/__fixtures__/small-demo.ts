import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A tiny demo data set in the format of resources/demo/*.json, for tests that edit it. */
export function smallDemoFiles() {
  return {
    catalog: {
      products: [
        {
          sku: 'MATE-CALA', title: 'Mate de calabaza', variant: null, gtin: '07790387000016', unitWeightMg: 180_000, lengthMm: 100, widthMm: 100, heightMm: 120,
          bin: 'A-01-1', imageUrl: null, requiresSerial: false, requiresLot: false,
          barcodes: [{ value: '7790387000016', kind: 'gtin', quantity: 1 }, { value: 'MATE-CALA', kind: 'sku', quantity: 1 }],
        },
        {
          sku: 'BOMB-INOX', title: 'Bombilla inox', variant: 'Plata', gtin: '07790387000023', unitWeightMg: 25_000, lengthMm: 200, widthMm: 10, heightMm: 10,
          bin: 'A-01-2', imageUrl: null, requiresSerial: false, requiresLot: false,
          barcodes: [{ value: '17790387000020', kind: 'case', quantity: 12 }],
        },
      ],
    },
    orders: {
      orders: [
        {
          number: '#1001', customerName: 'Lucía Núñez', email: 'lucia@example.com',
          shipTo: { name: 'Lucía Núñez', line1: 'Av. Corrientes 1234', line2: null, city: 'Buenos Aires', region: 'CABA', postalCode: 'C1043', country: 'AR' },
          carrier: 'andreani', service: 'standard', priority: 1, createdOffsetHours: -5, shipByOffsetHours: 4,
          lines: [{ sku: 'MATE-CALA', quantity: 1 }, { sku: 'BOMB-INOX', quantity: 2 }],
        },
        {
          number: '#1002', customerName: 'João Souza', email: 'joao@example.com',
          shipTo: { name: 'João Souza', line1: 'Rua Augusta, 500', line2: 'apto 12', city: 'São Paulo', region: 'SP', postalCode: '01304-000', country: 'BR' },
          carrier: 'correios', service: 'sedex', priority: 0, createdOffsetHours: -30, shipByOffsetHours: -2,
          lines: [{ sku: 'BOMB-INOX', quantity: 1 }],
        },
      ],
    },
    returns: {
      returns: [{ rmaNumber: 'RMA-2001', orderNumber: '#0990', customerName: 'Ana Silva', createdOffsetHours: -48, items: [{ sku: 'MATE-CALA', quantity: 1, reason: 'damaged' }] }],
    },
    operators: {
      operators: [
        { name: 'Ana', role: 'packer', pin: '1111', badge: 'BADGE-ANA' },
        { name: 'Beto', role: 'supervisor', pin: '2222', badge: 'BADGE-BETO' },
      ],
    },
  };
}

export type SmallDemoFiles = ReturnType<typeof smallDemoFiles>;

/** Writes the files as `<dir>/demo/*.json` in a new temp folder and returns that folder (the resources dir). */
export function writeDemoFiles(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-demo-'));
  mkdirSync(join(dir, 'demo'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'demo', `${name}.json`), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}
