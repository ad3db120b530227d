// A lot's journey in plain words, from the farm diary the catalog keeps (each step is an EPCIS 2.0 event, whose
// IDs are kept for the ledger): what, where, when, who and why, in Vietnamese and English — never CBV codes.
// Who is the organisation, never the person or key that typed it (their e-mail is not public).
import { translate, type Message } from '../../../platform/i18n/messages.ts';
import { DIARY_SPECS, type DiaryKind } from '../../catalog/index.ts';
import type { catalogTables } from '../../catalog/index.ts';
import { PageTexts } from '../texts/page-texts.ts';

type StepRow = typeof catalogTables.diarySteps.$inferSelect;
type LotRow = typeof catalogTables.lots.$inferSelect;
type PlaceRow = typeof catalogTables.places.$inferSelect;

export interface JourneyStep {
  readonly id: string;
  readonly kind: DiaryKind | 'lot';
  readonly occurredAt: Date;
  readonly title: Message;
  readonly why: Message | null;
  readonly details: readonly Message[];
  readonly placeName: string | null;
  readonly communeName: string | null;
  readonly organizationName: string;
  readonly warnings: readonly Message[];
  /** The EPCIS events this step was captured as (each is a ledger record). */
  readonly eventIds: readonly string[];
  readonly placeId: string | null;
  readonly placeVersion: number | null;
}

const both = (code: string, params: (lang: 'vi' | 'en') => Record<string, unknown>): Message => ({ vi: translate(code, 'vi', params('vi')), en: translate(code, 'en', params('en')) });
const num = (n: unknown, lang: 'vi' | 'en') => (typeof n === 'number' ? n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : String(n ?? ''));

function detailsOf(s: StepRow): Message[] {
  const d = s.details;
  const out: Message[] = [];
  if (typeof d.inputName === 'string' && d.inputName) {
    const parts = [both(PageTexts.PUBLIC_J_INPUT, () => ({ name: d.inputName }))];
    if (typeof d.dose === 'number') parts.push(both(PageTexts.PUBLIC_J_DOSE, (l) => ({ dose: num(d.dose, l), unit: d.doseUnit ?? '' })));
    if (typeof d.phiDays === 'number' && d.phiDays > 0) parts.push(both(PageTexts.PUBLIC_J_PHI, () => ({ days: d.phiDays })));
    out.push({ vi: parts.map((p) => p.vi).join(', '), en: parts.map((p) => p.en).join(', ') });
  }
  if (typeof d.quantity === 'number') out.push(both(PageTexts.PUBLIC_J_QUANTITY, (l) => ({ quantity: num(d.quantity, l), unit: d.unit ?? '' })));
  if (typeof d.partnerName === 'string' && d.partnerName && s.kind === 'shipping') out.push(both(PageTexts.PUBLIC_J_TO, () => ({ partner: d.partnerName })));
  if (typeof d.partnerName === 'string' && d.partnerName && s.kind === 'receiving') out.push(both(PageTexts.PUBLIC_J_FROM, () => ({ partner: d.partnerName })));
  const inputs = Array.isArray(d.inputLots) ? (d.inputLots as { lotCode?: string; productName?: string }[]) : [];
  if (inputs.length) out.push(both(PageTexts.PUBLIC_J_FROM_LOTS, () => ({ lots: inputs.map((l) => `${l.lotCode ?? ''} (${l.productName ?? ''})`).join(', ') })));
  if (typeof d.notes === 'string' && d.notes.trim()) out.push({ vi: d.notes.trim(), en: d.notes.trim() });
  return out;
}

export function describeJourney(_lot: LotRow, steps: readonly StepRow[], places: ReadonlyMap<string, PlaceRow>, orgNames: ReadonlyMap<string, string>, communes: ReadonlyMap<number, string>): JourneyStep[] {
  const where = (placeId: string | null) => {
    const p = placeId ? places.get(placeId) : undefined;
    return { placeName: p?.name ?? null, communeName: p?.communeId != null ? (communes.get(p.communeId) ?? null) : null };
  };
  const described = steps.map((s): JourneyStep => {
    const spec = DIARY_SPECS[s.kind as DiaryKind];
    return {
      id: s.id,
      kind: s.kind as DiaryKind,
      occurredAt: s.occurredAt,
      title: spec ? { vi: spec.vi, en: spec.en } : { vi: s.kind, en: s.kind },
      why: spec?.why ?? null,
      details: detailsOf(s),
      ...where(s.placeId),
      organizationName: orgNames.get(s.organizationId) ?? '',
      warnings: s.warnings.map((w) => ({ vi: translate(w.code, 'vi', w.params), en: translate(w.code, 'en', w.params) })),
      eventIds: s.eventIds,
      placeId: s.placeId,
      placeVersion: s.placeVersion,
    };
  });
  return described.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}
