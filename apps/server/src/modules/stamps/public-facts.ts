// The public facts a scan shows about a product, its producer, its lot and its origin, loaded through the
// catalog, identity and geo services (never their tables) and shaped here once, so the resolver's cache holds
// ready-to-render values. Only public master data: no user, no personal contact beyond the business's own.
import type { Catalog } from '../catalog/index.ts';
import { systemContext } from '../../platform/request-context.ts';

export interface PublicCertification {
  readonly kind: string;
  readonly name: string | null;
  readonly number: string;
  readonly issuer: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

export interface PublicProduct {
  readonly id: string;
  readonly version: number;
  readonly organizationId: string;
  readonly status: 'draft' | 'published';
  readonly gtin: string | null;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly descriptionVi: string | null;
  readonly descriptionEn: string | null;
  readonly category: string;
  readonly unit: string;
  readonly brand: string | null;
  readonly shelfLifeDays: number | null;
  readonly standards: readonly { kind: string; code: string; title?: string | null }[];
  readonly certifications: readonly PublicCertification[];
  readonly ocop: { readonly stars: number; readonly certificateNumber: string | null; readonly expiresOn: string | null } | null;
  readonly protectedMark: { readonly kind: string; readonly name: string | null } | null;
  readonly safetyWarnings: string | null;
  readonly imageUrls: readonly { readonly url: string; readonly thumbnailUrl: string }[];
  readonly originPlaceId: string | null;
}

export interface PublicOrganization {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly communeId: number;
  readonly communeName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly status: string;
  /** When the organisation last changed: the resolver's cache compares it. */
  readonly updatedAtMs: number;
}

export interface PublicPlace {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly communeName: string | null;
  readonly plantingAreaCode: string | null;
  /** For distance checks; a household's exact coordinates are not shown by the default page. */
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface PublicLot {
  readonly id: string;
  readonly version: number;
  readonly lotCode: string;
  readonly productionDate: string | null;
  readonly harvestDate: string | null;
  readonly expiryDate: string | null;
  readonly originPlaceId: string | null;
}

/** What the stamps module reads of an organisation (identity's OrganizationService satisfies it). */
export interface OrganizationLookup {
  findById(id: string): Promise<
    | { id: string; name: string; address: string; communeId: number; phone: string | null; email: string | null; website: string | null; status: string; sectors: readonly string[]; updatedAt: Date; gs1CompanyPrefix: string | null }
    | undefined
  >;
}

export interface CommuneLookup {
  getUnit(id: number): Promise<{ id: number; name: string } | undefined>;
}

export interface FactsSources {
  readonly catalog: Catalog;
  readonly organizations: OrganizationLookup;
  readonly communes: CommuneLookup;
}

const SYSTEM = systemContext('stamps');
const fileUrl = (fileId: string, size: 'thumb' | 'large') => `/api/v1/files/${fileId}?size=${size}`;

export async function loadProduct(src: FactsSources, productId: string): Promise<PublicProduct | undefined> {
  const p = await src.catalog.products.get(SYSTEM, productId).catch(() => undefined);
  if (!p) return undefined;
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
    unit: p.unit,
    brand: p.brand,
    shelfLifeDays: p.shelfLifeDays,
    standards: p.standards,
    certifications: p.certifications.map((c) => ({ kind: c.kind, name: c.name ?? null, number: c.number, issuer: c.issuer, validFrom: c.validFrom ?? null, validTo: c.validTo ?? null })),
    ocop: p.ocopStars ? { stars: p.ocopStars, certificateNumber: p.ocopCertificateNumber, expiresOn: p.ocopExpiresOn } : null,
    protectedMark: p.protectedMarkKind ? { kind: p.protectedMarkKind, name: p.protectedMarkName } : null,
    safetyWarnings: p.safetyWarnings,
    imageUrls: p.images.map((i) => ({ url: fileUrl(i.fileId, 'large'), thumbnailUrl: fileUrl(i.fileId, 'thumb') })),
    originPlaceId: p.originPlaceId,
  };
}

export async function loadOrganization(src: FactsSources, organizationId: string): Promise<PublicOrganization | undefined> {
  const o = await src.organizations.findById(organizationId);
  if (!o) return undefined;
  const commune = await src.communes.getUnit(o.communeId);
  return {
    id: o.id,
    name: o.name,
    address: o.address,
    communeId: o.communeId,
    communeName: commune?.name ?? null,
    phone: o.phone,
    email: o.email,
    website: o.website,
    status: o.status,
    updatedAtMs: o.updatedAt.getTime(),
  };
}

export async function loadPlace(src: FactsSources, placeId: string): Promise<PublicPlace | undefined> {
  const p = await src.catalog.places.findById(placeId);
  if (!p) return undefined;
  const commune = p.communeId === null ? undefined : await src.communes.getUnit(p.communeId);
  return { id: p.id, kind: p.kind, name: p.name, communeName: commune?.name ?? null, plantingAreaCode: p.plantingAreaCode, latitude: p.latitude, longitude: p.longitude };
}

export async function loadLot(src: FactsSources, lotId: string): Promise<PublicLot | undefined> {
  const l = await src.catalog.lots.findById(lotId);
  if (!l) return undefined;
  return { id: l.id, version: l.version, lotCode: l.lotCode, productionDate: l.productionDate, harvestDate: l.harvestDate, expiryDate: l.expiryDate, originPlaceId: l.originPlaceId };
}
