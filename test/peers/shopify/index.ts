/**
 * The Shopify peer for tests outside this folder (the outbox relay's reliability tests):
 *
 *   const emulator = await startShopifyEmulator();            // loopback, free port, Standard plan bucket
 *   const location = emulator.state.addLocation('Galpão 1');
 *   const { order, fo } = emulator.state.addOrder(location.id, [{ sku: 'TEE-M', quantity: 2 }]);
 *   createShopifyAdapter({ shopDomain: emulator.shopDomain, apiVersion: '2026-10',
 *     auth: { kind: 'token', token: emulator.accessToken }, locationId: gid('Location', location.id),
 *     endpoint: emulator.url });
 *   emulator.faults.inject({ kind: 'drop-after-apply' }, { operation: 'FulfillmentCreate', times: 3 });
 *   emulator.setOffline(true);  …  emulator.setOffline(false);
 *   // then check emulator.state.fulfillments / fo.fulfillmentIds / emulator.requests
 *   await emulator.close();
 */
export { startShopifyEmulator, STANDARD_PLAN, type EmulatorOptions, type RequestRecord, type ShopifyEmulator } from './emulator/server';
export type { Fault } from './emulator/faults';
export { gid, idOf, type FulfillmentOrder, type ShopState } from './emulator/state';
export { adminSchema } from './schema';
