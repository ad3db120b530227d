// Test support for the epcis module's tests: conformance files read in place (docs/contributing.md "Tests"),
// organisations with GS1 identities and API keys, and HTTP helpers for the REST binding.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { approvedOrganization, official, type Client, type TestSystem } from '../../../../test/harness.ts';
import type { Sector } from '../../../platform/auth/actor.ts';

export const CONFORMANCE_DIR = process.env.TXNG_CONFORMANCE_DIR ?? fileURLToPath(new URL('../../../../../../../shared/conformance/', import.meta.url));
export const EPCIS_DIR = join(CONFORMANCE_DIR, 'epcis');

export const readConformance = (path: string): string => readFileSync(join(EPCIS_DIR, path), 'utf8');

/** Files under a folder of the EPCIS conformance data, recursively, relative to epcis/. */
export function conformanceFiles(folder: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (extensions.some((e) => name.endsWith(e))) out.push(relative(EPCIS_DIR, full));
    }
  };
  walk(join(EPCIS_DIR, folder));
  return out;
}

/** Prints how many conformance cases a test ran and passed (docs/contributing.md). */
export function report(label: string, ran: number, passed: number, notes: readonly string[] = []): void {
  console.log(`[conformance] ${label}: ran ${ran}, passed ${passed}${notes.length ? `\n  ${notes.join('\n  ')}` : ''}`);
}

export type Call = (method: string, url: string, body?: string | object, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;

export interface TestOrganization {
  readonly id: string;
  readonly admin: Client;
  /** Requests with an API key holding events:capture and events:read. */
  readonly key: Call;
  readonly keySecret: string;
}

/** An HTTP caller authenticating with an API key. */
export function keyCaller(t: TestSystem, secret: string): Call {
  return (method, url, body, headers = {}) => t.system.app.inject({
    method: method as 'GET', url, headers: { authorization: `Bearer ${secret}`, ...headers },
    ...(body === undefined ? {} : { payload: body }),
  });
}

export async function organizationWithKey(t: TestSystem, provinceAdmin: Client, o: {
  gs1CompanyPrefix?: string; gln?: string; communeId?: number; sectors?: Sector[]; permissions?: string[];
} = {}): Promise<TestOrganization> {
  const org = await approvedOrganization(t, provinceAdmin, { ...(o.communeId ? { communeId: o.communeId } : {}), ...(o.sectors ? { sectors: o.sectors } : {}) });
  if (o.gs1CompanyPrefix || o.gln) {
    const res = await org.admin.request('PATCH', `/api/v1/organizations/${org.id}`, { gs1CompanyPrefix: o.gs1CompanyPrefix ?? null, gln: o.gln ?? null });
    if (res.statusCode !== 200) throw new Error(`GS1 identities refused: ${res.body}`);
  }
  const key = await org.admin.request('POST', `/api/v1/organizations/${org.id}/api-keys`, { name: 'epcis', permissions: o.permissions ?? ['events:capture', 'events:read'] });
  if (key.statusCode !== 201) throw new Error(`API key refused: ${key.body}`);
  const secret = (key.json() as { secret: string }).secret;
  return { id: org.id, admin: org.admin, key: keyCaller(t, secret), keySecret: secret };
}

export async function provinceAdmin(t: TestSystem): Promise<Client> {
  return official(t, { role: 'province_admin' });
}

export const JSON_LD = { 'content-type': 'application/ld+json' };
export const XML = { 'content-type': 'application/xml' };

/** POST /epcis/capture; the content type follows the file name. */
export function capture(call: Call, text: string, file: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return call('POST', '/epcis/capture', text, { ...(file.endsWith('.xml') ? XML : JSON_LD), ...headers });
}

/** Every event a query returns, following nextPageToken (JSON-LD, identifiers as captured). */
export async function allEvents(call: Call, query = '', perPage = 1000): Promise<EpcisEventJson[]> {
  const out: EpcisEventJson[] = [];
  let url = `/epcis/events?perPage=${perPage}${query ? `&${query}` : ''}`;
  for (let i = 0; i < 10_000; i++) {
    const res = await call('GET', url, undefined, { 'GS1-EPC-Format': 'Never_Translates' });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    out.push(...(res.json() as { epcisBody: { queryResults: { resultsBody: { eventList: EpcisEventJson[] } } } }).epcisBody.queryResults.resultsBody.eventList);
    const next = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''));
    if (!next) return out;
    url = next[1]!;
  }
  throw new Error('too many pages');
}

export interface EpcisEventJson {
  readonly eventID: string;
  readonly type: string;
  readonly recordTime: string;
  readonly [field: string]: unknown;
}

/** A minimal valid JSON-LD capture document around `events` (bare JSON-LD event objects). */
export function jsonDocument(events: readonly object[], context: readonly (string | Record<string, string>)[] = []): string {
  return JSON.stringify({
    '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', ...context],
    type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-01T00:00:00Z', epcisBody: { eventList: events },
  });
}

/** A valid ObjectEvent (JSON-LD) observing `epcs` at `time`. */
export function objectEvent(epcs: readonly string[], time = '2026-01-01T08:00:00.000+07:00', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'ObjectEvent', eventTime: time, eventTimeZoneOffset: '+07:00', epcList: [...epcs], action: 'OBSERVE', bizStep: 'shipping', ...extra };
}
