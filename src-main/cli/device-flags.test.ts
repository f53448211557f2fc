import { describe, expect, it } from 'vitest';
import { parseDeviceFlags } from './device-flags';

describe('bancada serve device flags', () => {
  it('reads a serial scale, scanners, a ZPL label printer and a CUPS document printer', () => {
    expect(
      parseDeviceFlags({
        scale: 'sics:/dev/pts/3',
        scanner: ['serial:/dev/ttyACM0', 'hid:0c2e:0B61'],
        'label-printer': 'tcp://127.0.0.1:9100',
        'label-language': 'tspl',
        'label-size': '4x4',
        'label-dpi': '300',
        'document-printer': 'cups://Office',
      }),
    ).toEqual({
      overrides: {
        scale: { kind: 'serial', protocol: 'sics', path: '/dev/pts/3' },
        scanners: [
          { kind: 'serial', path: '/dev/ttyACM0' },
          { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61 },
        ],
        labelPrinter: { uri: 'tcp://127.0.0.1:9100', language: 'tspl', size: '4x4', dpi: 300 },
        documentPrinter: { uri: 'cups://Office' },
      },
      simulate: undefined,
    });
  });

  it('defaults a label printer to ZPL 4x6 at 203 dpi and reads an HID scale', () => {
    expect(parseDeviceFlags({ scale: 'hid:0922:8003', 'label-printer': 'usb:/dev/usb/lp0', 'no-simulate': true })).toEqual({
      overrides: { scale: { kind: 'hid', vendorId: 0x0922, productId: 0x8003 }, labelPrinter: { uri: 'usb:/dev/usb/lp0', language: 'zpl', size: '4x6', dpi: 203 } },
      simulate: false,
    });
  });

  it.each([
    [{ scale: 'mettler:/dev/ttyUSB0' }, /--scale is/],
    [{ scale: 'sics:ttyUSB0' }, /absolute device path/],
    [{ scale: 'hid:zz:1' }, /two hex ids/],
    [{ scanner: ['keyboard'] }, /--scanner is/],
    [{ 'label-printer': 'http://printer' }, /tcp:\/\//],
    [{ 'label-printer': 'tcp://p:9100', 'label-language': 'epl' }, /--label-language is one of zpl, tspl/],
    [{ 'label-dpi': '300' }, /go with --label-printer/],
    [{ simulate: true, 'no-simulate': true }, /contradict/],
  ])('refuses %j with a clear message', (values, message) => {
    const result = parseDeviceFlags(values);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(message);
  });
});
