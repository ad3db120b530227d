import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Run `txng gs1 …` through the dispatcher with in-memory streams. */
async function txng(args: string[], stdin = ''): Promise<Run> {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  input.end(stdin);
  const code = await main(['gs1', ...args], { stdin: input, stdout, stderr, env: {} });
  return { code, out, err };
}

const lines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('txng gs1', () => {
  it('prints the AI data of any form as JSON', async () => {
    const r = await txng([']d2010952012345678810ABC\u001d17270101']);
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual([{ ok: true, form: 'scan-data', ai: [['01', '09520123456788'], ['10', 'ABC'], ['17', '270101']] }]);
  });

  it('prints the error kind, position and message, and exits 1', async () => {
    const r = await txng(['(01)09520123456788(17)271301', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual([{ ok: false, error: { kind: 'GS1_LINTER_ILLEGAL_MONTH', position: 24, ai: '17', length: 2, message: 'AI (17): The month is not valid (position 24).' } }]);
    expect(r.err).toContain('The month is not valid');
  });

  it('converts between forms', async () => {
    const r = await txng(['--dl', '--bracketed', '--unbracketed', '--base', 'https://dl.example.vn', 'urn:epc:id:sgtin:0614141.812345.6789AB']);
    expect(r.out.split('\n')).toEqual([
      'https://dl.example.vn/01/80614141123458/21/6789AB', '(01)80614141123458(21)6789AB', '^0180614141123458216789AB', '',
    ]);
    const epc = await txng(['--epc', '--gcp-length', '7', 'https://id.gs1.org/01/80614141123458/21/6789AB']);
    expect(epc.out).toBe('urn:epc:id:sgtin:0614141.812345.6789AB\n');
    const svg = await txng(['--svg', '--symbol', 'datamatrix', '(01)09520123456788(10)ABC']);
    expect(svg.out.startsWith('<svg')).toBe(true);
  });

  it('runs one linter by its dictionary name', async () => {
    expect(lines((await txng(['lint', 'csum', '9520123456788'])).out)).toEqual([{ ok: true }]);
    const bad = await txng(['lint', 'iso3166', '999', '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(lines(bad.out)[0]).toMatchObject({ ok: false, error: { kind: 'GS1_LINTER_NOT_ISO3166', position: 0, length: 3 } });
    expect(lines((await txng(['lint', 'nosuch', 'x'])).out)[0]).toMatchObject({ error: { kind: 'GS1_UNKNOWN_LINTER' } });
  });

  it('answers one JSON line per input line in batch mode', async () => {
    const stdin = ['(01)09520123456788', 'https://id.gs1.org/01/09520123456789', '', 'hello'].join('\n');
    const r = await txng(['--batch', '--dl'], `${stdin}\n`);
    expect(r.code).toBe(0);
    expect(lines(r.out).map((l) => (l['ok'] ? l['dl'] : (l['error'] as { kind: string }).kind))).toEqual([
      'https://id.gs1.org/01/09520123456788', 'GS1_LINTER_INCORRECT_CHECK_DIGIT', 'GS1_UNRECOGNISED_INPUT', 'GS1_UNRECOGNISED_INPUT',
    ]);
    const lintBatch = await txng(['lint', 'yymmd0', '--batch'], '270101\n271301\n');
    expect(lines(lintBatch.out).map((l) => l['ok'])).toEqual([true, false]);
  });

  it('explains its usage when the arguments are wrong', async () => {
    const r = await txng(['--nope']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage:');
  });
});
