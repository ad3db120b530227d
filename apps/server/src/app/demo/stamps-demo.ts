// Demo stamps, so a first `npm start` has stamps a phone can scan: the Xoài Hương cooperative requests 24
// anti-counterfeit stamps for its mango lot (after adding the product photo the law asks for), the province
// administrator approves them, they are issued, printed (a PDF and a ZIP in the data folder) and 20 are
// activated on the lot; 4 stay printed but inactive, to show that page too. Everything goes through the real
// services and the job runner.
import { writeFileSync, createWriteStream, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import type { Config } from '../../config/config.ts';
import type { UserActor } from '../../platform/auth/actor.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { System } from '../system.ts';

const ORG_ADMIN = 'hung@xoaihuong.example';
const PROVINCE_ADMIN = 'quantri@skhcn.sonla.example';
const CODES_FILE = 'demo-stamps.csv';

export async function contextOfDemoUser(system: System, email: string): Promise<RequestContext> {
  const u = (await system.services.users.findByEmail(email))!;
  const actor: UserActor = {
    type: 'user', userId: u.id, email: u.email, role: u.role, organizationId: u.organizationId,
    scope: { sector: u.scopeSector, communeId: u.scopeCommuneId, departmentCode: u.departmentCode }, sessionId: 'demo-seed', mfaSatisfied: true,
  };
  return { actor, requestId: 'demo-seed', clientHash: null, lang: 'vi' };
}

export async function seedStampsDemo(system: System, config: Config): Promise<void> {
  const { catalog, stamps } = system.services;
  const org = await contextOfDemoUser(system, ORG_ADMIN);
  const [mango] = (await catalog.products.list(org, { q: 'Xoài tròn Yên Châu', limit: 1, offset: 0 })).items;
  const [lot] = mango ? (await catalog.lots.list(org, { productId: mango.id, limit: 1, offset: 0 })).items : [];
  if (!mango || !lot) return;
  if (mango.images.length === 0) {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 236, g: 178, b: 38 } } }).jpeg().toBuffer();
    await catalog.files.addProductImage(org, mango.id, { fileName: 'xoai-tron-yen-chau.jpg', bytes: photo });
  }
  const request = await stamps.requests.create(org, { productId: mango.id, lotId: lot.id, quantity: 24, kind: 'qr_code', layout: { preset: 'a4-24' }, note: 'Tem cho lô xoài đầu vụ' });
  try {
    await stamps.requests.approve(await contextOfDemoUser(system, PROVINCE_ADMIN), request.id);
  } catch (err) {
    console.warn(`demo stamps not approved: ${(err as Error).message}`);
    return;
  }
  for (let i = 0; i < 20 && (await system.jobs.runOnce()); i++);
  const zip = await stamps.print.print(org, request.id, { format: 'zip', from: 1, to: 6 });
  const zipPath = path.join(config.dataDir, 'demo-stamps-1-6.zip');
  await zip.write(createWriteStream(zipPath));
  const csv = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(zipPath)))['stamps.csv']);
  writeFileSync(path.join(config.dataDir, CODES_FILE), csv);
  const pdf = await stamps.print.print(org, request.id, { format: 'pdf', from: 7, to: 24 });
  await pdf.write(createWriteStream(path.join(config.dataDir, 'demo-stamps-7-24.pdf')));
  await stamps.lifecycle.activate(org, lot.id, { range: { requestId: request.id, from: 1, to: 20 } });
}

/** Banner lines: a few demo stamp URIs to scan or open, with their scratch-off codes (demo only). */
export function stampsDemoBanner(config: Config): string {
  const file = path.join(config.dataDir, CODES_FILE);
  if (!existsSync(file)) return '';
  const rows = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1, 4).map((l) => l.split(','));
  return [
    ' Demo stamps (open on a phone, or scan the PDF/ZIP in the data folder); scratch-off codes:',
    ...rows.map((r) => `   ${r[3]}   code ${r[4]}`),
    `   Inactive stamps (printed, not activated): numbers 21–24 in ${path.join(config.dataDir, 'demo-stamps-7-24.pdf')}`,
    '',
  ].join('\n');
}
