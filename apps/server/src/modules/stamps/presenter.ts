// Every stamps response is built here, field by field; database rows never leave the module.
import { translate, type Lang } from '../../platform/i18n/messages.ts';
import { CheckLabels, FlagLabels } from './messages.ts';
import type { ApprovalCheck, StampFlag } from './model.ts';
import type { ResolvedTarget } from './resolver/types.ts';
import { humanSerial } from './serials.ts';
import type { StampView } from './stamps-query-service.ts';
import type { RequestRow } from './tables.ts';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function presentChecks(checks: readonly ApprovalCheck[] | null, lang: Lang) {
  return checks?.map((c) => ({ code: c.code, passed: c.passed, label: translate(CheckLabels[`STAMP_CHECK_${c.code}`], lang), params: c.params ?? {} })) ?? null;
}

export function presentRequest(r: RequestRow, lang: Lang, extra: { checks?: readonly ApprovalCheck[]; canDecide?: boolean } = {}) {
  return {
    id: r.id,
    organizationId: r.organizationId,
    productId: r.productId,
    lotId: r.lotId,
    quantity: r.quantity,
    kind: r.kind,
    layout: r.layout,
    expectedRegionKm: r.expectedRegionKm,
    note: r.note,
    status: r.status,
    checks: presentChecks(extra.checks ?? r.checks, lang),
    canDecide: extra.canDecide ?? false,
    decisionReason: r.decisionReason,
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
    uriPrefix: r.uriPrefix,
    gtin: r.gtin,
    lotCode: r.lotCode,
    issuedCount: r.issuedCount,
    jobId: r.jobId,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentFlags(flags: readonly StampFlag[], lang: Lang) {
  return flags.map((f) => ({ ...f, message: translate(FlagLabels[`STAMP_FLAG_${f.code}`], lang, { ...f.params, firstAt: String(f.params?.firstAt ?? f.at) }) }));
}

export function presentStamp(s: StampView & { history?: unknown[] }, lang: Lang) {
  return {
    serial: s.serial,
    humanCode: humanSerial(s.serial),
    seq: s.seq,
    uri: s.uri,
    status: s.status,
    requestId: s.requestId,
    organizationId: s.organizationId,
    productId: s.productId,
    lotId: s.lotId,
    kind: s.kind,
    printedAt: iso(s.printedAt),
    activatedAt: iso(s.activatedAt),
    codeVerifiedAt: iso(s.codeVerifiedAt),
    scanCount: s.scanCount,
    firstScannedAt: iso(s.firstScannedAt),
    lastScannedAt: iso(s.lastScannedAt),
    flags: presentFlags(s.flags, lang),
    ...(s.history ? { history: s.history } : {}),
  };
}

/** What GET /api/v1/resolve answers: the resolution as JSON (the recallStatus link of every linkset). */
export function presentTarget(t: ResolvedTarget, lang: Lang) {
  return {
    kind: t.kind,
    path: t.path,
    status: { code: t.status.code, flags: presentFlags(t.status.flags, lang), recall: t.status.recall },
    recalled: t.status.code === 'recalled',
    stamp: t.stamp && {
      serial: t.stamp.serial,
      humanCode: t.stamp.humanCode,
      lifecycle: t.stamp.lifecycle,
      hasVerificationCode: t.stamp.hasCode,
      codeVerifiedAt: iso(t.stamp.codeVerifiedAt),
      activatedAt: iso(t.stamp.activatedAt),
      uri: t.stamp.printedUri,
    },
    scanStats: t.scanStats && { count: t.scanStats.count, firstScannedAt: iso(t.scanStats.firstScannedAt), lastScannedAt: iso(t.scanStats.lastScannedAt) },
    product: { id: t.product.id, gtin: t.product.gtin, nameVi: t.product.nameVi, nameEn: t.product.nameEn, brand: t.product.brand, certifications: t.product.certifications, ocop: t.product.ocop, safetyWarnings: t.product.safetyWarnings },
    organization: { id: t.organization.id, name: t.organization.name, address: t.organization.address, communeName: t.organization.communeName, phone: t.organization.phone, website: t.organization.website },
    lot: t.lot && { id: t.lot.id, lotCode: t.lot.lotCode, productionDate: t.lot.productionDate, harvestDate: t.lot.harvestDate, expiryDate: t.lot.expiryDate },
    origin: (t.lotOrigin ?? t.productOrigin) && { name: (t.lotOrigin ?? t.productOrigin)!.name, communeName: (t.lotOrigin ?? t.productOrigin)!.communeName, plantingAreaCode: (t.lotOrigin ?? t.productOrigin)!.plantingAreaCode },
    degraded: t.degraded,
    linkset: t.linkset,
  };
}
