// The typed form of an EPCIS 2.0 SimpleEventQuery (EPCIS 2.0 §8.2.7.1, query-schema.json): every parameter
// becomes one filter; filters are ANDed, the values of one filter ORed. The server translates this AST to
// SQL; `matchesQuery` (match-event.ts) is the reference the translation is tested against.

export type Comparison = 'EQ' | 'GT' | 'GE' | 'LT' | 'LE';

/** A comparable operand: a number, an instant (ms since the epoch, from a date-time) or text. */
export type Operand =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'time'; readonly value: number; readonly text: string }
  | { readonly type: 'string'; readonly value: string };

/** A qualified extension field name: namespace IRI and local name. */
export interface FieldName {
  readonly ns: string;
  readonly name: string;
}

/** Where an extension-field parameter looks (EQ_, EQ_ILMD_, EQ_ERROR_DECLARATION_, EQ_readPoint_, …). */
export type FieldScope = 'event' | 'ilmd' | 'errorDeclaration' | 'readPoint' | 'bizLocation' | 'sensorElement' | 'sensorMetadata' | 'sensorReport';

export type SensorStringField =
  | 'type' | 'exception' | 'component' | 'deviceID' | 'deviceMetadata' | 'rawData' | 'dataProcessingMethod' | 'bizRules'
  | 'microorganism' | 'chemicalSubstance' | 'coordinateReferenceSystem' | 'stringValue' | 'hexBinaryValue' | 'uriValue' | 'uom';

export type SensorNumberField = 'value' | 'minValue' | 'maxValue' | 'meanValue' | 'sDev' | 'percRank' | 'percValue';

export type EpcMatchField = 'epc' | 'parentID' | 'inputEPC' | 'outputEPC' | 'anyEPC';
export type EpcClassMatchField = 'epcClass' | 'inputEPCClass' | 'outputEPCClass' | 'anyEPCClass';

export type QueryFilter =
  | { readonly kind: 'eventType'; readonly param: string; readonly values: readonly string[] }
  | { readonly kind: 'time'; readonly param: string; readonly field: 'eventTime' | 'recordTime' | 'declarationTime'; readonly op: 'GE' | 'LT'; readonly value: number }
  | { readonly kind: 'action'; readonly param: string; readonly values: readonly string[] }
  | { readonly kind: 'vocabulary'; readonly param: string; readonly field: 'bizStep' | 'disposition' | 'persistentDispositionSet' | 'persistentDispositionUnset' | 'errorReason'; readonly values: readonly string[] }
  | { readonly kind: 'place'; readonly param: string; readonly field: 'readPoint' | 'bizLocation'; readonly withDescendants: boolean; readonly values: readonly string[] }
  | { readonly kind: 'transformationID'; readonly param: string; readonly values: readonly string[] }
  | { readonly kind: 'epcMatch'; readonly param: string; readonly field: EpcMatchField; readonly patterns: readonly string[] }
  | { readonly kind: 'epcClassMatch'; readonly param: string; readonly field: EpcClassMatchField; readonly patterns: readonly string[] }
  | { readonly kind: 'quantity'; readonly param: string; readonly op: Comparison; readonly values: readonly number[]; readonly uom?: string }
  | { readonly kind: 'eventID'; readonly param: string; readonly values: readonly string[] }
  | { readonly kind: 'existsErrorDeclaration'; readonly param: string }
  | { readonly kind: 'correctiveEventID'; readonly param: string; readonly values: readonly string[] }
  | { readonly kind: 'typedIdentifier'; readonly param: string; readonly field: 'bizTransaction' | 'source' | 'destination'; readonly type: string; readonly values: readonly string[] }
  | { readonly kind: 'field'; readonly param: string; readonly scope: FieldScope; readonly inner: boolean; readonly field: FieldName; readonly op: Comparison; readonly operands: readonly Operand[] }
  | { readonly kind: 'fieldExists'; readonly param: string; readonly scope: FieldScope; readonly inner: boolean; readonly field: FieldName }
  | { readonly kind: 'hasAttribute'; readonly param: string; readonly field: string | FieldName; readonly attributes: readonly string[] }
  | { readonly kind: 'attributeEquals'; readonly param: string; readonly field: string; readonly attribute: string; readonly operands: readonly Operand[] }
  | { readonly kind: 'existsSensorElementList'; readonly param: string }
  | { readonly kind: 'sensorTime'; readonly param: string; readonly field: 'time' | 'startTime' | 'endTime'; readonly op: 'GE' | 'LT'; readonly value: number }
  | { readonly kind: 'sensorString'; readonly param: string; readonly field: SensorStringField; readonly values: readonly string[] }
  | { readonly kind: 'sensorBoolean'; readonly param: string; readonly value: boolean }
  | { readonly kind: 'sensorNumber'; readonly param: string; readonly field: SensorNumberField; readonly op: Comparison; readonly values: readonly number[]; readonly uom?: string };

export type OrderField = 'eventTime' | 'recordTime' | FieldName;

export interface EventQuery {
  readonly filters: readonly QueryFilter[];
  readonly orderBy?: OrderField;
  /** EPCIS 2.0 §8.2.7.1: DESC when omitted. */
  readonly orderDirection: 'ASC' | 'DESC';
  readonly eventCountLimit?: number;
  readonly maxEventCount?: number;
  /** REST binding pagination (EPCIS 2.0 §12.?, OpenAPI perPage / nextPageToken). */
  readonly perPage?: number;
  readonly nextPageToken?: string;
}
