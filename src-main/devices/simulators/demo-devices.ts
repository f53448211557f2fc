/**
 * The simulators a demo station (or `bancada serve --simulate`) runs: an MT-SICS scale on a socat
 * pseudo-terminal when socat is installed, otherwise the same scale model in memory (health says
 * `simulated: true` either way, and the scale's name says which), and a TCP 9100 printer sink on
 * loopback whose last label the Devices tab shows as an image.
 *
 * Scripting the simulated scale's weight:
 *   - from the UI: Supervisor → Devices → "Simulated scale" (the `scale:simulate` method);
 *   - from a test driving a station over its WebSocket or page: call `scale:simulate` {grams, motion?}
 *     as a supervisor;
 *   - from a test that starts `bancada serve` itself: start a SerialScaleSim in the test
 *     (`SerialScaleSim.start({ protocol: 'sics' })`), pass `--scale sics:<sim.appPath>`, and call
 *     `sim.setWeight(grams)`; print with `--label-printer tcp://127.0.0.1:<sink.port>` to a
 *     PrinterSink the test owns, and read `sink.jobs`;
 *   - from a terminal: `bancada scale simulate` prints the pty path and takes grams on stdin.
 */
import type { Simulation } from '../registry/device-registry';
import { MemoryScaleSim } from './memory-scale';
import { PrinterSink } from './printer-sink';
import { SerialScaleSim } from './serial-scale-sim';
import { SocatMissingError } from './socat-pair';

export interface RunningSimulation extends Simulation {
  close(): Promise<void>;
}

export async function startSimulation(options: { readonly scale: boolean; readonly printer: boolean; readonly log: (message: string, detail: Record<string, unknown>) => void }): Promise<RunningSimulation> {
  let scale: Simulation['scale'] = null;
  let socatSim: SerialScaleSim | null = null;
  if (options.scale) {
    try {
      socatSim = await SerialScaleSim.start({ protocol: 'sics' });
      scale = { via: 'socat', path: socatSim.appPath, control: socatSim };
    } catch (error) {
      options.log(error instanceof SocatMissingError ? 'socat is missing: the simulated scale runs in memory' : 'the socat scale simulator failed: it runs in memory', { error });
      const memory = new MemoryScaleSim('sics');
      scale = { via: 'memory', path: 'memory:scale', openPort: memory.openPort, control: memory };
    }
  }
  const sink = options.printer ? await PrinterSink.start() : null;
  return {
    scale,
    sink,
    async close() {
      await Promise.all([socatSim?.close(), sink?.close()]);
    },
  };
}
