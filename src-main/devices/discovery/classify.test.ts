import { describe, expect, it } from 'vitest';
import { classifyHidDevice, classifyHidDevices, classifySerialPort, classifySerialPorts, parseLpstatDevices, type RawHidDevice } from './classify';

// Records shaped like node-hid 3.x `devices()` on Linux (hidraw) and macOS.
const dymoM10: RawHidDevice = { vendorId: 0x0922, productId: 0x8003, path: '/dev/hidraw3', manufacturer: 'DYMO', product: 'M10 10 Kg Digital Postal Scale', release: 0x0100, interface: 0, usagePage: 0x8d, usage: 0x20 } as RawHidDevice;
const stampsVendorPage: RawHidDevice = { vendorId: 0x2474, productId: 0x0550, path: '/dev/hidraw4', manufacturer: 'Stamps.com', product: 'Stamps.com Stainless Steel 5 lb. Digital Scale', interface: 0, usagePage: 0xff00, usage: 0x01 };
const honeywellPos: RawHidDevice = { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw5', manufacturer: 'Honeywell Imaging & Mobility', product: '1900GSR', interface: 0, usagePage: 0x8c, usage: 0x02 };
const keyboard: RawHidDevice = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', manufacturer: 'Logitech', product: 'USB Keyboard', interface: 0, usagePage: 0x01, usage: 0x06 };

describe('classifyHidDevice', () => {
  it('a DYMO M10 on usage page 0x8D is a scale', () => {
    expect(classifyHidDevice(dymoM10)).toEqual({
      transport: 'hid',
      kind: 'scale',
      name: 'DYMO M10 10 Kg Digital Postal Scale',
      vidPid: '0922:8003',
      path: '/dev/hidraw3',
      why: 'HID usage page 0x8D (Scales)',
    });
  });

  it('a Stamps.com scale that only shows a vendor usage page is a scale by its VID:PID (§1.3)', () => {
    const c = classifyHidDevice(stampsVendorPage);
    expect(c.kind).toBe('scale');
    expect(c.vidPid).toBe('2474:0550');
    expect(c.why).toBe('known scale 2474:0550 Stamps.com stainless 5 lb (device-protocols.md §1.3)');
  });

  it('a known scale with no product string is named from the table', () => {
    expect(classifyHidDevice({ vendorId: 0x0922, productId: 0x8004 }).name).toBe('DYMO M25');
  });

  it('a HID POS scanner on usage page 0x8C is a scanner', () => {
    const c = classifyHidDevice(honeywellPos);
    expect(c).toMatchObject({ kind: 'scanner', vidPid: '0c2e:0b61', name: 'Honeywell Imaging & Mobility 1900GSR', why: 'HID usage page 0x8C (Barcode Scanner)' });
  });

  it('a keyboard is unknown, and so is a scanner vendor in keyboard mode', () => {
    expect(classifyHidDevice(keyboard)).toMatchObject({ kind: 'unknown', why: 'keyboard (usage page 0x01, usage 0x06)' });
    const wedge = classifyHidDevice({ ...honeywellPos, usagePage: 0x01, usage: 0x06 });
    expect(wedge.kind).toBe('unknown');
    expect(wedge.why).toMatch(/Honeywell .*keyboard or vendor mode/);
  });

  it('survives records with missing or odd fields', () => {
    expect(classifyHidDevice({})).toMatchObject({ kind: 'unknown', vidPid: '0000:0000', path: null, name: 'HID device 0000:0000', why: 'not a scale or scanner (no usage page)' });
    expect(classifyHidDevice({ vendorId: 0x1234, productId: 0x5678, product: '  \u001b[31m  ', usagePage: 0xff00 })).toMatchObject({ name: '[31m', why: 'not a scale or scanner (usage page 0xFF00)' });
  });

  it('collapses records of one path, keeping the scale over its vendor collection', () => {
    const vendorCollection = { ...dymoM10, usagePage: 0xff00, usage: 1 };
    const scaleOnly = { ...vendorCollection, vendorId: 0x1111 };
    const list = classifyHidDevices([{ ...scaleOnly }, dymoM10, keyboard, { ...keyboard, path: undefined }, { ...keyboard, path: undefined }]);
    expect(list.map((c) => [c.kind, c.path])).toEqual([
      ['scale', '/dev/hidraw3'],
      ['unknown', '/dev/hidraw0'],
      ['unknown', null],
      ['unknown', null],
    ]);
  });
});

describe('classifySerialPort', () => {
  it('a Mettler Toledo USB-CDC port is a scale candidate, a Honeywell one a scanner', () => {
    expect(classifySerialPort({ path: '/dev/ttyACM0', manufacturer: 'Mettler Toledo', vendorId: '0eb8', productId: '2200' })).toEqual({
      transport: 'serial',
      kind: 'scale',
      name: 'Mettler Toledo',
      vidPid: '0eb8:2200',
      manufacturer: 'Mettler Toledo',
      path: '/dev/ttyACM0',
      why: 'Mettler Toledo vendor id 0eb8 (device-protocols.md §1.3)',
    });
    expect(classifySerialPort({ path: 'COM5', manufacturer: 'Honeywell', vendorId: '0C2E', productId: '0B6A' })).toMatchObject({ kind: 'scanner', vidPid: '0c2e:0b6a' });
  });

  it('a USB-serial adapter or a built-in port is unknown, with the reason', () => {
    expect(classifySerialPort({ path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001' })).toMatchObject({ kind: 'unknown', why: expect.stringContaining('FTDI USB-serial adapter') });
    expect(classifySerialPort({ path: '/dev/ttyS0' })).toMatchObject({ kind: 'unknown', name: 'serial port', vidPid: null, manufacturer: null, why: 'no USB identity (built-in or virtual port)' });
    expect(classifySerialPort({ path: '/dev/ttyUSB1', vendorId: 'zz' })).toMatchObject({ vidPid: null, why: 'no USB identity (built-in or virtual port)' });
  });

  it('drops records without a path', () => {
    expect(classifySerialPorts([{ path: '' }, { path: '/dev/ttyS1' }]).map((p) => p.path)).toEqual(['/dev/ttyS1']);
  });
});

describe('parseLpstatDevices', () => {
  it('reads "device for QUEUE: URI" lines', () => {
    const out = 'device for Zebra_ZP450: usb://Zebra%20Technologies/ZTC%20ZP%20450-200dpi?serial=28J123\ndevice for Rollo: socket://192.168.1.40:9100\ndevice for Old: /dev/usb/lp0\n';
    expect(parseLpstatDevices(out)).toEqual([
      { queue: 'Zebra_ZP450', uri: 'usb://Zebra%20Technologies/ZTC%20ZP%20450-200dpi?serial=28J123' },
      { queue: 'Rollo', uri: 'socket://192.168.1.40:9100' },
      { queue: 'Old', uri: '/dev/usb/lp0' },
    ]);
  });

  it('tolerates other locales and CRLF', () => {
    expect(parseLpstatDevices('Gerät für Zebra: ipp://localhost/printers/Zebra\r\npériphérique pour Etiquetas : socket://10.0.0.9:9100\r\n')).toEqual([
      { queue: 'Zebra', uri: 'ipp://localhost/printers/Zebra' },
      { queue: 'Etiquetas', uri: 'socket://10.0.0.9:9100' },
    ]);
  });

  it('finds nothing in empty output, a stopped scheduler or junk', () => {
    expect(parseLpstatDevices('')).toEqual([]);
    expect(parseLpstatDevices('lpstat: Scheduler is not running.\n')).toEqual([]);
    expect(parseLpstatDevices('lpstat: No destinations added.\n')).toEqual([]);
    expect(parseLpstatDevices('system default destination: Zebra\n\u0000\u00ff garbage :: here\nno colon here\n: socket://x\n')).toEqual([]);
  });
});
