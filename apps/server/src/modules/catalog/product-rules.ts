// Turning a product as entered (form, API, spreadsheet row) into stored values, and every reason it cannot be
// stored, each with the JSON pointer of its field. Used by the service and by the importer, so that both refuse
// the same things with the same words.
import { inArray, and, eq } from 'drizzle-orm';
import type { Orm } from '../../platform/db/database.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/text/fold.ts';
import type { OrganizationFacts } from './deps.ts';
import { CatalogErrors } from './messages.ts';
import type { ProductInput } from './model.ts';
import { files, places, type ProductRow } from './tables.ts';
import { checkGtin } from './validation.ts';

const text = (v: string | null | undefined): string | null => {
  const t = v?.normalize('NFC').trim();
  return t ? t : null;
};

export type ProductValues = Omit<ProductRow, 'id' | 'organizationId' | 'orgCommuneId' | 'orgSectors' | 'status' | 'version' | 'images' | 'createdBy' | 'createdAt' | 'updatedAt' | 'publishedAt'>;

/** Field problems that need no database (formats, check digits, date order). */
export function productFieldProblems(input: Partial<ProductInput>, org: Pick<OrganizationFacts, 'gs1CompanyPrefix'>): { problems: FieldProblem[]; gtin: string | null | undefined } {
  const problems: FieldProblem[] = [];
  let gtin: string | null | undefined = input.gtin === undefined ? undefined : null;
  if (input.gtin) {
    const checked = checkGtin(input.gtin, org.gs1CompanyPrefix);
    if ('gtin' in checked) gtin = checked.gtin;
    else problems.push({ pointer: '/gtin', code: checked.code, params: checked.params ?? {} });
  }
  input.certifications?.forEach((c, i) => {
    if (c.kind === 'other' && !text(c.name)) problems.push({ pointer: `/certifications/${i}/name`, code: CatalogErrors.CATALOG_OTHER_NAME_REQUIRED });
    if (c.validFrom && c.validTo && c.validTo < c.validFrom) problems.push({ pointer: `/certifications/${i}/validTo`, code: CatalogErrors.CATALOG_VALIDITY_ORDER });
  });
  return { problems, gtin };
}

/** Problems that need the database: the origin place and attached files must belong to the organisation. */
export async function productReferenceProblems(tx: Orm, organizationId: string, input: Partial<ProductInput>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.originPlaceId) {
    const [place] = await tx.select({ id: places.id }).from(places).where(and(eq(places.id, input.originPlaceId), eq(places.organizationId, organizationId)));
    if (!place) problems.push({ pointer: '/originPlaceId', code: CatalogErrors.CATALOG_ORIGIN_PLACE_UNKNOWN });
  }
  const fileIds = (input.certifications ?? []).map((c, i) => [c.fileId, i] as const).filter((x): x is readonly [string, number] => Boolean(x[0]));
  if (fileIds.length) {
    const found = await tx
      .select({ id: files.id })
      .from(files)
      .where(and(inArray(files.id, fileIds.map(([id]) => id)), eq(files.organizationId, organizationId)));
    const ok = new Set(found.map((f) => f.id));
    for (const [id, i] of fileIds) if (!ok.has(id)) problems.push({ pointer: `/certifications/${i}/fileId`, code: CatalogErrors.CATALOG_FILE_UNKNOWN });
  }
  return problems;
}

/** The stored values of a full product input (create, or a patch merged onto the current product). */
export function productValues(input: ProductInput, gtin: string | null): ProductValues {
  const nameVi = input.nameVi.normalize('NFC').trim();
  const nameEn = text(input.nameEn);
  const brand = text(input.brand);
  const trademark = text(input.trademark);
  const modelCode = text(input.modelCode);
  const markName = input.protectedMark ? input.protectedMark.name.normalize('NFC').trim() : null;
  return {
    gtin,
    nameVi,
    nameEn,
    descriptionVi: text(input.descriptionVi),
    descriptionEn: text(input.descriptionEn),
    category: input.category,
    sector: input.sector ?? null,
    unit: input.unit.normalize('NFC').trim(),
    shelfLifeDays: input.shelfLifeDays ?? null,
    brand,
    trademark,
    modelCode,
    standards: (input.standards ?? []).map((s) => ({ kind: s.kind, code: s.code.normalize('NFC').trim(), title: text(s.title) })),
    certifications: (input.certifications ?? []).map((c) => ({
      kind: c.kind,
      name: text(c.name),
      number: c.number.normalize('NFC').trim(),
      issuer: c.issuer.normalize('NFC').trim(),
      validFrom: c.validFrom ?? null,
      validTo: c.validTo ?? null,
      fileId: c.fileId ?? null,
    })),
    ocopStars: input.ocop?.stars ?? null,
    ocopCertificateNumber: text(input.ocop?.certificateNumber),
    ocopDecision: text(input.ocop?.decision),
    ocopExpiresOn: input.ocop?.expiresOn ?? null,
    protectedMarkKind: input.protectedMark?.kind ?? null,
    protectedMarkName: markName,
    keyProduct: input.keyProduct ?? false,
    riskClass: input.riskClass ?? null,
    safetyWarnings: text(input.safetyWarnings),
    originPlaceId: input.originPlaceId ?? null,
    search: foldForSearch([nameVi, nameEn, brand, trademark, modelCode, markName, gtin].filter(Boolean).join(' ')),
  };
}

/** A stored product as input again (to merge a patch onto it). */
export function productAsInput(p: ProductRow): ProductInput {
  return {
    gtin: p.gtin,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    descriptionVi: p.descriptionVi,
    descriptionEn: p.descriptionEn,
    category: p.category as ProductInput['category'],
    sector: p.sector as ProductInput['sector'],
    unit: p.unit,
    shelfLifeDays: p.shelfLifeDays,
    brand: p.brand,
    trademark: p.trademark,
    modelCode: p.modelCode,
    standards: p.standards,
    certifications: p.certifications,
    ocop: p.ocopStars ? { stars: p.ocopStars as 3 | 4 | 5, certificateNumber: p.ocopCertificateNumber, decision: p.ocopDecision, expiresOn: p.ocopExpiresOn } : null,
    protectedMark: p.protectedMarkKind ? { kind: p.protectedMarkKind, name: p.protectedMarkName ?? '' } : null,
    keyProduct: p.keyProduct,
    riskClass: p.riskClass,
    safetyWarnings: p.safetyWarnings,
    originPlaceId: p.originPlaceId,
  };
}
