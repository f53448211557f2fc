import { cupsTransport, type CupsCommands } from './cups-transport';
import { fileTransport } from './file-transport';
import { parsePrinterUri } from './printer-uri';
import { tcpTransport, type TcpPrinterOptions } from './tcp-transport';
import type { PrinterTransport } from './types';
import { usbTransport } from './usb-transport';

export interface TransportOptions {
  readonly tcp?: TcpPrinterOptions;
  readonly cups?: CupsCommands;
}

/** The transport for a printer URI (printer-uri.ts); throws `printer.bad-uri` for anything else. */
export function openPrinterTransport(uri: string, options: TransportOptions = {}): PrinterTransport {
  const address = parsePrinterUri(uri);
  switch (address.kind) {
    case 'tcp':
      return tcpTransport(address.host, address.port, options.tcp);
    case 'usb':
      return usbTransport(address.path);
    case 'cups':
      return cupsTransport({ queue: address.queue, server: address.server }, options.cups);
    case 'file':
      return fileTransport(address.path);
    default: {
      const never: never = address;
      throw new Error(`unknown printer address ${JSON.stringify(never)}`);
    }
  }
}
