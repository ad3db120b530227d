import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unitsSeedSql, type SourceUnit } from './units-seed.ts';

const source = fileURLToPath(new URL('../../../../../../shared/data/sonla/admin-units-2025.json', import.meta.url));
const committed = fileURLToPath(new URL('./migrations/0002_sonla_units.sql', import.meta.url));

describe('generated unit seed', () => {
  it.skipIf(!existsSync(source))('is current with shared/data/sonla/admin-units-2025.json', () => {
    const units = (JSON.parse(readFileSync(source, 'utf8')) as { units: SourceUnit[] }).units;
    expect(readFileSync(committed, 'utf8')).toBe(unitsSeedSql(units));
  });

  it('escapes quotes in names', () => {
    expect(unitsSeedSql([{ kind: 'xa', name: "O'Lang", ascii: "O'Lang" }])).toContain("'O''Lang'");
  });
});
