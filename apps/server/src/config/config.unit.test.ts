import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, configTableMarkdown, loadConfig } from './config.ts';

const strong = 'k3J9xV2mQ8rT5wZ1pL7nB4cF6hD0sG2aY8uE3iO5';

describe('configuration', () => {
  it('starts in demo mode with an embedded database by default', () => {
    const c = loadConfig({}, '/srv/txng');
    expect(c.demo).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('/srv/txng/data');
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('refuses to start in production without a secret, with a default-looking one, or in demo mode', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TXNG_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', TXNG_SECRET: 'change-me-change-me-change-me-change-me' })).toThrow(/default or example/);
    expect(() => loadConfig({ NODE_ENV: 'production', TXNG_SECRET: strong, TXNG_DEMO: 'true' })).toThrow(/refused/);
    const c = loadConfig({ NODE_ENV: 'production', TXNG_SECRET: strong });
    expect(c.demo).toBe(false);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', TXNG_DEMO: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toHaveLength(4);
    }
  });

  it('keeps the README configuration table in step with the code', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');
    expect(readme).toContain(configTableMarkdown());
  });
});

describe('object storage configuration', () => {
  const s3 = { TXNG_S3_BUCKET: 'txng-prod', TXNG_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', TXNG_S3_SECRET_ACCESS_KEY: 'never-shown-secret-0123456789' };

  it('keeps files on disk and the ledger in the database unless told otherwise', () => {
    const c = loadConfig({});
    expect(c.fileStorage).toEqual({ kind: 'disk' });
    expect(c.ledgerStorage).toEqual({ kind: 'database' });
    expect(c.s3).toBeUndefined();
  });

  it('reads S3 storage with prefixes, the endpoint and the addressing style', () => {
    const c = loadConfig({ ...s3, TXNG_FILE_STORAGE: 's3:txng/files', TXNG_LEDGER_STORAGE: 's3:txng/ledger/', TXNG_S3_ENDPOINT: 'http://minio.internal:9000/' });
    expect(c.fileStorage).toEqual({ kind: 's3', prefix: 'txng/files/' });
    expect(c.ledgerStorage).toEqual({ kind: 's3', prefix: 'txng/ledger/' });
    expect(c.s3).toMatchObject({ endpoint: 'http://minio.internal:9000', region: 'us-east-1', bucket: 'txng-prod', accessKeyId: 'AKIDEXAMPLE', forcePathStyle: true });
    expect(c.s3!.secretAccessKey).toBe('never-shown-secret-0123456789');
    // AWS without an endpoint: the regional endpoint, virtual-host style.
    const aws = loadConfig({ ...s3, TXNG_FILE_STORAGE: 's3', TXNG_S3_REGION: 'ap-southeast-1' });
    expect(aws.fileStorage).toEqual({ kind: 's3', prefix: '' });
    expect(aws.s3).toMatchObject({ endpoint: 'https://s3.ap-southeast-1.amazonaws.com', forcePathStyle: false });
    expect(loadConfig({ ...s3, TXNG_LEDGER_STORAGE: 's3:', TXNG_S3_ENDPOINT: 'https://s3.example', TXNG_S3_FORCE_PATH_STYLE: 'false' }).s3!.forcePathStyle).toBe(false);
  });

  it('never shows the secret access key when the configuration is logged or printed', () => {
    const c = loadConfig({ ...s3, TXNG_FILE_STORAGE: 's3' });
    expect(JSON.stringify(c)).not.toContain(s3.TXNG_S3_SECRET_ACCESS_KEY);
    expect(inspect(c, { depth: 10 })).not.toContain(s3.TXNG_S3_SECRET_ACCESS_KEY);
    expect(JSON.stringify({ ...c.s3 })).not.toContain(s3.TXNG_S3_SECRET_ACCESS_KEY);
  });

  it('names each missing or wrong S3 variable at start', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problemsOf({ TXNG_FILE_STORAGE: 's3' })).toEqual([
      'TXNG_S3_BUCKET is required when TXNG_FILE_STORAGE or TXNG_LEDGER_STORAGE is `s3:`',
      'TXNG_S3_ACCESS_KEY_ID is required when TXNG_FILE_STORAGE or TXNG_LEDGER_STORAGE is `s3:`',
      'TXNG_S3_SECRET_ACCESS_KEY is required when TXNG_FILE_STORAGE or TXNG_LEDGER_STORAGE is `s3:`',
    ]);
    expect(problemsOf({ ...s3, TXNG_LEDGER_STORAGE: 's3:../up' })[0]).toMatch(/^TXNG_LEDGER_STORAGE: the S3 key prefix/);
    expect(problemsOf({ ...s3, TXNG_FILE_STORAGE: 'ftp:x' })[0]).toMatch(/^TXNG_FILE_STORAGE must be `disk` or `s3:<prefix>`/);
    expect(problemsOf({ ...s3, TXNG_FILE_STORAGE: 's3', TXNG_S3_BUCKET: 'Bad_Bucket' })[0]).toMatch(/^TXNG_S3_BUCKET "Bad_Bucket" is not a valid bucket name/);
    expect(problemsOf({ ...s3, TXNG_FILE_STORAGE: 's3', TXNG_S3_ENDPOINT: 'ftp://x' })[0]).toMatch(/^TXNG_S3_ENDPOINT must use http: or https:/);
    expect(problemsOf({ ...s3, TXNG_FILE_STORAGE: 's3', TXNG_S3_FORCE_PATH_STYLE: 'maybe' })[0]).toMatch(/^TXNG_S3_FORCE_PATH_STYLE must be true or false/);
    // The S3 variables are ignored, and not required, while nothing is stored there.
    expect(problemsOf({ TXNG_S3_BUCKET: 'Bad_Bucket' })).toEqual([]);
    // A problem never quotes the secret.
    expect(problemsOf({ ...s3, TXNG_FILE_STORAGE: 's3', TXNG_S3_BUCKET: 'x' }).join('\n')).not.toContain(s3.TXNG_S3_SECRET_ACCESS_KEY);
  });
});
