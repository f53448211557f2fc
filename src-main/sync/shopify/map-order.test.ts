import { describe, expect, it } from 'vitest';
import { CLAIM_NOTE_PREFIX, orderState } from './map-order';
import { fulfillmentOrdersQuery, ordersWithReturnsQuery } from './search-query';
import { weightToMg } from './weight';

const hold = (mine: boolean, notes: string) => ({ id: 'gid://shopify/FulfillmentHold/1', reason: 'OTHER', reasonNotes: notes, handle: null, heldByRequestingApp: mine });
const fo = (status: Parameters<typeof orderState>[0]['status'], holds = [] as ReturnType<typeof hold>[], cancelledAt: string | null = null) => ({ status, fulfillmentHolds: holds, order: { id: 'gid://shopify/Order/1', name: '#1', cancelledAt }, assignedLocation: { location: { id: 'gid://shopify/Location/1' } } });

describe('Shopify fulfillment order state as the bench sees it', () => {
  it.each([
    [fo('OPEN'), 'open'],
    [fo('IN_PROGRESS'), 'open'],
    [fo('ON_HOLD', [hold(true, `${CLAIM_NOTE_PREFIX}st-1`)]), 'open'],
    [fo('ON_HOLD', [hold(true, `${CLAIM_NOTE_PREFIX}st-1`), hold(false, 'fraud')]), 'on-hold'],
    [fo('ON_HOLD', [hold(false, `${CLAIM_NOTE_PREFIX}forged by another app`)]), 'on-hold'],
    [fo('SCHEDULED'), 'on-hold'],
    [fo('CLOSED'), 'fulfilled'],
    [fo('CANCELLED'), 'cancelled'],
    [fo('OPEN', [], '2026-11-23T10:00:00Z'), 'cancelled'],
  ] as const)('%o → %s', (input, state) => {
    expect(orderState(input)).toBe(state);
  });

  it('knows its own claim from another station\'s when it knows its station id', () => {
    const claimedBy9 = fo('ON_HOLD', [hold(true, `${CLAIM_NOTE_PREFIX}station-09`)]);
    expect(orderState(claimedBy9, { stationId: 'station-09' })).toBe('open');
    expect(orderState(claimedBy9, { stationId: 'station-07' })).toBe('on-hold');
    expect(orderState(claimedBy9)).toBe('open');
  });

  it('does not offer an order moved to another location', () => {
    expect(orderState(fo('OPEN'), { locationId: 'gid://shopify/Location/1' })).toBe('open');
    expect(orderState(fo('OPEN'), { locationId: 'gid://shopify/Location/2' })).toBe('on-hold');
    expect(orderState(fo('CANCELLED'), { locationId: 'gid://shopify/Location/2' })).toBe('cancelled');
  });
});

describe('search strings', () => {
  it('builds the location and updated-at filter from validated values only', () => {
    expect(fulfillmentOrdersQuery('gid://shopify/Location/42', '2026-11-22T10:00:00Z')).toBe("assigned_location_id:42 AND updated_at:>='2026-11-22T10:00:00Z'");
    expect(fulfillmentOrdersQuery('gid://shopify/Location/42', null)).toBe('assigned_location_id:42');
    expect(() => fulfillmentOrdersQuery('gid://shopify/Location/42', "2026' OR status:closed")).toThrow();
    expect(() => fulfillmentOrdersQuery('42 OR x', null)).toThrow();
    expect(ordersWithReturnsQuery(null)).toBe('return_status:in_progress');
  });
});

describe('weights', () => {
  it('converts every Shopify unit to whole milligrams', () => {
    expect(weightToMg({ unit: 'GRAMS', value: 180 })).toBe(180_000);
    expect(weightToMg({ unit: 'KILOGRAMS', value: 1.25 })).toBe(1_250_000);
    expect(weightToMg({ unit: 'OUNCES', value: 1 })).toBe(28_350);
    expect(weightToMg({ unit: 'POUNDS', value: 2 })).toBe(907_185);
    expect(weightToMg(null)).toBeNull();
  });
});
