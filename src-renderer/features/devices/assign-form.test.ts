import { describe, expect, it } from 'vitest';
import { parseScanners } from './assign-form';

describe('the scanners field of the assignment form', () => {
  it('reads serial paths and HID vid:pid pairs, separated by commas or spaces', () => {
    expect(parseScanners('serial:/dev/ttyACM0, hid:0c2e:0B61  serial:/dev/ttyUSB1')).toEqual([
      { kind: 'serial', path: '/dev/ttyACM0' },
      { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61 },
      { kind: 'serial', path: '/dev/ttyUSB1' },
    ]);
    expect(parseScanners('  ')).toEqual([]);
  });

  it('refuses anything else as a whole, rather than saving half of it', () => {
    expect(parseScanners('serial:/dev/ttyACM0, usb:scanner')).toBeNull();
    expect(parseScanners('serial:ttyACM0')).toBeNull();
    expect(parseScanners('hid:12345:1')).toBeNull();
  });
});
