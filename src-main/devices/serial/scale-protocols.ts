/**
 * What a serial scale transport needs to know about each protocol besides its decoder: the line
 * settings to open with, what to send to ask for a weight, and the commands the scale takes.
 * device-protocols.md §2 ([S14]–[S20]). Pure data.
 */
import { casCommand } from '../scales/cas';
import { sicsCommand } from '../scales/mt-sics';
import { nciCommand } from '../scales/nci';
import type { SerialScaleProtocol } from '../scales/scale-stream';
import type { SerialLineSettings } from './port';

/** `continuous`: the scale talks by itself; `polled`: ask for a weight every `everyMs`. */
export type ScaleMode = { readonly kind: 'continuous' } | { readonly kind: 'polled'; readonly everyMs: number };

export const SCALE_COMMANDS = ['zero', 'tare', 'clear-tare'] as const;
export type ScaleCommand = (typeof SCALE_COMMANDS)[number];

/**
 * MT-SICS poll: `SI` answers at once with a stable (`S S`) or dynamic (`S D`) weight, and the
 * stability filter settles it; `S` makes the balance wait for stability up to its own timeout, so
 * polls queue up behind a moving load. Both are offered; `SI` is the default.
 */
export type SicsPoll = 'SI' | 'S';

export interface ScaleProtocolProfile {
  readonly line: SerialLineSettings;
  readonly defaultMode: ScaleMode;
  /** Sent every poll; null: the protocol has no request (Toledo continuous only talks). */
  readonly poll: Uint8Array | null;
  /** Sent when the scale ACKs the poll (CAS ECR: ENQ → ACK, then DC1 → weight). */
  readonly afterAck: Uint8Array | null;
  /** Sent on open in continuous mode, and again after any command, which ends the repetition (MT-SICS `SIR`). */
  readonly startContinuous: Uint8Array | null;
  readonly commands: Readonly<Partial<Record<ScaleCommand, Uint8Array>>>;
}

const POLL_EVERY_MS = 200;
const POLLED: ScaleMode = { kind: 'polled', everyMs: POLL_EVERY_MS };
const EIGHT_N_ONE: SerialLineSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };

export function scaleProtocolProfile(protocol: SerialScaleProtocol, sicsPoll: SicsPoll = 'SI'): ScaleProtocolProfile {
  switch (protocol) {
    case 'sics': // 9600 8N1, no handshake [S16]
      return {
        line: EIGHT_N_ONE,
        defaultMode: POLLED,
        poll: sicsCommand(sicsPoll === 'S' ? 'stable-weight' : 'immediate-weight'),
        afterAck: null,
        startContinuous: sicsCommand('repeat-weight'),
        commands: { zero: sicsCommand('zero'), tare: sicsCommand('tare'), 'clear-tare': sicsCommand('clear-tare') },
      };
    case 'nci': // 9600 7E1 [S18]; `W` weighs, `Z` zeroes [S17]
      return {
        line: { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 },
        defaultMode: POLLED,
        poll: nciCommand('weigh'),
        afterAck: null,
        startContinuous: null,
        commands: { zero: nciCommand('zero') },
      };
    case 'cas': // 9600 8N1 [S19 AP-1]; the ECR handshake has no zero or tare
      return { line: EIGHT_N_ONE, defaultMode: POLLED, poll: casCommand('enquire'), afterAck: casCommand('request-weight'), startContinuous: null, commands: {} };
    case 'toledo':
      // 7-bit characters with parity in bit 7 [S20]: read 8N1 (same 10 bits a character on the wire), the
      // decoder checks the parity bit itself.
      return { line: EIGHT_N_ONE, defaultMode: { kind: 'continuous' }, poll: null, afterAck: null, startContinuous: null, commands: {} };
    default: {
      const never: never = protocol;
      throw new Error(`unknown scale protocol ${String(never)}`);
    }
  }
}
