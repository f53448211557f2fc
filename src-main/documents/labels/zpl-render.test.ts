import { describe, expect, it } from 'vitest';
import { parseScan } from '../../../src-shared/barcode';
import { labelGeometry } from './label-geometry';
import type { LabelRequest } from './label-request';
import { saveArtifact } from './testing/artifacts';
import { exampleInput, exampleRequest, hostileRequest, parsed } from './testing/fixtures';
import { renderZpl, zbarRead, zxingRead, type DecodedBarcode } from './testing/readers';
import { buildZplLabel } from './zpl';
import { labelMargin } from './shipping-label-layout';
import { inkInColumns, readGrayPng } from './testing/png-ink';

/**
 * Every ZPL template drawn by an independent renderer (zpl-renderer-js) and every barcode on it
 * read back by zxing-wasm and zbarimg: what they decode is what the label meant to carry.
 */

const SIZES = ['4x6', '4x4', '2x1'] as const;
const DPIS = [203, 300] as const;
const SSCC = '078912340000000019';

async function printAndRead(request: LabelRequest, name: string): Promise<{ decoded: DecodedBarcode[]; zbar: string[] }> {
  const geometry = labelGeometry(request.size, request.dpi);
  const zpl = buildZplLabel(request);
  saveArtifact(`${name}.zpl`, zpl);
  const pngs = await renderZpl(zpl, geometry);
  expect(pngs, 'one label per job').toHaveLength(1);
  const file = saveArtifact(`${name}.png`, pngs[0]!);
  const image = readGrayPng(pngs[0]!);
  const margin = labelMargin(geometry) - 1;
  expect(inkInColumns(image, 0, margin) + inkInColumns(image, geometry.width - margin, geometry.width), 'ink in the side margins').toBe(0);
  return { decoded: await zxingRead(pngs[0]!), zbar: await zbarRead(file) };
}

function find(decoded: readonly DecodedBarcode[], aim: string): DecodedBarcode[] {
  return decoded.filter((d) => d.aim === aim);
}

function expectTracking(decoded: readonly DecodedBarcode[], zbar: readonly string[], tracking: string): void {
  expect(find(decoded, ']C0').map((d) => d.text)).toEqual([tracking]);
  expect(zbar).toContain(tracking);
}

function expectGs1Sscc(decoded: readonly DecodedBarcode[], aim: ']C1' | ']d2', postal?: string): void {
  const [symbol, ...others] = find(decoded, aim);
  expect(others).toEqual([]);
  const scan = parseScan(aim + symbol!.text);
  expect(scan.ok && scan.elements).toEqual([{ ai: '00', value: SSCC }, ...(postal ? [{ ai: '420', value: postal }] : [])]);
}

describe('ZPL shipping labels rendered and read back', () => {
  for (const size of SIZES) {
    for (const dpi of DPIS) {
      it(`${size} at ${dpi} dpi: tracking, SSCC and order number decode to what was meant`, async () => {
        const request = exampleRequest({ size, dpi });
        const { decoded, zbar } = await printAndRead(request, `zpl-${size}-${dpi}`);
        expectTracking(decoded, zbar, 'SS123456785BR');
        if (size === '4x6') {
          expectGs1Sscc(decoded, ']C1');
          expect(zbar).toContain(`00${SSCC}`);
          expect(find(decoded, ']Q1').map((d) => d.text)).toEqual(['BR-10045']);
        } else {
          expectGs1Sscc(decoded, ']d2', '52011-100');
        }
      }, 60_000);
    }
  }

  it('carries a QR of the order number on a 4x4 without an SSCC', async () => {
    const input = exampleInput();
    delete input.sscc;
    const { decoded, zbar } = await printAndRead(parsed({ ...input, size: '4x4' }), 'zpl-4x4-203-no-sscc');
    expect(find(decoded, ']Q1').map((d) => d.text)).toEqual(['BR-10045']);
    expect(zbar).toContain('BR-10045');
    expect(find(decoded, ']d2')).toEqual([]);
  }, 60_000);

  it('fits the longest request the schema allows on every size, barcodes still readable', async () => {
    const longest = (n: number, seed: string) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
    const base = exampleInput();
    const address = { ...base.shipTo, name: longest(80, 'Maria Conceição '), company: longest(80, 'Açaí & Cia Ltda '), lines: [longest(80, 'Rua Ñandú 1234 '), longest(80, 'Bloco B Apto 12 '), longest(80, 'Jardim Paulista ')], city: longest(60, 'São José dos Campos '), region: longest(40, 'Tierra del Fuego ') };
    for (const size of SIZES) {
      for (const dpi of DPIS) {
        const request = parsed({ ...base, shipTo: address, shipFrom: address, carrier: longest(40, 'Mercado Envios '), service: longest(40, 'Express '), trackingNumber: 'MEL-40981234567890123', orderNumber: longest(40, 'ORD-'), packageIndex: 998, packageCount: 999, reference: longest(40, 'NF-e 1 '), size, dpi });
        const { decoded, zbar } = await printAndRead(request, `zpl-${size}-${dpi}-longest`);
        expectTracking(decoded, zbar, 'MEL-40981234567890123');
        expectGs1Sscc(decoded, size === '4x6' ? ']C1' : ']d2', size === '4x6' ? undefined : '52011-100');
      }
    }
  }, 120_000);

  it('prints a hostile address as one label whose barcodes still read', async () => {
    const { decoded, zbar } = await printAndRead(hostileRequest(), 'zpl-4x6-203-hostile');
    expectTracking(decoded, zbar, 'SS123456785BR');
    expect(find(decoded, ']Q1').map((d) => d.text)).toEqual(['AR-77^XZ']);
  }, 60_000);
});
