// Per list: how a valid row is checked against stored data (the API's own rules) and how the checked rows are
// written (in bulk, each record with its first version and ledger entry, as the API writes them).
import type { Orm } from '../../../platform/db/database.ts';
import type { FieldProblem } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/request-context.ts';
import type { CommuneDirectory } from '../deps.ts';
import { CatalogErrors } from '../messages.ts';
import type { LotInput, PlaceInput, ProductInput } from '../model.ts';
import { lotFieldProblems } from '../lot-rules.ts';
import { placeProblems } from '../place-rules.ts';
import { productFieldProblems } from '../product-rules.ts';
import { actorLabel } from '../deps.ts';
import { insertLots, insertPlaces, insertProducts } from './bulk-write.ts';
import type { ImportContext } from './import-context.ts';
import { LOT_LIST, PLACE_LIST, PRODUCT_LIST, type ListDefinition } from './lists.ts';

export interface ListHandler<I> {
  readonly definition: ListDefinition<never, I>;
  check(input: I, ictx: ImportContext): Promise<FieldProblem[]>;
  /** Writes all given (already checked) inputs; returns the ids created. */
  writeAll(tx: Orm, ctx: RequestContext, inputs: readonly I[], ictx: ImportContext): Promise<string[]>;
}

export interface HandlerDeps {
  readonly communes: CommuneDirectory;
  readonly today: () => string;
  readonly now: () => Date;
}

export function listHandlers(deps: HandlerDeps) {
  const product: ListHandler<ProductInput & { publish?: boolean }> = {
    definition: PRODUCT_LIST as unknown as ListDefinition<never, ProductInput & { publish?: boolean }>,
    async check(input, ictx) {
      const { problems, gtin } = productFieldProblems(input, ictx.org);
      if (gtin && ictx.existingGtins.has(gtin)) problems.push({ pointer: '/gtin', code: CatalogErrors.CATALOG_GTIN_TAKEN, params: { gtin } });
      return problems;
    },
    async writeAll(tx, ctx, inputs, ictx) {
      const items = inputs.map(({ publish, ...input }) => ({ input, gtin: productFieldProblems(input, ictx.org).gtin ?? null, publish: publish === true }));
      return (await insertProducts(tx, ictx.org, items, deps.now(), actorLabel(ctx.actor))).map((r) => r.id);
    },
  };

  const place: ListHandler<PlaceInput> = {
    definition: PLACE_LIST as unknown as ListDefinition<never, PlaceInput>,
    async check(input, ictx) {
      const problems = await placeProblems(input, ictx.org, deps.communes);
      if (input.internalCode && ictx.existingPlaceCodes.has(input.internalCode.trim())) {
        problems.push({ pointer: '/internalCode', code: CatalogErrors.CATALOG_PLACE_CODE_TAKEN, params: { code: input.internalCode.trim() } });
      }
      if (input.gln && problems.length === 0 && (await ictx.glnTaken(input.gln, input.glnExtension ?? null))) problems.push({ pointer: '/gln', code: CatalogErrors.CATALOG_GLN_TAKEN, params: { gln: input.gln } });
      return problems;
    },
    async writeAll(tx, ctx, inputs, ictx) {
      return (await insertPlaces(tx, ictx.org, inputs, ictx.existingPlaceCodes, deps.now(), actorLabel(ctx.actor))).map((r) => r.id);
    },
  };

  const lot: ListHandler<LotInput> = {
    definition: LOT_LIST as unknown as ListDefinition<never, LotInput>,
    async check(input, ictx) {
      const { problems, clean } = lotFieldProblems(input, deps.today());
      if (ictx.existingLots.has(`lot:${input.productId}:${clean.lotCode}`)) problems.push({ pointer: '/lotCode', code: CatalogErrors.CATALOG_LOT_CODE_TAKEN, params: { lotCode: clean.lotCode } });
      return problems;
    },
    async writeAll(tx, ctx, inputs, ictx) {
      const items = inputs.map((input) => {
        const origin = input.originPlaceId ? ictx.placeById(input.originPlaceId) : undefined;
        return { product: ictx.productById(input.productId)!, clean: lotFieldProblems(input, deps.today()).clean, origin: origin ? { id: origin.id, version: origin.version } : null };
      });
      return (await insertLots(tx, ictx.org, items, deps.now(), actorLabel(ctx.actor))).map((r) => r.id);
    },
  };

  return { products: product, places: place, lots: lot } as Record<'products' | 'places' | 'lots', ListHandler<unknown>>;
}
