import type { OrganizationKind, RegistrationInput, Sector } from '../../api/types.ts';
import type { NamePath } from '../../shared/apply-problem-to-form.ts';
import { blankToNull } from './validation.ts';

/** The wizard's form values: the request body's shape (so problem pointers name fields), plus a confirmation. */
export interface RegistrationValues {
  organization: {
    kind: OrganizationKind;
    name: string;
    taxCode?: string;
    address: string;
    communeId?: number;
    representative: string;
    phone?: string;
    email?: string;
    website?: string;
    sectors: Sector[];
    gs1CompanyPrefix?: string;
    gln?: string;
  };
  admin: { fullName: string; email: string; phone?: string; password: string; confirm: string };
  acceptTerms: boolean;
}

export interface WizardStep {
  readonly key: 'organization' | 'address' | 'sectors' | 'admin' | 'review';
  readonly fields: NamePath[];
}

export const WIZARD_STEPS: readonly WizardStep[] = [
  {
    key: 'organization',
    fields: [['organization', 'kind'], ['organization', 'name'], ['organization', 'taxCode'], ['organization', 'representative'], ['organization', 'phone'], ['organization', 'email'], ['organization', 'website']],
  },
  { key: 'address', fields: [['organization', 'address'], ['organization', 'communeId']] },
  { key: 'sectors', fields: [['organization', 'sectors'], ['organization', 'gs1CompanyPrefix'], ['organization', 'gln']] },
  { key: 'admin', fields: [['admin', 'fullName'], ['admin', 'email'], ['admin', 'phone'], ['admin', 'password'], ['admin', 'confirm']] },
  { key: 'review', fields: [['acceptTerms']] },
];

/** The first step holding one of the given fields (where to send the person after a server-side error). */
export function stepOfFields(fields: readonly NamePath[]): number | undefined {
  const keys = new Set(fields.map((f) => f.join('.')));
  const index = WIZARD_STEPS.findIndex((s) => s.fields.some((f) => keys.has(f.join('.'))));
  return index >= 0 ? index : undefined;
}

export function toRegistrationInput(v: RegistrationValues, locale: 'vi' | 'en'): RegistrationInput {
  const o = v.organization;
  return {
    organization: {
      kind: o.kind,
      name: o.name.trim(),
      taxCode: blankToNull(o.taxCode),
      address: o.address.trim(),
      communeId: o.communeId ?? 0,
      representative: o.representative.trim(),
      phone: blankToNull(o.phone),
      email: blankToNull(o.email),
      website: blankToNull(o.website),
      sectors: o.sectors,
      gs1CompanyPrefix: blankToNull(o.gs1CompanyPrefix),
      gln: blankToNull(o.gln),
    },
    admin: { fullName: v.admin.fullName.trim(), email: v.admin.email.trim(), phone: blankToNull(v.admin.phone), password: v.admin.password },
    acceptTerms: v.acceptTerms === true,
    locale,
  };
}
