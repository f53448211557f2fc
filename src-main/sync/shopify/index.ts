/**
 * The Shopify adapter (Admin GraphQL API 2026-10). The engine builds it with the non-secret
 * connection (ShopifyConnectionSchema, stored in settings) plus the secret from the secret store:
 *
 *   createShopifyAdapter({ shopDomain, apiVersion: '2026-10', locationId,
 *     auth: { kind: 'token', token } | { kind: 'client-credentials', clientId, clientSecret } })
 */
export { createShopifyAdapter, type ShopifyAdapter } from './shopify-adapter';
export {
  ShopifyConnectionSchema,
  SHOPIFY_API_VERSION,
  type ShopifyAdapterConfig,
  type ShopifyAuth,
  type ShopifyConnection,
} from './config';
export { DOCUMENTS, type DocumentName } from './documents';
