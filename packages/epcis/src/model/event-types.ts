// The five EPCIS 2.0 event types as frozen, tagged domain values with `create`/`is` companions (the
// Kysely habit, docs/style.md), plus which identifier and quantity lists each one carries (EPCIS 2.0 §7.4).
import type {
  AggregationEvent as AggregationEventT,
  AssociationEvent as AssociationEventT,
  EpcisEvent,
  EventTypeName,
  ObjectEvent as ObjectEventT,
  TransactionEvent as TransactionEventT,
  TransformationEvent as TransformationEventT,
} from './types.ts';

export type EpcListField = 'epcList' | 'childEPCs' | 'inputEPCList' | 'outputEPCList';
export type QuantityListField = 'quantityList' | 'childQuantityList' | 'inputQuantityList' | 'outputQuantityList';

export interface EventTypeCompanion<T extends EpcisEvent> {
  readonly type: T['type'];
  /** Identifier lists of this type, in EPCIS 2.0 §7.4 order. */
  readonly epcLists: readonly EpcListField[];
  readonly quantityLists: readonly QuantityListField[];
  readonly hasAction: boolean;
  readonly hasParentID: boolean;
  readonly hasIlmd: boolean;
  is(value: unknown): value is T;
  create(fields: Omit<T, 'type'>): T;
}

function companion<T extends EpcisEvent>(
  type: T['type'],
  shape: Omit<EventTypeCompanion<T>, 'type' | 'is' | 'create'>,
): EventTypeCompanion<T> {
  return Object.freeze({
    type,
    ...shape,
    epcLists: Object.freeze([...shape.epcLists]),
    quantityLists: Object.freeze([...shape.quantityLists]),
    is(value: unknown): value is T {
      return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
    },
    create(fields: Omit<T, 'type'>): T {
      return Object.freeze({ type, ...fields }) as T;
    },
  });
}

export const ObjectEvent = companion<ObjectEventT>('ObjectEvent', {
  epcLists: ['epcList'],
  quantityLists: ['quantityList'],
  hasAction: true,
  hasParentID: false,
  hasIlmd: true,
});

export const AggregationEvent = companion<AggregationEventT>('AggregationEvent', {
  epcLists: ['childEPCs'],
  quantityLists: ['childQuantityList'],
  hasAction: true,
  hasParentID: true,
  hasIlmd: false,
});

export const TransactionEvent = companion<TransactionEventT>('TransactionEvent', {
  epcLists: ['epcList'],
  quantityLists: ['quantityList'],
  hasAction: true,
  hasParentID: true,
  hasIlmd: false,
});

export const TransformationEvent = companion<TransformationEventT>('TransformationEvent', {
  epcLists: ['inputEPCList', 'outputEPCList'],
  quantityLists: ['inputQuantityList', 'outputQuantityList'],
  hasAction: false,
  hasParentID: false,
  hasIlmd: true,
});

export const AssociationEvent = companion<AssociationEventT>('AssociationEvent', {
  epcLists: ['childEPCs'],
  quantityLists: ['childQuantityList'],
  hasAction: true,
  hasParentID: true,
  hasIlmd: false,
});

export const EVENT_TYPES: Readonly<Record<EventTypeName, EventTypeCompanion<EpcisEvent>>> = Object.freeze({
  ObjectEvent,
  AggregationEvent,
  TransactionEvent,
  TransformationEvent,
  AssociationEvent,
} as Record<EventTypeName, EventTypeCompanion<EpcisEvent>>);

export function isEventTypeName(value: unknown): value is EventTypeName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_TYPES, value);
}

export function eventTypeOf(event: EpcisEvent): EventTypeCompanion<EpcisEvent> {
  return EVENT_TYPES[event.type];
}

/** Every identifier an event names in its EPC lists (not parentID), with the list it came from. */
export function* eventEpcs(event: EpcisEvent): Generator<[EpcListField, string]> {
  const record = event as unknown as Partial<Record<EpcListField, readonly string[]>>;
  for (const field of eventTypeOf(event).epcLists) for (const epc of record[field] ?? []) yield [field, epc];
}
