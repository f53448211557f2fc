/** A Shopify product variant as the catalog's RemoteProduct (pure). */
import type { RemoteProduct } from '../adapter';
import type { ProductVariantNode } from './response-schemas';
import { weightToMg } from './weight';

export function mapProduct(v: ProductVariantNode): RemoteProduct {
  return {
    externalId: v.id,
    sku: v.sku ?? '',
    title: v.product.title,
    // Shopify names the only variant of a product without options "Default Title".
    variant: v.title && v.title !== 'Default Title' ? v.title : null,
    barcodes: v.barcode ? [v.barcode] : [],
    unitWeightMg: weightToMg(v.inventoryItem.measurement.weight),
    imageUrl: v.product.featuredMedia?.preview?.image?.url ?? null,
    updatedAt: v.updatedAt,
  };
}
