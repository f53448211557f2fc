import type { Operator, Session } from '../../src-shared/domain/types';

/**
 * The station's one operator session. A fixed station has one person at the bench at a time, so the
 * session belongs to the station, not to a window. It also enforces the idle lock in main (the
 * renderer locks the screen too, but a renderer that stopped ticking must not keep a session open).
 */
export class SessionHolder {
  #session: Session | null = null;
  #lastActivity = 0;

  constructor(
    private readonly now: () => Date,
    private readonly idleLockSeconds: () => number,
    private readonly onExpired: (session: Session) => void,
  ) {}

  /** The live session, or null; an idle session is ended (and reported) on the way. */
  current(): Session | null {
    const session = this.#session;
    if (!session) return null;
    const limit = this.idleLockSeconds();
    if (limit > 0 && this.now().getTime() - this.#lastActivity > limit * 1000) {
      this.#session = null;
      this.onExpired(session);
      return null;
    }
    return session;
  }

  touch(): void {
    if (this.#session) this.#lastActivity = this.now().getTime();
  }

  start(operator: Operator): Session {
    const now = this.now();
    this.#session = { operator, startedAt: now.toISOString() };
    this.#lastActivity = now.getTime();
    return this.#session;
  }

  end(): Session | null {
    const ended = this.#session;
    this.#session = null;
    return ended;
  }
}
