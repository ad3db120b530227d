// Field rules for organisations and users. Pure functions returning a message code or null, so that services
// can collect every problem of a request before answering.
import { hasValidCheckDigit } from '@txng/gs1';
import { IdentityErrors } from './messages.ts';

/** Mã số thuế (Vietnamese tax code): 10 digits, or 10 digits + '-' + 3 digits for a dependent unit. */
export function taxCodeProblem(taxCode: string): string | null {
  return /^\d{10}(-\d{3})?$/.test(taxCode) ? null : IdentityErrors.TAX_CODE_INVALID;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by the e-mails we send.
export function emailProblem(email: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && email.length <= 254 ? null : IdentityErrors.EMAIL_INVALID;
}

/** Vietnamese numbers (0 + 9-10 digits) or international (+ and 8-15 digits); spaces, dots and dashes allowed. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s.\-()]/g, '');
}

export function phoneProblem(phone: string): string | null {
  const p = normalizePhone(phone);
  return /^(0\d{9,10}|\+\d{8,15})$/.test(p) ? null : IdentityErrors.PHONE_INVALID;
}

export function gs1PrefixProblem(prefix: string): string | null {
  return /^\d{4,12}$/.test(prefix) ? null : IdentityErrors.GS1_PREFIX_INVALID;
}

export function glnProblem(gln: string, companyPrefix: string | null | undefined): string | null {
  if (!/^\d{13}$/.test(gln) || !hasValidCheckDigit(gln)) return IdentityErrors.GLN_INVALID;
  if (companyPrefix && !gln.startsWith(companyPrefix)) return IdentityErrors.GLN_PREFIX_MISMATCH;
  return null;
}
