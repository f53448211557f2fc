/**
 * A small fault-injecting HTTP proxy in front of the Medusa peer (not a test file itself). Requests
 * pass through untouched unless a queued fault matches (method + path pattern); each fault fires
 * once, in order. Faults model what a network or a broken/hostile platform does:
 * - `lose-response`: the request reaches Medusa and is applied, then the connection is cut before
 *   the answer reaches the station (the case read-before-retry exists for);
 * - `cut-before`: the connection is cut without forwarding (nothing applied);
 * - `status`: answer a status and body without forwarding (nothing applied);
 * - `replace-body`: forward, then swap the answer's body (Medusa applied it; the station sees junk).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Fault =
  | { readonly kind: 'lose-response' }
  | { readonly kind: 'cut-before' }
  | { readonly kind: 'status'; readonly status: number; readonly body: string; readonly headers?: Record<string, string> }
  | { readonly kind: 'replace-body'; readonly body: string };

interface Armed {
  readonly method: string;
  readonly path: RegExp;
  readonly fault: Fault;
  /** Matching requests to let through before this fault fires. */
  skip: number;
}

export interface FaultProxy {
  readonly baseUrl: string;
  /** Queues a fault for the next request whose method and path (without query) match, after `skip` such requests pass. */
  arm(method: string, path: RegExp, fault: Fault, options?: { skip?: number }): void;
  /** Faults queued and not yet fired. */
  pending(): number;
  /** Every request seen, as "METHOD /path". */
  readonly seen: string[];
  close(): Promise<void>;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (response) => {
        readBody(response).then((data) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: data }), reject);
      },
    );
    upstream.once('error', reject);
    upstream.end(body);
  });
}

function answer(res: ServerResponse, status: number, headers: Record<string, string | string[] | undefined>, body: Buffer | string): void {
  const clean = { ...headers };
  delete clean['content-length'];
  delete clean['transfer-encoding'];
  delete clean['content-encoding'];
  res.writeHead(status, { ...clean, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export async function startFaultProxy(targetBaseUrl: string): Promise<FaultProxy> {
  const target = new URL(targetBaseUrl);
  const armed: Armed[] = [];
  const seen: string[] = [];
  const take = (method: string, path: string): Fault | null => {
    const index = armed.findIndex((entry) => entry.method === method && entry.path.test(path));
    if (index < 0) return null;
    const entry = armed[index]!;
    if (entry.skip > 0) {
      entry.skip -= 1;
      return null;
    }
    return armed.splice(index, 1)[0]!.fault;
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    seen.push(`${req.method} ${path}`);
    const fault = take(req.method ?? 'GET', path);
    void (async () => {
      const body = await readBody(req);
      if (fault?.kind === 'cut-before') return void req.socket.destroy();
      if (fault?.kind === 'status') return answer(res, fault.status, { 'content-type': 'application/json', ...fault.headers }, fault.body);
      const upstream = await forward(target, req, body);
      if (fault?.kind === 'lose-response') return void req.socket.destroy();
      if (fault?.kind === 'replace-body') return answer(res, upstream.status, { 'content-type': 'application/json' }, fault.body);
      answer(res, upstream.status, upstream.headers, upstream.body);
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    arm: (method, path, fault, options) => void armed.push({ method, path, fault, skip: options?.skip ?? 0 }),
    pending: () => armed.length,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
