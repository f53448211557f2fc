import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import type { LabelFonts } from '../labels/pdf-label';

/**
 * The packing slip: an A4 page that goes in the box (what was ordered and what was packed, package
 * by package) with the order number as a Code 128 barcode, so scanning the slip opens the order at
 * any bench (issue #4, step 1). Captions come in the station's language; data is printed as given.
 */
export interface SlipData {
  readonly orderNumber: string;
  readonly customerName: string;
  readonly shipTo: readonly string[];
  readonly packedAt: string;
  readonly lines: readonly { readonly sku: string; readonly title: string; readonly variant: string | null; readonly ordered: number; readonly packed: number }[];
  readonly packages: readonly { readonly index: number; readonly tracking: string | null; readonly weightMg: number | null }[];
}

export interface SlipCaptions {
  readonly title: string;
  readonly shipTo: string;
  readonly sku: string;
  readonly item: string;
  readonly ordered: string;
  readonly packed: string;
  readonly packages: string;
  readonly packageOf: (i: number, n: number) => string;
  readonly short: string;
}

export const SLIP_CAPTIONS: Readonly<Record<'en' | 'es' | 'pt-BR', SlipCaptions>> = {
  en: { title: 'Packing slip', shipTo: 'Ship to', sku: 'SKU', item: 'Item', ordered: 'Ordered', packed: 'Packed', packages: 'Packages', packageOf: (i, n) => `Package ${i} of ${n}`, short: 'short' },
  es: { title: 'Remito de empaque', shipTo: 'Enviar a', sku: 'SKU', item: 'Artículo', ordered: 'Pedido', packed: 'Empacado', packages: 'Bultos', packageOf: (i, n) => `Bulto ${i} de ${n}`, short: 'faltante' },
  'pt-BR': { title: 'Romaneio', shipTo: 'Enviar para', sku: 'SKU', item: 'Item', ordered: 'Pedido', packed: 'Embalado', packages: 'Volumes', packageOf: (i, n) => `Volume ${i} de ${n}`, short: 'faltante' },
};

const A4: readonly [number, number] = [595.28, 841.89];
const MARGIN = 48;

export async function buildPackingSlip(data: SlipData, captions: SlipCaptions, fonts: LabelFonts, createdAt = new Date()): Promise<Buffer> {
  const barcode = await bwipjs.toBuffer({ bcid: 'code128', text: data.orderNumber, scale: 3, height: 12, includetext: false });
  const doc = new PDFDocument({ size: A4, margin: 0, font: null, info: { Title: `${captions.title} ${data.orderNumber}`, Creator: 'Bancada', CreationDate: createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('slip', fonts.bold).font('slip');
  const width = A4[0] - 2 * MARGIN;
  doc.fontSize(14).text(captions.title, MARGIN, MARGIN, { width: width - 200 });
  doc.fontSize(26).text(data.orderNumber, MARGIN, MARGIN + 20, { width: width - 200 });
  doc.image(barcode, A4[0] - MARGIN - 190, MARGIN, { width: 190, height: 48 });
  doc.fontSize(11).text(data.packedAt, MARGIN, MARGIN + 56, { width: 300 });
  let y = MARGIN + 96;
  doc.fontSize(12).text(captions.shipTo, MARGIN, y);
  y += 18;
  for (const line of [data.customerName, ...data.shipTo]) {
    doc.fontSize(12).text(line, MARGIN, y, { width });
    y += 16;
  }
  y += 16;
  const cols = [MARGIN, MARGIN + 120, MARGIN + 390, MARGIN + 450];
  doc.fontSize(10).text(captions.sku, cols[0]!, y).text(captions.item, cols[1]!, y).text(captions.ordered, cols[2]!, y).text(captions.packed, cols[3]!, y);
  y += 16;
  doc.rect(MARGIN, y - 3, width, 1).fill('black');
  for (const l of data.lines) {
    const title = l.variant ? `${l.title} — ${l.variant}` : l.title;
    doc.fontSize(10).text(l.sku, cols[0]!, y, { width: 115 }).text(title, cols[1]!, y, { width: 260 });
    doc.text(String(l.ordered), cols[2]!, y).text(l.packed < l.ordered ? `${l.packed} (${captions.short})` : String(l.packed), cols[3]!, y);
    y += 28;
  }
  y += 12;
  doc.fontSize(12).text(captions.packages, MARGIN, y);
  y += 18;
  for (const p of data.packages) {
    const weight = p.weightMg === null ? '' : ` · ${(p.weightMg / 1_000_000).toFixed(3)} kg`;
    doc.fontSize(10).text(`${captions.packageOf(p.index, data.packages.length)}${p.tracking ? ` · ${p.tracking}` : ''}${weight}`, MARGIN, y, { width });
    y += 16;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
