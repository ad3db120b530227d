// The conformance manifests (json-validation-manifest.json, xml-validation-manifest.json) through the REST
// binding: every document marked valid is accepted by POST /epcis/capture and every one marked invalid refused
// with errors that name the fault (code, event index, JSON pointer or XML path); query parameter sets go to
// POST /epcis/queries. Where the manifest contradicts a rule the repository enforces, the test names the case.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareCapture } from '@txng/epcis';
import { createTestSystem, type TestSystem } from '../../../../test/harness.ts';
import { recordDigest } from '../store/event-store.ts';
import { capture, organizationWithKey, provinceAdmin, readConformance, report, type TestOrganization } from '../testing/support.ts';

interface Entry {
  readonly file: string;
  readonly kind?: string;
  readonly root?: string;
  readonly expected: 'valid' | 'invalid' | 'unspecified';
}

const systems: TestSystem[] = [];
afterAll(async () => {
  for (const s of systems) await s.close();
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const GS1_KEY_CODES = new Set(['EPCIS_BAD_CHECK_DIGIT', 'EPCIS_INVALID_GS1_KEY']);

/** Valid per the manifest, refused here for a rule of the standard (the reason is asserted). */
const KNOWN_VALID_REFUSED: Readonly<Record<string, { codes: readonly string[]; why: string }>> = {
  'gs1-EPCIS/JSON-Schema/test/Extended-Event.json': { codes: ['EPCIS_UNKNOWN_DOCUMENT_TYPE'], why: 'extension event types (type "example:CustomEvent") are not supported' },
  'openepcis-test-resources/1.2/EPCIS/XML/Capture/Documents/ObjectEvent_all_possible_fields.xml': { codes: ['EPCIS_ILMD_WITHOUT_ADD'], why: 'ilmd with action OBSERVE (EPCIS 2.0 §7.4.2)' },
  'openepcis-test-resources/2.0/EPCIS/XML/Query/Queries/SimpleEventQuery.xml': { codes: ['EPCIS_CAPTURE_NOT_A_CAPTURE_DOCUMENT'], why: 'an XML Poll (query request), not a document to capture' },
};
/** Invalid per the manifest, accepted here with a warning (the manifest also expects JumbledFieldsOrder.xml, out of order too, to be valid). */
const KNOWN_INVALID_ACCEPTED: Readonly<Record<string, string>> = {
  'openepcis-test-resources/2.0/EPCIS/XML/Capture/Invalid/ObjectEvent_with_wrong_element_order.xml': 'EPCIS_XML_ELEMENT_ORDER',
};

interface Repository {
  readonly org: TestOrganization;
  readonly ids: Map<string, string>;
}

const repositories: Repository[] = [];

/** A repository where the document's event IDs do not name other events (examples reuse IDs). */
async function repositoryFor(text: string, format: 'json' | 'xml'): Promise<{ repo: Repository; records: [string, string][] }> {
  const plan = prepareCapture(text, format, { now: Date.now(), sha256 });
  const records = plan.events.map((e): [string, string] => [`${e.event.eventID ?? e.hashId}|${e.event.errorDeclaration ? 1 : 0}`, recordDigest(e.event, e.hashId.slice(14, 78))]);
  let repo = repositories.find((r) => records.every(([k, d]) => !r.ids.has(k) || r.ids.get(k) === d));
  if (!repo) {
    const t = await createTestSystem();
    systems.push(t);
    repo = { org: await organizationWithKey(t, await provinceAdmin(t)), ids: new Map() };
    repositories.push(repo);
  }
  return { repo, records };
}

interface ProblemJson { code: string; eventIndex?: number; pointer?: string; xmlPath?: string; errors?: ProblemJson[] }

async function check(entry: Entry, notes: string[]): Promise<boolean> {
  const text = readConformance(entry.file);
  const format = entry.file.endsWith('.xml') ? 'xml' : 'json';
  const { repo, records } = await repositoryFor(text, format);
  let accepted: boolean;
  let errors: ProblemJson[] = [];
  let warnings: ProblemJson[] = [];
  if (entry.kind === 'SimpleEventQuery params') {
    const res = await repo.org.key('POST', '/epcis/queries', { name: `q${Math.random().toString(36).slice(2)}`, query: JSON.parse(text) });
    accepted = res.statusCode === 201;
    errors = accepted ? [] : (res.json() as { errors: ProblemJson[] }).errors;
    // A refused query names each faulty parameter.
    if (!accepted) for (const e of errors) expect(e.pointer, `${entry.file}: ${e.code}`).toBeTruthy();
  } else {
    const res = await capture(repo.org.key, text, entry.file);
    accepted = res.statusCode === 202 && res.json().success === true;
    const body = res.json() as ProblemJson & { warnings?: ProblemJson[] };
    errors = body.errors ?? [];
    warnings = body.warnings ?? [];
    if (accepted) for (const [k, d] of records) repo.ids.set(k, d);
    else {
      expect(res.statusCode, entry.file).toBe(400);
      // Each error says what is wrong and, when it is about one event, which one and where.
      for (const e of errors) {
        expect(e.code, entry.file).toMatch(/^[A-Z0-9_]+$/);
        if (e.eventIndex !== undefined) expect(e.pointer ?? e.xmlPath, `${entry.file}: ${e.code}`).toBeDefined();
      }
    }
  }
  if (entry.expected === 'invalid') {
    if (!accepted) return true;
    const allowed = KNOWN_INVALID_ACCEPTED[entry.file];
    expect(allowed, `${entry.file} must be refused`).toBeDefined();
    expect(warnings.map((w) => w.code), entry.file).toContain(allowed);
    notes.push(`${entry.file}: accepted with warning ${allowed}`);
    return false;
  }
  if (accepted) return true;
  const codes = [...new Set(errors.map((e) => e.code))];
  if (codes.every((c) => GS1_KEY_CODES.has(c))) {
    notes.push(`${entry.file}: refused for invalid GS1 keys only (${codes.join(', ')})`);
    return false;
  }
  const known = KNOWN_VALID_REFUSED[entry.file]
    ?? (entry.root === 'EPCISCaptureJob' ? { codes: ['EPCIS_CAPTURE_NOT_A_CAPTURE_DOCUMENT'], why: 'a capture-job status document, not a capture' } : undefined);
  expect(known, `${entry.file} must be accepted; got ${JSON.stringify(errors.slice(0, 3))}`).toBeDefined();
  expect(codes, entry.file).toEqual(expect.arrayContaining([...known!.codes]));
  notes.push(`${entry.file}: refused (${known!.why})`);
  return false;
}

describe('conformance manifests through the REST binding', () => {
  for (const name of ['json-validation-manifest.json', 'xml-validation-manifest.json'] as const) {
    it(`${name}: valid documents accepted, invalid ones refused naming the fault`, async () => {
      const entries = (JSON.parse(readConformance(name)) as Entry[]).filter((e) => e.expected !== 'unspecified');
      const notes: string[] = [];
      let passed = 0;
      for (const entry of entries) if (await check(entry, notes)) passed++;
      report(`${name} via /epcis`, entries.length, passed, notes);
      const openepcis = entries.filter((e) => e.file.startsWith('openepcis-test-resources/'));
      console.log(`[conformance] ${name}: openepcis-test-resources entries ${openepcis.length} (valid ${openepcis.filter((e) => e.expected === 'valid').length}, invalid ${openepcis.filter((e) => e.expected === 'invalid').length})`);
      expect(passed + notes.length).toBe(entries.length);
    }, 900_000);
  }
});
