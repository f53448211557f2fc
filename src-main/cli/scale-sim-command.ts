/**
 * `bancada scale simulate`: a simulated serial scale for support and tests, outside any station. It
 * starts an MT-SICS (or NCI) scale on a socat pseudo-terminal, prints the path a station opens
 * (`bancada serve --scale sics:PATH`), and takes the platter's weight from stdin, one command a line:
 *
 *   1250        grams on the platter         motion / still   the load moves / settles
 *   over        overload on                  zero             the zero key
 *   quit        end (so does end of input)
 */
import { parseArgs } from 'node:util';
import { SerialScaleSim } from '../devices/simulators/serial-scale-sim';
import { SIM_PROTOCOLS, type SimProtocol } from '../devices/simulators/scale-sim-model';

export const SCALE_SIM_USAGE = `bancada scale simulate [--protocol sics|nci] [--continuous]

A simulated scale on a socat pseudo-terminal. Prints {"path": …} for bancada serve --scale
sics:PATH, then reads commands from stdin, one a line: a number of grams on the platter, motion,
still, over, zero, quit. Prints {"grams":…,"motion":…,"overload":…} after each. Needs socat.`;

export interface ScaleSimContext {
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

export async function scaleSimCommand(argv: readonly string[], ctx: ScaleSimContext): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { protocol: { type: 'string', default: 'sics' }, continuous: { type: 'boolean', default: false } }, strict: true });
  if (!(SIM_PROTOCOLS as readonly string[]).includes(values.protocol)) {
    ctx.stderr(`bancada scale simulate: --protocol is one of ${SIM_PROTOCOLS.join(', ')}, got "${values.protocol}"`);
    return 2;
  }
  const sim = await SerialScaleSim.start({ protocol: values.protocol as SimProtocol, mode: values.continuous ? 'continuous' : 'on-request' });
  try {
    ctx.stdout(JSON.stringify({ path: sim.appPath, protocol: values.protocol }));
    let pending = '';
    for await (const chunk of ctx.stdin) {
      pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (!apply(sim, line.trim(), ctx)) return 0;
    }
    if (pending.trim()) apply(sim, pending.trim(), ctx);
    return 0;
  } finally {
    await sim.close();
  }
}

/** One command; false for quit. */
function apply(sim: SerialScaleSim, command: string, ctx: ScaleSimContext): boolean {
  if (command === '') return true;
  if (command === 'quit') return false;
  const grams = Number(command.replace(',', '.'));
  if (command === 'motion' || command === 'still') sim.setMotion(command === 'motion');
  else if (command === 'over') sim.setOverload(true);
  else if (command === 'zero') sim.zero();
  else if (Number.isFinite(grams)) {
    sim.setOverload(false);
    sim.setWeight(grams);
  } else {
    ctx.stderr(`bancada scale simulate: "${command.slice(0, 40)}" is not grams, motion, still, over, zero or quit`);
    return true;
  }
  const state = sim.scaleState;
  ctx.stdout(JSON.stringify({ grams: (state.loadMg - state.zeroMg - state.tareMg) / 1000, motion: state.motion, overload: state.overload }));
  return true;
}
