// The scan page (plugged into the stamps resolver's ScanPageRenderer seam): status first, then the product, the
// scratch-code check, lot, origin, journey, certificates, standards, safety, producer, the ledger badge and the
// report form — every Circular 02 Art. 6.5 and Decree 37 Art. 32 field. The seam is synchronous: the parts that
// are not in the resolution (journey, ledger state, trademark, producer IDs) come from this module's caches,
// warmed before the resolver runs (scan-warmer.ts: for a stamp, one indexed read of its lot and ledger records);
// on a miss the page says what is still loading and links to the lot's passport, and the ledger badge counts
// what it cannot name yet as not included.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { RenderContext, ResolvedTarget, ResolverProblem, ScanPageRenderer } from '../../stamps/index.ts';
import { esc } from '../html/escape.ts';
import { dateTime } from '../html/format.ts';
import { localName, page, row, t } from '../html/frame.ts';
import type { PublicFacts } from '../facts/public-facts.ts';
import type { LedgerRecords } from '../ledger/ledger-records.ts';
import { shownLedger } from '../ledger/page-records.ts';
import type { StampRecordsCache } from '../ledger/stamp-records.ts';
import type { FormTokens } from '../reports/form-token.ts';
import { reportForm } from '../reports/report-form.ts';
import { PageTexts } from '../texts/page-texts.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import { certificatesSection, lotSection, originSection, producerSection, productDetails, productHero, standardsAndSafety } from '../views/fact-sections.ts';
import { journeySection } from '../views/journey-section.ts';
import { ledgerBadge } from '../views/ledger-badge.ts';
import { placeFromTarget, producerFromTarget, productFromTarget } from '../views/model.ts';
import { statusBanner } from '../views/status-banner.ts';
import { problemPage } from './problem-page.ts';

/** The stamps module's opt-in "share my rough place" script (same origin, ~0.6 KB). */
export const PLACE_SCRIPT_URL = '/stamps/place.js';
/** Scan pages show the latest steps; the lot passport has them all. */
const JOURNEY_ON_SCAN = 8;

export interface ScanPageDeps {
  readonly facts: PublicFacts;
  readonly ledger: LedgerRecords;
  readonly stampRecords: StampRecordsCache;
  readonly tokens: FormTokens;
  readonly clock: Clock;
}

function verifySection(target: ResolvedTarget, ctx: RenderContext): string {
  const s = target.stamp;
  if (!s?.hasCode) return '';
  const { lang } = ctx;
  let message = '';
  const v = ctx.verification;
  if (v) {
    const params = { at: dateTime(v.verifiedAt, lang), left: v.attemptsLeft ?? 0, seconds: v.retryAfterSeconds ?? 0 };
    message = `<p class="${v.outcome === 'verified' ? 'ok' : 'bad'}" role="status">${t(`PUBLIC_VERIFY_${v.outcome}`, lang, params)}</p>`;
  } else if (s.codeVerifiedAt) {
    message = `<p class="muted">${t(PageTexts.PUBLIC_VERIFY_DONE, lang, { at: dateTime(s.codeVerifiedAt, lang) })}</p>`;
  }
  // Posts back to the stamp's own path: the resolver checks the code and renders this page with the outcome.
  return `<section id="verify-code"><h2>${t(PageTexts.PUBLIC_VERIFY_TITLE, lang)}</h2><p class="muted">${t(PageTexts.PUBLIC_VERIFY_HELP, lang)}</p>${message}` +
    `<form class="row" method="post" action="${esc(target.path)}?lang=${lang}"><div><label for="code">${t(PageTexts.PUBLIC_VERIFY_LABEL, lang)}</label>` +
    `<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{8,9}" maxlength="9" required></div>` +
    `<div><button type="submit">${t(PageTexts.PUBLIC_VERIFY_SUBMIT, lang)}</button></div></form></section>`;
}

function stampSection(target: ResolvedTarget, lang: Lang): string {
  const s = target.stamp;
  if (!s) return '';
  const share = target.scanId
    ? `<p class="noprint"><button type="button" id="share-place" hidden data-scan="${esc(target.scanId)}" data-done="${t(PageTexts.PUBLIC_SHARE_PLACE_DONE, lang)}">${t(PageTexts.PUBLIC_SHARE_PLACE, lang)}</button></p><p class="muted" id="share-note" hidden>${t(PageTexts.PUBLIC_SHARE_PLACE_NOTE, lang)}</p>`
    : '';
  return `<section id="stamp"><h2>${t(PageTexts.PUBLIC_STAMP, lang)}</h2><dl>${row(t(PageTexts.PUBLIC_F_STAMP_CODE, lang), `<span class="code">${esc(s.humanCode)}</span>`)}</dl>${share}</section>`;
}

export function createScanPage(deps: ScanPageDeps): ScanPageRenderer {
  const { facts, ledger, stampRecords, tokens, clock } = deps;

  /** The stamp's own ledger records as of the status just resolved; 'unknown' while they are read, or when the
   * database did not answer (the status itself is then unknown). */
  function stampLedger(target: ResolvedTarget) {
    const s = target.stamp;
    if (!s) return null;
    if (s.lifecycle === null) return 'unknown' as const;
    return stampRecords.peek(s.serial, s.lifecycle)?.refs ?? ('unknown' as const);
  }

  return {
    renderTarget(target: ResolvedTarget, ctx: RenderContext): string {
      const { lang } = ctx;
      const now = clock.now();
      const productRow = facts.products.peek(target.product.id, String(target.product.version));
      const org = facts.organizations.peek(target.organization.id, String(target.organization.updatedAtMs));
      const product = productFromTarget(target, productRow);
      const producer = producerFromTarget(target, org);
      const origins = [target.lotOrigin ?? target.productOrigin].filter((p) => p !== null).map((p) => placeFromTarget(p, facts.places.peek(p.id)));
      const lot = target.lot;
      const journey = lot ? facts.journeys.peek(lot.id, String(lot.version))?.steps : [];
      const activated = target.stamp?.activatedAt ? [{ at: target.stamp.activatedAt, title: translate(PageTexts.PUBLIC_JOURNEY_ACTIVATED, lang) }] : [];
      const shown = shownLedger({ product, lot: lot ? { id: lot.id, version: lot.version } : null, places: origins, journey, stamp: stampLedger(target) });
      const tally = ledger.peek(shown.refs, shown.unresolved);
      const lotView = lot ? { id: lot.id, version: lot.version, lotCode: lot.lotCode, productionDate: lot.productionDate, harvestDate: lot.harvestDate, expiryDate: lot.expiryDate } : null;
      const traceCode = target.stamp?.printedUri ?? (target.digitalLink ? `${ctx.baseUrl}${target.path}` : null);
      const body =
        statusBanner(target, lang) +
        productHero(product, producer, lang, 2) +
        verifySection(target, ctx) +
        (lot ? lotSection(lotView, lang, now, true) : '') +
        originSection(origins, lang) +
        (lot ? journeySection(journey, lang, { lotId: lot.id, extra: activated, limit: JOURNEY_ON_SCAN }) : '') +
        certificatesSection(product, lang, now) +
        standardsAndSafety(product, lang) +
        producerSection(producer, lang) +
        productDetails(product, lang, { serial: target.stamp?.serial ?? null, traceCode }) +
        stampSection(target, lang) +
        ledgerBadge(tally, { product: product.id, lot: lot?.id ?? null, stamp: target.stamp?.serial ?? null }, lang) +
        `<p class="noprint"><a href="/products/${esc(product.id)}?lang=${lang}">${t(SiteTexts.PUBLIC_PASSPORT_OPEN, lang)}</a> · <a href="${esc(target.path)}?linkType=all" type="application/linkset+json">${t(PageTexts.PUBLIC_MACHINE, lang)}</a></p>` +
        reportForm({ lang, token: tokens.issue(now), ref: target.path, scanId: target.scanId, about: `${localName(product.nameVi, product.nameEn, lang)}${target.stamp ? ` — ${target.stamp.humanCode}` : ''}` });
      return page({
        lang,
        title: `${translate(`PUBLIC_STATUS_${target.status.code}`, lang)} — ${localName(product.nameVi, product.nameEn, lang)}`,
        path: target.path,
        head: `<link rel="linkset" type="application/linkset+json" href="${esc(target.path)}?linkType=all">`,
        body,
        scripts: target.scanId ? [PLACE_SCRIPT_URL] : [],
      });
    },

    renderProblem(problem: ResolverProblem, ctx: RenderContext): string {
      return problemPage(problem, ctx.lang, tokens.issue(clock.now()));
    },
  };
}
