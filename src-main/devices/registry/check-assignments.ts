/**
 * What the Devices tab may assign, checked before anything is saved: printer addresses that parse
 * (printer-uri.ts) and are printers, and serial ports that are ports. `file:` printers (append every
 * job to a file) and arbitrary paths stay command-line only (`bancada serve` flags, `bancada print
 * test`): from the screen they would let a supervisor append label data to any file the station can
 * write.
 */
import type { DeviceAssignments } from '../../../src-shared/domain/devices';
import { AppError } from '../../../src-shared/errors/codes';
import { parsePrinterUri } from '../printers/printer-uri';
import { electronPrinterName } from '../printers/electron-uri';

const SERIAL_PORT = /^(\/dev\/[A-Za-z0-9._\-/]+|COM([1-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-6]))$/;

export function checkAssignments(a: DeviceAssignments): void {
  const paths = [a.scale?.kind === 'serial' ? a.scale.path : null, ...a.scanners.map((s) => (s.kind === 'serial' ? s.path : null))];
  for (const path of paths) {
    if (path !== null && (!SERIAL_PORT.test(path) || path.includes('..'))) throw new AppError('device.bad-path', `"${path.slice(0, 100)}" is not a serial port`, { path: path.slice(0, 100) });
  }
  for (const uri of [a.labelPrinter?.uri, a.documentPrinter?.uri]) {
    if (uri === undefined) continue;
    if (/^electron:/i.test(uri)) {
      electronPrinterName(uri);
      continue;
    }
    const address = parsePrinterUri(uri);
    if (address.kind === 'file') throw new AppError('printer.bad-uri', 'file: printers are for the command line (bancada serve --label-printer file:…)', { uri: uri.slice(0, 200) });
  }
  if (a.labelPrinter && /^electron:/i.test(a.labelPrinter.uri)) throw new AppError('printer.bad-uri', 'a label printer takes raw ZPL or TSPL: tcp://, usb: or cups://', { uri: a.labelPrinter.uri.slice(0, 200) });
}
