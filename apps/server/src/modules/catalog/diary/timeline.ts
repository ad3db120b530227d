// A lot's timeline in plain words: for every step, who (the person or key and the organisation), what (the step
// and its details), when, where (place and commune) and why (what the step is for), in Vietnamese and English.
import { translateBoth, type Message } from '../../../platform/i18n/messages.ts';
import type { DiaryStepRow, LotRow, PlaceRow, ProductRow } from '../tables.ts';
import { DIARY_SPECS, PROCESSING_LABELS, type DiaryKind, type ProcessingMethod } from './diary-kinds.ts';

export interface TimelineItem {
  readonly id: string;
  readonly kind: DiaryKind | 'lot';
  readonly lotId: string;
  readonly occurredAt: string;
  readonly title: Message;
  readonly who: { readonly recordedBy: string | null; readonly organizationId: string };
  readonly what: Message;
  readonly where: { readonly placeId: string | null; readonly placeName: string | null; readonly placeVersion: number | null; readonly communeId: number | null } | null;
  readonly why: Message;
  readonly productVersion: number;
  readonly warnings: { code: string; messages: Message }[];
  readonly eventIds: string[];
}

const num = (n: unknown, lang: 'vi' | 'en') => (typeof n === 'number' ? n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : String(n ?? ''));

function join(parts: (Message | null)[]): Message {
  const kept = parts.filter((p): p is Message => p !== null && p.vi !== '');
  return { vi: kept.map((p) => p.vi).join('; '), en: kept.map((p) => p.en).join('; ') };
}

function both(code: string, params: (lang: 'vi' | 'en') => Record<string, unknown>): Message {
  return { vi: translateBoth(code, params('vi')).vi, en: translateBoth(code, params('en')).en };
}

export function describeStep(s: DiaryStepRow): Message {
  const d = s.details;
  const method = d.method ? PROCESSING_LABELS[d.method as ProcessingMethod] : null;
  return join([
    method,
    d.inputName ? both('CATALOG_TL_INPUT', () => ({ name: d.inputName })) : null,
    d.dose !== null && d.dose !== undefined ? both('CATALOG_TL_DOSE', (l) => ({ dose: num(d.dose, l), unit: d.doseUnit ?? '' })) : null,
    d.phiDays ? both('CATALOG_TL_PHI', () => ({ days: d.phiDays })) : null,
    d.quantity !== null && d.quantity !== undefined ? both('CATALOG_TL_QUANTITY', (l) => ({ quantity: num(d.quantity, l), unit: d.unit ?? '' })) : null,
    d.partnerName && s.kind === 'shipping' ? both('CATALOG_TL_TO', () => ({ partner: d.partnerName })) : null,
    d.partnerName && s.kind === 'receiving' ? both('CATALOG_TL_FROM', () => ({ partner: d.partnerName })) : null,
    Array.isArray(d.inputLots) && d.inputLots.length ? both('CATALOG_TL_FROM_LOTS', () => ({ lots: (d.inputLots as { lotCode: string; productName: string }[]).map((l) => `${l.lotCode} (${l.productName})`).join(', ') })) : null,
    s.kind === 'packing' && typeof d.packageUri === 'string' ? both('CATALOG_TL_PACKAGE', () => ({ package: (d.packageUri as string).replace(/^.*\//, '') })) : null,
    d.notes ? { vi: String(d.notes), en: String(d.notes) } : null,
  ]);
}

export function timelineOf(lot: LotRow, product: ProductRow, steps: readonly DiaryStepRow[], places: ReadonlyMap<string, PlaceRow>): TimelineItem[] {
  const where = (placeId: string | null, version: number | null) => {
    if (!placeId) return null;
    const p = places.get(placeId);
    return { placeId, placeName: p?.name ?? null, placeVersion: version, communeId: p?.communeId ?? null };
  };
  const created: TimelineItem = {
    id: lot.id,
    kind: 'lot',
    lotId: lot.id,
    occurredAt: lot.createdAt.toISOString(),
    title: translateBoth('CATALOG_TL_LOT_CREATED', { lotCode: lot.lotCode }),
    who: { recordedBy: null, organizationId: lot.organizationId },
    what: { vi: product.nameVi, en: product.nameEn ?? product.nameVi },
    where: where(lot.originPlaceId, lot.originPlaceVersion),
    why: { vi: 'ghi nhận lô hàng', en: 'the lot is recorded' },
    productVersion: lot.productVersion,
    warnings: [],
    eventIds: [],
  };
  return [
    created,
    ...steps.map((s) => {
      const spec = DIARY_SPECS[s.kind as DiaryKind];
      return {
        id: s.id,
        kind: s.kind as DiaryKind,
        lotId: s.lotId,
        occurredAt: s.occurredAt.toISOString(),
        title: { vi: spec.vi, en: spec.en },
        who: { recordedBy: s.recordedByLabel, organizationId: s.organizationId },
        what: describeStep(s),
        where: where(s.placeId, s.placeVersion),
        why: spec.why,
        productVersion: s.productVersion,
        warnings: s.warnings.map((w) => ({ code: w.code, messages: translateBoth(w.code, w.params) })),
        eventIds: s.eventIds,
      };
    }),
  ];
}
