import type { AppErrorShape } from '../errors/codes';

/** What every contract method returns, over IPC and over the station-server WebSocket alike. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });
