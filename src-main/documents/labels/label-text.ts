import type { Locale } from '../../../src-shared/domain/types';
import { formatWeight } from '../../../src-shared/units/weight';
import type { LabelAddress, LabelRequest } from './label-request';

/**
 * Control characters (C0, DEL, C1), line and paragraph separators: a label line is one line, and a
 * CR/LF inside printer data ends a TSPL command or confuses a ZPL field (device-protocols.md §5.2,
 * §5.4). Each run of them prints as one space. A lone UTF-16 surrogate cannot be encoded as UTF-8.
 */
// eslint-disable-next-line no-control-regex
const LINE_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What a printer is given for a piece of user text: one line, valid Unicode, nothing else changed. */
export function printableText(text: string): string {
  return text.replace(LINE_BREAKERS, ' ').replace(LONE_SURROGATE, '\ufffd');
}

export interface LabelCaptions {
  readonly from: string;
  readonly to: string;
  readonly order: string;
  readonly weight: string;
  readonly reference: string;
  readonly tracking: string;
  readonly package: (index: number, count: number) => string;
  readonly packageShort: string;
}

/** Captions in the station's languages; carriers' own labels in Brazil and Argentina use these words. */
export const LABEL_CAPTIONS: Readonly<Record<Locale, LabelCaptions>> = {
  en: {
    from: 'FROM',
    to: 'SHIP TO',
    order: 'ORDER',
    weight: 'WEIGHT',
    reference: 'REF',
    tracking: 'TRACKING',
    package: (i, n) => `PACKAGE ${i} OF ${n}`,
    packageShort: 'PACKAGE',
  },
  es: {
    from: 'REMITENTE',
    to: 'DESTINATARIO',
    order: 'PEDIDO',
    weight: 'PESO',
    reference: 'REF',
    tracking: 'SEGUIMIENTO',
    package: (i, n) => `BULTO ${i} DE ${n}`,
    packageShort: 'BULTO',
  },
  'pt-BR': {
    from: 'REMETENTE',
    to: 'DESTINATÁRIO',
    order: 'PEDIDO',
    weight: 'PESO',
    reference: 'REF',
    tracking: 'RASTREIO',
    package: (i, n) => `VOLUME ${i} DE ${n}`,
    packageShort: 'VOLUME',
  },
};

/** "1.25 kg" in English, "1,25 kg" in Spanish and Portuguese. */
export function labelWeight(request: Pick<LabelRequest, 'weightMg' | 'weightUnit' | 'language'>): string {
  const text = formatWeight(request.weightMg, request.weightUnit, { precision: 2 });
  return request.language === 'en' ? text : text.replace('.', ',');
}

/** "São Paulo - SP": the city and region line of an address. */
export function cityLine(address: LabelAddress): string {
  return `${address.city} - ${address.region}`;
}

/** "01310-100  BR": the postal code a sorter reads first. */
export function postalLine(address: LabelAddress): string {
  return `${address.postalCode}  ${address.country}`;
}

/** A ship-from block in three lines: who, where, which city. */
export function compactAddress(address: LabelAddress): readonly string[] {
  const who = address.company ? `${address.company} · ${address.name}` : address.name;
  return [who, address.lines.join(', '), `${cityLine(address)} ${address.postalCode} ${address.country}`];
}

/** "(00) 106141411234567897": how an SSCC reads under its barcode. */
export function ssccText(sscc: string): string {
  return `(00) ${sscc}`;
}
