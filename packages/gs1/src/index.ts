// @txng/gs1: GS1 identifiers, element strings, Digital Link, EPC URIs and scan data, exact to the GS1 standards
// and conformance-tested against the GS1 Syntax Engine's vectors. Pure: no I/O, no clock. Barcode rendering
// lives behind the `@txng/gs1/barcode` subpath so that this entry stays light for browsers.

export type { Result } from './result.ts';
export type { Gs1Error } from './errors.ts';
export { gs1Message, GS1_MESSAGES } from './messages/gs1-message.ts';

// Keys and check digits
export { computeCheckDigit, hasValidCheckDigit } from './keys/check-digit.ts';
export { normalizeGtin, shortestGtin } from './keys/gtin.ts';
export { buildGtin, buildGln, buildSscc, MIN_GCP_LENGTH, MAX_GCP_LENGTH } from './keys/company-prefix-keys.ts';

// The AI dictionary (generated from the GS1 Barcode Syntax Dictionary)
export type { AiEntry, AiComponent, CharacterSet } from './dictionary/ai-entry.ts';
export { aiEntry, allAiEntries } from './dictionary/ai-lookup.ts';

// Linters
export type { LintError, LintContext, GcpLookupResult, Linter } from './linters/lint-types.ts';
export { lint, linterNames, LINTERS } from './linters/linter-registry.ts';

// Element strings
export type { AiElement, Gs1ParseOptions } from './element-string/parsed-ai.ts';
export { parseElementString } from './element-string/parse-element-string.ts';
export { toBracketed, toUnbracketed, toHri } from './element-string/write-element-string.ts';
export { findInAiData } from './element-string/associations.ts';

// Digital Link
export type { DigitalLink, DigitalLinkParseOptions, DigitalLinkBuildOptions } from './digital-link/digital-link-types.ts';
export { CANONICAL_DL_STEM } from './digital-link/digital-link-types.ts';
export { parseDigitalLink } from './digital-link/digital-link.ts';
export { buildDigitalLink, formatDigitalLink, canonicalDigitalLink } from './digital-link/format-digital-link.ts';
export { uriEscape, uriUnescape } from './digital-link/uri-escape.ts';

// Scan data
export type { Symbology } from './scan-data/symbology.ts';
export { SYMBOLOGIES } from './scan-data/symbology.ts';
export type { ScanData } from './scan-data/parse-scan-data.ts';
export { parseScanData } from './scan-data/parse-scan-data.ts';
export type { ScanDataOptions } from './scan-data/generate-scan-data.ts';
export { generateScanData } from './scan-data/generate-scan-data.ts';

// EPC URIs
export type { EpcIdentity } from './epc/parse-epc-uri.ts';
export { parseEpcUri } from './epc/parse-epc-uri.ts';
export type { EpcFromDigitalLinkOptions } from './epc/epc-digital-link.ts';
export { epcUriToDigitalLink, digitalLinkToEpcUri, elementsToEpcUri } from './epc/epc-digital-link.ts';

// Any input form
export type { Gs1Input, Gs1InputForm } from './parse-gs1-input.ts';
export { parseGs1Input } from './parse-gs1-input.ts';
