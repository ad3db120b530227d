// Turning a place as entered into stored values, and every reason it cannot be stored, by field pointer.
import type { FieldProblem } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/text/fold.ts';
import type { CommuneDirectory, OrganizationFacts } from './deps.ts';
import { CatalogErrors } from './messages.ts';
import type { PlaceInput } from './model.ts';
import type { PlaceKind, PlaceRow } from './tables.ts';
import { glnExtensionProblem, glnProblem, latitudeProblem, longitudeProblem, placeCodeProblem, plantingAreaCodeProblem } from './validation.ts';

/** Warehouses and shops may stand outside the province (a distributor in Hà Nội); the others are in a commune of Sơn La. */
export const COMMUNE_OPTIONAL: readonly PlaceKind[] = ['warehouse', 'shop'];

/** Prefixes of generated internal location codes, by kind (Vietnamese initials a person recognises). */
export const CODE_PREFIX: Record<PlaceKind, string> = {
  farm: 'TRAI',
  planting_area: 'VT',
  barn: 'CHUONG',
  processing_facility: 'CSCB',
  warehouse: 'KHO',
  shop: 'CH',
};

const text = (v: string | null | undefined): string | null => {
  const t = v?.normalize('NFC').trim();
  return t ? t : null;
};

/** Problems of a complete place (a create, or a patch merged onto the stored place). */
export async function placeProblems(p: PlaceInput, org: Pick<OrganizationFacts, 'gs1CompanyPrefix'>, communes: CommuneDirectory): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const add = (pointer: string, problem: { code: string; params?: Record<string, unknown> } | null) => {
    if (problem) problems.push({ pointer, code: problem.code, params: problem.params ?? {} });
  };
  if (p.communeId === null || p.communeId === undefined) {
    if (!COMMUNE_OPTIONAL.includes(p.kind)) add('/communeId', { code: CatalogErrors.CATALOG_COMMUNE_REQUIRED });
  } else if (!(await communes.getUnit(p.communeId))) {
    add('/communeId', { code: 'GEO_UNIT_NOT_FOUND', params: { id: p.communeId } });
  }
  const hasLat = p.latitude !== null && p.latitude !== undefined;
  const hasLon = p.longitude !== null && p.longitude !== undefined;
  if (hasLat !== hasLon) add(hasLat ? '/longitude' : '/latitude', { code: CatalogErrors.CATALOG_COORDINATES_PAIR });
  if (hasLat) add('/latitude', latitudeProblem(p.latitude!));
  if (hasLon) add('/longitude', longitudeProblem(p.longitude!));
  if (p.gln) add('/gln', glnProblem(p.gln, org.gs1CompanyPrefix));
  if (p.glnExtension) add('/glnExtension', p.gln ? glnExtensionProblem(p.glnExtension) : { code: CatalogErrors.CATALOG_GLN_EXTENSION_WITHOUT_GLN });
  if (p.internalCode) add('/internalCode', placeCodeProblem(p.internalCode.trim()));
  if (p.kind === 'planting_area') {
    if (!p.plantingAreaCode?.trim()) add('/plantingAreaCode', { code: CatalogErrors.CATALOG_PLANTING_AREA_CODE_REQUIRED });
    if (p.areaHa === null || p.areaHa === undefined) add('/areaHa', { code: CatalogErrors.CATALOG_AREA_REQUIRED });
  }
  if (p.plantingAreaCode?.trim()) add('/plantingAreaCode', plantingAreaCodeProblem(p.plantingAreaCode.trim().toUpperCase()));
  if (p.areaHa !== null && p.areaHa !== undefined && !(p.areaHa > 0 && p.areaHa <= 100_000)) add('/areaHa', { code: CatalogErrors.CATALOG_AREA_RANGE });
  return problems;
}

export type PlaceValues = Omit<PlaceRow, 'id' | 'organizationId' | 'orgCommuneId' | 'orgSectors' | 'version' | 'archived' | 'createdAt' | 'updatedAt'>;

export function placeValues(p: PlaceInput, internalCode: string): PlaceValues {
  const name = p.name.normalize('NFC').trim();
  const plantingAreaCode = text(p.plantingAreaCode)?.toUpperCase() ?? null;
  return {
    kind: p.kind,
    name,
    communeId: p.communeId ?? null,
    address: text(p.address),
    latitude: p.latitude ?? null,
    longitude: p.longitude ?? null,
    gln: text(p.gln),
    glnExtension: p.gln ? text(p.glnExtension) : null,
    internalCode,
    plantingAreaCode,
    areaHa: p.areaHa ?? null,
    description: text(p.description),
    search: foldForSearch([name, internalCode, plantingAreaCode, p.gln, text(p.address)].filter(Boolean).join(' ')),
  };
}

export function placeAsInput(p: PlaceRow): PlaceInput {
  return {
    kind: p.kind,
    name: p.name,
    communeId: p.communeId,
    address: p.address,
    latitude: p.latitude,
    longitude: p.longitude,
    gln: p.gln,
    glnExtension: p.glnExtension,
    internalCode: p.internalCode,
    plantingAreaCode: p.plantingAreaCode,
    areaHa: p.areaHa,
    description: p.description,
  };
}
