// An embedded database folder may be opened by one process only (PGlite has no shared access). A lock file with
// the owner's pid makes a second server or a CLI command fail with a clear message instead of corrupting data.
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'owner.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(file, 'utf8').trim());
    if (owner && owner !== process.pid && alive(owner)) {
      throw new Error(`the embedded database in ${dir} is in use by process ${owner}; stop it first (or use DATABASE_URL)`);
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}
