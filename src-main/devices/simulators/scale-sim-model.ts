/**
 * What a simulated MT-SICS or NCI scale answers, as a pure function of its state and the command it
 * got. Frames come from the scale side of each protocol (scales/simulated-frames.ts), so what the
 * simulator sends is what the decoders were tested against. device-protocols.md §2.1, §2.2.
 */
import { nciFrame, sicsLine } from '../scales/simulated-frames';

export const SIM_PROTOCOLS = ['sics', 'nci'] as const;
export type SimProtocol = (typeof SIM_PROTOCOLS)[number];

export interface ScaleSimState {
  /** What lies on the platter, from the power-up zero (mg). */
  readonly loadMg: number;
  /** Where the zero key put zero (mg of load). */
  readonly zeroMg: number;
  readonly tareMg: number;
  readonly motion: boolean;
  readonly overload: boolean;
}

export const EMPTY_SCALE: ScaleSimState = { loadMg: 0, zeroMg: 0, tareMg: 0, motion: false, overload: false };

export function displayedMg(state: ScaleSimState): number {
  return state.loadMg - state.zeroMg - state.tareMg;
}

/** `mg` as a decimal in a unit of `perUnitMg` (g: 1 000, kg: 1 000 000) with `decimals` places, rounded half away from zero. */
function decimal(mg: number, perUnitMg: number, decimals: number): string {
  const step = perUnitMg / 10 ** decimals;
  const steps = Math.round(Math.abs(mg) / step);
  const whole = Math.floor(steps / 10 ** decimals);
  const fraction = String(steps % 10 ** decimals).padStart(decimals, '0');
  return `${mg < 0 && steps > 0 ? '-' : ''}${whole}.${fraction}`;
}

/** MT-SICS weight reply: "S S     100.00 g" (stable), "S D …" (dynamic), "S +" overload. */
export function sicsWeightLine(state: ScaleSimState): Uint8Array {
  if (state.overload) return sicsLine('S', '+');
  return sicsLine('S', state.motion ? 'D' : 'S', decimal(displayedMg(state), 1_000, 2).padStart(10), 'g');
}

export interface SimAnswer {
  readonly state: ScaleSimState;
  readonly reply: Uint8Array | null;
  /** MT-SICS: `true` after SIR (repeat the weight), `false` after any other command, null: unchanged. */
  readonly repeat: boolean | null;
}

const SERIAL_NUMBER = '"SIM00001"';

/** One MT-SICS command line (without CR LF). Any command but SIR ends repetition ([S14] SIR). */
export function answerSics(state: ScaleSimState, command: string): SimAnswer {
  const [id = ''] = command.trim().split(/ +/);
  const done = (reply: Uint8Array, next: ScaleSimState = state): SimAnswer => ({ state: next, reply, repeat: false });
  switch (id) {
    case 'SI':
      return done(sicsWeightLine(state));
    case 'S':
      // A real balance waits for stability up to its timeout, then answers "S I"; the simulator does not wait.
      return done(state.motion && !state.overload ? sicsLine('S', 'I') : sicsWeightLine(state));
    case 'SIR':
      return { state, reply: sicsWeightLine(state), repeat: true };
    case 'Z':
      return state.motion ? done(sicsLine('Z', 'I')) : done(sicsLine('Z', 'A'), { ...state, zeroMg: state.loadMg, tareMg: 0 });
    case 'T': {
      if (state.motion) return done(sicsLine('T', 'I'));
      const tareMg = state.loadMg - state.zeroMg;
      return done(sicsLine('T', 'S', decimal(tareMg, 1_000, 2), 'g'), { ...state, tareMg });
    }
    case 'TAC':
      return done(sicsLine('TAC', 'A'), { ...state, tareMg: 0 });
    case '@':
    case 'I4':
      return done(sicsLine('I4', 'A', SERIAL_NUMBER));
    default:
      return done(sicsLine('ES'));
  }
}

/** NCI status bytes: byte 1 bit 0 motion, bit 1 at zero; byte 2 bit 1 over capacity ([S17]). */
function nciStatus(state: ScaleSimState): string {
  const atZero = !state.overload && displayedMg(state) === 0;
  return String.fromCharCode(0x30 | (state.motion ? 0x01 : 0) | (atZero ? 0x02 : 0), 0x30 | (state.overload ? 0x02 : 0));
}

/** NCI reply to W: "<LF>  1.500kg<CR><LF>00<CR><ETX>"; over capacity fills the weight with ^ ([S17] NCI 6702). */
export function nciWeightFrame(state: ScaleSimState): Uint8Array {
  const weight = state.overload ? '^^^^^^' : `${decimal(displayedMg(state), 1_000_000, 3).padStart(7)}kg`;
  return nciFrame(weight, nciStatus(state));
}

/** One NCI command (without CR). */
export function answerNci(state: ScaleSimState, command: string): SimAnswer {
  switch (command.trim()) {
    case 'W':
      return { state, reply: nciWeightFrame(state), repeat: null };
    case 'S':
      return { state, reply: nciFrame(null, nciStatus(state)), repeat: null };
    case 'Z': {
      const next = state.motion ? state : { ...state, zeroMg: state.loadMg, tareMg: 0 };
      return { state: next, reply: nciFrame(null, nciStatus(next)), repeat: null };
    }
    default:
      return { state, reply: nciFrame(null, '?'), repeat: null };
  }
}

export function answer(protocol: SimProtocol, state: ScaleSimState, command: string): SimAnswer {
  return protocol === 'sics' ? answerSics(state, command) : answerNci(state, command);
}

export function weightFrame(protocol: SimProtocol, state: ScaleSimState): Uint8Array {
  return protocol === 'sics' ? sicsWeightLine(state) : nciWeightFrame(state);
}
