import { describe, expect, it } from 'vitest';
import { classifyScan, commandBarcode, DEFAULT_PACK_SCAN_CONFIG, expiry } from './classify-scan';

const read = (raw: string) => classifyScan(raw, DEFAULT_PACK_SCAN_CONFIG);

describe('what a scan means at the packing bench', () => {
  it('reads command barcodes from the sheet, and names an unknown one as such', () => {
    expect(read(commandBarcode('next-package'))).toEqual({ kind: 'command', command: 'next-package', value: 'NEXT-PACKAGE' });
    expect(read('BC-CMD-DANCE')).toEqual({ kind: 'command', command: null, value: 'DANCE' });
  });

  it('opens orders by slip number or pick ticket, totes and boxes by prefix', () => {
    expect(read('#1001')).toEqual({ kind: 'order', value: '1001' });
    expect(read('ORD-BR-10045')).toEqual({ kind: 'order', value: 'BR-10045' });
    expect(read('TOTE-A17')).toEqual({ kind: 'tote', value: 'TOTE-A17' });
    expect(read('BOX-M')).toEqual({ kind: 'box', value: 'BOX-M' });
  });

  it('finds items by any GTIN form as 14 digits, and by the text of a SKU label', () => {
    expect(read(']E07798142008215')).toMatchObject({ kind: 'item', key: '07798142008215', read: 'gtin' });
    expect(read('7798142008215')).toMatchObject({ kind: 'item', key: '07798142008215' });
    expect(read('ROP-RMB-NEG-XS')).toMatchObject({ kind: 'item', key: 'ROP-RMB-NEG-XS', read: 'text' });
  });

  it('takes serial, lot and expiry from a GS1 element string (01 with 21, 10, 17)', () => {
    const gs1 = read(']d2010779814200821517270500' + '10LOT-9\u001d21SN-42');
    expect(gs1).toEqual({ kind: 'item', key: '07798142008215', read: 'gs1', serial: 'SN-42', lot: 'LOT-9', expiry: '2027-05-31' });
  });

  it('reads expiry dates with day 00 as the last day of the month', () => {
    expect(expiry('240200')).toBe('2024-02-29');
    expect(expiry('261231')).toBe('2026-12-31');
    expect(expiry('bad')).toBeNull();
  });

  it('says a malformed GS1 string is bad rather than guessing', () => {
    expect(read(']C1019506000134352')).toMatchObject({ kind: 'bad' });
  });
});
