import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import { formatPrinterUri, parsePrinterUri } from './printer-uri';

function codeOf(uri: string): string | undefined {
  try {
    parsePrinterUri(uri);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('printer URIs', () => {
  it('reads the four kinds of printer address', () => {
    expect(parsePrinterUri('tcp://10.0.0.5:9100')).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9100 });
    expect(parsePrinterUri('tcp://zebra-3.local')).toEqual({ kind: 'tcp', host: 'zebra-3.local', port: 9100 });
    expect(parsePrinterUri('tcp://[fe80::1]:6101')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 6101 });
    expect(parsePrinterUri('usb:/dev/usb/lp0')).toEqual({ kind: 'usb', path: '/dev/usb/lp0' });
    expect(parsePrinterUri('usb:///dev/usb/lp1')).toEqual({ kind: 'usb', path: '/dev/usb/lp1' });
    expect(parsePrinterUri('cups://Zebra_ZD421')).toEqual({ kind: 'cups', queue: 'Zebra_ZD421', server: null });
    expect(parsePrinterUri('cups://print.example.com:631/Labels')).toEqual({ kind: 'cups', queue: 'Labels', server: 'print.example.com:631' });
    expect(parsePrinterUri('file:/var/tmp/labels.zpl')).toEqual({ kind: 'file', path: '/var/tmp/labels.zpl' });
    expect(parsePrinterUri('file:///var/tmp/labels.zpl')).toEqual({ kind: 'file', path: '/var/tmp/labels.zpl' });
  });

  it('writes each address back as the URI it came from', () => {
    for (const uri of ['tcp://10.0.0.5:9100', 'tcp://[fe80::1]:6101', 'usb:/dev/usb/lp0', 'cups://Zebra_ZD421', 'cups://print:631/Labels', 'file:/tmp/x.zpl']) {
      expect(formatPrinterUri(parsePrinterUri(uri))).toBe(uri);
    }
  });

  it('refuses anything else with printer.bad-uri', () => {
    for (const uri of ['', 'lp0', 'http://10.0.0.5', 'tcp://', 'tcp://host:0', 'tcp://host:70000', 'tcp://user:pw@host:9100', 'tcp://host:9100/path', 'usb:dev/usb/lp0', 'file:relative.zpl', 'cups://', 'cups://a b', 'cups://-o', 'cups://a/b/c', "cups://it's"]) {
      expect(codeOf(uri), uri).toBe('printer.bad-uri');
    }
  });
});
