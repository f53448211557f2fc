import { describe, expect, it } from 'vitest';
import { NO_ASSIGNMENTS, type DeviceAssignments } from '../../../src-shared/domain/devices';
import { checkAssignments } from './check-assignments';

const label = (uri: string): DeviceAssignments => ({ ...NO_ASSIGNMENTS, labelPrinter: { uri, language: 'zpl', size: '4x6', dpi: 203 } });

describe('what the Devices tab may assign', () => {
  it('takes serial ports, network/USB/CUPS label printers and CUPS or desktop document printers', () => {
    expect(() =>
      checkAssignments({
        scale: { kind: 'serial', protocol: 'sics', path: '/dev/ttyUSB0' },
        scanners: [{ kind: 'serial', path: 'COM3' }, { kind: 'hid', vendorId: 1, productId: 2 }],
        labelPrinter: { uri: 'tcp://10.0.0.5:9100', language: 'tspl', size: '4x4', dpi: 300 },
        documentPrinter: { uri: 'electron://Office%20Laser' },
      }),
    ).not.toThrow();
    for (const uri of ['usb:/dev/usb/lp0', 'cups://Zebra']) expect(() => checkAssignments(label(uri))).not.toThrow();
  });

  it('refuses file: printers, a desktop printer for labels, bad addresses and paths that are not ports, with codes', () => {
    expect(() => checkAssignments(label('file:/home/station/.bashrc'))).toThrow(expect.objectContaining({ code: 'printer.bad-uri' }));
    expect(() => checkAssignments(label('electron://Office'))).toThrow(expect.objectContaining({ code: 'printer.bad-uri' }));
    expect(() => checkAssignments(label('http://printer'))).toThrow(expect.objectContaining({ code: 'printer.bad-uri' }));
    for (const path of ['/etc/passwd/../../dev/sda', 'ttyUSB0', 'COM0', '/tmp/$(x)']) {
      expect(() => checkAssignments({ ...NO_ASSIGNMENTS, scale: { kind: 'serial', protocol: 'nci', path } }), path).toThrow(expect.objectContaining({ code: 'device.bad-path' }));
    }
  });
});
