import { z } from 'zod';

/** Languages the station speaks from day one. */
export const LOCALES = ['es', 'pt-BR', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** A supervisor may do everything; packer and returns staff only their own bench. */
export const ROLES = ['packer', 'returns', 'supervisor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const Id = z.string().min(1).max(64);
const IsoTime = z.string().min(1).max(40);

export const PinSchema = z.string().regex(/^[0-9]{4,8}$/, 'PIN is 4 to 8 digits');
export const PersonNameSchema = z.string().trim().min(1).max(80);
export const BadgeSchema = z.string().min(3).max(128);

export const OperatorSchema = z.strictObject({
  id: Id,
  name: PersonNameSchema,
  role: RoleSchema,
  hasBadge: z.boolean(),
  active: z.boolean(),
});
export type Operator = z.infer<typeof OperatorSchema>;

/** What the login screen shows for each operator; demo PINs only on a demo station. */
export const LoginOperatorSchema = z.strictObject({
  id: Id,
  name: PersonNameSchema,
  role: RoleSchema,
  demoPin: z.string().nullable(),
});
export type LoginOperator = z.infer<typeof LoginOperatorSchema>;

export const SessionSchema = z.strictObject({
  operator: OperatorSchema,
  startedAt: IsoTime,
});
export type Session = z.infer<typeof SessionSchema>;

export const StationInfoSchema = z.strictObject({
  stationId: Id,
  stationName: z.string(),
  demo: z.boolean(),
  version: z.string(),
  setupRequired: z.boolean(),
  locale: LocaleSchema,
  idleLockSeconds: z.number().int().min(0),
});
export type StationInfo = z.infer<typeof StationInfoSchema>;

export const ORDER_STATUSES = ['open', 'in-progress', 'packed', 'shipped', 'on-hold', 'cancelled', 'exception'] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderSummarySchema = z.strictObject({
  id: Id,
  number: z.string(),
  customerName: z.string(),
  city: z.string(),
  country: z.string(),
  lineCount: z.number().int().min(0),
  unitCount: z.number().int().min(0),
  priority: z.number().int(),
  shipBy: IsoTime.nullable(),
  status: OrderStatusSchema,
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const RETURN_STATUSES = ['expected', 'received', 'inspecting', 'closed'] as const;
export const ReturnStatusSchema = z.enum(RETURN_STATUSES);
export type ReturnStatus = z.infer<typeof ReturnStatusSchema>;

export const ReturnSummarySchema = z.strictObject({
  id: Id,
  rmaNumber: z.string(),
  orderNumber: z.string(),
  customerName: z.string(),
  itemCount: z.number().int().min(0),
  status: ReturnStatusSchema,
  createdAt: IsoTime,
});
export type ReturnSummary = z.infer<typeof ReturnSummarySchema>;

export const HomeSummarySchema = z.strictObject({
  ordersWaiting: z.number().int().min(0),
  returnsWaiting: z.number().int().min(0),
  packedToday: z.number().int().min(0),
});
export type HomeSummary = z.infer<typeof HomeSummarySchema>;

export const DEVICE_KINDS = ['scanner', 'scale', 'label-printer', 'document-printer'] as const;
export const DeviceHealthSchema = z.strictObject({
  id: Id,
  kind: z.enum(DEVICE_KINDS),
  name: z.string(),
  connected: z.boolean(),
  simulated: z.boolean(),
  lastSeenAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
});
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;

export const SyncStatusSchema = z.strictObject({
  platform: z.enum(['none', 'demo', 'shopify', 'medusa']),
  state: z.enum(['idle', 'syncing', 'offline', 'error']),
  pending: z.number().int().min(0),
  lastSuccessAt: IsoTime.nullable(),
  /** Outbox rows the platform rejected: they need a person (Supervisor → Sync). */
  attention: z.number().int().min(0).default(0),
  /** Why the last pull or delivery failed (a `sync.*` error code), null after a success. */
  lastError: z.string().max(64).nullable().default(null),
  /** While a pull runs: what it is reading and how many so far (a first pull of a big store takes minutes). */
  progress: z
    .strictObject({ resource: z.enum(['products', 'orders', 'returns']), read: z.number().int().min(0) })
    .nullable()
    .default(null),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
