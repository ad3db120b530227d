// Every catalog response is built here, field by field; database rows never leave the module. The "public
// content" functions define what enters the transparency ledger: public fields only, no personal data.
import type { ImportRow, LotRow, PlaceRow, ProductRow } from './tables.ts';
import { translateBoth } from '../../platform/i18n/messages.ts';
import { placeEpcisUri } from './lot-identifiers.ts';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const fileUrl = (fileId: string, size?: 'thumb' | 'large') => `/api/v1/files/${fileId}${size ? `?size=${size}` : ''}`;

/** The public master data of a product version (ledger content, version history, public page). */
export function productPublicContent(p: ProductRow) {
  return {
    id: p.id,
    version: p.version,
    organizationId: p.organizationId,
    status: p.status,
    gtin: p.gtin,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    descriptionVi: p.descriptionVi,
    descriptionEn: p.descriptionEn,
    category: p.category,
    sector: p.sector,
    unit: p.unit,
    shelfLifeDays: p.shelfLifeDays,
    brand: p.brand,
    trademark: p.trademark,
    modelCode: p.modelCode,
    standards: p.standards,
    certifications: p.certifications,
    ocop: p.ocopStars ? { stars: p.ocopStars, certificateNumber: p.ocopCertificateNumber, decision: p.ocopDecision, expiresOn: p.ocopExpiresOn } : null,
    protectedMark: p.protectedMarkKind ? { kind: p.protectedMarkKind, name: p.protectedMarkName } : null,
    keyProduct: p.keyProduct,
    riskClass: p.riskClass,
    safetyWarnings: p.safetyWarnings,
    originPlaceId: p.originPlaceId,
    images: p.images.map((i) => i.fileId),
  };
}

export function presentProduct(p: ProductRow) {
  return {
    ...productPublicContent(p),
    noGtinYet: p.gtin === null,
    images: p.images.map((i) => ({ fileId: i.fileId, width: i.width, height: i.height, url: fileUrl(i.fileId, 'large'), thumbnailUrl: fileUrl(i.fileId, 'thumb') })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    publishedAt: iso(p.publishedAt),
  };
}

/**
 * The public master data of a place version. A household's farm address and exact coordinates are personal
 * data: they stay out of the ledger (which is public and permanent); the commune and codes go in.
 */
export function placePublicContent(p: PlaceRow) {
  return {
    id: p.id,
    version: p.version,
    organizationId: p.organizationId,
    kind: p.kind,
    name: p.name,
    communeId: p.communeId,
    gln: p.gln,
    glnExtension: p.glnExtension,
    internalCode: p.internalCode,
    plantingAreaCode: p.plantingAreaCode,
    areaHa: p.areaHa,
    archived: p.archived,
  };
}

/** A place as the API answers it: with the identifier EPCIS events name it by (readPoint, bizLocation). */
export function presentPlaceView(p: PlaceRow, publicBaseUrl: string) {
  return { ...presentPlace(p), epcisId: placeEpcisUri(p, publicBaseUrl) };
}

export function presentPlace(p: PlaceRow) {
  return {
    ...placePublicContent(p),
    address: p.address,
    latitude: p.latitude,
    longitude: p.longitude,
    description: p.description,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export interface LotIdentifiers {
  readonly gtin: string | null;
  readonly lgtin: string | null;
  readonly digitalLink: string | null;
  /** What EPCIS events name the lot by (its quantities' epcClass): what an event query matches it with. */
  readonly epcClass: string;
}

export function lotPublicContent(l: LotRow) {
  return {
    id: l.id,
    version: l.version,
    organizationId: l.organizationId,
    productId: l.productId,
    productVersion: l.productVersion,
    lotCode: l.lotCode,
    productionDate: l.productionDate,
    harvestDate: l.harvestDate,
    expiryDate: l.expiryDate,
    quantity: l.quantity,
    unit: l.unit,
    originPlaceId: l.originPlaceId,
    originPlaceVersion: l.originPlaceVersion,
  };
}

export function presentLot(l: LotRow, ids: LotIdentifiers) {
  return {
    ...lotPublicContent(l),
    notes: l.notes,
    gtin: ids.gtin,
    lgtin: ids.lgtin,
    digitalLink: ids.digitalLink,
    epcClass: ids.epcClass,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export function presentImport(i: ImportRow, progress: { done: number; total: number | null } | null) {
  const report = i.report;
  const msg = (m: { code: string; params?: Record<string, unknown> }) => ({ code: m.code, params: m.params ?? {}, messages: translateBoth(m.code, m.params) });
  return {
    id: i.id,
    list: i.list,
    fileName: i.fileName,
    fileFormat: i.fileFormat,
    status: i.status,
    commitMode: i.commitMode,
    progress: progress ?? { done: 0, total: null },
    totalRows: i.totalRows,
    validRows: i.validRows,
    invalidRows: i.invalidRows,
    committedRows: i.committedRows,
    fileError: report?.fileError ? msg(report.fileError) : null,
    notices: (report?.notices ?? []).map(msg),
    errors: (report?.errors ?? []).map((e) => ({ row: e.row, column: e.column, header: e.header, ...msg(e) })),
    moreErrors: report?.moreErrors ?? 0,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
