import { describe, expect, it } from 'vitest';
import { readVectors, report, type CaseOutcome } from '../../scripts/conformance/vectors.ts';
import { optionsAt, resolveVariable } from '../../scripts/conformance/engine-test-context.ts';
import { findInAiData, validateDigSigSerial, validateMutex, validateRepeats, validateRequisites } from './associations.ts';
import { parseBracketed } from './parse-bracketed.ts';
import { parseElementStringDetail } from './parse-element-string.ts';
import { parseUnbracketed } from './parse-unbracketed.ts';
import { toUnbracketed } from './write-element-string.ts';
import type { ParsedAi } from './parsed-ai.ts';
import type { Gs1Error } from '../errors.ts';

type AiVector =
  | { test: 'existsInAIdata'; shouldSucceed: boolean; aiData: string; needleAI: string; ignoreAI: string | null; expectedMatchAI: string | null; source: string }
  | { test: 'parseAIdata'; shouldSucceed: boolean; bracketedAIdata: string; expectedAIdata: string; source: string }
  | { test: 'errMarkup'; bracketedAIdata: string; expectedErrMarkup: string; source: string }
  | { test: 'processAIdata'; shouldSucceed: boolean; aiData: string; source: string }
  | { test: 'validateAIs'; shouldSucceed: boolean; validationFunction: string; bracketedAIdata: string; source: string };

const VALIDATIONS: Readonly<Record<string, (e: readonly ParsedAi[]) => Gs1Error | null>> = {
  validateAIrepeats: validateRepeats,
  validateAImutex: validateMutex,
  validateAIrequisites: validateRequisites,
  validateDigSigRequiresSerialisedKey: validateDigSigSerial,
};

function run(v: AiVector): CaseOutcome {
  const opts = { ...optionsAt(v.source), validateAssociations: false };
  switch (v.test) {
    case 'existsInAIdata': {
      const data = resolveVariable(v.source, v.aiData);
      const id = `${v.source} ${data} +(${v.needleAI}) -(${v.ignoreAI ?? ''})`;
      const parsed = parseElementStringDetail(data);
      if (!parsed.ok) return { id, ok: false, detail: parsed.error.code };
      const match = findInAiData(parsed.value, v.needleAI, v.ignoreAI ?? undefined);
      const ok = v.shouldSucceed === (match !== undefined) && (v.expectedMatchAI === null || match === v.expectedMatchAI);
      return { id, ok, detail: String(match) };
    }
    case 'parseAIdata': {
      const input = resolveVariable(v.source, v.bracketedAIdata);
      const r = parseBracketed(input, opts);
      const got = r.ok ? toUnbracketed(r.value) : r.error.code;
      const ok = v.shouldSucceed ? r.ok && got === resolveVariable(v.source, v.expectedAIdata) : !r.ok;
      return { id: `${v.source} ${input}`, ok, detail: got };
    }
    case 'errMarkup': {
      const r = parseElementStringDetail(v.bracketedAIdata, { ...optionsAt(v.source) });
      const got = r.ok ? 'accepted' : r.error.markup;
      return { id: `${v.source} ${v.bracketedAIdata}`, ok: got === v.expectedErrMarkup, detail: got };
    }
    case 'processAIdata': {
      const input = resolveVariable(v.source, v.aiData);
      const r = parseUnbracketed(input, opts);
      return { id: `${v.source} ${input}`, ok: r.ok === v.shouldSucceed, detail: r.ok ? 'accepted' : r.error.code };
    }
    case 'validateAIs': {
      const id = `${v.source} ${v.validationFunction} ${v.bracketedAIdata}`;
      const r = parseBracketed(v.bracketedAIdata, opts);
      const fn = VALIDATIONS[v.validationFunction];
      if (!r.ok || !fn) return { id, ok: false, detail: r.ok ? 'unknown validation' : `input rejected: ${r.error.code}` };
      const error = fn(r.value);
      return { id, ok: (error === null) === v.shouldSucceed, detail: error?.code ?? 'valid' };
    }
  }
}

describe('GS1 AI element strings against gs1-syntax-engine test vectors', () => {
  it('passes every case of ai-element-strings.json', () => {
    const vectors = readVectors<AiVector>('gs1/gs1-syntax-engine/test-vectors/ai-element-strings.json');
    expect(report('gs1-syntax-engine/test-vectors/ai-element-strings.json', vectors.map(run))).toEqual([]);
  });
});
