// Master-data history. Every new product or place version is kept as a row and recorded in the transparency
// ledger in the same transaction (platform/ledger/ledger-entry.ts), so a version that exists is eventually
// logged and a logged version always exists. Lots are versioned the same way (`lot.version`).
import type { Orm } from '../../platform/db/database.ts';
import { contentHash, recordInLedger } from '../../platform/ledger/ledger-entry.ts';
import { lotPublicContent, placePublicContent, productPublicContent } from './presenter.ts';
import { placeVersions, productVersions, type LotRow, type PlaceRow, type ProductRow } from './tables.ts';

export async function recordProductVersion(tx: Orm, row: ProductRow, recordedBy: string): Promise<void> {
  const content = productPublicContent(row);
  const sha256 = contentHash(content);
  await tx.insert(productVersions).values({ productId: row.id, version: row.version, content, contentSha256: sha256, recordedBy });
  await recordInLedger(tx, { kind: 'product.version', id: `${row.id}@${row.version}`, sha256, organizationId: row.organizationId });
}

export async function recordPlaceVersion(tx: Orm, row: PlaceRow, recordedBy: string): Promise<void> {
  const content = placePublicContent(row);
  const sha256 = contentHash(content);
  await tx.insert(placeVersions).values({ placeId: row.id, version: row.version, content, contentSha256: sha256, recordedBy });
  await recordInLedger(tx, { kind: 'place.version', id: `${row.id}@${row.version}`, sha256, organizationId: row.organizationId });
}

export async function recordLotVersion(tx: Orm, row: LotRow): Promise<void> {
  await recordInLedger(tx, { kind: 'lot.version', id: `${row.id}@${row.version}`, content: lotPublicContent(row), organizationId: row.organizationId });
}
