// A diary step as a form, an API call or a spreadsheet row gives it, and its checks (pure: "now" is passed in).
import type { FieldProblem } from '../../../platform/errors.ts';
import type { DiaryKind, ProcessingMethod } from './diary-kinds.ts';

export interface DiaryInput {
  readonly lotId: string;
  readonly kind: DiaryKind;
  /** ISO 8601 instant; a time without zone is Vietnam time. */
  readonly occurredAt: string;
  readonly placeId?: string | null;
  /** Fertiliser or plant-protection product, its dose, and the pre-harvest interval (thời gian cách ly) in days. */
  readonly input?: { readonly name: string; readonly dose?: number | null; readonly doseUnit?: string | null; readonly phiDays?: number | null } | null;
  readonly quantity?: number | null;
  readonly unit?: string | null;
  /** Shipping/receiving: a registered organisation or a free-text name. */
  readonly partner?: { readonly organizationId?: string | null; readonly name?: string | null } | null;
  /** Processing: the input lots (each with the quantity used); the step's lot is the output. */
  readonly inputLots?: readonly { readonly lotId: string; readonly quantity?: number | null }[];
  readonly method?: ProcessingMethod | null;
  /** Packing: the case or pallet (an SSCC, or left empty for one named by the system). */
  readonly packageId?: string | null;
  readonly notes?: string | null;
}

export const DiaryErrors = {
  TIME_INVALID: 'CATALOG_DIARY_TIME_INVALID',
  TIME_FUTURE: 'CATALOG_DIARY_TIME_FUTURE',
  INPUT_REQUIRED: 'CATALOG_DIARY_INPUT_REQUIRED',
  DOSE_REQUIRED: 'CATALOG_DIARY_DOSE_REQUIRED',
  PARTNER_REQUIRED: 'CATALOG_DIARY_PARTNER_REQUIRED',
  INPUT_LOTS_REQUIRED: 'CATALOG_DIARY_INPUT_LOTS_REQUIRED',
  INPUT_LOT_SELF: 'CATALOG_DIARY_INPUT_LOT_SELF',
  BEFORE_PLANTING: 'CATALOG_DIARY_BEFORE_PLANTING',
  PHI_WARNING: 'CATALOG_DIARY_PHI_WARNING',
  SSCC_INVALID: 'CATALOG_DIARY_SSCC_INVALID',
  LOT_UNKNOWN: 'CATALOG_DIARY_LOT_UNKNOWN',
  PARTNER_UNKNOWN: 'CATALOG_DIARY_PARTNER_UNKNOWN',
  UNAVAILABLE: 'CATALOG_DIARY_UNAVAILABLE',
} as const;

/** An instant from ISO 8601; without a zone it is read as Vietnam time (UTC+7). */
export function parseOccurredAt(text: string): Date | null {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(s)) return null;
  const withTime = s.length === 10 ? `${s}T00:00:00` : s;
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(withTime) ? withTime : `${withTime}+07:00`;
  const d = new Date(zoned);
  if (Number.isNaN(d.getTime())) return null;
  // Reject dates JavaScript would roll over (2026-02-31 → March).
  const local = new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return /(Z|[+-]\d{2}:\d{2})$/.test(s) || local === s.slice(0, 10) ? d : null;
}

export function diaryFieldProblems(input: DiaryInput, now: Date): { problems: FieldProblem[]; occurredAt: Date | null } {
  const problems: FieldProblem[] = [];
  const occurredAt = parseOccurredAt(input.occurredAt);
  if (!occurredAt) problems.push({ pointer: '/occurredAt', code: DiaryErrors.TIME_INVALID });
  // A few minutes of clock skew between a phone and the server are not "the future".
  else if (occurredAt.getTime() > now.getTime() + 10 * 60_000) problems.push({ pointer: '/occurredAt', code: DiaryErrors.TIME_FUTURE });
  if ((input.kind === 'spraying' || input.kind === 'fertilising') && !input.input?.name?.trim()) problems.push({ pointer: '/input/name', code: DiaryErrors.INPUT_REQUIRED });
  if (input.kind === 'spraying' && input.input?.name && (input.input.dose === null || input.input.dose === undefined)) problems.push({ pointer: '/input/dose', code: DiaryErrors.DOSE_REQUIRED });
  if ((input.kind === 'shipping' || input.kind === 'receiving') && !input.partner?.organizationId && !input.partner?.name?.trim()) problems.push({ pointer: '/partner', code: DiaryErrors.PARTNER_REQUIRED });
  if (input.kind === 'processing') {
    if (!input.inputLots?.length) problems.push({ pointer: '/inputLots', code: DiaryErrors.INPUT_LOTS_REQUIRED });
    input.inputLots?.forEach((l, i) => {
      if (l.lotId === input.lotId) problems.push({ pointer: `/inputLots/${i}/lotId`, code: DiaryErrors.INPUT_LOT_SELF });
    });
  }
  if (input.kind === 'packing' && input.packageId && !/^\d{18}$/.test(input.packageId.replace(/\s/g, '')) && !/^https?:\/\//.test(input.packageId)) {
    problems.push({ pointer: '/packageId', code: DiaryErrors.SSCC_INVALID });
  }
  return { problems, occurredAt };
}

/**
 * Harvest inside a pre-harvest interval: the sprayings whose "safe from" day (spray day + PHI days) is after the
 * harvest. Returned as warnings: the step is recorded (it happened), and the person and officials see the risk.
 */
export function phiViolations(harvestAt: Date, sprayings: readonly { occurredAt: Date; product: string; phiDays: number | null }[]): { product: string; sprayDate: string; safeFrom: string; days: number }[] {
  const day = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const out: { product: string; sprayDate: string; safeFrom: string; days: number }[] = [];
  for (const s of sprayings) {
    if (!s.phiDays || s.occurredAt > harvestAt) continue;
    const safeFrom = new Date(s.occurredAt.getTime() + s.phiDays * 86_400_000);
    if (day(harvestAt) < day(safeFrom)) out.push({ product: s.product, sprayDate: day(s.occurredAt), safeFrom: day(safeFrom), days: s.phiDays });
  }
  return out;
}
