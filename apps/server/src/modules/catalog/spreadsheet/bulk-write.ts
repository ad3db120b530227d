// Writing many imported records in one transaction: rows and their first versions go in as multi-row inserts
// (500 a statement), each version with its own ledger entry. The import itself is the audited action
// (one audit record naming the file and every record it created), not each of its rows.
import type { Orm } from '../../../platform/db/database.ts';
import type { OrganizationFacts } from '../deps.ts';
import { lotSearchText, type CleanLot } from '../lot-rules.ts';
import type { PlaceInput, ProductInput } from '../model.ts';
import { CODE_PREFIX, placeValues } from '../place-rules.ts';
import { productValues } from '../product-rules.ts';
import { lots, places, products, type LotRow, type PlaceRow, type ProductRow } from '../tables.ts';
import { recordVersionsInBulk } from '../versions.ts';

const CHUNK = 500;

async function inChunks<T, R>(items: readonly T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await fn(items.slice(i, i + CHUNK))));
  return out;
}

const placement = (org: OrganizationFacts) => ({ organizationId: org.id, orgCommuneId: org.communeId, orgSectors: [...org.sectors] });

export async function insertProducts(tx: Orm, org: OrganizationFacts, items: readonly { input: ProductInput; gtin: string | null; publish: boolean }[], now: Date, by: string): Promise<ProductRow[]> {
  const rowsIn = items.map((i) => ({
    ...productValues(i.input, i.gtin),
    ...placement(org),
    status: i.publish ? ('published' as const) : ('draft' as const),
    publishedAt: i.publish ? now : null,
    version: 1,
    images: [],
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  }));
  const created = await inChunks(rowsIn, (chunk) => tx.insert(products).values(chunk).returning());
  await recordVersionsInBulk(tx, 'product.version', created, by);
  return created;
}

/** Generated codes continue each kind's numbering ("VT-007" after "VT-006") without clashing with given ones. */
export async function insertPlaces(tx: Orm, org: OrganizationFacts, inputs: readonly PlaceInput[], existingCodes: ReadonlySet<string>, now: Date, by: string): Promise<PlaceRow[]> {
  const taken = new Set([...existingCodes, ...inputs.map((i) => i.internalCode?.trim()).filter((c): c is string => Boolean(c))]);
  const next = new Map<string, number>();
  const codeFor = (input: PlaceInput): string => {
    const given = input.internalCode?.trim();
    if (given) return given;
    const prefix = CODE_PREFIX[input.kind];
    for (let n = next.get(prefix) ?? 1; ; n++) {
      const code = `${prefix}-${String(n).padStart(3, '0')}`;
      if (!taken.has(code)) {
        taken.add(code);
        next.set(prefix, n + 1);
        return code;
      }
    }
  };
  const rowsIn = inputs.map((i) => ({ ...placeValues(i, codeFor(i)), ...placement(org), version: 1, archived: false, createdAt: now, updatedAt: now }));
  const created = await inChunks(rowsIn, (chunk) => tx.insert(places).values(chunk).returning());
  await recordVersionsInBulk(tx, 'place.version', created, by);
  return created;
}

export interface LotToInsert {
  readonly product: { id: string; version: number; unit: string; nameVi: string };
  readonly clean: CleanLot;
  readonly origin: { id: string; version: number } | null;
}

export async function insertLots(tx: Orm, org: OrganizationFacts, items: readonly LotToInsert[], now: Date, by: string): Promise<LotRow[]> {
  const rowsIn = items.map(({ product, clean, origin }) => ({
    ...clean,
    ...placement(org),
    version: 1,
    productId: product.id,
    productVersion: product.version,
    unit: clean.unit ?? product.unit,
    originPlaceId: origin?.id ?? null,
    originPlaceVersion: origin?.version ?? null,
    search: lotSearchText(clean.lotCode, product.nameVi),
    createdAt: now,
    updatedAt: now,
  }));
  const created = await inChunks(rowsIn, (chunk) => tx.insert(lots).values(chunk).returning());
  await recordVersionsInBulk(tx, 'lot.version', created, by);
  return created;
}
