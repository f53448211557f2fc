/**
 * `PortFactory` over the `serialport` package. serialport turns every read or write error that is
 * not a cancellation into a `close` event carrying a DisconnectedError (@serialport/stream
 * `_disconnected`); a USB adapter pulled out and a socat pty whose other side died both end there.
 */
import { SerialPort } from 'serialport';
import type { PortConnection, PortFactory } from './port';

export const openNodeSerialPort: PortFactory = (path, settings, handlers) =>
  new Promise((resolve, reject) => {
    const port = new SerialPort({ path, ...settings, autoOpen: false });
    let closing = false;
    port.on('data', (chunk: Buffer) => handlers.onData(chunk));
    port.on('close', (error: Error | null) => {
      if (!closing) handlers.onLost(error ?? new Error(`${path} closed`));
    });
    // Write and close failures also arrive here; the close that follows (or the rejected write) tells the driver.
    port.on('error', () => undefined);
    port.open((error) => {
      if (error) {
        reject(error);
        return;
      }
      const connection: PortConnection = {
        write: (bytes) =>
          new Promise<void>((done, fail) => {
            // serialport queues a write to a closed port until it opens again, which would never settle here.
            if (!port.isOpen) fail(new Error(`${path} is not open`));
            else port.write(Buffer.from(bytes), (writeError) => (writeError ? fail(writeError) : done()));
          }),
        close: () =>
          new Promise<void>((done) => {
            closing = true;
            if (!port.isOpen) done();
            else port.close(() => done());
          }),
      };
      resolve(connection);
    });
  });
