import type { AiComponent, AiEntry, CharacterSet } from './ai-entry.ts';

// Parser for the GS1 Barcode Syntax Dictionary text format, as defined by the comment header of
// gs1-syntax-dictionary.txt ("Syntax: AIs [Flags] Specification [Attributes...] [# Title]").
// Pure: the generator script reads the file and passes the text in. Throws on a malformed
// dictionary, because that is a build-time fault of the input file, never user data.

const FLAG_CHARS = new Set('*!?"$%&\'()+,-./:;<=>@[\\]^_`{|}~');

function parseComponent(token: string, where: string): AiComponent {
  const [format = '', ...linters] = token.split(',');
  const optional = format.startsWith('[');
  if (optional && !format.endsWith(']')) throw new Error(`${where}: optional component missing ']': ${token}`);
  const spec = optional ? format.slice(1, -1) : format;
  const m = /^([NXYZ])(?:(\d{1,2})|\.\.(\d{1,2}))$/.exec(spec);
  if (!m) throw new Error(`${where}: unrecognised component: ${token}`);
  const cset = m[1] as CharacterSet;
  const fixed = m[2] === undefined ? undefined : Number(m[2]);
  const max = fixed ?? Number(m[3]);
  if (max < 1) throw new Error(`${where}: zero-length component: ${token}`);
  return { cset, min: fixed ?? 1, max, optional, linters };
}

function checkAiRefs(value: string, separators: RegExp, where: string): void {
  for (const ref of value.split(separators)) {
    if (!/^\d+n*$/.test(ref) || ref.length < 2 || ref.length > 4) throw new Error(`${where}: bad AI reference ${ref}`);
  }
}

function expandRange(token: string, where: string): string[] {
  const dash = token.indexOf('-');
  if (dash < 0) {
    if (!/^\d{2,4}$/.test(token)) throw new Error(`${where}: bad AI ${token}`);
    return [token];
  }
  const start = token.slice(0, dash);
  const end = token.slice(dash + 1);
  if (!/^\d{2,4}$/.test(start) || end.length !== start.length || !/^\d+$/.test(end)) {
    throw new Error(`${where}: bad AI range ${token}`);
  }
  if (start.slice(0, -1) !== end.slice(0, -1) || start >= end) throw new Error(`${where}: bad AI range ${token}`);
  const out: string[] = [];
  for (let d = Number(start.at(-1)); d <= Number(end.at(-1)); d++) out.push(start.slice(0, -1) + String(d));
  return out;
}

function parseLine(line: string, lineNo: number): AiEntry[] {
  const where = `line ${lineNo}`;
  const hash = line.search(/(^|[ \t])#/);
  const body = hash >= 0 ? line.slice(0, hash) : line;
  const title = hash >= 0 ? line.slice(line.indexOf('#', hash) + 1).trim() : '';
  const tokens = body.split(/[ \t]+/).filter((t) => t !== '');
  const aiToken = tokens.shift();
  if (aiToken === undefined) return [];
  let fnc1 = true;
  let dlDataAttribute = false;
  while (tokens[0] !== undefined && [...tokens[0]].every((c) => FLAG_CHARS.has(c))) {
    const flags = tokens.shift() ?? '';
    if (flags.includes('*')) fnc1 = false;
    if (flags.includes('?')) dlDataAttribute = true;
  }
  const components: AiComponent[] = [];
  while (tokens[0] !== undefined && /^[A-Z[]/.test(tokens[0])) components.push(parseComponent(tokens.shift() ?? '', where));
  if (components.length === 0) throw new Error(`${where}: AI has no components`);
  components.forEach((c, i) => {
    if (i < components.length - 1 && c.min !== c.max) throw new Error(`${where}: only the final component may vary`);
    if (i > 0 && !c.optional && components[i - 1]?.optional) throw new Error(`${where}: mandatory after optional`);
    if (!fnc1 && (c.min !== c.max || c.optional)) throw new Error(`${where}: '*' AI must have a predefined length`);
  });
  const req: string[][][] = [];
  const ex: string[] = [];
  let dlpkey: string[][] | undefined;
  for (const attr of tokens) {
    const eq = attr.indexOf('=');
    const name = eq < 0 ? attr : attr.slice(0, eq);
    const value = eq < 0 ? '' : attr.slice(eq + 1);
    if (!/^[a-z]+$/.test(name)) throw new Error(`${where}: bad attribute ${attr}`);
    if (name === 'req') {
      checkAiRefs(value, /[,+]/, where);
      req.push(value.split(',').map((group) => group.split('+')));
    } else if (name === 'ex') {
      checkAiRefs(value, /,/, where);
      ex.push(...value.split(','));
    } else if (name === 'dlpkey') {
      if (value !== '') checkAiRefs(value, /[,|]/, where);
      dlpkey = value === '' ? [[]] : value.split('|').map((alt) => alt.split(','));
    }
  }
  return expandRange(aiToken, where).map((ai) => ({
    ai,
    title,
    fnc1,
    dlDataAttribute,
    components,
    req,
    ex,
    ...(dlpkey ? { dlpkey } : {}),
  }));
}

/** Parse the whole dictionary text into entries, ranges expanded, in lexical AI order. */
export function parseSyntaxDictionary(text: string): AiEntry[] {
  const entries: AiEntry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*(#|$)/.test(line)) return;
    for (const entry of parseLine(line, i + 1)) {
      const previous = entries.at(-1);
      if (previous && previous.ai >= entry.ai) throw new Error(`line ${i + 1}: AIs must be in ascending order`);
      entries.push(entry);
    }
  });
  return entries;
}

/** Render entries as the TypeScript module `ai-table.generated.ts` (deterministic, one entry per line). */
export function renderAiTableModule(entries: readonly AiEntry[], sourceName: string): string {
  const lines = entries.map((e) => `  ${JSON.stringify(e)},`);
  return [
    `// GENERATED by packages/gs1/scripts/generate-ai-table.ts from ${sourceName}. Do not edit.`,
    '// Regenerate: node --import tsx packages/gs1/scripts/generate-ai-table.ts',
    "import type { AiEntry } from './dictionary/ai-entry.ts';",
    '',
    'export const AI_TABLE: readonly AiEntry[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}
