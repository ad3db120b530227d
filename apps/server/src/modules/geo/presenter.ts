import type { AdminUnit, DepartmentRow, SectorRow } from './service.ts';

export function presentUnit(u: AdminUnit) {
  return {
    id: u.id,
    kind: u.kind,
    name: u.name,
    fullName: `${u.kind === 'phuong' ? 'Phường' : 'Xã'} ${u.name}`,
    nameAscii: u.nameAscii,
    officialCode: u.officialCode,
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function presentSector(s: SectorRow) {
  return { code: s.code, name: { vi: s.nameVi, en: s.nameEn }, departmentCode: s.departmentCode };
}

export function presentDepartment(d: DepartmentRow) {
  return { code: d.code, name: { vi: d.nameVi, en: d.nameEn }, isLead: d.isLead };
}

export const unitSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['xa', 'phuong'] },
    name: { type: 'string' },
    fullName: { type: 'string' },
    nameAscii: { type: 'string' },
    officialCode: { type: ['string', 'null'] },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const bilingual = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
export const sectorSchema = { type: 'object', properties: { code: { type: 'string' }, name: bilingual, departmentCode: { type: 'string' } } } as const;
export const departmentSchema = { type: 'object', properties: { code: { type: 'string' }, name: bilingual, isLead: { type: 'boolean' } } } as const;
