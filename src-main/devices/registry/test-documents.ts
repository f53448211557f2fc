/**
 * What "Test print" sends for each role: the existing test label in the label printer's language,
 * or a one-page PDF for the document printer (pdfkit's built-in Helvetica: the text is ASCII).
 */
import PDFDocument from 'pdfkit';
import type { PrinterRole } from '../device-hub';
import type { PrintDocument } from '../printers/print-service';
import { tsplTestLabel, zplTestLabel } from '../printers/test-label';

export async function testDocument(role: PrinterRole, language: 'zpl' | 'tspl' | 'pdf', printer: string, at: Date): Promise<PrintDocument> {
  if (role === 'label' && language === 'tspl') return { language: 'tspl', bytes: Buffer.from(tsplTestLabel({ printer, at }), 'utf8') };
  if (role === 'label') return { language: 'zpl', bytes: Buffer.from(zplTestLabel({ printer, at }), 'utf8') };
  return { language: 'pdf', bytes: await testPage(printer, at) };
}

function testPage(printer: string, at: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Bancada test page', CreationDate: at } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(28).text('Bancada test page', 56, 56);
    doc.font('Helvetica').fontSize(14).text(`Printer: ${printer.replace(/[^\x20-\x7e]/g, '?')}`, 56, 110);
    doc.text(`Sent: ${at.toISOString()}`, 56, 134);
    doc.end();
  });
}
