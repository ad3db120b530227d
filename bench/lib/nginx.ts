// The static-file reference of the HTTP benchmarks: Debian's /usr/sbin/nginx with one worker (like the one Node
// process it is compared with), started with a temporary configuration on a loopback port, answering every path
// with one saved page. nginx started as root runs its worker as an unprivileged user, so the page is written to
// a world-readable folder of its own (under a private mkdtemp folder the worker could read nothing and would
// answer every request with a fast 403/404); `start` fetches the page once and refuses to go on otherwise.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningNginx {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startNginx(port: number, html: string, contentType = 'text/html; charset=utf-8'): Promise<RunningNginx> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  chmodSync(root, 0o755);
  writeFileSync(path.join(root, 'page'), html, { mode: 0o644 });
  const conf = path.join(root, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${root}/${k};`).join('\n');
  writeFileSync(
    conf,
    `worker_processes 1;\ndaemon off;\npid ${root}/nginx.pid;\nerror_log ${root}/error.log;\nevents { worker_connections 1024; }\n` +
      `http {\n  access_log off;\n${temp}\n  server {\n    listen 127.0.0.1:${port};\n    root ${root};\n` +
      `    location / { default_type "${contentType}"; try_files /page =404; }\n  }\n}\n`,
  );
  const child = spawn('/usr/sbin/nginx', ['-c', conf, '-p', root], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/any/path`);
      const body = await res.text();
      if (res.status === 200 && body === html) return { url, stop };
      await stop();
      throw new Error(`nginx answered ${res.status} with ${body.length} characters instead of the saved page`);
    } catch (err) {
      if (i >= 50 || (err as Error).message.startsWith('nginx answered')) {
        await stop();
        throw err;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
