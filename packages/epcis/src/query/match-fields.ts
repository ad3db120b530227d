// Helpers of the in-memory query evaluator: extension fields per scope (EPCIS 2.0 §8.2.7.1 EQ_fieldname,
// EQ_INNER_fieldname, EQ_ILMD_…, EQ_ERROR_DECLARATION_…, EQ_SENSORELEMENT_…), operand comparison and master
// data lookups for WD_, HASATTR_ and EQ_ATTR_.
import { parseTimestamp } from '../model/time.ts';
import type { EpcisEvent, ExtensionElement, ExtensionValue, Vocabulary } from '../model/types.ts';
import type { Comparison, FieldName, FieldScope, Operand } from './query-types.ts';

/** Master data the evaluator may consult (EPCIS 2.0 §6.5, §7.2). All optional. */
export interface MatchContext {
  /** Direct children of a vocabulary element (the hierarchy WD_readPoint / WD_bizLocation follow). */
  children?(id: string): readonly string[];
  /** Attributes of a vocabulary element: attribute id → value. */
  attributes?(id: string): ReadonlyMap<string, ExtensionValue | undefined>;
}

/** A MatchContext over master data held in memory (e.g. the vocabularies of captured documents). */
export function masterDataContext(vocabularies: readonly Vocabulary[]): MatchContext {
  const children = new Map<string, string[]>();
  const attributes = new Map<string, Map<string, ExtensionValue | undefined>>();
  for (const v of vocabularies) {
    for (const el of v.vocabularyElementList ?? []) {
      children.set(el.id, [...(children.get(el.id) ?? []), ...(el.children ?? [])]);
      const map = attributes.get(el.id) ?? new Map<string, ExtensionValue | undefined>();
      for (const a of el.attributes ?? []) map.set(a.id, a.value);
      attributes.set(el.id, map);
    }
  }
  return { children: (id) => children.get(id) ?? [], attributes: (id) => attributes.get(id) ?? new Map() };
}

function scopeRoots(event: EpcisEvent, scope: FieldScope): (readonly ExtensionElement[])[] {
  const e = event as EpcisEvent & { ilmd?: readonly ExtensionElement[] };
  switch (scope) {
    case 'event': return [event.extensions ?? []];
    case 'ilmd': return [e.ilmd ?? []];
    case 'errorDeclaration': return [event.errorDeclaration?.extensions ?? []];
    case 'readPoint': return [event.readPoint?.extensions ?? []];
    case 'bizLocation': return [event.bizLocation?.extensions ?? []];
    case 'sensorElement': return (event.sensorElementList ?? []).map((s) => s.extensions ?? []);
    case 'sensorMetadata': return (event.sensorElementList ?? []).map((s) => s.sensorMetadata?.extensions ?? []);
    case 'sensorReport': return (event.sensorElementList ?? []).flatMap((s) => s.sensorReport.map((r) => r.extensions ?? []));
  }
}

function* descendants(list: readonly ExtensionElement[]): Generator<ExtensionElement> {
  for (const el of list) {
    for (const child of [...(el.attributes ?? []), ...(el.children ?? [])]) {
      yield child;
      yield* descendants([child]);
    }
  }
}

/** Elements named `field` in a scope: top-level ones, or (inner) those nested at any depth below them. */
export function fieldElements(event: EpcisEvent, scope: FieldScope, inner: boolean, field: FieldName): ExtensionElement[] {
  const out: ExtensionElement[] = [];
  for (const root of scopeRoots(event, scope)) {
    const candidates = inner ? descendants(root) : root;
    for (const el of candidates) if (el.ns === field.ns && el.name === field.name) out.push(el);
  }
  return out;
}

function asNumber(value: ExtensionValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function compare(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case 'EQ': return a === b;
    case 'GT': return a > b;
    case 'GE': return a >= b;
    case 'LT': return a < b;
    case 'LE': return a <= b;
  }
}

/** Does a field value satisfy `op` against one of the operands? Strings compare exactly, numbers and times by value. */
export function valueMatches(value: ExtensionValue | undefined, op: Comparison, operands: readonly Operand[]): boolean {
  return operands.some((o) => {
    if (o.type === 'string') return op === 'EQ' && value !== undefined && value !== null && String(value) === o.value;
    if (o.type === 'number') {
      const n = asNumber(value);
      return n !== undefined && compare(op, n, o.value);
    }
    const t = typeof value === 'string' ? parseTimestamp(value.trim()) : undefined;
    return t !== undefined && compare(op, t, o.value);
  });
}

/** Attribute lookup by full id or by its local part (`sst` for urn:epcglobal:cbv:mda#sst or cbvmda:sst). */
export function attributeValue(attributes: ReadonlyMap<string, ExtensionValue | undefined>, name: string): { found: boolean; value?: ExtensionValue } {
  for (const [id, value] of attributes) {
    if (id === name || id.endsWith(`#${name}`) || id.endsWith(`:${name}`) || id.endsWith(`/${name}`)) return { found: true, value };
  }
  return { found: false };
}

/** The value and all (transitive) descendants of a master-data element, cycle-safe. */
export function withDescendants(id: string, ctx: MatchContext): Set<string> {
  const out = new Set([id]);
  const queue = [id];
  while (queue.length) {
    for (const child of ctx.children?.(queue.shift()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        queue.push(child);
      }
    }
  }
  return out;
}
