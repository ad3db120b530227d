// `npm run bench -- catalog [--rows=N] [--products=N] [--search-only | --import-only] [--pg-statements]`, on PostgreSQL
// (apps/server/test/postgres-server.ts); `--rows=5000 --import-only` makes a quick before/after comparison:
// - import of a 50,000-row farm-diary spreadsheet, upload to committed (rows/s; target ≥ 2,000), beside the
//   rate at which exceljs alone reads the same file;
// - search latency at 100,000 products through HTTP (GET /search, diacritic-free queries; p99 target ≤ 30 ms).
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { computeCheckDigit } from '@txng/gs1';
import { rows as sqlRows } from '../../apps/server/src/platform/db/database.ts';
import { foldForSearch } from '../../apps/server/src/platform/text/fold.ts';
import { readXlsx } from '../../apps/server/src/modules/catalog/spreadsheet/read-xlsx.ts';
import { atLeast, atMost, percentile, type Bench, type Figure } from '../types.ts';
import { postgresCpuSeconds } from '../lib/postgres-cpu.ts';
import { startBenchSystem, type BenchSystem } from './setup.ts';

function option(args: string[], name: string, fallback: number): number {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** CPU seconds (user + system) this process spent since `since` (the in-process server; PostgreSQL is apart). */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

const STEPS = ['Tưới nước', 'Bón phân', 'Phun thuốc bảo vệ thực vật', 'Phân loại'];

async function diarySpreadsheet(rows: number, lots: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhật ký');
  ws.addRow(['Sản phẩm (GTIN hoặc tên) *', 'Mã lô *', 'Công đoạn *', 'Thời gian *', 'Mã địa điểm', 'Vật tư, thuốc', 'Liều lượng', 'Đơn vị liều', 'Thời gian cách ly (ngày)', 'Ghi chú']);
  const start = Date.UTC(2026, 0, 5);
  for (let i = 0; i < rows; i++) {
    const kind = STEPS[i % STEPS.length]!;
    const when = new Date(start + i * 300_000);
    const stamp = `${String(when.getUTCDate()).padStart(2, '0')}/${String(when.getUTCMonth() + 1).padStart(2, '0')}/${when.getUTCFullYear()} ${String(when.getUTCHours()).padStart(2, '0')}:${String(when.getUTCMinutes()).padStart(2, '0')}`;
    const input = kind === 'Bón phân' ? ['NPK 16-16-8', 2, 'kg/cây', null] : kind.startsWith('Phun') ? ['Abamectin 3.6EC', 20, 'ml/bình 16 lít', 7] : [null, null, null, null];
    ws.addRow(['Xoài tròn Yên Châu', `XY-${String(i % lots).padStart(3, '0')}`, kind, stamp, 'VT-001', ...input, `Hàng ${i + 1}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function benchImport(b: BenchSystem, rows: number, log: (l: string) => void, args: string[]): Promise<Figure[]> {
  const { catalog } = b.system.services;
  const place = await catalog.places.create(b.coop, { kind: 'planting_area', name: 'Vùng trồng xoài bản Nà Khái', communeId: 46, plantingAreaCode: 'VN-SLOR-0012', areaHa: 20 });
  const body = `893699999${'001'}`;
  const product = await catalog.products.create(b.coop, { gtin: body + computeCheckDigit(body), nameVi: 'Xoài tròn Yên Châu', category: 'fresh_fruit', unit: 'kg', originPlaceId: place.id });
  const lots = 100;
  for (let i = 0; i < lots; i++) await catalog.lots.create(b.coop, { productId: product.id, lotCode: `XY-${String(i).padStart(3, '0')}`, originPlaceId: place.id });
  const file = await diarySpreadsheet(rows, lots);
  log(`diary spreadsheet: ${rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MiB`);

  const readStart = performance.now();
  const readCpu = process.cpuUsage();
  const parsed = await readXlsx(file, ['Nhật ký']);
  const readSeconds = (performance.now() - readStart) / 1000;
  const readCpuSeconds = cpuSeconds(readCpu);
  if (!parsed.ok) throw new Error('unreadable bench file');

  if (args.includes('--pg-statements')) await b.db.orm.execute(sql`select pg_stat_statements_reset()`);
  const pg0 = await postgresCpuSeconds(b.db.orm);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const started = await catalog.imports.start(b.coop, 'diary', { fileName: 'nhat-ky.xlsx', bytes: file });
  while ((await catalog.imports.get(b.coop, started.id)).row.status === 'validating') await b.system.jobs.runOnce();
  const validated = (await catalog.imports.get(b.coop, started.id)).row;
  if (validated.validRows !== rows) throw new Error(`expected ${rows} valid rows, got ${validated.validRows}: ${JSON.stringify(validated.report?.errors.slice(0, 3))}`);
  const t1 = performance.now();
  const cpu1 = cpuSeconds(cpu0);
  const pg1 = await postgresCpuSeconds(b.db.orm);
  const cpuCommit = process.cpuUsage();
  await catalog.imports.commit(b.coop, started.id, 'all-or-nothing');
  while ((await catalog.imports.get(b.coop, started.id)).row.status === 'committing') await b.system.jobs.runOnce();
  const t2 = performance.now();
  const cpu2 = cpuSeconds(cpuCommit);
  const pg2 = await postgresCpuSeconds(b.db.orm);
  const done = (await catalog.imports.get(b.coop, started.id)).row;
  if (done.status !== 'committed' || done.committedRows !== rows) throw new Error(`import ended ${done.status} with ${done.committedRows} rows`);
  if (args.includes('--pg-statements')) {
    const top = await sqlRows<{ ms: number; calls: number; query: string }>(b.db.orm, sql`select round(total_exec_time)::int as ms, calls::int, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 110) as query from pg_stat_statements order by total_exec_time desc limit 12`);
    for (const t of top) log(`${String(t.ms).padStart(6)} ms ${String(t.calls).padStart(5)}× ${t.query}`);
  }
  const [events] = await sqlRows<{ n: number }>(b.db.orm, sql`select count(*)::int as n from epcis.events`);
  const seconds = (t2 - t0) / 1000;
  const rate = rows / seconds;
  log(`exceljs alone read the file in ${readSeconds.toFixed(2)} s (${readCpuSeconds.toFixed(2)} s CPU)`);
  log(`validated in ${((t1 - t0) / 1000).toFixed(1)} s (CPU: server ${cpu1.toFixed(1)} s, PostgreSQL ${(pg1 - pg0).toFixed(1)} s), committed in ${((t2 - t1) / 1000).toFixed(1)} s (CPU: server ${cpu2.toFixed(1)} s, PostgreSQL ${(pg2 - pg1).toFixed(1)} s); ${events!.n} EPCIS events stored`);
  return [
    {
      metric: `diary import, ${rows.toLocaleString('en-US')} rows, upload → committed`,
      value: rate,
      unit: 'rows/s',
      ...atLeast(rate, 2000),
      reference: { label: 'exceljs reading the same file alone', value: rows / readSeconds, unit: 'rows/s' },
      note: `${seconds.toFixed(1)} s: checking ${((t1 - t0) / 1000).toFixed(1)} s, writing steps + EPCIS events ${((t2 - t1) / 1000).toFixed(1)} s`,
    },
  ];
}

const WORDS = ['Xoài tròn', 'Nhãn', 'Cà phê arabica', 'Chè Shan tuyết', 'Mận hậu', 'Bơ sáp', 'Chanh leo', 'Mật ong hoa ban', 'Sữa tươi', 'Gạo nếp', 'Măng khô', 'Thịt trâu gác bếp', 'Cam', 'Rau an toàn', 'Miến dong'];
const PLACES = ['Yên Châu', 'Sông Mã', 'Mộc Châu', 'Mai Sơn', 'Thuận Châu', 'Bắc Yên', 'Phù Yên', 'Vân Hồ', 'Mường La', 'Quỳnh Nhai', 'Sốp Cộp', 'Tô Múa'];
const STYLES = ['tươi', 'sấy dẻo', 'rang xay', 'hữu cơ', 'loại 1', 'đặc sản', 'hộp quà', 'túi 500 g'];

async function benchSearch(b: BenchSystem, count: number, log: (l: string) => void): Promise<Figure[]> {
  // 100,000 products of many organisations, inserted in bulk (the fixture, not the API, is what is not measured).
  // One in five is a draft, chosen independently of the product word, so every word has published products.
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(`${WORDS[i % WORDS.length]} ${PLACES[Math.floor(i / WORDS.length) % PLACES.length]} ${STYLES[Math.floor(i / (WORDS.length * PLACES.length)) % STYLES.length]} ${i}`);
  for (let i = 0; i < names.length; i += 5000) {
    const chunk = names.slice(i, i + 5000);
    const values = chunk.map((n, j) => sql`(gen_random_uuid(), ${46 + ((i + j) % 20)}, '{agriculture-environment}', ${Math.floor((i + j) / 7) % 5 === 0 ? 'draft' : 'published'}, ${n}, 'fresh_fruit', 'kg', ${foldForSearch(n)}, ${(i + j) % 7 === 0 ? 4 : null})`);
    await b.db.orm.execute(sql`insert into catalog.products (organization_id, org_commune_id, org_sectors, status, name_vi, category, unit, search, ocop_stars) values ${sql.join(values, sql`, `)}`);
  }
  await b.db.orm.execute(sql`analyze catalog.products`);
  log(`${count} products inserted`);
  const queries = ['xoai yen chau', 'ca phe rang xay mai son', 'che shan tuyet moc chau', 'nhan say', 'mat ong hoa ban bac yen', 'sua tuoi', 'thit trau gac bep', 'cam phu yen huu co', 'mang kho', 'xoai'];
  const timeOne = async (q: string) => {
    const t = performance.now();
    const res = await b.system.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
    if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 100; i++) await timeOne(queries[i % queries.length]!);
  const sample: number[] = [];
  for (let i = 0; i < 2000; i++) sample.push(await timeOne(queries[i % queries.length]!));
  const ref: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = performance.now();
    await b.db.orm.execute(sql`select 1`);
    ref.push(performance.now() - t);
  }
  const p99 = percentile(sample, 99);
  return [
    { metric: `search latency at ${count.toLocaleString('en-US')} products, p99 (HTTP inject, anonymous, 10 diacritic-free queries, 2,000 requests)`, value: p99, unit: 'ms', ...atMost(p99, 30), reference: { label: 'one `select 1` round trip, p99', value: percentile(ref, 99), unit: 'ms' }, note: `p50 ${percentile(sample, 50).toFixed(2)} ms` },
  ];
}

const bench: Bench = async ({ args, log }) => {
  const rows = option(args, 'rows', 50_000);
  const products = option(args, 'products', 100_000);
  const statements = args.includes('--pg-statements');
  const b = await startBenchSystem({ statements });
  if (statements) await b.db.orm.execute(sql`create extension if not exists pg_stat_statements`);
  try {
    log(`PostgreSQL ${b.postgres.version}`);
    const figures = [...(args.includes('--search-only') ? [] : await benchImport(b, rows, log, args)), ...(args.includes('--import-only') ? [] : await benchSearch(b, products, log))];
    return {
      name: 'catalog',
      figures,
      notes: [
        'On a throw-away PostgreSQL (apps/server/test/postgres-server.ts: fsync off, as for tests) on the same machine; the whole server runs in-process and is reached through Fastify inject.',
        'Diary import: an XLSX of farm steps (irrigation, fertilising, spraying with dose and pre-harvest interval, sorting) over 100 lots; every row is checked (cells, lot and place references, times, planting order) in a job, then checked again (from the rows kept at the first check, not by unpacking the file again) and written in one transaction, 1,000 rows a chunk, the events of the next chunk checked while the last is written: a diary step row and an EPCIS 2.0 event (schema + semantic validation, CBV hash, index rows) per spreadsheet row, and the ledger entries the epcis module makes. The log lines give the CPU seconds of the server process and of PostgreSQL per phase.',
        'Search: pg_trgm GIN index on the folded search column; every query word must occur; results ranked by trigram similarity; 20 % of products are drafts (invisible to the anonymous caller).',
      ],
    };
  } finally {
    await b.close();
  }
};

export default bench;
