// Types for scripts/demo-data-lib.mjs, so TypeScript tests can import the generator's pure
// functions. They mirror the committed JSON formats that src-main/demo/demo-data.ts validates.

export type BarcodeKind = 'gtin' | 'sku' | 'alias' | 'case';
export interface DemoProduct {
  sku: string;
  title: string;
  variant: string | null;
  gtin: string;
  unitWeightMg: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  bin: string;
  imageUrl: string | null;
  requiresSerial: boolean;
  requiresLot: boolean;
  barcodes: { value: string; kind: BarcodeKind; quantity: number }[];
}
export interface DemoOrder {
  number: string;
  customerName: string;
  email: string;
  shipTo: { name: string; line1: string; line2: string | null; city: string; region: string; postalCode: string; country: string };
  carrier: string;
  service: string;
  priority: number;
  createdOffsetHours: number;
  shipByOffsetHours: number;
  lines: { sku: string; quantity: number }[];
}
export type ReturnReason = 'size' | 'damaged' | 'not-as-described' | 'changed-mind' | 'defective';
export interface DemoReturn {
  rmaNumber: string;
  orderNumber: string;
  customerName: string;
  createdOffsetHours: number;
  items: { sku: string; quantity: number; reason: ReturnReason }[];
}
export interface DemoOperator {
  name: string;
  role: 'packer' | 'returns' | 'supervisor';
  pin: string;
  badge: string;
}
export interface DemoDataSet {
  catalog: { products: DemoProduct[] };
  orders: { orders: DemoOrder[] };
  returns: { returns: DemoReturn[] };
  operators: { operators: DemoOperator[] };
}
export type Category = 'apparel' | 'footwear' | 'cosmetics' | 'electronics' | 'home' | 'books' | 'food';

export const SEED: number;
export const MINIMUMS: { readonly products: number; readonly orders: number; readonly returns: number };
export const MAX_FILE_BYTES: number;
export const CHECK_DIGIT_VECTORS: readonly string[];

export function prng(seed: number): () => number;
export function gs1CheckDigit(body: string): string;
export function isValidGs1(code: unknown): boolean;
/** Throws when gs1CheckDigit disagrees with the published example codes. */
export function selfTestCheckDigits(): void;
export function categoryOf(sku: string): Category | null;

export function generateCatalog(seed?: number): DemoDataSet['catalog'];
export function generateOrders(catalog: DemoDataSet['catalog'], seed?: number, count?: number): DemoDataSet['orders'];
export function generateReturns(catalog: DemoDataSet['catalog'], seed?: number, count?: number): DemoDataSet['returns'];
export function generateOperators(): DemoDataSet['operators'];
export function generateAll(seed?: number): DemoDataSet;
/** File name (`catalog.json`, …) → the exact committed text. */
export function toFiles(data: DemoDataSet): Record<string, string>;

/** Every problem with a data set (empty when sound). Accepts unparsed JSON from the committed files. */
export function validate(data: { [K in keyof DemoDataSet]?: unknown }): string[];
export function checkSizes(files: Record<string, string>): string[];
