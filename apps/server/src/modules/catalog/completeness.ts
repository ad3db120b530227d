// Which fields the law requires are still missing. Circular 02/2024/TT-BKHCN Art. 6.5 (minimum traceability data)
// and Decree 37/2026/NĐ-CP Art. 32 (digital product passport). Pure: the stamps module blocks stamp approval on
// `complete === false`, and the product page lists `missing`. Data that belong to a lot or to events (stage
// records, production and expiry dates) are checked per lot by `lotCompleteness`.
export type LegalBasis = 'circular-02-2024/6.5' | 'decree-37-2026/32';

export interface MissingField {
  /** The product field (or `organization.*`, `lot.*`, `events`) a person fills in to fix it. */
  readonly field: string;
  readonly basis: readonly LegalBasis[];
}

export interface CompletenessReport {
  readonly complete: boolean;
  readonly missing: MissingField[];
  /** Optional under the law ("if any") but shown on the passport when they exist; never block. */
  readonly optionalEmpty: string[];
}

export interface ProductFacts {
  readonly nameVi: string;
  readonly gtin: string | null;
  readonly imageCount: number;
  readonly standardsCount: number;
  readonly certificationsCount: number;
  readonly originPlaceId: string | null;
  readonly safetyWarnings: string | null;
  readonly brand: string | null;
  readonly trademark: string | null;
  readonly modelCode: string | null;
  readonly shelfLifeDays: number | null;
}

export interface ProducerFacts {
  readonly name: string;
  readonly address: string;
  readonly taxCode: string | null;
}

const C02: LegalBasis = 'circular-02-2024/6.5';
const D37: LegalBasis = 'decree-37-2026/32';

export function productCompleteness(p: ProductFacts, producer: ProducerFacts): CompletenessReport {
  const missing: MissingField[] = [];
  const need = (ok: boolean, field: string, ...basis: LegalBasis[]) => {
    if (!ok) missing.push({ field, basis });
  };
  need(p.nameVi.trim() !== '', 'nameVi', C02, D37);
  need(p.imageCount > 0, 'images', C02);
  need(p.gtin !== null, 'gtin', D37);
  need(producer.name.trim() !== '', 'organization.name', C02, D37);
  need(producer.address.trim() !== '', 'organization.address', C02, D37);
  need(Boolean(producer.taxCode), 'organization.taxCode', D37);
  need(p.originPlaceId !== null, 'originPlaceId', D37);
  need(p.standardsCount > 0, 'standards', C02);
  need(p.certificationsCount > 0, 'certifications', D37);
  need(Boolean(p.safetyWarnings?.trim()), 'safetyWarnings', D37);
  const optionalEmpty = (['brand', 'trademark', 'modelCode', 'shelfLifeDays'] as const).filter((f) => p[f] === null);
  return { complete: missing.length === 0, missing, optionalEmpty };
}

export interface LotFacts {
  readonly productionDate: string | null;
  readonly harvestDate: string | null;
  readonly expiryDate: string | null;
  /** Recorded stages (diary steps / EPCIS events) of the lot. */
  readonly stageCount: number;
}

/** A lot's own part: production (or harvest) and expiry dates, and at least one recorded stage. */
export function lotCompleteness(product: CompletenessReport, lot: LotFacts, shelfLifeDays: number | null): CompletenessReport {
  const missing = [...product.missing];
  if (!lot.productionDate && !lot.harvestDate) missing.push({ field: 'lot.productionDate', basis: [C02, D37] });
  // Expiry is required when the product has a shelf life ("hạn sử dụng, nếu có").
  if (shelfLifeDays !== null && !lot.expiryDate) missing.push({ field: 'lot.expiryDate', basis: [C02, D37] });
  if (lot.stageCount === 0) missing.push({ field: 'events', basis: [C02, D37] });
  return { complete: missing.length === 0, missing, optionalEmpty: product.optionalEmpty };
}
