import { describe, expect, it } from 'vitest';
import { readVectors, report, type CaseOutcome } from '../../scripts/conformance/vectors.ts';
import { optionsAt } from '../../scripts/conformance/engine-test-context.ts';
import { parseBracketed } from '../element-string/parse-bracketed.ts';
import { toUnbracketed } from '../element-string/write-element-string.ts';
import { buildDigitalLink } from './build-digital-link.ts';
import { parseDigitalLinkDetail } from './digital-link.ts';
import { uriEscape, uriUnescape } from './uri-escape.ts';

type DlVector =
  | { test: 'parseDLuri'; shouldSucceed: boolean; dlUri: string; expectedAIdata: string; source: string }
  | { test: 'URIunescape'; input: string; expectedPathUnescape: string; expectedQueryUnescape: string; source: string }
  | { test: 'URIescape'; input: string; expectedPathEscape: string; expectedQueryEscape: string; source: string }
  | { test: 'GenerateDLuri'; shouldSucceed: boolean; stem: string | null; bracketedAIdata: string; expectedDlUri: string; source: string };

function run(v: DlVector): CaseOutcome {
  const o = optionsAt(v.source);
  // The engine's parse and generate steps check syntax and Digital Link rules, not AI associations.
  const opts = { ...o, validateAssociations: false };
  switch (v.test) {
    case 'parseDLuri': {
      const r = parseDigitalLinkDetail(v.dlUri, opts);
      const got = r.ok ? toUnbracketed(r.value.link.elements) : r.error.code;
      const ok = v.shouldSucceed ? r.ok && got === v.expectedAIdata : !r.ok;
      return { id: `${v.source} parse ${v.dlUri}`, ok, detail: got };
    }
    case 'URIunescape': {
      const got = [uriUnescape(v.input, false), uriUnescape(v.input, true)];
      return { id: `${v.source} unescape ${v.input}`, ok: got[0] === v.expectedPathUnescape && got[1] === v.expectedQueryUnescape, detail: got.join(' | ') };
    }
    case 'URIescape': {
      const got = [uriEscape(v.input, false), uriEscape(v.input, true)];
      return { id: `${v.source} escape ${v.input}`, ok: got[0] === v.expectedPathEscape && got[1] === v.expectedQueryEscape, detail: got.join(' | ') };
    }
    case 'GenerateDLuri': {
      const id = `${v.source} generate ${v.bracketedAIdata}`;
      const elements = parseBracketed(v.bracketedAIdata, opts);
      if (!elements.ok) return { id, ok: false, detail: `input rejected: ${elements.error.code}` };
      const r = buildDigitalLink(elements.value, { ...opts, ...(v.stem === null ? {} : { base: v.stem }) });
      const ok = v.shouldSucceed ? r.ok && r.value === v.expectedDlUri : !r.ok;
      return { id, ok, detail: r.ok ? r.value : r.error.code };
    }
  }
}

describe('GS1 Digital Link against gs1-syntax-engine test vectors', () => {
  it('passes every case of dl-uri.json', () => {
    const vectors = readVectors<DlVector>('gs1/gs1-syntax-engine/test-vectors/dl-uri.json');
    expect(report('gs1-syntax-engine/test-vectors/dl-uri.json', vectors.map(run))).toEqual([]);
  });
});
