import { afterEach } from 'vitest';
import { PrinterSink } from './printer-sink';

/**
 * For a test file: returns a starter of printer sinks (`PrinterSink.start`), each closed after its
 * test, as `tempDatabases` does for databases.
 */
export function tempPrinterSinks(): (...args: Parameters<typeof PrinterSink.start>) => Promise<PrinterSink> {
  const sinks: PrinterSink[] = [];
  afterEach(async () => {
    await Promise.all(sinks.splice(0).map((sink) => sink.close()));
  });
  return async (...args) => {
    const sink = await PrinterSink.start(...args);
    sinks.push(sink);
    return sink;
  };
}
