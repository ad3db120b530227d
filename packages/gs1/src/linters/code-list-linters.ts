import { lintError, type LintError } from './lint-types.ts';
import { AIDC_MEDIA_TYPES, ISO3166_ALPHA2, ISO3166_NUMERIC, ISO4217_NUMERIC, PACKAGE_TYPE_CODES } from './code-lists.ts';

function member(set: ReadonlySet<string>, code: string, data: string): LintError | null {
  return set.has(data) ? null : lintError(code, 0, data.length);
}

/** ISO 3166-1 numeric country code, e.g. AI (422). */
export function lintIso3166(data: string): LintError | null {
  return member(ISO3166_NUMERIC, 'GS1_LINTER_NOT_ISO3166', data);
}

/** ISO 3166-1 numeric country code or "999" (unknown), e.g. AI (7030). */
export function lintIso3166999(data: string): LintError | null {
  if (data === '999') return null;
  const e = lintIso3166(data);
  return e ? { ...e, code: 'GS1_LINTER_NOT_ISO3166_OR_999' } : null;
}

export function lintIso3166Alpha2(data: string): LintError | null {
  return member(ISO3166_ALPHA2, 'GS1_LINTER_NOT_ISO3166_ALPHA2', data);
}

export function lintIso4217(data: string): LintError | null {
  return member(ISO4217_NUMERIC, 'GS1_LINTER_NOT_ISO4217', data);
}

/** ISO/IEC 5218 biological sex: 0 unknown, 1 male, 2 female, 9 not applicable (AI 7252). */
export function lintIso5218(data: string): LintError | null {
  if (data.length !== 1) return lintError('GS1_LINTER_INVALID_BIOLOGICAL_SEX_CODE', 0, data.length);
  return '0129'.includes(data) ? null : lintError('GS1_LINTER_INVALID_BIOLOGICAL_SEX_CODE', 0, 1);
}

export function lintMediaType(data: string): LintError | null {
  return member(AIDC_MEDIA_TYPES, 'GS1_LINTER_INVALID_MEDIA_TYPE', data);
}

export function lintPackageType(data: string): LintError | null {
  return member(PACKAGE_TYPE_CODES, 'GS1_LINTER_INVALID_PACKAGE_TYPE', data);
}
