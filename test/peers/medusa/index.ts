/**
 * The Medusa peer for other tests (the relay's SIGKILL reliability test, …): start a real Medusa
 * 2.21.2 on a throw-away PostgreSQL, seed a store, create orders and returns, read back what the
 * station did. See medusa-peer.ts for what start does and how long it takes.
 *
 *   const peer = await startMedusaPeer();             // { baseUrl, apiKey, timings, stop() }
 *   const admin = new PeerAdmin(peer);
 *   const store = await seedStore(admin);              // stockLocationId, salesChannelId, products…
 *   const orderId = await createOrder(admin, store, [{ variantId: store.products[0].variantId, quantity: 1 }]);
 *   const adapter = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId });
 *   …
 *   expect((await fulfilmentsOf(admin, orderId)).filter((f) => !f.canceledAt)).toHaveLength(1);
 *   await peer.stop();
 */
export { startMedusaPeer, PEER_ADMIN, medusaDir, type MedusaPeer, type PeerTimings } from './medusa-peer';
export { PeerAdmin, seedStore, createOrder, cancelOrder, cancelFulfilment, requestReturn, fulfilmentsOf, stockAt, returnOnServer, type SeededStore, type SeededProduct, type ServerFulfilment } from './seed';
export { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';
