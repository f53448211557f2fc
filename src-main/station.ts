// STUB — being written by the lead; the shape below is the agreed interface.
import type { Dispatch } from './api/dispatch';
import type { EventBus } from './api/event-bus';

export interface StationOptions {
  /** Folder holding bancada.sqlite, logs/, secrets. Created if missing. */
  readonly dataDir: string;
  /** Force demo mode; by default a station with no store configured runs the embedded demo store. */
  readonly demo?: boolean;
  /** Where resources/ lives (demo catalog); defaults to the repository's resources folder. */
  readonly resourcesDir?: string;
}

export interface Station {
  /** The one door for contract calls (IPC and WebSocket both use it). */
  readonly dispatch: Dispatch;
  /** Contract events to fan out to renderers. */
  readonly events: EventBus;
  readonly dataDir: string;
  close(): Promise<void>;
}

export async function createStation(_options: StationOptions): Promise<Station> {
  throw new Error('not yet implemented');
}
