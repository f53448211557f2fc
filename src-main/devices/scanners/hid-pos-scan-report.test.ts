import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHidPosScanReport, HidScanAssembler } from './hid-pos-scan-report';

/** A 64-byte Honeywell-layout report (device-protocols.md §3.2, [S21]): ID 2, length, AIM, data, vendor code, reserved, continuation. */
function report(data: string, options: { aim?: string; more?: boolean; vendor?: number; extraLeadingByte?: boolean } = {}): Uint8Array {
  const bytes = new Uint8Array(64);
  const shift = options.extraLeadingByte ? 1 : 0;
  const payload = Buffer.from(data, 'utf8');
  bytes[0] = 0x02;
  bytes[1 + shift] = payload.length;
  if (options.aim !== undefined) bytes.set(Buffer.from(options.aim, 'latin1'), 2 + shift);
  bytes.set(payload, 5 + shift);
  bytes[61] = options.vendor ?? 0x6a;
  bytes[63] = options.more ? 0x01 : 0x00;
  return bytes;
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
}

describe('HID POS scanner reports', () => {
  it('reads the reference vector: report 2, length 16, ]C1, GS1-128 (01)09506000134352', () => {
    // device-protocols.md §3.2: "02 10 5D 43 31 30 31 30 39 35 30 36 30 30 30 31 33 34 33 35 32 00 … | byte63 = 00"
    const vector = new Uint8Array(64);
    vector.set(fromHex('02 10 5D 43 31 30 31 30 39 35 30 36 30 30 30 31 33 34 33 35 32'));
    const piece = decodeHidPosScanReport(vector);
    expect(piece).toMatchObject({ kind: 'piece', aim: ']C1', more: false });
    expect(Buffer.from((piece as { data: Uint8Array }).data).toString()).toBe('0109506000134352');
  });

  it('joins a 60-byte barcode sent as 56 + 4 bytes, continuation bit set on the first', () => {
    const data = 'A'.repeat(50) + '0123456789';
    const assembler = new HidScanAssembler();
    expect(assembler.push(report(data.slice(0, 56), { aim: ']d2', more: true }))).toBeNull();
    expect(assembler.push(report(data.slice(56), { aim: ']d2' }))).toEqual({ kind: 'scan', text: data, symbology: ']d2' });
  });

  it('keeps the group separator of a GS1 DataMatrix as U+001D', () => {
    const data = '0109506000134352\u001d10ABC123';
    expect(new HidScanAssembler().push(report(data, { aim: ']d2' }))).toEqual({ kind: 'scan', text: data, symbology: ']d2' });
  });

  it('finds the AIM id one byte later on scanners that send an extra leading byte', () => {
    expect(new HidScanAssembler().push(report('4006381333931', { aim: ']E0', extraLeadingByte: true }))).toEqual({ kind: 'scan', text: '4006381333931', symbology: ']E0' });
  });

  it('takes a scan without an AIM id (all zero) with a null symbology', () => {
    expect(new HidScanAssembler().push(report('ORD-1001'))).toEqual({ kind: 'scan', text: 'ORD-1001', symbology: null });
  });

  it('refuses reports that are not scanned data, and drops a half-assembled scan after one', () => {
    const assembler = new HidScanAssembler();
    expect(decodeHidPosScanReport(Uint8Array.of(0x01, 0x02))).toMatchObject({ kind: 'rejected', code: 'scanner.bad-report' });
    const wrongId = report('x');
    wrongId[0] = 0x04;
    expect(decodeHidPosScanReport(wrongId)).toMatchObject({ kind: 'rejected', code: 'scanner.bad-report' });
    const tooLong = report('x');
    tooLong[1] = 57;
    expect(decodeHidPosScanReport(tooLong)).toMatchObject({ kind: 'rejected', code: 'scanner.bad-report' });
    expect(assembler.push(report('first half', { aim: ']C0', more: true }))).toBeNull();
    expect(assembler.push(tooLong)).toMatchObject({ kind: 'rejected' });
    expect(assembler.push(report('fresh', { aim: ']C0' }))).toEqual({ kind: 'scan', text: 'fresh', symbology: ']C0' });
  });

  it('refuses a scan that never ends rather than cutting it', () => {
    const assembler = new HidScanAssembler();
    let result: ReturnType<HidScanAssembler['push']> = null;
    for (let i = 0; i < 80 && result === null; i++) result = assembler.push(report('x'.repeat(56), { more: true }));
    expect(result).toMatchObject({ kind: 'rejected', code: 'scanner.too-long' });
  });

  it('never throws on garbage, and never yields a scan from a report without the scanned-data ID', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const out = new HidScanAssembler().push(bytes);
        if (bytes[0] !== 0x02) expect(out?.kind === 'scan').toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
