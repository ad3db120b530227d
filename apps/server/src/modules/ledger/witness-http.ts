// The HTTP face of a witness (c2sp.org/tlog-witness §HTTP Interface): `POST /add-checkpoint` and
// `GET /<origin hash>/checkpoint`, on node:http with keep-alive; nothing else is served.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Witness } from './witness.ts';

/** A request body larger than this is refused (63 proof lines and a note with 100 signatures fit in 16 KiB). */
const MAX_BODY = 64 * 1024;

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface RunningWitness {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function serveWitness(witness: Witness, options: { host: string; port: number }): Promise<RunningWitness> {
  const server = createServer(async (request, response) => {
    const send = (status: number, contentType: string, body: string) => {
      response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    };
    try {
      const url = new URL(request.url ?? '/', 'http://witness');
      if (url.pathname === '/add-checkpoint') {
        if (request.method !== 'POST') return send(405, 'text/plain; charset=utf-8', 'add-checkpoint takes POST\n');
        const body = await readBody(request);
        if (body === undefined) return send(413, 'text/plain; charset=utf-8', 'request body too large\n');
        const reply = await witness.addCheckpoint(body);
        return send(reply.status, reply.contentType, reply.body);
      }
      const monitor = /^\/([0-9a-f]{64})\/checkpoint$/.exec(url.pathname);
      if (monitor && (request.method === 'GET' || request.method === 'HEAD')) {
        const checkpoint = witness.checkpointFor(monitor[1]!);
        return checkpoint === undefined ? send(404, 'text/plain; charset=utf-8', 'no checkpoint cosigned for that log\n') : send(200, 'text/plain; charset=utf-8', checkpoint);
      }
      return send(404, 'text/plain; charset=utf-8', 'not found\n');
    } catch {
      if (!response.headersSent) send(500, 'text/plain; charset=utf-8', 'internal error\n');
      else response.destroy();
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
