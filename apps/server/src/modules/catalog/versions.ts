// Master-data history. Every new product or place version is kept as a row and recorded in the transparency
// ledger in the same transaction (platform/ledger/ledger-entry.ts), so a version that exists is eventually
// logged and a logged version always exists. Lots are versioned the same way (`lot.version`).
import type { Orm } from '../../platform/db/database.ts';
import { contentHash, recordInLedger, recordManyInLedger } from '../../platform/ledger/ledger-entry.ts';
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

/**
 * Many first versions at once (spreadsheet imports): version rows and ledger entries as multi-row inserts. The
 * ledger entries are recordManyInLedger's (exactly what `recordInLedger` enqueues), 500 a statement, because one
 * statement per record made a 9,000-row import take minutes.
 */
export async function recordVersionsInBulk(tx: Orm, kind: 'product.version' | 'place.version' | 'lot.version', rowsIn: readonly (ProductRow | PlaceRow | LotRow)[], recordedBy: string): Promise<void> {
  for (let i = 0; i < rowsIn.length; i += 500) {
    const chunk = rowsIn.slice(i, i + 500);
    const entries = chunk.map((row) => {
      const content = kind === 'product.version' ? productPublicContent(row as ProductRow) : kind === 'place.version' ? placePublicContent(row as PlaceRow) : lotPublicContent(row as LotRow);
      const sha256 = contentHash(content);
      return { row, content, sha256, id: `${row.id}@${row.version}` };
    });
    if (kind === 'product.version') await tx.insert(productVersions).values(entries.map((e) => ({ productId: e.row.id, version: e.row.version, content: e.content, contentSha256: e.sha256, recordedBy })));
    if (kind === 'place.version') await tx.insert(placeVersions).values(entries.map((e) => ({ placeId: e.row.id, version: e.row.version, content: e.content, contentSha256: e.sha256, recordedBy })));
    await recordManyInLedger(tx, entries.map((e) => ({ kind, id: e.id, sha256: e.sha256, organizationId: e.row.organizationId })));
  }
}
