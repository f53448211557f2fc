/** The Query root of the emulator: the read side of the subset the adapter uses. */
import { connection, idKey, timeIdKey, type ConnectionArgs } from './connection';
import { compare, compareTime, parseSearch, type Term } from './search';
import { idOf, type FulfillmentOrder, type Order, type ShopState, type Variant } from './state';
import { returnStatusOf, type Views } from './views';

type SearchArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null; includeClosed?: boolean | null; includeInactive?: boolean | null };

function matches(terms: readonly Term[], field: (name: string, term: Term) => boolean): boolean {
  return terms.every((t) => field(t.field, t) !== t.negated);
}

function unsupported(name: string): never {
  throw new Error(`emulator: search field ${name} is not emulated`);
}

export function queryRoot(state: ShopState, views: Views) {
  const foField = (fo: FulfillmentOrder) => (name: string, t: Term) => {
    switch (name) {
      case 'assigned_location_id':
        return compare(String(fo.locationId), t);
      case 'updated_at':
        return compareTime(fo.updatedAt, t);
      case 'status':
        return compare(fo.status, t);
      case 'id':
        return compare(String(fo.id), t);
      default:
        return unsupported(name);
    }
  };
  const orderField = (o: Order) => (name: string, t: Term) => {
    switch (name) {
      case 'updated_at':
        return compareTime(o.updatedAt, t);
      case 'return_status':
        return compare(returnStatusOf(state, o), t);
      default:
        return unsupported(name);
    }
  };
  const variantField = (v: Variant) => (name: string, t: Term) => {
    switch (name) {
      case 'updated_at':
        return compareTime(v.updatedAt, t);
      case 'sku':
        return compare(v.sku ?? '', t);
      default:
        return unsupported(name);
    }
  };

  return {
    shop: () => ({ id: 'gid://shopify/Shop/1', name: state.shopName, myshopifyDomain: state.shopDomain }),
    locations: (args: SearchArgs) =>
      connection([...state.locations.values()].filter((l) => args.includeInactive || l.isActive), args, (l) => idKey(l.id), views.locationView),
    fulfillmentOrders: (args: SearchArgs) => {
      const terms = parseSearch(args.query);
      const byTime = args.sortKey === 'UPDATED_AT';
      const keyOf = (fo: FulfillmentOrder) => (byTime ? timeIdKey(fo.updatedAt, fo.id) : idKey(fo.id));
      const list = [...state.fulfillmentOrders.values()]
        .filter((fo) => args.includeClosed || (fo.status !== 'CLOSED' && fo.status !== 'CANCELLED'))
        .filter((fo) => matches(terms, foField(fo)))
        .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
      return connection(list, args, keyOf, views.foView);
    },
    fulfillmentOrder: ({ id }: { id: string }) => {
      const fo = state.fulfillmentOrders.get(idOf('FulfillmentOrder', id) ?? -1);
      return fo ? views.foView(fo) : null;
    },
    orders: (args: SearchArgs) => {
      const terms = parseSearch(args.query);
      const byTime = args.sortKey === 'UPDATED_AT';
      const keyOf = (o: Order) => (byTime ? timeIdKey(o.updatedAt, o.id) : idKey(o.id));
      const list = [...state.orders.values()].filter((o) => matches(terms, orderField(o))).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
      return connection(list, args, keyOf, views.orderView);
    },
    return: ({ id }: { id: string }) => {
      const r = state.returns.get(idOf('Return', id) ?? -1);
      return r ? views.returnView(r) : null;
    },
    productVariants: (args: SearchArgs) => {
      if (args.sortKey && args.sortKey !== 'ID') throw new Error(`emulator: productVariants sortKey ${args.sortKey} is not emulated`);
      const terms = parseSearch(args.query);
      const list = [...state.variants.values()].filter((v) => matches(terms, variantField(v))).sort((a, b) => a.id - b.id);
      return connection(list, args, (v) => idKey(v.id), views.variantView);
    },
  };
}
