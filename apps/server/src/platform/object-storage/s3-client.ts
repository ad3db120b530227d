// A small client for S3-compatible object storage (AWS S3, MinIO, Ceph RGW, Garage, …): PUT, GET, HEAD and
// DELETE of one object, signed with AWS Signature Version 4 (sigv4.ts). Path-style (`<endpoint>/<bucket>/<key>`)
// or virtual-host style (`<bucket>.<endpoint host>/<key>`) addressing. Each attempt has a time limit; network
// failures, 5xx and 429 answers are retried with exponential backoff and jitter (S3 PUT, GET, HEAD and DELETE
// of a whole object are idempotent). Errors name the operation, bucket and key, the S3 error code and request
// id, never a credential: the secret lives in a private field and only signs (AWS: "the secret access key is
// never sent").
import http from 'node:http';
import https from 'node:https';
import { EMPTY_PAYLOAD_SHA256, sha256Hex, signV4, uriEncode } from './sigv4.ts';

export interface S3ClientOptions {
  /** `https://s3.eu-central-1.amazonaws.com`, `http://127.0.0.1:9000`, … (a path prefix is kept). */
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** true: `<endpoint>/<bucket>/<key>`; false: `<bucket>.<endpoint host>/<key>`. */
  readonly forcePathStyle: boolean;
  /** Time limit of one attempt, connection to last byte. */
  readonly timeoutMs?: number;
  /** Further attempts after a retryable failure. */
  readonly retries?: number;
  /** First backoff; each retry waits up to twice as long as the one before (full jitter). */
  readonly retryBaseMs?: number;
  /** For keep-alive tuning, or name resolution in tests. */
  readonly agent?: http.Agent;
  readonly now?: () => Date;
}

export interface S3Object {
  readonly body: Buffer;
  readonly contentType: string | undefined;
  readonly etag: string | undefined;
}

export interface S3ObjectHead {
  readonly contentType: string | undefined;
  readonly contentLength: number;
  readonly etag: string | undefined;
}

/** A failed S3 request: `status` is the HTTP status when the service answered, `code` its S3 error code. */
export class S3RequestError extends Error {
  override name = 'S3RequestError';
  constructor(
    message: string,
    readonly operation: string,
    readonly key: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
    readonly requestId: string | undefined,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

const CREDENTIAL_CODES = new Set(['SignatureDoesNotMatch', 'InvalidAccessKeyId', 'AccessDenied', 'AuthorizationHeaderMalformed', 'RequestTimeTooSkewed']);

export class S3Client {
  readonly bucket: string;
  readonly region: string;
  private readonly base: URL;
  private readonly accessKeyId: string;
  readonly #secretAccessKey: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly agent: http.Agent | undefined;
  private readonly now: () => Date;
  private readonly forcePathStyle: boolean;

  constructor(options: S3ClientOptions) {
    this.base = new URL(options.endpoint);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new TypeError('S3 endpoint must be an http(s) URL');
    this.bucket = options.bucket;
    this.region = options.region;
    this.accessKeyId = options.accessKeyId;
    this.#secretAccessKey = options.secretAccessKey;
    this.forcePathStyle = options.forcePathStyle;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 200;
    this.agent = options.agent;
    this.now = options.now ?? (() => new Date());
  }

  /** The URL of one object (keys are encoded segment by segment; `/` stays a separator). */
  objectUrl(key: string): URL {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const path = uriEncode(key, true);
    if (this.forcePathStyle) return new URL(`${this.base.protocol}//${this.base.host}${prefix}/${uriEncode(this.bucket)}/${path}`);
    return new URL(`${this.base.protocol}//${this.bucket}.${this.base.host}${prefix}/${path}`);
  }

  /** Stores the object whole; when this resolves the service has answered 200 (S3: durably stored). */
  async putObject(key: string, body: Uint8Array, options: { contentType?: string } = {}): Promise<void> {
    const headers: Record<string, string> = { 'content-length': String(body.byteLength) };
    if (options.contentType) headers['content-type'] = options.contentType;
    const answer = await this.send('PUT', key, headers, body);
    if (answer.status !== 200) throw this.failure('PUT', key, answer);
  }

  /** The object, or undefined when there is none (404). */
  async getObject(key: string): Promise<S3Object | undefined> {
    const answer = await this.send('GET', key, {}, undefined);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw this.failure('GET', key, answer);
    return { body: answer.body, contentType: header(answer, 'content-type'), etag: header(answer, 'etag') };
  }

  async headObject(key: string): Promise<S3ObjectHead | undefined> {
    const answer = await this.send('HEAD', key, {}, undefined);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw this.failure('HEAD', key, answer);
    return { contentType: header(answer, 'content-type'), contentLength: Number(header(answer, 'content-length') ?? 0), etag: header(answer, 'etag') };
  }

  /** Proves that the bucket exists and these credentials may read it: a GET of `key` answered 200, or 404 because
   * that object is missing (not the bucket: NoSuchBucket is a failure). Throws the service's answer otherwise. */
  async checkReadable(key: string): Promise<void> {
    const answer = await this.send('GET', key, {}, undefined);
    if (answer.status === 200) return;
    const failure = this.failure('GET', key, answer);
    if (answer.status === 404 && failure.code !== 'NoSuchBucket') return;
    throw failure;
  }

  /** Deletes the object; deleting a missing object succeeds (S3 answers 204 either way). */
  async deleteObject(key: string): Promise<void> {
    const answer = await this.send('DELETE', key, {}, undefined);
    if (answer.status !== 204 && answer.status !== 200 && answer.status !== 404) throw this.failure('DELETE', key, answer);
  }

  private where(key: string): string {
    return `s3://${this.bucket}/${key} at ${this.base.host}`;
  }

  private async send(method: string, key: string, headers: Record<string, string>, body: Uint8Array | undefined): Promise<Answer> {
    const url = this.objectUrl(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_PAYLOAD_SHA256;
    for (let attempt = 0; ; attempt++) {
      try {
        // Signed anew each attempt: a signature is valid for 15 minutes around its x-amz-date.
        const credentials = { accessKeyId: this.accessKeyId, secretAccessKey: this.#secretAccessKey };
        const signed = signV4({ method, url, headers, payloadHash }, credentials, { region: this.region, service: 's3', now: this.now() });
        const answer = await this.attempt(method, url, signed.headers, body);
        if ((answer.status < 500 && answer.status !== 429) || attempt >= this.retries) return answer;
      } catch (err) {
        if (attempt >= this.retries) {
          const message = `S3 ${method} ${this.where(key)} failed after ${attempt + 1} attempt(s): ${networkReason(err)}`;
          throw new S3RequestError(message, method, key, undefined, undefined, undefined, true, { cause: err });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * this.retryBaseMs * 2 ** attempt));
    }
  }

  private attempt(method: string, url: URL, headers: Record<string, string>, body: Uint8Array | undefined): Promise<Answer> {
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<Answer>((resolve, reject) => {
      const request = transport.request(url, { method, headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
        });
        response.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
      const timer = setTimeout(() => request.destroy(new Error(`no complete answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      request.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      request.end(body);
    });
  }

  private failure(method: string, key: string, answer: Answer): S3RequestError {
    const text = answer.body.toString('utf8');
    const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
    const code = tag('Code');
    const requestId = tag('RequestId') ?? header(answer, 'x-amz-request-id');
    const detail = [code, tag('Message')].filter(Boolean).join(': ');
    const hint = code && CREDENTIAL_CODES.has(code) ? ' (check the access key ID, the secret access key, the region and the clock)' : '';
    const message = `S3 ${method} ${this.where(key)} failed: HTTP ${answer.status}${detail ? ` ${detail}` : ''}${hint}${requestId ? ` [request id ${requestId}]` : ''}`;
    return new S3RequestError(message, method, key, answer.status, code, requestId, answer.status >= 500 || answer.status === 429);
  }
}

function header(answer: Answer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Node reports a refused dual-stack connection as an AggregateError with an empty message. */
function networkReason(err: unknown): string {
  const inner = err instanceof AggregateError ? err.errors : [err];
  return inner.map((e) => (e as Error).message || (e as NodeJS.ErrnoException).code || String(e)).join('; ');
}
