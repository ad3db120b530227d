// "Verified by the ledger": the badge says exactly how many of the records on the page are in the transparency
// ledger's published tree, and links to the page where the phone checks the proofs itself.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { esc, query } from '../html/escape.ts';
import { t } from '../html/frame.ts';
import type { LedgerTally } from '../ledger/ledger-records.ts';
import { SiteTexts } from '../texts/site-texts.ts';

const SHIELD = '<svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5z" fill="#14532d"/><path d="m8 12 3 3 5-6" stroke="#fff" stroke-width="2.2" fill="none"/></svg>';

export interface ProofTarget {
  readonly product: string;
  readonly lot?: string | null;
  readonly stamp?: string | null;
}

export function proofHref(target: ProofTarget, lang: Lang): string {
  return `/proof${query({ product: target.product, lot: target.lot ?? null, stamp: target.stamp ?? null, lang })}`;
}

export function ledgerBadge(tally: LedgerTally, target: ProofTarget, lang: Lang): string {
  const all = tally.waiting === 0 && tally.total > 0;
  const title = all ? SiteTexts.PUBLIC_LEDGER_BADGE : SiteTexts.PUBLIC_LEDGER_PENDING_TITLE;
  const detail = all
    ? t(SiteTexts.PUBLIC_LEDGER_ALL, lang, { total: tally.total })
    : t(SiteTexts.PUBLIC_LEDGER_PARTIAL, lang, { included: tally.included, total: tally.total, pending: tally.waiting });
  return `<section class="ledger" id="ledger">${SHIELD}<div><h2>${t(title, lang)}</h2><p>${detail}</p>` +
    `<p><a href="${esc(proofHref(target, lang))}">${t(SiteTexts.PUBLIC_LEDGER_VERIFY, lang)}</a></p></div></section>`;
}
