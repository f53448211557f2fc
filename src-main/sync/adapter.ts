/**
 * The one interface every store platform adapter implements (Shopify, Medusa, the embedded demo
 * store). The sync engine (pull cursors, the outbox relay) talks only to this; an adapter talks only
 * to its platform. Facts on each platform's API: ../shared/reference/store-platforms.md.
 *
 * Rules every adapter keeps:
 * - It never throws for a platform or network failure: every call resolves to a result whose failure
 *   carries a `sync.*` code and whether it is worth retrying (see `SyncFailure`).
 * - It validates every response (zod) before trusting a field; a malformed or hostile answer is a
 *   `sync.malformed-response` failure, never a half-applied record.
 * - `push` is idempotent on `op.idempotencyKey`: where the platform offers idempotency the key is
 *   passed on; where it does not, the adapter re-reads remote state first (read-before-retry) and
 *   answers `done` when the operation is already there. Nothing is ever applied twice.
 */
import type { ErrorCode } from '../../src-shared/errors/codes';
import type { OutboxOperation } from './operations';

export type Platform = 'shopify' | 'medusa' | 'demo';

export type SyncErrorCode = Extract<ErrorCode, `sync.${string}`>;

export interface SyncFailure {
  readonly ok: false;
  readonly code: SyncErrorCode;
  /** English, for logs and the Sync screen's detail line; the UI translates `code`. */
  readonly message: string;
  /** True for network, 5xx and throttling: the relay tries again later. False needs a person. */
  readonly retryable: boolean;
  /** How long the platform asked us to wait (Retry-After, Shopify throttle restore rate), when it said. */
  readonly retryAfterMs?: number;
}

export type SyncResult<T> = { readonly ok: true; readonly value: T } | SyncFailure;

/** A page of pulled records and where to continue; `next` null means this pull is complete. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

export interface RemoteAddress {
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly region: string | null;
  readonly postalCode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

export interface RemoteOrderLine {
  /** The platform's id of the line as fulfilments name it (Shopify FulfillmentOrderLineItem, Medusa order item). */
  readonly externalId: string;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  /** Units still to fulfil at this location. */
  readonly quantity: number;
  /** GTIN/UPC/EAN as the platform stores it (Shopify variant barcode), if any. */
  readonly barcode: string | null;
  /** Unit weight in whole milligrams, when the platform knows it. */
  readonly unitWeightMg: number | null;
}

/** Where an order is, as far as the bench cares. */
export type RemoteOrderState = 'open' | 'on-hold' | 'cancelled' | 'fulfilled';

export interface RemoteOrder {
  /** The id fulfilments are made against (Shopify FulfillmentOrder gid, Medusa order id). */
  readonly externalId: string;
  /** What people call it: "#1042". */
  readonly number: string;
  readonly state: RemoteOrderState;
  readonly customerName: string;
  readonly email: string | null;
  readonly shipTo: RemoteAddress;
  readonly carrier: string | null;
  readonly service: string | null;
  /** 0 normal … 3 rush. */
  readonly priority: number;
  readonly shipBy: string | null;
  readonly createdAt: string;
  /** The platform's updated-at, ISO-8601 UTC: the pull cursor's high-water mark. */
  readonly updatedAt: string;
  readonly lines: readonly RemoteOrderLine[];
}

export interface RemoteReturnItem {
  readonly externalId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly reason: string | null;
}

export type RemoteReturnState = 'expected' | 'received' | 'closed' | 'cancelled';

export interface RemoteReturn {
  readonly externalId: string;
  /** What the customer and the desk call it (RMA / return name). */
  readonly rmaNumber: string;
  readonly orderExternalId: string | null;
  readonly orderNumber: string;
  readonly customerName: string;
  readonly state: RemoteReturnState;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly items: readonly RemoteReturnItem[];
}

export interface RemoteProduct {
  /** The variant's id (one sellable unit). */
  readonly externalId: string;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly barcodes: readonly string[];
  readonly unitWeightMg: number | null;
  readonly imageUrl: string | null;
  readonly updatedAt: string;
}

export interface RemoteLocation {
  readonly id: string;
  readonly name: string;
}

export interface ConnectionInfo {
  /** The shop or store name, to show the supervisor they reached the right one. */
  readonly storeName: string;
  readonly locations: readonly RemoteLocation[];
}

/** Where a pull starts: records updated at or after `since` (null: everything), continuing at `page`. */
export interface PullRequest {
  readonly since: string | null;
  readonly page: string | null;
  /** The location whose work this station does (Shopify assigned location, Medusa stock location). */
  readonly locationId: string | null;
}

/** What the platform did with a pushed operation. */
export interface PushDone {
  readonly ok: true;
  /** The platform's id of what was created (fulfillment, hold, return receipt), for the audit trail. */
  readonly remoteRef: string | null;
  /** True when read-before-retry found the operation already applied (an earlier attempt had landed). */
  readonly alreadyApplied: boolean;
}

export type PushResult = PushDone | SyncFailure;

export interface SyncAdapter {
  readonly platform: Platform;
  testConnection(): Promise<SyncResult<ConnectionInfo>>;
  pullOrders(request: PullRequest): Promise<SyncResult<Page<RemoteOrder>>>;
  pullReturns(request: PullRequest): Promise<SyncResult<Page<RemoteReturn>>>;
  pullProducts(request: PullRequest): Promise<SyncResult<Page<RemoteProduct>>>;
  /** One order as the platform has it now (interruptions, read-before-retry); null when it does not exist. */
  getOrder(externalId: string): Promise<SyncResult<RemoteOrder | null>>;
  push(op: OutboxOperation): Promise<PushResult>;
  /** Releases sockets and timers. */
  close(): Promise<void>;
}
