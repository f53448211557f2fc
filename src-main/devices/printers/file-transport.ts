/**
 * `file:/path`: every job appended to a file, byte for byte, for support and debugging ("what did
 * the station actually send?"). The file is created if missing; its folder must exist.
 */
import { appendFile } from 'node:fs/promises';
import { describeError, errnoCode, printerError, type PrinterTransport } from './types';

export function fileTransport(path: string): PrinterTransport {
  return {
    uri: `file:${path}`,
    send: async (bytes) => {
      try {
        await appendFile(path, bytes);
      } catch (error) {
        const code = errnoCode(error) ?? 'unknown';
        if (code === 'ENOENT') throw printerError('printer.not-found', `${path}: its folder does not exist`, { errno: code });
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw printerError('printer.permission-denied', `${path}: cannot write here (${code})`, { errno: code });
        throw printerError('printer.write-failed', `${path}: ${describeError(error)}`, { errno: code });
      }
    },
  };
}
