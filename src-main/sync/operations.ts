/**
 * What the station tells the platform, as outbox payloads. Each operation is self-contained: the
 * platform's ids are in it (so the relay needs no join to deliver it), and so are the station, the
 * operator, the time and the idempotency key (the outbox row's columns), as the warehouse hub will
 * need (DESIGN.md, "Many stations"). The workflows write these with `enqueueOutbox` in the same
 * transaction as their change and its audit row; the relay hands them to `SyncAdapter.push`.
 */
import { z } from 'zod';

const ExternalId = z.string().min(1).max(200);
const Quantity = z.number().int().min(1).max(100_000);

export const OrderClaimSchema = z.strictObject({
  kind: z.literal('order.claim'),
  orderExternalId: ExternalId,
  orderNumber: z.string().max(64),
});

export const OrderReleaseSchema = z.strictObject({
  kind: z.literal('order.release'),
  orderExternalId: ExternalId,
  orderNumber: z.string().max(64),
  /**
   * Idempotency keys of `order.hold` operations this release lifts too (a requeued exception's
   * hold); the station's own claim is always lifted. Absent in rows written before it existed.
   */
  holdKeys: z.array(z.string().min(1).max(200)).max(20).optional(),
});

export const OrderHoldSchema = z.strictObject({
  kind: z.literal('order.hold'),
  orderExternalId: ExternalId,
  orderNumber: z.string().max(64),
  /** Why the packer stopped (short-ship reason, exception note), shown to the merchant. */
  reason: z.string().max(500),
});

export const PackageSchema = z.strictObject({
  tracking: z.string().max(100).nullable(),
  carrier: z.string().max(100).nullable(),
  trackingUrl: z.string().url().max(500).nullable(),
  weightMg: z.number().int().min(0).nullable(),
  lines: z.array(z.strictObject({ lineExternalId: ExternalId, quantity: Quantity })).min(1),
});
export type PackagePayload = z.infer<typeof PackageSchema>;

export const OrderFulfilSchema = z.strictObject({
  kind: z.literal('order.fulfil'),
  orderExternalId: ExternalId,
  orderNumber: z.string().max(64),
  /** One fulfilment per package: its own tracking and its own lines. */
  packages: z.array(PackageSchema).min(1),
  notifyCustomer: z.boolean(),
});

export const ReturnReceiveSchema = z.strictObject({
  kind: z.literal('return.receive'),
  returnExternalId: ExternalId,
  items: z.array(z.strictObject({ itemExternalId: ExternalId, quantity: Quantity })).min(1),
});

/** The platform's vocabulary (Shopify ReverseFulfillmentOrderDispositionType; Medusa maps it). */
export const DISPOSITIONS = ['restocked', 'not-restocked', 'missing', 'processing-required'] as const;

export const ReturnDisposeSchema = z.strictObject({
  kind: z.literal('return.dispose'),
  returnExternalId: ExternalId,
  items: z
    .array(
      z.strictObject({
        itemExternalId: ExternalId,
        quantity: Quantity,
        disposition: z.enum(DISPOSITIONS),
        /** Where a restocked unit went back on the shelf. */
        locationId: ExternalId.nullable(),
      }),
    )
    .min(1),
});

export const OutboxPayloadSchema = z.discriminatedUnion('kind', [
  OrderClaimSchema,
  OrderReleaseSchema,
  OrderHoldSchema,
  OrderFulfilSchema,
  ReturnReceiveSchema,
  ReturnDisposeSchema,
]);
export type OutboxPayload = z.infer<typeof OutboxPayloadSchema>;
export type OutboxKind = OutboxPayload['kind'];

/** What an adapter receives: the payload plus the row's idempotency key and who/when. */
export interface OutboxOperation {
  readonly idempotencyKey: string;
  readonly payload: OutboxPayload;
  readonly stationId: string;
  readonly operatorId: string | null;
  readonly createdAt: string;
}
