import { describe, expect, it } from 'vitest';
import { readVectors, report, type CaseOutcome } from '../../scripts/conformance/vectors.ts';
import { optionsAt } from '../../scripts/conformance/engine-test-context.ts';
import { generateScanData } from './generate-scan-data.ts';
import { parseScanData } from './parse-scan-data.ts';
import type { Symbology } from './symbology.ts';

type ScanVector =
  | { test: 'GenerateScanData'; symbology: Symbology; dataStr: string; expectedScanData: string | null; source: string }
  | { test: 'ProcessScanData'; shouldSucceed: boolean; scanData: string; expectedSymbology: Symbology; expectedDataStr: string; source: string };

function run(v: ScanVector): CaseOutcome {
  const opts = optionsAt(v.source);
  if (v.test === 'GenerateScanData') {
    const r = generateScanData(v.symbology, v.dataStr, opts);
    const got = r.ok ? r.value : null;
    return { id: `${v.source} ${v.symbology} ${JSON.stringify(v.dataStr)}`, ok: got === v.expectedScanData, detail: r.ok ? JSON.stringify(r.value) : r.error.code };
  }
  // gs1_processScanData reads and lints the message; association rules are a separate step in the engine.
  const r = parseScanData(v.scanData, { ...opts, validateAssociations: false });
  const ok = v.shouldSucceed ? r.ok && r.value.symbology === v.expectedSymbology && r.value.dataStr === v.expectedDataStr : !r.ok;
  return { id: `${v.source} ${JSON.stringify(v.scanData)}`, ok, detail: r.ok ? `${r.value.symbology} ${r.value.dataStr}` : r.error.code };
}

describe('GS1 scan data against gs1-syntax-engine test vectors', () => {
  it('passes every case of scandata.json', () => {
    const vectors = readVectors<ScanVector>('gs1/gs1-syntax-engine/test-vectors/scandata.json');
    expect(report('gs1-syntax-engine/test-vectors/scandata.json', vectors.map(run))).toEqual([]);
  });
});
