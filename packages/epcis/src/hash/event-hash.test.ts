// CBV 2.0 event hash ID against the reference vectors (RalphTro/epcis-event-hash-generator): every line of
// every .hashes file, the expected_equal documents, and the GS1 WithEventHashID documents.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { epcisFiles, readEpcis, report } from '../../test/conformance.ts';
import { readEpcisJson } from '../json/read-document.ts';
import type { EpcisEvent, EpcisInput } from '../model/types.ts';
import { readEpcisXml } from '../xml/read-xml-document.ts';
import { eventHashId } from './event-hash.ts';
import { hashIgnoreFields } from './ignore-fields.ts';
import { eventPreHash } from './prehash.ts';

const HASH_DIR = 'hash/RalphTro-epcis-event-hash-generator/tests';

function load(file: string): EpcisInput {
  const text = readEpcis(file);
  const doc = file.endsWith('.xml') ? readEpcisXml(text).document : readEpcisJson(text).document;
  if (!doc) throw new Error(`unreadable ${file}`);
  return doc;
}

const eventsOf = (doc: EpcisInput): readonly EpcisEvent[] => ('events' in doc ? doc.events : []);

describe('CBV 2.0 event hash ID', () => {
  test('reproduces every line of every .hashes file, from XML and JSON-LD inputs', () => {
    const inputs = epcisFiles(`${HASH_DIR}/examples`, ['.xml', '.jsonld']);
    let lines = 0;
    let passed = 0;
    const failures: string[] = [];
    for (const file of inputs) {
      const expected = readEpcis(file.replace(/\.(xml|jsonld)$/, '.hashes')).split('\n').filter(Boolean);
      const doc = load(file);
      const ignore = hashIgnoreFields(doc);
      const actual = eventsOf(doc).map((e) => eventHashId(e, { ignore }));
      expect(actual.length, file).toBe(expected.length);
      expected.forEach((h, i) => {
        lines++;
        if (actual[i] === h) passed++;
        else failures.push(`${file} #${i}: ${eventPreHash(eventsOf(doc)[i]!, { ignore })}`);
      });
    }
    report('hash .hashes lines', lines, passed, failures);
    expect(inputs.length).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });

  test('documents in expected_equal hash every event equal', () => {
    const files = epcisFiles(`${HASH_DIR}/expected_equal`, ['.xml', '.json']);
    let equal = 0;
    for (const file of files) {
      const hashes = new Set(eventsOf(load(file)).map((e) => eventHashId(e)));
      if (hashes.size === 1) equal++;
      expect(hashes.size, file).toBe(1);
    }
    report('hash expected_equal documents', files.length, equal);
    expect(files.length).toBe(11);
  });

  test('the WithEventHashID documents: one hash, except the one whose eventTimeZoneOffset differs', () => {
    // CBV 2.0 §8.9.2 puts eventTimeZoneOffset in the pre-hash (property 3), so document 2, which changes it
    // from -06:00 to -05:00 ("different time zone but exactly identical event"), hashes differently.
    const files = epcisFiles('gs1-EPCIS/XML/WithEventHashID', ['.xml', '.json']);
    const byFile = new Map(files.map((f) => [f.split('/').pop()!, eventsOf(load(f))[0]!]));
    const base = eventHashId(byFile.get('event_with_identical_hash_id_1.xml')!);
    const same = files.filter((f) => eventHashId(byFile.get(f.split('/').pop()!)!) === base);
    report('WithEventHashID documents hashing equal', files.length, same.length, ['event_with_identical_hash_id_2.xml differs only in eventTimeZoneOffset (CBV 2.0 §8.9.2)']);
    expect(same.map((f) => f.split('/').pop()).sort()).toEqual([1, 3, 4, 5, 6].map((i) => `event_with_identical_hash_id_${i}.xml`).concat('event_with_identical_hash_id_7.json').sort());
    const two = eventPreHash(byFile.get('event_with_identical_hash_id_2.xml')!);
    expect(two.replace('eventTimeZoneOffset=-05:00', 'eventTimeZoneOffset=-06:00')).toBe(eventPreHash(byFile.get('event_with_identical_hash_id_1.xml')!));
  });

  test('a digest function passed in (node:crypto) gives the same ID as the built-in one', () => {
    const event = eventsOf(load(`${HASH_DIR}/examples/ReferenceEventHashAlgorithm.jsonld`))[0]!;
    const nodeSha = (b: Uint8Array): Uint8Array => createHash('sha256').update(b).digest();
    expect(eventHashId(event, { sha256: nodeSha })).toBe(eventHashId(event));
    expect(eventHashId(event)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  test('any change of a field value changes the hash', () => {
    const event = eventsOf(load(`${HASH_DIR}/examples/ReferenceEventHashAlgorithm.jsonld`))[0]!;
    const changed = { ...event, readPoint: { id: 'urn:epc:id:sgln:4012345.00011.988' } };
    expect(eventHashId(changed)).not.toBe(eventHashId(event));
    expect(eventHashId({ ...event, recordTime: '2030-01-01T00:00:00Z' })).toBe(eventHashId(event));
  });
});
