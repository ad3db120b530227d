// Validation against the official EPCIS 2.0.1 JSON Schema (draft-07) with format checking (ajv 8 +
// ajv-formats, as the conformance manifests were produced). Compiled once, lazily; a fast validator answers
// "valid?" and, only for invalid input, an all-errors validator explains why.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { EPCIS_JSON_SCHEMA, EPCIS_QUERY_SCHEMA } from '../context/epcis-schemas.generated.ts';
import { issue, type EpcisIssue } from '../errors/issue.ts';
import { ajvErrorsToIssues } from './ajv-issues.ts';

/**
 * How sensorReport `type` is checked. The 2.0.1 JSON Schema requires it and rejects a bare word outside the
 * GS1 list (e.g. `Molar_concentration`, format uri). The XSD makes it optional (SensorReportType, `use=
 * "optional"`), the JSON-LD context maps it with @vocab (so a bare term is a well-formed compact IRI), and
 * the openepcis conformance manifest expects four such documents to be accepted. `warn` (default) relaxes
 * exactly these two points and the semantic rules warn about unlisted bare terms; `reject` is the schema.
 */
export type BareSensorTypePolicy = 'warn' | 'reject';

const BARE_TERM = '^[A-Za-z][A-Za-z0-9_]*$';

function relaxedSchema(): Record<string, unknown> {
  const schema = structuredClone(EPCIS_JSON_SCHEMA) as {
    $id: string;
    definitions: { measurementType: { anyOf: unknown[] }; sensorReport: { required?: string[] } };
  };
  schema.$id = `${schema.$id}#relaxed-sensor-type`;
  schema.definitions.measurementType.anyOf.push({ type: 'string', pattern: BARE_TERM });
  delete schema.definitions.sensorReport.required;
  return schema;
}

interface Pair {
  readonly fast: ValidateFunction;
  /** Compiled on first use: valid input never needs it. */
  full(): ValidateFunction;
}

const compiled = new Map<string, Pair>();

function makeAjv(allErrors: boolean): Ajv {
  // strict: false because the official schemas use keywords ajv's strict mode flags (e.g. `nullable`
  // without `type` siblings, unknown `format`s stay checked by ajv-formats).
  const ajv = new Ajv({ allErrors, strict: false, allowUnionTypes: true });
  // ajv-formats is CommonJS: under NodeNext its default import is the module object.
  const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as unknown as (a: Ajv) => void;
  addFormats(ajv);
  return ajv;
}

function pair(key: string, schema: () => Record<string, unknown>): Pair {
  let p = compiled.get(key);
  if (!p) {
    const s = schema();
    let full: ValidateFunction | undefined;
    p = { fast: makeAjv(false).compile(s), full: () => (full ??= makeAjv(true).compile(s)) };
    compiled.set(key, p);
  }
  return p;
}

function run(p: Pair, value: unknown): EpcisIssue[] {
  try {
    if (p.fast(value)) return [];
    const full = p.full();
    full(value);
    return ajvErrorsToIssues((full.errors ?? []) as ErrorObject[], value);
  } catch (e) {
    // Hostile input can break ajv's helpers (e.g. an object whose own `toString` is a string makes
    // uniqueItems' deep equality throw): such a document is refused, not a crash.
    return [issue('EPCIS_SCHEMA_VIOLATION', { pointer: '', params: { reason: `the document cannot be checked: ${(e as Error).message}` } })];
  }
}

/** Validates a JSON document, query document or bare event; [] when valid. */
export function validateAgainstEpcisSchema(json: unknown, policy: BareSensorTypePolicy = 'warn'): EpcisIssue[] {
  return policy === 'reject'
    ? run(pair('strict', () => EPCIS_JSON_SCHEMA as Record<string, unknown>), json)
    : run(pair('relaxed', relaxedSchema), json);
}

/** Validates named-query parameters (a JSON object) against the official query schema. */
export function validateAgainstQuerySchema(params: unknown): EpcisIssue[] {
  return run(pair('query', () => EPCIS_QUERY_SCHEMA as Record<string, unknown>), params);
}

/** Compiles the validators now (e.g. at server start) instead of on first use. */
export function warmUpSchemaValidators(): void {
  pair('relaxed', relaxedSchema);
  pair('query', () => EPCIS_QUERY_SCHEMA as Record<string, unknown>);
}
