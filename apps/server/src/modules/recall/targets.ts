// What a recall names, read into identities and the producer they belong to: lots and items in any GS1 form (or
// this installation's lot URIs), or a product's lots made in a date range (by production, else harvest date).
// The producer is the catalog owner of the lot or product, else whoever recorded the goods first.
import type { Orm } from '../../platform/db/database.ts';
import { AppError, CommonErrors, notFound, type FieldProblem } from '../../platform/errors.ts';
import { describeCanonical, firstRecorder, identifierFault, parseTraceIdentifier, type Directory, type OrganizationInfo, type ProductInfo, type TraceService } from '../trace/index.ts';
import type { Criteria } from './model.ts';
import { RecallErrors } from './messages.ts';

export interface ResolvedTargets {
  readonly targets: readonly string[];
  readonly owner: OrganizationInfo;
  /** The recalled product, for notices (the first target's). */
  readonly product: ProductInfo | null;
}

const GOODS = new Set(['item', 'lot', 'product', 'shipment', 'asset', 'other']);

export async function resolveTargets(deps: { db: Orm; directory: Directory; trace: TraceService }, criteria: Criteria): Promise<ResolvedTargets> {
  const { db, directory, trace } = deps;
  if (criteria.productId) {
    const product = (await directory.productsById([criteria.productId])).get(criteria.productId);
    if (!product) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/targets/productId', code: RecallErrors.RECALL_TARGET_UNKNOWN, params: { input: criteria.productId } }]);
    const lots = await directory.lotsOfProduct(product.id, criteria.from ?? null, criteria.to ?? null);
    if (!lots.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/targets/from', code: RecallErrors.RECALL_NO_LOTS_IN_RANGE }]);
    return { targets: lots.map((l) => trace.lotIdentity(product, l)), owner: await ownerInfo(directory, product.organizationId), product };
  }
  const ids = criteria.ids ?? [];
  if (!ids.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, [{ pointer: '/targets', code: RecallErrors.RECALL_TARGETS_REQUIRED }]);
  const problems: FieldProblem[] = [];
  const canonical: string[] = [];
  ids.forEach((input, i) => {
    const fault = identifierFault(input);
    if (fault) return void problems.push({ pointer: `/targets/ids/${i}`, code: fault.code, params: fault.params });
    const id = (parseTraceIdentifier(input) as { ok: true; value: { canonical: string; kind: string } }).value;
    if (!GOODS.has(id.kind)) return void problems.push({ pointer: `/targets/ids/${i}`, code: RecallErrors.RECALL_TARGET_NOT_GOODS, params: { input } });
    canonical.push(id.canonical);
  });
  if (problems.length) throw new AppError('invalid', CommonErrors.VALIDATION_FAILED, {}, problems);
  const targets = [...new Set(canonical)];
  const owners = new Map<string, string>();
  let product: ProductInfo | null = null;
  for (const [i, id] of targets.entries()) {
    const found = await ownerOf(db, directory, id);
    if (!found) throw notFound(RecallErrors.RECALL_TARGET_UNKNOWN, { input: ids[i] ?? id });
    owners.set(id, found.owner);
    product ??= found.product;
  }
  const distinct = new Set(owners.values());
  if (distinct.size > 1) throw new AppError('invalid', RecallErrors.RECALL_MANY_PRODUCERS);
  return { targets, owner: await ownerInfo(directory, [...distinct][0]!), product };
}

async function ownerInfo(directory: Directory, id: string): Promise<OrganizationInfo> {
  const org = (await directory.organizationsById([id])).get(id);
  if (!org) throw notFound(RecallErrors.RECALL_TARGET_UNKNOWN, { input: id });
  return org;
}

async function ownerOf(db: Orm, directory: Directory, id: string): Promise<{ owner: string; product: ProductInfo | null } | null> {
  const d = describeCanonical(id);
  const lotId = directory.lotIdOfUri(id);
  if (lotId) {
    const lot = (await directory.lotsBy([], [lotId]))[0];
    if (lot) return { owner: lot.organizationId, product: (await directory.productsById([lot.productId])).get(lot.productId) ?? null };
  }
  const product = d.gtin ? ((await directory.productsByGtin([d.gtin])).get(d.gtin) ?? null) : null;
  if (product && d.lot !== undefined) {
    const lot = (await directory.lotsBy([{ productId: product.id, lotCode: d.lot }], []))[0];
    if (lot) return { owner: lot.organizationId, product };
  }
  const recorder = await firstRecorder(db, id);
  if (recorder) return { owner: recorder, product };
  return product ? { owner: product.organizationId, product } : null;
}
