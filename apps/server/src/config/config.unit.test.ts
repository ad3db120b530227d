import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
