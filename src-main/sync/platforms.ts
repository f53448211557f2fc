/**
 * The real platforms' adapters, by name, as the station and `bancada sync` build them from the saved
 * settings and credentials. The embedded demo store is not here: the engine opens it itself.
 */
import { AppError } from '../../src-shared/errors/codes';
import type { StoreCredentials } from '../../src-shared/domain/store';
import { medusaAdapterFactory } from './medusa';
import { createShopifyAdapter, SHOPIFY_API_VERSION, type ShopifyAuth } from './shopify';
import { LoopbackEndpointSchema } from './shopify/config';
import type { AdapterFactories } from './sync-engine';

function shopifyAuth(credentials: StoreCredentials): ShopifyAuth {
  if (credentials.kind === 'shopify-token') return { kind: 'token', token: credentials.accessToken };
  if (credentials.kind === 'shopify-client-credentials') return { kind: 'client-credentials', clientId: credentials.clientId, clientSecret: credentials.clientSecret };
  throw new AppError('sync.secret-missing', `the saved credentials are for another platform (${credentials.kind})`);
}

/**
 * BANCADA_SHOPIFY_ENDPOINT points the adapter at the Shopify emulator (test/peers/shopify) instead of
 * https://<shop>/; only a loopback http address is accepted, so it can never send a token elsewhere.
 */
function shopifyEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.BANCADA_SHOPIFY_ENDPOINT;
  if (!value) return undefined;
  const parsed = LoopbackEndpointSchema.safeParse(value);
  if (!parsed.success) throw new AppError('sync.not-configured', 'BANCADA_SHOPIFY_ENDPOINT must be http://127.0.0.1:<port> (the emulator)');
  return parsed.data;
}

export function platformFactories(env: NodeJS.ProcessEnv = process.env): AdapterFactories {
  return {
    shopify: (settings, credentials, context) => {
      if (settings.platform !== 'shopify') throw new AppError('sync.not-configured', 'not a Shopify store');
      const endpoint = shopifyEndpoint(env);
      return createShopifyAdapter({
        shopDomain: settings.shopDomain,
        apiVersion: SHOPIFY_API_VERSION,
        auth: shopifyAuth(credentials),
        locationId: settings.locationId,
        stationId: context.stationId,
        ...(endpoint ? { endpoint } : {}),
      });
    },
    medusa: medusaAdapterFactory,
  };
}

export const PLATFORM_FACTORIES: AdapterFactories = platformFactories();
