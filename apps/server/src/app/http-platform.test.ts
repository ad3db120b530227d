// The HTTP platform as an operator and an integrator meet it: health, readiness, metrics, security headers,
// OpenAPI coverage of every route, problem+json for unknown routes, language negotiation.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, type TestSystem } from '../../test/harness.ts';

let t: TestSystem;
beforeAll(async () => {
  t = await createTestSystem();
});
afterAll(async () => t?.close());

describe('operations endpoints', () => {
  it('answers /healthz and /readyz with the database kind', async () => {
    expect((await t.system.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.system.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().database).toBe(t.db.kind);
  });

  it('tells operators on /readyz when the ledger stopped sequencing, and stays ready for the public', async () => {
    const halting = await createTestSystem();
    try {
      expect((await halting.system.app.inject('/readyz')).json().ledger).toMatch(/^(sequencing|standby)$/);
      // The stored tree loses its head: the sequencer must refuse to sign anything more.
      await halting.db.orm.execute(sql`delete from ledger.tree_state`);
      await expect(halting.system.ledger.flush()).rejects.toThrow(/tree_state/);
      const ready = await halting.system.app.inject('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ready', ledger: 'halted' });
    } finally {
      await halting.close();
    }
  });

  it('exposes Prometheus metrics with per-route request timings', async () => {
    await t.system.app.inject('/api/v1/geo/units');
    const res = await t.system.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('txng_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/v1/geo/units"');
  });

  it('protects /metrics with a bearer token when one is configured', async () => {
    const guarded = await createTestSystem({ env: { TXNG_METRICS_TOKEN: 'metrics-token-123' } });
    try {
      expect((await guarded.system.app.inject('/metrics')).statusCode).toBe(401);
      expect((await guarded.system.app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-token-123' } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers', async () => {
    const res = await t.system.app.inject('/api/v1/geo/sectors');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-request-id']).toBeDefined();
  });
});

describe('errors and language', () => {
  it('answers an unknown route with problem+json in Vietnamese by default and English on request', async () => {
    const vi = await t.system.app.inject('/api/v1/no-such-thing');
    expect(vi.statusCode).toBe(404);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json().detail).toContain('Không có địa chỉ');
    const en = await t.system.app.inject({ url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().detail).toContain('There is no route');
    const q = await t.system.app.inject('/api/v1/no-such-thing?lang=en');
    expect(q.json().title).toBe('Not found');
  });

  it('names a bad query parameter', async () => {
    const res = await t.system.app.inject('/api/v1/geo/units?kind=city');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ in: 'query', pointer: 'kind', code: 'FIELD_ENUM' });
  });
});

describe('OpenAPI', () => {
  it('describes every route with a summary, and the docs UI renders', async () => {
    const doc = (await t.system.app.inject('/api/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, { summary?: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) for (const [m, op] of Object.entries(ops)) {
      documented.add(`${m.toUpperCase()} ${p}`);
      expect(op.summary, `${m} ${p} has no summary`).toBeTruthy();
    }
    // Every API route registered on the server is in the document (OpenAPI spells parameters {id}).
    const api = t.system.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && !r.hidden);
    expect(api.length).toBeGreaterThan(20);
    for (const r of api) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    for (const required of ['POST /api/v1/registrations', 'POST /api/v1/auth/login', 'GET /api/v1/organizations/{id}', 'DELETE /api/v1/organizations/{id}/api-keys/{keyId}', 'GET /api/v1/audit-events', 'POST /api/v1/auth/totp/setup']) {
      expect(documented, required).toContain(required);
    }
    const ui = await t.system.app.inject('/api/docs');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    expect((await t.system.app.inject('/api/docs/static/swagger-ui-bundle.js')).statusCode).toBe(200);
    expect((await t.system.app.inject('/api/docs/json')).json().openapi).toBe('3.1.0');
  });
});
