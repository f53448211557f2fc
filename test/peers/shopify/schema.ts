/**
 * The published Shopify Admin GraphQL schema for 2026-10, as graphql-js sees it. One helper for the
 * document-validation test, the emulator and the benchmark, so all three speak the same schema.
 *
 * Where it comes from (../shared/reference/store-platforms.md §2.1–2.2): the npm package
 * `@shopify/dev-mcp@1.16.0` ships `dist/data/admin_2026-10.json.gz`, a standard introspection
 * result (and the 2026-07 fallback). We `npm pack` it at test time (only the npm registry is needed, so a fresh CI clone works),
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
/** The pinned version (issue #5) and the previous one, kept as the fallback (store-platforms.md §0). */
export const SCHEMA_SHA256 = {
  '2026-10': 'f3b522f264556925eada700e795e4a002a9cba83444ebcc6c0d724254a0c6593',
  // Measured from the same tarball (npm integrity sha512-tqgRnK7s…awtw==).
  '2026-07': '5bcde995c89c59acdb2ee494378d96f45ce7378a16ec829a74b71d696a08ef19',
} as const;
export type AdminVersion = keyof typeof SCHEMA_SHA256;
export const fileInPackage = (version: AdminVersion): string => `package/dist/data/admin_${version}.json.gz`;

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SCHEMA_CACHE_DIR = process.env.BANCADA_SHOPIFY_SCHEMA_CACHE ?? join(REPO_ROOT, 'node_modules', '.cache', 'bancada', 'shopify');
const cachedFile = (version: AdminVersion): string => join(SCHEMA_CACHE_DIR, `admin_${version}.json.gz`);

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Fetches (once) and returns the gzipped introspection, checked against its pinned sha256. */
export function adminSchemaGzip(version: AdminVersion = '2026-10'): Buffer {
  const cached = cachedFile(version);
  if (existsSync(cached)) {
    const bytes = readFileSync(cached);
    if (sha256(bytes) === SCHEMA_SHA256[version]) return bytes;
    rmSync(cached, { force: true }); // a torn or tampered copy: fetch it again
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
    const versions = Object.keys(SCHEMA_SHA256) as AdminVersion[];
    execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work, ...versions.map(fileInPackage)], { stdio: 'pipe' });
    for (const v of versions) {
      const bytes = readFileSync(join(work, fileInPackage(v)));
      const got = sha256(bytes);
      if (got !== SCHEMA_SHA256[v]) throw new Error(`${fileInPackage(v)} from ${SCHEMA_PACKAGE} has sha256 ${got}, expected ${SCHEMA_SHA256[v]}`);
      renameSync(join(work, fileInPackage(v)), cachedFile(v));
    }
    return readFileSync(cachedFile(version));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function adminIntrospection(version: AdminVersion = '2026-10'): IntrospectionQuery {
  const json = JSON.parse(gunzipSync(adminSchemaGzip(version)).toString('utf8')) as { data?: IntrospectionQuery };
  if (!json.data?.__schema) throw new Error(`admin_${version}.json is not an introspection result`);
  return json.data;
}

/**
 * The schema built from the published introspection, with graphql-js's full type-system validation
 * (graphql 16: Shopify's schema passes it; graphql 17 added a deprecation-consistency rule that
 * Shopify's own schema breaks in six places, one reason this project stays on 16, which also
 * supports Node 20). `schemaViolations()` lets a test prove the schema is valid as built.
 */
const built = new Map<AdminVersion, GraphQLSchema>();
export function adminSchema(version: AdminVersion = '2026-10'): GraphQLSchema {
  let schema = built.get(version);
  if (!schema) {
    schema = buildClientSchema(adminIntrospection(version));
    built.set(version, schema);
  }
  return schema;
}

export function schemaViolations(version: AdminVersion = '2026-10'): readonly string[] {
  return validateSchema(buildClientSchema(adminIntrospection(version))).map((e) => e.message);
}
