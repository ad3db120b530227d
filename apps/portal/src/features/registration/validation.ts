// Client-side checks that mirror the server's (apps/server/src/modules/identity/validation.ts), so that people
// see mistakes before sending; the server still decides, and its field errors land on the same fields.

/** Mã số thuế: 10 digits, or 10 digits + '-' + 3 digits for a dependent unit. */
export const TAX_CODE = /^\d{10}(-\d{3})?$/;
/** Vietnamese numbers (0 + 9–10 digits) or international (+ and 8–15 digits); spaces, dots, dashes allowed. */
export function isPhone(value: string): boolean {
  return /^(0\d{9,10}|\+\d{8,15})$/.test(value.replace(/[\s.\-()]/g, ''));
}
export const GS1_PREFIX = /^\d{4,12}$/;

/** GS1 check digit (GS1 General Specifications §7.9.1): weights 3,1,3,… from the right, excluding the check digit. */
export function hasValidGs1CheckDigit(digits: string): boolean {
  if (!/^\d{8,18}$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

export function isGln(value: string): boolean {
  return /^\d{13}$/.test(value) && hasValidGs1CheckDigit(value);
}

/** Empty text becomes null, as the server's optional fields expect. */
export function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}
