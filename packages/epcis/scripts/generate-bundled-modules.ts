// `npx tsx packages/epcis/scripts/generate-bundled-modules.ts` rewrites src/context/*.generated.ts (JSON-LD
// contexts and JSON Schemas) from the conformance copy (TXNG_CONFORMANCE_DIR overrides ../shared/conformance).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  EVENT_SCHEMA_FILE, INLINE_CONTEXT_FILE, QUERY_SCHEMA_FILE, ROOT_CONTEXT_FILE, VOCABULARY_FILES, renderContextModule, renderSchemaModule,
} from './bundled-modules.ts';

export function conformanceDir(): string {
  return process.env.TXNG_CONFORMANCE_DIR ?? fileURLToPath(new URL('../../../../shared/conformance/', import.meta.url));
}

export function readContextFiles(dir = conformanceDir()): Record<string, string> {
  const epcis = join(dir, 'epcis', 'gs1-EPCIS');
  const files: Record<string, string> = {};
  for (const name of [...Object.values(VOCABULARY_FILES), ROOT_CONTEXT_FILE]) {
    files[name] = readFileSync(join(epcis, 'JSON-LD-Context', name), 'utf8');
  }
  files[INLINE_CONTEXT_FILE] = readFileSync(join(epcis, INLINE_CONTEXT_FILE), 'utf8');
  for (const name of [EVENT_SCHEMA_FILE, QUERY_SCHEMA_FILE]) {
    files[name] = readFileSync(join(dir, 'epcis', 'gs1-2.0.1-normative', name), 'utf8');
  }
  return files;
}

export const GENERATED_PATH = fileURLToPath(new URL('../src/context/epcis-context.generated.ts', import.meta.url));
export const SCHEMA_GENERATED_PATH = fileURLToPath(new URL('../src/context/epcis-schemas.generated.ts', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = readContextFiles();
  writeFileSync(GENERATED_PATH, renderContextModule(files));
  writeFileSync(SCHEMA_GENERATED_PATH, renderSchemaModule(files));
  console.log(`wrote ${GENERATED_PATH} and ${SCHEMA_GENERATED_PATH}`);
}
