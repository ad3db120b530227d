// `npm run bench [-- <name> ...]`: runs bench/<name>/index.ts (all when no name is given), prints each
// figure beside its target and same-run reference, writes bench/results/<name>.json, and with `--write-docs`
// replaces the <!-- bench:<name> --> section of docs/benchmarks.md; `--from-results` reuses the last saved figures
// instead of running (to write them into the docs after the fact).
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchResult } from './types.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const writeDocs = args.includes('--write-docs');
const fromResults = args.includes('--from-results');
const wanted = args.filter((a) => !a.startsWith('--'));

const available = (await readdir(benchDir, { withFileTypes: true }))
  .filter((d) => d.isDirectory() && d.name !== 'results' && d.name !== 'lib')
  .map((d) => d.name)
  .sort();
const names = wanted.length ? wanted : available;
for (const n of names) {
  if (!available.includes(n)) {
    console.error(`unknown benchmark "${n}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return Number(n.toPrecision(4)).toString();
}

function table(result: BenchResult): string {
  const rows = ['| metric | value | target | same-run reference | pass |', '|---|---|---|---|---|'];
  for (const f of result.figures) {
    const ref = f.reference ? `${f.reference.label}: ${fmt(f.reference.value)} ${f.reference.unit}` : '';
    const pass = f.pass === undefined ? '' : f.pass ? 'yes' : '**no**';
    rows.push(`| ${f.metric}${f.note ? ` (${f.note})` : ''} | ${fmt(f.value)} ${f.unit} | ${f.target ?? ''} | ${ref} | ${pass} |`);
  }
  return rows.join('\n');
}

// Several benchmarks: each runs in its own Node process, one after the other, so that none measures what an
// earlier one left behind (a heap of a million rows, pools, timers, a background sequencer).
if (names.length > 1 && !fromResults) {
  const crashed: string[] = [];
  for (const name of names) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name, ...args.filter((a) => a.startsWith('--'))], { stdio: 'inherit' });
    if (child.status !== 0) crashed.push(name);
  }
  if (crashed.length) console.error(`\nbenchmark(s) that failed to run: ${crashed.join(', ')}`);
  process.exit(crashed.length ? 1 : 0);
}

await mkdir(new URL('./results/', import.meta.url), { recursive: true });
let failed = 0;
for (const name of names) {
  console.log(`\n## ${name}\n`);
  // --from-results: the figures of the last run (bench/results/<name>.json), e.g. to write them into the docs.
  const saved = fromResults ? (JSON.parse(await readFile(new URL(`./results/${name}.json`, import.meta.url), 'utf8')) as BenchResult & { machine: string; date: string }) : undefined;
  const result: BenchResult = saved ?? (await ((await import(`./${name}/index.ts`)) as { default: Bench }).default({ args, log: (l) => console.log(`  ${l}`) }));
  const text = table(result);
  console.log(text);
  for (const n of result.notes ?? []) console.log(`- ${n}`);
  failed += result.figures.filter((f) => f.pass === false).length;
  const stamp = saved?.date ?? new Date().toISOString();
  const ranOn = saved?.machine ?? machine();
  if (!saved) {
    await writeFile(new URL(`./results/${name}.json`, import.meta.url), JSON.stringify({ ...result, machine: ranOn, date: stamp }, null, 2));
  }
  if (writeDocs) {
    const docPath = new URL('../docs/benchmarks.md', import.meta.url);
    const doc = await readFile(docPath, 'utf8').catch(() => '# Benchmarks\n');
    const section = [
      `<!-- bench:${name} -->`,
      `### ${name}`,
      '',
      `Run ${stamp.slice(0, 10)} on ${ranOn}.`,
      '',
      text,
      ...(result.notes?.length ? ['', ...result.notes.map((n) => `- ${n}`)] : []),
      `<!-- /bench:${name} -->`,
    ].join('\n');
    const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
    await writeFile(docPath, re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`);
  }
}
console.log(failed ? `\n${failed} figure(s) missed their target.` : '\nAll figures met their targets.');
