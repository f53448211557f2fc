/**
 * Calculated query cost as Shopify documents it (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits;
 * store-platforms.md §1.11): scalars and enums 0, an object 1, a connection 2 + first × the cost of
 * one node, a mutation field 10. `requested` is computed from the document before it runs (what
 * the bucket must hold); `actual` from what came back (what the bucket is charged).
 */
import {
  getNamedType,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  isObjectType,
  isInterfaceType,
} from 'graphql';

export const MUTATION_FIELD_COST = 10;

interface Ctx {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function pickOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return ops.find((o) => o.name?.value === operationName) ?? null;
  return ops.length === 1 ? ops[0]! : null;
}

function ctxOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): Ctx {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return { schema, fragments, variables };
}

function intArg(field: FieldNode, name: string, ctx: Ctx): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = ctx.variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function fieldType(parent: GraphQLCompositeType, name: string) {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name]?.type ?? null;
  return null;
}

/** Calls `onField` for each field selected on `parent`, following fragments. */
function eachField(sel: SelectionSetNode | undefined, parent: GraphQLCompositeType, ctx: Ctx, onField: (field: FieldNode, type: GraphQLCompositeType | null) => void): void {
  for (const s of sel?.selections ?? []) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      const t = fieldType(parent, s.name.value);
      const named = t ? getNamedType(t) : null;
      onField(s, named && isCompositeType(named) ? named : null);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const t = s.typeCondition ? ctx.schema.getType(s.typeCondition.name.value) : parent;
      if (t && isCompositeType(t)) eachField(s.selectionSet, t, ctx, onField);
    } else {
      const f = ctx.fragments.get(s.name.value);
      const t = f ? ctx.schema.getType(f.typeCondition.name.value) : null;
      if (f && t && isCompositeType(t)) eachField(f.selectionSet, t, ctx, onField);
    }
  }
}

const isConnection = (t: GraphQLCompositeType): boolean => t.name.endsWith('Connection');

function requestedSelection(sel: SelectionSetNode | undefined, parent: GraphQLCompositeType, ctx: Ctx): number {
  let total = 0;
  eachField(sel, parent, ctx, (field, type) => {
    if (!type) return;
    if (isConnection(type)) {
      const n = intArg(field, 'first', ctx) ?? intArg(field, 'last', ctx) ?? 0;
      total += 2 + n * perNode(field.selectionSet, type, ctx);
    } else {
      total += 1 + requestedSelection(field.selectionSet, type, ctx);
    }
  });
  return total;
}

/** The cost of one item of a connection: its `nodes` or `edges { node }` selection. */
function perNode(sel: SelectionSetNode | undefined, connection: GraphQLCompositeType, ctx: Ctx): number {
  let per = 0;
  eachField(sel, connection, ctx, (field, type) => {
    if (!type || field.name.value === 'pageInfo') return;
    per += field.name.value === 'edges' ? requestedSelection(field.selectionSet, type, ctx) : 1 + requestedSelection(field.selectionSet, type, ctx);
  });
  return per;
}

export function requestedCost(schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const ctx = ctxOf(schema, document, variables);
  if (op.operation === 'mutation') return op.selectionSet.selections.length * MUTATION_FIELD_COST;
  return requestedSelection(op.selectionSet, schema.getQueryType()!, ctx);
}

function actualSelection(sel: SelectionSetNode | undefined, parent: GraphQLCompositeType, value: unknown, ctx: Ctx): number {
  if (value === null || typeof value !== 'object') return 0;
  let total = 0;
  eachField(sel, parent, ctx, (field, type) => {
    const v = (value as Record<string, unknown>)[field.alias?.value ?? field.name.value];
    if (!type || v === null || v === undefined) return;
    if (isConnection(type)) {
      const c = v as { nodes?: unknown[]; edges?: { node?: unknown }[] };
      total += 2;
      eachField(field.selectionSet, type, ctx, (inner, innerType) => {
        if (!innerType || inner.name.value === 'pageInfo') return;
        const items = (c as Record<string, unknown>)[inner.alias?.value ?? inner.name.value];
        if (Array.isArray(items)) for (const item of items) total += (inner.name.value === 'edges' ? 0 : 1) + actualSelection(inner.selectionSet, innerType, item, ctx);
      });
    } else if (Array.isArray(v)) {
      for (const item of v) total += 1 + actualSelection(field.selectionSet, type, item, ctx);
    } else {
      total += 1 + actualSelection(field.selectionSet, type, v, ctx);
    }
  });
  return total;
}

export function actualCost(schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>, data: unknown): number {
  if (op.operation === 'mutation') return op.selectionSet.selections.length * MUTATION_FIELD_COST;
  return actualSelection(op.selectionSet, schema.getQueryType()!, data, ctxOf(schema, document, variables));
}
