// The EPCIS 2.0 data model (EPCIS 2.0 §7), shared by the JSON-LD and XML bindings. Values keep their
// lexical form (timestamps, identifiers as captured: EPC URN or GS1 Digital Link); standard vocabulary
// values are stored as CBV 2.0 bare words (`receiving`) whatever spelling the input used, other values as
// full URIs. Extension content keeps namespace IRIs, so either binding can be produced from it.

export type EventTypeName =
  | 'ObjectEvent'
  | 'AggregationEvent'
  | 'TransactionEvent'
  | 'TransformationEvent'
  | 'AssociationEvent';

export type Action = 'ADD' | 'OBSERVE' | 'DELETE';

/** A leaf value of an extension element: JSON keeps its type, XML text is a string. */
export type ExtensionValue = string | number | boolean | null;

/**
 * A user extension element or ILMD element (EPCIS 2.0 §7.3.6, §9.4): a namespaced name with either a value
 * or child elements. `ns` is the namespace IRI ('' when the element has none); `prefix` is the prefix the
 * input used, kept as a hint for output.
 */
export interface ExtensionElement {
  readonly ns: string;
  readonly name: string;
  readonly prefix?: string;
  readonly value?: ExtensionValue;
  readonly children?: readonly ExtensionElement[];
  /** XML attributes of the element (XML binding only; JSON has no attributes). */
  readonly attributes?: readonly ExtensionElement[];
}

export interface QuantityElement {
  readonly epcClass: string;
  readonly quantity?: number;
  readonly uom?: string;
}

export interface BizTransaction {
  readonly type?: string;
  readonly bizTransaction: string;
}

export interface SourceElement {
  readonly type: string;
  readonly source: string;
}

export interface DestinationElement {
  readonly type: string;
  readonly destination: string;
}

export interface Place {
  readonly id: string;
  readonly extensions?: readonly ExtensionElement[];
}

export interface PersistentDisposition {
  readonly set?: readonly string[];
  readonly unset?: readonly string[];
}

export interface ErrorDeclaration {
  readonly declarationTime: string;
  readonly reason?: string;
  readonly correctiveEventIDs?: readonly string[];
  readonly extensions?: readonly ExtensionElement[];
}

/** EPCIS 2.0 §7.3.8 sensorMetadata. */
export interface SensorMetadata {
  readonly time?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly deviceID?: string;
  readonly deviceMetadata?: string;
  readonly rawData?: string;
  readonly dataProcessingMethod?: string;
  readonly bizRules?: string;
  readonly extensions?: readonly ExtensionElement[];
}

/** EPCIS 2.0 §7.3.8 sensorReport. */
export interface SensorReport {
  readonly type?: string;
  readonly exception?: string;
  readonly deviceID?: string;
  readonly deviceMetadata?: string;
  readonly rawData?: string;
  readonly dataProcessingMethod?: string;
  readonly bizRules?: string;
  readonly time?: string;
  readonly microorganism?: string;
  readonly chemicalSubstance?: string;
  readonly coordinateReferenceSystem?: string;
  readonly value?: number;
  readonly component?: string;
  readonly stringValue?: string;
  readonly booleanValue?: boolean;
  readonly hexBinaryValue?: string;
  readonly uriValue?: string;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly meanValue?: number;
  readonly sDev?: number;
  readonly percRank?: number;
  readonly percValue?: number;
  readonly uom?: string;
  readonly extensions?: readonly ExtensionElement[];
}

export interface SensorElement {
  readonly sensorMetadata?: SensorMetadata;
  readonly sensorReport: readonly SensorReport[];
  readonly extensions?: readonly ExtensionElement[];
}

/** Fields every event type has (EPCIS 2.0 §7.4.1). */
export interface EventCommon {
  readonly eventTime: string;
  readonly eventTimeZoneOffset: string;
  readonly recordTime?: string;
  readonly eventID?: string;
  readonly certificationInfo?: readonly string[];
  readonly errorDeclaration?: ErrorDeclaration;
  readonly bizStep?: string;
  readonly disposition?: string;
  readonly persistentDisposition?: PersistentDisposition;
  readonly readPoint?: Place;
  readonly bizLocation?: Place;
  readonly bizTransactionList?: readonly BizTransaction[];
  readonly sourceList?: readonly SourceElement[];
  readonly destinationList?: readonly DestinationElement[];
  readonly sensorElementList?: readonly SensorElement[];
  /** Event-level user extensions, in input order. */
  readonly extensions?: readonly ExtensionElement[];
}

export interface ObjectEvent extends EventCommon {
  readonly type: 'ObjectEvent';
  readonly action: Action;
  readonly epcList?: readonly string[];
  readonly quantityList?: readonly QuantityElement[];
  readonly ilmd?: readonly ExtensionElement[];
}

export interface AggregationEvent extends EventCommon {
  readonly type: 'AggregationEvent';
  readonly action: Action;
  readonly parentID?: string;
  readonly childEPCs?: readonly string[];
  readonly childQuantityList?: readonly QuantityElement[];
}

export interface TransactionEvent extends EventCommon {
  readonly type: 'TransactionEvent';
  readonly action: Action;
  readonly parentID?: string;
  readonly epcList?: readonly string[];
  readonly quantityList?: readonly QuantityElement[];
}

export interface TransformationEvent extends EventCommon {
  readonly type: 'TransformationEvent';
  readonly inputEPCList?: readonly string[];
  readonly inputQuantityList?: readonly QuantityElement[];
  readonly outputEPCList?: readonly string[];
  readonly outputQuantityList?: readonly QuantityElement[];
  readonly transformationID?: string;
  readonly ilmd?: readonly ExtensionElement[];
}

export interface AssociationEvent extends EventCommon {
  readonly type: 'AssociationEvent';
  readonly action: Action;
  readonly parentID?: string;
  readonly childEPCs?: readonly string[];
  readonly childQuantityList?: readonly QuantityElement[];
}

export type EpcisEvent = ObjectEvent | AggregationEvent | TransactionEvent | TransformationEvent | AssociationEvent;

/** Master data (EPCIS 2.0 §7.2, §9.? Vocabulary): an attribute value is text, a number or nested content. */
export interface VocabularyAttribute {
  readonly id: string;
  readonly value?: ExtensionValue;
  readonly children?: readonly ExtensionElement[];
}

export interface VocabularyElement {
  readonly id: string;
  readonly attributes?: readonly VocabularyAttribute[];
  readonly children?: readonly string[];
}

export interface Vocabulary {
  readonly type: string;
  readonly vocabularyElementList?: readonly VocabularyElement[];
}

/** Namespace prefixes declared by a document, prefix → IRI (JSON-LD @context entries or XML xmlns). */
export type Namespaces = Readonly<Record<string, string>>;

interface DocumentCommon {
  readonly schemaVersion?: string;
  readonly creationDate?: string;
  readonly id?: string;
  readonly namespaces: Namespaces;
  /** Document-level extension fields (JSON keys or XML elements that are not part of EPCIS). */
  readonly extensions?: readonly ExtensionElement[];
}

export interface EpcisDocument extends DocumentCommon {
  readonly kind: 'EPCISDocument';
  readonly instanceIdentifier?: string;
  readonly sender?: string;
  readonly receiver?: string;
  readonly vocabularyList?: readonly Vocabulary[];
  readonly events: readonly EpcisEvent[];
  /** True when the input was a single event without a document around it. */
  readonly bareEvent?: boolean;
}

export interface EpcisQueryDocument extends DocumentCommon {
  readonly kind: 'EPCISQueryDocument';
  readonly queryName: string;
  readonly subscriptionID?: string;
  readonly vocabularyList?: readonly Vocabulary[];
  readonly events: readonly EpcisEvent[];
  /** Extension fields of `queryResults` (JSON) / the query results element (XML). */
  readonly resultsExtensions?: readonly ExtensionElement[];
}

export interface EpcisMasterDataDocument extends DocumentCommon {
  readonly kind: 'EPCISMasterDataDocument';
  readonly vocabularyList: readonly Vocabulary[];
}

/** A query request (XML `Poll`): its name and raw parameters, to be parsed by `parseQuery`. */
export interface EpcisQueryRequest extends DocumentCommon {
  readonly kind: 'QueryRequest';
  readonly queryName: string;
  readonly params: Readonly<Record<string, string | readonly string[]>>;
}

/** EPCIS 2.0 §8.2.? capture job status document (XML `EPCISCaptureJob`). */
export interface EpcisCaptureJob extends DocumentCommon {
  readonly kind: 'EPCISCaptureJob';
  readonly captureID: string;
  readonly running: boolean;
  readonly success: boolean;
  readonly captureErrorBehaviour: 'rollback' | 'proceed';
  readonly createdAt?: string;
  readonly finishedAt?: string;
  readonly errorFile?: string;
  readonly errors?: readonly { readonly type: string; readonly title: string; readonly status?: number; readonly detail?: string; readonly instance?: string }[];
}

export type EpcisInput = EpcisDocument | EpcisQueryDocument | EpcisMasterDataDocument | EpcisQueryRequest | EpcisCaptureJob;
