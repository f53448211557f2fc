import type { EventName, EventPayload } from '../../src-shared/api';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Main-side fan-out of contract events to every connected renderer (IPC window or WebSocket). */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) listener(name, payload);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
