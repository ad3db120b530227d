// browser/tlog-verify.min.js (served at /ledger/verify.js) is generated from @txng/tlog/browser; it must be what
// a fresh build gives, so the pages verify with the package's current code.
// Regenerate: node --import tsx packages/tlog/scripts/build-browser.ts --out apps/server/src/modules/ledger/browser/tlog-verify.min.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { VERIFIER_BUNDLE } from './routes.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

it('serves the browser verifier exactly as packages/tlog builds it now', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-bundle-'));
  try {
    const out = path.join(dir, 'tlog-verify.min.js');
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'packages/tlog/scripts/build-browser.ts', '--out', out], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const fresh = readFileSync(out);
    expect(Buffer.compare(readFileSync(VERIFIER_BUNDLE), fresh), 'stale bundle: regenerate it (command at the top of this file)').toBe(0);
    expect(fresh.toString()).toContain('verifyRecordProof');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
