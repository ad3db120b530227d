// Test support: the context each shared vector was recorded in. The vectors were extracted from the C unit
// tests of gs1/gs1-syntax-engine (commit 50657db) and gs1/gs1-syntax-dictionary (commit ff2eb4b); those tests
// switch options between calls and sometimes pass a C variable rather than a literal. This file mirrors, per
// source line, the option switches and the variables' contents, so every vector can be run as recorded.
import type { GcpLookupResult } from '../../src/linters/lint-types.ts';

export interface EngineOptions {
  permitConvenienceAlphas?: boolean;
  permitZeroSuppressedGtin?: boolean;
  permitUnknownAis?: boolean;
  /** gs1_encoder_vUNKNOWN_AI_NOT_DL_ATTR switched off: unknown AIs allowed as DL attributes. */
  permitUnknownAiAttributes?: boolean;
  validateRequisites?: boolean;
  addCheckDigit?: boolean;
}

// Line ranges (inclusive) of the engine's test sources in which an option differs from its default, found by
// following the calls gs1_encoder_setPermit…, setValidationEnabled, setAddCheckDigit and the direct
// ctx->permitConvenienceAlphas assignments through each test function.
const RANGES: Readonly<Record<string, readonly [number, number, EngineOptions][]>> = {
  'src/c-lib/dl.c': [
    [1436, 1441, { permitConvenienceAlphas: true }],
    [1448, 1451, { permitZeroSuppressedGtin: true }],
    [1458, 1461, { permitZeroSuppressedGtin: true }],
    [1468, 1471, { permitZeroSuppressedGtin: true }],
    [1483, 1486, { permitZeroSuppressedGtin: true }],
    [1493, 1496, { permitZeroSuppressedGtin: true }],
    [1634, 1637, { permitZeroSuppressedGtin: true }],
    [1640, 1643, { permitZeroSuppressedGtin: true }],
    [1668, 1671, { permitZeroSuppressedGtin: true }],
    [1678, 1681, { permitZeroSuppressedGtin: true }],
    [1688, 1691, { permitZeroSuppressedGtin: true }],
    [1698, 1701, { permitZeroSuppressedGtin: true }],
    [1762, 1765, { permitUnknownAis: true }],
    [1766, 1769, { permitUnknownAis: true, permitUnknownAiAttributes: true }],
    [1770, 1770, { permitUnknownAis: true }],
    [2202, 2204, { permitUnknownAis: true }],
    [2205, 2206, { permitUnknownAis: true, permitUnknownAiAttributes: true }],
    [2207, 2207, { permitUnknownAis: true }],
  ],
  'src/c-lib/ai.c': [
    [1139, 1184, { permitUnknownAis: true }],
    [1664, 1696, { validateRequisites: false }],
    [1866, 1902, { permitUnknownAis: true }],
    [2041, 2168, { permitUnknownAis: true }],
  ],
  'src/c-lib/scandata.c': [
    [743, 745, { addCheckDigit: true }],
    [803, 804, { addCheckDigit: true }],
  ],
};

/** Options in force at a vector's `source` ("src/c-lib/dl.c:1437"). */
export function optionsAt(source: string): EngineOptions {
  const [file = '', lineText = '0'] = source.split(':');
  const line = Number(lineText);
  for (const [from, to, options] of RANGES[file] ?? []) if (line >= from && line <= to) return options;
  return {};
}

const A90 = 'A'.repeat(90);
const AIS_64 = Array.from({ length: 64 }, () => '99XY').join('^');

// C variables the vectors name instead of a value (ai.c test_ai_existsInAIdata, the MAX_AI_VALUE_LEN and
// MAX_AIS boundary blocks of test_ai_parseAIdata and test_ai_processAIdata).
const VARIABLES: Readonly<Record<string, string>> = {
  'src/c-lib/ai.c:dataStr1': '(01)12345678901231',
  'src/c-lib/ai.c:dataStr2': '(98)DEF(97)GHI(96)JKL(95)MNO',
  'src/c-lib/ai.c:dataStr3': '(01)12345678901231(235)ABC123(8002)123456',
  'src/c-lib/ai.c:1423:inbuf': `(99)${A90}`,
  'src/c-lib/ai.c:1423:expbuf': `^99${A90}`,
  'src/c-lib/ai.c:1427:inbuf': `(99)${A90}A`,
  'src/c-lib/ai.c:1815:buf': `^99${A90}`,
  'src/c-lib/ai.c:1822:buf': `^99${A90}A`,
  'src/c-lib/ai.c:1851:buf': `^${AIS_64}`,
  'src/c-lib/ai.c:1860:buf': `^${AIS_64}^99XY`,
};

/** The literal a vector field stands for: itself, or the content of the C variable it names. */
export function resolveVariable(source: string, value: string): string {
  const file = source.split(':')[0] ?? '';
  return VARIABLES[`${source}:${value}`] ?? VARIABLES[`${file}:${value}`] ?? value;
}

/**
 * The GCP lookup stub of the linter tests (test-gcp-lookup.h): `result` 0 valid, 1 invalid, 2 offline, after
 * `countdown` calls that answer valid. Set per source line as lint_gcppos1.c, lint_gcppos2.c and
 * lint_couponcode.c do before their lookup cases.
 */
const GCP_STUB: Readonly<Record<string, { result: 1 | 2; countdown: number }>> = {
  'src/lint_gcppos1.c:221': { result: 1, countdown: 0 },
  'src/lint_gcppos1.c:223': { result: 2, countdown: 0 },
  'src/lint_gcppos2.c:183': { result: 1, countdown: 0 },
  'src/lint_gcppos2.c:185': { result: 2, countdown: 0 },
  'src/lint_couponcode.c:1431': { result: 1, countdown: 0 },
  'src/lint_couponcode.c:1433': { result: 2, countdown: 0 },
  'src/lint_couponcode.c:1438': { result: 1, countdown: 1 },
  'src/lint_couponcode.c:1441': { result: 2, countdown: 1 },
  'src/lint_couponcode.c:1446': { result: 1, countdown: 1 },
  'src/lint_couponcode.c:1449': { result: 2, countdown: 1 },
  'src/lint_couponcode.c:1454': { result: 1, countdown: 1 },
  'src/lint_couponcode.c:1457': { result: 2, countdown: 1 },
};

export function gcpLookupAt(source: string): ((data: string) => GcpLookupResult) | undefined {
  const stub = GCP_STUB[source];
  if (!stub) return undefined;
  let countdown = stub.countdown;
  return () => {
    if (countdown > 0) {
      countdown--;
      return 'valid';
    }
    return stub.result === 1 ? 'invalid' : 'offline';
  };
}

/** Cases generated by loops in lint_gcppos1.c and lint_gcppos2.c (inputs passed as `data`, markups as `expect`). */
export function loopCases(source: string): { input: string; markup?: string }[] | undefined {
  const digits = (n: number) => Array.from({ length: n }, (_, i) => String(i % 10)).join('');
  const gcp = 4;
  switch (source) {
    case 'src/lint_gcppos1.c:169': return [{ input: digits(gcp + 1) }];
    case 'src/lint_gcppos1.c:171': return [{ input: digits(gcp) }];
    case 'src/lint_gcppos1.c:189':
      return Array.from({ length: gcp }, (_, k) => gcp - 1 - k).map((i) => ({ input: digits(i), markup: `*${digits(i)}*` }));
    case 'src/lint_gcppos1.c:199': return [{ input: `${digits(gcp)}A` }];
    case 'src/lint_gcppos1.c:216':
      return Array.from({ length: gcp }, (_, k) => gcp - 1 - k).map((i) => ({
        input: `${digits(i)}${'A'.repeat(gcp + 1 - i)}`,
        markup: `${digits(i)}*A*${'A'.repeat(gcp - i)}`,
      }));
    case 'src/lint_gcppos2.c:114': return [{ input: `I${digits(gcp + 1)}` }];
    case 'src/lint_gcppos2.c:116': return [{ input: `I${digits(gcp)}` }];
    case 'src/lint_gcppos2.c:134':
      return [gcp, 3, 2].map((i) => ({ input: `I${digits(i - 1)}`, markup: `I*${digits(i - 1)}*` }));
    case 'src/lint_gcppos2.c:150': return [1, 0].map((i) => ({ input: 'I'.slice(0, i), markup: `*${'I'.slice(0, i)}*` }));
    case 'src/lint_gcppos2.c:161': return [{ input: `I${digits(gcp)}A` }];
    case 'src/lint_gcppos2.c:178':
      return Array.from({ length: gcp }, (_, k) => gcp - k).map((i) => ({
        input: `I${digits(i - 1)}${'A'.repeat(gcp + 2 - i)}`,
        markup: `I${digits(i - 1)}*A*${'A'.repeat(gcp + 1 - i)}`,
      }));
    default: return undefined;
  }
}
