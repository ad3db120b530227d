// Regenerates src/ai-table.generated.ts from the released GS1 Barcode Syntax Dictionary.
// Usage: node --import tsx packages/gs1/scripts/generate-ai-table.ts [path/to/dictionary.txt]
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSyntaxDictionary, renderAiTableModule } from '../src/dictionary/dictionary-parser.ts';
import { conformanceDir } from './conformance/vectors.ts';

export const DICTIONARY_FILE = 'gs1-syntax-dictionary-release-2026-01-27.txt';

export function dictionaryPath(): string {
  return path.join(conformanceDir(), 'gs1', 'gs1-syntax-engine', DICTIONARY_FILE);
}

export async function generateAiTableSource(file = dictionaryPath()): Promise<string> {
  const text = await readFile(file, 'utf8');
  return renderAiTableModule(parseSyntaxDictionary(text), path.basename(file));
}

export const outputPath = fileURLToPath(new URL('../src/ai-table.generated.ts', import.meta.url));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = await generateAiTableSource(process.argv[2]);
  await writeFile(outputPath, source);
  console.log(`wrote ${outputPath}`);
}
