// @txng/epcis: the EPCIS 2.0 / CBV 2.0 data model and its bindings, exact to the GS1 standards and their
// conformance data. Pure: no I/O; the clock and the hash function are passed in.

// Model
export type * from './model/types.ts';
export {
  ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent, EVENT_TYPES, isEventTypeName, eventTypeOf, eventEpcs,
  type EventTypeCompanion, type EpcListField, type QuantityListField,
} from './model/event-types.ts';
export {
  normaliseVocabularyValue, vocabularyIri, vocabularyUrn, isStandardTerm, standardTerms, bareWordFor,
  type VocabularyKind, type NormalisedVocabularyValue,
} from './model/vocabulary.ts';
export { parseTimestamp, parseTimeZoneOffset } from './model/time.ts';

// Issues and their messages (Vietnamese, English)
export type { EpcisIssue, TextPosition, Result } from './errors/issue.ts';
export { EPCIS_MESSAGES, formatEpcisIssue, type EpcisIssueCode, type Language } from './errors/messages.ts';

// JSON-LD binding, with the bundled contexts and schemas
export { readEpcisJson, type JsonReadable, type ReadOutcome } from './json/read-document.ts';
export { writeJsonDocument, writeJsonQueryDocument, writeJsonEventWithContext } from './json/write-document.ts';
export type { JsonWriteOptions } from './json/write-event.ts';
export { EPCIS_CONTEXT_URL, isEpcisContextUrl } from './json/namespaces.ts';
export { EPCIS_INLINE_CONTEXT, EPCIS_CONTEXT_PREFIXES, EPCIS_VOCABULARIES } from './context/epcis-context.generated.ts';
export { EPCIS_JSON_SCHEMA, EPCIS_QUERY_SCHEMA } from './context/epcis-schemas.generated.ts';

// XML binding
export { readEpcisXml, type XmlReadOptions, type XmlReadOutcome } from './xml/read-xml-document.ts';
export { writeXmlDocument, writeXmlQueryDocument, writeXmlEvent, type XmlWriteOptions } from './xml/write-xml.ts';
export { createXmlCaptureStream, type XmlCaptureStream, type XmlCaptureStreamOptions, type XmlCaptureSummary } from './xml/xml-capture-stream.ts';

// Validation
export { validateEpcisJson, validateEpcisXml, type ValidationOptions, type ValidationResult } from './validation/validate.ts';
export { validateAgainstEpcisSchema, warmUpSchemaValidators, type BareSensorTypePolicy } from './validation/schema-validator.ts';
export { DEFAULT_FUTURE_SKEW_MS } from './validation/semantic-rules.ts';
export { prepareCapture, withEventId, validateEvent, type CapturePlan, type CapturedEvent, type CaptureOptions } from './capture.ts';

// CBV 2.0 event hash ID
export { eventHashId, hashPreHash, type Sha256, type HashOptions } from './hash/event-hash.ts';
export { eventPreHash } from './hash/prehash.ts';
export { hashIgnoreFields } from './hash/ignore-fields.ts';

// GS1 identities in events
export { canonicalEpc, constrainedDigitalLink, identifierForm, type IdentifierForm } from './gs1/identifiers.ts';

// Query language
export { parseQueryParameters, type QueryInput, type QueryParseOptions, type QueryParseResult } from './query/parse-query.ts';
export type * from './query/query-types.ts';
export { matchesQuery, matchesQuery as matches, orderKey } from './query/match-event.ts';
export { encodePageToken, decodePageToken, queryFingerprint, type PageCursor } from './query/page-token.ts';
export { masterDataContext, type MatchContext } from './query/match-fields.ts';
export { applyQuery, type QueryOutcome } from './query/apply-query.ts';
export { compilePattern } from './query/epc-match.ts';
