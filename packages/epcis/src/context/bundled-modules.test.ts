// The generated modules (JSON-LD contexts, JSON Schemas) are what the generator makes from the conformance
// copies today, so nothing bundled drifts from the published artefacts.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderContextModule, renderSchemaModule } from '../../scripts/bundled-modules.ts';
import { GENERATED_PATH, readContextFiles, SCHEMA_GENERATED_PATH } from '../../scripts/generate-bundled-modules.ts';
import { EPCIS_INLINE_CONTEXT, EPCIS_VOCABULARIES } from './epcis-context.generated.ts';

describe('bundled JSON-LD contexts and schemas', () => {
  const files = readContextFiles();

  test('the committed modules equal a fresh generation', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(renderContextModule(files));
    expect(readFileSync(SCHEMA_GENERATED_PATH, 'utf8')).toBe(renderSchemaModule(files));
  });

  test('the inline context carries the same vocabulary as the child contexts', () => {
    const ctx = EPCIS_INLINE_CONTEXT as unknown as Record<string, { '@context'?: Record<string, string> }>;
    const inline = ctx.bizStep!['@context']!;
    for (const [term, iri] of Object.entries(EPCIS_VOCABULARIES.bizStep)) {
      expect(iri).toBe(`https://ref.gs1.org/cbv/BizStep-${term}`);
      expect(inline[term]).toBe(`cbv:BizStep-${term}`);
    }
    expect(Object.keys(EPCIS_VOCABULARIES.disposition)).toHaveLength(33);
  });
});
