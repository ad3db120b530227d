// Recognises the pattern families of EPCIS 2.0 query parameter names (EPCIS 2.0 §8.2.7.1, query-schema.json
// patternProperties): extension fields (EQ_, EQ_INNER_, EQ_ILMD_, EQ_ERROR_DECLARATION_, EQ_SENSORELEMENT_,
// …, EXISTS_…), business transaction / source / destination types, sensor values per unit of measure.
import type { Comparison, FieldScope, SensorNumberField } from './query-types.ts';

export type NameFamily =
  | { readonly family: 'field'; readonly op: Comparison | 'EXISTS'; readonly inner: boolean; readonly scope: FieldScope; readonly qname: string }
  | { readonly family: 'typedIdentifier'; readonly field: 'bizTransaction' | 'source' | 'destination'; readonly type: string }
  | { readonly family: 'sensorNumber'; readonly op: Comparison; readonly field: SensorNumberField; readonly uom: string }
  | { readonly family: 'quantity'; readonly op: Comparison; readonly uom: string }
  | { readonly family: 'hasAttribute'; readonly field: string }
  | { readonly family: 'attributeEquals'; readonly field: string; readonly attribute: string };

/** A qualified field name: `prefix:local` (query schema), or an absolute IRI ending in `#local` / `/local`. */
const QNAME = String.raw`(?:[A-Za-z][\w.-]*:\w[\w.-]*|https?://[^\s#?]+[#/]\w[\w.-]*|urn:[^\s#?]+[:#]\w[\w.-]*)`;

const SCOPES: readonly [string, FieldScope][] = [
  ['ILMD_', 'ilmd'], ['ERROR_DECLARATION_', 'errorDeclaration'], ['SENSORELEMENT_', 'sensorElement'],
  ['SENSORMETADATA_', 'sensorMetadata'], ['SENSORREPORT_', 'sensorReport'], ['readPoint_', 'readPoint'], ['bizLocation_', 'bizLocation'],
];

const FIELD = new RegExp(`^(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_|ERROR_DECLARATION_|SENSORELEMENT_|SENSORMETADATA_|SENSORREPORT_|readPoint_|bizLocation_)?(${QNAME})$`);
const TYPED = /^EQ_(bizTransaction|source|destination)_([a-z][a-zA-Z0-9_]+)$/;
const SENSOR_UOM = /^(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue|quantity)_([A-Z0-9]{2,4})$/;
const HASATTR = new RegExp(`^HASATTR_(${QNAME}|[a-z][A-Za-z0-9]*)$`);
const ATTR = /^EQ_ATTR_([A-Za-z][A-Za-z0-9]*)_(\w+)$/;

export function classifyName(name: string): NameFamily | undefined {
  let m = TYPED.exec(name);
  if (m) return { family: 'typedIdentifier', field: m[1] as 'bizTransaction' | 'source' | 'destination', type: m[2]! };
  m = SENSOR_UOM.exec(name);
  if (m) {
    const op = m[1] as Comparison;
    return m[2] === 'quantity' ? { family: 'quantity', op, uom: m[3]! } : { family: 'sensorNumber', op, field: m[2] as SensorNumberField, uom: m[3]! };
  }
  m = ATTR.exec(name);
  if (m) return { family: 'attributeEquals', field: m[1]!, attribute: m[2]! };
  m = HASATTR.exec(name);
  if (m) return { family: 'hasAttribute', field: m[1]! };
  m = FIELD.exec(name);
  if (m) {
    const scope = SCOPES.find(([prefix]) => prefix === m![3])?.[1] ?? 'event';
    const op = m[1] as Comparison | 'EXISTS';
    // The schema only defines EQ_ (and EQ_INNER_) for readPoint/bizLocation extension fields.
    if ((scope === 'readPoint' || scope === 'bizLocation') && op !== 'EQ') return undefined;
    return { family: 'field', op, inner: m[2] !== undefined, scope, qname: m[4]! };
  }
  return undefined;
}
