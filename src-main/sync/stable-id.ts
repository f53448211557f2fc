import { createHash } from 'node:crypto';

/**
 * Local ids for records that come from a platform: short (contract ids are ≤ 64 characters, a
 * Shopify gid alone can be 50), and the same for the same record on every pull, so two overlapping
 * pulls can never create it twice.
 */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22)}`;
}
