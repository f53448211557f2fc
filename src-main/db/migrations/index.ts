import initial from './0001-initial.sql?raw';
import queueAndLookupIndexes from './0002-queue-and-lookup-indexes.sql?raw';
import externalRefsAndPrintDocuments from './0003-external-refs-and-print-documents.sql?raw';
import packBench from './0004-pack-bench.sql?raw';
import syncOutboxStates from './0005-sync-outbox-states.sql?raw';
import accentInsensitiveSearch from './0006-accent-insensitive-search.sql?raw';
import outboxLeaseOwner from './0007-outbox-lease-owner.sql?raw';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration, in order. Never edit or rename one that has shipped: add the next number. Each has
 * its own test (`src-main/db/migrations/*.test.ts`). A migration runs inside a transaction with
 * foreign_keys ON, so one that rebuilds a table must not DROP a parent table (ON DELETE CASCADE
 * would empty its children); `migrate` runs `foreign_key_check` before recording it.
 *
 * Numbers are reserved per area while work runs in parallel: 0004 the packing bench, 0005 sync.
 */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '0001-initial', sql: initial },
  { id: 2, name: '0002-queue-and-lookup-indexes', sql: queueAndLookupIndexes },
  { id: 3, name: '0003-external-refs-and-print-documents', sql: externalRefsAndPrintDocuments },
  { id: 4, name: '0004-pack-bench', sql: packBench },
  { id: 5, name: '0005-sync-outbox-states', sql: syncOutboxStates },
  { id: 6, name: '0006-accent-insensitive-search', sql: accentInsensitiveSearch },
  { id: 7, name: '0007-outbox-lease-owner', sql: outboxLeaseOwner },
];
