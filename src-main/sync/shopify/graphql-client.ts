/**
 * Sends one of the adapter's documents to the Admin GraphQL endpoint and returns its `data`,
 * validated, or a classified failure. It keeps the cost budget (cost-budget.ts): waits until the
 * bucket holds the document's requested cost, learns each document's requestedQueryCost from the
 * answers, and on THROTTLED waits as long as the restore rate needs before trying again
 * (store-platforms.md §1.11).
 */
import type { z } from 'zod';
import { z as zod } from 'zod';
import type { SyncResult } from '../adapter';
import type { TokenSource } from './auth';
import { CostBudget } from './cost-budget';
import { DOCUMENTS, type DocumentName } from './documents';
import { failure, malformed } from './errors';
import { post, type HttpDeps } from './http';

/** THROTTLED answers retried inside one call before the relay's own backoff takes over. */
const MAX_THROTTLED_RETRIES = 3;
/** The least wait after THROTTLED when Shopify's answer did not say how long (no cost report). */
const MIN_THROTTLE_WAIT_MS = 1_000;
/**
 * Before a document's cost is learned from its first answer. Assuming Shopify's single-query cap
 * (1,000) would make a burst of first calls wait for points they do not need; a modest guess costs
 * at most one THROTTLED answer per document, after which the real requested cost is known.
 */
const UNKNOWN_QUERY_COST = 100;
const UNKNOWN_MUTATION_COST = 10;

const Num = zod.number().min(0).max(10_000_000);
const CostSchema = zod.object({
  requestedQueryCost: Num,
  actualQueryCost: Num.nullable().optional(),
  throttleStatus: zod.object({ maximumAvailable: Num.positive(), currentlyAvailable: Num, restoreRate: Num.positive() }),
});
const EnvelopeSchema = zod.object({
  data: zod.unknown().optional(),
  errors: zod
    .array(zod.object({ message: zod.string().max(10_000), extensions: zod.object({ code: zod.string().max(100).optional() }).optional() }))
    .max(100)
    .optional(),
  extensions: zod.object({ cost: CostSchema.optional() }).optional(),
});
export type CostExtension = z.infer<typeof CostSchema>;

export interface ClientDeps extends HttpDeps {
  readonly sleep: (ms: number) => Promise<void>;
  readonly endpoint: string;
  readonly tokens: TokenSource;
  /** Called with every cost report (the benchmark and the tests read it). */
  readonly onCost?: (document: DocumentName, cost: CostExtension) => void;
}

export class GraphqlClient {
  readonly budget = new CostBudget();
  private readonly costs = new Map<DocumentName, number>();
  private readonly pageSizes = new Map<DocumentName, number>();

  constructor(private readonly deps: ClientDeps) {}

  /**
   * A paged read whose page size shrinks (and stays shrunk) when Shopify says one page costs more
   * than a single query may (MAX_COST_EXCEEDED) or more than the whole bucket holds: our cost model
   * is the documented one, and a page must never get stuck because Shopify counts differently.
   */
  async requestPage<T>(name: DocumentName, variables: Record<string, unknown>, schema: z.ZodType<T>, defaultSize: number): Promise<SyncResult<T>> {
    for (;;) {
      const size = this.pageSizes.get(name) ?? defaultSize;
      const { result, codes } = await this.run(name, { ...variables, first: size }, schema);
      const tooBig = codes.includes('MAX_COST_EXCEEDED') || codes.includes('COST_ABOVE_BUCKET');
      if (result.ok || !tooBig || size <= 1) return result;
      this.pageSizes.set(name, Math.max(1, Math.floor(size / 2)));
    }
  }

  async request<T>(name: DocumentName, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<SyncResult<T>> {
    return (await this.run(name, variables, schema)).result;
  }

  /** The result plus the GraphQL error codes of the last answer (per call: requests run concurrently). */
  private async run<T>(name: DocumentName, variables: Record<string, unknown>, schema: z.ZodType<T>): Promise<{ result: SyncResult<T>; codes: readonly string[] }> {
    let authRetried = false;
    for (let attempt = 0; ; attempt++) {
      const sent = await this.sendOnce(name, variables);
      if (!sent.ok) {
        // A cached client-credentials token may have been revoked or expired early: ask once more.
        if (sent.code === 'sync.auth-failed' && !authRetried) {
          authRetried = true;
          this.deps.tokens.invalidate();
          continue;
        }
        return { result: sent, codes: [] };
      }
      const { errors = [], data, extensions } = sent.value;
      const codes = errors.map((e) => e.extensions?.code ?? '');
      if (errors.length === 0) return { result: validated(name, schema, data), codes };
      const throttled = codes.includes('THROTTLED');
      const reported = extensions?.cost;
      if (throttled && reported && reported.requestedQueryCost > reported.throttleStatus.maximumAvailable) {
        // Waiting cannot help: the bucket never holds this much.
        const result = failure('sync.throttled', `One ${name} request costs ${reported.requestedQueryCost} points, more than Shopify's bucket of ${reported.throttleStatus.maximumAvailable}`, true, 1000);
        return { result, codes: [...codes, 'COST_ABOVE_BUCKET'] };
      }
      if (throttled && attempt < MAX_THROTTLED_RETRIES) {
        // A cost report tells the budget how long the next send waits; without one nothing would.
        if (!reported) await this.deps.sleep(this.restoreMs(name));
        continue;
      }
      return { result: classifyErrors(errors, reported ? this.budget.waitMs(reported.requestedQueryCost, this.deps.now()) : this.restoreMs(name)), codes };
    }
  }

  private costOf(name: DocumentName): number {
    return this.costs.get(name) ?? (/^mutation\s/m.test(DOCUMENTS[name]) ? UNKNOWN_MUTATION_COST : UNKNOWN_QUERY_COST);
  }

  /**
   * After a THROTTLED answer that carried no cost report: the time the last known restore rate
   * needs to refill the document's whole cost, and at least a second (rate unknown or fast).
   */
  private restoreMs(name: DocumentName): number {
    const rate = this.budget.known?.restoreRate;
    return Math.max(MIN_THROTTLE_WAIT_MS, rate ? Math.ceil((this.costOf(name) / rate) * 1000) : 0);
  }

  /** One POST once the budget holds the document's cost; learns the bucket and the cost from the answer. */
  private async sendOnce(name: DocumentName, variables: Record<string, unknown>): Promise<SyncResult<Envelope>> {
    const cost = this.costOf(name);
    // Reserved while waiting too, so calls that start later queue behind this one instead of all
    // waking at once and overdrawing the bucket together.
    const wait = this.budget.waitMs(cost, this.deps.now());
    this.budget.reserve(cost);
    let res;
    let sentAt;
    try {
      if (wait > 0) await this.deps.sleep(wait);
      const token = await this.deps.tokens.token();
      if (!token.ok) return token;
      sentAt = this.deps.now();
      const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': token.value };
      res = await post(this.deps, this.deps.endpoint, headers, JSON.stringify({ query: DOCUMENTS[name], operationName: name, variables }));
    } finally {
      this.budget.release(cost);
    }
    if (!res.ok) return res;
    const envelope = parseEnvelope(res.body);
    const reported = envelope.ok ? envelope.value.extensions?.cost : undefined;
    if (reported) {
      this.budget.observe(reported.throttleStatus, this.deps.now(), sentAt);
      this.costs.set(name, reported.requestedQueryCost);
      this.deps.onCost?.(name, reported);
    }
    return envelope;
  }
}

type Envelope = z.infer<typeof EnvelopeSchema>;

function validated<T>(name: DocumentName, schema: z.ZodType<T>, data: unknown): SyncResult<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return malformed(`${name} with ${issue ? `${issue.path.join('.') || 'data'}: ${issue.message}` : 'unexpected data'}`);
}

function parseEnvelope(body: string): SyncResult<Envelope> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return malformed('with something that is not JSON');
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success || parsed.data === null || typeof parsed.data !== 'object') return malformed('with JSON that is not a GraphQL response');
  return { ok: true, value: parsed.data };
}

function classifyErrors(errors: readonly { message: string; extensions?: { code?: string } | undefined }[], throttleWaitMs: number | undefined) {
  const codes = errors.map((e) => e.extensions?.code ?? '');
  const text = errors
    .slice(0, 3)
    .map((e) => e.message.slice(0, 300))
    .join('; ');
  if (codes.includes('THROTTLED')) return failure('sync.throttled', 'Shopify throttled the request (query cost budget exhausted)', true, throttleWaitMs ?? 1000);
  if (codes.includes('ACCESS_DENIED')) return failure('sync.permission-denied', `Shopify denied access: ${text}`, false);
  if (codes.includes('INTERNAL_SERVER_ERROR')) return failure('sync.server-error', `Shopify failed: ${text}`, true);
  // MAX_COST_EXCEEDED, a document Shopify does not accept, a bad argument: retrying cannot help.
  return failure('sync.rejected', `Shopify refused the request: ${text}`, false);
}
