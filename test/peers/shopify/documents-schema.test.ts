// Every GraphQL document the Shopify adapter sends, validated against the real published Admin
// schema for 2026-10 (issue #5; store-platforms.md §2.2): graphql-js `validate` with the specified
// rules plus NoDeprecatedCustomRule, so a removed or deprecated field fails here before Shopify
// would refuse it.
import { describe, expect, it } from 'vitest';
import { NoDeprecatedCustomRule, parse, specifiedRules, validate } from 'graphql';
import { DOCUMENTS } from '../../../src-main/sync/shopify/documents';
import { adminSchema, schemaViolations, type AdminVersion } from './schema';

const RULES = [...specifiedRules, NoDeprecatedCustomRule];

function errorsOf(source: string, version: AdminVersion = '2026-10'): string[] {
  return validate(adminSchema(version), parse(source), RULES).map((e) => e.message);
}

describe('the Shopify adapter documents against the Admin 2026-10 schema', () => {
  it.each(Object.entries(DOCUMENTS))('%s validates', (name, source) => {
    expect(errorsOf(source), name).toEqual([]);
    // One operation per document, named as the adapter calls it.
    const ops = parse(source).definitions.filter((d) => d.kind === 'OperationDefinition');
    expect(ops.map((o) => ('name' in o ? o.name?.value : undefined))).toEqual([name]);
  });

  it.each(Object.entries(DOCUMENTS))('%s also validates against 2026-07, the fallback version', (name, source) => {
    expect(errorsOf(source, '2026-07'), name).toEqual([]);
  });

  it('uses @idempotent wherever 2026-10 documents it for a mutation the adapter sends (today: none)', () => {
    // store-platforms.md §1.9: the directive is "only supported on mutations that explicitly document
    // idempotency support". If Shopify adds it to one of ours, this fails until the outbox key is passed.
    const mutations = adminSchema().getMutationType()!.getFields();
    for (const [name, source] of Object.entries(DOCUMENTS)) {
      for (const def of parse(source).definitions) {
        if (def.kind !== 'OperationDefinition' || def.operation !== 'mutation') continue;
        for (const sel of def.selectionSet.selections) {
          if (sel.kind !== 'Field') continue;
          const documented = /idempot/i.test(mutations[sel.name.value]?.description ?? '');
          const used = sel.directives?.some((d) => d.name.value === 'idempotent') ?? false;
          expect(used, `${name}: ${sel.name.value}`).toBe(documented);
        }
      }
    }
    expect(/idempot/i.test(mutations.inventoryAdjustQuantities?.description ?? '')).toBe(true); // the check can see it
  });

  it('rejects a document with a field Shopify does not have', () => {
    const wrong = DOCUMENTS.FulfillmentCreate.replace('status', 'shipmentStatus');
    expect(errorsOf(wrong)).toEqual([expect.stringContaining('Cannot query field "shipmentStatus" on type "Fulfillment"')]);
  });

  it('rejects a deprecated field and a wrong argument type', () => {
    const deprecated = 'query Q($id: ID!) { fulfillmentOrder(id: $id) { id channelId } }';
    expect(errorsOf(deprecated).join('\n')).toMatch(/channelId.*deprecated/);
    const wrongArg = 'query Q($first: String!) { fulfillmentOrders(first: $first) { nodes { id } } }';
    expect(errorsOf(wrongArg).join('\n')).toMatch(/"\$first" of type "String!" used in position expecting type "Int"/);
  });

  it('builds the published schemas with full type-system validation and no violation', () => {
    expect(schemaViolations('2026-10')).toEqual([]);
    expect(schemaViolations('2026-07')).toEqual([]);
  });
});
