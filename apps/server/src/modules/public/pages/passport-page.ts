// The digital product passport (Decree 37/2026 Art. 32): per product and per lot, every field a person needs
// (name and GTIN; producer name, address and IDs; origin; traceability — the lot's full journey; certificates;
// production and expiry dates; safety warnings), its unique identifier and version, the ledger badge, and the
// same facts as JSON-LD for machines.
import type { Lang } from '../../../platform/i18n/messages.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import { esc, jsonForScript, query } from '../html/escape.ts';
import { dateTime } from '../html/format.ts';
import { localName, page, row, t } from '../html/frame.ts';
import type { Journey, LotRow, OrganizationFacts, PlaceFacts, ProductRow } from '../facts/public-facts.ts';
import type { LedgerTally } from '../ledger/ledger-records.ts';
import { ReportTexts } from '../reports/report-texts.ts';
import { PageTexts } from '../texts/page-texts.ts';
import { SiteTexts } from '../texts/site-texts.ts';
import { certificatesSection, lotSection, originSection, producerSection, productDetails, productHero, standardsAndSafety } from '../views/fact-sections.ts';
import { journeySection } from '../views/journey-section.ts';
import { ledgerBadge } from '../views/ledger-badge.ts';
import { lotFromRow, placeFromFacts, producerFromFacts, productFromRow } from '../views/model.ts';
import { passportJsonLd } from './json-ld.ts';

export interface PassportInput {
  readonly lang: Lang;
  readonly baseUrl: string;
  readonly now: Date;
  readonly product: ProductRow;
  readonly producer: OrganizationFacts;
  readonly origin: PlaceFacts | null;
  readonly tally: LedgerTally;
  /** Lot passport: the lot and its journey. */
  readonly lot?: { readonly row: LotRow; readonly journey: Journey } | null;
  /** Product passport: its latest lots. */
  readonly lots?: readonly LotRow[];
}

export function passportPage(i: PassportInput): string {
  const { lang } = i;
  const product = productFromRow(i.product);
  const producer = producerFromFacts(i.producer);
  const origin = i.origin ? placeFromFacts(i.origin) : null;
  const lot = i.lot ? lotFromRow(i.lot.row) : null;
  const name = localName(product.nameVi, product.nameEn, lang);
  const id = lot ? `${i.baseUrl}/lots/${lot.id}` : `${i.baseUrl}/products/${product.id}`;
  const path = lot ? `/lots/${lot.id}` : `/products/${product.id}`;
  const title = lot ? SiteTexts.PUBLIC_PASSPORT_LOT : SiteTexts.PUBLIC_PASSPORT;
  const identity = `<section><p class="muted">${t(title, lang)} · ${t(SiteTexts.PUBLIC_PASSPORT_BASIS, lang)}</p><dl>` +
    row(t(SiteTexts.PUBLIC_PASSPORT_ID, lang), `<span class="code">${esc(id)}</span>`) +
    row(t(SiteTexts.PUBLIC_PASSPORT_VERSION_LABEL, lang), t(SiteTexts.PUBLIC_PASSPORT_VERSION, lang, { version: lot ? `${product.version}.${lot.version}` : product.version, date: dateTime(lot ? i.lot!.row.updatedAt : i.product.updatedAt, lang) })) +
    `</dl>${lot ? `<p><a href="/products/${esc(product.id)}?lang=${lang}">${t(SiteTexts.PUBLIC_PASSPORT_PRODUCT_LINK, lang)}</a></p>` : ''}</section>`;
  const lots = i.lots
    ? `<section id="lots"><h2>${t(SiteTexts.PUBLIC_PASSPORT_LOTS, lang)}</h2>${i.lots.length ? `<ul>${i.lots.map((l) => `<li><a href="/lots/${esc(l.id)}?lang=${lang}">${esc(l.lotCode)}</a>${l.productionDate || l.harvestDate ? ` — ${esc(l.productionDate ?? l.harvestDate)}` : ''}</li>`).join('')}</ul>` : `<p class="muted">${t(SiteTexts.PUBLIC_PASSPORT_LOTS_NONE, lang)}</p>`}</section>`
    : '';
  const body =
    productHero(product, producer, lang, 1) +
    identity +
    (lot ? lotSection(lot, lang, i.now, false) : '') +
    originSection(origin ? [origin] : [], lang) +
    (i.lot ? journeySection(i.lot.journey.steps, lang, { lotId: null }) : '') +
    certificatesSection(product, lang, i.now) +
    standardsAndSafety(product, lang) +
    producerSection(producer, lang) +
    productDetails(product, lang, { traceCode: product.gtin ? `${i.baseUrl}/01/${product.gtin}${lot ? `/10/${encodeURIComponent(lot.lotCode)}` : ''}` : null }) +
    lots +
    ledgerBadge(i.tally, { product: product.id, lot: lot?.id ?? null }, lang) +
    `<p class="noprint"><a href="/report${query({ ref: lot ? `lot:${lot.id}` : `product:${product.id}`, lang })}">${t(ReportTexts.PUBLIC_REPORT_TITLE, lang)}</a></p>`;
  return page({
    lang,
    title: `${name} — ${translate(title, lang)}`,
    description: translate(PageTexts.PUBLIC_SITE, lang),
    path,
    index: true,
    head: `<script type="application/ld+json">${jsonForScript(passportJsonLd({ baseUrl: i.baseUrl, product, producer, origin, lot }))}</script>`,
    body,
  });
}
