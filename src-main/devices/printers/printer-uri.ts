/**
 * Printer addresses as the station stores them and `bancada print test --printer` takes them:
 *
 *   tcp://10.0.0.5:9100       a network printer's raw port (AppSocket/JetDirect; 9100 if omitted)
 *   usb:/dev/usb/lp0          the Linux USB printer class device (usblp)
 *   cups://Zebra_ZD421        a CUPS queue on this machine; cups://host:631/QUEUE on another server
 *   file:/var/tmp/labels.zpl  append every job to a file (support and debugging)
 */
import { printerError } from './types';

export type PrinterAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'usb'; readonly path: string }
  | { readonly kind: 'cups'; readonly queue: string; readonly server: string | null }
  | { readonly kind: 'file'; readonly path: string };

export const DEFAULT_RAW_PORT = 9100;

/** CUPS refuses these in a printer name (cups/lpadmin.c validate_name); a leading `-` would read as an option. */
const CUPS_QUEUE = /^[^\s/\\?'"#-][^\s/\\?'"#]{0,126}$/;
const SERVER = /^[A-Za-z0-9.\-_]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function parsePrinterUri(uri: string): PrinterAddress {
  const scheme = /^([a-z]+):/i.exec(uri)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'tcp':
      return parseTcp(uri);
    case 'usb':
      return { kind: 'usb', path: localPath(uri, 'usb') };
    case 'file':
      return { kind: 'file', path: localPath(uri, 'file') };
    case 'cups':
      return parseCups(uri);
    default:
      throw badUri(uri, 'the printer address starts with tcp://, usb:, cups:// or file:');
  }
}

export function formatPrinterUri(address: PrinterAddress): string {
  switch (address.kind) {
    case 'tcp':
      return `tcp://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
    case 'usb':
      return `usb:${address.path}`;
    case 'file':
      return `file:${address.path}`;
    case 'cups':
      return address.server ? `cups://${address.server}/${address.queue}` : `cups://${address.queue}`;
    default: {
      const never: never = address;
      throw new Error(`unknown printer address ${JSON.stringify(never)}`);
    }
  }
}

function parseTcp(uri: string): PrinterAddress {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw badUri(uri, 'a network printer is tcp://host:port');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host || url.username || url.password || url.search || url.hash || (url.pathname !== '' && url.pathname !== '/')) {
    throw badUri(uri, 'a network printer is tcp://host:port, nothing more');
  }
  const port = url.port === '' ? DEFAULT_RAW_PORT : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw badUri(uri, 'the port is 1 to 65535');
  return { kind: 'tcp', host, port };
}

/** `usb:/dev/usb/lp0` or `usb:///dev/usb/lp0`; the path is taken literally (no percent-decoding). */
function localPath(uri: string, scheme: string): string {
  const path = uri.slice(scheme.length + 1).replace(/^\/\/(?=\/)/, '');
  if (!path.startsWith('/') || path.includes('\0')) throw badUri(uri, `${scheme}: takes an absolute path, e.g. ${scheme}:/dev/usb/lp0`);
  return path;
}

function parseCups(uri: string): PrinterAddress {
  const rest = uri.slice('cups:'.length);
  if (!rest.startsWith('//')) throw badUri(uri, 'a CUPS queue is cups://QUEUE or cups://server/QUEUE');
  const parts = rest.slice(2).split('/');
  const [server, queue] = parts.length === 2 ? [parts[0]!, parts[1]!] : [null, parts[0]!];
  if (parts.length > 2 || !CUPS_QUEUE.test(queue) || (server !== null && !SERVER.test(server))) {
    throw badUri(uri, 'a CUPS queue is cups://QUEUE or cups://server/QUEUE, with no spaces, quotes, /, \\, ? or #');
  }
  return { kind: 'cups', queue, server };
}

function badUri(uri: string, why: string) {
  return printerError('printer.bad-uri', `"${uri.slice(0, 200)}": ${why}`, { uri: uri.slice(0, 200) });
}
