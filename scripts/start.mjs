// `npm start`: builds the portal when its build is missing, then runs the server (embedded database and demo
// data unless configured otherwise; see README).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const portalBuilt = existsSync(`${root}apps/portal/dist/index.html`);
if (!portalBuilt && existsSync(`${root}apps/portal/index.html`)) {
  console.log('Building the portal (first start only)…');
  // Always a production build of React and antd, whatever NODE_ENV this process was started with.
  const r = spawnSync('npm', ['run', 'build', '-w', '@txng/portal'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) {
    console.error('The portal build failed; the API still starts, the portal will say it is not built.');
  }
}
const child = spawn(process.execPath, ['--import', 'tsx', `${root}apps/server/src/main.ts`], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
