// The shapes the page sections draw, built once from either source: a resolution (scan pages: the resolver's
// facts plus this module's cached extras) or catalog rows (passport and catalogue pages). Sections never see
// database rows or the resolver's types, so both kinds of page show the same fields the same way.
import type { ResolvedTarget } from '../../stamps/index.ts';
import type { LotRow, OrganizationFacts, PlaceFacts, ProductRow } from '../facts/public-facts.ts';

export interface ProductView {
  readonly id: string;
  readonly version: number;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly descriptionVi: string | null;
  readonly descriptionEn: string | null;
  readonly gtin: string | null;
  readonly category: string;
  readonly brand: string | null;
  readonly trademark: string | null;
  readonly modelCode: string | null;
  readonly shelfLifeDays: number | null;
  readonly standards: readonly { readonly kind: string; readonly code: string; readonly title?: string | null }[];
  readonly certifications: readonly { readonly kind: string; readonly name: string | null; readonly number: string; readonly issuer: string; readonly validFrom: string | null; readonly validTo: string | null }[];
  readonly ocop: { readonly stars: number; readonly certificateNumber: string | null; readonly expiresOn: string | null } | null;
  readonly protectedMark: { readonly kind: string; readonly name: string | null } | null;
  readonly safetyWarnings: string | null;
  readonly thumbnailUrl: string | null;
  readonly imageUrl: string | null;
  readonly organizationId: string;
  readonly updatedAt: Date | null;
}

export interface ProducerView {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly communeId: number;
  readonly communeName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly taxCode: string | null;
  readonly gln: string | null;
}

export interface PlaceView {
  readonly id: string;
  readonly version: number | null;
  readonly kind: string;
  readonly name: string;
  readonly address: string | null;
  readonly communeName: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly plantingAreaCode: string | null;
}

export interface LotView {
  readonly id: string;
  readonly version: number;
  readonly lotCode: string;
  readonly productionDate: string | null;
  readonly harvestDate: string | null;
  readonly expiryDate: string | null;
}

const fileUrl = (fileId: string, size: 'thumb' | 'large') => `/api/v1/files/${fileId}?size=${size}`;

export function productFromRow(p: ProductRow): ProductView {
  const image = p.images[0];
  return {
    id: p.id,
    version: p.version,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    descriptionVi: p.descriptionVi,
    descriptionEn: p.descriptionEn,
    gtin: p.gtin,
    category: p.category,
    brand: p.brand,
    trademark: p.trademark,
    modelCode: p.modelCode,
    shelfLifeDays: p.shelfLifeDays,
    standards: p.standards,
    certifications: p.certifications.map((c) => ({ kind: c.kind, name: c.name ?? null, number: c.number, issuer: c.issuer, validFrom: c.validFrom ?? null, validTo: c.validTo ?? null })),
    ocop: p.ocopStars ? { stars: p.ocopStars, certificateNumber: p.ocopCertificateNumber, expiresOn: p.ocopExpiresOn } : null,
    protectedMark: p.protectedMarkKind ? { kind: p.protectedMarkKind, name: p.protectedMarkName } : null,
    safetyWarnings: p.safetyWarnings,
    thumbnailUrl: image ? fileUrl(image.fileId, 'thumb') : null,
    imageUrl: image ? fileUrl(image.fileId, 'large') : null,
    organizationId: p.organizationId,
    updatedAt: p.updatedAt,
  };
}

/** A scanned product: the resolver's current facts, with trademark and model code from the cached row when it is
 * of the same version (otherwise those two are left out rather than shown from another version). */
export function productFromTarget(target: ResolvedTarget, row: ProductRow | null | undefined): ProductView {
  const p = target.product;
  const same = row && row.version === p.version ? row : null;
  return {
    id: p.id,
    version: p.version,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    descriptionVi: p.descriptionVi,
    descriptionEn: p.descriptionEn,
    gtin: p.gtin,
    category: p.category,
    brand: p.brand,
    trademark: same?.trademark ?? null,
    modelCode: same?.modelCode ?? null,
    shelfLifeDays: p.shelfLifeDays,
    standards: p.standards,
    certifications: p.certifications,
    ocop: p.ocop,
    protectedMark: p.protectedMark,
    safetyWarnings: p.safetyWarnings,
    thumbnailUrl: p.imageUrls[0]?.thumbnailUrl ?? null,
    imageUrl: p.imageUrls[0]?.url ?? null,
    organizationId: p.organizationId,
    updatedAt: same?.updatedAt ?? null,
  };
}

export function producerFromFacts(o: OrganizationFacts): ProducerView {
  return { id: o.id, name: o.name, address: o.address, communeId: o.communeId, communeName: o.communeName, phone: o.phone, email: o.email, website: o.website, taxCode: o.taxCode, gln: o.gln };
}

export function producerFromTarget(target: ResolvedTarget, extra: OrganizationFacts | null | undefined): ProducerView {
  const o = target.organization;
  return { id: o.id, name: o.name, address: o.address, communeId: o.communeId, communeName: o.communeName, phone: o.phone, email: o.email, website: o.website, taxCode: extra?.taxCode ?? null, gln: extra?.gln ?? null };
}

export function placeFromFacts(p: PlaceFacts): PlaceView {
  return { id: p.id, version: p.version, kind: p.kind, name: p.name, address: p.address, communeName: p.communeName, latitude: p.latitude, longitude: p.longitude, plantingAreaCode: p.plantingAreaCode };
}

export function placeFromTarget(p: NonNullable<ResolvedTarget['lotOrigin']>, extra: PlaceFacts | null | undefined): PlaceView {
  return { id: p.id, version: extra?.version ?? null, kind: p.kind, name: p.name, address: extra?.address ?? null, communeName: p.communeName, latitude: p.latitude, longitude: p.longitude, plantingAreaCode: p.plantingAreaCode };
}

export function lotFromRow(l: LotRow): LotView {
  return { id: l.id, version: l.version, lotCode: l.lotCode, productionDate: l.productionDate, harvestDate: l.harvestDate, expiryDate: l.expiryDate };
}
