// The catalog's vocabulary: what a product, place, lot and diary step hold, as the API and spreadsheets see them.
// Closed lists are here so that the HTTP schemas, spreadsheet columns, portal and tests share one definition.
import type { Sector } from '../../platform/auth/actor.ts';
import type { PlaceKind } from './tables.ts';

export const PRODUCT_CATEGORIES = [
  'fresh_fruit',
  'dried_fruit',
  'vegetables',
  'coffee',
  'tea',
  'dairy',
  'meat',
  'aquatic',
  'honey',
  'grain',
  'processed_food',
  'beverage',
  'medicinal_herb',
  'medicine',
  'handicraft',
  'other',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** Circular 02/2024 Art. 6.5: the standards applied — national (TCVN), technical regulation (QCVN), international, or the company's own. */
export const STANDARD_KINDS = ['tcvn', 'qcvn', 'international', 'own'] as const;
export interface Standard {
  readonly kind: (typeof STANDARD_KINDS)[number];
  readonly code: string;
  readonly title?: string | null;
}

export const CERTIFICATION_KINDS = ['vietgap', 'globalgap', 'organic', 'haccp', 'iso22000', 'iso9001', 'fssc22000', 'brc', 'halal', 'food_safety_facility', 'other'] as const;
export interface Certification {
  readonly kind: (typeof CERTIFICATION_KINDS)[number];
  /** The scheme's name when `kind` is `other` (e.g. "Rainforest Alliance"). */
  readonly name?: string | null;
  readonly number: string;
  readonly issuer: string;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  /** A scanned copy uploaded with POST /files. */
  readonly fileId?: string | null;
}

export const PROTECTED_MARK_KINDS = ['geographical_indication', 'collective_mark', 'certification_mark'] as const;
export type ProtectedMarkKind = (typeof PROTECTED_MARK_KINDS)[number];
export const RISK_CLASSES = ['low', 'medium', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
export const OCOP_STARS = [3, 4, 5] as const;

export interface ImageRef {
  readonly fileId: string;
  readonly width: number;
  readonly height: number;
}

export interface ProductInput {
  readonly gtin?: string | null;
  readonly nameVi: string;
  readonly nameEn?: string | null;
  readonly descriptionVi?: string | null;
  readonly descriptionEn?: string | null;
  readonly category: ProductCategory;
  readonly sector?: Sector | null;
  readonly unit: string;
  readonly shelfLifeDays?: number | null;
  readonly brand?: string | null;
  readonly trademark?: string | null;
  readonly modelCode?: string | null;
  readonly standards?: Standard[];
  readonly certifications?: Certification[];
  readonly ocop?: { stars: 3 | 4 | 5; certificateNumber?: string | null; decision?: string | null; expiresOn?: string | null } | null;
  readonly protectedMark?: { kind: ProtectedMarkKind; name: string } | null;
  readonly keyProduct?: boolean;
  readonly riskClass?: RiskClass | null;
  readonly safetyWarnings?: string | null;
  readonly originPlaceId?: string | null;
}

export interface PlaceInput {
  readonly kind: PlaceKind;
  readonly name: string;
  readonly communeId?: number | null;
  readonly address?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly gln?: string | null;
  readonly glnExtension?: string | null;
  readonly internalCode?: string | null;
  readonly plantingAreaCode?: string | null;
  readonly areaHa?: number | null;
  readonly description?: string | null;
}

export interface LotInput {
  readonly productId: string;
  readonly lotCode: string;
  readonly productionDate?: string | null;
  readonly harvestDate?: string | null;
  readonly expiryDate?: string | null;
  readonly quantity?: number | null;
  readonly unit?: string | null;
  readonly originPlaceId?: string | null;
  readonly notes?: string | null;
}

export interface DiaryWarning {
  readonly code: string;
  readonly params?: Record<string, unknown>;
}

/** One faulty cell of an imported spreadsheet (row numbers as the person sees them in Excel, header = 1). */
export interface ImportRowError {
  readonly row: number;
  /** Column letter (A, B…) and header as written in the file; null when the fault is the whole row. */
  readonly column: string | null;
  readonly header: string | null;
  readonly code: string;
  readonly params?: Record<string, unknown>;
}

export interface ImportReport {
  /** A fault of the whole file (wrong sheet, merged cells, too many rows, unreadable). */
  readonly fileError?: { code: string; params?: Record<string, unknown> } | null;
  /** Notes about the file that did not stop it (e.g. decoded from Windows-1258). */
  readonly notices: { code: string; params?: Record<string, unknown> }[];
  readonly errors: ImportRowError[];
  /** Errors beyond the stored ones (reports keep the first 1,000). */
  readonly moreErrors: number;
  readonly invalidRowNumbers: number[];
}
