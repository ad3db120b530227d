// ajv errors to EPCIS issues: one issue per real fault. With allErrors, ajv reports every failing branch of
// an anyOf/oneOf; those alternatives collapse into their first branch's error, and `propertyNames`
// failures into one "field not allowed" issue naming the property.
import type { ErrorObject } from 'ajv';
import { eventIndexOfPointer, issue, joinPointer, type EpcisIssue } from '../errors/issue.ts';
import type { EpcisIssueCode } from '../errors/messages.ts';

const CODES: Readonly<Record<string, EpcisIssueCode>> = {
  required: 'EPCIS_SCHEMA_REQUIRED',
  type: 'EPCIS_SCHEMA_TYPE',
  enum: 'EPCIS_SCHEMA_ENUM',
  const: 'EPCIS_SCHEMA_ENUM',
  format: 'EPCIS_SCHEMA_FORMAT',
  pattern: 'EPCIS_SCHEMA_PATTERN',
  additionalProperties: 'EPCIS_SCHEMA_PROPERTY',
  propertyNames: 'EPCIS_SCHEMA_PROPERTY',
  uniqueItems: 'EPCIS_SCHEMA_UNIQUE',
  minItems: 'EPCIS_SCHEMA_MIN_ITEMS',
};

const COMBINATORS = new Set(['anyOf', 'oneOf']);
const WRAPPERS = new Set(['if', 'allOf', 'false schema']);

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[token];
  }
  return v;
}

function toIssue(e: ErrorObject, root: unknown): EpcisIssue {
  const code = CODES[e.keyword] ?? 'EPCIS_SCHEMA_VIOLATION';
  const params = e.params as Record<string, unknown>;
  let pointer = e.instancePath;
  const out: Record<string, string | number> = {};
  if (e.keyword === 'required') out.property = String(params.missingProperty);
  else if (e.keyword === 'additionalProperties') {
    out.property = String(params.additionalProperty);
    pointer = joinPointer(pointer, out.property);
  } else if (params.propertyName !== undefined) {
    out.property = String(params.propertyName);
    pointer = joinPointer(pointer, out.property);
  }
  const value = valueAt(root, pointer);
  const shown = typeof value === 'string' ? ` (value "${value.length > 80 ? value.slice(0, 77) + '...' : value}")` : '';
  out.reason = `${pointer || '/'} ${e.message ?? e.keyword}${e.keyword === 'enum' ? ': ' + JSON.stringify(params.allowedValues).slice(0, 200) : ''}${shown}`;
  if (out.property === undefined && code === 'EPCIS_SCHEMA_PROPERTY') out.property = pointer;
  return issue(code, { eventIndex: eventIndexOfPointer(pointer), pointer, params: out });
}

interface Pending {
  readonly error: ErrorObject;
  readonly schemaPath: string;
}

export function ajvErrorsToIssues(errors: readonly ErrorObject[], root: unknown): EpcisIssue[] {
  let kept: Pending[] = [];
  for (const error of errors) {
    const schemaPath = error.schemaPath;
    const inside = (p: Pending): boolean => p.schemaPath.startsWith(schemaPath.slice(0, schemaPath.lastIndexOf('/')) + '/');
    if (COMBINATORS.has(error.keyword) || error.keyword === 'propertyNames') {
      const branch = kept.filter(inside);
      kept = kept.filter((p) => !inside(p));
      if (error.keyword === 'propertyNames') {
        kept.push({ error: { ...error, params: { propertyName: (branch[0]?.error.params as { propertyName?: string })?.propertyName ?? error.params.propertyName } }, schemaPath });
      } else {
        kept.push(branch[0] ?? { error, schemaPath });
      }
    } else if (!WRAPPERS.has(error.keyword)) {
      kept.push({ error, schemaPath });
    }
  }
  const seen = new Set<string>();
  const out: EpcisIssue[] = [];
  for (const { error } of kept) {
    const i = toIssue(error, root);
    // Several missing properties of one object are separate faults; anything else at the same place is
    // one fault seen by several keywords (e.g. enum and pattern of an anyOf branch).
    const key = i.code === 'EPCIS_SCHEMA_REQUIRED' ? `${i.pointer}|required|${i.params?.property}` : `${i.pointer}|value`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}
