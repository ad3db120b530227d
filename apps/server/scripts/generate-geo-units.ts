// Regenerates the geo module's unit seed migration from the shared Sơn La data file.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { unitsSeedSql, type SourceUnit } from '../src/modules/geo/units-seed.ts';

const source = process.argv[2] ?? fileURLToPath(new URL('../../../../shared/data/sonla/admin-units-2025.json', import.meta.url));
const target = fileURLToPath(new URL('../src/modules/geo/migrations/0002_sonla_units.sql', import.meta.url));
const data = JSON.parse(await readFile(source, 'utf8')) as { units: SourceUnit[] };
await writeFile(target, unitsSeedSql(data.units));
console.log(`wrote ${data.units.length} units to ${target}`);
