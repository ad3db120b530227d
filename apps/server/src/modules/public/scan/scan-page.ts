// The scan page (plugged into the stamps resolver's ScanPageRenderer seam): status first, then the product, the
// scratch-code check, lot, origin, journey, certificates, standards, safety, producer, the ledger badge and the
// report form — every Circular 02 Art. 6.5 and Decree 37 Art. 32 field. The seam is synchronous: the parts that
// are not in the resolution (journey, ledger state, trademark, producer IDs) come from this module's caches,
// warmed before the resolver runs (scan-warmer.ts: for a stamp, one indexed read of its lot and ledger records);
// on a miss the page says what is still loading and links to the lot's passport, and the ledger badge counts
// what it cannot name yet as not included. What depends only on the product, producer, lot, origin and journey is
// drawn once per language and kept while those cached objects are the current ones (SharedParts); the status,
// recall, scan counts, the stamp's codes, the ledger tally and the form token are drawn for every scan.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { PublicPlace, RenderContext, ResolvedTarget, ResolverProblem, ScanPageRenderer } from '../../stamps/index.ts';
import { esc } from '../html/escape.ts';
import { dateTime, vietnamDay } from '../html/format.ts';
import { localName, page, row, t, tc } from '../html/frame.ts';
import type { JourneyStep } from '../facts/journey.ts';
import type { OrganizationFacts, PlaceFacts, ProductRow, PublicFacts } from '../facts/public-facts.ts';
import type { LedgerRecords, LedgerRef } from '../ledger/ledger-records.ts';
import { shownLedger } from '../ledger/page-records.ts';
import type { StampRecordsCache } from '../ledger/stamp-records.ts';
import type { FormTokens } from '../reports/form-token.ts';
import { reportForm } from '../reports/report-form.ts';
import { PageTexts } from '../texts/page-texts.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import { certificatesSection, lotSection, originSection, producerSection, productCodes, productDetailsParts, productHero, standardsAndSafety } from '../views/fact-sections.ts';
import { extraItem, journeyItems, journeyLoading, journeyOf } from '../views/journey-section.ts';
import { ledgerBadge } from '../views/ledger-badge.ts';
import { placeFromTarget, producerFromTarget, productFromTarget } from '../views/model.ts';
import { statusBanner } from '../views/status-banner.ts';
import { problemPage } from './problem-page.ts';
import { addTallies, createSharedRefs, createTally, NO_STEPS, type SharedRefs, type Tally } from './shared-refs.ts';

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
  /** The shared part's ledger records, kept with the scan warmer's (index.ts gives both the same). */
  readonly sharedRefs?: SharedRefs;
  readonly tally?: Tally;
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
  return `<section id="verify-code"><h2>${tc(PageTexts.PUBLIC_VERIFY_TITLE, lang)}</h2><p class="muted">${tc(PageTexts.PUBLIC_VERIFY_HELP, lang)}</p>${message}` +
    `<form class="row" method="post" action="${esc(target.path)}?lang=${lang}"><div><label for="code">${tc(PageTexts.PUBLIC_VERIFY_LABEL, lang)}</label>` +
    `<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{8,9}" maxlength="9" required></div>` +
    `<div><button type="submit">${tc(PageTexts.PUBLIC_VERIFY_SUBMIT, lang)}</button></div></form></section>`;
}

function stampSection(target: ResolvedTarget, lang: Lang): string {
  const s = target.stamp;
  if (!s) return '';
  const share = target.scanId
    ? `<p class="noprint"><button type="button" id="share-place" hidden data-scan="${esc(target.scanId)}" data-done="${tc(PageTexts.PUBLIC_SHARE_PLACE_DONE, lang)}">${tc(PageTexts.PUBLIC_SHARE_PLACE, lang)}</button></p><p class="muted" id="share-note" hidden>${tc(PageTexts.PUBLIC_SHARE_PLACE_NOTE, lang)}</p>`
    : '';
  return `<section id="stamp"><h2>${tc(PageTexts.PUBLIC_STAMP, lang)}</h2><dl>${row(tc(PageTexts.PUBLIC_F_STAMP_CODE, lang), `<span class="code">${esc(s.humanCode)}</span>`)}</dl>${share}</section>`;
}

/**
 * What a scan page shows of the product, its producer, lot, origin and journey, drawn once and kept per language,
 * product and lot. Valid while it was drawn from the very objects the caches hand out now (each cache gives a new
 * object when it reloads: a new version, an expired entry) and on the same calendar day (expiry and certificate
 * validity are compared with today); otherwise drawn again.
 */
interface SharedParts {
  readonly product: ResolvedTarget['product'];
  readonly organization: ResolvedTarget['organization'];
  readonly row: ProductRow | null | undefined;
  readonly org: OrganizationFacts | null | undefined;
  readonly lot: ResolvedTarget['lot'];
  readonly origin: PublicPlace | null;
  readonly originFacts: PlaceFacts | null | undefined;
  readonly journey: readonly JourneyStep[] | undefined;
  readonly day: string;
  readonly name: string;
  readonly hero: string;
  readonly lotAndOrigin: string;
  /** The journey's list items, or null while it is read. */
  readonly journeyItems: readonly string[] | null;
  readonly facts: string;
  readonly details: readonly [string, string];
  readonly refs: readonly LedgerRef[];
  readonly unresolved: number;
}

// About 10 KB of HTML each: 2,000 lots × languages stay within ~20 MB.
const SHARED_MAX = 2_000;

/** The report form as pieces around what changes per page (reportForm drawn once per language with markers). */
const FIELD = /\uE000([a-z])\uE000/;
const MARK = (name: string) => `\uE000${name}\uE000`;
const formPieces = new Map<string, readonly string[] | null>();

function scanReportForm(lang: Lang, token: string, ref: string, scanId: string | null, about: string): string {
  const key = `${lang}${scanId ? 's' : ''}`;
  let pieces = formPieces.get(key);
  if (pieces === undefined) {
    const split = reportForm({ lang, token: MARK('t'), ref: MARK('r'), scanId: scanId ? MARK('s') : null, about: MARK('a') }).split(FIELD);
    // Text, then name and text in turn: each field once, or the form is drawn whole every time.
    const names = split.filter((_, i) => i % 2 === 1).sort().join('');
    pieces = names === (scanId ? 'arst' : 'art') ? split : null;
    formPieces.set(key, pieces);
  }
  if (!pieces || !about) return reportForm({ lang, token, ref, scanId, about });
  const values: Record<string, string> = { t: esc(token), r: esc(ref), s: esc(scanId), a: esc(about) };
  let html = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) html += values[pieces[i]!]! + pieces[i + 1]!;
  return html;
}

export function createScanPage(deps: ScanPageDeps): ScanPageRenderer {
  const { facts, ledger, stampRecords, tokens, clock } = deps;
  const sharedRefs = deps.sharedRefs ?? createSharedRefs();
  const tallyOf = deps.tally ?? createTally(ledger);
  const shared = new Map<string, SharedParts>();

  /** The stamp's own ledger records as of the status just resolved; 'unknown' while they are read, or when the
   * database did not answer (the status itself is then unknown). */
  function stampLedger(target: ResolvedTarget) {
    const s = target.stamp;
    if (!s) return null;
    if (s.lifecycle === null) return 'unknown' as const;
    return stampRecords.peek(s.serial, s.lifecycle)?.refs ?? ('unknown' as const);
  }

  function sharedParts(target: ResolvedTarget, lang: Lang, now: Date): SharedParts {
    const lot = target.lot;
    const row = facts.products.peek(target.product.id, String(target.product.version));
    const org = facts.organizations.peek(target.organization.id, String(target.organization.updatedAtMs));
    const origin = target.lotOrigin ?? target.productOrigin;
    const originFacts = origin ? facts.places.peek(origin.id) : undefined;
    const journey = lot ? facts.journeys.peek(lot.id, String(lot.version))?.steps : NO_STEPS;
    const day = vietnamDay(now);
    const key = `${lang}|${target.product.id}|${lot?.id ?? ''}`;
    const hit = shared.get(key);
    if (
      hit && hit.product === target.product && hit.organization === target.organization && hit.row === row && hit.org === org && hit.lot === lot &&
      hit.origin === origin && hit.originFacts === originFacts && hit.journey === journey && hit.day === day
    ) return hit;
    const product = productFromTarget(target, row);
    const producer = producerFromTarget(target, org);
    const origins = origin ? [placeFromTarget(origin, originFacts)] : [];
    const lotView = lot ? { id: lot.id, version: lot.version, lotCode: lot.lotCode, productionDate: lot.productionDate, harvestDate: lot.harvestDate, expiryDate: lot.expiryDate } : null;
    const shown = { product, lot: lot ? { id: lot.id, version: lot.version } : null, places: origins, journey };
    const parts: SharedParts = {
      product: target.product, organization: target.organization, row, org, lot, origin, originFacts, journey, day,
      name: localName(product.nameVi, product.nameEn, lang),
      hero: productHero(product, producer, lang, 2),
      lotAndOrigin: (lot ? lotSection(lotView, lang, now, true) : '') + originSection(origins, lang),
      journeyItems: lot && journey ? journeyItems(journey, lang) : null,
      facts: certificatesSection(product, lang, now) + standardsAndSafety(product, lang) + producerSection(producer, lang),
      details: productDetailsParts(product, lang),
      refs: sharedRefs(shown),
      unresolved: shownLedger({ ...shown, journey: journey ?? undefined, stamp: null }).unresolved,
    };
    if (!hit && shared.size >= SHARED_MAX) shared.delete(shared.keys().next().value!);
    shared.set(key, parts);
    return parts;
  }

  return {
    renderTarget(target: ResolvedTarget, ctx: RenderContext): string {
      const { lang } = ctx;
      const now = clock.now();
      const lot = target.lot;
      const parts = sharedParts(target, lang, now);
      const stamp = target.stamp;
      let journey = '';
      if (lot) {
        if (!parts.journeyItems) journey = journeyLoading(lang, lot.id);
        else {
          const items = stamp?.activatedAt ? [...parts.journeyItems, extraItem({ at: stamp.activatedAt, title: translate(PageTexts.PUBLIC_JOURNEY_ACTIVATED, lang) }, lang)] : parts.journeyItems;
          journey = journeyOf(items, lang, { lotId: lot.id, limit: JOURNEY_ON_SCAN });
        }
      }
      const own = stampLedger(target);
      const shownTally = tallyOf(parts.refs, parts.unresolved + (own === 'unknown' ? 1 : 0));
      const tally = Array.isArray(own) && own.length ? addTallies(shownTally, tallyOf(own as readonly LedgerRef[])) : shownTally;
      const traceCode = stamp?.printedUri ?? (target.digitalLink ? `${ctx.baseUrl}${target.path}` : null);
      const path = esc(target.path);
      const body =
        statusBanner(target, lang) +
        parts.hero +
        verifySection(target, ctx) +
        parts.lotAndOrigin +
        journey +
        parts.facts +
        parts.details[0] + productCodes(lang, { serial: stamp?.serial ?? null, traceCode }) + parts.details[1] +
        stampSection(target, lang) +
        ledgerBadge(tally, { product: target.product.id, lot: lot?.id ?? null, stamp: stamp?.serial ?? null }, lang) +
        `<p class="noprint"><a href="/products/${esc(target.product.id)}?lang=${lang}">${tc(SiteTexts.PUBLIC_PASSPORT_OPEN, lang)}</a> · <a href="${path}?linkType=all" type="application/linkset+json">${tc(PageTexts.PUBLIC_MACHINE, lang)}</a></p>` +
        scanReportForm(lang, tokens.issue(now), target.path, target.scanId, `${parts.name}${stamp ? ` — ${stamp.humanCode}` : ''}`);
      return page({
        lang,
        title: `${translate(`PUBLIC_STATUS_${target.status.code}`, lang)} — ${parts.name}`,
        path: target.path,
        head: `<link rel="linkset" type="application/linkset+json" href="${path}?linkType=all">`,
        body,
        scripts: target.scanId ? [PLACE_SCRIPT_URL] : [],
      });
    },

    renderProblem(problem: ResolverProblem, ctx: RenderContext): string {
      return problemPage(problem, ctx.lang, tokens.issue(clock.now()));
    },
  };
}
