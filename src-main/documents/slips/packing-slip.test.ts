import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabelFonts } from '../labels/pdf-label';
import { buildPackingSlip, SLIP_CAPTIONS } from './packing-slip';

const resources = resolve(__dirname, '../../../resources');

describe('packing slip', () => {
  it('prints the lines, the packages and the order number as a barcode, read back with poppler and zbarimg', async () => {
    const pdf = await buildPackingSlip(
      {
        orderNumber: '#1042',
        customerName: 'Conceição Araújo',
        shipTo: ['Rua Professor Antônio Câmara, 1250', 'Recife PE 52011-100', 'BR'],
        packedAt: '2026-11-23 10:00',
        lines: [
          { sku: 'ROP-RMB-NEG-XS', title: 'Remera básica', variant: 'Negro / XS', ordered: 2, packed: 2 },
          { sku: 'ELE-AIB-NEG', title: 'Auriculares', variant: null, ordered: 1, packed: 0 },
        ],
        packages: [{ index: 1, tracking: 'BCST01-000001', weightMg: 1_250_000 }],
      },
      SLIP_CAPTIONS.es,
      await loadLabelFonts(resources),
      new Date('2026-11-23T10:00:00Z'),
    );
    const dir = mkdtempSync(join(tmpdir(), 'bancada-slip-'));
    const file = join(dir, 'slip.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toMatch(/Remito de empaque\s+#1042/);
    expect(text).toContain('Conceição Araújo');
    expect(text).toContain('Remera básica — Negro / XS');
    expect(text).toMatch(/0 \(faltante\)/);
    expect(text).toContain('Bulto 1 de 1 · BCST01-000001 · 1.250 kg');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(dir, 'slip')]);
    const decoded = execFileSync('zbarimg', ['-q', '--raw', join(dir, 'slip.png')]).toString().trim();
    expect(decoded).toBe('#1042');
  });
});
