/**
 * The published Shopify Admin GraphQL schema for 2026-10, as graphql-js sees it. One helper for the
 * document-validation test, the emulator and the benchmark, so all three speak the same schema.
 *
 * Where it comes from (../shared/reference/store-platforms.md §2.1–2.2): the npm package
 * `@shopify/dev-mcp@1.16.0` ships `dist/data/admin_2026-10.json.gz`, a standard introspection
 * result. We `npm pack` it at test time (only the npm registry is needed, so a fresh CI clone works),
 * take that one file, check its sha256 and cache it under node_modules/.cache/bancada/shopify/. The
 * package is never a dependency: it drags in @shopify/cli, react-router, typescript…
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, validateSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

export const SCHEMA_PACKAGE = '@shopify/dev-mcp@1.16.0';
export const SCHEMA_FILE_IN_PACKAGE = 'package/dist/data/admin_2026-10.json.gz';
export const SCHEMA_SHA256 = 'f3b522f264556925eada700e795e4a002a9cba83444ebcc6c0d724254a0c6593';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SCHEMA_CACHE_DIR = process.env.BANCADA_SHOPIFY_SCHEMA_CACHE ?? join(REPO_ROOT, 'node_modules', '.cache', 'bancada', 'shopify');
const CACHED_FILE = join(SCHEMA_CACHE_DIR, 'admin_2026-10.json.gz');

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Fetches (once) and returns the gzipped introspection, checked against the pinned sha256. */
export function adminSchemaGzip(): Buffer {
  if (existsSync(CACHED_FILE)) {
    const cached = readFileSync(CACHED_FILE);
    if (sha256(cached) === SCHEMA_SHA256) return cached;
    rmSync(CACHED_FILE, { force: true }); // a torn or tampered copy: fetch it again
  }
  mkdirSync(SCHEMA_CACHE_DIR, { recursive: true });
  // Several vitest workers may fetch at once: each works in its own temp dir and renames into place.
  const work = mkdtempSync(join(SCHEMA_CACHE_DIR, 'fetch-'));
  try {
    const out = execFileSync('npm', ['pack', SCHEMA_PACKAGE, '--json', '--pack-destination', work], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    const [packed] = JSON.parse(out) as { filename: string }[];
    if (!packed) throw new Error(`npm pack ${SCHEMA_PACKAGE} printed no file name`);
    execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work, SCHEMA_FILE_IN_PACKAGE], { stdio: 'pipe' });
    const bytes = readFileSync(join(work, SCHEMA_FILE_IN_PACKAGE));
    const got = sha256(bytes);
    if (got !== SCHEMA_SHA256) {
      throw new Error(`${SCHEMA_FILE_IN_PACKAGE} from ${SCHEMA_PACKAGE} has sha256 ${got}, expected ${SCHEMA_SHA256}`);
    }
    renameSync(join(work, SCHEMA_FILE_IN_PACKAGE), CACHED_FILE);
    return bytes;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function adminIntrospection(): IntrospectionQuery {
  const json = JSON.parse(gunzipSync(adminSchemaGzip()).toString('utf8')) as { data?: IntrospectionQuery };
  if (!json.data?.__schema) throw new Error('admin_2026-10.json is not an introspection result');
  return json.data;
}

/**
 * graphql 17 added a type-system rule (an implementation field may not be deprecated when the
 * interface field is not) that Shopify's own published schema breaks in 6 places (Node.id on
 * ChannelDefinition, HasMetafields.metafield on MediaImage…). Shopify's servers obviously still
 * serve it, so we build with `assumeValid` — which only skips that type-system check; documents are
 * still validated in full. `schemaViolationsSkipped()` lets a test prove nothing else is skipped.
 */
let cached: GraphQLSchema | undefined;
export function adminSchema(): GraphQLSchema {
  cached ??= buildClientSchema(adminIntrospection(), { assumeValid: true });
  return cached;
}

export function schemaViolationsSkipped(): readonly string[] {
  return validateSchema(buildClientSchema(adminIntrospection())).map((e) => e.message);
}
