import { describe, expect, test } from 'vitest';
import { toRemoteOrder, toRemoteProducts, toRemoteReturn } from './map';
import { OrderSchema, ProductSchema, ReturnSchema } from './schemas';

const AT = '2026-11-23T10:00:00.000Z';

function order(overrides: Record<string, unknown> = {}) {
  return OrderSchema.parse({
    id: 'order_1',
    display_id: 1042,
    status: 'pending',
    email: 'ana@example.com',
    metadata: null,
    created_at: AT,
    updated_at: AT,
    shipping_address: { first_name: 'Ana', last_name: 'Souza', address_1: 'Av. Paulista 1578', city: 'São Paulo', province: 'SP', postal_code: '01310-200', country_code: 'br' },
    shipping_methods: [{ name: 'Correios PAC' }],
    items: [
      { id: 'ordli_1', title: 'Camiseta', variant_title: 'M', variant_sku: 'CAM-M', variant_barcode: '7891234567895', quantity: 3, detail: { fulfilled_quantity: 1 }, variant: { weight: 180 } },
      { id: 'ordli_2', title: 'Gift card', variant_sku: 'GIFT', quantity: 1, requires_shipping: false },
    ],
    ...overrides,
  });
}

describe('Medusa records as the station sees them', () => {
  test('an order lists only the units left to ship, weights in milligrams, country upper case', () => {
    const remote = toRemoteOrder(order());
    expect(remote).toMatchObject({ number: '#1042', state: 'open', customerName: 'Ana Souza', carrier: 'Correios PAC' });
    expect(remote.shipTo).toEqual({ name: 'Ana Souza', line1: 'Av. Paulista 1578', line2: null, city: 'São Paulo', region: 'SP', postalCode: '01310-200', country: 'BR' });
    expect(remote.lines).toEqual([{ externalId: 'ordli_1', sku: 'CAM-M', title: 'Camiseta', variant: 'M', quantity: 2, barcode: '7891234567895', unitWeightMg: 180_000 }]);
  });

  test.each([
    [{ status: 'canceled' }, 'cancelled'],
    [{ status: 'completed' }, 'fulfilled'],
    [{ status: 'archived' }, 'fulfilled'],
    [{ status: 'draft' }, 'on-hold'],
    [{ status: 'requires_action' }, 'open'],
    [{ metadata: { bancada_hold: { key: 'k1', reason: 'Falta talla M' } } }, 'on-hold'],
    [{ metadata: { bancada_hold: 'not ours' } }, 'open'],
    [{ items: [{ id: 'ordli_1', title: 'x', quantity: 2, detail: { fulfilled_quantity: 2 } }] }, 'fulfilled'],
  ])('%o is %s', (overrides, state) => {
    expect(toRemoteOrder(order(overrides)).state).toBe(state);
  });

  test('a return lists the units still expected, with reason and title from its item link', () => {
    const record = ReturnSchema.parse({
      id: 'return_1', display_id: 7, status: 'partially_received', location_id: 'sloc_1', order_id: 'order_1', created_at: AT, updated_at: AT,
      items: [
        { id: 'retitem_1', item_id: 'ordli_1', quantity: 2, received_quantity: 1, damaged_quantity: 0, reason: { value: 'wrong_size', label: 'Tamanho errado' }, item: { title: 'Camiseta', variant_sku: 'CAM-M' } },
        { id: 'retitem_2', item_id: 'ordli_2', quantity: 1, received_quantity: 1, damaged_quantity: 1 },
      ],
    });
    expect(toRemoteReturn(record, { display_id: 1042, shipping_address: { first_name: 'Ana', last_name: 'Souza' } })).toEqual({
      externalId: 'return_1', rmaNumber: 'R7', orderExternalId: 'order_1', orderNumber: '#1042', customerName: 'Ana Souza', state: 'expected', createdAt: AT, updatedAt: AT,
      items: [{ externalId: 'ordli_1', sku: 'CAM-M', title: 'Camiseta', quantity: 1, reason: 'Tamanho errado' }],
    });
    expect(toRemoteReturn({ ...record, status: 'received' }).state).toBe('closed');
    expect(toRemoteReturn({ ...record, status: 'canceled' }).state).toBe('cancelled');
  });

  test('each variant is a product; barcode, EAN and UPC merged without repeats', () => {
    const product = ProductSchema.parse({
      id: 'prod_1', title: 'Caneca', thumbnail: 'https://cdn.example.com/caneca.jpg', updated_at: AT,
      variants: [{ id: 'variant_1', title: 'Branca', sku: 'CAN-BR', barcode: '7894900011517', ean: '7894900011517', upc: '', weight: 320, updated_at: '2026-11-23T11:00:00.000Z' }],
    });
    expect(toRemoteProducts(product)).toEqual([{ externalId: 'variant_1', sku: 'CAN-BR', title: 'Caneca', variant: 'Branca', barcodes: ['7894900011517'], unitWeightMg: 320_000, imageUrl: 'https://cdn.example.com/caneca.jpg', updatedAt: '2026-11-23T11:00:00.000Z' }]);
  });

  test('hostile values are refused by the schemas', () => {
    expect(OrderSchema.safeParse({ ...order(), display_id: -1 }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...order(), email: 'x'.repeat(1_000) }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...order(), updated_at: 'yesterday' }).success).toBe(false);
  });
});
