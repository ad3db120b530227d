import { createInterface } from 'node:readline';
import {
  buildDigitalLink, digitalLinkToEpcUri, elementsToEpcUri, formatDigitalLink, gs1Message, lint, linterNames,
  parseGs1Input, toBracketed, toUnbracketed, type DigitalLinkParseOptions, type Gs1Error, type Gs1Input,
} from '@txng/gs1';
import { renderBarcodeSvg, type BarcodeRequest } from '@txng/gs1/barcode';
import type { Command, CommandIo } from '../command.ts';

// `txng gs1 <input>`: read any GS1 form (element string, Digital Link, scan data, EPC URI, GTIN) and print its AI
// data or the error with its position; convert with --dl, --bracketed, --unbracketed, --epc, --svg;
// `txng gs1 lint <linter> <value>` runs one GS1 Syntax Test. --batch reads one input per line from stdin and
// writes one JSON result per line, so reference vectors can be compared one to one.

const USAGE = `Usage:
  txng gs1 [options] <input>             read an element string, Digital Link, scan data, EPC URI or GTIN
  txng gs1 lint <linter> <value>         run one GS1 Syntax Test (linter), e.g. csum, yymmd0, iso3166
  txng gs1 [lint <linter>] --batch       one input per line on stdin, one JSON result per line on stdout
Options:
  --dl  --bracketed  --unbracketed  --epc  --svg    print conversions
  --base <url>         Digital Link stem (default https://id.gs1.org)
  --symbol <type>      with --svg: qr (default), datamatrix, gs1-128, ean13
  --gcp-length <n>     GS1 Company Prefix length for --epc
  --syntax-only        check AI values only, not the association (req/ex) rules
  --permit-unknown-ais accept AIs the Syntax Dictionary does not know
  --lang <vi|en>       language of error messages (default vi)
Linters: ${linterNames().join(', ')}`;

type Conversion = 'dl' | 'bracketed' | 'unbracketed' | 'epc' | 'svg';
const CONVERSIONS: readonly Conversion[] = ['dl', 'bracketed', 'unbracketed', 'epc', 'svg'];

interface Options {
  readonly conversions: Conversion[];
  readonly batch: boolean;
  readonly base?: string;
  readonly symbol: BarcodeRequest['type'];
  readonly gcpLength?: number;
  readonly lang: 'vi' | 'en';
  readonly parse: DigitalLinkParseOptions;
  readonly positional: string[];
}

function parseArgs(args: string[]): Options | string {
  const o = { conversions: [] as Conversion[], batch: false, symbol: 'qr' as BarcodeRequest['type'], lang: 'vi' as 'vi' | 'en', parse: {}, positional: [] as string[] } as {
    -readonly [K in keyof Options]: Options[K];
  };
  const parse: { validateAssociations?: boolean; permitUnknownAis?: boolean } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = () => args[++i];
    if (a === '--batch') o.batch = true;
    else if (a.startsWith('--') && CONVERSIONS.includes(a.slice(2) as Conversion)) o.conversions.push(a.slice(2) as Conversion);
    else if (a === '--base') o.base = value();
    else if (a === '--symbol') {
      const s = value();
      if (s !== 'qr' && s !== 'datamatrix' && s !== 'gs1-128' && s !== 'ean13') return `unknown --symbol ${s ?? ''}`;
      o.symbol = s;
    } else if (a === '--gcp-length') o.gcpLength = Number(value());
    else if (a === '--lang') {
      const l = value();
      if (l !== 'vi' && l !== 'en') return `unknown --lang ${l ?? ''}`;
      o.lang = l;
    } else if (a === '--syntax-only') parse.validateAssociations = false;
    else if (a === '--permit-unknown-ais') parse.permitUnknownAis = true;
    else if (a === '--help' || a === '-h') return '';
    else if (a.startsWith('--') && a !== '--') return `unknown option ${a}`;
    else o.positional.push(a);
  }
  o.parse = parse;
  return o;
}

type JsonResult = Record<string, unknown>;

function errorResult(error: Gs1Error, o: Options): JsonResult {
  const e: Record<string, unknown> = { kind: error.code, position: error.position ?? 0 };
  if (error.ai !== undefined) e['ai'] = error.ai;
  if (error.length !== undefined) e['length'] = error.length;
  e['message'] = gs1Message(error, o.lang);
  return { ok: false, error: e };
}

function dlFor(input: Gs1Input, o: Options) {
  const base = o.base === undefined ? {} : { base: o.base };
  return input.digitalLink ? formatDigitalLink(input.digitalLink, base) : buildDigitalLink(input.elements, { ...o.parse, ...base });
}

function convert(input: Gs1Input, what: Conversion, o: Options): { ok: true; value: string } | { ok: false; error: Gs1Error } {
  switch (what) {
    case 'dl': return dlFor(input, o);
    case 'bracketed': return { ok: true, value: toBracketed(input.elements) };
    case 'unbracketed': return { ok: true, value: toUnbracketed(input.elements) };
    case 'epc': {
      const gcp = o.gcpLength === undefined ? {} : { companyPrefixLength: o.gcpLength };
      if (input.epc) return { ok: true, value: input.epc.uri };
      return input.digitalLink ? digitalLinkToEpcUri(input.digitalLink.uri, { ...o.parse, ...gcp }) : elementsToEpcUri(input.elements, gcp);
    }
    case 'svg': {
      const request: BarcodeRequest =
        o.symbol === 'qr' ? { type: 'qr', digitalLink: '' }
          : o.symbol === 'ean13' ? { type: 'ean13', gtin: input.elements.find((e) => e.ai === '01')?.value ?? '' }
            : { type: o.symbol, elements: input.elements };
      if (request.type === 'qr') {
        const dl = dlFor(input, o);
        if (!dl.ok) return dl;
        const svg = renderBarcodeSvg({ type: 'qr', digitalLink: dl.value });
        return svg.ok ? { ok: true, value: svg.value.image } : svg;
      }
      const svg = renderBarcodeSvg(request);
      return svg.ok ? { ok: true, value: svg.value.image } : svg;
    }
  }
}

/** One input to one JSON result: AI data, or conversions, or the error with its position. */
export function processInput(text: string, o: Options): JsonResult {
  const parsed = parseGs1Input(text, o.parse);
  if (!parsed.ok) return errorResult(parsed.error, o);
  const result: JsonResult = { ok: true, form: parsed.value.form, ai: parsed.value.elements.map((e) => [e.ai, e.value]) };
  for (const what of o.conversions) {
    const c = convert(parsed.value, what, o);
    if (!c.ok) return errorResult(c.error, o);
    result[what] = c.value;
  }
  return result;
}

function processLint(linter: string, value: string, o: Options): JsonResult {
  const e = lint(linter, value);
  if (!e) return { ok: true };
  return errorResult({ code: e.code, position: e.position, length: e.length }, o);
}

async function runBatch(io: CommandIo, each: (line: string) => JsonResult): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) io.stdout.write(`${JSON.stringify(each(line))}\n`);
  return 0;
}

export const command: Command = {
  summary: 'GS1: read element strings, Digital Links, scan data and EPC URIs; convert, lint, draw barcodes',
  async run(args, io) {
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.stderr.write(o ? `txng gs1: ${o}\n${USAGE}\n` : `${USAGE}\n`);
      return o ? 2 : 0;
    }
    const [first, second, third] = o.positional;
    if (first === 'lint') {
      if (!second) return (io.stderr.write(`${USAGE}\n`), 2);
      if (o.batch) return runBatch(io, (line) => processLint(second, line, o));
      if (third === undefined) return (io.stderr.write(`${USAGE}\n`), 2);
      const r = processLint(second, third, o);
      io.stdout.write(`${JSON.stringify(r)}\n`);
      return r['ok'] ? 0 : 1;
    }
    if (o.batch) return runBatch(io, (line) => processInput(line, o));
    if (first === undefined || o.positional.length > 1) return (io.stderr.write(`${USAGE}\n`), 2);
    const r = processInput(first, o);
    if (r['ok'] && o.conversions.length > 0) {
      for (const what of o.conversions) io.stdout.write(`${String(r[what])}\n`);
    } else {
      io.stdout.write(`${JSON.stringify(r)}\n`);
    }
    if (!r['ok']) io.stderr.write(`${String((r['error'] as { message: string }).message)}\n`);
    return r['ok'] ? 0 : 1;
  },
};
