import initial from './0001-initial.sql?raw';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration, in order. Never edit or rename one that has shipped: add the next number. Each has
 * its own test (`src-main/db/migrations/*.test.ts`).
 */
export const MIGRATIONS: readonly Migration[] = [{ id: 1, name: '0001-initial', sql: initial }];
