import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScan } from '../../../src-shared/barcode';
import { labelGeometry } from './label-geometry';
import type { LabelRequest } from './label-request';
import { buildPdfLabel, loadLabelFonts, type LabelFonts } from './pdf-label';
import { labelMargin } from './shipping-label-layout';
import { saveArtifact } from './testing/artifacts';
import { exampleRequest, HOSTILE, hostileRequest, RESOURCES_DIR } from './testing/fixtures';
import { inkInColumns, readGrayPng } from './testing/png-ink';
import { pdfInfo, pdfText, pdfToPng, zbarRead, zxingRead } from './testing/readers';

/** PDF labels read the way a person and a scanner would: rasterised by poppler, decoded by zbarimg and zxing. */

let dir: string;
let fonts: LabelFonts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bancada-pdf-label-'));
  fonts = await loadLabelFonts(RESOURCES_DIR);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FIXED_DATE = new Date('2025-03-14T12:00:00Z');

async function printPdf(request: LabelRequest, name: string) {
  const pdf = await buildPdfLabel(request, fonts, { createdAt: FIXED_DATE });
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  saveArtifact(`${name}.pdf`, pdf);
  const pngFile = await pdfToPng(file, request.dpi);
  const png = await readFile(pngFile);
  saveArtifact(`${name}.png`, png);
  return { file, png, zbar: await zbarRead(pngFile), decoded: await zxingRead(png), text: await pdfText(file) };
}

describe('the PDF shipping label', () => {
  it('is a 4×6 in page whose tracking, SSCC and order QR scan and whose accented address is text', async () => {
    const request = exampleRequest();
    const { file, png, zbar, decoded, text } = await printPdf(request, 'pdf-4x6-203');
    expect(await pdfInfo(file)).toMatch(/Page size:\s+288 x 432 pts/);
    expect(zbar).toEqual(expect.arrayContaining(['SS123456785BR', '00078912340000000019', 'BR-10045']));
    const gs1 = decoded.find((d) => d.aim === ']C1');
    expect(gs1 && parseScan(']C1' + gs1.text)).toMatchObject({ ok: true, kind: 'gs1', sscc: '078912340000000019' });
    for (const words of ['Conceição Araújo', 'Rua Professor Antônio Câmara, 1250 - Apto 302', 'Graças', 'Recife - PE', 'Casa Açaí Comércio Ltda · Expedição', 'VOLUME 1 DE 2', 'PESO 1,25 kg']) {
      expect(text).toContain(words);
    }
    const image = readGrayPng(png);
    const margin = labelMargin(labelGeometry('4x6', 203)) - 1;
    expect(inkInColumns(image, 0, margin) + inkInColumns(image, image.width - margin, image.width)).toBe(0);
  }, 60_000);

  it('prints a hostile address literally, Ñ ç ã included, and its barcodes still scan', async () => {
    const { zbar, text } = await printPdf(hostileRequest(), 'pdf-4x6-203-hostile');
    expect(zbar).toEqual(expect.arrayContaining(['SS123456785BR', 'AR-77^XZ']));
    expect(text).toContain(HOSTILE.name);
    expect(text).toContain(HOSTILE.company);
    expect(text).toContain('Rua São João 5 ^FO0,0^GB812,1218,400^FS');
    expect(text).toContain('Añatuya ~JR - PE');
  }, 60_000);

  for (const [size, dpi] of [
    ['4x6', 300],
    ['4x4', 203],
    ['2x1', 203],
    ['2x1', 300],
  ] as const) {
    it(`is drawn on a ${size} page at ${dpi} dpi with scannable barcodes`, async () => {
      const { file, zbar, decoded } = await printPdf(exampleRequest({ size, dpi }), `pdf-${size}-${dpi}`);
      const geometry = labelGeometry(size, dpi);
      expect(await pdfInfo(file)).toMatch(new RegExp(`Page size:\\s+${geometry.widthInches * 72} x ${geometry.heightInches * 72} pts`));
      expect(zbar).toContain('SS123456785BR');
      const gs1 = decoded.find((d) => d.aim === (size === '4x6' ? ']C1' : ']d2'));
      expect(gs1 && parseScan(gs1.aim + gs1.text)).toMatchObject({ ok: true, sscc: '078912340000000019' });
    }, 60_000);
  }

  it('reports a missing font with its code', async () => {
    await expect(loadLabelFonts(join(dir, 'no-resources'))).rejects.toMatchObject({ code: 'label.font-missing' });
  });
});
