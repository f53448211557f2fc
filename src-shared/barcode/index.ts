/** Barcode and GS1 reading for the scan path: pure, no I/O, no clock (DESIGN.md "The critical path"). */
export { SYMBOLOGIES, NO_AIM, readAim, dataStart, type Symbology, type SymbologyName, type SymbologyContent } from './aim';
export { AI_CHECKS, KNOWN_AIS, aiSpec, findAi, type AiSpec, type AiComponent, type AiCharset, type AiCheck } from './ai-dictionary';
export { validateAiValue } from './ai-values';
export { parseBracketed, formatBracketed } from './bracketed';
export { gs1CheckDigit, hasValidCheckDigit, isDigits, withCheckDigit } from './check-digit';
export { parseDigitalLink } from './digital-link';
export { GS, parseElementString, formatElementString, type Gs1Element, type ElementsResult } from './element-string';
export { barcodeFailure, type BarcodeError, type BarcodeErrorCode, type BarcodeFailure } from './errors';
export { normalizeGtin, validateSscc, expandUpcE, compressUpcA, type GtinResult, type UpcAResult } from './gtin';
export { parseScan, createScanParser, type ParsedScan, type ScanKind, type ScanResult } from './parse-scan';
export { PATTERN_KINDS, ScanConfigSchema, compileScanConfig, matchPattern, type PatternKind, type ScanConfig, type CompiledScanConfig } from './scan-config';
