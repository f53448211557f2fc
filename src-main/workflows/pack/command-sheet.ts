import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import type { PackCommand } from '../../../src-shared/domain/pack';
import type { Locale } from '../../../src-shared/domain/types';
import type { LabelFonts } from '../../documents/labels/pdf-label';
import { commandBarcode } from './classify-scan';

/** The commands a packer scans from the sheet taped to the bench, in the order they are needed. */
export const SHEET_COMMANDS: readonly PackCommand[] = ['complete', 'next-package', 'undo', 'reprint', 'recount', 'skip-weight', 'exception', 'cancel', 'switch-operator'];

const CAPTIONS: Readonly<Record<Locale, { title: string } & Record<PackCommand, string>>> = {
  en: { title: 'Packing bench — command barcodes', complete: 'Complete order', 'next-package': 'Next package', undo: 'Undo last scan', reprint: 'Reprint label', recount: 'Recounted — weigh again', 'skip-weight': 'Skip weighing (no scale)', exception: 'Exception', cancel: 'Cancel pack', 'switch-operator': 'Switch operator', override: 'Supervisor override' },
  es: { title: 'Banco de empaque — códigos de comando', complete: 'Completar pedido', 'next-package': 'Siguiente bulto', undo: 'Deshacer último escaneo', reprint: 'Reimprimir etiqueta', recount: 'Recontado — pesar de nuevo', 'skip-weight': 'Omitir pesaje (sin balanza)', exception: 'Excepción', cancel: 'Cancelar empaque', 'switch-operator': 'Cambiar operador', override: 'Autorización de supervisor' },
  'pt-BR': { title: 'Bancada de embalagem — códigos de comando', complete: 'Concluir pedido', 'next-package': 'Próximo volume', undo: 'Desfazer última leitura', reprint: 'Reimprimir etiqueta', recount: 'Recontado — pesar de novo', 'skip-weight': 'Pular pesagem (sem balança)', exception: 'Exceção', cancel: 'Cancelar embalagem', 'switch-operator': 'Trocar operador', override: 'Autorização do supervisor' },
};

/** An A4 page of Code 128 command barcodes, two columns, each with its caption and text. */
export async function buildCommandSheet(locale: Locale, fonts: LabelFonts, createdAt = new Date()): Promise<Buffer> {
  const captions = CAPTIONS[locale];
  const images = await Promise.all(SHEET_COMMANDS.map((c) => bwipjs.toBuffer({ bcid: 'code128', text: commandBarcode(c), scale: 3, height: 14, includetext: false })));
  const doc = new PDFDocument({ size: [595.28, 841.89], margin: 0, font: null, info: { Title: captions.title, Creator: 'Bancada', CreationDate: createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('sheet', fonts.bold).font('sheet');
  doc.fontSize(18).text(captions.title, 40, 36, { width: 515 });
  SHEET_COMMANDS.forEach((command, i) => {
    const x = 40 + (i % 2) * 270;
    const y = 90 + Math.floor(i / 2) * 145;
    doc.fontSize(14).text(captions[command], x, y, { width: 250 });
    doc.image(images[i]!, x, y + 22, { width: 240, height: 70 });
    doc.fontSize(9).text(commandBarcode(command), x, y + 98, { width: 250 });
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
