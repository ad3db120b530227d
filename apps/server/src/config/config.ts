// Configuration comes only from environment variables, is validated once at start, and every variable is
// listed in VARIABLES (which also generates the README table), so nothing is configured in two places.
import path from 'node:path';
import { nobleCrypto, parseVerifierKey, SIGNATURE_TYPE_COSIGNATURE } from '@txng/tlog';

export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  /** Base of every public URI the system prints (stamps, Digital Links, e-mail links). */
  readonly publicBaseUrl: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databaseReadUrl: string | undefined;
  /** Demo mode seeds fictional data into an empty database and allows generated secrets. */
  readonly demo: boolean;
  /** Secret from which cookie signing and field-encryption keys are derived; undefined = generate (demo only). */
  readonly secret: string | undefined;
  readonly logLevel: string;
  readonly trustProxy: boolean | string;
  readonly insecureCookies: boolean;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly metricsToken: string | undefined;
  readonly sessionTtlHours: number;
  readonly sessionIdleMinutes: number;
  readonly rateLimitAuthPerMinute: number;
  readonly rateLimitPublicPerMinute: number;
  readonly runWorkers: boolean;
  /** The transparency ledger's signing key (signed-note `PRIVATE+KEY+…`), or the file holding it. */
  readonly ledgerKey: string | undefined;
  readonly ledgerKeyFile: string | undefined;
  /** Where ledger tiles and entry bundles are kept: the database, a folder laid out as tlog-tiles, or S3. */
  readonly ledgerStorage:
    | { readonly kind: 'database' }
    | { readonly kind: 'folder'; readonly dir: string }
    | { readonly kind: 's3'; readonly prefix: string };
  /** Where uploaded files (images, certificates, spreadsheets) are kept: TXNG_DATA_DIR/files, or S3. */
  readonly fileStorage: { readonly kind: 'disk' } | { readonly kind: 's3'; readonly prefix: string };
  /** The S3-compatible service, set when some storage uses it. */
  readonly s3: S3Config | undefined;
  /** Witnesses the ledger asks to cosign each checkpoint (c2sp.org/tlog-witness). */
  readonly witnesses: readonly WitnessConfig[];
  /** Cosignatures that make a checkpoint witnessed (k of n); undefined = all configured witnesses. */
  readonly witnessQuorum: number | undefined;
}

export interface WitnessConfig {
  /** Display name, e.g. "Sở Nông nghiệp và Môi trường". */
  readonly name: string;
  /** Cosignature verifier key (type 0x04), `<key name>+<hex key ID>+<base64>`. */
  readonly vkey: string;
  /** Submission prefix: add-checkpoint is POSTed to `<url>/add-checkpoint`. */
  readonly url: string;
}

export interface S3Config {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  /** Not enumerable: a logged or serialised configuration never shows it. */
  readonly secretAccessKey: string;
  readonly forcePathStyle: boolean;
}

interface Variable {
  readonly name: string;
  readonly description: string;
  readonly default: string;
}

export const VARIABLES: readonly Variable[] = [
  { name: 'NODE_ENV', description: '`development`, `production` or `test`. In production the server refuses default secrets and never seeds demo data.', default: '`development`' },
  { name: 'HOST', description: 'Interface to listen on.', default: '`0.0.0.0`' },
  { name: 'PORT', description: 'HTTP port.', default: '`3000`' },
  { name: 'PUBLIC_BASE_URL', description: 'Public origin printed in stamps, Digital Links and e-mails (e.g. `https://truyxuat.sonla.gov.vn`).', default: '`http://localhost:<PORT>`' },
  { name: 'TXNG_DATA_DIR', description: 'Folder for the embedded database, uploaded files and generated demo secrets.', default: '`./data`' },
  { name: 'DATABASE_URL', description: 'PostgreSQL connection string; when set, PostgreSQL is used instead of the embedded PGlite.', default: 'unset (embedded PGlite)' },
  { name: 'DATABASE_READ_URL', description: 'Optional PostgreSQL read replica for public read traffic.', default: 'unset (reads go to DATABASE_URL)' },
  { name: 'TXNG_DEMO', description: '`true` seeds demo data into an empty database and allows generated secrets; refused when NODE_ENV=production.', default: '`true` outside production' },
  { name: 'TXNG_SECRET', description: 'At least 32 characters; keys for cookies and encrypted fields are derived from it. Required in production.', default: 'generated into TXNG_DATA_DIR in demo mode' },
  { name: 'LOG_LEVEL', description: 'pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace`, `silent`.', default: '`info`' },
  { name: 'TRUST_PROXY', description: '`true`, `false`, or a comma-separated list of proxy addresses/CIDRs whose X-Forwarded-* headers are trusted.', default: '`false`' },
  { name: 'TXNG_INSECURE_COOKIES', description: '`true` drops the Secure cookie flag (only for demos over plain HTTP on a LAN address).', default: '`false`' },
  { name: 'SMTP_URL', description: 'SMTP server for e-mail notifications, e.g. `smtp://user:pass@mail.example:587`. Unset: notifications stay in-app.', default: 'unset' },
  { name: 'MAIL_FROM', description: 'Sender address of e-mails.', default: '`TXNG Sơn La <no-reply@localhost>`' },
  { name: 'TXNG_METRICS_TOKEN', description: 'When set, `/metrics` requires `Authorization: Bearer <token>`.', default: 'unset (open)' },
  { name: 'TXNG_SESSION_TTL_HOURS', description: 'Absolute lifetime of a portal session.', default: '`168`' },
  { name: 'TXNG_SESSION_IDLE_MINUTES', description: 'A session unused for this long ends.', default: '`480`' },
  { name: 'TXNG_RATE_LIMIT_AUTH', description: 'Requests per minute per client address on sign-in, registration and password routes.', default: '`20`' },
  { name: 'TXNG_RATE_LIMIT_PUBLIC', description: 'Requests per minute per client address on public pages and the resolver.', default: '`600`' },
  { name: 'TXNG_WORKERS', description: '`false` stops this process from running background workers (outbox, jobs), for web-only replicas.', default: '`true`' },
  { name: 'TXNG_LEDGER_KEY', description: 'The transparency ledger\'s Ed25519 signing key in signed-note form `PRIVATE+KEY+<origin>+<key ID>+<base64>` (the key name is the checkpoint origin, e.g. `truyxuat.sonla.gov.vn/ledger`). Required in production, or TXNG_LEDGER_KEY_FILE.', default: 'generated into TXNG_DATA_DIR/ledger outside production' },
  { name: 'TXNG_LEDGER_KEY_FILE', description: 'A file holding TXNG_LEDGER_KEY (readable by the server only).', default: 'unset' },
  { name: 'TXNG_LEDGER_STORAGE', description: 'Where ledger tiles and entry bundles are stored: `database`, `file:<folder>` (a tlog-tiles folder any static web server can publish), or `s3:<prefix>` (objects `<prefix>public/tile/…` and `<prefix>public/checkpoint` in the TXNG_S3_BUCKET bucket; `s3` for no prefix).', default: '`database`' },
  { name: 'TXNG_FILE_STORAGE', description: 'Where uploaded images, certificates and spreadsheets are stored: `disk` (TXNG_DATA_DIR/files) or `s3:<prefix>` (objects `<prefix>images/…` in the TXNG_S3_BUCKET bucket; `s3` for no prefix).', default: '`disk`' },
  { name: 'TXNG_S3_ENDPOINT', description: 'URL of the S3-compatible service (AWS, MinIO, Ceph RGW, Garage…), e.g. `http://minio.internal:9000`.', default: '`https://s3.<TXNG_S3_REGION>.amazonaws.com`' },
  { name: 'TXNG_S3_REGION', description: 'Region that requests are signed for (Signature Version 4); MinIO and Ceph accept `us-east-1`, Garage expects its `s3_region`.', default: '`us-east-1`' },
  { name: 'TXNG_S3_BUCKET', description: 'Bucket holding the objects; it must exist. Required when a storage is `s3:`.', default: 'unset' },
  { name: 'TXNG_S3_ACCESS_KEY_ID', description: 'Access key ID for the bucket. Required when a storage is `s3:`.', default: 'unset' },
  { name: 'TXNG_S3_SECRET_ACCESS_KEY', description: 'Secret access key for the bucket (only signs requests; never sent nor logged). Required when a storage is `s3:`.', default: 'unset' },
  { name: 'TXNG_S3_FORCE_PATH_STYLE', description: '`true` addresses objects as `<endpoint>/<bucket>/<key>`, `false` as `<bucket>.<endpoint host>/<key>` (virtual-host style, as AWS prefers).', default: '`true` when TXNG_S3_ENDPOINT is set, else `false`' },
  { name: 'TXNG_WITNESSES', description: 'JSON list of tlog-witness cosigners, `[{"name": "Sở Nông nghiệp và Môi trường", "vkey": "<name>+<id>+<base64>", "url": "https://…"}]`; each new checkpoint is sent to `<url>/add-checkpoint`.', default: 'none (demo mode starts two local witnesses)' },
  { name: 'TXNG_WITNESS_QUORUM', description: 'How many witness cosignatures make a checkpoint published (k of n).', default: 'all configured witnesses' },
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_SECRET_MARKERS = ['change-me', 'changeme', 'secret', 'demo', 'password'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = str(name);
    if (v === undefined) return fallback;
    if (/^(true|1|yes|on)$/i.test(v)) return true;
    if (/^(false|0|no|off)$/i.test(v)) return false;
    problems.push(`${name} must be true or false, got "${v}"`);
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = str(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      problems.push(`${name} must be an integer between ${min} and ${max}, got "${v}"`);
      return fallback;
    }
    return Number(v);
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}, got "${u.protocol}"`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return v;
  };

  const nodeEnvRaw = str('NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) problems.push(`NODE_ENV must be development, production or test, got "${nodeEnvRaw}"`);
  const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as NodeEnv;
  const production = nodeEnv === 'production';

  const port = int('PORT', 3000, 0, 65535);
  const publicBaseUrl = (url('PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const demo = bool('TXNG_DEMO', !production);
  if (production && demo) problems.push('TXNG_DEMO=true is refused when NODE_ENV=production');

  const secret = str('TXNG_SECRET');
  if (secret !== undefined) {
    if (secret.length < 32) problems.push('TXNG_SECRET must be at least 32 characters');
    if (production && DEFAULT_SECRET_MARKERS.some((m) => secret.toLowerCase().includes(m))) {
      problems.push('TXNG_SECRET looks like a default or example value; generate one with `openssl rand -base64 48`');
    }
  } else if (!demo) {
    problems.push('TXNG_SECRET is required outside demo mode (generate one with `openssl rand -base64 48`)');
  }

  const trustRaw = str('TRUST_PROXY');
  const trustProxy = trustRaw === undefined || /^false$/i.test(trustRaw) ? false : /^true$/i.test(trustRaw) ? true : trustRaw;
  const logLevel = str('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) problems.push(`LOG_LEVEL "${logLevel}" is not a pino level`);

  const config: Config = {
    nodeEnv,
    host: str('HOST') ?? '0.0.0.0',
    port,
    publicBaseUrl,
    dataDir: path.resolve(cwd, str('TXNG_DATA_DIR') ?? 'data'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseReadUrl: url('DATABASE_READ_URL', ['postgres:', 'postgresql:']),
    demo,
    secret,
    logLevel,
    trustProxy,
    insecureCookies: bool('TXNG_INSECURE_COOKIES', false),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM') ?? 'TXNG Sơn La <no-reply@localhost>',
    metricsToken: str('TXNG_METRICS_TOKEN'),
    sessionTtlHours: int('TXNG_SESSION_TTL_HOURS', 168, 1, 24 * 90),
    sessionIdleMinutes: int('TXNG_SESSION_IDLE_MINUTES', 480, 5, 60 * 24 * 30),
    rateLimitAuthPerMinute: int('TXNG_RATE_LIMIT_AUTH', 20, 1, 100_000),
    rateLimitPublicPerMinute: int('TXNG_RATE_LIMIT_PUBLIC', 600, 1, 10_000_000),
    runWorkers: bool('TXNG_WORKERS', true),
    ledgerKey: str('TXNG_LEDGER_KEY'),
    ledgerKeyFile: str('TXNG_LEDGER_KEY_FILE') === undefined ? undefined : path.resolve(cwd, str('TXNG_LEDGER_KEY_FILE')!),
    ledgerStorage: ledgerStorage(str('TXNG_LEDGER_STORAGE'), cwd, problems),
    fileStorage: fileStorage(str('TXNG_FILE_STORAGE'), problems),
    s3: undefined,
    witnesses: witnessList(str('TXNG_WITNESSES'), problems),
    witnessQuorum: str('TXNG_WITNESS_QUORUM') === undefined ? undefined : int('TXNG_WITNESS_QUORUM', 0, 0, 100),
  };
  if (config.ledgerKey && config.ledgerKeyFile) problems.push('set TXNG_LEDGER_KEY or TXNG_LEDGER_KEY_FILE, not both');
  if ((config.witnessQuorum ?? 0) > config.witnesses.length) {
    problems.push(`TXNG_WITNESS_QUORUM (${config.witnessQuorum}) is more than the ${config.witnesses.length} configured witnesses`);
  }
  if (config.databaseReadUrl && !config.databaseUrl) problems.push('DATABASE_READ_URL needs DATABASE_URL');
  if (production && config.insecureCookies) problems.push('TXNG_INSECURE_COOKIES=true is refused when NODE_ENV=production');
  const usesS3 = config.ledgerStorage.kind === 's3' || config.fileStorage.kind === 's3';
  const s3 = usesS3 ? s3Config(str, bool, url, problems) : undefined;
  if (problems.length) throw new ConfigError(problems);
  return { ...config, s3 };
}

function ledgerStorage(value: string | undefined, cwd: string, problems: string[]): Config['ledgerStorage'] {
  if (value === undefined || value === 'database') return { kind: 'database' };
  if (value.startsWith('file:') && value.length > 'file:'.length) return { kind: 'folder', dir: path.resolve(cwd, value.slice('file:'.length)) };
  if (value === 's3' || value.startsWith('s3:')) {
    const prefix = s3Prefix('TXNG_LEDGER_STORAGE', value.slice(3), problems);
    return { kind: 's3', prefix };
  }
  problems.push(`TXNG_LEDGER_STORAGE must be \`database\`, \`file:<folder>\` or \`s3:<prefix>\`, got "${value}"`);
  return { kind: 'database' };
}

function fileStorage(value: string | undefined, problems: string[]): Config['fileStorage'] {
  if (value === undefined || value === 'disk') return { kind: 'disk' };
  if (value === 's3' || value.startsWith('s3:')) return { kind: 's3', prefix: s3Prefix('TXNG_FILE_STORAGE', value.slice(3), problems) };
  problems.push(`TXNG_FILE_STORAGE must be \`disk\` or \`s3:<prefix>\`, got "${value}"`);
  return { kind: 'disk' };
}

/** A key prefix such as `txng/ledger/`: safe path characters, no `.`/`..` segment, ends with `/` unless empty. */
function s3Prefix(name: string, raw: string, problems: string[]): string {
  if (raw === '') return '';
  const segments = raw.replace(/\/+$/, '').split('/');
  if (!/^[A-Za-z0-9._/-]{1,200}$/.test(raw) || segments.some((s) => s === '' || s === '.' || s === '..')) {
    problems.push(`${name}: the S3 key prefix may hold letters, digits, \`.\`, \`_\`, \`-\` and \`/\`-separated folders, got "${raw}"`);
    return '';
  }
  return `${segments.join('/')}/`;
}

function s3Config(
  str: (name: string) => string | undefined,
  bool: (name: string, fallback: boolean) => boolean,
  url: (name: string, protocols: string[]) => string | undefined,
  problems: string[],
): S3Config | undefined {
  const required = (name: string): string => {
    const v = str(name);
    if (v === undefined) problems.push(`${name} is required when TXNG_FILE_STORAGE or TXNG_LEDGER_STORAGE is \`s3:\``);
    return v ?? '';
  };
  const region = str('TXNG_S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,64}$/i.test(region)) problems.push(`TXNG_S3_REGION must be a region name such as \`eu-central-1\`, got "${region}"`);
  const endpointSet = str('TXNG_S3_ENDPOINT') !== undefined;
  const endpoint = url('TXNG_S3_ENDPOINT', ['http:', 'https:']) ?? `https://s3.${region}.amazonaws.com`;
  const bucket = required('TXNG_S3_BUCKET');
  // S3 bucket naming rules (3–63 of a-z 0-9 . -); MinIO, Ceph and Garage follow them.
  if (bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`TXNG_S3_BUCKET "${bucket}" is not a valid bucket name (3 to 63 of a-z, 0-9, \`.\` and \`-\`)`);
  const accessKeyId = required('TXNG_S3_ACCESS_KEY_ID');
  const secretAccessKey = required('TXNG_S3_SECRET_ACCESS_KEY');
  const forcePathStyle = bool('TXNG_S3_FORCE_PATH_STYLE', endpointSet);
  const s3 = { endpoint: endpoint.replace(/\/+$/, ''), region, bucket, accessKeyId, forcePathStyle } as S3Config;
  Object.defineProperty(s3, 'secretAccessKey', { value: secretAccessKey, enumerable: false });
  return Object.freeze(s3);
}

function witnessList(value: string | undefined, problems: string[]): WitnessConfig[] {
  if (value === undefined) return [];
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    problems.push('TXNG_WITNESSES is not valid JSON');
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push('TXNG_WITNESSES must be a JSON list of {name, vkey, url}');
    return [];
  }
  const out: WitnessConfig[] = [];
  for (const [i, w] of list.entries()) {
    const { name, vkey, url } = (w ?? {}) as Record<string, unknown>;
    const key = typeof vkey === 'string' ? parseVerifierKey(nobleCrypto, vkey) : undefined;
    let urlOk = false;
    try {
      urlOk = typeof url === 'string' && ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      urlOk = false;
    }
    if (typeof name !== 'string' || name.trim() === '' || !urlOk || !key?.ok || key.value.type !== SIGNATURE_TYPE_COSIGNATURE) {
      problems.push(`TXNG_WITNESSES[${i}] needs a name, a cosignature verifier key (type 0x04) and an http(s) url`);
      continue;
    }
    if (out.some((o) => o.vkey === vkey)) problems.push(`TXNG_WITNESSES[${i}] repeats a witness key`);
    else out.push({ name: name.trim(), vkey: vkey as string, url: (url as string).replace(/\/+$/, '') });
  }
  return out;
}

/** The README's configuration table, generated from VARIABLES (a test keeps the README in step). */
export function configTableMarkdown(): string {
  const rows = ['| variable | meaning | default |', '|---|---|---|'];
  for (const v of VARIABLES) rows.push(`| \`${v.name}\` | ${v.description} | ${v.default} |`);
  return rows.join('\n');
}
