/**
 * A Shopify Admin API emulator on loopback (issue #5): graphql-js executes the REAL published
 * 2026-10 schema (test/peers/shopify/schema.ts) with resolvers for the subset the adapter uses, so a
 * document Shopify would reject fails here too. It speaks the same HTTP: the access-token header,
 * the client-credentials token endpoint, the calculated query cost with its leaky bucket and
 * THROTTLED answers, and injectable faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { execute, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import { adminSchema } from '../schema';
import { actualCost, pickOperation, requestedCost } from './cost';
import { FaultQueue, type Fault } from './faults';
import { LeakyBucket, type BucketOptions } from './leaky-bucket';
import { mutationRoot } from './mutations';
import { queryRoot } from './queries';
import { ShopState } from './state';
import { makeViews } from './views';

export const EMULATED_API_VERSION = '2026-10';
/** Shopify's cap on one query's requested cost (store-platforms.md §1.11). */
export const MAX_SINGLE_QUERY_COST = 1000;
/** Standard plan: 100 points/s restore; the bucket size follows the older published 1,000 (store-platforms.md §1.11). */
export const STANDARD_PLAN: BucketOptions = { maximumAvailable: 1000, restoreRate: 100 };
const MAX_REQUEST_BYTES = 1024 * 1024;
const INVALID_TOKEN = JSON.stringify({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });

export interface EmulatorOptions {
  /** Milliseconds since the epoch; the bucket, token expiry and record timestamps follow it. */
  readonly clock?: () => number;
  readonly bucket?: BucketOptions;
  /** Shopify's cap on one query's requested cost; lower it to test page shrinking. */
  readonly maxSingleQueryCost?: number;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Lifetime of client-credentials tokens; Shopify's is 24 h (store-platforms.md §1.2). */
  readonly tokenLifetimeSeconds?: number;
}

export interface RequestRecord {
  readonly operation: string | null;
  readonly variables: Record<string, unknown>;
  readonly status: number;
  readonly throttled: boolean;
  readonly requestedCost: number | null;
  readonly actualCost: number | null;
  readonly fault: Fault['kind'] | null;
  readonly at: number;
}

export interface ShopifyEmulator {
  /** http://127.0.0.1:<port>: the adapter's `endpoint`. */
  readonly url: string;
  readonly port: number;
  readonly shopDomain: string;
  /** A static Admin API token the emulator accepts. */
  readonly accessToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly state: ShopState;
  readonly faults: FaultQueue;
  readonly requests: RequestRecord[];
  /** How many client-credentials tokens were issued. */
  tokenGrants(): number;
  /** Revokes every token issued so far (static and granted), e.g. an uninstalled app. */
  revokeTokens(): void;
  /** Another app on the same store spends `points` of the shared bucket. */
  spendBucket(points: number): void;
  /** Offline: every connection is cut as it arrives (a network cut, seen from the station). */
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

export async function startShopifyEmulator(options: EmulatorOptions = {}): Promise<ShopifyEmulator> {
  const clock = options.clock ?? Date.now;
  const schema = adminSchema();
  const state = new ShopState(clock);
  const views = makeViews(state);
  const roots = { query: queryRoot(state, views), mutation: mutationRoot(state, views) };
  const bucket = new LeakyBucket(options.bucket ?? STANDARD_PLAN, clock);
  const maxCost = options.maxSingleQueryCost ?? MAX_SINGLE_QUERY_COST;
  const faults = new FaultQueue();
  const requests: RequestRecord[] = [];
  const accessToken = `shpat_emulator${randomBytes(12).toString('hex')}`;
  const clientId = `emulator-client-${randomBytes(4).toString('hex')}`;
  const clientSecret = `shpss_emulator${randomBytes(12).toString('hex')}`;
  const tokens = new Map<string, number>([[accessToken, Number.POSITIVE_INFINITY]]);
  const lifetime = (options.tokenLifetimeSeconds ?? 86_399) * 1000;
  let grants = 0;
  let offline = false;
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body);
  };

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_REQUEST_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fault = faults.take('token');
    if (fault && (await applyEarlyFault(fault, req, res, 'token'))) return;
    const form = new URLSearchParams((await readBody(req)) ?? '');
    if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      record('token', {}, 400, null);
      return send(res, 400, JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed' }));
    }
    const token = `shpat_cc${randomBytes(16).toString('hex')}`;
    tokens.set(token, clock() + lifetime);
    grants++;
    record('token', {}, 200, null);
    send(res, 200, JSON.stringify({ access_token: token, scope: 'read_locations,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders,read_orders,read_returns,write_returns,read_products', expires_in: lifetime / 1000 }));
  }

  function record(operation: string | null, variables: Record<string, unknown>, status: number, fault: Fault | null, cost: { throttled?: boolean; requested?: number | null; actual?: number | null } = {}) {
    requests.push({ operation, variables, status, throttled: cost.throttled ?? false, requestedCost: cost.requested ?? null, actualCost: cost.actual ?? null, fault: fault?.kind ?? null, at: clock() });
  }

  /** Faults that replace the answer before anything runs; true when the request is finished. */
  async function applyEarlyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, operation: string | null): Promise<boolean> {
    switch (fault.kind) {
      case 'drop':
        record(operation, {}, 0, fault);
        req.socket.destroy();
        return true;
      case 'status':
        record(operation, {}, fault.status, fault);
        send(res, fault.status, fault.body ?? JSON.stringify({ errors: 'Internal Server Error' }), fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
        return true;
      case 'body':
        record(operation, {}, 200, fault);
        send(res, 200, fault.body);
        return true;
      case 'graphql-error':
        record(operation, {}, 200, fault);
        send(res, 200, JSON.stringify({ errors: [{ message: fault.message, extensions: { code: fault.code } }] }));
        return true;
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms));
        return false;
      default:
        return false;
    }
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = req.headers['x-shopify-access-token'];
    const expiresAt = typeof token === 'string' ? tokens.get(token) : undefined;
    const raw = await readBody(req);
    if (expiresAt === undefined || expiresAt <= clock()) {
      record(null, {}, 401, null);
      return send(res, 401, INVALID_TOKEN);
    }
    if (raw === null) return send(res, 413, JSON.stringify({ errors: 'Request body too large' }));
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      return send(res, 400, JSON.stringify({ errors: 'Invalid JSON in request body' }));
    }
    const operation = typeof body.operationName === 'string' ? body.operationName : null;
    const variables = (body.variables && typeof body.variables === 'object' ? body.variables : {}) as Record<string, unknown>;
    const fault = faults.take(operation);
    if (fault && (await applyEarlyFault(fault, req, res, operation))) return;
    const { response, cost } = await runGraphql(String(body.query ?? ''), variables, operation);
    record(operation, variables, 200, fault, cost);
    if (fault?.kind === 'drop-after-apply') {
      req.socket.destroy(); // it happened on the shop; the caller never hears of it
      return;
    }
    send(res, 200, JSON.stringify(fault?.kind === 'transform' ? fault.transform(response) : response));
  }

  /** Parse, validate, price, throttle and execute one request as Shopify would. */
  async function runGraphql(query: string, variables: Record<string, unknown>, operation: string | null) {
    const refuse = (errors: unknown[], cost: { throttled?: boolean; requested?: number } = {}) => ({
      response: { errors, ...(cost.requested !== undefined ? { extensions: { cost: { requestedQueryCost: cost.requested, actualQueryCost: null, throttleStatus: bucket.status() } } } : {}) } as Record<string, unknown>,
      cost,
    });
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (e) {
      return refuse([{ message: (e as GraphQLError).message, extensions: { code: 'PARSE_ERROR' } }]);
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return refuse(invalid.map((e) => ({ message: e.message, locations: e.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })));
    const op = pickOperation(document, operation);
    if (!op) return refuse([{ message: 'Operation not found', extensions: { code: 'BAD_REQUEST' } }]);
    const requested = requestedCost(schema, document, op, variables);
    if (requested > maxCost) {
      return refuse([{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (${maxCost}).`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost } }], { requested });
    }
    if (!bucket.take(requested)) {
      return refuse([{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], { throttled: true, requested });
    }
    const result = await execute({ schema, document, rootValue: op.operation === 'mutation' ? roots.mutation : roots.query, variableValues: variables, operationName: operation });
    const actual = actualCost(schema, document, op, variables, result.data ?? null);
    bucket.refund(Math.max(0, requested - actual));
    const response: Record<string, unknown> = {
      ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } })) } : {}),
      data: result.data ?? null,
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } },
    };
    return { response, cost: { requested, actual } };
  }

  const server = createServer((req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    const work =
      req.method === 'POST' && path === '/admin/oauth/access_token'
        ? handleToken(req, res)
        : req.method === 'POST' && path === `/admin/api/${EMULATED_API_VERSION}/graphql.json`
          ? handleGraphql(req, res)
          : Promise.resolve(send(res, 404, JSON.stringify({ errors: 'Not Found' })));
    work.catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ errors: `emulator failure: ${(e as Error).message}` }));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (offline) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    shopDomain: state.shopDomain,
    accessToken,
    clientId,
    clientSecret,
    state,
    faults,
    requests,
    tokenGrants: () => grants,
    revokeTokens: () => tokens.clear(),
    spendBucket: (points) => void bucket.take(Math.min(points, bucket.status().currentlyAvailable)),
    setOffline(value) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
